"""Diagrams put into a page after Markdown has rendered it, in place of a one-word paragraph.

A diagram is one `<figure>` of inline SVG (`studyguide.diagrams`), some 7 KB of tags on one
line. Written into the Markdown as a raw HTML block, it is parsed tag by tag twice before the
page is rendered (MkDocs reads raw HTML for anchor ids, md_in_html for its blocks): 2.7 ms
more a diagram page, within a build, than the page without it. The build instead writes a
slot word in its place (`slot_figures`) and puts the figure back into the rendered HTML
(`fill_figures`), where the raw block would have come out: as it was written, with its
line's end unless it ends the page. The figure's ids join the page's anchors as MkDocs
would have read them (`studyguide.links.element_ids`; a test compares them with MkDocs'
own reading).

Only a figure that is a block of its own at the top level (a blank line, or the start or the
end of the page, on each side) is slotted: there a one-word paragraph always renders as
`<p>WORD</p>`, and the raw block as itself. A figure anywhere else (indented in a list, an
admonition or a tab) stays in the Markdown. A test builds every diagram page both ways and
compares the HTML byte for byte; if a slot ever comes out otherwise, the hook renders the
page again with its figures in the Markdown.
"""

from __future__ import annotations

import re

from studyguide.pattern_cache import PatternCache

# The word a slotted figure leaves in the Markdown: letters and digits only, so that no
# inline pattern (emphasis, smart symbols, abbreviations) changes it.
SLOT_WORD = "GuideDiagramSlot{}x"
# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

# A figure line with a blank line (or the page's start or end) on each side.
_FIGURE_BLOCK_RE = _compile(r'(?:(?<=\n\n)|\A)<figure class="diagram"[^\n]*</figure>(?=\n\n|\n?\Z)')


def slot_figures(markdown: str) -> tuple[str, list[str]]:
    """`markdown` with each top-level diagram figure that is a block of its own replaced by
    its slot word, and the figures in order (the n-th one's word is `SLOT_WORD` of n)."""
    figures: list[str] = []

    def slot(m: re.Match[str]) -> str:
        figures.append(m.group(0))
        return SLOT_WORD.format(len(figures) - 1)

    if '<figure class="diagram"' not in markdown:
        return markdown, []
    return _FIGURE_BLOCK_RE.sub(slot, markdown), figures


def fill_figures(html: str, figures: list[str]) -> str | None:
    """The rendered page with each slot's paragraph replaced by its figure; None when a slot
    did not come out as one `<p>WORD</p>` paragraph (then render the page unslotted)."""
    for index, figure in enumerate(figures):
        paragraph = f"<p>{SLOT_WORD.format(index)}</p>"
        if html.count(paragraph) != 1 or html.count(SLOT_WORD.format(index)) != 1:
            return None
        # A raw block keeps its line's end, but Markdown strips the page's last one.
        end = "" if html.endswith(paragraph) else "\n"
        html = html.replace(paragraph, figure + end, 1)
    return html


def unslot(markdown: str, figures: list[str]) -> str | None:
    """`markdown` (a page's, as every hook left it) with each slot word's line put back to
    its figure, for rendering the page in full; None when a slot's line is not there exactly
    once (then use the Markdown the figures were slotted from)."""
    for index, figure in enumerate(figures):
        found = list(re.finditer(rf"(?m)^{SLOT_WORD.format(index)}$", markdown))
        if len(found) != 1:
            return None
        markdown = markdown[: found[0].start()] + figure + markdown[found[0].end() :]
    return markdown
