"""`Problem` behaves as the frozen, ordered dataclass it was: equal, hashed and sorted by
path, line, column and message (its kind aside), comparable only with problems, immutable,
with the same repr, str and JSON. The dataclass is kept here as the reference, and both are
held to each other over every pair of a few hundred generated problems.
"""

from __future__ import annotations

import itertools
import operator
import random
from dataclasses import dataclass, field

import pytest

from studyguide.problems import Problem, format_report


@dataclass(frozen=True, order=True)
class Reference:
    """`Problem` as first written."""

    path: str
    line: int
    col: int
    message: str
    kind: str = field(default="", compare=False)


def _generated(count: int) -> list[tuple[str, int, int, str, str]]:
    rng = random.Random(3)
    return [
        (
            rng.choice(["docs/a.md", "docs/b.md", "docs/claims.yml"]),
            rng.randint(1, 3),
            rng.randint(1, 2),
            rng.choice(["unknown claim id", "unsourced figure", "bad diagram"]),
            rng.choice(["", "unsourced-figure", "unknown-claim-id"]),
        )
        for _ in range(count)
    ]


def test_problems_compare_hash_and_sort_as_the_dataclass_did() -> None:
    fields = _generated(300)
    new = [Problem(*f) for f in fields]
    old = [Reference(*f) for f in fields]
    ops = (operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge)
    for (a, b), (x, y) in zip(
        itertools.product(new, repeat=2), itertools.product(old, repeat=2), strict=True
    ):
        assert [op(a, b) for op in ops] == [op(x, y) for op in ops]
        assert (hash(a) == hash(b)) == (hash(x) == hash(y))
    assert [tuple(p) for p in sorted(new)] == [
        (r.path, r.line, r.col, r.message, r.kind) for r in sorted(old)
    ]
    assert len(set(new)) == len(set(old)) < len(new)  # the kind does not tell two apart
    assert [repr(p) for p in new] == [repr(r).replace("Reference", "Problem", 1) for r in old]


def test_a_problem_cannot_change_and_keeps_its_kind_through_json() -> None:
    problem = Problem("docs/a.md", 1, 2, "m", "k")
    assert problem == Problem("docs/a.md", 1, 2, "m", "other kind")
    assert problem.__eq__(Reference("docs/a.md", 1, 2, "m")) is NotImplemented
    with pytest.raises(TypeError):
        _ = problem < Reference("docs/a.md", 1, 2, "m")
    with pytest.raises(AttributeError):
        problem.line = 3  # type: ignore[misc]
    assert Problem("p", 1, 1, "m").kind == "" and Problem.from_json(problem.to_json()) == problem
    assert Problem.from_json(problem.to_json()).kind == "k"
    assert format_report([problem, Problem("docs/a.md", 1, 2, "m")]).startswith(str(problem))
