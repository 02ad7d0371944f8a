"""Kept compiled patterns are the patterns `re.compile` makes, or are not used at all.

`studyguide.pattern_cache` keeps the programs of the figure search's patterns beside the
module's bytecode (`make bytecode`) and hands them to `re`'s C engine. These tests hold each
kept pattern equal to `re.compile`'s (Python compares patterns by source, flags and program)
and show it really came from the file; adversarial: a pattern edited since, another Python, a
damaged file and a damaged program each fall back to `re.compile`, never to another pattern.
"""

from __future__ import annotations

import importlib
import marshal
import re
import shutil
from pathlib import Path

import pytest

from studyguide import figures, not_figures, pattern_cache
from studyguide.lazy_pattern import LazyPattern
from studyguide.pattern_cache import PatternCache, cache_path, write

FIGURE_PATTERNS = [p for _, p in figures.FIGURE_RES + figures.SPELLED_RES] + [
    figures._SPELLED_ANCHOR_RE,
    figures._ANY_SPELLED_RE,
    figures._ANCHOR_AFTER_ASCII_RE,
    figures._ANY_FIGURE_RE,
    figures._ANY_SPELLED_LOWER_RE,
]
PATTERNS = FIGURE_PATTERNS + not_figures.NOT_FIGURE_RES
SOURCES = [(p.pattern, p.flags) for p in PATTERNS]


@pytest.fixture
def module(tmp_path: Path) -> str:
    """A copy of figures.py, so the kept file goes to a __pycache__ of the test's own."""
    path = tmp_path / "figures.py"
    shutil.copy(figures.__file__, path)
    return str(path)


def served_from_file(cache: PatternCache, monkeypatch: pytest.MonkeyPatch) -> list:
    """Every pattern of SOURCES from `cache`, with `re.compile` unavailable meanwhile."""
    with monkeypatch.context() as patched:
        patched.setattr(re, "compile", lambda *a: pytest.fail("re.compile ran"))
        return [cache.compile(source, flags) for source, flags in SOURCES]


def test_every_kept_pattern_is_the_one_re_compile_makes(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert write(module, SOURCES) == cache_path(module)
    kept = served_from_file(PatternCache(module), monkeypatch)
    for pattern, (source, flags) in zip(kept, SOURCES, strict=True):
        assert pattern == re.compile(source, flags), source[:60]
        assert pattern.flags == re.compile(source, flags).flags


def test_the_figure_search_reads_its_kept_patterns(module: str) -> None:
    """`make bytecode` keeps every LazyPattern of figures.py and not_figures.py, and each
    module reads its own."""
    assert isinstance(figures._SPELLED_ANCHOR_RE, LazyPattern)
    for mod, patterns in ((figures, FIGURE_PATTERNS), (not_figures, not_figures.NOT_FIGURE_RES)):
        assert all(p.cache is mod._CACHE for p in patterns)
        assert mod._CACHE.module_file == mod.__file__
        assert mod.__name__ in pattern_cache.CACHED_MODULES
        kept = pattern_cache.lazy_patterns(mod)
        assert sorted(kept) == sorted({(p.pattern, p.flags) for p in patterns})


def test_a_pattern_edited_since_is_compiled_afresh(module: str) -> None:
    source, flags = SOURCES[0]
    write(module, [(source, flags)])
    cache = PatternCache(module)
    edited = source + "x"
    assert cache.compile(edited, flags) == re.compile(edited, flags)
    assert cache.compile(source, re.I) == re.compile(source, re.I)  # other flags


def rewrite(module: str, change: object) -> None:
    """Apply `change` to the kept data of `module` and write it back."""
    path = cache_path(module)
    data = marshal.loads(path.read_bytes())
    change(data)  # type: ignore[operator]  # a function of the kept data
    path.write_bytes(marshal.dumps(data))


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["version"].update(python="2.7.18"),
        lambda d: d["version"].update(magic=0),
        lambda d: d["patterns"][0].update(code=[999, 1, 2]),
        lambda d: d["patterns"][0].update(code="not a program"),
        lambda d: d["patterns"][0].pop("groups"),
    ],
    ids=["other python", "other re engine", "invalid program", "not a list", "missing part"],
)
def test_a_file_that_does_not_fit_falls_back_to_re_compile(module: str, damage: object) -> None:
    source, flags = SOURCES[0]
    write(module, [(source, flags)])
    rewrite(module, damage)
    assert PatternCache(module).compile(source, flags) == re.compile(source, flags)


def test_a_damaged_or_missing_file_falls_back_to_re_compile(module: str) -> None:
    source, flags = SOURCES[1]
    assert PatternCache(module).compile(source, flags) == re.compile(source, flags)  # none
    write(module, [(source, flags)])
    cache_path(module).write_bytes(cache_path(module).read_bytes()[:100])
    assert PatternCache(module).compile(source, flags) == re.compile(source, flags)


def test_patterns_compiled_at_import_are_kept_too(tmp_path: Path) -> None:
    """A module that compiles its module-level patterns with its PatternCache (output_text)
    has each kept by `make bytecode`: what it asked for, each the pattern re.compile makes."""
    from studyguide import output_text

    assert "studyguide.output_text" in pattern_cache.CACHED_MODULES
    kept = pattern_cache.kept_patterns(output_text)
    assert kept == list(output_text._KEPT.asked)
    assert (output_text.BLOCK_TAG_RE.pattern, 0) in kept
    assert len(kept) >= 20
    copy = tmp_path / "output_text.py"
    shutil.copy(output_text.__file__, copy)
    write(str(copy), kept)
    cache = PatternCache(str(copy))
    for source, flags in kept:
        assert cache.compile(source, flags) == re.compile(source, flags), source[:60]
    # A module whose cache compiles only its LazyPatterns (figures.py) keeps just those.
    assert pattern_cache.kept_patterns(figures) == pattern_cache.lazy_patterns(figures)


@pytest.mark.parametrize(
    "name",
    [
        m
        for m in pattern_cache.CACHED_MODULES
        if m not in ("studyguide.figures", "studyguide.not_figures")  # LazyPatterns: above
    ],
)
def test_every_module_level_pattern_of_a_cached_module_is_kept_and_equal(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each module listed compiles every module-level pattern through its own PatternCache
    (so `make bytecode` keeps them all), and each, served from a kept file with `re.compile`
    unavailable, is the pattern `re.compile` makes."""
    module = importlib.import_module(name)
    kept = pattern_cache.kept_patterns(module)

    def keys(pairs: list[tuple[str, int]]) -> set[tuple[str, int]]:
        return {(source, flags & ~re.UNICODE) for source, flags in pairs}

    # Its patterns, but for those it imports from another cached module (kept there).
    elsewhere = keys(
        [
            key
            for other in pattern_cache.CACHED_MODULES
            if other != name
            for key in pattern_cache.kept_patterns(importlib.import_module(other))
        ]
    )
    own = keys([(v.pattern, v.flags) for v in vars(module).values() if isinstance(v, re.Pattern)])
    assert own - elsewhere and own - elsewhere <= keys(kept)
    copy = tmp_path / Path(str(module.__file__)).name
    shutil.copy(str(module.__file__), copy)
    write(str(copy), kept)
    cache = PatternCache(str(copy))
    with monkeypatch.context() as patched:
        patched.setattr(re, "compile", lambda *a: pytest.fail("re.compile ran"))
        served = [cache.compile(source, flags) for source, flags in kept]
    for pattern, (source, flags) in zip(served, kept, strict=True):
        assert pattern == re.compile(source, flags), source[:60]
        assert pattern.flags == re.compile(source, flags).flags
