"""`make freshness`: sources read too long ago and external links that no longer answer.

Reads `docs/claims.yml` and every page under `docs/`, prints one line per problem
(`FILE:LINE: message — what to do`) and exits 1 if any source was read more than
`--max-age` days ago or any external link fails. It uses the network (one request per
distinct URL), so it is run by a maintainer or by the weekly workflow
(.github/workflows/freshness.yml), never by `make test`.

Usage (with `studyguide` installed, as `make venv` does):
`python scripts/freshness.py [--today YYYY-MM-DD] [--max-age DAYS] [--no-links]`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from studyguide import freshness
from studyguide.claims import load_registry

ROOT = Path(__file__).resolve().parent.parent


def run(
    root: Path, today: date, max_age: int, checker: freshness.LinkChecker | None
) -> tuple[list[str], bool, int]:
    """The report lines, whether it failed, and how many links were asked (0 with no checker)."""
    docs = root / "docs"
    registry, problems = load_registry((docs / "claims.yml").read_text(encoding="utf-8"))
    if problems:
        return [str(p) for p in problems], True, 0
    pages = {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*.md"))
    }
    where = freshness.external_links(registry, pages)
    results = freshness.check_links(where, checker) if checker else []
    stale = freshness.stale_sources(registry, today, max_age)
    lines, failed = freshness.report(stale, results, where, max_age)
    return lines, failed, len(results)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run the checks, print the report; 1 when anything failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--max-age", type=int, default=freshness.MAX_AGE_DAYS, help="days")
    parser.add_argument("--no-links", action="store_true", help="skip the network checks")
    args = parser.parse_args(argv)
    checker = None if args.no_links else freshness.http_checker()
    lines, failed, asked = run(ROOT, args.today, args.max_age, checker)
    for line in lines:
        print(line)
    links = "links not checked" if checker is None else f"{asked} external links checked"
    verdict = "FAILED" if failed else "all fresh"
    print(f"freshness: {verdict} ({links}, sources older than {args.max_age} days listed)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
