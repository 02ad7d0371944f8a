"""A pattern tried only where a match can start: what `finditer` finds, at a fraction of the cost.

`finditer` tries a pattern at every place of a text; the figure search (`studyguide.figures`)
knows where each of its patterns can start (at a run of digits or a few characters before
one, where a spelled number starts) and tries it there only, in order, skipping the places
inside its previous match, as `finditer` would.
"""

from __future__ import annotations

import bisect
import sys

from studyguide.lazy_pattern import LazyPattern
from studyguide.pattern_cache import PatternCache

# Compiled as `re.compile` would, from the program `make bytecode` kept for it if there is one.
_KEPT = PatternCache(__file__)
_DIGIT_RUN_RE = _KEPT.compile(r"\d+")  # each match starts a run of digits


def digit_runs(text: str) -> list[int]:
    """Where each run of digits in `text` starts."""
    return [m.start() for m in _DIGIT_RUN_RE.finditer(text)]


def near(runs: list[int], lead: int, text: str = "", firsts: str = "") -> list[int]:
    """The starts of `runs` and the `lead` places before each, sorted, each once; with
    `firsts`, only those of the places before a run that hold one of those characters."""
    if not lead:
        return runs
    if not firsts:
        return sorted({max(0, p - k) for p in runs for k in range(lead + 1)})
    before = {at for p in runs for at in range(max(0, p - lead), p) if text[at] in firsts}
    return sorted(before.union(runs))


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans joined: disjoint intervals in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of the disjoint, sorted `spans` (a binary search)."""
    i = bisect.bisect_right(spans, (at, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def tried_at(
    text: str, kind: str, pattern: LazyPattern, starts: list[int]
) -> list[tuple[int, int, str]]:
    """`pattern`'s matches starting at `starts` (sorted), each start inside an earlier match
    skipped: what `pattern.finditer(text)` gives when every match starts at one of them."""
    found = []
    end = 0
    match = pattern.compiled.match
    for at in starts:
        if at >= end and (m := match(text, at)):
            found.append((at, m.end(), kind))
            end = m.end()
    return found
