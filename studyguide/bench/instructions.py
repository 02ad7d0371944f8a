"""Instructions a build executes, counted by valgrind's callgrind: `make bench`'s noise-free
measure (`scripts/bench.py --instructions`).

CPU time on a shared machine moves by a tenth or more between runs of the same build, as
much as the budget's margin, however many runs are taken (`stats.ratio_of_medians`). The
number of instructions a build executes hardly does: two counts of the one-page build, one
with the hash seed fixed and one without, differed by 0.03%. A count is not a time (a cache
miss costs more than an add), but a hook that does more work executes more instructions, so
the ratio of counts on the same fixed + per-page model says whether the hooks cost more
than plain Material without asking the machine to be quiet. Under callgrind a build runs
some 50-100 times slower, so each build is counted once and the synthetic sizes are chosen
on the command line.

What a count leaves out is how fast the instructions run: a build that misses the caches
or mispredicts branches more runs slower on the same instructions. With a cache size given,
callgrind also simulates the caches (first level as the machine's, last level of the size
given: a machine shared with others gives a build only a part of its own) and the branch
predictor, and `cycles` adds to the instructions 10 for each first-level miss, 100 for each
last-level one and 10 for each mispredicted branch, the weights of kcachegrind's cycle
estimate. Measured here at 300 pages with an 8 MiB last level: the hooks build missed it
4.3 million times and plain Material 2.3 million, mostly the garbage collector walking the
heap, and mispredicted 386.6 million branches to plain Material's 381.8 million; on the
fixed + per-page model the estimate's ratio (1.042) came out below the count's (1.047).
The count itself leans against the hooks: valgrind's CPU has no SHA instructions, so the
offline hook's `sha256` of every built file runs in software under it, some 29
instructions a byte (362 million at 300 pages) where this CPU takes about 1.5 ms a MB.
"""

from __future__ import annotations

import re
import shutil
from typing import NamedTuple

from studyguide.bench.stats import CostModel, markdown_table

_EVENTS_RE = re.compile(r"^==\d+== Events\s*:((?: \w+)+)\s*$", re.M)
_COLLECTED_RE = re.compile(r"^==\d+== Collected :((?: \d+)+)\s*$", re.M)
# kcachegrind's cycle estimate: what each miss and each mispredicted branch adds.
MISS_CYCLES = {
    "I1mr": 10,  # first level: instruction read, data read, data write
    "D1mr": 10,
    "D1mw": 10,
    "ILmr": 100,  # last level
    "DLmr": 100,
    "DLmw": 100,
    "Bcm": 10,  # conditional and indirect branches mispredicted
    "Bim": 10,
}
# The fixed hash seed: dict and set order, and so the work, the same on every count.
ENV = {"PYTHONHASHSEED": "0"}
BUDGET = 1.10


def counting_command(command: list[str], cache_mib: int | None = None) -> list[str]:
    """`command` run under callgrind, its profile discarded: only the totals are read; with
    `cache_mib`, the caches (the last level of `cache_mib` MiB, 16-way) and the branch
    predictor simulated too."""
    if shutil.which("valgrind") is None:
        raise SystemExit(
            "--instructions needs valgrind: install it (Debian: apt-get install valgrind)"
        )
    sim = []
    if cache_mib is not None:
        sim = ["--cache-sim=yes", f"--LL={cache_mib << 20},16,64", "--branch-sim=yes"]
    return ["valgrind", "--tool=callgrind", *sim, "--callgrind-out-file=/dev/null", *command]


def collected(stderr: str) -> dict[str, int]:
    """The event totals callgrind collected, by event name, from its summary on standard
    error: `Ir` (instructions), and with the simulation the misses and mispredictions."""
    names, totals = _EVENTS_RE.search(stderr), _COLLECTED_RE.search(stderr)
    if names is None or totals is None:
        raise ValueError("no callgrind summary (`== Events : …`, `== Collected : …`)")
    events = names.group(1).split()
    counts = [int(n) for n in totals.group(1).split()]
    if len(events) != len(counts) or "Ir" not in events:
        raise ValueError(f"callgrind's summary names {events} for {len(counts)} totals")
    return dict(zip(events, counts, strict=True))


