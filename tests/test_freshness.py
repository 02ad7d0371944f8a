"""`make freshness` logic, offline: fixed dates, a fake link checker, and a loopback server.

Nothing here depends on today's date or on the network: the calendar is a parameter and the
HTTP check is injected, so these tests say the same thing on any day and any machine.
"""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from studyguide.claims import Source, load_registry
from studyguide.freshness import (
    LinkResult,
    age_days,
    check_links,
    external_links,
    http_checker,
    report,
    stale_sources,
)
from studyguide.ledger import render_ledger
from studyguide.static_server import serve_with

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 1)

REGISTRY, _ = load_registry("""\
sources:
  fresh: {title: "Read today", date: 2026-12-01, url: "https://docs.example.com/a"}
  edge: {title: "Read 180 days ago", date: 2026-06-04, url: "https://docs.example.com/b"}
  old: {title: "Read 181 days ago", date: 2026-06-03, url: "https://docs.example.com/c"}
  article: {title: "Published long ago, read lately", date: 2020-01-01, read: 2026-11-26, note: n}
  nodate: {title: "Bad date", date: "last spring", note: "typed by hand"}
claims:
  x: {value: "4 days", kind: fact, source: fresh}
""")


def test_age_counts_from_the_reading_not_the_publication() -> None:
    assert age_days(REGISTRY.sources["fresh"], TODAY) == 0
    assert age_days(REGISTRY.sources["article"], TODAY) == 5
    assert age_days(REGISTRY.sources["nodate"], TODAY) is None


def test_stale_sources_are_those_read_over_the_limit_or_undated() -> None:
    stale = {source.id: age for source, age in stale_sources(REGISTRY, TODAY)}
    assert stale == {"old": 181, "nodate": None}
    assert {s.id for s, _ in stale_sources(REGISTRY, TODAY, max_age=0)} == {
        "edge",
        "old",
        "article",
        "nodate",
    }


def test_external_links_come_from_sources_and_page_links_with_their_places() -> None:
    pages = {
        "docs/p.md": "See [a](https://docs.example.com/a) and <https://x.org/y>.\n"
        "Local [link](other.md) and `https://in.code/` are not links here.\n"
        "Again [a](https://docs.example.com/a).",
    }
    found = external_links(REGISTRY, pages)
    assert found["https://docs.example.com/a"] == [
        f"docs/claims.yml:{REGISTRY.sources['fresh'].line}",
        "docs/p.md:1",
        "docs/p.md:3",
    ]
    assert found["https://x.org/y"] == ["docs/p.md:1"]
    assert not any("other.md" in url for url in found)


def test_report_fails_on_stale_sources_and_broken_links_but_only_notes_refusals() -> None:
    answers = {
        "https://ok/": LinkResult("https://ok/", 200),
        "https://gone/": LinkResult("https://gone/", 404),
        "https://down/": LinkResult("https://down/", None, "timed out"),
        "https://robots/": LinkResult("https://robots/", 403),
    }
    asked: list[str] = []

    def fake(url: str) -> LinkResult:
        asked.append(url)
        return answers[url]

    results = check_links([*answers, "https://ok/"], fake)
    assert asked == list(answers)  # each URL asked once
    where = {url: [f"docs/p.md:{i}"] for i, url in enumerate(answers, start=1)}
    lines, failed = report([], results, where)
    assert failed
    assert lines == [
        "docs/p.md:2: link https://gone/ HTTP 404 (used at docs/p.md:2) — find where the page "
        "moved, update the link and its source, and re-read it",
        "docs/p.md:3: link https://down/ no answer (timed out) (used at docs/p.md:3) — find "
        "where the page moved, update the link and its source, and re-read it",
        "docs/p.md:4: note: link https://robots/ answered HTTP 403 to a robot — open it in a "
        "browser to confirm it still holds what we cite",
    ]
    only_refused, failed = report([], [answers["https://robots/"]], where)
    assert not failed and len(only_refused) == 1


