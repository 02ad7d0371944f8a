"""Tests of scripts/build_pdf.py: the study sheet rendered to PDF from a built site.

Integration tests run the script as `make pdf` does, against the session's built site, into
a temporary folder, and read the PDFs back: page size, page count, the measured sheet (body
text at least 9 pt, a second page nearly full, no local address), the text (every labelled
fact with its label, every framework step), embedded fonts, the footer, and page 1 rendered
to a PNG with pdftoppm must not be blank. Adversarial runs prove that the checks bite: small
text, a local address, a nearly empty second page, a remote image and a sheet too long for
two pages each fail the run; a published site URL reaches the footer; a changed claim value
changes the PDF's text.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from studyguide.claims import load_registry
from studyguide.sheet_check import MIN_BODY_PT, local_addresses, page_words, text_runs
from studyguide.study_sheet import FRAMEWORK_PAGES
from tests.conftest import ROOT, copy_project, mkdocs_build

SCRIPT = ROOT / "scripts" / "build_pdf.py"
PAPERS = {"study-sheet.pdf": (612, 792), "study-sheet-a4.pdf": (595, 842)}
STEP_HEADING_RE = re.compile(r"^## +(?:Step|Layer) +\d+: *(.+?)\s*$", re.M)


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def load_script() -> Any:  # the script as a module: its names are read and replaced
    spec = importlib.util.spec_from_file_location("build_pdf", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pdf_text(path: Path) -> str:
    """All text of a PDF with whitespace collapsed, so line breaks do not split phrases."""
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def site_copy(site_dir: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may change (without its downloads)."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("downloads"))
    return copy


@pytest.fixture(scope="module")
def rendered(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The two PDFs rendered from the session's built site, and the script's stderr."""
    out = tmp_path_factory.mktemp("pdf")
    result = run_script("--site-dir", str(site_dir), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stderr


@pytest.fixture(scope="module")
def registry():
    reg, problems = load_registry((ROOT / "docs" / "claims.yml").read_text("utf-8"))
    assert not problems
    return reg


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(PAPERS))
def test_pdf_size_and_page_count(rendered: tuple[Path, str], name: str) -> None:
    reader = PdfReader(rendered[0] / name)
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == PAPERS[name]


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(PAPERS))
def test_pdf_is_readable_and_worth_its_paper(rendered: tuple[Path, str], name: str) -> None:
    """At least 9 pt throughout the body; a second page nearly as full as the first."""
    pdf = rendered[0] / name
    margin = load_script().BOTTOM_MARGIN_MM * 72 / 25.4  # the footer sits below it
    body = [r for r in text_runs(pdf) if r.y >= margin]
    assert body and min(r.size for r in body) >= MIN_BODY_PT
    words = page_words(pdf)
    assert len(words) == 1 or words[1] >= 0.6 * words[0], words


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(PAPERS))
def test_pdf_names_no_local_address(rendered: tuple[Path, str], name: str) -> None:
    text = pdf_text(rendered[0] / name)
    assert local_addresses(text) == []
    assert "127.0.0.1" not in text and "localhost" not in text.lower()


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(PAPERS))
def test_pdf_text_has_every_labelled_fact_and_step(
    rendered: tuple[Path, str], name: str, registry
) -> None:
    text = pdf_text(rendered[0] / name)
    labelled = [c for c in registry.claims.values() if c.label]
    assert labelled
    for claim in labelled:
        value = " ".join(registry.text(claim.id).split())
        assert f"{claim.label}: {value}" in text, f"fact {claim.id} missing from {name}"
    steps = [
        name
        for src in FRAMEWORK_PAGES
        for name in STEP_HEADING_RE.findall((ROOT / "docs" / src).read_text("utf-8"))
    ]
    assert len(steps) >= 6
    for step in steps:
        assert step.lower() in text.lower(), f"framework step {step!r} missing from {name}"
    assert "Checklist" not in text, "the checklist has its own page"


@pytest.mark.integration
def test_pdf_footer_has_title_and_date_and_no_url_for_a_local_build(
    rendered: tuple[Path, str],
) -> None:
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("\nnav:")[0])
    for name in PAPERS:
        reader = PdfReader(rendered[0] / name)
        first = " ".join((reader.pages[0].extract_text() or "").split())
        assert config["site_name"] in first
        assert re.search(r"built \d{4}-\d{2}-\d{2}", first)
        assert "http" not in first, "a local build prints no address"