class Count(NamedTuple):
    """One build counted: its name, the instructions it executed, the pages it built, and
    (caches and branches simulated) the cycles estimated for its instructions, misses and
    mispredicted branches."""

    name: str
    instructions: int
    pages: int
    cycles: int | None = None

    @classmethod
    def of(cls, name: str, events: dict[str, int], pages: int) -> Count:
        """A count from callgrind's totals (`collected`); the cycles estimated when the
        caches and branches were simulated."""
        if not set(MISS_CYCLES) <= set(events):
            return cls(name, events["Ir"], pages)
        added = sum(events[e] * cycles for e, cycles in MISS_CYCLES.items())
        return cls(name, events["Ir"], pages, events["Ir"] + added)


def ratio(hooks: Count, plain: Count, base: Count, field: str = "instructions") -> float:
    """A hooks build's count (of `field`: instructions or cycles) over plain Material's
    modelled count for as many pages, the model the line through the one-page build's count
    and plain Material's."""
    return value(hooks, field) / modelled(hooks.pages, plain, base, field)


def modelled(pages: int, plain: Count, base: Count, field: str = "instructions") -> float:
    """Plain Material's count of `field` for `pages` pages, by the fixed + per-page model."""
    model = CostModel.fit(value(base, field), base.pages, value(plain, field), plain.pages)
    return model.seconds(pages)


def value(count: Count, field: str) -> int:
    """A count's instructions or estimated cycles (refused when the caches were not
    simulated)."""
    got = count.instructions if field == "instructions" else count.cycles
    if got is None:
        raise ValueError(f"{count.name}: no {field} counted (simulate the caches: --cache MIB)")
    return got


def report(sites: list[tuple[str, list[Count], Count, Count]], cache_mib: int | None = None) -> str:
    """The instruction table: for each site, each hooks build's count against plain
    Material's modelled count for its pages, the ratio and the verdict; with the caches
    simulated (`cache_mib`), the estimated cycles beside them, the verdict on the larger."""
    simulated = cache_mib is not None
    fields = ["instructions", "cycles"] if simulated else ["instructions"]
    table = []
    for site, hooks_builds, plain, base in sites:
        for hooks in hooks_builds:
            row = [site, hooks.name, str(hooks.pages)]
            worst = 0.0
            for name in fields:
                got = ratio(hooks, plain, base, name)
                worst = max(worst, got)
                shown = modelled(hooks.pages, plain, base, name)
                row += [f"{value(hooks, name) / 1e9:.3f}", f"{shown / 1e9:.3f}", f"{got:.3f}"]
            table.append([*row, f"≤ {BUDGET:.2f} {'OK' if worst <= BUDGET else 'OVER'}"])
    headers = ["site", "build", "pages", "instructions (G)", "plain Material, modelled (G)"]
    headers += ["ratio"]
    if simulated:
        headers += ["cycles, estimated (G)", "plain Material, modelled (G)", "ratio"]
    caches = (
        f" Caches (first level as this machine's, last level {cache_mib} MiB) and branches "
        "simulated: cycles = instructions + 10 a first-level miss + 100 a last-level miss "
        "+ 10 a mispredicted branch; the verdict is on the larger ratio."
        if simulated
        else ""
    )
    return "\n".join(
        [
            "### Instructions executed (callgrind, one count per build)",
            "",
            "Plain Material is modelled as fixed + per-page instructions, through its build "
            "of the same content and a one-page build, as for the times. A count does not "
            f"move with the machine's load.{caches}",
            "",
            markdown_table([*headers, "budget"], table),
        ]
    )
