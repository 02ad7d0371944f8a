"""The output check in real builds: every surface outside the page body, located, and fixable.

A small project puts one unsourced figure on each surface a contributor can reach: front
matter `title` and `description`, a nav title and `site_description` in `mkdocs.yml`, a
snippet under `docs/includes/`, an `alt` attribute, an abbreviation's tooltip, a claim's
note on the ledger. The build must name each in the file to edit, one line per problem; and
doing what each message says must make the build pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.integration

# One source and one claim whose note holds a figure.
CLAIMS = """\
sources: {art: {title: An article, date: 2026-05-24, note: one article}}
claims:
  base-salary:
    value: "$170,000"
    kind: fact
    source: art
    note: About 30% of offers differ.
"""
CONFIG = """\
site_name: Test
site_url: http://127.0.0.1:8000/
site_description: >-
  A guide to a loop of five rounds,
  written for candidates.
strict: true
theme: {name: material, font: false}
validation: {anchors: warn, omitted_files: warn}
exclude_docs: |
  claims.yml
  /includes/
hooks:
  - hooks/claims.py
nav:
  - Home: index.md
  - "Pay of $185,000": page.md
  - Sources and figures: sources.md
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.snippets:
      base_path: [docs/includes]
      check_paths: true
"""
INDEX = "# Home\n\nPay is :claim[base-salary].\n"
PAGE = """\
---
title: A 21-day loop
description: It takes 45 minutes to read.
---

# Page

<img alt="Growth of 40% in a year" src="x.png">

The SLA is the promise.

--8<-- "extra.md"
"""
EXTRA = "Most loops take\n12 days.\n\n*[SLA]: a promise of 99.9% uptime\n"


def make_project(tmp: Path) -> Path:
    """The project: the real package and claims hook, and the files above."""
    shutil.copytree(ROOT / "studyguide", tmp / "studyguide", ignore=shutil.ignore_patterns("*.pyc"))
    files = {
        "hooks/claims.py": (ROOT / "hooks/claims.py").read_text("utf-8"),
        "mkdocs.yml": CONFIG,
        "docs/claims.yml": CLAIMS,
        "docs/index.md": INDEX,
        "docs/page.md": PAGE,
        "docs/includes/extra.md": EXTRA,
        "docs/x.png": "",
    }
    for name, text in files.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_text(text, "utf-8")
    return tmp


def errors(output: str) -> list[str]:
    return [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]


EXPECTED = [
    'docs/page.md:2:10: unsourced figure "21-day" (seen in the page\'s <title>)',
    'docs/page.md:3:23: unsourced figure "45 minutes" (seen in the page\'s meta description)',
    'docs/page.md:8:21: unsourced figure "40%" (seen in an attribute readers see)',
    'docs/includes/extra.md:2:1: unsourced figure "12 days" — snippets are included as written',
    'docs/includes/extra.md:4:22: unsourced figure "99.9%" (seen in an attribute readers see)',
    'mkdocs.yml:4:24: unsourced figure "five rounds" (seen in the page\'s meta description)',
    'mkdocs.yml:16:13: unsourced figure "$185,000" (seen in the navigation)',
    'docs/claims.yml:7:17: unsourced figure "30%" — add it to docs/claims.yml',
]


def test_every_surface_is_checked_and_located(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = mkdocs_build(project, project / "site")
    assert result.returncode != 0
    found = errors(result.stdout + result.stderr)
    for expected in EXPECTED:
        assert any(line.startswith(expected) for line in found), (expected, found)
    # One problem, one line: nothing else is reported (the ledger's table, the search index
    # and the table of contents repeat some of these texts, and must not add lines).
    assert len(found) == len(EXPECTED), found


_FIX_RE = re.compile(
    r'^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): unsourced figure "(?P<text>[^"]+)"'
)


def apply_fix(project: Path, error: str) -> None:
    """Do what the message says: mark the figure :literal[...] where it is, or (a snippet,
    where the message says to reword) reword it."""
    m = _FIX_RE.match(error)
    assert m, error
    path = project / m.group("path")
    lines = path.read_text("utf-8").split("\n")
    text = m.group("text")
    start = sum(len(x) + 1 for x in lines[: int(m.group("line")) - 1]) + int(m.group("col")) - 1
    whole = "\n".join(lines)
    pattern = re.compile(r"\s+".join(map(re.escape, text.split())))
    found = pattern.match(whole, start)
    assert found, (error, whole[start : start + 40])
    if "reword it" in error:
        fixed = "a few days"
    else:
        fix = re.search(r"mark it (:literal\[[^\]]+\])", error)
        assert fix, error
        fixed = fix.group(1)
    path.write_text(whole[: found.start()] + fixed + whole[found.end() :], "utf-8")


def test_following_each_fix_makes_the_build_pass(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = mkdocs_build(project, project / "site")
    found = errors(result.stdout + result.stderr)
    assert len(found) == len(EXPECTED), found
    # From the end of each file backwards, so earlier positions stay valid.
    for error in sorted(found, key=lambda e: [int(n) for n in e.split(":")[1:3]], reverse=True):
        apply_fix(project, error)
    result = mkdocs_build(project, project / "site2")
    assert result.returncode == 0, errors(result.stdout + result.stderr)
    page = (project / "site2/page/index.html").read_text("utf-8")
    assert "<title>A 21-day loop - Test</title>" in page
    assert 'content="It takes 45 minutes to read."' in page
    assert 'alt="Growth of 40% in a year"' in page
    assert re.search(r">\s*Pay of \$185,000\s*<", page)  # the nav title, expanded


def test_flashcard_downloads_are_checked_field_by_field(tmp_path: Path) -> None:
    """The CSV and Anki fields are read as exported: a figure on a card fails the export."""
    from scripts import export_flashcards as ex
    from tests.conftest import copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs/frameworks/impact-first.md"
    lines = page.read_text("utf-8").split("\n")
    at = next(i for i, x in enumerate(lines) if x.startswith("??? question"))
    lines[at:at] = ['??? question "How long is the loop?"', "    It takes", "    45 minutes.", ""]
    page.write_text("\n".join(lines), "utf-8")
    line = at + 3  # the answer's second line, 1-based
    problems = ex.export(project / "mkdocs.yml", tmp_path / "out")
    messages = [str(p) for p in problems]
    assert any(
        m.startswith(
            f"docs/frameworks/impact-first.md:{line}:5: unsourced figure "
            '"45 minutes" (seen in the flashcard downloads)'
        )
        for m in messages
    ), messages
    assert not (tmp_path / "out").exists()
