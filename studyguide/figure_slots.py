"""Figures put into a page after Markdown has rendered it, in place of a one-word paragraph.

A diagram is one `<figure>` of inline SVG (`studyguide.diagrams`), some 7 KB of tags on one
line; a model line is one `<figure>` of a quote and its source mark (`render.script_html`).
Written into the Markdown as a raw HTML block, a figure is parsed tag by tag twice before the
page is rendered (MkDocs reads raw HTML for anchor ids, md_in_html for its blocks): 2.7 ms
more a diagram page, within a build, and about 1 ms a model line. The build instead writes a
slot word in its place (`slot_figures`) and puts the figure back into the rendered HTML
(`fill_figures`), where the raw block would have come out: as it was written, with its
line's end unless it ends the page. The figure's ids join the page's anchors as MkDocs
would have read them (`studyguide.links.element_ids`; a test compares them with MkDocs'
own reading).

Only a figure that is a block of its own at the top level (a blank line, or the start or the
end of the page, on each side) is slotted: there a one-word paragraph always renders as
`<p>WORD</p>`, and the raw block as itself. A figure anywhere else (indented in a list, an
admonition or a tab) stays in the Markdown, and so does every figure of a page with HTML
that Markdown reads inside (`markdown` attribute, md_in_html): there the block is parsed
and written again, not kept as written. Tests build every diagram and model-line page
of the guide both ways and compare the HTML byte for byte; if a slot ever comes out
otherwise, the hook renders the page again with its figures in the Markdown.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile


class FigureKind(NamedTuple):
    """One kind of figure that is slotted: how its tag starts, the word a slot leaves in the
    Markdown (letters and digits only, so that no inline pattern changes it; `{}` is the
    figure's number on the page) and the figure as a block of its own."""

    start: str
    word: str
    block: re.Pattern[str]

    @property
    def word_start(self) -> str:
        """What every slot word of this kind starts with."""
        return self.word[: self.word.index("{")]


def _kind(css_class: str, word: str) -> FigureKind:
    start = f'<figure class="{css_class}"'
    # A figure line with a blank line (or the page's start or end) on each side.
    block = _compile(rf"(?:(?<=\n\n)|\A){start}[^\n]*</figure>(?=\n\n|\n?\Z)")
    return FigureKind(start, word, block)


# An HTML tag with a `markdown` attribute: md_in_html parses the raw blocks inside it.
_MARKDOWN_IN_HTML_RE = _compile(r"<[A-Za-z][^<>]*\smarkdown(?:\s*=|[\s/>])")

DIAGRAMS = _kind("diagram", "GuideDiagramSlot{}x")
SCRIPTS = _kind("script", "GuideScriptSlot{}x")


def slot_figures(markdown: str, kind: FigureKind = DIAGRAMS) -> tuple[str, list[str]]:
    """`markdown` with each top-level figure of `kind` that is a block of its own replaced by
    its slot word, and the figures in order (the n-th one's word is `kind.word` of n). A
    page whose own text holds such a word keeps its figures: a word must mean one slot."""
    figures: list[str] = []

    def slot(m: re.Match[str]) -> str:
        figures.append(m.group(0))
        return kind.word.format(len(figures) - 1)

    if kind.start not in markdown or kind.word_start in markdown:
        return markdown, []
    if " markdown" in markdown and _MARKDOWN_IN_HTML_RE.search(markdown):
        return markdown, []
    return kind.block.sub(slot, markdown), figures


def fill_figures(html: str, figures: list[str], kind: FigureKind = DIAGRAMS) -> str | None:
    """The rendered page with each slot's paragraph replaced by its figure; None when a slot
    did not come out as one `<p>WORD</p>` paragraph (then render the page unslotted)."""
    for index, figure in enumerate(figures):
        word = kind.word.format(index)
        paragraph = f"<p>{word}</p>"
        if html.count(paragraph) != 1 or html.count(word) != 1:
            return None
        # A raw block keeps its line's end, but Markdown strips the page's last one.
        end = "" if html.endswith(paragraph) else "\n"
        html = html.replace(paragraph, figure + end, 1)
    return html


def unslot(markdown: str, figures: list[str], kind: FigureKind = DIAGRAMS) -> str | None:
    """`markdown` (a page's, as every hook left it) with each slot word's line put back to
    its figure, for rendering the page in full; None when a slot's line is not there exactly
    once (then use the Markdown the figures were slotted from)."""
    for index, figure in enumerate(figures):
        found = list(re.finditer(rf"(?m)^{kind.word.format(index)}$", markdown))
        if len(found) != 1:
            return None
        markdown = markdown[: found[0].start()] + figure + markdown[found[0].end() :]
    return markdown
