"""Figures put into a page after Markdown has rendered it, in place of a slot word.

An expanded `:claim[ID]` is an `<a>` of some 300 characters with a provenance title
(`render.claim_html`). Written into the Markdown as inline HTML, every one of its tags is
read by the raw-HTML block reader and stashed by the inline one, and the paragraph holding it
is cut into pieces that every later inline pattern searches again: about 0.2 ms a figure,
more than the rest of its paragraph. The build instead writes a slot word in its place
(`slot_claims`) and puts the figure back into the rendered HTML (`fill_claims`), where the
inline HTML would have come out as it was written.

A figure is slotted only where the word and the HTML are read alike (each rule below is a
way they would not be):

- its neighbours are spaces, line ends or punctuation that no pattern reads with a word
  beside it (a letter, digit or `_` beside the word would join it, so an abbreviation or an
  `_emphasis_` next to the figure would not be found; `\\` before it would escape the tag);
- its text holds no abbreviation the page can define (Markdown marks them inside the inline
  HTML's text, not inside a slot word), and no abbreviation ends or starts with its
  neighbour;
- it is not on a `#` heading's line (the heading's id and table-of-contents entry are made
  from its text) and not in code (there the HTML shows as text);
- no tab follows it on its line (Markdown expands a tab to the next tab stop, which moves
  with the length of what stands before it).

Whatever else could place a slot word where the HTML would not have gone (an attribute, an
indented code block, a setext heading, a line Markdown drops) is caught when filling: each
word must come out once, as text, outside code, and the hook checks the table of contents;
otherwise the page is rendered in full with the figures in its Markdown. Tests render the
guide's pages and generated corpora of contexts both ways and compare the HTML byte for byte.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from studyguide.mask import mask_code
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

WORD = "GuideClaimSlot{}x"
WORD_START = WORD[: WORD.index("{")]
# The words, read back: made from WORD, so the two cannot drift apart.
_WORD_RE = _compile(re.escape(WORD_START) + r"(\d+)" + re.escape(WORD[WORD.index("}") + 1 :]))
# A figure as `render.claim_html` writes it, and nothing that any inline pattern read before
# the raw-HTML one (code, escapes, links) could find in it.
_ATTR = r'"[^"<>`\\\[\]]*"'
_TEXT = r"[^<>`\\\[\]]*"
_CLAIM_RE = _compile(
    rf'<a class="claim claim--(?:fact|example)" href={_ATTR} data-claim-id={_ATTR} '
    rf'title={_ATTR}>(?P<value>{_TEXT})(?:<span class="claim__kind">(?P<label>{_TEXT})'
    r"</span>)?</a>"
)
# Neighbours a slot word may have: no pattern reads them differently beside a word than
# beside a tag (letters, digits and `_` are word characters; `\`, `<`, `>`, `&` and `!` start
# escapes, tags, entities and images).
_NEIGHBOURS = frozenset(" \n()[]|,.;:?\"'*/-\u2013\u2014\u201c\u201d\u2018\u2019")
_ABBREVIATION_RE = _compile(r"\*\[([^\\]*?)\][ ]?:")
_HEADING_START_RE = _compile(r"[ \t>]*#")


class ClaimSlots(NamedTuple):
    """A page's Markdown with figures slotted out, and the figures (the n-th one's word is
    `WORD` of n)."""

    markdown: str
    figures: list[str]


def abbreviations(texts: Iterable[str]) -> frozenset[str]:
    """Every abbreviation defined (`*[KEY]: title`) in `texts`: a page's Markdown and the
    files its snippets can include. Any `*[...]:` counts, wherever it stands: reading more
    than Markdown would only slot fewer figures."""
    return frozenset(k for text in texts if "*[" in text for k in _ABBREVIATION_RE.findall(text))


class _Keys(NamedTuple):
    """A page's abbreviation keys as `_slottable` tests them: any key in a figure's text
    (one search), and the characters keys end and start with (beside the figure)."""

    inside: re.Pattern[str] | None
    lasts: frozenset[str]
    firsts: frozenset[str]


@functools.lru_cache(maxsize=64)
def _keys(keys: frozenset[str]) -> _Keys:
    """`keys` as `_Keys` (the same few sets serve every page of a build)."""
    # An empty key (`*[]:`) is in every text, as `in` has it: it refuses every figure.
    inside = re.compile("|".join(map(re.escape, sorted(keys)))) if keys else None
    found = [k for k in keys if k]
    return _Keys(inside, frozenset(k[-1] for k in found), frozenset(k[0] for k in found))


def _slottable(markdown: str, m: re.Match[str], masked: str, keys: _Keys) -> bool:
    start, end = m.span()
    before = markdown[start - 1] if start else "\n"
    after = markdown[end] if end < len(markdown) else "\n"
    if before not in _NEIGHBOURS or after not in _NEIGHBOURS or masked[start] != "<":
        return False
    line_start = markdown.rfind("\n", 0, start) + 1
    if _HEADING_START_RE.match(markdown, line_start, start):
        return False
    # Markdown expands a tab to the next tab stop: after a word, not the HTML's, it moves.
    line_end = markdown.find("\n", end)
    if markdown.find("\t", end, line_end if line_end != -1 else len(markdown)) != -1:
        return False
    return not _marked_by(keys, m.group("value") + (m.group("label") or ""), before, after)


def _marked_by(keys: _Keys, text: str, before: str, after: str) -> bool:
    """Whether an abbreviation could mark a figure's text: a key inside it, or a key ending
    with the character before it or starting with the one after."""
    if before in keys.lasts or after in keys.firsts:
        return True
    return keys.inside is not None and keys.inside.search(text) is not None


def slot_claims(markdown: str, keys: frozenset[str] = frozenset()) -> ClaimSlots:
    """`markdown` with each expanded figure that reads alike as a word replaced by its slot
    word; `keys` are the abbreviations the page's snippets can define (its own are read
    here). A page whose own text holds a slot word keeps its figures: a word must mean one
    figure."""
    if '<a class="claim ' not in markdown or WORD_START in markdown:
        return ClaimSlots(markdown, [])
    if "*[" in markdown:
        keys = keys | abbreviations([markdown])
    if any(WORD_START in key for key in keys):  # an abbreviation would mark the words
        return ClaimSlots(markdown, [])
    masked = mask_code(markdown)
    tested = _keys(keys)
    figures: list[str] = []

    def slot(m: re.Match[str]) -> str:
        if not _slottable(markdown, m, masked, tested):
            return m.group(0)
        figures.append(m.group(0))
        return WORD.format(len(figures) - 1)

    return ClaimSlots(_CLAIM_RE.sub(slot, markdown), figures)


def _inside(html: str, at: int, tag: str) -> bool:
    """Whether `at` is inside an open `<tag>` element (`code`, `pre`) of `html`."""
    return html.rfind(f"<{tag}", 0, at) > html.rfind(f"</{tag}>", 0, at)


def fill_claims(html: str, figures: list[str]) -> str | None:
    """The rendered page with each slot word replaced by its figure; None when a word did
    not come out exactly once as text outside code (then render the page unslotted)."""
    if not figures:
        return html
    pieces: list[str] = []
    cursor = 0
    seen = [False] * len(figures)
    code = "<code" in html or "<pre" in html
    for m in _WORD_RE.finditer(html):
        at, index = m.start(), int(m.group(1))
        if index >= len(figures) or seen[index]:
            return None
        if html.rfind("<", 0, at) > html.rfind(">", 0, at):  # inside a tag
            return None
        if code and (_inside(html, at, "code") or _inside(html, at, "pre")):
            return None
        seen[index] = True
        pieces += (html[cursor:at], figures[index])
        cursor = m.end()
    if not all(seen):
        return None
    pieces.append(html[cursor:])
    return "".join(pieces)


def unslot_claims(markdown: str, figures: list[str]) -> str:
    """`markdown` with each slot word put back to its figure (for rendering the page in full,
    and for the hooks after the fill, which see the page's Markdown as it was expanded)."""
    if not figures:
        return markdown

    def put(m: re.Match[str]) -> str:
        index = int(m.group(1))
        return figures[index] if index < len(figures) else m.group(0)

    return _WORD_RE.sub(put, markdown)
