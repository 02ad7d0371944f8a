"""Run summaries for `make bench`: min–median–max, per-page ratios of paired runs, tables.

What is measured is decided here and unit-tested; how long anything takes is only ever
printed by `scripts/bench.py`, never asserted.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Minimum, median and maximum of a series of measurements."""

    low: float
    median: float
    high: float

    def format(self, digits: int = 2) -> str:
        """`min–median–max` with `digits` decimals, the form the bench tables print."""
        return f"{self.low:.{digits}f}–{self.median:.{digits}f}–{self.high:.{digits}f}"


def summarize(values: Sequence[float]) -> Summary:
    """Summarize measurements as min, median and max (raises on an empty series)."""
    if not values:
        raise ValueError("no measurements to summarize")
    return Summary(min(values), statistics.median(values), max(values))


def per_page_ratios(
    a_seconds: Sequence[float], a_pages: int, b_seconds: Sequence[float], b_pages: int
) -> list[float]:
    """Per-page cost ratio of build A over build B, one per alternating run pair.

    Runs are paired in the order they were made (A1/B1, A2/B2, ...), so a slow moment on a
    shared machine hits both sides of a pair rather than one side of the whole series.
    """
    if len(a_seconds) != len(b_seconds):
        raise ValueError("ratios need as many runs of A as of B")
    if a_pages <= 0 or b_pages <= 0:
        raise ValueError("page counts must be positive")
    return [(a / a_pages) / (b / b_pages) for a, b in zip(a_seconds, b_seconds, strict=True)]


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-style Markdown table (what closing notes paste)."""
    body = [list(map(str, r)) for r in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)