def test_report_names_the_field_to_update_and_the_undated_source() -> None:
    old = REGISTRY.sources["old"]
    read_later = Source("a", "A", "2020-01-01", line=7, read="2026-01-01")
    lines, failed = report(
        [(old, 181), (read_later, 334), (REGISTRY.sources["nodate"], None)], [], {}
    )
    assert failed
    assert lines[0].startswith(f'docs/claims.yml:{old.line}: source "old" was read 181 days ago')
    assert "set its `date:` to today" in lines[0] and "https://docs.example.com/c" in lines[0]
    assert "set its `read:` to today" in lines[1]
    assert 'not YYYY-MM-DD ("last spring")' in lines[2]


def test_a_clean_run_reports_nothing() -> None:
    assert report([], [LinkResult("https://ok/", 200)], {}) == ([], False)


class _Handler(http.server.BaseHTTPRequestHandler):
    """200 at /ok, 404 at /gone, and /get-only refuses HEAD (405) but serves GET."""

    def _answer(self, head: bool) -> None:
        if self.path == "/get-only" and head:
            code = 405
        else:
            code = {"/ok": 200, "/gone": 404, "/get-only": 200}.get(self.path, 500)
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def log_message(self, *args: object) -> None:
        """Silence the per-request log."""


@pytest.fixture()
def loopback() -> Iterator[str]:
    with serve_with(_Handler) as url:
        yield url.rstrip("/")


def test_http_checker_against_a_loopback_server(loopback: str) -> None:
    check = http_checker(timeout=5)
    assert check(f"{loopback}/ok").status == 200
    assert check(f"{loopback}/get-only").status == 200  # HEAD refused, GET served
    gone = check(f"{loopback}/gone")
    assert gone.status == 404 and gone.broken


def test_http_checker_reports_a_closed_port_as_no_answer() -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = http_checker(timeout=5)(f"http://127.0.0.1:{port}/")
    assert result.status is None and result.broken and result.error


def test_every_real_source_has_a_readable_reading_date() -> None:
    registry, problems = load_registry((ROOT / "docs/claims.yml").read_text(encoding="utf-8"))
    assert not problems
    undated = [s.id for s in registry.sources.values() if age_days(s, TODAY) is None]
    assert not undated, f"sources whose date or read is not YYYY-MM-DD: {undated}"


def test_ledger_shows_how_long_ago_each_source_was_read() -> None:
    md = render_ledger(REGISTRY, {"x": {"index.md"}}, today=TODAY)
    # The computed age is marked literal: the output check must not read it as a figure.
    assert (
        "Dated 2020-01-01; no figure or line of the guide comes from it. Read on 2026-11-26, "
        '<span class="literal">5 days</span> before this build.'
    ) in md
    assert "Dated 2026-12-01; 1 claim. Read on the day of this build." in md
    assert 'Read on 2026-06-03, <span class="literal">181 days</span> before this build.' in md


def test_the_script_reads_claims_and_pages_and_fails_on_a_dead_link(tmp_path: Path) -> None:
    from scripts.freshness import run

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/claims.yml").write_text(
        "sources:\n  s: {title: T, date: 2026-11-30, url: 'https://a.example/'}\nclaims: {}\n",
        encoding="utf-8",
    )
    (tmp_path / "docs/p.md").write_text("[b](https://b.example/x)\n", encoding="utf-8")

    def fake(url: str) -> LinkResult:
        return LinkResult(url, 200 if url == "https://a.example/" else 410)

    lines, failed, asked = run(tmp_path, TODAY, 180, fake)
    assert (failed, asked) == (True, 2)
    assert lines == [
        "docs/p.md:1: link https://b.example/x HTTP 410 (used at docs/p.md:1) — find where "
        "the page moved, update the link and its source, and re-read it"
    ]
    assert run(tmp_path, TODAY, 180, None) == ([], False, 0)  # --no-links: dates only
    assert run(tmp_path, date(2027, 6, 1), 180, None)[1]  # the same file, half a year on
