"""The tables `make bench` prints: the real site and synthetic sites against plain Material,
and page weight. Each build's timings arrive as a `Variant`; nothing here times anything.

The budget (issue 13): a build with every hook stays within 1.10x plain Material on the same
Markdown, where plain Material's time is modelled as a fixed cost plus a cost per page,
fitted from plain Material's build of the same content and a one-page build of the same
theme (`base`). A hooks build is then compared with plain Material building as many pages as
the hooks build makes (the hooks add decks, the ledger and the review page).

The verdict is on the ratio of medians (`stats.ratio_of_medians`): each build's median over
its runs, the model fitted through the medians. Beside it: its 95% bootstrap interval
(`stats.ratio_interval`; where it spans the budget, one run more or less could turn the
verdict, and `stats.rounds_to_tell` says about how many rounds would settle it), and the
ratio within each run (min–median–max over runs), which shows how much a shared machine
moved the numbers. Plain Material's build timed a second time as a build of its own is the
noise control: its ratio is 1 but for the machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from studyguide.bench.stats import (
    Series,
    fitted_model,
    markdown_table,
    modelled_ratios,
    per_page_ratios,
    ratio_interval,
    ratio_of_medians,
    rounds_to_tell,
    summarize,
)
from studyguide.bench.weight import (
    OWN_ASSETS_BUDGET,
    after_load_weight,
    own_assets_weight,
    own_page_weight,
    page_weight,
    shipped_own_assets,
)

RATIO_BUDGET = 1.10
WEIGHT_PAGES = [
    "",
    "frameworks/impact-first/",
    "checklist/",
    "DECK",
    "review/",
    "flashcards/",
    "practice/",
]


@dataclass
class Variant:
    """One way of building one site: a config file, the folder to run in, its timings."""

    name: str
    config: Path
    cwd: Path
    site: Path
    seconds: list[float] = field(default_factory=list)  # CPU seconds, one per run
    wall: list[float] = field(default_factory=list)  # wall-clock seconds, one per run
    pages: int = 0
    env: dict[str, str] = field(default_factory=dict)  # set for this build only

    @property
    def series(self) -> Series:
        """Its measurements, as the ratios take them."""
        return Series(self.seconds, self.pages)


def modelled_row(label: str, a: Variant, plain: Variant, base: Variant) -> list[str]:
    """A row with A's time over plain Material's modelled time for A's pages: the ratio of
    medians with its interval and the budget verdict (none for the noise control), and the
    ratios within each run."""
    timings = (a.series, plain.series, base.series)
    central = ratio_of_medians(*timings)
    low, high = ratio_interval(*timings)
    paired = summarize(modelled_ratios(*timings))
    row = [label, f"{central:.2f}", f"{low:.2f}–{high:.2f}", paired.format()]
    if a.name == PLAIN_AGAIN:
        return [*row, CONTROL]
    verdict = "OK" if central <= RATIO_BUDGET else "OVER"
    if low <= RATIO_BUDGET < high:
        needed = rounds_to_tell(len(a.seconds), (low, high), central, RATIO_BUDGET)
        verdict += f" (interval spans it: some {needed:,} rounds would tell)"
    return [*row, f"≤ {RATIO_BUDGET:.2f} {verdict}"]


RATIO_HEADERS = ["ratio", "of medians", "95% interval", "per run min–med–max", "budget"]
PLAIN = "plain"
# Plain Material's build once more, under a name of its own: the same work timed twice, so
# its ratio to plain Material is what the machine's noise alone makes of a ratio that is 1.
PLAIN_AGAIN = "plain, again"
BASE_PREFIX = "base"
CONTROL = "— (the same build: 1.00 but for noise)"


def roles(variants: list[Variant]) -> tuple[list[Variant], Variant, list[Variant], Variant]:
    """A site's builds by role: the hooks builds, plain Material, the others compared with
    it (mkdocs-macros, plain Material again), and the one-page base build."""
    hooks = [v for v in variants if v.name.startswith("hooks")]
    plain = next(v for v in variants if v.name == PLAIN)
    base = next(v for v in variants if v.name.startswith(BASE_PREFIX))
    others = [v for v in variants if v not in hooks and v is not plain and v is not base]
    return hooks, plain, others, base


def _other_label(v: Variant) -> str:
    if v.name == PLAIN_AGAIN:
        return "plain, again / plain (noise control)"
    return f"{v.name} / plain"


def per_page_row(label: str, a: Variant, b: Variant) -> list[str]:
    """A row with the plain per-page ratio of A over B (no fixed cost taken out): shown
    for comparison, not budgeted."""
    central = per_page_ratios(a.series.at_median(), b.series.at_median())[0]
    paired = summarize(per_page_ratios(a.series, b.series))
    return [label, f"{central:.2f}", "—", paired.format(), "—"]


def model_note(plain: Variant, base: Variant) -> str:
    """One sentence: plain Material's fixed and per-page cost, fitted through the medians."""
    model = fitted_model(plain.series, base.series)
    return (
        f"Plain Material's model (through the medians): {model.fixed:.2f} s fixed + "
        f"{model.per_page * 1000:.1f} ms a page, from the {base.pages}-page and the "
        f"{plain.pages}-page plain builds."
    )


