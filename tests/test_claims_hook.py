"""The claims hook inside real MkDocs builds: expansion in HTML, failures with exact places.

Each test builds a small project in a temporary folder with the real hook and package, so
what is asserted is what a contributor sees: the exit code, the error text, the HTML.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ONE_SOURCE, ROOT, mkdocs_build

pytestmark = pytest.mark.integration

CLAIMS = (
    ONE_SOURCE
    + """\
  base-salary:
    value: "$170,000"
    kind: fact
    source: art
  rounds:
    value: "four rounds"
    kind: fact
    source: art
  goal:
    value: "Keep it to :claim[rounds]."
    kind: script
    source: art
"""
)
INDEX = """---
description: home
---

# Home

Pay is :claim[base-salary] over :claim[rounds].

::script[goal]
"""
CONFIG = """\
site_name: Test
site_url: http://127.0.0.1:8000/
strict: true
theme:
  name: material
  font: false
validation:
  anchors: warn
  omitted_files: warn
exclude_docs: claims.yml
hooks:
  - hooks/claims.py
nav:
  - Home: index.md
  - Page: page.md
  - Sources and figures: sources.md
markdown_extensions:
  - admonition
  - attr_list
  - def_list
  - tables
"""


def make_project(
    tmp: Path, page: str = "# Page\n\nNothing to see.\n", claims: str = CLAIMS
) -> Path:
    """A minimal project with the real hook and package, and the given page and claims."""
    shutil.copytree(
        ROOT / "studyguide", tmp / "studyguide", ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "claims.py", tmp / "hooks" / "claims.py")
    (tmp / "mkdocs.yml").write_text(CONFIG, "utf-8")
    docs = tmp / "docs"
    docs.mkdir()
    (docs / "claims.yml").write_text(claims, "utf-8")
    (docs / "index.md").write_text(INDEX, "utf-8")
    (docs / "page.md").write_text(page, "utf-8")
    return tmp


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return mkdocs_build(project, project / "site")


def test_good_project_builds_and_expands(tmp_path: Path) -> None:
    result = build(make_project(tmp_path))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/index.html").read_text("utf-8")
    assert 'data-claim-id="base-salary"' in html and ">$170,000</a>" in html
    assert '<figure class="script" data-claim-id="goal">' in html
    assert "Keep it to four rounds." in html
    ledger = (tmp_path / "site/sources/index.html").read_text("utf-8")
    assert 'id="claim-base-salary"' in ledger
    assert 'href="../#' not in ledger  # page links resolve to pages, not anchors on self
    assert 'href="..//"' not in ledger
    assert ">Home</a>" in ledger


def test_links_to_a_claims_row_are_checked_although_the_table_skips_markdown(
    tmp_path: Path,
) -> None:
    """The table is put in after Markdown; its row ids still count for anchor validation."""
    good = "---\ndescription: a page\n---\n\nSee [the pay row](sources.md#claim-rounds).\n"
    result = build(make_project(tmp_path / "good", good))
    assert result.returncode == 0, result.stderr
    ledger = (tmp_path / "good/site/sources/index.html").read_text("utf-8")
    assert ledger.count("<table>") == 1 and "<!-- claims-table -->" not in ledger
    index = (tmp_path / "good/site/search/search_index.json").read_text("utf-8")
    assert "Sources and figures" in index and "claim-base-salary" not in index
    bad = good.replace("#claim-rounds", "#claim-roundz")
    result = build(make_project(tmp_path / "bad", bad))
    assert result.returncode != 0
    assert "#claim-roundz" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The offer was $185,000 in the end.", 'docs/page.md:5:15: unsourced figure "$185,000"'),
        ("The case study takes 45 minutes.", 'docs/page.md:5:22: unsourced figure "45 minutes"'),
        ("Expect five rounds at most.", 'docs/page.md:5:8: unsourced figure "five rounds"'),
        (
            'The HM said "we never hire without a clear metric".',
            'docs/page.md:5:13: unsourced script: quoted passage "we never hire without a clear',
        ),
        (
            "> We never hire without a metric.",
            'docs/page.md:5:1: unsourced script: blockquote "We never hire without a metric."',
        ),
    ],
)
def test_unsourced_text_fails_the_build_with_its_place(
    tmp_path: Path, line: str, expected: str
) -> None:
    page = f"---\ndescription: a page\n---\n\n{line}\n"
    result = build(make_project(tmp_path, page))
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr


def test_every_problem_is_reported_in_one_build(tmp_path: Path) -> None:
    page = (
        "# Costs $5\n\n| a | b |\n|---|---|\n| x | 3 days |\n\n!!! tip\n    Save 30% now.\n\n"
        "- an item of 2 hours\n\nUse :claim[base-salry].\n"
    )
    result = build(make_project(tmp_path, page))
    assert result.returncode != 0
    for expected in [
        'docs/page.md:1:9: unsourced figure "$5"',
        'docs/page.md:5:7: unsourced figure "3 days"',
        'docs/page.md:8:10: unsourced figure "30%"',
        'docs/page.md:10:14: unsourced figure "2 hours"',
        'docs/page.md:12:5: unknown claim id "base-salry" in ":claim[base-salry]" — '
        'did you mean "base-salary"?',
        "5 problems with figures and scripts",
    ]:
        assert expected in result.stdout + result.stderr


def test_bad_claims_file_fails_with_yaml_lines(tmp_path: Path) -> None:
    claims = (
        CLAIMS.replace(
            "kind: fact\n    source: art\n  goal", "kind: fcat\n    source: nope\n  goal"
        )
        + "  rounds:\n    value: x\n    kind: fact\n    source: art\n"
    )
    result = build(make_project(tmp_path, claims=claims))
    assert result.returncode != 0
    assert (
        'docs/claims.yml:12:5: claim "rounds" has unknown kind "fcat"'
        in result.stdout + result.stderr
    )
    assert 'names unknown source "nope"' in result.stdout + result.stderr
    assert 'docs/claims.yml:19:3: duplicate id "rounds"' in result.stdout + result.stderr


def test_yaml_syntax_error_fails_with_line(tmp_path: Path) -> None:
    result = build(make_project(tmp_path, claims=CLAIMS + "  broken: [\n"))
    assert result.returncode != 0
    assert "docs/claims.yml:20:1: YAML syntax error" in result.stdout + result.stderr


def test_unused_claim_fails(tmp_path: Path) -> None:
    claims = CLAIMS + "  spare:\n    value: 9 days\n    kind: fact\n    source: art\n"
    result = build(make_project(tmp_path, claims=claims))
    assert result.returncode != 0
    assert 'docs/claims.yml:19:3: claim "spare" is used nowhere' in result.stdout + result.stderr


def test_markup_in_a_value_shows_as_text(tmp_path: Path) -> None:
    claims = CLAIMS.replace('"$170,000"', '"<script>alert(1)</script>"')
    result = build(make_project(tmp_path, claims=claims))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_reports_problems_and_keeps_serving(tmp_path: Path) -> None:
    project = make_project(tmp_path, "# Page\n\nIt takes 45 minutes.\n")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--no-livereload",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        body = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/page/", timeout=2) as r:
                    body = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.3)
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        assert "This page has problems with figures" in body
        assert 'docs/page.md:3:10: unsourced figure "45 minutes"' in body
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert 'docs/page.md:3:10: unsourced figure "45 minutes"' in out


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_real_build_writes_nothing_into_docs(tmp_path: Path) -> None:
    before = _tree_digest(ROOT / "docs")
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert _tree_digest(ROOT / "docs") == before
    for generated in ["sources.md"]:
        assert not (ROOT / "docs" / generated).exists()
