"""The offline guide in Debian's Chromium: one online visit, then everything with the network off.

A reader opens the home page online and waits for the footer to say the guide works offline
(a condition on the page, no sleep); then `context.set_offline(True)` and they open pages
never visited (by address and through Material's instant navigation), search, grade a
flashcard, open the practice room and the ledger, and fetch the downloads. A second deploy
(a changed page and a changed stylesheet, the precache manifest written again as
`make build` does) must reach the reader as one version: the old version whole while the new
one waits, the new one whole after "Reload to update" or on the next visit, the old cache
deleted and localStorage kept. The `mkdocs serve` worker removes an earlier offline copy.
Chromium's own installability check finds no error. Adversarial runs show that the checks
bite: without a worker the unvisited page fails offline, a precache naming a missing file
never reports ready, and a manifest without icons is not installable.

Each test serves its own copy of the complete site (downloads included: made here when the
session's site has none), in a fresh browser context (its own worker and caches).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from scripts.offline_manifest import main as write_manifest
from studyguide.chromium import CHROMIUM, CHROMIUM_FLAGS
from studyguide.offline_app import MANIFEST
from studyguide.offline_precache import read_manifest, service_worker
from tests.conftest import (
    FLASHCARDS_KEY,
    ROOT,
    SCHEMES,
    axe_violations,
    describe,
    serve_directory,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Request, Route

pytestmark = pytest.mark.browser
READY = '[data-offline-status][data-state="ready"]'
UPDATE = '[data-offline-status][data-state="update"]'
FLASHCARD = ".fc-js .fc-q:not([hidden])"
DOWNLOADS = ["study-sheet.pdf", "study-sheet-a4.pdf", "flashcards.apkg", "flashcards.csv"]
CACHE_NAMES = "caches.keys().then(k => k.filter(n => n.startsWith('wbpm-guide-')))"
# What `mkdocs serve` puts in the footer (overrides/partials/copyright.html).
PREVIEW_MARKER = (
    '<div class="md-copyright"><div class="offline-status" data-offline-status '
    'data-offline-mode="off" role="status" hidden></div>'
)
# How long a first visit may take to save the whole guide (about 2 MB from 127.0.0.1).
READY_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def complete_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published site with its downloads, as `make build` leaves it (downloads made here
    from the session's site when a bare `pytest` built the HTML alone)."""
    if (site_dir / "downloads" / DOWNLOADS[0]).is_file():
        return site_dir
    site = tmp_path_factory.mktemp("complete") / "site"
    shutil.copytree(site_dir, site)
    for script in (
        ["scripts/export_flashcards.py", "--out", str(site / "downloads")],
        ["scripts/build_pdf.py", "--site-dir", str(site)],
    ):
        subprocess.run([sys.executable, *script], cwd=ROOT, check=True, capture_output=True)
    assert write_manifest(["--site-dir", str(site)]) == 0
    return site


@pytest.fixture
def deploy(complete_site: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A copy of the complete site served on 127.0.0.1: (base URL, folder a test may change)."""
    folder = tmp_path / "site"
    shutil.copytree(complete_site, folder)
    base, server = serve_directory(folder)
    try:
        yield base, folder
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context: its own service workers, caches and localStorage."""
    ctx = browser.new_context()
    ctx.set_default_timeout(READY_TIMEOUT_MS)  # two shared cores: allow for a slow moment
    try:
        yield ctx
    finally:
        ctx.close()


def watched(page: Page) -> dict[str, list[str]]:
    """Collect the page's console errors, failed requests and requests off 127.0.0.1."""
    seen: dict[str, list[str]] = {"errors": [], "failed": [], "foreign": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))

    def _request(req: Request) -> None:
        url = req.url
        if url.startswith(("http://", "https://")) and not url.startswith("http://127.0.0.1:"):
            seen["foreign"].append(url)

    page.on("request", _request)
    return seen


def first_visit(context: BrowserContext, base: str) -> tuple[Page, float]:
    """Open the home page online; wait until the footer says it works offline. Returns the
    page and the seconds from the start of the visit to offline-ready."""
    page = context.new_page()
    start = time.monotonic()
    page.goto(base)
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
    return page, time.monotonic() - start


