"""Tests of studyguide.offline_app and the built site's installability: manifest, icons, colours.

Unit tests: the start URL and scope follow `site_url`'s path; theme colours come from
Material's palette stylesheet for each palette. Integration: the manifest's icons are
published as committed, every built page links the manifest, loads the registration script
after its `load` event, and holds the footer's offline line. The icons themselves:
tests/test_offline_icons.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from studyguide.offline_app import (
    DEFAULT_PRIMARY,
    MANIFEST,
    Palette,
    app_root,
    palettes,
    primary_colour,
    web_manifest,
)
from studyguide.offline_icons import STAMP
from tests.conftest import ROOT

PALETTE_CSS = (
    "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051B5;--md-x:#000}"
    "[data-md-color-primary=teal]{--md-primary-fg-color:#009485}"
)
CONFIG_PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "indigo"},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal"},
]


@pytest.mark.parametrize(
    ("site_url", "root"),
    [
        ("https://guide.example.org/", "/"),
        ("https://example.github.io/wandb-pm/", "/wandb-pm/"),
        ("https://example.github.io/wandb-pm", "/wandb-pm/"),
        ("http://127.0.0.1:8000", "/"),
        (None, "./"),
        ("", "./"),
    ],
)
def test_start_url_and_scope_are_the_path_of_site_url(site_url: str | None, root: str) -> None:
    assert app_root(site_url) == root
    manifest = web_manifest("Guide", "G", "d", site_url, [Palette("", "#000000", "#ffffff")])
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == root


def test_theme_colours_follow_each_palette() -> None:
    assert primary_colour(PALETTE_CSS, "indigo") == "#4051b5"
    assert primary_colour(PALETTE_CSS, "custom") == DEFAULT_PRIMARY
    light, dark = palettes(CONFIG_PALETTE, PALETTE_CSS)
    assert light == Palette("(prefers-color-scheme: light)", "#4051b5", "#ffffff")
    assert dark == Palette("(prefers-color-scheme: dark)", "#009485", "#1e2129")
    assert palettes(None, "") == [Palette("", DEFAULT_PRIMARY, "#ffffff")]


def test_the_manifest_installs_as_a_standalone_app() -> None:
    colours = palettes(CONFIG_PALETTE, PALETTE_CSS)
    manifest = web_manifest("W&B guide", "Guide", "About", "https://x.org/g/", colours)
    assert manifest["display"] == "standalone"
    assert (manifest["theme_color"], manifest["background_color"]) == ("#4051b5", "#ffffff")
    icons: list[dict[str, str]] = manifest["icons"]  # type: ignore[assignment]  # web_manifest is a JSON dict
    sizes = {(i["sizes"], i["purpose"]) for i in icons}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}


# ---- the built site -----------------------------------------------------------------------


@pytest.mark.integration
def test_the_built_manifest_and_icons(site_dir: Path) -> None:
    manifest = json.loads((site_dir / MANIFEST).read_text("utf-8"))
    assert manifest["name"] == "W&B PM System Design Study Guide"
    assert 0 < len(manifest["short_name"]) <= 12
    assert manifest["start_url"] == manifest["scope"] == "/"
    for icon in manifest["icons"]:
        size = int(icon["sizes"].split("x")[0])
        assert Image.open(site_dir / icon["src"]).size == (size, size)
        # Published as committed (drawn by `make icons`); their stamp stays out of the site.
        assert (site_dir / icon["src"]).read_bytes() == (ROOT / "docs" / icon["src"]).read_bytes()
    assert not (site_dir / STAMP).exists()


@pytest.mark.integration
@pytest.mark.parametrize("page", ["", "frameworks/impact-first/", "sources/", "404.html"])
def test_every_page_links_the_manifest_and_loads_the_registration_after_load(
    site_dir: Path, page: str
) -> None:
    path = site_dir / page if page.endswith(".html") else site_dir / page / "index.html"
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    manifest = soup.find("link", rel="manifest")["href"]
    # The 404 page is served at any depth, so Material links it from the site root.
    target = site_dir / manifest.lstrip("/") if page == "404.html" else path.parent / manifest
    assert target.resolve() == site_dir / MANIFEST
    # The registration script is fetched after the page's load event, never at first render.
    assert not soup.find("script", src=lambda s: bool(s and "offline." in s))
    (late,) = [s.string for s in soup.find_all("script") if s.string and "offline." in s.string]
    src = re.search(r'\("([^"]+offline\.[0-9a-f]+\.min\.js)"\)', late)
    assert src and "addEventListener('load'" in late
    target = site_dir / src[1].lstrip("/") if page == "404.html" else path.parent / src[1]
    assert target.is_file()
    status = soup.find(attrs={"data-offline-status": True})
    assert status is None  # the script adds the line: no bytes at first render
