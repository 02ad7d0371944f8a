"""Tests of studyguide.study_sheet (unit) and of the study-sheet page in a built site.

The unit tests compose the sheet from the guide's real claims and pages. The framework step
names and the labelled facts the tests expect are read here with their own patterns, so a
bug in the module cannot hide itself.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide.claims import load_registry
from studyguide.expand import expand_page
from studyguide.study_sheet import (
    FRAMEWORK_PAGES,
    PATTERN_PAGES,
    SHEET,
    escape_markdown,
    figures_markdown,
    render_sheet,
    shown_claims,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs"
STEP_HEADING_RE = re.compile(r"^## +(?:Step|Layer) +\d+: *(.+?)\s*$", re.M)
# The sheet's parts, in the order a candidate reads them.
HEADINGS = (
    "## How you are scored",
    "## The first minutes",
    "## The body of the answer",
    "## When they push back",
    "## When they ask why that tool",
    "## Mistakes to avoid",
    "## The round, as reported",
)


def _pages() -> dict[str, str]:
    return {p.relative_to(DOCS).as_posix(): p.read_text("utf-8") for p in DOCS.rglob("*.md")}


@pytest.fixture(scope="module")
def registry():
    reg, problems = load_registry((DOCS / "claims.yml").read_text("utf-8"))
    assert not problems
    return reg


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return _pages()


@pytest.fixture(scope="module")
def sheet(registry, pages):
    return render_sheet(registry, pages)


def step_names(pages: dict[str, str]) -> list[str]:
    """Every framework step name, read from the framework pages' headings."""
    names = [n for src in FRAMEWORK_PAGES for n in STEP_HEADING_RE.findall(pages[src])]
    assert len(names) >= 6, "the two frameworks should have several steps between them"
    return names


# --- The real guide ------------------------------------------------------------------------


def test_sheet_has_every_framework_step_as_a_move(sheet, pages) -> None:
    for name in step_names(pages):
        move = name[:1].upper() + name[1:]
        assert f"**{move}.**" in sheet.markdown or f". {move}.**" in sheet.markdown, name


