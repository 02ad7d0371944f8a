"""Tests of studyguide.study_sheet (unit) and of the study-sheet page in a built site.

The unit tests read the guide's real claims and pages, and small hand-made pages for the
edge cases. The framework step names the tests expect are read from the framework pages with
their own pattern here, so a parser bug in the module cannot hide itself.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide.claims import load_registry
from studyguide.page_text import first_sentence, plain_links
from studyguide.pages import process_page
from studyguide.study_sheet import (
    FRAMEWORK_PAGES,
    PATTERN_PAGES,
    SHEET,
    checklist,
    framework,
    mistakes,
    pattern,
    render_sheet,
    rubric,
    shown_claims,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs"
STEP_HEADING_RE = re.compile(r"^## +(?:Step|Layer) +\d+: *(.+?)\s*$", re.M)


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


def test_sheet_has_every_framework_step_name(sheet, pages) -> None:
    for name in step_names(pages):
        assert name in sheet.markdown, f"step {name!r} missing from the study sheet"


def test_sheet_references_every_fact_claim(sheet, registry) -> None:
    facts = [c.id for c in registry.claims.values() if c.kind == "fact"]
    assert facts
    for cid in facts:
        assert f":claim[{cid}]" in sheet.markdown, f"fact {cid} not on the study sheet"


def test_sheet_has_every_part_of_the_guide(sheet) -> None:
    for heading in (
        "## The rubric",
        "## Impact-First Framework",
        "## Three-Layer Lens",
        "## Trade-off follow-ups",
        "## Justifying a technology choice",
        "## Mistakes to avoid",
        "## Key figures",
        "## Checklist",
    ):
        assert heading in sheet.markdown
    assert "::script[script-technology-choice]" in sheet.markdown
    assert "::script[script-realtime-tradeoff]" in sheet.markdown
    assert "- [ ] " in sheet.markdown
    assert "../downloads/study-sheet.pdf" in sheet.markdown
    assert "../downloads/study-sheet-a4.pdf" in sheet.markdown
    assert "Download the study sheet" in sheet.markdown


def test_sheet_reads_the_real_guide_without_problems(sheet) -> None:
    assert sheet.problems == []


def test_sheet_passes_the_figure_scanner(sheet, registry) -> None:
    """The claims hook expands the generated page and fails the build on raw figures."""
    result = process_page(sheet.markdown, registry, f"(generated) {SHEET}")
    assert result.problems == []
    assert ":claim[" not in result.markdown and "::script[" not in result.markdown


def test_each_script_appears_once(sheet) -> None:
    scripts = re.findall(r"^::script\[([^\]]+)\]$", sheet.markdown, re.M)
    assert scripts and len(scripts) == len(set(scripts))


def test_a_claim_value_change_flows_through(registry, pages) -> None:
    changed = dataclasses.replace(registry, claims=dict(registry.claims))
    old = changed.claims["base-salary"]
    changed.claims["base-salary"] = dataclasses.replace(old, value="$123,457")
    sheet = render_sheet(changed, pages)
    before = process_page(render_sheet(registry, pages).markdown, registry, "x").markdown
    after = process_page(sheet.markdown, changed, "x").markdown
    assert "$123,457" in after and "$123,457" not in before
    # An embedded figure changes its script too.
    changed.claims["turnaround-after"] = dataclasses.replace(
        changed.claims["turnaround-after"], value="7 minutes"
    )
    after = process_page(render_sheet(changed, pages).markdown, changed, "x").markdown
    assert "under 7 minutes" in after


def test_shown_claims_include_embedded_figures(sheet, registry) -> None:
    shown = set(sheet.claims)
    assert "script-product-goal" in shown
    assert set(registry.refs("script-product-goal")) <= shown
    assert all(cid in registry.claims for cid in shown)


# --- Parsers on small pages ----------------------------------------------------------------

FRAMEWORK = textwrap.dedent(
    """\
    ---
    title: Demo Framework
    ---

    # Demo

    Intro paragraph.

    ## Step 1: say the goal

    ::script[s-goal]

    Say who it is for. Then more detail that the sheet leaves out.

    ## Step 2: pick the [metric](other.md)

    !!! tip "Not prose"
        Skipped.

    - a list item is not the summary

    One number that moves, e.g. latency. Another sentence.

    ```markdown
    ## Step 3: a heading inside code is not a step
    ```

    ## Why it works

    ::script[s-extra]
    """
)


def test_framework_reads_steps_summaries_and_scripts() -> None:
    fw, problems = framework(FRAMEWORK, "frameworks/demo.md")
    assert problems == []
    assert fw.title == "Demo Framework"
    assert [(s.label, s.name) for s in fw.steps] == [
        ("Step 1", "say the goal"),
        ("Step 2", "pick the [metric](other.md)"),
    ]
    assert fw.steps[0].summary == "Say who it is for."
    assert fw.steps[0].scripts == ("s-goal",)
    assert fw.steps[1].summary == "One number that moves, e.g. latency."


def test_framework_without_steps_is_a_problem() -> None:
    fw, problems = framework("# Lens\n\n## Layers\n\nProse.\n", "frameworks/lens.md")
    assert fw.steps == ()
    assert len(problems) == 1
    assert str(problems[0]).startswith("docs/frameworks/lens.md:1:1: ")
    assert "Step N" in problems[0].message


def test_pattern_reads_a_numbered_list_and_follow_up_scripts() -> None:
    text = textwrap.dedent(
        """\
        # Follow-ups

        ## The pattern: admit, then fix

        1. **Admit the limit.** Say what it cannot do. Not this.
        2. **Fix it.** One change,
           with its target. Not this.

        ## Follow-up: real time

        ::script[s-rt]
        """
    )
    fw, problems = pattern(text, "frameworks/x.md")
    assert problems == []
    assert [(s.name, s.summary) for s in fw.steps] == [
        ("Admit the limit", "Say what it cannot do."),
        ("Fix it", "One change, with its target."),
    ]
    assert fw.followups == (("Follow-up: real time", "s-rt"),)


def test_pattern_reads_a_definition_list() -> None:
    text = "# T\n\n## The pattern\n\nFit\n:   Why it suits. More.\n\nCost\n:   What it takes.\n"
    fw, problems = pattern(text, "frameworks/t.md")
    assert problems == []
    assert [(s.name, s.summary) for s in fw.steps] == [
        ("Fit", "Why it suits."),
        ("Cost", "What it takes."),
    ]


def test_pattern_without_its_section_is_a_problem() -> None:
    _, problems = pattern("# T\n\n## Something else\n\n1. **A.** b\n", "frameworks/t.md")
    assert len(problems) == 1 and "The pattern" in problems[0].message


def test_rubric_reads_rows_with_a_weight_claim() -> None:
    text = textwrap.dedent(
        """\
        | Criterion | Weight | Earns | Loses |
        |---|---|---|---|
        | Trade-offs | :claim[w-t] | Naming the [cost](x.md) | Pros only |
        | No weight | n/a | x | y |
        """
    )
    rows, problems = rubric(text)
    assert problems == []
    assert [(r.criterion, r.weight_id, r.earns) for r in rows] == [
        ("Trade-offs", "w-t", "Naming the cost")
    ]
    assert rubric("No table here.\n")[1][0].path == "docs/interview.md"


def test_mistakes_use_the_flashcard_parser() -> None:
    text = textwrap.dedent(
        """\
        # Mistakes

        ## The shrug

        === "Weak answer"

            I don't know.

        === "Strong answer"

            I assume X.

        **Why it costs points:** an assumption nobody can evaluate. More words.

        ## Half a mistake

        === "Weak answer"

            Only weak.
        """
    )
    assert [(m.title, m.why) for m in mistakes(text)] == [
        ("The shrug", "An assumption nobody can evaluate.")
    ]


def test_checklist_groups_items_and_joins_continuation_lines() -> None:
    text = textwrap.dedent(
        """\
        # Checklist

        Intro.

        ## First

        - [ ] Read [the page](a.md) and
              say it back.
        - [x] Done already.

        ## Second

        Not an item.

        - [ ] Practise.
        """
    )
    assert checklist(text) == [
        ("First", ["Read the page and say it back.", "Done already."]),
        ("Second", ["Practise."]),
    ]


def test_text_helpers() -> None:
    assert plain_links("See [the lens](x.md#a) and ![img](i.png).") == (
        "See the lens and ![img](i.png)."
    )
    assert first_sentence("One *thing*. Two.") == "One *thing*."
    assert first_sentence("Why? Because.") == "Why?"
    assert first_sentence("No end") == "No end"


def test_missing_pages_are_reported_and_the_rest_still_renders(registry) -> None:
    sheet = render_sheet(registry, {})
    missing = {p.path for p in sheet.problems}
    assert {f"docs/{p}" for p in (*FRAMEWORK_PAGES, *PATTERN_PAGES)} <= missing
    assert "## Key figures" in sheet.markdown


def test_shown_claims_ignore_unknown_ids(registry) -> None:
    assert shown_claims(":claim[nope] :claim[base-salary]", registry) == ["base-salary"]


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
    assert content.select("a.claim--fact")
    hrefs = [a["href"] for a in content.select(".sheet-downloads a")]
    assert hrefs == ["../downloads/study-sheet.pdf", "../downloads/study-sheet-a4.pdf"]
    home = BeautifulSoup((site_dir / "index.html").read_text("utf-8"), "html.parser")
    assert any(a.get("href") == "study-sheet/" for a in home.select("nav a"))
    assert not (ROOT / "docs" / SHEET).exists(), "the sheet is generated, never written"


@pytest.mark.integration
def test_ledger_lists_the_sheet_as_a_user_of_its_claims(site_dir: Path) -> None:
    ledger = (site_dir / "sources" / "index.html").read_text("utf-8")
    row = BeautifulSoup(ledger, "html.parser").select_one("#claim-base-salary")
    assert row is not None
    assert row.name == "tr"
    assert "study sheet" in row.get_text(" ").lower()
