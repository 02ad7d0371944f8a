"""One problem a contributor can cause, located in a file, and its one-line message.

Every check in the build reports through this type so that all messages share the form
`docs/PAGE.md:LINE:COL: what is wrong — what to do`, and all are listed together.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem; `str()` gives the `path:line:col: message` form editors understand."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def line_col(text: str, offset: int, first_line: int = 1) -> tuple[int, int]:
    """The 1-based line and column of `offset` in `text`, counting lines from `first_line`."""
    line = text.count("\n", 0, offset) + first_line
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def format_report(problems: list[Problem]) -> str:
    """All problems, sorted by place, one per line, with a count to close: what the build prints."""
    lines = [str(p) for p in sorted(set(problems))]
    noun = "problem" if len(lines) == 1 else "problems"
    lines.append(f"{len(lines)} {noun} with figures and scripts; see CONTRIBUTING.md#build-errors")
    return "\n".join(lines)
