"""studyguide.figure_slots: a page whose diagrams are slotted out of the Markdown and put back
after rendering is byte for byte the page rendered with the figures in its Markdown.

Both are rendered with the site's own Markdown extensions and settings (mkdocs.yml), for
every diagram page of the guide and for pages that place a figure awkwardly; where a figure
is not a block of its own it must stay in the Markdown, and where a slot does not come out as
its own paragraph `fill_figures` must say so (None), never return other HTML.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.structure.pages import _HTMLHandler

from studyguide.diagrams import expand_diagrams, parse_diagram, render_figure
from studyguide.figure_slots import (
    DIAGRAMS,
    fill_figures,
    slot_figures,
    unslot,
)
from studyguide.links import element_ids
from studyguide.page_text import strip_front_matter
from tests.conftest import mkdocs_build
from tests.test_deck_slots import render

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DIAGRAM_FILES = sorted((DOCS / "includes" / "diagrams").glob("*.yml"))
READ = {p.stem: (p.as_posix(), p.read_text(encoding="utf-8")) for p in DIAGRAM_FILES}
DIAGRAM_PAGES = sorted(
    p for p in DOCS.rglob("*.md") if "::diagram[" in p.read_text(encoding="utf-8")
)


def figure(name: str) -> str:
    diagram, problems = parse_diagram(READ[name][1], name, READ[name][0])
    assert diagram is not None and not problems
    return render_figure(diagram)


def both_ways(markdown: str) -> tuple[str, str | None, int]:
    """The page rendered with its figures in the Markdown, slotted, and how many slotted."""
    slotted, figures = slot_figures(markdown)
    return render(markdown), fill_figures(render(slotted), figures), len(figures)


@pytest.mark.parametrize("page", DIAGRAM_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_diagram_page_of_the_guide_renders_the_same_slotted(page: Path) -> None:
    body = strip_front_matter(page.read_text(encoding="utf-8"))
    expanded, problems = expand_diagrams(body, page.as_posix(), READ)
    assert not problems
    whole, slotted, count = both_ways(expanded)
    assert count == body.count("::diagram[")  # every diagram of the guide is slotted
    assert slotted == whole


NAME = DIAGRAM_FILES[0].stem


@pytest.mark.parametrize(
    ("markdown", "slots"),
    [
        ("{f}\n", 1),  # the page's first line
        ("{f}", 1),  # its only line, with no line end
        ("Intro.\n\n{f}", 1),  # the last line, no line end
        ("# Title\n\n{f}\n\nAfter.\n\n{f}\n", 2),  # two, between blocks
        ("Intro.\n\n\n{f}\n\n\n\nAfter.\n", 1),  # more blank lines around
        ("{f}\n\n{f}\n\n- a list\n", 2),  # two in a row, then a list
        ("Text\n{f}\n\nAfter.\n", 0),  # runs on from a paragraph
        ("Intro.\n\n{f}\nText right after.\n", 0),  # a paragraph runs on from it
        ("Intro.\n\n{f}\n{{: .wide }}\n", 0),  # attributes on the next line
        ("- item\n\n    {f}\n", 0),  # inside a list
        ('!!! note "N"\n\n    {f}\n', 0),  # inside an admonition
        ("Intro.\n\n{f}\n\n```\n{f}\n```\n", 1),  # one in a fence stays code
        ("Intro.\n \n{f}\n\nEnd.\n", 0),  # a blank line of spaces before: left in
    ],
)
def test_a_figure_is_slotted_only_where_it_renders_the_same(markdown: str, slots: int) -> None:
    text = markdown.format(f=figure(NAME))
    whole, slotted, count = both_ways(text)
    assert count == slots
    assert slotted == whole


@pytest.mark.parametrize(
    "around",
    [
        "{w}\n\nThe word {w} again in the text.\n",  # the slot word twice
        "Text mentioning {w}.\n",  # the word inside a paragraph, not its own
        "| a |\n|---|\n| {w} |\n",  # the word in a table cell
    ],
)
def test_a_slot_that_does_not_come_out_as_its_own_paragraph_is_refused(around: str) -> None:
    html = render(around.format(w=DIAGRAMS.word.format(0)))
    assert fill_figures(html, [figure(NAME)]) is None


def test_unslotting_puts_back_each_figure_where_its_slot_line_is() -> None:
    text = "Intro.\n\n{f}\n\nAfter.\n\n{f}\n".format(f=figure(NAME))
    slotted, figures = slot_figures(text)
    assert len(figures) == 2
    edited = slotted.replace("After.", "After, edited by a later hook.")
    assert unslot(edited, figures) == text.replace("After.", "After, edited by a later hook.")
    # A slot line gone or doubled: no guess (the hook renders what it slotted from).
    assert unslot(slotted.replace(DIAGRAMS.word.format(1) + "\n", ""), figures) is None
    assert unslot(slotted + DIAGRAMS.word.format(0) + "\n", figures) is None


def test_a_page_whose_text_holds_a_slot_word_keeps_its_figures() -> None:
    text = f"Intro with GuideDiagramSlot0x in prose.\n\n{figure(NAME)}\n"
    assert slot_figures(text) == (text, [])


def test_the_figure_names_the_anchors_mkdocs_would_read_from_raw_html() -> None:
    for name in READ:
        markup = figure(name)
        handler = _HTMLHandler()
        handler.feed(markup)
        assert set(element_ids(markup)) == handler.present_anchor_ids
        assert f"diagram-{name}" in handler.present_anchor_ids


def test_a_build_links_to_slotted_and_refused_figures_alike(tmp_path: Path) -> None:
    """Integration: one diagram page holds the slot word in its prose (its figures stay in
    its Markdown), another is slotted; both show their figure once, the word
    stays, and links to both figures' ids pass MkDocs' strict anchor check."""
    project = tmp_path / "site"
    shutil.copytree(DOCS, project / "docs")
    for name in ("overrides", "hooks", "studyguide"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    refused, slotted = DIAGRAM_PAGES[0], DIAGRAM_PAGES[1]
    word = DIAGRAMS.word.format(0)
    target = project / "docs" / refused.relative_to(DOCS)
    target.write_text(f"{target.read_text('utf-8')}\nThe word {word} here.\n", "utf-8")
    names = {
        p: p.read_text("utf-8").split("::diagram[", 1)[1].split("]", 1)[0]
        for p in (refused, slotted)
    }
    links = "".join(
        f"\nSee [a diagram]({p.relative_to(DOCS).as_posix()}#diagram-{n}).\n"
        for p, n in names.items()
    )
    faq = project / "docs" / "faq.md"
    faq.write_text(faq.read_text("utf-8") + links, "utf-8")
    out = tmp_path / "out"
    run = mkdocs_build(project, out)
    assert run.returncode == 0, run.stderr[-2000:]
    for page, name in names.items():
        built = (out / page.relative_to(DOCS).with_suffix("") / "index.html").read_text("utf-8")
        assert built.count(f'<figure class="diagram" id="diagram-{name}">') == 1
        assert "GuideDiagramSlot" not in built.replace(f"The word {word} here.", "")
    # An anchor the figures lack fails the same check: the test can fail.
    faq.write_text(
        faq.read_text("utf-8")
        + "\n[x]("
        + f"{slotted.relative_to(DOCS).as_posix()}#diagram-nope)\n",
        "utf-8",
    )
    run = mkdocs_build(project, out)
    assert run.returncode != 0 and "diagram-nope" in run.stderr
