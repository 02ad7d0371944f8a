#!/usr/bin/env python3
"""Render the built study-sheet page to two PDFs, US Letter and A4: one page, or two full ones.

Usage: build_pdf.py [--site-dir site] [--out-dir SITE/downloads] [-v]

Reads `SITE/study-sheet/index.html` (made by the `hooks/study_sheet.py` page of a normal
`mkdocs build`) and writes `study-sheet.pdf` (Letter) and `study-sheet-a4.pdf` (A4) into
`SITE/downloads/`. Because it renders the page the build just made, the PDFs always show the
same figures and content as the site.

- The type is as large as the paper allows: the sheet is laid out at the smallest size
  (9 pt); if that fits one page, the largest size up to 11 pt that still fits one page is
  used, else the largest that fits two, so a second page is always nearly full. More than
  two pages at 9 pt fails the run.
- Every PDF is then measured (`studyguide.sheet_check`): body text at least 9 pt, a second
  page nearly as full as the first, no local address printed. Any shortfall fails the run.
- Nothing is fetched while rendering: the URL fetcher serves only `file:` URLs inside the
  site, the stylesheet folder and the font folder, and `data:` URLs; it refuses anything
  else, and a refusal fails the run.
- The font is pinned: DejaVu Sans from Debian's fonts-dejavu-core, by file path, so the page
  count cannot change with whatever fonts a machine happens to have. A missing font file
  fails the run instead of falling back silently.
- The footer: the site's name and the build date (`SOURCE_DATE_EPOCH` when set, for
  reproducible builds; otherwise today, UTC), and the sheet's published address when the
  build has one: the page's canonical URL, which Material writes from `site_url`; a local
  address (127.0.0.1, localhost) is never printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from studyguide.sheet_check import local_addresses, sheet_problems

ROOT = Path(__file__).resolve().parent.parent

if TYPE_CHECKING:
    from weasyprint.document import Document

SHEET_CSS = Path(__file__).resolve().parent / "study_sheet_print.css"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Debian package fonts-dejavu-core ships all four files.
FONTS = {
    ("Sheet Sans", "normal"): FONT_DIR / "DejaVuSans.ttf",
    ("Sheet Sans", "bold"): FONT_DIR / "DejaVuSans-Bold.ttf",
    ("Sheet Mono", "normal"): FONT_DIR / "DejaVuSansMono.ttf",
    ("Sheet Mono", "bold"): FONT_DIR / "DejaVuSansMono-Bold.ttf",
}
SHEET_PAGE = Path("study-sheet") / "index.html"
MAX_PAGES = 2
# The body sizes tried, smallest first: the first is the floor `sheet_check` enforces.
FONT_SIZES = (9.0, 9.5, 10.0, 10.5, 11.0)
BOTTOM_MARGIN_MM = 11
# (file name, CSS page size) for each paper.
PAPERS = (("study-sheet.pdf", "letter"), ("study-sheet-a4.pdf", "A4"))
CANONICAL_RE = re.compile(r'<link rel="canonical" href="(?P<url>[^"]+)"')
SITE_NAME_RE = re.compile(r'<meta property="og:site_name" content="(?P<name>[^"]*)"')


def page_info(page_html: str) -> tuple[str, str]:
    """The site's name and the sheet's published URL, read from the built page ("" for a
    URL that is missing or local, since a reader could not open it)."""
    name = SITE_NAME_RE.search(page_html)
    url = CANONICAL_RE.search(page_html)
    address = html.unescape(url.group("url")) if url else ""
    published = "" if not address or local_addresses(address) else address
    return (html.unescape(name.group("name")) if name else ""), published


def sheet_document(page_html: str) -> str:
    """The sheet alone as a small HTML document: the built page's article, without the
    theme's navigation, scripts and stylesheets (print CSS styles it from scratch, and
    WeasyPrint lays it out in a fraction of the time Material's stylesheets take)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise ValueError("the built study sheet has no <article class=md-content__inner>")
    article["class"] = "md-typeset sheet-page"
    title = soup.title.get_text() if soup.title else "Study sheet"
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
        f"</title></head><body>{article}</body></html>"
    )


def build_date() -> str:
    """The build date: from SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def css_string(text: str) -> str:
    """`text` as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_css(size: str, title: str, date: str, url: str, font_pt: float, pages: int) -> str:
    """The paper size, the sheet's body size, the footer margin boxes and the pinned fonts.

    WeasyPrint gives stylesheets passed to `render` user origin, below the page's own
    (author) rules, so these rules are `!important` to beat Material's. The footer names the
    page number only on a two-page sheet, and the URL only when there is one.
    """
    # Italic and oblique are declared with the upright files too, so that no style ever
    # falls through to whatever fonts the machine has; the sheet's CSS sets no italics.
    faces = "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f"src: url({path.as_uri()}); }}"
        for (family, weight), path in FONTS.items()
        for style in ("normal", "italic", "oblique")
    )
    left = f"{title} · built {date}"
    right = css_string(url)
    if pages > 1:
        lead = css_string(f"{url}  ·  " if url else "")
        right = f'{lead} "page " counter(page) " of " counter(pages)'
    box = 'font-family: "Sheet Sans"; font-size: 7.5pt; color: #333;'
    return f"""{faces}
@page {{
  size: {size} !important;
  margin: 10mm 10mm {BOTTOM_MARGIN_MM}mm !important;
  @bottom-left {{ content: {css_string(left)}; {box} }}
  @bottom-right {{ content: {right}; {box} }}
}}
.md-typeset {{ font-size: {font_pt:g}pt !important; }}
"""


