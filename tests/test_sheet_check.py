"""Tests of studyguide.sheet_check: measuring a printed sheet from its PDF.

Small PDFs made with WeasyPrint (the renderer the sheet uses) with known sizes and words
prove the measures read what was drawn; each check is shown to pass and to fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide.sheet_check import local_addresses, page_words, sheet_problems, text_runs

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MARGIN_PT = 36.0  # 0.5 in: the footer's baseline lies below it


def make_pdf(path: Path, body: str, footer: str = "Footer line", footer_pt: float = 8) -> Path:
    from weasyprint import HTML

    page = f"""<style>
      @font-face {{ font-family: T; src: url(file://{FONT}); }}
      @page {{ size: letter; margin: 36pt 36pt {MARGIN_PT}pt;
        @bottom-left {{ content: "{footer}"; font-family: T; font-size: {footer_pt}pt; }} }}
      body {{ font-family: T; font-size: 10pt; margin: 0; }}
      .big {{ font-size: 12pt; }} .small {{ font-size: 7pt; }}
      .next {{ break-before: page; }}
    </style>{body}"""
    HTML(string=page).write_pdf(path)
    return path


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    words = "word " * 50
    return make_pdf(
        tmp_path_factory.mktemp("pdf") / "two.pdf",
        f'<p class="big">Large heading here</p><p>{words}</p><p class="next">{words}</p>',
    )


def test_text_runs_report_the_size_drawn_and_the_page(two_pages: Path) -> None:
    runs = text_runs(two_pages)
    big = [r for r in runs if "Large heading" in r.text]
    assert big and big[0].size == 12.0 and big[0].page == 1
    assert {r.size for r in runs if r.text.startswith("word")} == {10.0}
    footers = [r for r in runs if r.text == "Footer line"]
    assert len(footers) == 2 and all(r.y < MARGIN_PT and r.size == 8.0 for r in footers)
    assert all(r.y >= MARGIN_PT for r in runs if r.text != "Footer line")


def test_page_words_counts_each_page(two_pages: Path) -> None:
    assert page_words(two_pages) == [3 + 50 + 2, 50 + 2]


def test_a_sheet_with_full_pages_and_no_small_text_passes(two_pages: Path) -> None:
    assert sheet_problems(two_pages, MARGIN_PT) == []


def test_small_body_text_is_a_problem_and_the_footer_is_measured_apart(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "small.pdf", '<p>Body.</p><p class="small">Fine print.</p>')
    [problem] = sheet_problems(pdf, MARGIN_PT)
    assert "1 runs of body text below 9 pt, the smallest 7 pt" in problem
    assert "'Fine print.'" in problem
    tiny_footer = make_pdf(tmp_path / "footer.pdf", "<p>Body.</p>", footer_pt=6)
    [problem] = sheet_problems(tiny_footer, MARGIN_PT)
    assert "footer text below 7 pt" in problem


def test_a_nearly_empty_last_page_is_a_problem(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "thin.pdf", f"<p>{'word ' * 80}</p><p class='next'>Overleaf.</p>")
    [problem] = sheet_problems(pdf, MARGIN_PT)
    assert "page 2 holds 3 words against 82 on page 1" in problem


def test_a_printed_local_address_is_a_problem(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "local.pdf", "<p>Body.</p>", footer="http://127.0.0.1:8000/")
    [problem] = sheet_problems(pdf, MARGIN_PT)
    assert "prints the local address http://127.0.0.1:8000/" in problem


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("see http://127.0.0.1:8000/study-sheet/ now", ["http://127.0.0.1:8000/study-sheet/"]),
        ("at localhost:8000 or LOCALHOST", ["localhost:8000", "LOCALHOST"]),
        ("bind 0.0.0.0 and [::1]:80", ["0.0.0.0", "[::1]:80"]),
        ("https://guide.example.org/ and version 1.27.0.1", []),
        ("127.0.0.1", ["127.0.0.1"]),
    ],
)
def test_local_addresses(text: str, found: list[str]) -> None:
    assert local_addresses(text) == found
