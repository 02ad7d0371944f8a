"""The order `make bench` runs its builds in: every build once a round, each round shuffled.

A build run in the same place every round carries whatever that place costs on a shared
machine, and the comparison then measures the place, not the build. Measured here at 1,000
pages (issue 13): with the rounds always in the order hooks without cache, hooks with cache,
plain Material, mkdocs-macros, one-page build, the hooks build's median came to 1.14x plain
Material's over 4 rounds (and 1.13 and 1.25 in two full benches of 7), while the same builds
in shuffled rounds gave 0.97 over 8 (and an A/A pair of plain builds 0.99). Shuffling does
not quiet the machine: two full benches in shuffled rounds then read 1.13 and 0.90 at
1,000 pages, and plain Material against itself as far as 1.26 (`report.PLAIN_AGAIN`). It
only keeps one place in the round from weighing on one build. The seed is fixed, so a
bench run's order can be told again from its label.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def shuffled_rounds(items: Sequence[T], rounds: int, seed: str) -> list[list[T]]:
    """`rounds` rounds, each holding every one of `items` once in an order of its own,
    drawn from a generator seeded with `seed`."""
    rng = random.Random(seed)
    out = []
    for _ in range(rounds):
        order = list(items)
        rng.shuffle(order)
        out.append(order)
    return out
