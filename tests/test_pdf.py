"""Tests of scripts/build_pdf.py: the study sheet rendered to PDF from a built site.

Integration tests run the script as `make pdf` does, against the session's built site, into
a temporary folder, and read the PDFs back: page size, page count, the text (every `fact`
value and every framework step name), embedded fonts, the footer, and page 1 rendered to a
PNG with pdftoppm must not be blank. Adversarial runs prove that the checks bite: a page
asking for a remote image, and a sheet too long for two pages, each fail the run; a changed
claim value changes the PDF's text.
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
def test_pdf_text_has_every_fact_and_step(rendered: tuple[Path, str], name: str, registry) -> None:
    text = pdf_text(rendered[0] / name)
    facts = [c for c in registry.claims.values() if c.kind == "fact"]
    assert facts
    for claim in facts:
        value = " ".join(registry.text(claim.id).split())
        assert value in text, f"fact {claim.id} ({value!r}) missing from {name}"
    steps = [
        name
        for src in FRAMEWORK_PAGES
        for name in STEP_HEADING_RE.findall((ROOT / "docs" / src).read_text("utf-8"))
    ]
    assert len(steps) >= 6
    for step in steps:
        assert step in text, f"framework step {step!r} missing from {name}"


@pytest.mark.integration
def test_pdf_footer_has_title_date_and_site_url(rendered: tuple[Path, str]) -> None:
    import yaml

    script = load_script()
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=script._AnyTagLoader)
    for name in PAPERS:
        reader = PdfReader(rendered[0] / name)
        first = " ".join((reader.pages[0].extract_text() or "").split())
        assert config["site_name"] in first
        assert config["site_url"] in first
        assert re.search(r"built \d{4}-\d{2}-\d{2}", first)


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
    assert text.count('value: "$170,000"') == 1
    claims.write_text(text.replace('value: "$170,000"', 'value: "$171,234"'), "utf-8")
    built = mkdocs_build(project, project / "site")
    assert built.returncode == 0, built.stderr
    result = run_script(
        "--site-dir", str(project / "site"), "--config", str(project / "mkdocs.yml")
    )
    assert result.returncode == 0, result.stderr
    for name in PAPERS:
        text = pdf_text(project / "site" / "downloads" / name)
        assert "$171,234" in text and "$170,000" not in text


@pytest.mark.integration
def test_a_remote_resource_is_refused_and_fails_the_run(site_dir: Path, tmp_path: Path) -> None:
    copy = site_copy(site_dir, tmp_path)
    page = copy / "study-sheet" / "index.html"
    html = page.read_text("utf-8")
    page.write_text(
        html.replace("</article>", '<img src="https://example.invalid/pixel.png"></article>', 1),
        "utf-8",
    )
    result = run_script("--site-dir", str(copy), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "refused to fetch https://example.invalid/pixel.png" in result.stderr


@pytest.mark.integration
def test_a_sheet_longer_than_two_pages_fails_the_run(site_dir: Path, tmp_path: Path) -> None:
    copy = site_copy(site_dir, tmp_path)
    page = copy / "study-sheet" / "index.html"
    filler = "<p>" + "Filler words for an overlong sheet. " * 400 + "</p>"
    html = page.read_text("utf-8")
    page.write_text(html.replace("</article>", filler * 4 + "</article>", 1), "utf-8")
    result = run_script("--site-dir", str(copy), "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "at most 2 allowed" in result.stderr


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


def test_page_css_sets_paper_footer_and_pinned_fonts() -> None:
    script = load_script()
    css = script.page_css("A4", 'A "quoted" title', "2026-01-02", "https://x.test/")
    assert "size: A4 !important" in css
    assert '"A \\"quoted\\" title · built 2026-01-02"' in css
    assert '"https://x.test/  ·  page " counter(page)' in css
    for path in script.FONTS.values():
        assert f"url({path.as_uri()})" in css


def test_build_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    assert load_script().build_date() == "2026-01-02"


def test_missing_font_fails_instead_of_falling_back(tmp_path: Path) -> None:
    script = load_script()
    (tmp_path / "study-sheet").mkdir()
    (tmp_path / "study-sheet" / "index.html").write_text("<p>x</p>", "utf-8")
    script.FONTS = {("Sheet Sans", "normal"): tmp_path / "missing.ttf"}
    done, errors = script.render(tmp_path, tmp_path / "out", ROOT / "mkdocs.yml")
    assert done == []
    assert errors and "fonts-dejavu-core" in errors[0]
