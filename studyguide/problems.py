"""One problem a contributor can cause, located in a file, and its one-line message.

Every check in the build reports through this type so that all messages share the form
`docs/PAGE.md:LINE:COL: what is wrong — what to do`, and all are listed together.
"""

from __future__ import annotations

from typing import NamedTuple

from studyguide.lazy_pattern import LazyPattern

GUIDE = "CONTRIBUTING.md"
# Each message family and the section of CONTRIBUTING.md "Build errors" that explains it.
# Checked by tests: every anchor is a heading there, and every message the build can give
# finds its section (the first pattern that matches wins).
# Compiled on first use: a build without problems never needs them.
HELP_SECTIONS: list[tuple[LazyPattern, str]] = [
    (LazyPattern(p), anchor)
    for p, anchor in [
        (r"^(unknown diagram|bad diagram|YAML syntax error in diagram)", "diagram-problems"),
        (r"^figure \"[^\"]*\" in diagram text", "diagram-problems"),
        (r"^YAML syntax error", "yaml-syntax-error"),
        (r"claims file is empty|top-level|must be a mapping", "claims-file-layout"),
        (r"^duplicate card id", "duplicate-card-id"),
        (r"^duplicate id", "duplicate-id"),
        (r"has no `\w+:`|needs a `url:`", "missing-field"),
        (r"must be non-empty text", "empty-field"),
        (r"^unknown field", "unknown-field"),
        (r"has unknown kind", "unknown-kind"),
        (r"names unknown source", "unknown-source"),
        (r"id \"[^\"]*\" must be lower-case", "bad-id"),
        (r"embeds (unknown claim|\":claim)", "embedded-claim"),
        (r"^unknown claim id", "unknown-claim-id"),
        (r"is not valid syntax", "invalid-syntax"),
        (r"^unclosed", "unclosed-syntax"),
        (r"is a script — place it|must stand alone", "script-not-alone"),
        (r"not a script — write", "script-names-a-figure"),
        (r"^unsourced figure", "unsourced-figure"),
        (r"^unsourced script: blockquote", "unsourced-blockquote"),
        (r"^unsourced script: quoted passage", "unsourced-quoted-passage"),
        (r"is used nowhere", "unused-claim"),
        (r'has no === "', "mistake-missing-a-tab"),
        (r"has an empty (question|answer)", "empty-card"),
        (r"^the study sheet", "study-sheet-structure"),
        (
            r"-word (question|answer) —|asks for an unverified number|asks nearly the same as"
            r"|gives nearly the same answer as|has a prompt but no note",
            "rules-every-card-follows",
        ),
        (r"^prompt \"", "practice-prompts-and-outlines"),
    ]
]


# Problem kinds that have a section of their own in CONTRIBUTING.md "Build errors".
KIND_SECTIONS = frozenset(anchor for _, anchor in HELP_SECTIONS)


def help_anchor(message: str) -> str:
    """The CONTRIBUTING.md section that explains a message (the list of all errors if none)."""
    for pattern, anchor in HELP_SECTIONS:
        if pattern.search(message):
            return anchor
    return "build-errors"


class _Located(NamedTuple):
    path: str
    line: int
    col: int
    message: str
    kind: str = ""


class Problem(_Located):
    """A located problem; `str()` gives the `path:line:col: message` form editors understand,
    followed by the section of CONTRIBUTING.md that explains the fix.

    `kind` names the family of problem (e.g. "unsourced-figure", "unsourced-script") for
    code that filters or counts problems, so no caller reads the wording; it is also the
    CONTRIBUTING.md section when that section exists. Problems made without a kind get the
    section their wording matches (`help_anchor`).

    Problems compare, hash and sort by place and message (`kind` aside), as a frozen
    dataclass with `order=True` and `kind` left out of comparing would; a tuple because a
    dataclass compiles ten methods at import (over a millisecond a build). Unlike that
    dataclass, a problem compared with a plain tuple is compared as one (no code does).
    """

    __slots__ = ()

    def _place(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.message)

    def __hash__(self) -> int:
        return hash(self._place())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() == other._place()

    def __ne__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() != other._place()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() < other._place()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() <= other._place()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() > other._place()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Problem) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._place() >= other._place()

    @property
    def anchor(self) -> str:
        """The CONTRIBUTING.md section that explains this problem."""
        return self.kind if self.kind in KIND_SECTIONS else help_anchor(self.message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message} (see {GUIDE}#{self.anchor})"

    def to_json(self) -> list[str | int]:
        """The problem as a JSON list (what `studyguide.result_cache` keeps)."""
        return [self.path, self.line, self.col, self.message, self.kind]

    @classmethod
    def from_json(cls, data: list[str | int]) -> Problem:
        """The problem `to_json` wrote."""
        path, line, col, message, kind = data
        return cls(str(path), int(line), int(col), str(message), str(kind))


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