@pytest.mark.integration
def test_a_published_site_url_is_printed_in_the_footer(site_dir: Path, tmp_path: Path) -> None:
    result = doctored_run(
        site_dir,
        tmp_path,
        r'<link rel="canonical" href="[^"]*">',  # Material writes it from site_url
        '<link rel="canonical" href="https://guide.example.org/study-sheet/">',
    )
    assert result.returncode == 0, result.stderr
    for name in PAPERS:
        assert "https://guide.example.org/study-sheet/" in pdf_text(tmp_path / "out" / name)


def doctored_run(
    site_dir: Path, tmp_path: Path, pattern: str, replacement: str
) -> subprocess.CompletedProcess[str]:
    """The script run over a copy of the site whose sheet page has the one match of `pattern`
    replaced by `replacement` as written (`pattern` is a regular expression whose `.` matches
    newlines too)."""
    copy = site_copy(site_dir, tmp_path)
    page = copy / "study-sheet" / "index.html"
    html, count = re.subn(pattern, lambda _: replacement, page.read_text("utf-8"), flags=re.S)
    assert count == 1, f"{pattern!r} must match the sheet page once"
    page.write_text(html, "utf-8")
    return run_script("--site-dir", str(copy), "--out-dir", str(tmp_path / "out"))


# What is added to the end of the sheet's article, and the error it must cause.
DOCTORED = {
    "small text": ('<p style="font-size: 7pt">Fine print.</p>', "the smallest 7 pt (page "),
    "a local address": (
        "<p>Open http://127.0.0.1:8000/ to read.</p>",
        "prints the local address http://127.0.0.1:8000/",
    ),
    "a remote image": (
        '<img src="https://example.invalid/pixel.png">',
        "refused to fetch https://example.invalid/pixel.png",
    ),
    "over two pages": (
        ("<p>" + "Filler words for an overlong sheet. " * 400 + "</p>") * 4,
        "at most 2 allowed",
    ),
}


@pytest.mark.integration
@pytest.mark.parametrize("case", sorted(DOCTORED))
def test_a_doctored_sheet_fails_the_run(site_dir: Path, tmp_path: Path, case: str) -> None:
    addition, error = DOCTORED[case]
    result = doctored_run(site_dir, tmp_path, "</article>", addition + "</article>")
    assert result.returncode == 1
    assert error in result.stderr, result.stderr


@pytest.mark.integration
def test_a_nearly_empty_second_page_fails_the_run(site_dir: Path, tmp_path: Path) -> None:
    page_of_words = "<p>A short first page of words for a reader.</p>" * 20
    result = doctored_run(
        site_dir,
        tmp_path,
        r'(?<=<article class="md-content__inner md-typeset">).*?(?=</article>)',
        f'<h1>Sheet</h1>{page_of_words}<p style="break-before: page">Overleaf.</p>',
    )
    assert result.returncode == 1
    assert re.search(r"page \d holds \d+ words against \d+ on page 1", result.stderr)


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(PAPERS))
def test_pdf_fonts_are_embedded(rendered: tuple[Path, str], name: str) -> None:
    reader = PdfReader(rendered[0] / name)
    fonts = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
            assert "DejaVu" in str(font["/BaseFont"]), "the pinned font, not a fallback"
            fonts += 1
    assert fonts >= 2


@pytest.mark.integration
def test_no_weasyprint_errors(rendered: tuple[Path, str]) -> None:
    assert "ERROR" not in rendered[1]


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(PAPERS))
def test_first_page_is_not_blank(rendered: tuple[Path, str], name: str, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(rendered[0] / name), "p1"],
        cwd=tmp_path,
        check=True,
    )
    (png,) = tmp_path.glob("p1*.png")
    image = Image.open(png).convert("L")
    dark = sum(image.histogram()[:200])
    assert dark > image.width * image.height * 0.02, "page 1 is (nearly) blank"


