"""A regular expression compiled on first use, and skipped on text that cannot hold a match.

Compiling a long pattern costs a millisecond or more (Python parses it in Python), paid at
import by a module-level `re.compile` whether or not a build ever needs the pattern. A
`LazyPattern` compiles when first used, and with `needs` (lower-case literals, one of which
every match holds, in any case) a search can ask `may_match` first: a pattern no text of a
build can match is then never compiled at all. What it matches is what `re.compile` of the
same source and flags matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyguide.pattern_cache import PatternCache

# The characters `re.IGNORECASE` matches to an ASCII letter although their lower case is not
# that letter (tests/test_figure_search.py checks the list against every code point): text
# holding one may match a pattern without holding any of its `needs` in lower case.
CASE_FOLD_EXCEPTIONS = "İıſ"


def folded_lower(text: str) -> str | None:
    """`text.lower()`, or None when that may hide a match of a case-insensitive pattern: the
    text holds a character of CASE_FOLD_EXCEPTIONS (or "İ", whose lower case is two)."""
    lower = text.lower()
    if text.isascii():  # at once: no such character, nor any lower case of two
        return lower
    if len(lower) != len(text) or any(c in text for c in CASE_FOLD_EXCEPTIONS):
        return None
    return lower


class LazyPattern:
    """`re.compile(source, flags)`, done on first use (from `cache`, a module's kept compiled
    patterns, when it holds this one); `needs` as in the module docstring."""

    __slots__ = ("_compiled", "cache", "flags", "needs", "pattern")

    def __init__(
        self,
        source: str,
        flags: int = 0,
        needs: tuple[str, ...] = (),
        cache: PatternCache | None = None,
    ) -> None:
        self.pattern = source
        self.flags = flags
        self.needs = needs
        self.cache = cache
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            if self.cache is None:
                self._compiled = re.compile(self.pattern, self.flags)
            else:
                self._compiled = self.cache.compile(self.pattern, self.flags)
        return self._compiled

    def may_match(self, lower: str | None) -> bool:
        """Whether a text can hold a match, given its `folded_lower` (False only when that
        holds none of `needs`)."""
        return lower is None or not self.needs or any(n in lower for n in self.needs)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`re.Pattern.match`."""
        return self.compiled.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`re.Pattern.search`."""
        return self.compiled.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`."""
        return self.compiled.finditer(text)