def timing_rows(variants: list[Variant], prefix: list[object] | None = None) -> list[list[str]]:
    """One row per build: pages, CPU and wall seconds min–med–max, CPU ms per page."""
    rows = []
    for v in variants:
        s = summarize(v.seconds)
        wall = summarize(v.wall).format() if v.wall else "—"
        rows.append(
            [
                *map(str, prefix or []),
                v.name,
                str(v.pages),
                s.format(),
                wall,
                _ms(s.median / v.pages),
            ]
        )
    return rows


TIMING_HEADERS = ["build", "pages", "CPU s min–med–max", "wall s min–med–max", "CPU ms/page"]


def report_real(variants: list[Variant], runs: int) -> str:
    """Table 1: the real site, hooks (without and with the cache kept between builds) vs
    plain Material and the one-page base build."""
    hooks_builds, plain, others, base = roles(variants)
    return "\n".join(
        [
            f"### Real site: hooks vs plain Material ({runs} shuffled rounds, "
            "each build once a round)",
            "",
            markdown_table(TIMING_HEADERS, timing_rows(variants)),
            "",
            model_note(plain, base),
            "",
            markdown_table(
                RATIO_HEADERS,
                [
                    modelled_row(f"{h.name} / plain Material at {h.pages} pages", h, plain, base)
                    for h in hooks_builds
                ]
                + [modelled_row(_other_label(o), o, plain, base) for o in others]
                + [
                    per_page_row(f"{h.name}/plain per page, fixed cost not taken out", h, plain)
                    for h in hooks_builds
                ],
            ),
        ]
    )


def report_scale(results: dict[int, list[Variant]], runs: int, shown: str, claims: int) -> str:
    """Table 2: synthetic sites, time and time per page at each size, and the ratios."""
    rows: list[list[str]] = []
    ratio_rows = []
    for size, variants in results.items():
        hooks_builds, plain, others, base = roles(variants)
        rows += timing_rows(variants, [size])
        for h in hooks_builds:
            ratio_rows.append(modelled_row(f"{size} pages: {h.name} / plain", h, plain, base))
        for o in others:
            ratio_rows.append(modelled_row(f"{size} pages: {_other_label(o)}", o, plain, base))
    return "\n".join(
        [
            f"### Synthetic sites: {claims:,} claims, every one shown, navigation.prune "
            f"({runs} shuffled rounds, each build once a round)",
            "",
            shown,
            "",
            markdown_table(["site", *TIMING_HEADERS], rows),
            "",
            markdown_table(RATIO_HEADERS, ratio_rows),
        ]
    )


def report_weight(site: Path, vendored: list[bytes]) -> str:
    """Table 3: page weight of key pages, and the project's own assets against the budget."""
    decks = sorted(p.parent.name for p in (site / "flashcards").glob("*/index.html"))
    rows = []
    for page in WEIGHT_PAGES:
        if page == "DECK":
            if not decks:
                continue
            page = f"flashcards/{decks[0]}/"
        if not (site / page / "index.html").exists():
            rows.append([page or "(home)", "—", "—", "—", "not built", "—", "—"])
            continue
        w = page_weight(site, page)
        rows.append(
            [
                page or "(home)",
                _kb(w.html),
                _kb(w.css),
                _kb(w.js),
                _kb(w.total),
                _kb(after_load_weight(site, page)),
                _kb(own_page_weight(site, page, vendored)),
            ]
        )
    own = shipped_own_assets(site)
    total = own_assets_weight(own)
    verdict = "OK" if total <= OWN_ASSETS_BUDGET else "OVER"
    own_rows = [[p.name, _kb(own_assets_weight([p]))] for p in own]
    own_rows.append([f"**total** (budget {OWN_ASSETS_BUDGET / 1000:.0f} KB) {verdict}", _kb(total)])
    return "\n".join(
        [
            "### Page weight (gzip -9, KB = 1,000 bytes)",
            "",
            "First render (HTML, CSS, JS, total); then what the page fetches after its `load`"
            " event, and the project's own CSS + JS it loads (vendored ts-fsrs excluded,"
            f" budget {OWN_ASSETS_BUDGET / 1000:.0f} KB a page).",
            "",
            markdown_table(
                ["page", "HTML", "CSS", "JS", "total", "after load", "own CSS+JS"], rows
            ),
            "",
            markdown_table(["project's own asset, as shipped", "gzip KB"], own_rows),
        ]
    )


def _kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"
