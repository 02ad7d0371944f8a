"""studyguide.claim_slots: a page whose figures are slotted out of the Markdown and put back
after rendering is byte for byte the page rendered with the figures' HTML in its Markdown.

Both are rendered with the site's own Markdown extensions and settings (mkdocs.yml): every
page of the guide (figures and model lines slotted, as the claims hook does), and a generated
corpus of contexts (containers times every neighbour a figure can have, times kinds). Where a
slot could come out otherwise, `slot_claims` must leave the figure in or `fill_claims` must
refuse (None): the test fails on any other HTML.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studyguide.bench.synthetic import expand_markdown
from studyguide.claim_slots import (
    WORD,
    WORD_START,
    abbreviations,
    fill_claims,
    slot_claims,
    unslot_claims,
)
from studyguide.claims import Registry, load_registry
from studyguide.expand import expand_page
from studyguide.figure_slots import SCRIPTS, fill_figures, slot_figures
from tests.conftest import copy_project, mkdocs_build
from tests.test_deck_slots import site_config, site_markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPET_KEYS = abbreviations(p.read_text("utf-8") for p in (DOCS / "includes").rglob("*.md"))
GUIDE_PAGES = sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.relative_to(DOCS).parts)


def _toc_words(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield token["name"] + token["id"]
        yield from _toc_words(token["children"])


def both_ways(expanded: str, keys: frozenset[str] = frozenset()) -> tuple[str, str | None, int]:
    """The page rendered with its figures' HTML in the Markdown; rendered slotted and filled
    as the claims hook does (None where the hook would render it in full); how many were
    slotted. Model lines are slotted too."""
    whole = site_markdown().convert(expanded)
    slotted = slot_claims(expanded, keys)
    text, scripts = slot_figures(slotted.markdown, SCRIPTS)
    md = site_markdown()
    filled = fill_claims(md.convert(text), slotted.figures)
    if filled is not None and scripts:
        filled = fill_figures(filled, scripts, SCRIPTS)
    if any(WORD_START in t for t in _toc_words(getattr(md, "toc_tokens", []))):
        filled = None  # the hook's check of the table of contents
    return whole, filled, len(slotted.figures) + len(scripts)


@pytest.fixture(scope="module")
def guide_registry() -> Registry:
    registry, problems = load_registry((DOCS / "claims.yml").read_text("utf-8"))
    assert not problems
    return registry


def test_every_page_of_the_guide_renders_the_same_slotted(guide_registry: Registry) -> None:
    slotted_total = 0
    for page in GUIDE_PAGES:
        rel = page.relative_to(DOCS).as_posix()
        expanded = expand_markdown(page.read_text("utf-8"), guide_registry, rel)
        body = expanded.split("---\n", 2)[2] if expanded.startswith("---\n") else expanded
        whole, filled, count = both_ways(body, SNIPPET_KEYS)
        assert filled == whole, rel  # never other HTML, and never a full render on the guide
        slotted_total += count
    # Nearly every figure and model line of the guide takes the fast way (84 of 85 figures,
    # 44 of 49 model lines when this was written; the rest stay in the Markdown).
    assert slotted_total >= 120


# --- A corpus of contexts -------------------------------------------------------------------

CLAIMS_YAML = """\
sources:
  s:
    title: "A source with W&B and * _ [brackets] in its title"
    date: 2026-12-01
    note: For the tests.
claims:
  plain:
    value: "61 ms"
    kind: fact
    source: s
  example:
    value: "about 40% of teams"
    kind: example
    source: s
  marked:
    value: "3 SLAs at W&B's p95, it's <fine> & done"
    kind: fact
    source: s
  line:
    value: "I would keep the SLA at 99.9% and say what it costs the team."
    kind: script
    source: s
