"""Draw the app icons into docs/assets/icons/ from the favicon and the palette: `make icons`.

The web app manifest lists three PNGs (192 and 512 px, and a 512 px maskable one on the first
palette's header colour), drawn from `theme.favicon` with resvg. Drawing them takes longer
than the rest of the offline hook, so it happens here, once, and the result is committed:
run this after changing the favicon, the first palette's `primary` or resvg, then commit
docs/assets/icons/. A build stops when the favicon or palette no longer give the committed
icons; `tests/test_offline_icons.py` draws them afresh and compares bytes.

Usage: `python scripts/draw_icons.py [--check] [--config mkdocs.yml]`. With --check, writes
nothing and exits 1, one line per stale file, when the committed icons are not what it draws.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.config import load_config

from studyguide.offline_icons import icon_background, stale_icons, write_icons

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Draw (or with --check, compare) the icons for the site configured in `--config`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    config = load_config(config_file=str(args.config))
    docs = Path(config.docs_dir)
    favicon = docs / str(config.theme.get("favicon") or "")
    if not favicon.is_file() or favicon.suffix != ".svg":
        print(f"{args.config}: set theme.favicon to an SVG file under docs/", file=sys.stderr)
        return 1
    svg = favicon.read_text("utf-8")
    background = icon_background(config.theme.get("palette"), config.theme.dirs)
    try:
        if args.check:
            problems = stale_icons(docs, svg, background)
            print("\n".join(problems) or "the app icons are up to date", file=sys.stderr)
            return 1 if problems else 0
        written = write_icons(docs, svg, background)
    except ValueError as error:  # artwork that cannot scale: the reason and the fix
        print(f"{favicon.relative_to(docs.parent)}:1:1: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path.relative_to(docs.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
