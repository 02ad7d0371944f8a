"""The guide's claim syntax, defined once: `:claim[ID]`, `::script[ID]` and `:literal[text]`.

Every module and test that reads or writes this syntax imports it from here, so its edge
rules are the same everywhere:

- the bracket holds anything but `]` and a line break (`ID` is checked against the registry
  elsewhere; a line break inside the bracket makes the opening an unclosed one);
- `:claim[ID]` and `:literal[text]` are inline; a single-colon form preceded by another colon
  is not one (`::claim[ID]` is the wrong spelling of a claim, not a claim);
- `::script[ID]` is a block: valid only alone on its line, spaces and tabs around it allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

NAMES = ("claim", "script", "literal")
_ARG = r"[^\]\n]*"

# Every use of the syntax, well-formed (`extra`, `name`, `arg`) or unclosed (`open`). Both
# alternatives begin with a literal ":", which the regex engine searches for directly.
SYNTAX_RE = _compile(
    rf":(?P<extra>:?)(?P<name>claim|script|literal)\[(?P<arg>{_ARG})\]"
    r"|:(?P<open>:?(?:claim|script|literal)\[)"
)
# Well-formed uses only, at a colon not preceded by another (`::script[` included by `:?`).
USE_RE = _compile(rf":(?<!::):?(?:claim|script|literal)\[{_ARG}\]")
CLAIM_RE = _compile(rf"(?<!:):claim\[(?P<id>{_ARG})\]")
LITERAL_RE = _compile(rf"(?<!:):literal\[(?P<text>{_ARG})\]")
SCRIPT_LINE_RE = _compile(rf"^[ \t]*::script\[(?P<id>{_ARG})\][ \t]*$")
# The strings a text holds when it may use the syntax at all (a cheap substring test).
MARKERS = ("claim[", "script[", "literal[")


def claim(claim_id: str) -> str:
    """The inline reference to a claim, as a contributor writes it."""
    return f":claim[{claim_id}]"


def script(claim_id: str) -> str:
    """The block reference to a model line (alone on its line)."""
    return f"::script[{claim_id}]"


def literal(text: str) -> str:
    """Text marked as not a figure: shown as written, never checked.

    Line breaks are folded into spaces, because the bracket cannot span lines; a suggested
    fix built with this function therefore works when pasted.
    """
    return f":literal[{' '.join(text.split())}]"


def claim_ids(text: str) -> list[str]:
    """The ids of every inline `:claim[ID]` in `text`, in order, stripped."""
    return [m.group("id").strip() for m in CLAIM_RE.finditer(text)]


def referenced_ids(text: str) -> list[str]:
    """The ids of every well-formed `:claim[ID]` and `::script[ID]` in `text`, in order."""
    return [
        m.group("arg").strip()
        for m in SYNTAX_RE.finditer(text)
        if m.group("name") in ("claim", "script") and m.group("arg").strip()
    ]


def script_id(line: str) -> str | None:
    """The id of a `::script[ID]` line standing alone, or None for any other line."""
    m = SCRIPT_LINE_RE.match(line)
    return m.group("id").strip() if m else None


def replace_claims(text: str, value: Callable[[str], str | None]) -> str:
    """`text` with each `:claim[ID]` replaced by `value(ID)`; left as written when None."""

    def sub(m: re.Match[str]) -> str:
        got = value(m.group("id").strip())
        return m.group(0) if got is None else got

    return CLAIM_RE.sub(sub, text)


def may_use(text: str) -> bool:
    """Whether `text` may hold the syntax at all (cheap test before any regex pass)."""
    return any(marker in text for marker in MARKERS)