def test_sheet_has_its_parts_in_reading_order(sheet) -> None:
    positions = [sheet.markdown.find(h) for h in HEADINGS]
    assert -1 not in positions, [h for h, p in zip(HEADINGS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert "::script[script-technology-choice]" in sheet.markdown
    assert "::script[script-realtime-tradeoff]" in sheet.markdown
    assert "../downloads/study-sheet.pdf" in sheet.markdown
    assert "../downloads/study-sheet-a4.pdf" in sheet.markdown


def test_the_checklist_is_not_on_the_sheet(sheet, pages) -> None:
    assert "- [ ]" not in sheet.markdown and "Checklist" not in sheet.markdown
    first_item = re.search(r"^- \[ \] (.{20})", pages["checklist.md"], re.M)
    assert first_item and first_item.group(1) not in sheet.markdown


def test_every_labelled_fact_is_shown_with_its_label_and_nothing_by_its_id(sheet, registry) -> None:
    labelled = {c.id: c.label for c in registry.claims.values() if c.label}
    assert labelled, "claims.yml labels the facts the sheet lists"
    for cid, label in labelled.items():
        assert f"{escape_markdown(label)}: :claim[{cid}]" in sheet.markdown
    # Loose figures appear only in the rubric (by its criterion) and the labelled list.
    figures = re.findall(r"(?<!:):claim\[([^\]]+)\]", sheet.markdown)
    weights = re.findall(r"^\| [^|]+ \| :claim\[([^\]]+)\] \|", sheet.markdown, re.M)
    assert sorted(figures) == sorted([*labelled, *weights])
    # No label is ever built from an id: outside the references, no id shows, in any spelling.
    shown = re.sub(r"::?(?:claim|script)\[[^\]]+\]", " ", sheet.markdown).lower()
    shown = " ".join(shown.replace("-", " ").split())
    for cid in registry.claims:
        assert cid.replace("-", " ") not in shown, cid


def test_a_label_on_a_claim_that_is_not_a_fact_is_a_problem(registry) -> None:
    changed = dataclasses.replace(registry, claims=dict(registry.claims))
    example = next(c for c in changed.claims.values() if c.kind == "example")
    changed.claims[example.id] = example._replace(label="An example")
    markdown, problems = figures_markdown(changed)
    assert f":claim[{example.id}]" not in markdown
    assert len(problems) == 1 and problems[0].path == "docs/claims.yml"
    assert problems[0].line == example.line and "remove its `label:`" in problems[0].message


def test_labels_are_escaped_for_markdown() -> None:
    assert escape_markdown("Runs *per* [day] <x>") == "Runs \\*per\\* \\[day\\] \\<x\\>"


def test_sheet_reads_the_real_guide_without_problems(sheet) -> None:
    assert sheet.problems == []


def test_sheet_passes_the_figure_scanner(sheet, registry) -> None:
    """The claims hook expands the generated page and fails the build on raw figures."""
    result = expand_page(sheet.markdown, registry, f"(generated) {SHEET}")
    assert result.problems == []
    assert ":claim[" not in result.markdown and "::script[" not in result.markdown


def test_each_script_appears_once(sheet) -> None:
    scripts = re.findall(r"^::script\[([^\]]+)\]$", sheet.markdown, re.M)
    assert scripts and len(scripts) == len(set(scripts))


def test_a_claim_value_change_flows_through(registry, pages) -> None:
    changed = dataclasses.replace(registry, claims=dict(registry.claims))
    old = changed.claims["rounds-count"]
    changed.claims["rounds-count"] = old._replace(value="five rounds")
    before = expand_page(render_sheet(registry, pages).markdown, registry, "x").markdown
    after = expand_page(render_sheet(changed, pages).markdown, changed, "x").markdown
    assert "five rounds" in after and "five rounds" not in before
    # An embedded figure changes its script too.
    changed.claims["turnaround-after"] = changed.claims["turnaround-after"]._replace(
        value="7 minutes"
    )
    after = expand_page(render_sheet(changed, pages).markdown, changed, "x").markdown
    assert "7 minutes" in after


def test_shown_claims_include_embedded_figures(sheet, registry) -> None:
    shown = set(sheet.claims)
    assert "script-product-goal" in shown
    assert set(registry.refs("script-product-goal")) <= shown
    assert all(cid in registry.claims for cid in shown)


def test_missing_pages_are_reported_and_the_rest_still_renders(registry) -> None:
    sheet = render_sheet(registry, {})
    missing = {p.path for p in sheet.problems}
    assert {f"docs/{p}" for p in (*FRAMEWORK_PAGES, *PATTERN_PAGES)} <= missing
    assert "## The round, as reported" in sheet.markdown


def test_shown_claims_ignore_unknown_ids(registry) -> None:
    assert shown_claims(":claim[nope] :claim[rounds-count]", registry) == ["rounds-count"]


# --- The page in a built site --------------------------------------------------------------


@pytest.mark.integration
def test_built_site_has_the_sheet_page_in_the_nav(site_dir: Path) -> None:
    html = (site_dir / "study-sheet" / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    content = soup.select_one("article.md-content__inner")
    assert content is not None
    text = content.get_text(" ", strip=True)
    assert ":claim[" not in text and "::script[" not in text
    assert content.select("figure.script"), "model lines are rendered as script blocks"
    assert content.select(".sheet-rubric table a.claim--fact"), "the rubric shows its weights"
    assert content.select(".sheet-figures a.claim--fact")
    hrefs = [a["href"] for a in content.select(".sheet-downloads a")]
    assert hrefs == ["../downloads/study-sheet.pdf", "../downloads/study-sheet-a4.pdf"]
    home = BeautifulSoup((site_dir / "index.html").read_text("utf-8"), "html.parser")
    assert any(a.get("href") == "study-sheet/" for a in home.select("nav a"))
    assert not (ROOT / "docs" / SHEET).exists(), "the sheet is generated, never written"


@pytest.mark.integration
def test_ledger_lists_the_sheet_as_a_user_of_its_claims(site_dir: Path) -> None:
    ledger = (site_dir / "sources" / "index.html").read_text("utf-8")
    row = BeautifulSoup(ledger, "html.parser").select_one("#claim-rounds-count")
    assert row is not None
    assert row.name == "tr"
    assert "study sheet" in row.get_text(" ").lower()