"""

# Where a figure can stand; {c} is the figure with its neighbours.
CONTAINERS = [
    "Text {c} more.\n",
    "{c}\n",
    "Text\n\n{c}\n\nMore.\n",
    "- item {c} more\n",
    "1. item {c}\n\n    continued {c}\n",
    "| a | b |\n|---|---|\n| x | {c} |\n",
    "| {c} | b |\n|---|---|\n| x | y |\n",
    "> quoted {c} here\n> and on\n",
    '!!! note "N"\n\n    Inside {c} here.\n',
    '=== "A"\n\n    Tab {c} here.\n\n=== "B"\n\n    Other.\n',
    '??? note "D"\n\n    Details {c}.\n',
    "Text[^1].\n\n[^1]: Note {c} here.\n",
    "Term\n:   Definition {c}.\n",
    "<div markdown>\n\nInside {c} div.\n\n</div>\n",
    "<div>\nRaw {c} block.\n</div>\n",
    "## Heading {c}\n\nText.\n",
    "Setext {c}\n------\n\nText.\n",
    "Setext {c}\n======\n",
    "    indented code {c}\n",
    "Text\n\n    indented code {c}\n",
    "[link {c} text](http://example.com)\n",
    '[a](http://example.com "title {c}")\n',
    "[ref]: http://example.com 'title {c}'\n\nUse [ref].\n",
    "*em {c}*\n",
    "**strong {c}**\n",
    "_em {c}_ and _{c}_\n",
    "__strong {c}__\n",
    "Text `code` then {c} and `more`.\n",
    "Text <!-- {c} --> after.\n",
    "*[ms]: milliseconds\n\nTook {c} here.\n",
    "*[W&B]: Weights and Biases\n\nAt {c} W&B.\n",
    "*[e.g.]: for example\n\nSee e.g.{c} here.\n",
    "*[.5]: a half\n\nSee {c}.5 here.\n",
    "- [ ] task {c}\n",
    "Line one {c}  \nline two\n",
    "Text {c}\n{: .cls }\n",
    "<span>{c}</span> and <b>x</b>\n",
    "![alt {c}](img.png)\n",
    "Text {c} and {c} twice.\n",
    "A paragraph\n\n***\n\n{c}\n",
]
NEIGHBOURS = list(" \t()[]|,.;:?!\"'*_/-\\&<>~^={}#a1\u2013\u2014\u201c\u201d\u00a0%$")
IDS = ["plain", "example", "marked"]


def corpus() -> Iterator[tuple[str, str]]:
    """(case name, Markdown) for every container with every left and every right neighbour,
    the figure's claim taking turns."""
    n = 0
    for c, container in enumerate(CONTAINERS):
        for left, right in [(x, " ") for x in NEIGHBOURS] + [(" ", x) for x in NEIGHBOURS]:
            cid = IDS[n % len(IDS)]
            n += 1
            figure = f"{left}:claim[{cid}]{right}"
            yield f"{c}:{left!r}:{right!r}:{cid}", container.replace("{c}", figure)


def test_every_context_renders_the_same_or_is_refused() -> None:
    registry, problems = load_registry(CLAIMS_YAML)
    assert not problems
    wrong, slotted, cases = [], 0, 0
    for name, text in corpus():
        expanded = expand_page(text, registry, "p.md", ledger_url="../s/", check_prose=False)
        whole, filled, count = both_ways(expanded.markdown)
        cases += 1
        if filled is not None:
            slotted += count
            if filled != whole:
                wrong.append(name)
    assert not wrong, f"{len(wrong)} of {cases} cases differ: {wrong[:20]}"
    # The corpus is not trivially refused: about half its neighbours and a third of its
    # containers keep a figure in the Markdown, and the rest take the fast way (1,297
    # figures of 3,040 cases when this was written).
    assert cases > 3000 and slotted > cases // 3


def test_model_lines_render_the_same_slotted() -> None:
    registry, _ = load_registry(CLAIMS_YAML)
    pages = [
        "::script[line]\n",
        "Intro.\n\n::script[line]\n\nAfter :claim[plain].\n",
        "- item\n\n    ::script[line]\n",
        '!!! quote "Q"\n\n    ::script[line]\n',
        "<div markdown>\n\n::script[line]\n\n</div>\n",
        "Intro.\n\n::script[line]\n\n::script[line]\n",
    ]
    for text in pages:
        expanded = expand_page(text, registry, "p.md", check_prose=False).markdown
        whole, filled, _ = both_ways(expanded)
        assert filled == whole, text


# --- What is slotted, refused and put back ---------------------------------------------------


def _expanded(text: str) -> str:
    registry, _ = load_registry(CLAIMS_YAML)
    return expand_page(text, registry, "p.md", check_prose=False).markdown


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("A :claim[plain] and :claim[example].\n", 2),
        ("## A heading with :claim[plain]\n", 0),  # a heading's id comes from its text
        ("> ## A quoted heading :claim[plain]\n", 0),
        ("Joined:claim[plain]s here.\n", 0),  # a letter beside it
        ("Escaped \\:claim[plain] here.\n", 0),  # a backslash before it
        ("Code `:claim[plain]` and <!-- :claim[plain] -->.\n", 0),  # never expanded
        ("A figure with an SLA: :claim[marked].\n", 1),  # no abbreviation on this page
        ("*[SLAs]: x\n\nA figure: :claim[marked].\n", 0),  # its text holds an abbreviation
        ("Already holds GuideClaimSlot0x: :claim[plain].\n", 0),  # a page's own word
    ],
)
def test_what_is_slotted(text: str, slots: int) -> None:
    assert len(slot_claims(_expanded(text)).figures) == slots


