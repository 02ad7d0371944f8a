"""Tests of studyguide.offline_icons: the app icons, drawn by `make icons` and committed.

Unit tests: the icons are PNGs of the promised sizes, the maskable one full-bleed with its
artwork inside the safe circle; artwork that cannot scale is refused with the reason. The
committed icons in docs/assets/icons/ are byte for byte what `make icons` draws now from the
favicon and the first palette of mkdocs.yml (so a changed favicon, palette or resvg fails
here, naming the command). Adversarial: a stale icon is caught by the test's check and by
`scripts/draw_icons.py --check`, whose fix (`make icons`) makes it pass; a changed favicon
stops the build, naming `make icons`, without drawing anything.
"""

from __future__ import annotations

import io
import math
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from PIL import Image

from scripts import draw_icons
from studyguide.offline_app import ICONS
from studyguide.offline_icons import (
    STAMP,
    icon_background,
    icons,
    render_png,
    stale_icons,
    stamp_problem,
)
from tests.conftest import ROOT
from tests.test_offline_precache import load_hook

DOCS = ROOT / "docs"
ARTWORK = (DOCS / "assets" / "favicon.svg").read_text("utf-8")
# The theme colour behind the maskable icon, and the artwork's own square (one unit apart).
BACKGROUNDS = {(0x40, 0x51, 0xB5), (0x3F, 0x51, 0xB5)}
# A site of its own for the script: Material, the project's favicon and first palette.
CONFIG = """site_name: Icons
theme:
  name: material
  favicon: assets/favicon.svg
  palette:
    - scheme: default
      primary: indigo
"""


def rgba(image: Image.Image, x: int, y: int) -> tuple[int, ...]:
    """The pixel at (x, y) of an RGBA image, as its four channels."""
    pixel = image.getpixel((x, y))
    assert isinstance(pixel, tuple)
    return pixel


def outside_safe_circle(image: Image.Image) -> list[tuple[int, int]]:
    """Points of artwork (not the background) outside the circle a launcher's mask keeps:
    40% of the size around the centre."""
    size = image.size[0]
    centre, radius, out = size / 2, 0.4 * size, []
    for x in range(0, size, 4):
        for y in range(0, size, 4):
            inside = math.hypot(x - centre, y - centre) <= radius
            if not inside and rgba(image, x, y)[:3] not in BACKGROUNDS:
                out.append((x, y))
    return out


def test_icons_are_pngs_of_their_sizes_the_maskable_one_full_bleed() -> None:
    made = icons(ARTWORK, "#4051b5")
    assert set(made) == {i.uri for i in ICONS}
    for icon in ICONS:
        image = Image.open(io.BytesIO(made[icon.uri])).convert("RGBA")
        assert image.size == (icon.size, icon.size)
        corner = rgba(image, 0, 0)
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


def test_artwork_that_cannot_scale_is_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="no viewBox"):
        icons('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"></svg>', "#000")
    with pytest.raises(ValueError, match="not an SVG"):
        icons("<png/>", "#000")


def test_the_committed_icons_are_what_make_icons_draws_now() -> None:
    """Byte for byte, from the favicon and first palette of mkdocs.yml, with this resvg."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    svg = (Path(config.docs_dir) / str(config.theme["favicon"])).read_text("utf-8")
    background = icon_background(config.theme.get("palette"), config.theme.dirs)
    assert background == "#4051b5"  # indigo, from Material's palette stylesheet
    problems = stale_icons(DOCS, svg, background)
    assert not problems, "\n".join(problems)


def docs_copy(tmp_path: Path) -> Path:
    """The favicon and committed icons in a docs folder of their own, beside CONFIG."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "assets" / "icons", docs / "assets" / "icons")
    shutil.copy(DOCS / "assets" / "favicon.svg", docs / "assets")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    return docs


def test_a_stale_icon_is_caught_and_make_icons_fixes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adversarial: one icon drawn on another colour (its stamp left as it was, as a hand
    edit would) fails the check, naming the file and the command; the command fixes it."""
    docs = docs_copy(tmp_path)
    maskable = ICONS[2].uri
    (docs / maskable).write_bytes(icons(ARTWORK, "#000000")[maskable])
    assert stale_icons(docs, ARTWORK, "#4051b5") == [
        f"docs/{maskable}:1:1: not what `make icons` draws now from theme.favicon and the first "
        "palette in mkdocs.yml — run `make icons` and commit docs/assets/icons/"
    ]
    config = ["--config", str(tmp_path / "mkdocs.yml")]
    assert draw_icons.main([*config, "--check"]) == 1
    assert f"docs/{maskable}:1:1: " in capsys.readouterr().err
    assert draw_icons.main(config) == 0  # `make icons`, on this site
    assert draw_icons.main([*config, "--check"]) == 0
    assert (docs / maskable).read_bytes() == (DOCS / maskable).read_bytes()


def test_a_hand_edited_stamp_is_caught(tmp_path: Path) -> None:
    """Adversarial: icons that match but a stamp that does not still fail the check."""
    docs = docs_copy(tmp_path)
    (docs / STAMP).write_text("sha256:0\n", "utf-8")
    (problem,) = stale_icons(docs, ARTWORK, "#4051b5")
    assert problem.startswith(f"docs/{STAMP}:1:1: ") and "run `make icons`" in problem


def test_the_build_stops_on_a_changed_favicon_or_palette_naming_make_icons(
    tmp_path: Path,
) -> None:
    """The hook's check hashes what the icons are drawn from (no drawing): the committed
    icons pass; another artwork or colour, or a missing icon, stops the build."""
    hook = load_hook()
    docs = docs_copy(tmp_path)
    assert stamp_problem(DOCS, ARTWORK, "#4051b5") is None
    hook._check_icons(docs, "assets/favicon.svg", "#4051b5")
    fix = r"run `make icons` and commit docs/assets/icons/$"
    with pytest.raises(PluginError, match=rf"^docs/{STAMP}:1:1: the app icons .*{fix}"):
        hook._check_icons(docs, "assets/favicon.svg", "#009485")
    (docs / "assets" / "favicon.svg").write_text(ARTWORK.replace("#ffc107", "#ff0000"), "utf-8")
    with pytest.raises(PluginError, match=rf"^docs/{STAMP}:1:1: .*{fix}"):
        hook._check_icons(docs, "assets/favicon.svg", "#4051b5")
    (docs / "assets" / "favicon.svg").write_text(ARTWORK, "utf-8")
    (docs / ICONS[0].uri).unlink()
    with pytest.raises(PluginError, match=rf"^docs/{ICONS[0].uri}:1:1: app icon missing .*{fix}"):
        hook._check_icons(docs, "assets/favicon.svg", "#4051b5")


def test_the_hook_names_the_artwork_file_and_the_fix(tmp_path: Path) -> None:
    """A favicon that cannot make icons stops the build with FILE:LINE:COL and what to do."""
    hook = load_hook()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "logo.svg").write_text('<svg width="9" height="9"><rect/></svg>', "utf-8")
    with pytest.raises(PluginError, match=r"^docs/logo\.svg:1:1: .*no viewBox: add one"):
        hook._check_icons(docs, "logo.svg", "#000")
    with pytest.raises(PluginError, match=r"^docs/gone\.svg:1:1: .*set theme\.favicon"):
        hook._check_icons(docs, "gone.svg", "#000")
