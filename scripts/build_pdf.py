#!/usr/bin/env python3
"""Render the built study-sheet page to two PDFs: US Letter and A4, at most two pages each.

Usage: build_pdf.py [--site-dir site] [--config mkdocs.yml] [--out-dir SITE/downloads]

Reads `SITE/study-sheet/index.html` (made by the `hooks/study_sheet.py` page of a normal
`mkdocs build`) and writes `study-sheet.pdf` (Letter) and `study-sheet-a4.pdf` (A4) into
`SITE/downloads/`. Because it renders the page the build just made, the PDFs always show the
same figures and content as the site.

- Nothing is fetched while rendering: the URL fetcher serves only `file:` URLs inside the
  site, the stylesheet folder and the font folder, and `data:` URLs; it refuses anything
  else, and a refusal fails the run.
- The font is pinned: DejaVu Sans from Debian's fonts-dejavu-core, by file path, so the page
  count cannot change with whatever fonts a machine happens to have. A missing font file
  fails the run instead of falling back silently.
- The run fails on any WeasyPrint error and when a sheet needs more than two pages.
- The footer (title, build date, site URL) comes from mkdocs.yml and the build date
  (`SOURCE_DATE_EPOCH` when set, for reproducible builds; otherwise today, UTC).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
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
# (file name, CSS page size) for each paper.
PAPERS = (("study-sheet.pdf", "letter"), ("study-sheet-a4.pdf", "A4"))


class _AnyTagLoader(yaml.SafeLoader):
    """A safe loader that reads mkdocs.yml's `!ENV` and `!!python/...` tags as plain None."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_info(config: Path) -> tuple[str, str]:
    """The site's name and URL from mkdocs.yml, for the footer."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    return str(data.get("site_name") or ""), str(data.get("site_url") or "")


def build_date() -> str:
    """The build date: from SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def css_string(text: str) -> str:
    """`text` as a quoted CSS string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_css(size: str, title: str, date: str, url: str) -> str:
    """The paper size, the footer margin boxes and the pinned @font-face rules.

    WeasyPrint gives stylesheets passed to `render` user origin, below the page's own
    (author) rules, so the page rules are `!important` to beat Material's `@page` margin.
    """
    # Italic and oblique are declared with the upright files too, so that no style ever
    # falls through to whatever fonts the machine has; the sheet's CSS sets no italics.
    faces = "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f"src: url({path.as_uri()}); }}"
        for (family, weight), path in FONTS.items()
        for style in ("normal", "italic", "oblique")
    )
    footer = f"{title} · built {date}"
    return f"""{faces}
@page {{
  size: {size} !important;
  margin: 9mm 9mm 11mm !important;
  @bottom-left {{
    content: {css_string(footer)};
    font-family: "Sheet Sans"; font-size: 6pt; color: #333;
  }}
  @bottom-right {{
    content: {css_string(url + "  ·  page ")} counter(page) " of " counter(pages);
    font-family: "Sheet Sans"; font-size: 6pt; color: #333;
  }}
}}
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


def render(
    site_dir: Path, out_dir: Path, config: Path, *, verbose: bool = False
) -> tuple[list[tuple[Path, int, float]], list[str]]:
    """Render both papers; returns (path, pages, seconds) per PDF and the errors found."""
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
    title, url = site_info(config)
    date = build_date()
    fetcher = local_fetcher((site_dir, SHEET_CSS.parent, FONT_DIR))
    collect = _Collect()
    wp_log = logging.getLogger("weasyprint")
    wp_log.addHandler(collect)
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    try:
        sheet_css = CSS(filename=str(SHEET_CSS), url_fetcher=fetcher)
        for name, size in PAPERS:
            start = time.perf_counter()
            setup = CSS(string=page_css(size, title, date, url), url_fetcher=fetcher)
            document = HTML(
                filename=str(html_path), url_fetcher=fetcher, media_type="print"
            ).render(stylesheets=[sheet_css, setup])
            target = out_dir / name
            document.write_pdf(target)
            pages = len(document.pages)
            done.append((target, pages, time.perf_counter() - start))
            if pages > MAX_PAGES:
                errors.append(
                    f"{target}: {pages} pages, at most {MAX_PAGES} allowed — shorten the "
                    "sheet's sources or tighten scripts/study_sheet_print.css"
                )
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
    parser.add_argument("--config", type=Path, default=None, help="default: mkdocs.yml beside site")
    parser.add_argument("--out-dir", type=Path, default=None, help="default: SITE/downloads")
    parser.add_argument("-v", "--verbose", action="store_true", help="list WeasyPrint warnings")
    args = parser.parse_args(argv)
    site_dir = args.site_dir.resolve()
    config = args.config or (
        site_dir.parent / "mkdocs.yml"
        if (site_dir.parent / "mkdocs.yml").is_file()
        else ROOT / "mkdocs.yml"
    )
    out_dir = args.out_dir or site_dir / "downloads"
    done, errors = render(site_dir, out_dir, config, verbose=args.verbose)
    for target, pages, seconds in done:
        size = target.stat().st_size
        print(f"{target}: {pages} page(s), {size / 1024:.0f} KiB, {seconds:.1f} s")
    for error in errors:
        print(f"ERROR: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
