"""No page of the built site makes a request to any host but the one serving it.

A reader's browser should talk to nobody else: no CDN, no web fonts, no API calls for
repository stars. Every built page is loaded in Chromium and left until the network is
idle; the conftest `page` fixture records each request to a host other than 127.0.0.1 and
fails the test on any. Foreign requests are also aborted here, so none leaves the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import PageWatch

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request, Route

LOCAL = "http://127.0.0.1:"


def built_pages(site_dir: Path) -> list[str]:
    """Every page of the built site as a URL path relative to the site root."""
    pages = []
    for html in site_dir.rglob("*.html"):
        rel = html.relative_to(site_dir).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return sorted(pages)


def block_foreign(page: Page) -> None:
    """Abort every request to another host (the fixture has already recorded it)."""

    def handle(route: Route, request: Request) -> None:
        url = request.url
        if url.startswith(("http://", "https://")) and not url.startswith(LOCAL):
            route.abort()
        else:
            route.continue_()

    page.route("**/*", handle)


def test_built_pages_lists_every_page(tmp_path: Path) -> None:
    """Directory pages become their folder URL; other HTML files keep their name."""
    for rel in ("index.html", "a/index.html", "404.html", "a/b/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<!doctype html>", "utf-8")
    assert built_pages(tmp_path) == ["", "404.html", "a/", "a/b/"]


@pytest.mark.browser
def test_no_page_requests_another_host(
    page: Page, page_watch: PageWatch, served_site: str, site_dir: Path
) -> None:
    """Load every built page; the `page` fixture fails on any request off 127.0.0.1."""
    block_foreign(page)
    pages = built_pages(site_dir)
    assert len(pages) > 10, f"expected the whole site, found {pages}"
    for path in pages:
        response = page.goto(served_site + path, wait_until="networkidle")
        # Each page really loaded (a 404 page would request nothing and prove nothing).
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        foreign = list(page_watch.foreign_requests)
        assert not foreign, f"{path} requested another host: {foreign}"


@pytest.mark.browser
def test_foreign_request_is_caught(page: Page, page_watch: PageWatch, served_site: str) -> None:
    """The check can fail: a page loading an image from another host is recorded."""
    block_foreign(page)
    page.goto(served_site, wait_until="load")
    page.evaluate(
        """() => new Promise(done => {
            const img = new Image();
            img.onload = img.onerror = () => done();
            img.src = "https://cdn.example.com/pixel.png";
        })"""
    )
    caught = list(page_watch.foreign_requests)
    assert caught == ["https://cdn.example.com/pixel.png"], caught
    page_watch.foreign_requests.clear()
    # The aborted image logs a console error, which is expected here and not the site's.
    page_watch.console_errors.clear()
