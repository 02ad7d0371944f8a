"""What makes the guide installable: the web app manifest, its icons and theme colours.

Everything comes from the site's own configuration and artwork, at build time:
- names from `site_name` and `extra.offline.short_name`, the start URL and scope from the
  path of `site_url` (the deployed folder), `display: standalone`;
- theme colours from `theme.palette`: the header colour (Material's primary colour of the
  palette, read from Material's own palette stylesheet) and the page background of its
  scheme; the manifest takes the first palette's (in the page, Material's own theme-color
  meta follows the palette shown);
- icons: PNGs drawn from the favicon SVG by `make icons` and committed under
  `docs/assets/icons/` (`studyguide.offline_icons`); the manifest lists them.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/icons/"
# Material 9.8's default primary colour (indigo), for a palette whose primary it cannot name.
DEFAULT_PRIMARY = "#4051b5"
# The page background of Material's two schemes: white, and slate's hsl(225deg 15% 14%).
SCHEME_BACKGROUND = {"default": "#ffffff", "slate": "#1e2129"}


class Palette(NamedTuple):
    """One colour scheme a reader may see: when it applies, the header and page colours."""

    media: str
    theme: str
    background: str


class Icon(NamedTuple):
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
