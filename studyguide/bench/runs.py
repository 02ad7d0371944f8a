"""Running `make bench`'s builds: each in a fresh process, timed (`run_build`) or counted
under callgrind (`count_build`), in shuffled rounds (`run_rounds`) or side by side
(`count_site`).

Every build is `python -m mkdocs build` in a fresh process, timed from start to exit (the
wait a contributor has: interpreter, imports, config, build), so no run inherits another's
imports or caches.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from studyguide.bench import instructions
from studyguide.bench.instructions import Count
from studyguide.bench.report import Variant, roles
from studyguide.bench.schedule import shuffled_rounds
from studyguide.result_cache import ENV

ROOT = Path(__file__).resolve().parents[2]


def _command(v: Variant, prefix: list[str]) -> tuple[list[str], dict[str, str]]:
    """The command that builds variant `v` (after `prefix`), and its environment."""
    cmd = [*prefix, "-m", "mkdocs", "build", "-f", str(v.config), "-d", str(v.site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **v.env}
    return cmd, env


def _pages_built(v: Variant, done: subprocess.CompletedProcess[str]) -> int:
    """The pages a finished build of `v` made (its `index.html` files); when it failed, the
    bench stops with the build's output."""
    if done.returncode != 0:
        raise SystemExit(f"build {v.name} failed:\n{done.stdout}\n{done.stderr}")
    return sum(1 for _ in v.site.rglob("index.html"))


def count_build(v: Variant, cache_mib: int | None = None) -> Count:
    """Build variant `v` once under callgrind; the instructions it executed and its pages
    (and with `cache_mib`, the cycles estimated from the simulated caches and branches)."""
    shutil.rmtree(v.site, ignore_errors=True)
    cmd, env = _command(v, [sys.executable])
    env.update(instructions.ENV)
    done = subprocess.run(
        instructions.counting_command(cmd, cache_mib),
        cwd=v.cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Count.of(v.name, instructions.collected(done.stderr), _pages_built(v, done))


def count_site(
    label: str, variants: list[Variant], cache_mib: int | None
) -> tuple[str, list[Count], Count, Count]:
    """Count each build of one site once (the hooks with no cache, then with the cache a
    build just filled, plain Material, the one-page build), the other builds left out.

    A count does not depend on what else runs, so builds are counted side by side, one a
    core; the kept cache is filled first, by a build of its own."""
    hooks_builds, plain, _, base = roles(variants)
    for v in hooks_builds:
        if v.env.get(ENV) != "off":
            run_build(v)  # fill the cache this build keeps
    builds = [*hooks_builds, plain, base]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counts = list(pool.map(lambda v: count_build(v, cache_mib), builds))
    print(f"  {label}: counted", file=sys.stderr, flush=True)
    return label, counts[:-2], counts[-2], counts[-1]


def run_build(v: Variant, profile: Path | None = None) -> tuple[float, float, int]:
    """Build variant `v` once with `mkdocs build` in a fresh process, as a contributor runs
    it; return (CPU seconds, wall seconds, pages built), both from start to exit.

    The budget is judged on CPU time (user + system) of the build process: a build is one
    thread, so on a quiet machine the two agree, and on a shared one CPU time does not count
    the time the build waited for other work."""
    shutil.rmtree(v.site, ignore_errors=True)
    prefix = [sys.executable]
    if profile is not None:
        prefix += ["-m", "cProfile", "-o", str(profile)]
    cmd, env = _command(v, prefix)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=v.cwd, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    pages = _pages_built(v, done)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, pages


def run_rounds(variants: list[Variant], runs: int, label: str) -> list[dict[str, object]]:
    """Build every variant once a round, `runs` rounds, each round in a shuffled order
    (`schedule.shuffled_rounds`), after one warm-up round that is not counted (it fills the
    OS file cache, and the kept cache, for every variant alike). Returns one record a run:
    the round, the place in it, the start time, CPU and wall seconds (`--raw`)."""
    for v in variants:
        run_build(v)
    log: list[dict[str, object]] = []
    for r, order in enumerate(shuffled_rounds(variants, runs, label)):
        for place, v in enumerate(order):
            started = time.time()
            cpu, wall, v.pages = run_build(v)
            v.seconds.append(cpu)
            v.wall.append(wall)
            log.append(
                {"site": label, "build": v.name, "round": r, "place": place}
                | {"started": round(started, 3), "cpu": round(cpu, 4), "wall": round(wall, 4)}
            )
        print(f"  {label}: run {r + 1}/{runs} done", file=sys.stderr, flush=True)
    return log
