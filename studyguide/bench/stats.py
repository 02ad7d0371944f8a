"""Run summaries for `make bench`: min–median–max, ratios of paired runs (per page, and
against a fixed + per-page model of plain Material), the budget's ratio of medians with its
bootstrap interval, tables.

What is measured is decided here and unit-tested; how long anything takes is only ever
printed by `scripts/bench.py`, never asserted.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


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


# What sums up a build's runs: `min` or `statistics.median`.
Statistic = Callable[[Sequence[float]], float]


class Series(NamedTuple):
    """One build's measurements: CPU seconds, one per run, and the pages it built."""

    seconds: Sequence[float]
    pages: int

    def at_median(self) -> Series:
        """The build as one run taking its median time: what the ratios of medians take."""
        return self.at(statistics.median)

    def at(self, statistic: Statistic) -> Series:
        """The build as one run taking `statistic` of its times (min, median)."""
        return Series([statistic(self.seconds)], self.pages)


def per_page_ratios(a: Series, b: Series) -> list[float]:
    """Per-page cost ratio of build A over build B, one per round (both built once in each).

    Runs are paired by round (A1/B1, A2/B2, ...), so a slow moment on a shared machine that
    lasts a round hits both sides of a pair rather than one side of the whole series.
    """
    if len(a.seconds) != len(b.seconds):
        raise ValueError("ratios need as many runs of A as of B")
    if a.pages <= 0 or b.pages <= 0:
        raise ValueError("page counts must be positive")
    return [(x / a.pages) / (y / b.pages) for x, y in zip(a.seconds, b.seconds, strict=True)]


@dataclass(frozen=True)
class CostModel:
    """Plain Material's build time as a fixed cost plus a cost per page, fitted from two
    builds of the same theme and config: a one-page site and the site being compared."""

    fixed: float
    per_page: float

    @classmethod
    def fit(cls, small_s: float, small_pages: int, large_s: float, large_pages: int) -> CostModel:
        """The line through (small_pages, small_s) and (large_pages, large_s)."""
        if large_pages <= small_pages:
            raise ValueError("the model needs a larger build than the one-page build")
        per_page = (large_s - small_s) / (large_pages - small_pages)
        return cls(small_s - per_page * small_pages, per_page)

    def seconds(self, pages: int) -> float:
        """What plain Material would take, by this model, to build `pages` pages."""
        return self.fixed + self.per_page * pages


def modelled_ratios(a: Series, b: Series, base: Series) -> list[float]:
    """Build A's time over what plain Material (build B) would take for A's page count, one
    per run: B and a minimal build of the same theme (`base`) fit fixed + per-page cost in
    that run, so a build with more pages (generated decks, ledger) is compared with plain
    Material building as many, and the fixed cost is not charged per page."""
    if not len(a.seconds) == len(b.seconds) == len(base.seconds):
        raise ValueError("ratios need as many runs of each build")
    if min(a.pages, b.pages, base.pages) <= 0:
        raise ValueError("page counts must be positive")
    return [
        x / CostModel.fit(z, base.pages, y, b.pages).seconds(a.pages)
        for x, y, z in zip(a.seconds, b.seconds, base.seconds, strict=True)
    ]


def ratio_at(a: Series, b: Series, base: Series, statistic: Statistic = statistics.median) -> float:
    """Build A's `statistic` time over plain Material's modelled time for A's pages, the
    model fitted through the same statistic of plain Material's build (B) and the one-page
    build (`ratio_of_medians` with the median)."""
    return modelled_ratios(a.at(statistic), b.at(statistic), base.at(statistic))[0]


def ratio_interval(
    a: Series,
    b: Series,
    base: Series,
    statistic: Statistic = statistics.median,
    draws: int = 2_000,
    seed: int = 0,
) -> tuple[float, float]:
    """The 95% bootstrap interval of `ratio_at`: each build's runs drawn again with
    replacement, `draws` times (seeded, so a report reads the same twice).

    It says how much the verdict rests on single runs: where it spans the budget, a run
    more or less could turn it, and the machine was too noisy to tell."""
    rng = random.Random(seed)
    ratios = []
    for _ in range(draws):
        x, y, z = (Series(rng.choices(s.seconds, k=len(s.seconds)), s.pages) for s in (a, b, base))
        ratios.append(ratio_at(x, y, z, statistic))
    ratios.sort()
    return ratios[int(0.025 * draws)], ratios[int(0.975 * draws) - 1]


def rounds_to_tell(runs: int, interval: tuple[float, float], central: float, budget: float) -> int:
    """About how many rounds would narrow the `interval` of a ratio measured over `runs`
    rounds until it no longer spans `budget`. An interval narrows as one over the square
    root of the rounds, so its side facing the budget (a bootstrap interval is seldom
    symmetric) must shrink to the ratio's distance from the budget: at least `runs`, and
    very many when the ratio is the budget."""
    low, high = interval
    reach = high - central if central <= budget else central - low
    gap = max(abs(central - budget), 1e-6)
    return max(runs, math.ceil(runs * (reach / gap) ** 2))


def ratio_of_medians(a: Series, b: Series, base: Series) -> float:
    """Build A's median time over plain Material's modelled time for A's pages, the model
    fitted through the medians of plain Material's build (B) and the one-page build.

    The budget is judged on this: each build's median over many rounds is robust
    to a slow moment, while a ratio per run (`modelled_ratios`) carries that run's noise in
    B and the base build, enlarged by extrapolating from B's page count to A's. Minima were
    tried and are not steadier here: one plain build that met a quiet moment (2.92 s, its
    median 3.80 s) moved a 300-page ratio of minima to 1.28 when its ratio of medians was
    1.06."""
    return ratio_at(a, b, base, statistics.median)


def fitted_model(b: Series, base: Series, statistic: Statistic = statistics.median) -> CostModel:
    """Plain Material's model fitted through `statistic` of its build (B) and of the
    one-page build: the model `ratio_at` compares with."""
    return CostModel.fit(statistic(base.seconds), base.pages, statistic(b.seconds), b.pages)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-style Markdown table (what closing notes paste)."""
    body = [list(map(str, r)) for r in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)
