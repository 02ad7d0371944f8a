"""Regenerate the committed fingerprints of the sources the guide is written from.

The copy check (tests/test_content.py) must run on any clone, and a clone has no
`../shared/source/` (the article is not ours to publish). So each source is kept in the
repository only as a fingerprint, `tests/fingerprints/<name>.txt`: the hashes of its ten-word
shingles, from which its text cannot be read back (see studyguide/copycheck.py).

Run `make fingerprints` whenever a source is added or changes. With `--check` it writes
nothing and exits 1, naming each stale or missing file, when the committed fingerprints no
longer match the sources (the test suite runs that comparison when the sources are present).

Usage: `python scripts/fingerprint_sources.py [--source DIR] [--out DIR] [--check]`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from studyguide.copycheck import fingerprint, format_fingerprint

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "source"
DEFAULT_OUT = ROOT / "tests" / "fingerprints"


def expected_files(source: Path) -> dict[str, str]:
    """Each source file's fingerprint file name and text, for every `*.md` under `source`."""
    return {
        f"{path.stem}.txt": format_fingerprint(fingerprint(path.read_text(encoding="utf-8")))
        for path in sorted(source.glob("*.md"))
    }


def stale_files(source: Path, out: Path) -> list[str]:
    """Fingerprint files under `out` that are missing or differ from `source`'s, by name."""
    return [
        name
        for name, text in expected_files(source).items()
        if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with --check, compare) the fingerprints; 0 when they are current."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    files = expected_files(args.source)
    if not files:
        print(f"{args.source}: no *.md source found; nothing to fingerprint", file=sys.stderr)
        return 1
    if args.check:
        stale = stale_files(args.source, args.out)
        for name in stale:
            print(f"{args.out / name}: stale or missing; run `make fingerprints`", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name} ({text.count(chr(10)) - 1} shingles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
