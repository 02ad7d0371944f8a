"""Shared fixtures and helpers: a built site, a server over it, Chromium, axe-core.

The built site is made once per test session. `make test` builds `site/` first and points
`GUIDE_SITE_DIR` at it, so the suite tests exactly what `make build` publishes; run alone,
pytest builds into a temporary folder. Browser tests are skipped when Chromium or Playwright
is missing, except when `CI` is set: there a missing browser is a failure, never a skip.

Tiers: a test that uses the built site is marked `integration`, one that uses the browser
`browser`, here, from the fixtures it asks for; `make test-unit` runs the rest (pure
functions, seconds).
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pytest

from studyguide import grammar
from studyguide.chromium import CHROMIUM, CHROMIUM_FLAGS
from studyguide.static_server import start, stop

if TYPE_CHECKING:  # Playwright may be missing: the browser tests then skip (or fail in CI)
    from playwright.sync_api import Browser, Page, Request

ROOT = Path(__file__).resolve().parent.parent
# Where the flashcards keep their schedule in localStorage (docs/assets/stores.js, v2: FSRS).
FLASHCARDS_KEY = "wbpm-guide.flashcards.v2"
AXE = ROOT / "node_modules/axe-core/axe.min.js"
# WCAG 2.5.3 (the accessible name contains the visible label): experimental in axe, so off
# by default; the tests that show controls with visible labels and names turn it on.
LABEL_IN_NAME = ("label-content-name-mismatch",)
# The two palettes: the media query a reader's system sets, and Material's scheme name.
SCHEMES: dict[str, tuple[Literal["light", "dark"], str]] = {
    "light": ("light", "default"),
    "dark": ("dark", "slate"),
}
# Headers the tests' server sends: nothing cached between tests, and the header that lets
# linkchecker skip its politeness wait.
TEST_SERVER_HEADERS = {"LinkChecker": "1", "Cache-Control": "no-store"}
# The start of a small claims file: one source, `art`, then the claims that follow.
ONE_SOURCE = """\
sources:
  art:
    title: An article
    date: 2026-05-24
    note: one article
claims:
"""
# Fixtures that make a test slow, and the tier they put it in.
TIER_OF_FIXTURE = {
    "site_dir": "integration",
    "served_site": "integration",
    "browser": "browser",
    "page": "browser",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the slowest fixture it uses, so `-m "not integration and not
    browser"` (make test-unit) leaves only fast tests."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        for fixture, tier in TIER_OF_FIXTURE.items():
            if fixture in names:
                item.add_marker(getattr(pytest.mark, tier))


_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_SNIPPET_RE = re.compile(r"^--8<--.*$", re.M)


def word_count(body: str) -> int:
    """Words a reader sees in a page body: claim syntax counts as one word, snippets as none."""
    body = _SNIPPET_RE.sub("", body)
    body = grammar.USE_RE.sub(" figure ", body)
    return len(_WORD_RE.findall(body))


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of `project` into `site_dir`, returning the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


PROJECT_PARTS = ["mkdocs.yml", "docs", "hooks", "studyguide", "overrides"]


def copy_project(dest: Path) -> Path:
    """A copy of the guide's sources (config, docs, hooks, package, overrides) a test may edit."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: `GUIDE_SITE_DIR` when set (make test), else a fresh strict build."""
    given = os.environ.get("GUIDE_SITE_DIR")
    if given:
        path = Path(given).resolve()
        assert (path / "index.html").is_file(), f"GUIDE_SITE_DIR={given} holds no built site"
        return path
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def serve_directory(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `folder` on 127.0.0.1 in a thread; return its base URL (ending in /) and server.

    The folder's sitemap is rewritten to name this server's origin as the site URL, because
    Material's instant navigation only intercepts links that match the sitemap's scheme,
    host and port.
    """
    base, server = start(folder, compress=False, headers=TEST_SERVER_HEADERS)
    sitemap = folder / "sitemap.xml"
    if sitemap.exists():
        text = sitemap.read_text(encoding="utf-8")
        sitemap.write_text(re.sub(r"<loc>https?://[^/<]+/", f"<loc>{base}", text), "utf-8")
    return base, server


@pytest.fixture(scope="session")
def served_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve a copy of the built site on 127.0.0.1 and yield its base URL (ending in /)."""
    copy = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(site_dir, copy)
    os.chmod(copy.parent, 0o755)
    base, server = serve_directory(copy)
    try:
        yield base
    finally:
        stop(server)


def _browser_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A headless Debian Chromium driven by Playwright; required (never skipped) under CI."""
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests are required in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageWatch:
    """What the `page` fixture saw: console errors and requests to hosts other than
    127.0.0.1. The test fails on either at its end; a test that causes one on purpose
    clears the list after checking it."""

    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


@pytest.fixture
def page_watch() -> PageWatch:
    """The record the `page` fixture keeps of the page's console errors and foreign requests."""
    return PageWatch()


@pytest.fixture
def page(browser: Browser, served_site: str, page_watch: PageWatch) -> Iterator[Page]:
    """A fresh browser page (own storage) that fails the test on console errors or
    requests to any host other than 127.0.0.1 (see `page_watch`)."""
    context = browser.new_context()
    pg = context.new_page()
    errors, foreign = page_watch.console_errors, page_watch.foreign_requests
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))

    def _request(req: Request) -> None:
        url = req.url
        if url.startswith(("http://", "https://")) and not url.startswith("http://127.0.0.1:"):
            foreign.append(url)

    pg.on("request", _request)
    yield pg
    context.close()
    assert not foreign, f"third-party requests: {foreign}"
    assert not errors, f"console errors: {errors}"


@pytest.fixture(scope="module")
def axe_script() -> Path:
    """Path of axe.min.js (from package-lock.json); skipped locally when missing, a failure
    under CI."""
    if not AXE.is_file():
        reason = f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE


def axe_violations(page: Page, axe: Path, also: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Run axe-core (all its default rules, plus the rules named in `also`, such as the
    experimental ones) on the loaded page; return the violations."""
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        """async (also) => {
          const rules = Object.fromEntries(also.map((id) => [id, {enabled: true}]));
          return (await axe.run(document, {resultTypes: ['violations'], rules})).violations;
        }""",
        list(also),
    )
    return list(result)


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation: rule, impact, help and the first failing nodes."""
    lines = []
    for v in violations:
        nodes = v["nodes"]
        targets = ", ".join(str(n["target"]) for n in nodes[:3])
        summary = (nodes[0].get("failureSummary") or "").replace("\n", " ")
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets} — {summary}")
    return "\n".join(lines)
