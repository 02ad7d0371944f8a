"""The built site's shareable surface: description and Open Graph meta, 404 page, favicon.

Checks every HTML page of the built site (overrides/main.html adds the Open Graph and
Twitter tags; Material writes the description and canonical link), that a page's front
matter `description` is what it shares, and that the 404 page and the favicon exist.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.integration

REQUIRED = ("description", "og:title", "og:description", "og:type", "twitter:card")


class _Head(HTMLParser):
    """Collects <meta> name/property -> content, and <link rel> -> href, from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.anchors: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a["property"], a.get("content", ""))
        elif tag == "link" and "rel" in a:
            self.links.setdefault(a["rel"], a.get("href", ""))
        elif tag == "a" and "href" in a:
            self._href, self._text = a["href"], []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.anchors.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def head(page: Path) -> _Head:
    """The parsed meta tags, links and anchors of one built page."""
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def missing_meta(page: Path) -> list[str]:
    """The required meta tags a page lacks or leaves empty."""
    meta = head(page).meta
    return [name for name in REQUIRED if not meta.get(name, "").strip()]


def front_matter(source: Path) -> dict[str, object]:
    """A Markdown page's YAML front matter (empty when it has none)."""
    text = source.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("\n---", 1)[0][4:]) or {}


def test_every_page_has_description_and_open_graph_meta(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 5
    lacking = {str(p.relative_to(site_dir)): m for p in pages if (m := missing_meta(p))}
    assert lacking == {}


def test_og_url_is_the_canonical_url(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("index.html")):
        parsed = head(page)
        assert parsed.meta.get("og:url") == parsed.links.get("canonical"), page


def test_pages_share_their_own_description(site_dir: Path) -> None:
    docs = ROOT / "docs"
    checked = 0
    for source in sorted(docs.rglob("*.md")):
        description = front_matter(source).get("description")
        if not isinstance(description, str) or "includes" in source.parts:
            continue
        rel = source.relative_to(docs).with_suffix("")
        built = site_dir / (rel.parent if rel.name == "index" else rel) / "index.html"
        meta = head(built).meta
        assert meta["og:description"] == " ".join(description.split()), built
        assert meta["description"] == meta["og:description"], built
        checked += 1
    assert checked > 0


def test_missing_meta_is_reported(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<html><head><meta name="description" content="x">'
        '<meta property="og:title" content=" "></head></html>',
        "utf-8",
    )
    assert missing_meta(page) == ["og:title", "og:description", "og:type", "twitter:card"]


def test_404_page_links_home_and_to_search(site_dir: Path) -> None:
    page = site_dir / "404.html"
    assert page.is_file()
    parsed = head(page)
    anchors = {text: href for href, text in parsed.anchors}
    home = anchors.get("Go to the home page", "")
    # The 404 page is served at any depth: its links start from the site's root.
    assert home.startswith("/") and home.endswith("/")
    assert anchors.get("Search the guide") == f"{home}?q="
    assert "Page not found" in page.read_text(encoding="utf-8")


def test_favicon_is_linked_and_built(site_dir: Path) -> None:
    href = head(site_dir / "index.html").links.get("icon")
    assert href == "assets/favicon.svg"
    svg = (site_dir / href).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "</svg>" in svg


def test_sitemap_lists_every_page(site_dir: Path) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for page in sorted(site_dir.rglob("index.html")):
        rel = page.parent.relative_to(site_dir).as_posix()
        loc = "" if rel == "." else f"{rel}/"
        assert f"/{loc}</loc>" in sitemap, page
