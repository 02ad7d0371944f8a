"""The text of the parts every page repeats (navigation, header, footer), read once.

Material renders the same sidebar, header and footer on every page, changed only around
the page itself (its nav item is active, its table of contents sits in the sidebar, its
title is in the header). Reading all of it on every page cost most of the output check's
time, so `SharedText` cuts such a fragment into chunks where a list item, `div` or `nav`
begins and remembers, for one build, the text runs and attribute texts of each chunk: a page
then reads only the chunks that differ from the pages before it.

Nothing is skipped: the segments are exactly `fragment_segments(fragment, surface)`, or,
given `keep` (the output check's "may this text hold a finding?"), exactly those of them
whose text it keeps, tested once per chunk, not once per page that repeats it. A
fragment is read chunk by chunk only when every chunk reads the same alone (`read_alone`):
then no tag, exempt element, quote container or attribute value crosses a cut, and each
chunk starts with a block tag, which ends a text run anyway. Any other fragment is read
whole. The figures found are checked on every page as before (`OutputCheck.findings`), so
each is still reported once per page, in its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from studyguide.lazy_pattern import folded_lower
from studyguide.output_text import (
    BODY,
    EXEMPT_RES,
    VISIBLE_ATTRIBUTES,
    Segment,
    attribute_texts,
    fragment_segments,
    text_runs,
)
from studyguide.pattern_cache import PatternCache

# Where a chunk begins: one split on a captured start, which `re` runs as a search for "<"
# (a zero-width lookahead split would try every position).
CHUNK_STARTS = ("<li ", "<div ", "<nav ")
# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

_CHUNK_START_RE = _compile("(" + "|".join(map(re.escape, CHUNK_STARTS)) + ")")
# A `<` with no `>` before the next `<` or the end: a tag the chunk does not close.
_UNCLOSED_TAG_RE = _compile(r"<[^<>]*+(?:<|\Z)")  # possessive: no backtracking
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
# Every start above, in one search: a chunk holding none in lower case has no exempt element
# or quote container to read.
ALL_STARTS = tuple(s for starts in EXEMPT_STARTS for s in starts) + QUOTE_STARTS
_ANY_START_RE = _compile("|".join(map(re.escape, ALL_STARTS)))


def chunks(markup: str) -> list[str]:
    """`markup` cut before each of the `CHUNK_STARTS`; joined again they are `markup`."""
    first, *rest = _CHUNK_START_RE.split(markup)  # text, then (start, text after it) pairs
    return ([first] if first else []) + [a + b for a, b in zip(rest[::2], rest[1::2], strict=True)]


# A chunk's text runs, and its texts of each visible attribute (None when it has none).
Read = tuple[list[str], list[list[str]] | None]


def read_alone(chunk: str) -> Read | None:
    """The text runs of `chunk` and its texts of each visible attribute, when it reads the
    same alone as inside its fragment; None when it may not.

    It reads the same when, once its exempt elements are removed (pattern by pattern, as
    `remove_exempt` does), no start of an exempt element or quote container is left, every
    `<` opens a tag closed before the next `<`, and the last value of each visible attribute
    (so every one) ends in it. A chunk holding no such start at all in lower case (most
    navigation) has nothing to remove and is tested once; unless it holds a character that
    `re.IGNORECASE` matches to a letter of another lower case ("ſ" matches the "s" of
    `<script`), when every pattern is tried as before.
    """
    folded = folded_lower(chunk)
    lower = chunk.lower() if folded is None else folded
    if folded is None or _ANY_START_RE.search(lower):
        for (needle, pattern), starts in zip(EXEMPT_RES, EXEMPT_STARTS, strict=True):
            if needle in chunk:
                chunk = pattern.sub(" ", chunk)
                lower = chunk.lower()
            if any(start in lower for start in starts):
                return None
        if any(start in lower for start in QUOTE_STARTS):
            return None
    if _UNCLOSED_TAG_RE.search(chunk):
        return None
    for name in VISIBLE_ATTRIBUTES:
        last = chunk.rfind(name)
        if last != -1 and chunk.find('"', last + len(name)) == -1:
            return None
    by_name = [attribute_texts(chunk, (name,)) for name in VISIBLE_ATTRIBUTES]
    return text_runs(chunk), by_name if any(by_name) else None


# A chunk's reading as kept for the build: tuples of strings, which the cyclic garbage
# collector stops tracking, so a large site's thousands of chunks add nothing to the heap
# every full collection walks; a chunk with nothing kept shares one.
Kept = tuple[tuple[str, ...], tuple[tuple[str, ...], ...] | None]
_NOTHING_KEPT: Kept = ((), None)


@dataclass
class SharedText:
    """Chunks already read in one build (see the module's docstring). With `keep`, a chunk
    keeps only the texts `keep` accepts: the navigation of a large site is a hundred runs a
    page, nearly all of them titles that hold nothing to report."""

    keep: Callable[[str], bool] | None = None
    _chunks: dict[str, Kept | None] = field(default_factory=dict)

    def _read(self, chunk: str) -> Kept | None:
        if chunk not in self._chunks:
            self._chunks[chunk] = self._kept(read_alone(chunk))
        return self._chunks[chunk]

    def _kept(self, got: Read | None) -> Kept | None:
        if got is None:
            return None
        keep = self.keep or (lambda _: True)
        runs = tuple(t for t in got[0] if keep(t))
        by_name = tuple(tuple(t for t in ts if keep(t)) for ts in got[1] or ())
        if not any(by_name):
            return (runs, None) if runs else _NOTHING_KEPT
        return runs, by_name

    def fragment(self, markup: str, surface: str) -> list[Segment]:
        """`fragment_segments(markup, surface)` for a surface other than the page text,
        read from the chunks earlier pages already read where it can be (with `keep`, only
        the segments it keeps, when the fragment is read chunk by chunk)."""
        if surface == BODY:
            return fragment_segments(markup, surface)
        runs: list[str] = []
        by_name: list[list[str]] = [[] for _ in VISIBLE_ATTRIBUTES]
        for chunk in chunks(markup):
            got = self._read(chunk)
            if got is None:
                return fragment_segments(markup, surface)
            runs += got[0]
            if got[1] is not None:
                for texts, more in zip(by_name, got[1], strict=True):
                    texts += more
        # In `attribute_texts` order: every title, then every alt, ...
        attributes = [Segment(surface, t) for texts in by_name for t in texts]
        return [Segment(surface, t) for t in runs] + attributes
