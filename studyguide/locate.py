"""Find text a reader saw in the files a contributor edits, as FILE:LINE:COL.

The output check reads rendered pages; its errors must still name the Markdown line (or the
front matter key, the snippet, the `mkdocs.yml` nav entry, the note in `docs/claims.yml`)
to change. Each candidate file is searched in a "search form": code and the guide's own
syntax blanked (text inside `:literal[...]` or code is not where a finding comes from),
normalised like the output (so a figure wrapped over two lines or written with a
non-breaking space is found), and without Markdown's emphasis and escape characters (so
`_45_ minutes` is found as "45 minutes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from studyguide import grammar
from studyguide.mask import mask_code
from studyguide.normalise import normalise, normalise_with_map
from studyguide.pattern_cache import PatternCache
from studyguide.problems import line_col

DROPPED = "*_\\`"
# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

_ENTITY_RE = _compile(r"&(?:nbsp|#160|#xa0|#8239|#x202f|shy|#173|#xad);", re.I)
_ENTITY_TEXT = {"shy": "", "#173": "", "#xad": ""}


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def search_form(text: str) -> tuple[str, list[int]]:
    """`text` as the locator searches it, and the offset in `text` of each character."""
    masked = mask_code(text)
    if grammar.may_use(masked):
        masked = grammar.USE_RE.sub(_blank, masked)
    if "&" in masked:
        masked = _ENTITY_RE.sub(
            lambda m: _ENTITY_TEXT.get(m.group(0)[1:-1].lower(), " ").ljust(len(m.group(0))),
            masked,
        )
    flat, where = normalise_with_map(masked)
    keep = [i for i, ch in enumerate(flat) if ch not in DROPPED]
    return "".join(flat[i] for i in keep), [where[i] for i in keep]


def needle_form(text: str) -> str:
    """Text as seen, in the same form as `search_form` (for searching)."""
    return "".join(ch for ch in normalise(text) if ch not in DROPPED).strip()


@dataclass
class SourceFile:
    """One editable file: its path as errors name it and its full text."""

    path: str
    text: str
    first_line: int = 1

    @cached_property
    def form(self) -> tuple[str, list[int]]:
        """The file's search form (computed once, only for files something is looked for in)."""
        return search_form(self.text)

    @cached_property
    def body_start(self) -> int:
        """Where the body begins in the search form (after front matter, if any)."""
        if not self.text.startswith("---\n"):
            return 0
        end = self.text.find("\n---\n", 3)
        if end == -1:
            return 0
        hay, where = self.form
        return next((i for i, at in enumerate(where) if at > end), len(hay))

    def find(
        self, needle: str, occurrence: int = 0, *, front_matter: bool | None = None
    ) -> tuple[int, int] | None:
        """(line, col) of the `occurrence`-th match of `needle` (the last one if fewer);
        only in the front matter (True), only in the body (False), or anywhere (None)."""
        hay, where = self.form
        lo, hi = 0, len(hay)
        if front_matter is not None:
            lo, hi = (0, self.body_start) if front_matter else (self.body_start, len(hay))
        starts: list[int] = []
        i = hay.find(needle, lo, hi)
        while i != -1 and len(starts) <= occurrence:
            if _at_word_start(hay, i, needle):
                starts.append(i)
            i = hay.find(needle, i + 1, hi)
        if not starts:
            return None
        start = where[starts[min(occurrence, len(starts) - 1)]]
        return line_col(self.text, start, self.first_line)

    def offset(self, line: int, col: int) -> int:
        """The offset in `text` of a (line, col) this file reported."""
        lines = self.text.split("\n")
        return sum(len(x) + 1 for x in lines[: line - self.first_line]) + col - 1


def _at_word_start(hay: str, i: int, needle: str) -> bool:
    """A match must not start or end inside a word ("5 days" is not in "25 days")."""
    if i and needle[:1].isalnum() and hay[i - 1].isalnum():
        return False
    end = i + len(needle)
    return not (end < len(hay) and needle[-1:].isalnum() and hay[end].isalnum())


def locate(
    seen: str, files: list[SourceFile], occurrence: int = 0, *, in_head: bool = False
) -> tuple[SourceFile, int, int] | None:
    """The first file holding `seen` and the (line, col) of its `occurrence`-th match.

    Text seen in a page's head (`in_head`) is looked for in front matter first, any other
    text in the body first. Long passages are searched by their opening words, so a quote
    wrapped over lines with `>` markers or indentation is still found.
    """
    needle = needle_form(seen)
    if not needle:
        return None
    tries = [needle]
    opening = " ".join(needle.split()[:4])
    if opening != needle:
        tries.append(opening)
    for attempt in tries:
        for source in files:
            where = source.find(attempt, occurrence, front_matter=in_head) or source.find(
                attempt, occurrence
            )
            if where:
                return source, where[0], where[1]
    return None
