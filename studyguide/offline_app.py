"""What makes the guide installable: the web app manifest, its icons and theme colours.

Everything comes from the site's own configuration and artwork, at build time:
- names from `site_name` and `extra.offline.short_name`, the start URL and scope from the
  path of `site_url` (the deployed folder), `display: standalone`;
- theme colours from `theme.palette`: the header colour (Material's primary colour of the
  palette, read from Material's own palette stylesheet) and the page background of its
  scheme; the manifest takes the first palette's (in the page, Material's own theme-color
  meta follows the palette shown);
- icons rasterised from the favicon SVG with resvg (a self-contained wheel, no system
  library): 192 and 512 px as drawn, and a 512 px maskable one with the artwork inside the
  safe circle on a full-bleed background, so a launcher's round or squircle mask cuts
  nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import resvg_py

_RESVG = f"{resvg_py.__version__} {getattr(resvg_py, '__resvg_version__', '')}"

MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/icons/"
# Material 9.8's default primary colour (indigo), for a palette whose primary it cannot name.
DEFAULT_PRIMARY = "#4051b5"
# The page background of Material's two schemes: white, and slate's hsl(225deg 15% 14%).
SCHEME_BACKGROUND = {"default": "#ffffff", "slate": "#1e2129"}
# Maskable icons keep what matters inside a circle of 40% of the size around the centre; the
# artwork (a rounded square) drawn at 60% of the size fits inside it, corners included.
MASKABLE_ART_SHARE = 0.6


@dataclass(frozen=True)
class Palette:
    """One colour scheme a reader may see: when it applies, the header and page colours."""

    media: str
    theme: str
    background: str


@dataclass(frozen=True)
class Icon:
    """One icon file: where it is published, its size in pixels and its purpose."""

    uri: str
    size: int
    purpose: str


ICONS = (
    Icon(f"{ICON_DIR}icon-192.png", 192, "any"),
    Icon(f"{ICON_DIR}icon-512.png", 512, "any"),
    Icon(f"{ICON_DIR}icon-maskable-512.png", 512, "maskable"),
)


def primary_colour(palette_css: str, name: str) -> str:
    """The header colour Material uses for primary colour `name` (`#4051b5` for indigo)."""
    selector = rf"\[data-md-color-primary={re.escape(name)}\]"
    pattern = selector + r"\{--md-primary-fg-color:(#[0-9a-fA-F]{3,8})"
    found = re.search(pattern, palette_css)
    return found.group(1).lower() if found else DEFAULT_PRIMARY


def palettes(theme_palette: object, palette_css: str) -> list[Palette]:
    """The theme colours of each palette in `theme.palette` (a dict or a list of dicts)."""
    entries = theme_palette if isinstance(theme_palette, list) else [theme_palette or {}]
    out = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        scheme = str(entry.get("scheme") or "default")
        out.append(
            Palette(
                media=str(entry.get("media") or ""),
                theme=primary_colour(palette_css, str(entry.get("primary") or "indigo")),
                background=SCHEME_BACKGROUND.get(scheme, SCHEME_BACKGROUND["default"]),
            )
        )
    return out or [Palette("", DEFAULT_PRIMARY, SCHEME_BACKGROUND["default"])]


def app_root(site_url: str | None) -> str:
    """The start URL and scope: the path of `site_url` (`/guide/`), else the manifest's folder."""
    if not site_url:
        return "./"
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def web_manifest(
    name: str,
    short_name: str,
    description: str,
    site_url: str | None,
    colours: list[Palette],
    lang: str = "en",
) -> dict[str, object]:
    """The web app manifest: what a browser needs to offer "Install" and to launch the guide."""
    root = app_root(site_url)
    return {
        "id": root,
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "start_url": root,
        "scope": root,
        "display": "standalone",
        "theme_color": colours[0].theme,
        "background_color": colours[0].background,
        "icons": [
            {
                "src": icon.uri,
                "sizes": f"{icon.size}x{icon.size}",
                "type": "image/png",
                "purpose": icon.purpose,
            }
            for icon in ICONS
        ],
    }


def _svg_root(svg: str) -> tuple[str, str]:
    """The artwork's `viewBox` and inner markup, to draw it inside another SVG."""
    found = re.search(r"<svg\b([^>]*)>(.*)</svg>", svg, re.S)
    if not found:
        raise ValueError(
            "the icon artwork is not an SVG document — set theme.favicon in mkdocs.yml to an "
            "SVG file (the app icons are drawn from it)"
        )
    box = re.search(r'viewBox="([^"]+)"', found.group(1))
    if not box:
        raise ValueError("the icon artwork's <svg> has no viewBox: add one so it can scale")
    return box.group(1), found.group(2)


def maskable_svg(svg: str, background: str) -> str:
    """The artwork centred at 60% of the size on a full-bleed `background` square."""
    view_box, inner = _svg_root(svg)
    margin = (1 - MASKABLE_ART_SHARE) / 2 * 100
    share = MASKABLE_ART_SHARE * 100
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{background}"/>'
        f'<svg x="{margin:g}" y="{margin:g}" width="{share:g}" height="{share:g}" '
        f'viewBox="{view_box}">{inner}</svg></svg>'
    )


def render_png(svg: str, size: int, cache: Path | None = None) -> bytes:
    """The SVG rasterised to a `size`-pixel square PNG.

    With a `cache` folder, a PNG made before from the same SVG at the same size (and the same
    version of resvg) is read back instead of rendered again: the same bytes, without the
    50 ms three icons take on every build."""
    if cache is None:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size))
    key = hashlib.sha256(f"{_RESVG}\n{size}\n{svg}".encode()).hexdigest()[:32]
    path = cache / f"icon-{key}.png"
    if path.is_file():
        return path.read_bytes()
    png = render_png(svg, size)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(png)
    partial.replace(path)  # atomic: a concurrent build never reads half a file
    return png


def icons(svg: str, background: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every icon of the manifest, by its published URI (see `render_png` for `cache`)."""
    _svg_root(svg)  # fail early, with the reason, on artwork that cannot scale
    out = {}
    for icon in ICONS:
        art = maskable_svg(svg, background) if icon.purpose == "maskable" else svg
        out[icon.uri] = render_png(art, icon.size, cache)
    return out
