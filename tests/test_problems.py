"""Problem locations and the build's closing report."""

from __future__ import annotations

from studyguide.problems import Problem, format_report, line_col


def test_str_is_path_line_col_message() -> None:
    assert str(Problem("docs/a.md", 3, 7, "bad")) == "docs/a.md:3:7: bad"


def test_line_col_is_one_based_and_offset() -> None:
    text = "ab\ncd\nef"
    assert line_col(text, 0) == (1, 1)
    assert line_col(text, 4) == (2, 2)
    assert line_col(text, 6, first_line=10) == (12, 1)


def test_report_sorts_dedupes_and_counts() -> None:
    a, b = Problem("docs/b.md", 1, 1, "x"), Problem("docs/a.md", 9, 1, "y")
    assert format_report([a, b, a]).splitlines() == [
        "docs/a.md:9:1: y",
        "docs/b.md:1:1: x",
        "2 problems with figures and scripts; see CONTRIBUTING.md#build-errors",
    ]
