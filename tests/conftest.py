"""Shared fixtures: a built site, an HTTP server over it, and a headless Chromium.

The built site is made once per test session. `make test` builds `site/` first and points
`GUIDE_SITE_DIR` at it, so the suite tests exactly what `make build` publishes; run alone,
pytest builds into a temporary folder. Browser tests are skipped when Chromium or Playwright
is missing, except when `CI` is set: there a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the header that lets linkchecker skip its politeness wait."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "1")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_directory(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `folder` on 127.0.0.1 in a thread; return its base URL (ending in /) and server.

    The folder's sitemap is rewritten to name this server's origin as the site URL, because
    Material's instant navigation only intercepts links that match the sitemap's scheme,
    host and port.
    """
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_port}/"
    sitemap = folder / "sitemap.xml"
    if sitemap.exists():
        text = sitemap.read_text(encoding="utf-8")
        sitemap.write_text(re.sub(r"<loc>https?://[^/<]+/", f"<loc>{base}", text), "utf-8")
    threading.Thread(target=server.serve_forever, daemon=True).start()
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
        server.shutdown()
        server.server_close()


def _browser_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright; required (never skipped) under CI."""
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests are required in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object, served_site: str) -> Iterator[object]:
    """A fresh browser page (own storage) that fails the test on console errors or
    requests to any host other than 127.0.0.1."""
    context = browser.new_context()  # type: ignore[attr-defined]
    pg = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))

    def _request(req: object) -> None:
        url = req.url  # type: ignore[attr-defined]
        if url.startswith(("http://", "https://")) and not url.startswith("http://127.0.0.1:"):
            foreign.append(url)

    pg.on("request", _request)
    pg.console_errors = errors  # type: ignore[attr-defined]
    pg.foreign_requests = foreign  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not foreign, f"third-party requests: {foreign}"
    assert not errors, f"console errors: {errors}"
