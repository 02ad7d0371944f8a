"""Numbers that name or label rather than count: not figures, however they look.

A version or release ("9.8.1", "v2"), a date or a decade, a label written before its number
("chapter 7.4", "round 3"), a rating scale ("7 out of 10"), a named rule ("the 80/20 rule")
or a fixed expression ("24/7", "one-on-one"). `studyguide.figures` drops a figure that
starts inside one of these (`blocked`).
"""

from __future__ import annotations

from studyguide.figure_words import ADJECTIVES, COUNT, IGNORECASE, RANGE_SEP, SPELLED_WORDS
from studyguide.lazy_pattern import LazyPattern, folded_lower
from studyguide.match_places import digit_runs, near, tried_at
from studyguide.pattern_cache import PatternCache

# Each pattern is compiled on first use, from the program `make bytecode` kept for it when
# there is one (studyguide/pattern_cache.py): the same pattern, without parsing it again.
_CACHE = PatternCache(__file__)


def _pattern(source: str, flags: int = 0, needs: tuple[str, ...] = ()) -> LazyPattern:
    return LazyPattern(source, flags, needs, _CACHE)


# One of these is in every fixed expression below (a test reads it from the pattern): text
# holding none is not searched for them, which costs more than all the other labels.
_FIXED_EXPRESSION_NEEDS = (
    "24/7|24x7|365|1:1|1-on-1|one-on-one|one on one|9-to-5|nine-to-five|0 to 1|0-to-1|"
    "zero to one|-foot view|360-degree|catch-22|fortune |s&p |top-|a million|a thousand |"
    "a hundred|two cents|10x |web |100|110|one hundred"
)
# The words a label's number follows, as regular expressions: each starts with the character
# it matches first, in lower case (`_blocked` tries the label pattern only where one is).
_LABEL_WORDS = (
    r"chapters?|chap\.|sections?|sec\.|§|figures?|fig\.|tables?|steps?|pages?|pp?\.|"
    r"parts?|appendix|rules?|versions?|releases?|episodes?|seasons?|levels?|items?|"
    r"exercises?|lessons?|modules?|units?|layers?|stages?|rounds?|phases?|tiers?|slides?|"
    r"lines?|clauses?|articles?|questions?|options?|scenarios?|cases?|examples?|weeks?|"
    r"days?|no\.|number|#|iso|rfc|pep|soc|http|ipv|python|java|es|ecmascript"
)
LABEL_FIRSTS = "".join(sorted({word[0] for word in _LABEL_WORDS.split("|")}))
# Numbers that name or label, and fixed expressions: matched first, they shadow a figure
# starting inside them.
NOT_FIGURE_RES: list[LazyPattern] = [
    _pattern(r"\b\d{4}-\d{2}-\d{2}\b", needs=("-",)),  # ISO dates
    _pattern(r"(?:['’]\d0s|\b(?:1[0-9]|20)\d0s|\b(?<=the )\d0s)\b", needs=("0s",)),  # decades
    _pattern(r"\b\d+(?:\.\d+){2,}\b", needs=(".",)),  # three-part versions: 9.8.1
    _pattern(r"(?<![\w.])v\d+(?:\.\d+)*\b", IGNORECASE, needs=("v",)),  # v2, v1.4
    # labels: the noun comes before its number ("chapter 7.4", "round 2", "steps 3-4")
    _pattern(
        rf"\b(?:{_LABEL_WORDS})"
        rf" ?#?\d+(?:\.\d+)*[a-z]?(?:{RANGE_SEP}\d+(?:\.\d+)*[a-z]?| (?:and|or) \d+(?:\.\d+)*)*\b",
        IGNORECASE,
    ),
    # rating scales: "7 out of 10", "on a 1-5 scale", "scale of 1 to 10"
    _pattern(
        rf"\b(?:\d+(?:\.\d+)? )?out of \d+\b(?!{ADJECTIVES}[ -]{COUNT}\b)",
        IGNORECASE,
        needs=("out of ",),
    ),
    _pattern(
        rf"\bscale (?:of|from) \d+{RANGE_SEP}\d+\b|\b\d+{RANGE_SEP}\d+[ -](?:point )?scale\b",
        IGNORECASE,
        needs=("scale",),
    ),
    # named rules and laws: "the 80/20 rule", "rule of three", "the 1% rule", "5 Whys"
    _pattern(
        rf"\b(?:\d+(?:[.,]\d+)*(?:[/:]\d+)?%?|{SPELLED_WORDS})(?:[ -][\w-]+)?[ -]"
        r"(?:rule|principle|law|whys)\b",
        IGNORECASE,
        needs=("rule", "principle", "law", "whys"),
    ),
    _pattern(
        rf"\b(?:rule|law|power) of (?:\d+|{SPELLED_WORDS})\b",
        IGNORECASE,
        needs=("rule of ", "law of ", "power of "),
    ),
    # fixed expressions whose number states no quantity
    _pattern(
        r"\b(?:24/7|24x7|365|1:1s?|1-on-1s?|one-on-ones?|one on ones?|9-to-5|nine-to-five|"
        r"from 0 to 1|zero to one|0 to 1|0-to-1|\d{1,3}(?:,\d{3})*-foot view|360-degree|"
        r"catch-22|fortune \d+|s&p \d+|top-\d+|a million times|one in a million|"
        r"a (?:hundred|thousand|million) (?:times|ways|things|reasons)|two cents|"
        r"10x (?:engineer|developer|pm|product manager|team|mindset|thinking|idea)s?|web \d\.0|"
        r"(?:100|110|a hundred|one hundred) ?(?:%|percent) "
        r"(?:sure|certain|confident|committed|honest|right|wrong|of the time))",
        IGNORECASE,
        needs=tuple(_FIXED_EXPRESSION_NEEDS.split("|")),
    ),
]
# Where each of NOT_FIGURE_RES can start: up to so many characters before the start of a run
# of digits ("chapter #7": ten letters, a space and "#" before the 7; "scale from 1"), or
# anywhere (None) for those a match of which may hold no digit ("rule of three"). A pattern
# with a number is then tried only there (`match_places.tried_at`); a test holds this to a
# full search.
NOT_FIGURE_LEADS = (0, 1, 0, 1, 12, 7, 11, None, None, None)
# And, where known, the characters a match of each can start with (lower case): of the places
# before a run of digits, a label is tried only at one of its words' first characters.
_KNOWN_FIRSTS: tuple[str | None, ...] = (None, None, None, None, LABEL_FIRSTS)
NOT_FIGURE_FIRSTS = _KNOWN_FIRSTS + (None,) * (len(NOT_FIGURE_LEADS) - len(_KNOWN_FIRSTS))


def blocked(text: str, runs: list[int] | None = None) -> list[tuple[int, int]]:
    """The spans of NOT_FIGURE_RES's matches, pattern by pattern, as each one's `finditer`
    gives them: a pattern with a number tried only near the `runs` of digits (their starts)."""
    if runs is None:
        runs = digit_runs(text)
    spans: list[tuple[int, int]] = []
    lower = folded_lower(text)
    for pattern, lead, firsts in zip(
        NOT_FIGURE_RES, NOT_FIGURE_LEADS, NOT_FIGURE_FIRSTS, strict=True
    ):
        if not pattern.may_match(lower):
            continue
        if lead is None:
            spans.extend(m.span() for m in pattern.compiled.finditer(text))
        elif runs:
            # `lower` (None when a character folds to another letter) has `text`'s length.
            places = near(runs, lead, lower, firsts) if firsts and lower else near(runs, lead)
            spans.extend((a, b) for a, b, _ in tried_at(text, "", pattern, places))
    return spans