@pytest.mark.integration
def test_a_claim_value_change_changes_the_pdf(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    claims = project / "docs" / "claims.yml"
    text = claims.read_text("utf-8")
    assert text.count('value: "four rounds"') == 1
    claims.write_text(text.replace('value: "four rounds"', 'value: "five rounds"'), "utf-8")
    built = mkdocs_build(project, project / "site")
    assert built.returncode == 0, built.stderr
    result = run_script("--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stderr
    for name in PAPERS:
        text = pdf_text(project / "site" / "downloads" / name)
        assert "five rounds" in text and "four rounds" not in text


@pytest.mark.integration
def test_a_site_without_the_sheet_fails_clearly(tmp_path: Path) -> None:
    result = run_script("--site-dir", str(tmp_path), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no built study sheet" in result.stderr


def test_fetcher_allows_only_local_files_under_its_roots_and_data(tmp_path: Path) -> None:
    fetcher = load_script().local_fetcher((tmp_path,))
    inside = tmp_path / "a.css"
    inside.write_text("p{}", "utf-8")
    assert fetcher.allowed(inside.as_uri())
    assert fetcher.allowed("data:text/css,p{}")
    for url in (
        "https://example.com/a.css",
        "http://127.0.0.1/a.css",
        "ftp://example.com/a",
        Path("/etc/passwd").as_uri(),
        (tmp_path / ".." / "escape.css").as_uri(),
        "file://otherhost/a.css",
    ):
        assert not fetcher.allowed(url), url
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch("https://example.com/a.css")
    assert fetcher.refused == ["https://example.com/a.css"]


def test_page_css_sets_paper_size_footer_and_pinned_fonts() -> None:
    script = load_script()
    css = script.page_css("A4", 'A "quoted" title', "2026-01-02", "https://x.test/", 9.5, 2)
    assert "size: A4 !important" in css
    assert ".md-typeset { font-size: 9.5pt !important; }" in css
    assert '"A \\"quoted\\" title · built 2026-01-02"' in css
    assert '"https://x.test/  ·  " "page " counter(page)' in css
    for path in script.FONTS.values():
        assert f"url({path.as_uri()})" in css
    one_page = script.page_css("letter", "T", "2026-01-02", "", 10, 1)
    assert "counter(page)" not in one_page and "http" not in one_page


def test_page_info_prints_only_a_published_url() -> None:
    page_info = load_script().page_info
    head = '<meta property="og:site_name" content="A &amp; B"><link rel="canonical" href="{}">'
    assert page_info(head.format("https://g.example/study-sheet/")) == (
        "A & B",
        "https://g.example/study-sheet/",
    )
    for local in ("http://127.0.0.1:8000/study-sheet/", "http://localhost/x/", "http://[::1]/"):
        assert page_info(head.format(local)) == ("A & B", ""), local
    assert page_info("<p>no head</p>") == ("", "")


class FakeDocument:
    def __init__(self, pages: int, laid_out_as: tuple[float, int]) -> None:
        self.pages = [object()] * pages
        self.laid_out_as = laid_out_as  # (body size, page count its footer was made for)


def fake_layout(fill_at_9pt: float, calls: list[tuple[float, int]]):
    """A sheet whose content fills `fill_at_9pt` pages at 9 pt and grows with the area."""

    def layout(size: float, pages: int) -> FakeDocument:
        calls.append((size, pages))
        return FakeDocument(int(fill_at_9pt * (size / 9) ** 2 - 1e-9) + 1, (size, pages))

    return layout


@pytest.mark.parametrize(
    ("fill", "pages", "size"),
    [(0.5, 1, 11.0), (0.8, 1, 10.0), (0.98, 1, 9.0), (1.2, 2, 11.0), (1.5, 2, 10.0)],
)
def test_fit_picks_the_largest_size_that_keeps_the_page_count(
    fill: float, pages: int, size: float
) -> None:
    calls: list[tuple[float, int]] = []
    document, chosen = load_script().fit(fake_layout(fill, calls))
    assert (len(document.pages), chosen) == (pages, size)
    assert len(calls) <= 5, "a binary search, not a scan"
    assert document.laid_out_as == (chosen, pages), "laid out with the footer it needs"


def test_fit_gives_up_beyond_two_pages_at_the_smallest_size() -> None:
    calls: list[tuple[float, int]] = []
    assert load_script().fit(fake_layout(2.2, calls)) is None
    assert calls == [(9.0, 1)]


def test_build_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    assert load_script().build_date() == "2026-01-02"


def test_missing_font_fails_instead_of_falling_back(tmp_path: Path) -> None:
    script = load_script()
    (tmp_path / "study-sheet").mkdir()
    (tmp_path / "study-sheet" / "index.html").write_text("<p>x</p>", "utf-8")
    script.FONTS = {("Sheet Sans", "normal"): tmp_path / "missing.ttf"}
    done, errors = script.render(tmp_path, tmp_path / "out")
    assert done == []
    assert errors and "fonts-dejavu-core" in errors[0]