def header_colour(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


def test_after_one_visit_the_whole_guide_works_offline(context, deploy) -> None:
    base, folder = deploy
    page, seconds = first_visit(context, base)
    print(f"offline-ready {seconds:.2f} s after the first visit began")
    status = page.locator("[data-offline-status]")
    assert status.is_visible() and "Works offline" in status.inner_text()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    online_colour = header_colour(page)
    seen = watched(page)
    context.set_offline(True)

    # A page never visited, by its address: the page, its styles and scripts.
    page.goto(base + "frameworks/trade-offs/")
    assert page.locator("h1").first.is_visible()
    assert header_colour(page) == online_colour
    page.wait_for_selector(READY, state="attached")

    # Instant navigation: a click swaps the content without loading a new document.
    page.evaluate("window.__sameDocument = true")
    page.locator('.md-nav__link[href$="mistakes/"]').first.click()
    page.wait_for_url("**/mistakes/")
    page.wait_for_function("document.title.startsWith('Mistakes')")
    assert page.evaluate("window.__sameDocument === true")

    # Search: the search worker and its index come from the offline copy.
    page.keyboard.press("/")
    page.keyboard.type("rubric")
    page.wait_for_selector(".md-search-result__item", state="attached")
    assert "rubric" in (page.locator(".md-search-result__list").text_content() or "").lower()
    page.keyboard.press("Escape")

    # Grade a flashcard; the schedule is saved.
    page.goto(base + "flashcards/figures/")
    page.wait_for_selector(FLASHCARD)
    card = page.get_attribute(".fc-q", "data-card-id")
    page.keyboard.press("Space")
    page.keyboard.press("3")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{FLASHCARDS_KEY}')"))
    assert saved["cards"][card]["reps"] == 1

    # The practice room and the ledger.
    page.goto(base + "practice/")
    page.wait_for_selector("[data-practice][data-ready]:not([hidden])")
    page.goto(base + "sources/")
    assert page.locator("tr[id^=claim-]").count() > 0

    # Every download, byte for byte (listed in sw.js with its hash: make build's last step).
    listed = dict(read_manifest((folder / "sw.js").read_text("utf-8"))["files"])
    assert all(f"downloads/{name}" in listed for name in DOWNLOADS), sorted(listed)
    for name in DOWNLOADS:
        got = page.evaluate(
            "u => fetch(u).then(r => r.arrayBuffer()).then(b => Array.from(new Uint8Array(b)))",
            f"{base}downloads/{name}",
        )
        assert bytes(got) == (folder / "downloads" / name).read_bytes(), name
    assert seen == {"errors": [], "failed": [], "foreign": []}

    # An address the guide does not have: its 404 page, not the browser's error.
    response = page.goto(base + "no-such-page/")
    assert response is not None and response.status == 404
    assert "Page not found" in page.locator(".md-content").inner_text()


def test_a_click_before_the_script_runs_still_registers_the_worker_at_the_root(
    context, deploy
) -> None:
    """The offline script arrives after `load`; a reader may click a link first. Instant
    navigation then changes the address before the script runs, and a script that worked
    out the site root from its own relative `src` registered `faq/sw.js` (a 404)."""
    base, _ = deploy
    page = context.new_page()
    seen = watched(page)
    held: list[Route] = []
    page.route("**/assets/offline.*.min.js", lambda route: held.append(route))
    with page.expect_request("**/assets/offline.*.min.js"):
        page.goto(base)
    page.locator('.md-nav__link[href$="faq/"]').first.click()
    page.wait_for_url(base + "faq/")
    page.wait_for_function("document.title.startsWith('FAQ')")
    held[0].continue_()
    settled = f'{READY}, [data-offline-status][data-state="failed"]'
    page.wait_for_selector(settled, state="attached", timeout=READY_TIMEOUT_MS)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r && r.scope)")
    assert scope == base
    assert seen == {"errors": [], "failed": [], "foreign": []}


def test_without_the_worker_an_unvisited_page_fails_offline(context, deploy) -> None:
    """The check above can fail: with no sw.js the footer reports the failure and a page
    never visited cannot be opened offline."""
    base, folder = deploy
    (folder / "sw.js").unlink()
    page = context.new_page()
    page.goto(base)
    page.wait_for_selector('[data-offline-status][data-state="failed"]', state="attached")
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(base + "frameworks/trade-offs/")


def test_a_precache_naming_a_missing_file_never_reports_ready(context, deploy) -> None:
    """An incomplete offline copy is no offline copy: install fails, no cache is left."""
    base, folder = deploy
    (folder / "downloads" / "flashcards.csv").unlink()  # listed in sw.js, now missing
    page = context.new_page()
    page.goto(base)
    page.wait_for_selector('[data-offline-status][data-state="failed"]', state="attached")
    assert page.evaluate(CACHE_NAMES) == []
    assert page.evaluate("navigator.serviceWorker.controller") is None


