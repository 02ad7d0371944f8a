"""Problem locations, the help section each message points to, and the closing report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyguide.problems import HELP_SECTIONS, Problem, format_report, help_anchor, line_col

ROOT = Path(__file__).resolve().parent.parent


def test_str_is_path_line_col_message_and_help() -> None:
    assert str(Problem("docs/a.md", 3, 7, 'unsourced figure "5%" — fix')) == (
        'docs/a.md:3:7: unsourced figure "5%" — fix (see CONTRIBUTING.md#unsourced-figure)'
    )


def test_line_col_is_one_based_and_offset() -> None:
    text = "ab\ncd\nef"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 4) == (2, 2)
    assert line_col(text, 6, first_line=10) == (12, 1)


def test_report_sorts_dedupes_and_counts() -> None:
    a, b = Problem("docs/b.md", 1, 1, "x"), Problem("docs/a.md", 9, 1, "y")
    assert format_report([a, b, a]).splitlines() == [
        "docs/a.md:9:1: y (see CONTRIBUTING.md#build-errors)",
        "docs/b.md:1:1: x (see CONTRIBUTING.md#build-errors)",
        "2 problems with figures and scripts; see CONTRIBUTING.md#build-errors",
    ]


def _slug(heading: str) -> str:
    """The id Python-Markdown's toc (and GitHub) gives a heading."""
    return re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", heading.strip().lower()))


def test_every_help_anchor_is_a_section_of_contributing() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    sections = {_slug(h) for h in re.findall(r"^#{2,3} (.+)$", text, re.M)}
    wanted = {anchor for _, anchor in HELP_SECTIONS} | {"build-errors"}
    assert wanted <= sections, sorted(wanted - sections)


@pytest.mark.parametrize(
    ("message", "anchor"),
    [
        ("YAML syntax error: found x — fix", "yaml-syntax-error"),
        ("YAML syntax error in diagram: found x", "diagram-problems"),
        ('unknown diagram "x" — add docs/includes/diagrams/x.yml', "diagram-problems"),
        ('bad diagram: node "x" needs a `label:`', "diagram-problems"),
        ('figure "5%" in diagram text — diagrams cannot show claims', "diagram-problems"),
        ("the claims file is empty — it needs", "claims-file-layout"),
        ('unknown top-level section "x" — only', "claims-file-layout"),
        ('duplicate id "x" in claims (first defined on line 3) — give', "duplicate-id"),
        ('duplicate card id "x" (first made at a:1) — reword', "duplicate-card-id"),
        ('claim "x" has no `value:` — add it', "missing-field"),
        ('source "x" needs a `url:` or a `note:` saying', "missing-field"),
        ('field "value" of "x" must be non-empty text', "empty-field"),
        ('unknown field "promt" in "x"', "unknown-field"),
        ('claim "x" has unknown kind "fcat"', "unknown-kind"),
        ('claim "x" names unknown source "y"', "unknown-source"),
        ('claim id "Pay_1" must be lower-case letters', "bad-id"),
        ('claim "x" embeds unknown claim ":claim[y]"', "embedded-claim"),
        ('claim "x" embeds ":claim[y]", which embeds claims itself', "embedded-claim"),
        ('unknown claim id "x" in ":claim[x]"', "unknown-claim-id"),
        ('"::claim[x]" is not valid syntax — write :claim[x]', "invalid-syntax"),
        ('unclosed ":claim[" — write it', "unclosed-syntax"),
        ('":claim[s]" is a script — place it on its own line', "script-not-alone"),
        ('"::script[s]" must stand alone on its own line', "script-not-alone"),
        ('"::script[f]" names a fact, not a script — write :claim[f]', "script-names-a-figure"),
        ('unsourced figure "5%" — add it', "unsourced-figure"),
        ('unsourced script: blockquote "x" — model', "unsourced-blockquote"),
        ('unsourced script: quoted passage "x" — put', "unsourced-quoted-passage"),
        ('claim "x" is used nowhere — show it', "unused-claim"),
        ('mistake "x" has no === "Weak answer" tab', "mistake-missing-a-tab"),
        ('card "x" has an empty answer — write it', "empty-card"),
        ("the study sheet found no rubric table row", "study-sheet-structure"),
        ("something new", "build-errors"),
    ],
)
def test_each_message_family_points_to_its_section(message: str, anchor: str) -> None:
    assert help_anchor(message) == anchor
