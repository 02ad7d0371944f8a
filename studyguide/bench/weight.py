"""Page weight for `make bench` and the budget test: gzip bytes of a page and what it links.

A page's weight is its HTML, CSS and JS after gzip, as a static host sends them; the
project's own CSS and JS together have a budget of their own.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at level 9 (what a static host sends; deterministic: no timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class _AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        href, src = a.get("href"), a.get("src")
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and href:
            self.css.append(href)
        elif tag == "script" and src:
            self.js.append(src)


def linked_assets(html: str) -> tuple[list[str], list[str]]:
    """The stylesheet and script URLs a page links, in document order."""
    parser = _AssetParser()
    parser.feed(html)
    return parser.css, parser.js


@dataclass(frozen=True)
class Weight:
    """Gzip bytes of one page: its HTML, and the CSS and JS it links."""

    html: int
    css: int
    js: int

    @property
    def total(self) -> int:
        """HTML + CSS + JS."""
        return self.html + self.css + self.js


def page_weight(site: Path, page: str) -> Weight:
    """Gzip weight of a built page (`page` is a directory URL like `frameworks/x/`).

    Only the site's own files count (an absolute or off-site URL raises: there must be none).
    """
    html_path = site / page / "index.html"
    html = html_path.read_bytes()
    css, js = linked_assets(html.decode("utf-8"))
    sizes = {"css": 0, "js": 0}
    for kind, urls in (("css", css), ("js", js)):
        for url in urls:
            if re.match(r"^[a-z]+:|^//", url):
                raise ValueError(f"{page} links an off-site asset: {url}")
            target = (html_path.parent / url.split("?")[0].split("#")[0]).resolve()
            sizes[kind] += gzip_size(target.read_bytes())
    return Weight(gzip_size(html), sizes["css"], sizes["js"])


OWN_ASSETS_BUDGET = 15_000
"""Bytes after gzip: the project's own CSS and JS together, as shipped."""


def shipped_own_assets(site: Path) -> list[Path]:
    """The project's own CSS and JS that every page of a built site loads: the minified
    bundles `assets/guide.<hash>.min.css` and `.js` that hooks/assets.py makes, stylesheet
    first. (A page with a feature loads that feature's bundles as well: `own_page_weight`.)"""
    assets = site / "assets"
    return sorted(assets.glob("guide.*.min.css")) + sorted(assets.glob("guide.*.min.js"))


def own_assets_weight(paths: Iterable[Path]) -> int:
    """Gzip bytes of the project's own CSS and JS files, each compressed as it is served."""
    return sum(gzip_size(p.read_bytes()) for p in paths)


# The inline loader hooks/assets.py writes for scripts a page fetches after its `load` event.
_AFTER_LOAD_RE = re.compile(r"\}\)\(\"([^\"]+\.js)\"\)</script>")


def after_load_scripts(html: str) -> list[str]:
    """URLs of the scripts a page fetches only after its `load` event (not first render)."""
    return _AFTER_LOAD_RE.findall(html)


def after_load_weight(site: Path, page: str) -> int:
    """Gzip bytes a page fetches after its `load` event."""
    html_path = site / page / "index.html"
    urls = after_load_scripts(html_path.read_text("utf-8"))
    return sum(gzip_size((html_path.parent / u).resolve().read_bytes()) for u in urls)


def own_page_weight(site: Path, page: str, vendored: Iterable[bytes] = ()) -> int:
    """Gzip bytes of the project's own CSS and JS that a page loads, first render or after,
    with the `vendored` files' bytes (a library bundled into a page script) taken out and
    Material's own files left out."""
    html_path = site / page / "index.html"
    html = html_path.read_text("utf-8")
    css, js = linked_assets(html)
    total = 0
    for url in [*css, *js, *after_load_scripts(html)]:
        if "javascripts/" in url or "stylesheets/" in url:
            continue
        data = (html_path.parent / url).resolve().read_bytes()
        for lib in vendored:
            data = data.replace(lib.strip(), b"")
        total += gzip_size(data)
    return total


def built_pages(site: Path) -> list[str]:
    """Every built page of `site` as a directory URL (`""` for the home page), sorted."""
    pages = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("" if d == "." else d + "/" for d in pages)


def own_weights(site: Path, vendored: Iterable[bytes] = ()) -> dict[str, int]:
    """`own_page_weight` of every built page of `site`, by its directory URL."""
    libs = list(vendored)
    return {page: own_page_weight(site, page, libs) for page in built_pages(site)}
