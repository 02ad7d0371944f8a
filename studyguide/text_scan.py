"""What one normalised text holds that needs a claim: its figures and its model lines.

Every text a build shows goes through `scan_text`: thousands of them (titles, table cells,
paragraphs), most of which hold nothing to find, and the full search (`studyguide.figures`,
`studyguide.model_lines`) costs some 16 µs a text even then. So each text is first put one
cheap question, `may_hold_finding`, whose "no" is exact: a figure needs a digit (every pattern
of `figures.FIGURE_RES` has one) or a place where a spelled-out number starts (where every
pattern of `figures.SPELLED_RES` starts), a quoted passage one of its opening marks. A quote
container (a blockquote, `<q>`) is read whatever it holds: any line in one counts.
"""

from __future__ import annotations

import re

from studyguide.figures import find_figures, may_spell_a_number
from studyguide.lazy_pattern import folded_lower
from studyguide.model_lines import (
    GLUED_MARKS,
    OPENING_MARKS,
    is_model_line,
    is_question_or_title,
    quoted_spans,
)
from studyguide.pattern_cache import PatternCache

# The patterns below are compiled as `re.compile` would, from the programs `make bytecode` kept
# for them when there are some (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)


def _digit_or_opening_mark(marks: str, digit: str) -> re.Pattern[str]:
    """A pattern matching a `digit`, or one of the opening `marks` where it can open a quote."""
    glued = re.escape("".join(mark for mark in GLUED_MARKS if mark in marks))
    return _KEPT.compile(rf"[{digit}{re.escape(marks)}](?<!\w[{glued}])")


# A digit of any script (`\d`, as the figure patterns read digits) or an opening quote mark;
# the same for ASCII text (most of a site's), as a set of ASCII characters: twice as fast.
_DIGIT_OR_OPENING_MARK_RE = _digit_or_opening_mark(OPENING_MARKS, r"\d")
_ASCII_DIGIT_OR_OPENING_MARK_RE = _digit_or_opening_mark(
    "".join(mark for mark in OPENING_MARKS if mark.isascii()), "0-9"
)


def may_hold_finding(text: str) -> bool:
    """Whether `text` may hold a figure or a quoted passage: False only when it holds no
    digit, no opening quote mark where one can open and no place a spelled-out number can
    start, where `scan_text` finds nothing (outside a quote container)."""
    marks = _ASCII_DIGIT_OR_OPENING_MARK_RE if text.isascii() else _DIGIT_OR_OPENING_MARK_RE
    if marks.search(text) is not None:
        return True
    return may_spell_a_number(text, folded_lower(text))


def scan_text(text: str, *, container: bool = False) -> list[tuple[str, str]]:
    """(kind, text) of every figure and model line in one normalised run of text."""
    if not container and not may_hold_finding(text):
        return []
    quotes = [] if container else quoted_spans(text)
    return findings_of(text, find_figures(text), quotes, container=container)


def findings_of(
    text: str,
    figures: list[tuple[int, int]],
    quotes: list[tuple[int, int, str]],
    *,
    container: bool,
) -> list[tuple[str, str]]:
    """(kind, text) of what `text` holds, given its figures and quoted passages: the figures
    outside quoted questions and titles, then the model lines (the whole text in a quote
    container, else the quoted passages that are)."""
    if figures and quotes:
        # A number in a quoted question or title states nothing ("what if it grew tenfold?").
        silent = [(a, b) for a, b, inner in quotes if is_question_or_title(inner)]
        figures = [f for f in figures if not any(a <= f[0] < b for a, b in silent)]
    found = [("figure", text[a:b]) for a, b in figures]
    if container:
        if is_model_line(text, container=True):
            found.append(("container", text))
    else:
        found += [("quote", inner.strip()) for _, _, inner in quotes if is_model_line(inner)]
    return found