def test_an_abbreviation_from_a_snippet_keeps_the_figure_in() -> None:
    expanded = _expanded("A figure: :claim[marked].\n")
    assert len(slot_claims(expanded).figures) == 1
    assert slot_claims(expanded, frozenset({"p95"})).figures == []
    # An abbreviation that ends in punctuation, right before the figure.
    assert slot_claims(_expanded("e.g.:claim[plain]\n"), frozenset({"e.g."})).figures == []


@pytest.mark.parametrize(
    "html",
    [
        "<p>{0} and {0}</p>",  # twice
        "<p>nothing</p>",  # gone
        '<p><a title="{0}">x</a></p>',  # inside a tag
        "<pre><code>{0}\n</code></pre>",  # in code: the HTML would show as text
        "<p><code>{0}</code></p>",
        "<p>{0} and GuideClaimSlot7x</p>",  # a word with no figure
    ],
)
def test_a_word_that_did_not_come_out_once_as_text_is_refused(html: str) -> None:
    assert fill_claims(html.format(WORD.format(0)), ["<a>F</a>"]) is None


def test_filling_and_unslotting_put_each_figure_back_where_its_word_is() -> None:
    expanded = _expanded("First :claim[plain], then :claim[example] and :claim[plain].\n")
    slotted = slot_claims(expanded)
    assert len(slotted.figures) == 3 and "claim--" not in slotted.markdown
    assert unslot_claims(slotted.markdown, slotted.figures) == expanded
    html = f"<p>{slotted.markdown.strip()}</p>"
    assert fill_claims(html, slotted.figures) == f"<p>{expanded.strip()}</p>"


def test_snippet_abbreviations_reads_the_snippet_folders_and_the_glossary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studyguide.hook_support import snippet_abbreviations

    monkeypatch.chdir(ROOT)
    config = site_config()
    keys = snippet_abbreviations(config)
    assert keys is not None and {"SLA", "W&B", "p95"} <= keys
    options = dict(config.mdx_configs)
    monkeypatch.setitem(config, "mdx_configs", {**options, "abbr": {"glossary": {"QPS": "x"}}})
    assert "QPS" in (snippet_abbreviations(config) or set())
    snippets = {**options["pymdownx.snippets"], "url_download": True}
    monkeypatch.setitem(config, "mdx_configs", {**options, "pymdownx.snippets": snippets})
    assert snippet_abbreviations(config) is None  # a snippet from the web: slot nothing


def test_a_build_with_refused_and_slotted_figures_shows_each_figure(tmp_path: Path) -> None:
    """Integration: pages whose setext heading holds a figure (its slot comes out in the
    table of contents, so the hook renders the page in full), one of them with a slotted
    diagram, and the other pages' slotted figures all show every figure and diagram once,
    with no slot word left anywhere in the site."""
    project = copy_project(tmp_path / "site")
    diagram_page = next(p for p in GUIDE_PAGES if "::diagram[" in p.read_text("utf-8")).relative_to(
        DOCS
    )
    counts = {}
    for rel in (Path("faq.md"), diagram_page):
        page = project / "docs" / rel
        text = page.read_text("utf-8")
        cid = text.split(":claim[", 1)[1].split("]", 1)[0]
        heading = f"\n\nA setext heading with :claim[{cid}]\n---------\n\nBody.\n"
        page.write_text(text + heading, "utf-8")
        counts[rel] = (cid, text.count(f":claim[{cid}]") + 1, text.count("::diagram["))
    out = tmp_path / "out"
    run = mkdocs_build(project, out)
    assert run.returncode == 0, run.stderr[-2000:]
    for rel, (cid, uses, diagrams) in counts.items():
        built = (out / rel.with_suffix("") / "index.html").read_text("utf-8")
        assert built.count(f'data-claim-id="{cid}"') >= uses
        assert '<h2 id="a-setext-heading-with-' in built
        assert built.count('<figure class="diagram"') == diagrams
    for path in out.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text("utf-8").lower()  # ids are slugs in lower case
            for word in (WORD_START, SCRIPTS.word_start, "GuideDiagramSlot"):
                assert word.lower() not in text, path


def test_the_abbreviation_test_is_the_plain_one_on_generated_keys() -> None:
    """`_keys` (one search, first and last characters in sets) refuses a figure exactly when
    testing each key in turn would: any key in its text, ending with the character before
    it or starting with the one after. Keys include the empty key and regex characters."""
    import random

    from studyguide.claim_slots import _keys, _marked_by

    rng = random.Random(5)
    alphabet = "ab.*()[]|?+$ 1"
    for _ in range(3_000):
        keys = frozenset(
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
            for _ in range(rng.randint(0, 4))
        )
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        before, after = rng.choice(alphabet), rng.choice(alphabet)
        plain = any(k in text or k[-1:] == before or k[:1] == after for k in keys)
        assert _marked_by(_keys(keys), text, before, after) == plain, (keys, text, before, after)
