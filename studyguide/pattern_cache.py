"""Compiled regular expressions kept between processes, as Python keeps a module's bytecode.

`re.compile` parses and compiles a pattern in Python code: the figure search's thirty-odd long
patterns take ~17 ms on every build, more than all the rest of its import. What comes out is
a list of integers (the program `re`'s C engine runs) that depends only on the pattern, its
flags and the Python version. `make bytecode` (`python -m studyguide.pattern_cache`) writes
those programs next to the module's bytecode, in `__pycache__/`; a build hands them to the C
engine directly (`_sre.compile`, what `re.compile` itself calls last), a few microseconds a
pattern. The result is the same pattern object: equal to `re.compile`'s (Python compares
patterns by source, flags and program; a test holds every cached pattern to that). A module
opts in by listing itself in CACHED_MODULES and compiling through its own `PatternCache`:
lazily (`studyguide.lazy_pattern`), or at import with `PatternCache.compile` in place of
`re.compile` (the output check's text reading, ~2.5 ms of its import).

Anything that does not fit exactly (no file, another Python or `re` version, a pattern whose
source or flags changed since the file was written, a damaged file) is compiled by
`re.compile` as before: the cache can make a build slower, never different.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's C engine: typeshed has no stubs for it
import importlib
import marshal
import os
import re
import sys
from pathlib import Path
from types import ModuleType

# The modules whose patterns are kept by `make bytecode`: their LazyPatterns, and every
# pattern their PatternCache compiled while the module was imported.
CACHED_MODULES = (
    "studyguide.figures",
    "studyguide.not_figures",
    # The output check's reading of pages, locating and reporting.
    "studyguide.output_text",
    "studyguide.output_check",
    "studyguide.output_build",
    "studyguide.shared_text",
    "studyguide.locate",
    "studyguide.normalise",
    "studyguide.figure_slots",
    "studyguide.claim_slots",
    # The scan of each text for figures and model lines.
    "studyguide.match_places",
    "studyguide.model_lines",
    "studyguide.text_scan",
    # The hooks' own reading of pages, cards, the study sheet and generated HTML.
    "studyguide.card_rules",
    "studyguide.cards",
    "studyguide.claims",
    "studyguide.deck_slots",
    "studyguide.diagrams",
    "studyguide.freshness",
    "studyguide.grammar",
    "studyguide.links",
    "studyguide.mask",
    "studyguide.page_text",
    "studyguide.practice_form",
    "studyguide.practice_prompts",
    "studyguide.render",
    "studyguide.review_fill",
    "studyguide.sheet_sources",
    "studyguide.study_sheet",
    "studyguide.tables",
)


def _version() -> dict[str, object]:
    """What the programs depend on besides the patterns: Python, and `re`'s engine."""
    return {"python": sys.version, "magic": _sre.MAGIC, "codesize": _sre.CODESIZE}


def cache_path(module_file: str) -> Path:
    """Where the programs of the module at `module_file` are kept: beside its bytecode."""
    source = Path(module_file)
    tag = sys.implementation.cache_tag
    return source.parent / "__pycache__" / f"{source.stem}.{tag}.patterns"


def program(source: str, flags: int) -> dict[str, object]:
    """What `re.compile(source, flags)` hands to the C engine (made as `re` makes it)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]  # private: writing only

    flags = int(flags)
    parsed = _parser.parse(source, flags)
    names = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        names[index] = name
    return {
        "source": source,
        "flags": flags,
        "final_flags": flags | parsed.state.flags,
        "code": [int(word) for word in _compiler._code(parsed, flags)],  # plain ints
        "groups": parsed.state.groups - 1,
        "groupindex": dict(parsed.state.groupdict),
        "indexgroup": names,
    }


def write(module_file: str, patterns: list[tuple[str, int]]) -> Path:
    """Write the programs of `patterns` (source, flags) for the module at `module_file`."""
    path = cache_path(module_file)
    path.parent.mkdir(exist_ok=True)
    entries = [program(source, flags) for source, flags in patterns]
    # marshal, the format of .pyc files: read back in well under a millisecond. Written
    # whole, then renamed: a build running meanwhile reads the old file or the new one.
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(marshal.dumps({"version": _version(), "patterns": entries}))
    partial.replace(path)
    return path


class PatternCache:
    """The programs kept for one module, read on first use; `compile` as `re.compile`."""

    def __init__(self, module_file: str) -> None:
        self.module_file = module_file
        self._entries: dict[tuple[str, int], dict[str, object]] | None = None
        # What it was asked to compile, in order: `make bytecode` keeps these.
        self.asked: dict[tuple[str, int], None] = {}

    def _read(self) -> dict[tuple[str, int], dict[str, object]]:
        try:
            data = marshal.loads(cache_path(self.module_file).read_bytes())
            if data["version"] != _version():
                return {}
            return {(e["source"], e["flags"]): e for e in data["patterns"]}
        except (OSError, ValueError, EOFError, KeyError, TypeError):
            return {}

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """The pattern `re.compile(source, flags)` gives, from its kept program if there is
        one for exactly this source and these flags."""
        self.asked[(source, int(flags))] = None
        if self._entries is None:
            self._entries = self._read()
        entry = self._entries.get((source, flags))
        if entry is not None:
            try:
                return _sre.compile(  # type: ignore[no-any-return]  # _sre has no stubs
                    source,
                    entry["final_flags"],
                    entry["code"],
                    entry["groups"],
                    entry["groupindex"],
                    tuple(entry["indexgroup"]),  # type: ignore[arg-type]  # a list, as kept
                )
            except (KeyError, TypeError, ValueError, RuntimeError, OverflowError):
                pass  # a damaged program: the engine refuses it; compile as usual
        return re.compile(source, flags)


def lazy_patterns(module: ModuleType) -> list[tuple[str, int]]:
    """(source, flags) of every LazyPattern of `module`: at module level, or in a module-level
    list, alone or in a tuple (as figures.py keeps them), each once."""
    from studyguide.lazy_pattern import LazyPattern

    found = []
    for value in vars(module).values():
        for item in value if isinstance(value, list) else [value]:
            for part in item if isinstance(item, tuple) else (item,):
                if isinstance(part, LazyPattern):
                    found.append((part.pattern, int(part.flags)))
    return list(dict.fromkeys(found))


def kept_patterns(module: ModuleType) -> list[tuple[str, int]]:
    """(source, flags) of what `make bytecode` keeps for an imported `module`: its
    `lazy_patterns`, and what its own PatternCache compiled at import (module-level
    patterns compiled with `PatternCache.compile` in place of `re.compile`)."""
    # The class as modules import it: under `python -m` this module runs as __main__.
    from studyguide.pattern_cache import PatternCache as Imported

    asked = [
        key
        for value in vars(module).values()
        if isinstance(value, Imported) and value.module_file == module.__file__
        for key in value.asked
    ]
    return list(dict.fromkeys(lazy_patterns(module) + asked))


def main() -> int:
    """Write the programs of the CACHED_MODULES' patterns (`make bytecode`); quiet, as
    `compileall -q` beside it."""
    for name in CACHED_MODULES:
        module = importlib.import_module(name)
        write(str(module.__file__), kept_patterns(module))
    return 0


if __name__ == "__main__":
    sys.exit(main())
