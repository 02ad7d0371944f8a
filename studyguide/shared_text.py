"""The text of the parts every page repeats (navigation, header, footer), read once.

Material renders the same sidebar, header and footer on every page, changed only around
the page itself (its nav item is active, its table of contents sits in the sidebar, its
title is in the header). Reading all of it on every page cost most of the output check's
time, so `SharedText` cuts such a fragment into chunks where a list item, `div` or `nav`
begins and remembers, for one build, the text runs and attribute texts of each chunk: a page
then reads only the chunks that differ from the pages before it.

Nothing is skipped: the segments are exactly `fragment_segments(fragment, surface)`. A
fragment is read chunk by chunk only when every chunk reads the same alone (`read_alone`):
then no tag, exempt element, quote container or attribute value crosses a cut, and each
chunk starts with a block tag, which ends a text run anyway. Any other fragment is read
whole. The figures found are checked on every page as before (`OutputCheck.findings`), so
each is still reported once per page, in its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studyguide.output_text import (
    BODY,
    EXEMPT_RES,
    VISIBLE_ATTRIBUTES,
    Segment,
    attribute_texts,
    fragment_segments,
    text_runs,
)

# Where a chunk begins, found by `str.split` (a regular expression over the whole fragment
# would cost as much as reading it).
CHUNK_STARTS = ("<li ", "<div ", "<nav ")
# What starts a match of each of `output_text.EXEMPT_RES`, in its order, lower case. After a
# chunk's own matches are removed, none may remain: one that does could match across a cut.
EXEMPT_STARTS = (
    ("<!--",),
    ("<script", "<style", "<pre", "<code", "<kbd", "<template", "<select", "<datalist"),
    ('class="claim',),
    ('class="literal',),
    ("claim-value",),
    ('class="script"',),
)
# What starts a quote container (`output_text.QUOTE_CONTAINERS`): such a chunk is read whole.
QUOTE_STARTS = ("<blockquote", "<q", "quote")


def chunks(markup: str) -> list[str]:
    """`markup` cut before each of the `CHUNK_STARTS`; joined again they are `markup`."""
    parts = [markup]
    for start in CHUNK_STARTS:
        cut = []
        for part in parts:
            first, *rest = part.split(start)
            cut.append(first)
            cut.extend(start + piece for piece in rest)
        parts = cut
    return parts


Read = tuple[list[str], list[list[str]]]


def read_alone(chunk: str) -> Read | None:
    """The text runs of `chunk` and its texts of each visible attribute, when it reads the
    same alone as inside its fragment; None when it may not.

    It reads the same when, once its exempt elements are removed (pattern by pattern, as
    `remove_exempt` does), no start of an exempt element or quote container is left, every
    `<` opens a tag closed before the next `<`, and the last value of each visible attribute
    (so every one) ends in it.
    """
    for (needle, pattern), starts in zip(EXEMPT_RES, EXEMPT_STARTS, strict=True):
        if needle in chunk:
            chunk = pattern.sub(" ", chunk)
        lower = chunk.lower()
        if any(start in lower for start in starts):
            return None
    if any(start in lower for start in QUOTE_STARTS):
        return None
    if not all(">" in piece for piece in chunk.split("<")[1:]):
        return None
    for name in VISIBLE_ATTRIBUTES:
        last = chunk.rfind(name)
        if last != -1 and chunk.find('"', last + len(name)) == -1:
            return None
    return text_runs(chunk), [attribute_texts(chunk, (name,)) for name in VISIBLE_ATTRIBUTES]


@dataclass
class SharedText:
    """Chunks already read in one build (see the module's docstring)."""

    _chunks: dict[str, Read | None] = field(default_factory=dict)

    def _read(self, chunk: str) -> Read | None:
        if chunk not in self._chunks:
            self._chunks[chunk] = read_alone(chunk)
        return self._chunks[chunk]

    def fragment(self, markup: str, surface: str) -> list[Segment]:
        """`fragment_segments(markup, surface)` for a surface other than the page text,
        read from the chunks earlier pages already read where it can be."""
        if surface == BODY:
            return fragment_segments(markup, surface)
        runs: list[str] = []
        by_name: list[list[str]] = [[] for _ in VISIBLE_ATTRIBUTES]
        for chunk in chunks(markup):
            got = self._read(chunk)
            if got is None:
                return fragment_segments(markup, surface)
            runs += got[0]
            for texts, more in zip(by_name, got[1], strict=True):
                texts += more
        # In `attribute_texts` order: every title, then every alt, ...
        attributes = [Segment(surface, t) for texts in by_name for t in texts]
        return [Segment(surface, t) for t in runs] + attributes
