"""What a printed study sheet must be, measured from the PDF as a reader gets it.

- Readable: every glyph of the body is at least `MIN_BODY_PT` points, measured from the
  PDF's own text drawing (font size times the text and page matrices), so no stylesheet
  rule can shrink a part of the sheet unnoticed. The footer, below the page's bottom margin,
  is page furniture and is measured apart (`MIN_FOOTER_PT`).
- Worth its paper: a second page exists only when it is nearly as full as the first; a page
  that holds less than `MIN_LAST_PAGE_SHARE` of the first page's words means the sheet should
  have been one page.
- Nothing local: no loopback or `localhost` address is printed anywhere, since a reader
  cannot open the author's machine.

`sheet_problems` returns one line per problem; `scripts/build_pdf.py` fails the build on any,
and the tests prove each can fire.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MIN_BODY_PT = 9.0
MIN_FOOTER_PT = 7.0
MIN_LAST_PAGE_SHARE = 0.6
# A loopback or unspecified address, or localhost, with or without scheme and port.
LOCAL_ADDRESS_RE = re.compile(
    r"(?:https?://)?(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\])(?::\d+)?(?:/\S*)?",
    re.IGNORECASE,
)

Matrix = Sequence[float]


@dataclass(frozen=True)
class Run:
    """A run of text as drawn on a page: its page (1-based), size in points, baseline height
    above the bottom edge, and text."""

    page: int
    size: float
    y: float
    text: str


def _multiply(a: Matrix, b: Matrix) -> list[float]:
    """The product of two PDF transformation matrices [a b c d e f]."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_runs(pdf: Path) -> list[Run]:
    """Every non-blank run of text in the PDF with its rendered size and position."""
    from pypdf import PdfReader

    runs: list[Run] = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):

        def visit(
            text: str, cm: Matrix, tm: Matrix, font: object, size: float, n: int = number
        ) -> None:
            if text.strip():
                m = _multiply(tm, cm)
                scale = abs(m[0] * m[3] - m[1] * m[2]) ** 0.5
                runs.append(Run(n, round(size * scale, 2), m[5], " ".join(text.split())))

        page.extract_text(visitor_text=visit)
    return runs


def page_words(pdf: Path) -> list[int]:
    """The number of words on each page."""
    from pypdf import PdfReader

    return [len((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def local_addresses(text: str) -> list[str]:
    """The loopback and localhost addresses in a text, in order."""
    return [m.group(0) for m in LOCAL_ADDRESS_RE.finditer(text)]


def sheet_problems(pdf: Path, bottom_margin_pt: float) -> list[str]:
    """Every way the sheet at `pdf` falls short, one line each (empty when it is fine).

    Text whose baseline lies below `bottom_margin_pt` is the footer.
    """
    problems: list[str] = []
    runs = text_runs(pdf)
    body = [r for r in runs if r.y >= bottom_margin_pt]
    footer = [r for r in runs if r.y < bottom_margin_pt]
    for what, part, least in (("body", body, MIN_BODY_PT), ("footer", footer, MIN_FOOTER_PT)):
        small = [r for r in part if r.size < least - 0.01]
        if small:
            first = small[0]
            problems.append(
                f"{pdf}: {len(small)} runs of {what} text below {least:g} pt, the smallest "
                f"{min(r.size for r in small):g} pt (page {first.page}: {first.text[:60]!r}) — "
                "size it in em of the sheet's font in scripts/study_sheet_print.css"
            )
    words = page_words(pdf)
    if len(words) > 1 and words[-1] < MIN_LAST_PAGE_SHARE * words[0]:
        problems.append(
            f"{pdf}: page {len(words)} holds {words[-1]} words against {words[0]} on page 1 "
            f"(under {MIN_LAST_PAGE_SHARE:.0%}) — a second page must be nearly full: shorten "
            "the sheet to one page or give it more to say"
        )
    text = " ".join(r.text for r in runs)
    for address in dict.fromkeys(local_addresses(text)):
        problems.append(
            f"{pdf}: prints the local address {address} — readers cannot open it; the footer "
            "shows the site's URL only when mkdocs.yml's site_url is a published one"
        )
    return problems
