"""Tests of studyguide.offline_app and the built site's installability: manifest, icons, colours.

Unit tests: the start URL and scope follow `site_url`'s path; theme colours come from
Material's palette stylesheet for each palette; icons are PNGs of the promised sizes, the
maskable one full-bleed with its artwork inside the safe circle; artwork that cannot scale is
refused with the reason. Integration: every built page links the manifest, loads the
registration script after its `load` event, and holds the footer's offline line.
"""

from __future__ import annotations

import io
import json
import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from PIL import Image

from studyguide.offline_app import (
    DEFAULT_PRIMARY,
    ICONS,
    MANIFEST,
    Palette,
    app_root,
    icons,
    palettes,
    primary_colour,
    render_png,
    web_manifest,
)
from tests.conftest import ROOT
from tests.test_offline_precache import load_hook

ARTWORK = (ROOT / "docs" / "assets" / "favicon.svg").read_text("utf-8")
PALETTE_CSS = (
    "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051B5;--md-x:#000}"
    "[data-md-color-primary=teal]{--md-primary-fg-color:#009485}"
)
# The theme colour behind the maskable icon, and the artwork's own square (one unit apart).
BACKGROUNDS = {(0x40, 0x51, 0xB5), (0x3F, 0x51, 0xB5)}
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


def outside_safe_circle(image: Image.Image) -> list[tuple[int, int]]:
    """Points of artwork (not the background) outside the circle a launcher's mask keeps:
    40% of the size around the centre."""
    size = image.size[0]
    centre, radius, out = size / 2, 0.4 * size, []
    for x in range(0, size, 4):
        for y in range(0, size, 4):
            inside = math.hypot(x - centre, y - centre) <= radius
            if not inside and image.getpixel((x, y))[:3] not in BACKGROUNDS:
                out.append((x, y))
    return out


def test_icons_are_pngs_of_their_sizes_the_maskable_one_full_bleed() -> None:
    made = icons(ARTWORK, "#4051b5")
    assert set(made) == {i.uri for i in ICONS}
    for icon in ICONS:
        image = Image.open(io.BytesIO(made[icon.uri])).convert("RGBA")
        assert image.size == (icon.size, icon.size)
        corner = image.getpixel((0, 0))
        if icon.purpose == "maskable":
            assert corner == (0x40, 0x51, 0xB5, 255)  # the background reaches the edges
        else:
            assert corner[3] == 0  # the artwork's rounded corner: transparent
    maskable = Image.open(io.BytesIO(made[ICONS[2].uri])).convert("RGBA")
    assert outside_safe_circle(maskable) == []


def test_the_safe_circle_check_bites() -> None:
    """The plain artwork drawn edge to edge, as a maskable icon, would lose its corners."""
    plain = Image.open(io.BytesIO(render_png(ARTWORK, 512))).convert("RGBA")
    assert outside_safe_circle(plain)


def test_icons_are_rendered_once_then_read_from_the_cache(tmp_path: Path) -> None:
    fresh = icons(ARTWORK, "#4051b5")
    assert icons(ARTWORK, "#4051b5", tmp_path) == fresh  # rendered, and kept
    kept = sorted(tmp_path.glob("icon-*.png"))
    assert len(kept) == len(ICONS) and not list(tmp_path.glob("*.tmp"))
    # A second build reads the kept files: what the cache holds is what it returns.
    kept[0].write_bytes(b"kept")
    assert b"kept" in icons(ARTWORK, "#4051b5", tmp_path).values()
    # Other artwork, colour or size is another key: rendered, never a stale file.
    maskable = ICONS[2].uri  # the only icon drawn on the background colour
    assert icons(ARTWORK, "#000000", tmp_path)[maskable] == icons(ARTWORK, "#000000")[maskable]
    assert render_png(ARTWORK, 64, tmp_path) == render_png(ARTWORK, 64)


def test_artwork_that_cannot_scale_is_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="no viewBox"):
        icons('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"></svg>', "#000")
    with pytest.raises(ValueError, match="not an SVG"):
        icons("<png/>", "#000")


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


def test_the_hook_names_the_artwork_file_and_the_fix(tmp_path: Path) -> None:
    """A favicon that cannot make icons stops the build with FILE:LINE:COL and what to do."""
    hook = load_hook()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "logo.svg").write_text('<svg width="9" height="9"><rect/></svg>', "utf-8")
    with pytest.raises(PluginError, match=r"^docs/logo\.svg:1:1: .*no viewBox: add one"):
        hook._icons(docs, "logo.svg", "#000", tmp_path / "cache")
    with pytest.raises(PluginError, match=r"^docs/gone\.svg:1:1: .*set theme\.favicon"):
        hook._icons(docs, "gone.svg", "#000", tmp_path / "cache")
