"""Facts that stay true: how old each source's reading is, and which external links still answer.

Product names and documentation addresses move (W&B's docs already moved into CoreWeave's),
so every source in `docs/claims.yml` records the day it was read (`read:`, else `date:`).
`make freshness` (scripts/freshness.py) lists sources read more than `MAX_AGE_DAYS` ago and
external links that no longer answer. Everything here is a plain function: the calendar is a
parameter and the HTTP check is an injected callable, so the tests run offline with fixed
dates and a fake checker, and `make test` never depends on the calendar or the network.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from studyguide.claims import Registry, Source
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

MAX_AGE_DAYS = 180
"""A source read longer ago than this is due for a re-read."""

UNVERIFIABLE = frozenset({401, 403, 429})
"""Statuses that prove the server answered but refused a robot: reported, not failed."""

_MD_LINK_RE = _compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


@dataclass(frozen=True)
class LinkResult:
    """What one external link answered: an HTTP status, or the error that stopped it."""

    url: str
    status: int | None
    error: str | None = None

    @property
    def broken(self) -> bool:
        """No answer at all, or an answer saying the page is gone or the server failed."""
        if self.status is None:
            return True
        return self.status >= 400 and self.status not in UNVERIFIABLE

    @property
    def unverifiable(self) -> bool:
        """The server answered but would not serve a robot: a person should look."""
        return self.status in UNVERIFIABLE


LinkChecker = Callable[[str], LinkResult]


def read_on(source: Source) -> str:
    """The day the source was read: `read:` when given, else its `date:`."""
    return source.read or source.date


def age_days(source: Source, today: date) -> int | None:
    """Whole days from the source's reading to `today`; None when the date is not YYYY-MM-DD."""
    try:
        return (today - date.fromisoformat(read_on(source))).days
    except ValueError:
        return None


def stale_sources(
    registry: Registry, today: date, max_age: int = MAX_AGE_DAYS
) -> list[tuple[Source, int | None]]:
    """Sources read more than `max_age` days before `today`, or with an unreadable date."""
    found: list[tuple[Source, int | None]] = []
    for source in registry.sources.values():
        age = age_days(source, today)
        if age is None or age > max_age:
            found.append((source, age))
    return found


def external_links(registry: Registry, pages: Mapping[str, str]) -> dict[str, list[str]]:
    """Every http(s) URL in the sources and in the pages' Markdown links, with where it appears.

    `pages` maps a path (e.g. `docs/index.md`) to its Markdown. Locations read
    `docs/claims.yml:LINE` or `PATH:LINE`, in the order first seen; URLs keep that order too.
    """
    found: dict[str, list[str]] = {}
    for source in registry.sources.values():
        if source.url:
            found.setdefault(source.url, []).append(f"docs/claims.yml:{source.line}")
    for path, text in pages.items():
        for number, line in enumerate(text.splitlines(), start=1):
            for m in _MD_LINK_RE.finditer(line):
                found.setdefault(m.group(1) or m.group(2), []).append(f"{path}:{number}")
    return found


def http_checker(timeout: float = 15.0) -> LinkChecker:
    """A checker that asks the server for the page (HEAD, then GET if HEAD is refused).

    Redirects are followed, so a moved page that redirects still counts as answering.
    Used only by `make freshness`, never by the tests (they pass a fake).
    """
    headers = {"User-Agent": "wandb-pm-study-guide freshness check (+make freshness)"}

    def ask(url: str, method: str) -> int:
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as err:
            return int(err.code)

    def check(url: str) -> LinkResult:
        try:
            status = ask(url, "HEAD")
            if status >= 400:  # some servers refuse HEAD but serve GET
                status = ask(url, "GET")
            return LinkResult(url, status)
        except (TimeoutError, urllib.error.URLError, ConnectionError, ValueError) as err:
            reason = getattr(err, "reason", err)
            return LinkResult(url, None, str(reason) or type(err).__name__)

    return check


def check_links(urls: Iterable[str], checker: LinkChecker) -> list[LinkResult]:
    """The checker's answer for each URL, in order, each URL asked once."""
    return [checker(url) for url in dict.fromkeys(urls)]


def report(
    stale: list[tuple[Source, int | None]],
    links: list[LinkResult],
    where: Mapping[str, list[str]],
    max_age: int = MAX_AGE_DAYS,
) -> tuple[list[str], bool]:
    """One line per problem in `FILE:LINE: message — what to do` form, and whether any failed.

    Unverifiable links (the server refused a robot) are listed as notes and do not fail.
    """
    lines: list[str] = []
    for source, age in stale:
        if age is None:
            lines.append(
                f'docs/claims.yml:{source.line}: source "{source.id}" has a date that is not '
                f'YYYY-MM-DD ("{read_on(source)}") — write the day it was read as YYYY-MM-DD'
            )
        else:
            field = "read" if source.read else "date"
            lines.append(
                f'docs/claims.yml:{source.line}: source "{source.id}" was read {age} days ago '
                f"(on {read_on(source)}, limit {max_age}) — re-read "
                f"{source.url or 'it'}, check every claim and page that cites it, then set "
                f"its `{field}:` to today"
            )
    failed = bool(lines)
    for result in links:
        place = ", ".join(where.get(result.url, [])) or "?"
        first = place.split(", ")[0]
        if result.broken:
            failed = True
            answer = f"HTTP {result.status}" if result.status else f"no answer ({result.error})"
            lines.append(
                f"{first}: link {result.url} {answer} (used at {place}) — find where the "
                "page moved, update the link and its source, and re-read it"
            )
        elif result.unverifiable:
            lines.append(
                f"{first}: note: link {result.url} answered HTTP {result.status} to a robot "
                "— open it in a browser to confirm it still holds what we cite"
            )
    return lines, failed
