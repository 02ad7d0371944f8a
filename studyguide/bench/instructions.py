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
"""

from __future__ import annotations

import re
import shutil
from typing import NamedTuple

from studyguide.bench.stats import CostModel, markdown_table

_COLLECTED_RE = re.compile(r"^==\d+== Collected : (\d+)\s*$", re.M)
# The fixed hash seed: dict and set order, and so the work, the same on every count.
ENV = {"PYTHONHASHSEED": "0"}
BUDGET = 1.10


def counting_command(command: list[str]) -> list[str]:
    """`command` run under callgrind, its profile discarded: only the total is read."""
    if shutil.which("valgrind") is None:
        raise SystemExit(
            "--instructions needs valgrind: install it (Debian: apt-get install valgrind)"
        )
    return ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]


def collected(stderr: str) -> int:
    """The instructions callgrind counted, from its summary on standard error."""
    m = _COLLECTED_RE.search(stderr)
    if m is None:
        raise ValueError("no callgrind summary (`== Collected : N`) in the output")
    return int(m.group(1))


class Count(NamedTuple):
    """One build counted: its name, the instructions it executed, the pages it built."""

    name: str
    instructions: int
    pages: int


def ratio(hooks: Count, plain: Count, base: Count) -> float:
    """A hooks build's count over plain Material's modelled count for as many pages, the
    model the line through the one-page build's count and plain Material's."""
    return hooks.instructions / modelled(hooks.pages, plain, base)


def modelled(pages: int, plain: Count, base: Count) -> float:
    """Plain Material's instructions for `pages` pages, by the fixed + per-page model."""
    model = CostModel.fit(base.instructions, base.pages, plain.instructions, plain.pages)
    return model.seconds(pages)


def report(sites: list[tuple[str, list[Count], Count, Count]]) -> str:
    """The instruction table: for each site, each hooks build's count against plain
    Material's modelled count for its pages, the ratio and the verdict."""
    table = []
    for site, hooks_builds, plain, base in sites:
        for hooks in hooks_builds:
            got = ratio(hooks, plain, base)
            table.append(
                [
                    site,
                    hooks.name,
                    str(hooks.pages),
                    f"{hooks.instructions / 1e9:.3f}",
                    f"{modelled(hooks.pages, plain, base) / 1e9:.3f}",
                    f"{got:.3f}",
                    f"≤ {BUDGET:.2f} {'OK' if got <= BUDGET else 'OVER'}",
                ]
            )
    headers = [
        "site",
        "build",
        "pages",
        "instructions (G)",
        "plain Material, modelled (G)",
        "ratio",
        "budget",
    ]
    return "\n".join(
        [
            "### Instructions executed (callgrind, one count per build)",
            "",
            "Plain Material is modelled as fixed + per-page instructions, through its build "
            "of the same content and a one-page build, as for the times. A count does not "
            "move with the machine's load.",
            "",
            markdown_table(headers, table),
        ]
    )
