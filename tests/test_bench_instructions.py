"""The bench's instruction counts: callgrind's summary read, cycles estimated from the
simulated caches and branches, and the ratios on the fixed + per-page model.

Nothing runs valgrind here: the summaries are real ones, pasted (one count takes minutes).
"""

from __future__ import annotations

import pytest

from studyguide.bench import instructions
from studyguide.bench.instructions import Count


def test_callgrinds_total_is_read_and_its_absence_refused() -> None:
    stderr = "==17== Callgrind, a call-graph generating cache profiler\n==17== \n"
    stderr += "==17== Events    : Ir\n==17== Collected : 10549085361\n==17== \n"
    stderr += "==17== I   refs:      10,549,085,361\n"
    assert instructions.collected(stderr) == {"Ir": 10_549_085_361}
    with pytest.raises(ValueError):
        instructions.collected("INFO - Documentation built in 1.40 seconds\n")
    with pytest.raises(ValueError, match="names"):
        instructions.collected(stderr.replace("Events    : Ir", "Events    : Ir Dr"))


# callgrind's summary with the caches (8 MiB last level) and branches simulated: the 300-page
# synthetic site's hooks build, 2026-12-02.
SIMULATED = (
    "==12246== Events    : Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim\n"
    "==12246== Collected : 19434790370 5524869449 3085128871 319408129 92785382 29385666 "
    "59071 3239428 1033828 2653079850 158320276 537589951 228232704\n"
)


def test_simulated_caches_and_branches_add_weighted_misses_to_the_instructions() -> None:
    events = instructions.collected(SIMULATED)
    assert len(events) == 13 and events["DLmr"] == 3_239_428 and events["Bim"] == 228_232_704
    count = Count.of("hooks, no cache", events, 304)
    assert count.instructions == 19_434_790_370
    first = 319_408_129 + 92_785_382 + 29_385_666
    last = 59_071 + 3_239_428 + 1_033_828
    branches = 158_320_276 + 228_232_704
    assert count.cycles == 19_434_790_370 + 10 * first + 100 * last + 10 * branches
    assert count.cycles == 28_149_344_640  # the estimate the closing note gives
    assert Count.of("plain", {"Ir": 18_414_237_105}, 301).cycles is None
    assert "--branch-sim=yes" in instructions.counting_command(["python"], 8)
    assert "--LL=8388608,16,64" in instructions.counting_command(["python"], 8)
    assert not any("sim" in a for a in instructions.counting_command(["python"]))


def test_the_simulated_report_judges_the_larger_ratio_and_refuses_missing_cycles() -> None:
    g = 1_000_000_000
    base = Count("base (1 page)", 2 * g, 1, 3 * g)
    plain = Count("plain", 12 * g, 101, 13 * g)  # 0.1 G a page, both counts
    hooks = Count("hooks, no cache", 12 * g, 101, 14_300_000_000)  # 1.1x the cycles
    assert instructions.ratio(hooks, plain, base) == pytest.approx(1.0)
    assert instructions.ratio(hooks, plain, base, "cycles") == pytest.approx(1.1)
    table = instructions.report([("100", [hooks], plain, base)], cache_mib=8)
    assert "last level 8 MiB" in table
    row = next(line for line in table.splitlines() if line.startswith("| 100 |"))
    assert row.split(" | ")[3:] == [
        "12.000",
        "12.000",
        "1.000",
        "14.300",
        "13.000",
        "1.100",
        "≤ 1.10 OK |",
    ]
    over = hooks._replace(cycles=14_400_000_000)
    assert "OVER" in instructions.report([("100", [over], plain, base)], cache_mib=8)
    assert "cycles" not in instructions.report([("100", [hooks], plain, base)])
    with pytest.raises(ValueError, match="--cache"):
        instructions.report([("100", [hooks], plain._replace(cycles=None), base)], cache_mib=8)


def test_counts_take_the_times_model() -> None:
    # The counts of the 100-page synthetic site (callgrind, 2026-12-02).
    hooks = Count("hooks, no cache", 10_549_085_361, 104)
    plain = Count("plain", 10_532_736_572, 101)
    base = Count("base (1 page)", 2_778_618_623, 1)
    per_page = (plain.instructions - base.instructions) / 100
    expected = hooks.instructions / (base.instructions + per_page * 103)
    assert instructions.ratio(hooks, plain, base) == pytest.approx(expected)
    assert instructions.ratio(hooks, plain, base) == pytest.approx(0.980, abs=0.001)
    table = instructions.report([("100", [hooks], plain, base)])
    assert "| 100 | hooks, no cache | 104 | 10.549 | 10.765 | 0.980 | ≤ 1.10 OK |" in table
