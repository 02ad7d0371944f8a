"""The app icons: drawn once by `make icons` into docs/, checked on every build without drawing.

Rasterising the favicon SVG (resvg: 192 and 512 px as drawn, and a 512 px maskable one with
the artwork inside the safe circle on a full-bleed background, so a launcher's round or
squircle mask cuts nothing) takes ~50 ms, too much to pay on every build. So the PNGs are
committed under `docs/assets/icons/` (MkDocs publishes them as any asset) beside a stamp, the
hash of what they were drawn from: the three SVG documents, which hold the artwork, the
background colour of the first palette and the sizes. A build only hashes those (microseconds)
and stops, naming `make icons`, when the stamp differs; a test draws the icons afresh and
compares bytes, which also catches a new resvg drawing differently.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from studyguide.offline_app import ICONS, palettes

# The folder under docs/ that holds the icons (their URIs in ICONS) and the stamp.
STAMP = "assets/icons/drawn-from.txt"
COMMAND = "make icons"
# Maskable icons keep what matters inside a circle of 40% of the size around the centre; the
# artwork (a rounded square) drawn at 60% of the size fits inside it, corners included.
MASKABLE_ART_SHARE = 0.6


def palette_css(theme_dirs: list[str]) -> str:
    """Material's palette stylesheet (the primary colours by name), or "" without Material."""
    for folder in theme_dirs:
        for path in sorted(Path(folder).glob("assets/stylesheets/palette.*.min.css")):
            return path.read_text("utf-8")
    return ""


def icon_background(theme_palette: object, theme_dirs: list[str]) -> str:
    """The colour behind the maskable icon: the header colour of the first palette."""
    return palettes(theme_palette, palette_css(theme_dirs))[0].theme


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


def drawings(svg: str, background: str) -> dict[str, tuple[str, int]]:
    """What each icon is drawn from, by its URI: the SVG document and the size in pixels.
    Artwork that cannot scale raises ValueError with the reason."""
    _svg_root(svg)  # fail early, with the reason, on artwork that cannot scale
    return {
        icon.uri: (maskable_svg(svg, background) if icon.purpose == "maskable" else svg, icon.size)
        for icon in ICONS
    }


def stamp_text(plan: dict[str, tuple[str, int]]) -> str:
    """The stamp written beside the icons: a hash of every icon's URI, size and SVG."""
    digest = hashlib.sha256()
    for uri, (svg, size) in sorted(plan.items()):
        digest.update(f"{uri}\n{size}\n{len(svg)}\n{svg}\n".encode())
    return (
        f"# Written by `{COMMAND}` (scripts/draw_icons.py) with the icons; do not edit.\n"
        "# The hash of the artwork, background and sizes they were drawn from: a build stops\n"
        "# when the favicon or the palette no longer give it.\n"
        f"sha256:{digest.hexdigest()}\n"
    )


def render_png(svg: str, size: int) -> bytes:
    """The SVG rasterised to a `size`-pixel square PNG."""
    import resvg_py  # only `make icons` and the tests draw: a build never loads resvg

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size))


def icons(svg: str, background: str) -> dict[str, bytes]:
    """Every icon of the manifest, drawn, by its published URI."""
    return {uri: render_png(art, size) for uri, (art, size) in drawings(svg, background).items()}


def _fix(docs: Path) -> str:
    return f"run `{COMMAND}` and commit {docs.name}/{Path(STAMP).parent}/"


def write_icons(docs: Path, svg: str, background: str) -> list[Path]:
    """Draw the icons into `docs` and write their stamp; the files written."""
    written = []
    for uri, png in icons(svg, background).items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        written.append(path)
    stamp = docs / STAMP
    stamp.write_text(stamp_text(drawings(svg, background)), "utf-8")
    return [*written, stamp]


def stamp_problem(docs: Path, svg: str, background: str) -> str | None:
    """Why the committed icons cannot be published as they are (a missing icon or a stamp
    that the artwork and palette no longer give), as `FILE:1:1: message`, or None. Draws
    nothing: cheap enough for every build."""
    for uri in sorted(drawings(svg, background)):
        if not (docs / uri).is_file():
            return f"{docs.name}/{uri}:1:1: app icon missing — {_fix(docs)}"
    stamp = docs / STAMP
    if not stamp.is_file() or stamp.read_text("utf-8") != stamp_text(drawings(svg, background)):
        return (
            f"{docs.name}/{STAMP}:1:1: the app icons were drawn from other artwork or colours "
            "than theme.favicon and the first palette in mkdocs.yml give now — "
            f"{_fix(docs)}"
        )
    return None


def stale_icons(docs: Path, svg: str, background: str) -> list[str]:
    """Every committed icon that differs from what `make icons` draws now from `svg` and
    `background` (with the installed resvg), else a stale stamp: one `FILE:1:1: message` each."""
    problems = []
    for uri, png in icons(svg, background).items():
        path = docs / uri
        if not path.is_file() or path.read_bytes() != png:
            problems.append(
                f"{docs.name}/{uri}:1:1: not what `{COMMAND}` draws now from theme.favicon and "
                f"the first palette in mkdocs.yml — {_fix(docs)}"
            )
    stamp = None if problems else stamp_problem(docs, svg, background)
    return problems + ([stamp] if stamp else [])