def local_fetcher(roots: tuple[Path, ...]) -> Any:  # a weasyprint URLFetcher (untyped)
    """A WeasyPrint URL fetcher serving `data:` URLs and `file:` URLs under `roots` only.

    Every other URL is refused and remembered in its `refused` list, so a stray CDN link or
    web font in the page can never make the build reach the network. (A factory, so that
    WeasyPrint is imported only when rendering.)
    """
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.roots = tuple(r.resolve() for r in roots)
            self.refused: list[str] = []

        def allowed(self, url: str) -> bool:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return True
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                return False
            path = Path(unquote(parts.path)).resolve()
            return any(path.is_relative_to(root) for root in self.roots)

        def fetch(self, url: str, headers: object = None) -> object:
            if not self.allowed(url):
                self.refused.append(url)
                raise ValueError(f"refused {url}: only local files and data: URLs are fetched")
            return super().fetch(url, headers)

    return LocalFetcher()


class _Collect(logging.Handler):
    """Keeps WeasyPrint's log records so the run can count and report them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def fit(layout: Callable[[float, int], Document]) -> tuple[Document, float] | None:
    """The sheet laid out at the largest size in `FONT_SIZES` that keeps it to the page count
    it needs at the smallest (one, else two); None when even that takes over two pages.

    `layout(size, pages)` lays the sheet out with a body of `size` points and the footer of a
    `pages`-page sheet. A binary search: sizes only ever add pages as they grow.
    """
    smallest = layout(FONT_SIZES[0], 1)
    target = len(smallest.pages)
    if target > MAX_PAGES:
        return None
    best, best_size = smallest, FONT_SIZES[0]
    low, high = 1, len(FONT_SIZES) - 1
    while low <= high:
        middle = (low + high) // 2
        candidate = layout(FONT_SIZES[middle], target)
        if len(candidate.pages) <= target:
            best, best_size, low = candidate, FONT_SIZES[middle], middle + 1
        else:
            high = middle - 1
    if target > 1 and best is smallest:  # laid out with a one-page footer
        best = layout(best_size, target)
    return best, best_size


def render(
    site_dir: Path, out_dir: Path, *, verbose: bool = False
) -> tuple[list[tuple[Path, int, float, float]], list[str]]:
    """Render both papers; returns (path, pages, body size in pt, seconds) per PDF and the
    errors found (WeasyPrint's, refused fetches, and the measured sheet's shortfalls)."""
    from weasyprint import CSS, HTML

    errors: list[str] = []
    html_path = site_dir / SHEET_PAGE
    if not html_path.is_file():
        return [], [f"{html_path}: no built study sheet — run `mkdocs build` first"]
    missing = [str(p) for p in FONTS.values() if not p.is_file()]
    if missing:
        return [], [
            f"font file missing: {m} — install the Debian package fonts-dejavu-core"
            for m in missing
        ]
    page_html = html_path.read_text("utf-8")
    title, url = page_info(page_html)
    date = build_date()
    fetcher = local_fetcher((site_dir, SHEET_CSS.parent, FONT_DIR))
    collect = _Collect()
    wp_log = logging.getLogger("weasyprint")
    wp_log.addHandler(collect)
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    try:
        sheet_css = CSS(filename=str(SHEET_CSS), url_fetcher=fetcher)
        page = HTML(
            string=sheet_document(page_html),
            base_url=str(html_path),
            url_fetcher=fetcher,
            media_type="print",
        )
        for name, size in PAPERS:
            start = time.perf_counter()

            def layout(font_pt: float, pages: int, size: str = size) -> Document:
                setup = CSS(
                    string=page_css(size, title, date, url, font_pt, pages), url_fetcher=fetcher
                )
                return page.render(stylesheets=[sheet_css, setup])

            fitted = fit(layout)
            target = out_dir / name
            if fitted is None:
                errors.append(
                    f"{target}: more than {MAX_PAGES} pages at {FONT_SIZES[0]:g} pt, at most "
                    f"{MAX_PAGES} allowed — shorten the sheet's sources or tighten "
                    "scripts/study_sheet_print.css"
                )
                continue
            document, font_pt = fitted
            document.write_pdf(target)
            done.append((target, len(document.pages), font_pt, time.perf_counter() - start))
            errors += sheet_problems(target, BOTTOM_MARGIN_MM * 72 / 25.4)
    finally:
        wp_log.removeHandler(collect)
    for record in collect.records:
        message = f"WeasyPrint {record.levelname}: {record.getMessage()}"
        if record.levelno >= logging.ERROR:
            errors.append(message)
        elif verbose:
            print(message, file=sys.stderr)
    errors += [f"refused to fetch {u}" for u in dict.fromkeys(fetcher.refused)]
    warnings = sum(1 for r in collect.records if r.levelno < logging.ERROR)
    if warnings and not verbose:
        print(f"WeasyPrint: {warnings} CSS warnings (run with -v to list them)", file=sys.stderr)
    return done, errors


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit status 1 on any error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--out-dir", type=Path, default=None, help="default: SITE/downloads")
    parser.add_argument("-v", "--verbose", action="store_true", help="list WeasyPrint warnings")
    args = parser.parse_args(argv)
    site_dir = args.site_dir.resolve()
    out_dir = args.out_dir or site_dir / "downloads"
    done, errors = render(site_dir, out_dir, verbose=args.verbose)
    for target, pages, font_pt, seconds in done:
        size = target.stat().st_size
        print(
            f"{target}: {pages} page(s), body {font_pt:g} pt, {size / 1024:.0f} KiB, "
            f"{seconds:.1f} s"
        )
    for error in errors:
        print(f"ERROR: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
