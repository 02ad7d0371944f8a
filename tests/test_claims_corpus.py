"""The labelled corpus (tests/claims_corpus.py) as referee of the output check.

Each case is rendered on its surface as a reader gets it (Markdown through the site's
extensions; head, navigation, ledger note, search index and card fields as the built site
holds them), checked, and its findings located in the file a contributor would edit. The
run prints recall (must-fail cases caught) and the false-positive rate (must-pass cases
flagged), and fails below 100% recall or above 2% false positives.
"""

from __future__ import annotations

import html
import json

import pytest

from studyguide.claims import Registry
from studyguide.locate import SourceFile
from studyguide.output_check import OutputCheck
from studyguide.output_text import DOWNLOAD as DOWNLOAD_SURFACE
from studyguide.problems import Problem
from studyguide.scan import find_unsourced, render_markdown
from tests import claims_corpus as corpus

MAX_FALSE_POSITIVE_RATE = 0.02


def _page(head: str = "", nav: str = "", body: str = "") -> str:
    return (
        f'<html><head>{head}</head><body><header class="md-header">Site</header>'
        f'<nav class="md-nav">{nav}</nav><article class="md-content__inner">{body}</article>'
        "<footer>Footer</footer></body></html>"
    )


def check_case(surface: str, text: str) -> tuple[list[Problem], str]:
    """The problems the check reports for one case, and the file they must point to."""
    check = OutputCheck(Registry())
    one_line = " ".join(text.split())
    esc = html.escape(one_line)
    if surface == corpus.BODY:
        return find_unsourced(text, "docs/case.md"), "docs/case.md"
    if surface in (corpus.TITLE, corpus.DESCRIPTION):
        key = "title" if surface == corpus.TITLE else "description"
        page = SourceFile("docs/case.md", f"---\n{key}: {one_line}\n---\n\n# Case\n")
        head = (
            f"<title>{esc} - Site</title>"
            if key == "title"
            else f'<meta name="description" content="{esc}">'
        ) + f'<meta property="og:{key}" content="{esc}">'
        return check.page(_page(head=head), [page], "docs/case.md"), "docs/case.md"
    if surface in (corpus.NAV, corpus.SITE_DESCRIPTION):
        if surface == corpus.NAV:
            config = f'site_name: Site\nnav:\n  - Home: index.md\n  - "{one_line}": case.md\n'
            document = _page(nav=f'<a href="case/">{esc}</a>')
        else:
            config = f"site_name: Site\nsite_description: >-\n  {one_line}\n"
            document = _page(head=f'<meta name="description" content="{esc}">')
        page = SourceFile("docs/case.md", "# Case\n\nNothing here.\n")
        files = [page, SourceFile("mkdocs.yml", config)]
        return check.page(document, files, "docs/case.md"), "mkdocs.yml"
    if surface == corpus.INCLUDE:
        page = SourceFile("docs/case.md", '# Case\n\n--8<-- "case.md"\n')
        include = SourceFile("docs/includes/case.md", text + "\n")
        body = render_markdown("# Case\n\n" + text + "\n")
        return check.page(_page(body=body), [page, include], "docs/case.md"), include.path
    if surface == corpus.NOTE:
        claims = SourceFile(
            "docs/claims.yml",
            f'claims:\n  x:\n    value: "1"\n    kind: fact\n    source: s\n    note: {one_line}\n',
        )
        cell = f'<span class="claim-value">1</span><br><small>{esc}</small>'
        body = f"<table><tr><td>{cell}</td></tr></table>"
        return check.page(_page(body=body), [claims], "(generated) sources.md"), claims.path
    if surface == corpus.SEARCH:
        page = SourceFile("docs/case.md", f"# Case\n\n{text}\n")
        index = json.dumps(
            {"docs": [{"location": "case/", "title": "Case", "text": f"<p>{esc}</p>"}]}
        )
        found = check.search_index(index, {"case/": ([page], "docs/case.md")}, {})
        return found, "docs/case.md"
    if surface == corpus.DOWNLOAD:
        page = SourceFile("docs/case.md", f'# Case\n\n??? question "Q"\n    {one_line}\n')
        found = check.fragment(render_markdown(text), DOWNLOAD_SURFACE, [page], "docs/case.md")
        return found, "docs/case.md"
    raise ValueError(surface)


def _caught(surface: str, text: str) -> tuple[bool, str]:
    problems, path = check_case(surface, text)
    if not problems:
        return False, "nothing reported"
    for p in problems:
        if p.path != path:
            return False, f"located in {p.path}, not {path}: {p}"
        if "\n" in str(p):
            return False, f"message spans lines: {p!r}"
    return True, ""


def test_corpus_recall_and_false_positive_rate(capsys: pytest.CaptureFixture[str]) -> None:
    fails = corpus.must_fail()
    missed = []
    for surface, text in fails:
        ok, why = _caught(surface, text)
        if not ok:
            missed.append(f"{surface}: {text!r}: {why}")
    flagged = []
    for text in corpus.MUST_PASS:
        problems, _ = check_case(corpus.BODY, text)
        if problems:
            flagged.append(f"{text!r}: {problems[0]}")
    recall = 1 - len(missed) / len(fails)
    fp_rate = len(flagged) / len(corpus.MUST_PASS)
    with capsys.disabled():
        print(
            f"\nclaims corpus: {len(fails)} must-fail, {len(corpus.MUST_PASS)} must-pass; "
            f"recall {recall:.1%}, false positives {fp_rate:.1%}"
        )
    assert not missed, "missed:\n" + "\n".join(missed)
    assert fp_rate <= MAX_FALSE_POSITIVE_RATE, "flagged:\n" + "\n".join(flagged)


def test_corpus_is_big_and_spread_over_every_surface() -> None:
    fails = corpus.must_fail()
    assert len(fails) >= 150 and len(corpus.MUST_PASS) >= 150
    assert len(fails) + len(corpus.MUST_PASS) >= 300
    counts = {s: sum(1 for f, _ in fails if f == s) for s in corpus.SURFACES}
    assert all(n >= 3 for n in counts.values()), counts