def redeploy(folder: Path) -> str:
    """A second deploy: one page and the stylesheet changed, the manifest written again."""
    faq = folder / "faq" / "index.html"
    faq.write_text(faq.read_text("utf-8").replace("</h1>", " (second deploy)</h1>", 1), "utf-8")
    css = next((folder / "assets").glob("guide.*.min.css"))
    css.write_text(css.read_text("utf-8") + "/* second deploy */\n", "utf-8")
    assert write_manifest(["--site-dir", str(folder)]) == 0
    return str(read_manifest((folder / "sw.js").read_text("utf-8"))["version"])


def fetched(page: Page, url: str) -> str:
    return page.evaluate("u => fetch(u).then(r => r.text())", url)


def test_a_new_deploy_replaces_the_offline_copy_as_one_version(context, deploy, axe_script) -> None:
    base, folder = deploy
    page, _ = first_visit(context, base)
    page.evaluate("localStorage.setItem('wbpm-guide.test-progress', 'kept')")
    first = page.evaluate(CACHE_NAMES)
    assert len(first) == 1
    css_url = base + "assets/" + next((folder / "assets").glob("guide.*.min.css")).name
    new_version = redeploy(folder)

    # The next visit finds the new version; it waits while this version's pages are open.
    page.close()
    page = context.new_page()
    page.goto(base)
    page.wait_for_selector(UPDATE, state="attached", timeout=READY_TIMEOUT_MS)
    assert "(second deploy)" not in fetched(page, base + "faq/")
    assert "second deploy" not in fetched(page, css_url)
    # The offer reads, and is operable, in both palettes.
    for media, _ in SCHEMES.values():
        page.emulate_media(color_scheme=media)
        violations = axe_violations(page, axe_script)
        assert not violations, f"{media}:\n{describe(violations)}"
    button = page.locator(".offline-status__reload")
    button.focus()
    assert page.evaluate("document.activeElement.textContent") == "Reload to update"

    # "Reload to update": the new version whole, the old cache gone, progress kept.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate(CACHE_NAMES) == [f"wbpm-guide-{new_version}"] != first
    context.set_offline(True)
    assert "(second deploy)" in fetched(page, base + "faq/")
    assert "second deploy" in fetched(page, css_url)
    assert page.evaluate("localStorage.getItem('wbpm-guide.test-progress')") == "kept"


def test_the_next_visit_shows_a_new_deploy_without_a_reload_button(context, deploy) -> None:
    base, folder = deploy
    page, _ = first_visit(context, base)
    new_version = redeploy(folder)
    page.close()
    page = context.new_page()
    page.goto(base)
    page.wait_for_selector(UPDATE, state="attached", timeout=READY_TIMEOUT_MS)
    page.close()  # the reader leaves: no page of the old version is open

    page = context.new_page()
    page.goto(base + "faq/")
    page.wait_for_selector(READY, state="attached")
    assert "(second deploy)" in page.locator("h1").first.inner_text()
    assert page.evaluate(CACHE_NAMES) == [f"wbpm-guide-{new_version}"]


def test_the_preview_worker_removes_an_earlier_offline_copy(context, deploy) -> None:
    """`mkdocs serve` on the same address as an earlier build: its switched-off worker
    deletes the caches and unregisters, so the preview shows the files being edited."""
    base, folder = deploy
    page, _ = first_visit(context, base)
    template = (ROOT / "docs" / "assets" / "sw.js").read_text("utf-8")
    (folder / "sw.js").write_text(service_worker(template, None), "utf-8")
    for html in folder.rglob("*.html"):  # the preview's pages, as `mkdocs serve` makes them
        text = html.read_text("utf-8")
        html.write_text(text.replace('<div class="md-copyright">', PREVIEW_MARKER, 1), "utf-8")
    with page.expect_navigation():  # the switched-off worker reloads its pages
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_selector('[data-offline-status][data-state="off"]', state="attached")
    assert page.evaluate("navigator.serviceWorker.getRegistrations()") == []
    assert page.evaluate(CACHE_NAMES) == []
    assert "(mkdocs serve)" in page.locator("[data-offline-status]").inner_text()


@pytest.mark.parametrize("broken", [False, True])
def test_chromium_finds_the_guide_installable(browser, deploy, tmp_path, broken) -> None:
    """Chromium's own installability check, in a normal (not incognito) profile: no error.
    Adversarial: the same site with the manifest's icons removed is not installable."""
    base, folder = deploy
    if broken:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        del manifest["icons"]
        (folder / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    profile = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS)
    )
    try:
        page = profile.new_page()
        page.goto(base)
        page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
        cdp = profile.new_cdp_session(page)
        assert cdp.send("Page.getAppManifest")["errors"] == []
        found = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        errors = [e["errorId"] for e in found]
        assert bool(errors) == broken, errors
    finally:
        profile.close()
