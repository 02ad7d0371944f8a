"""Find figures in normalised text: the numbers a reader could quote back as facts.

The rule, from principles rather than a list of exceptions:

- A number is a **figure** when it states a quantity about the world: an amount of money
  (any currency, symbol or code, before or after), a percentage or percentage points
  (signed or not), a multiplier or an "N-fold", a fraction ("3/4", "two thirds", "one in
  five"), a range, a duration, a size, a magnitude ("25k", "1 billion"), a decimal or grouped
  number ("99.9", "170,000"), or a count of something countable in the world: people,
  interviewers, companies, teams, stages, rounds, regions, users...
- A number is **not a figure** when it names or labels rather than counts: a version or a
  product or model name ("OAuth 2.0", "Python 3.11", "Llama 3 70B"), a label written before
  its number ("chapter 7.4", "step 2", "round 3", "figure 1"), a date or a decade ("the
  1980s"), an ordinal ("3rd round"), a rating scale ("out of 10", "a 1-5 scale"), a fixed
  expression whose number states no quantity ("24/7", "one-on-one", "a 10,000-foot view")
  or a named rule ("the 80/20 rule", "rule of three").

The input is text as `studyguide.normalise` leaves it (one space between words); the
output is the (start, end) span of each figure, in order, none overlapping.
"""

from __future__ import annotations

import re

from studyguide.figure_words import (
    ADJECTIVES,
    CODE_PREFIXES,
    COUNT,
    CURRENCY,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    FRACTION_WORDS,
    IGNORECASE,
    ISO_CODES,
    MAGNITUDE,
    NUM,
    PERCENT,
    RANGE_SEP,
    SIGN,
    SPELLED_RUN,
    SPELLED_WORDS,
    TIME,
)
from studyguide.lazy_pattern import LazyPattern, folded_lower
from studyguide.match_places import digit_runs, inside, merged, near, tried_at
from studyguide.not_figures import blocked
from studyguide.pattern_cache import PatternCache

# Each pattern is compiled on first use, from the program `make bytecode` kept for it when
# there is one (studyguide/pattern_cache.py): the same pattern, without parsing it again.
_CACHE = PatternCache(__file__)


def _pattern(source: str, flags: int = 0, needs: tuple[str, ...] = ()) -> LazyPattern:
    return LazyPattern(source, flags, needs, _CACHE)


FIGURE_RES: list[tuple[str, LazyPattern]] = [
    (
        "money",
        _pattern(
            rf"(?:(?:{CODE_PREFIXES})?{CURRENCY}|\b(?:{ISO_CODES})\s?)\s?\d+(?:[.,]\d+)*"
            rf"(?:\s?{MAGNITUDE}\b)?(?:{RANGE_SEP}(?:{CURRENCY})?\d+(?:[.,]\d+)*"
            rf"(?:\s?{MAGNITUDE}\b)?)?"
        ),
    ),
    (
        "money",
        _pattern(
            rf"{NUM}(?:\s?{MAGNITUDE}\b)?\s?(?:{CURRENCY}|(?:{ISO_CODES})\b|(?:{CURRENCY_WORDS})\b)",
            IGNORECASE,
        ),
    ),
    (
        "percent",
        _pattern(
            rf"(?:(?<!\w){SIGN})?{NUM}(?:{RANGE_SEP}\d+(?:[.,]\d+)*)?\s?{PERCENT}", IGNORECASE
        ),
    ),
    ("multiplier", _pattern(rf"{NUM}\s?[x×](?!\w)|{NUM}-fold\b", IGNORECASE)),
    ("fraction", _pattern(r"(?<![\w/.])\d+\s?[/⁄]\s?\d+(?![\w/]|\.\d)")),
    ("fraction", _pattern(rf"{NUM} in (?:\d+|{SPELLED_WORDS})\b", IGNORECASE)),
    (
        "range",
        _pattern(
            rf"{NUM}{RANGE_SEP}\d+(?:[.,]\d+)*(?:\s?{MAGNITUDE}\b|[ -]?(?:{TIME}|{COUNT})\b)?",
            IGNORECASE,
        ),
    ),
    ("magnitude", _pattern(rf"{NUM}\s?{MAGNITUDE}\b")),
    ("unit", _pattern(rf"{NUM}[ -]?{TIME}\b", IGNORECASE)),
    ("unit", _pattern(rf"(?!1\b){NUM}{ADJECTIVES}[ -]{COUNT}\b", IGNORECASE)),
    ("decimal", _pattern(r"(?<![\w.,/\-−])\d+(?:[.,]\d+)+(?![\w])")),
    ("signed", _pattern(rf"(?<!\w){SIGN}\d+(?:[.,]\d+)*\b")),
]
_ONE_LEAD_WORDS = (
    "for within under spend spends spent take takes took last lasts about around only just "
    "exactly than in"
)
_ONE_LEADS = "|".join(rf"(?<=\b{word} )" for word in _ONE_LEAD_WORDS.split())
SPELLED_RES: list[tuple[str, LazyPattern]] = [
    ("money", _pattern(rf"\b{SPELLED_RUN} (?:{CURRENCY_WORDS})\b", IGNORECASE)),
    (
        "percent",
        _pattern(
            rf"\b{SPELLED_RUN} (?:percent|per cent|percentage points?)\b",
            IGNORECASE,
            needs=("percent", "per cent"),
        ),
    ),
    ("multiplier", _pattern(rf"\b(?:{SPELLED_WORDS})-?fold\b", IGNORECASE)),
    ("fraction", _pattern(rf"\b(?:one|a)[ -](?:half|{FRACTION_WORDS})(?= of\b)", IGNORECASE)),
    ("fraction", _pattern(rf"\b(?:{SPELLED_WORDS})[ -]{FRACTION_WORDS}\b(?!-)", IGNORECASE)),
    ("fraction", _pattern(rf"\bone in (?:{SPELLED_WORDS}|\d+)\b", IGNORECASE, needs=("one in ",))),
    ("time", _pattern(rf"\b(?!one\b){SPELLED_RUN}[ -]{TIME}\b", IGNORECASE)),
    ("time", _pattern(rf"\bone-{TIME}\b", IGNORECASE)),
    # "for one day", "in one week": the word before is looked behind, so that every spelled
    # pattern starts at its number (see `_SPELLED_ANCHOR_RE`).
    ("time", _pattern(rf"(?:{_ONE_LEADS})one {TIME}\b", IGNORECASE)),
    ("count", _pattern(rf"\b(?!one\b){SPELLED_RUN}{ADJECTIVES}[ -]{COUNT}\b", IGNORECASE)),
    (
        "count",
        _pattern(rf"\b(?!one\b){SPELLED_RUN} of (?:the|our|their|your|its) {COUNT}\b", IGNORECASE),
    ),
    (
        "magnitude",
        _pattern(rf"\b(?:{SPELLED_WORDS}) (?:million|billion|thousand|trillion)\b", IGNORECASE),
    ),
]

# Capitalised words that start sentences or clauses, never a product name before a number.
_FUNCTION_WORDS = (
    "in on at by for about around over under only just after before within with without "
    "from to of the a an and but or nearly almost roughly some up down since until expect "
    "reach hit keep set spend take allow plan budget give add cut save aim target say is "
    "are was were be it this that these those we i you they our my your their q a. if "
    "when while then so than each every"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
_WORD_BEFORE_RE = re.compile(r"(\w[\w&+#.\-]*)\s$")
_SENTENCE_END_RE = re.compile(r"(?:^|[.!?:;]\s|[\"“(]\s?)$")
NAMEABLE = frozenset({"decimal", "magnitude", "range", "signed"})
# Every pattern of FIGURE_RES starts at the first digit of a run of digits (its lookbehind
# allows no letter, digit or separator before it), or a few characters before one: up to
# "USD " or "NZ$ " for money written with a sign or code first, the sign of "+4%" or "−3".
# A test holds these against a full search.
FIGURE_LEADS = (5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1)
# The characters a match can start with before its run of digits, for the patterns with a lead:
# a currency sign, the first letter of a code ("USD", "NZ$"); a sign. Only those of the lead's
# places holding one are tried (a test reads them from the patterns).
_SIGNS = "+-−±"
_CODES = f"{ISO_CODES}|{CODE_PREFIXES}".split("|")
_MONEY_FIRSTS = CURRENCY_SIGNS + "".join(sorted({code[0] for code in _CODES}))
FIGURE_FIRSTS = (_MONEY_FIRSTS, "", _SIGNS, "", "", "", "", "", "", "", "", _SIGNS)
# Every place a spelled-out figure can start (each pattern of SPELLED_RES starts at one of
# these), found with one case-sensitive search of the lower-cased text: `re.IGNORECASE`
# compares character by character and is several times slower. Each spelled pattern is then
# tried at these places only, in order, skipping those inside its previous match: what
# `finditer` would find, at a fraction of the cost.
_ANCHOR_WORDS = (
    rf"(?=(?:{SPELLED_WORDS})|a[ -](?:hundred|thousand|million|billion|dozen|half|"
    rf"{FRACTION_WORDS})|half a|dozens of)"
)
_SPELLED_ANCHOR_RE = _pattern(r"(?=[abdefhmnost])\b" + _ANCHOR_WORDS)
# The same places after the first, in ASCII text, found as the character before each: one that
# is no letter, digit or "_" (so `\b` is after it). `re` skips from one such character to the
# next in C, but tries a pattern that starts with a lookahead at every place: twice as slow.
_ANCHOR_AFTER_ASCII_RE = _pattern(r"[\x00-/:-@\[-^`{-\x7f](?=[abdefhmnost])" + _ANCHOR_WORDS)
# Whether any pattern of SPELLED_RES matches at a place: one `match` for all twelve, so that a
# text whose spelled numbers start no figure ("one system", "three layers") costs one call
# per place, not twelve. Its branches are the patterns themselves, so it matches where one does.
_ANY_SPELLED_RE = _pattern("|".join(f"(?:{p.pattern})" for _, p in SPELLED_RES), IGNORECASE)
# The same without `re.IGNORECASE`, for ASCII text in lower case: several times faster, and it
# matches there wherever `_ANY_SPELLED_RE` matches in the text itself (the one part of it that
# minds letter case, the lower-case words of ADJECTIVES, then accepts more): where it does
# not, neither does that.
_ANY_SPELLED_LOWER_RE = _pattern(_ANY_SPELLED_RE.pattern)
# The same for FIGURE_RES, each pattern with its own flags: tried where any of them can start
# (`_FIGURE_LEAD` characters before a run of digits at most, holding one of `_FIGURE_FIRSTS`).
_ANY_FIGURE_RE = _pattern(
    "|".join(f"(?{'i' if p.flags & IGNORECASE else ''}:{p.pattern})" for _, p in FIGURE_RES)
)
_FIGURE_LEAD = max(FIGURE_LEADS)
_FIGURE_FIRSTS = "".join(sorted(set("".join(FIGURE_FIRSTS))))


def _is_name(text: str, start: int, end: int) -> bool:
    """Whether the number at `start` belongs to a name or version: "OAuth 2.0", "Llama 3 70B".

    The word before is capitalised and is not a function word; when that word opens the
    sentence it must look like a name on its own (two capitals or a digit: "OAuth", "GPT").
    A size glued to a version ("3 70B") continues the name.
    """
    before = text[max(0, start - 40) : start]
    m = _WORD_BEFORE_RE.search(before)
    if not m:
        return False
    word = m.group(1)
    if re.fullmatch(r"\d+(?:\.\d+)*", word):  # "Llama 3 70B": a size after a version
        return _is_name(text, start - len(m.group(0)), start) and not text[start:end].count(" ")
    if not word[0].isupper() or word.lower().rstrip(".") in FUNCTION_WORDS:
        return False
    opens = _SENTENCE_END_RE.search(before[: m.start()]) is not None
    return not opens or sum(c.isupper() or c.isdigit() for c in word) >= 2


def _spelled(text: str) -> list[tuple[int, int, str]]:
    """Spelled-out figures ("two thirds", "ten people"): each pattern of SPELLED_RES tried at
    the places one can start (see `_SPELLED_ANCHOR_RE`)."""
    lower = folded_lower(text)
    if lower is None:
        return [(*m.span(), k) for k, p in SPELLED_RES for m in p.finditer(text)]
    anchors = _anchors(lower)
    if not _starts_any(text, lower, anchors):
        return []
    return [
        f for kind, p in SPELLED_RES if p.may_match(lower) for f in tried_at(text, kind, p, anchors)
    ]


def _live(text: str, places: list[int], together: LazyPattern) -> list[int]:
    """Those of `places` where `together` (a list's patterns in one) matches: where one of
    them does, so that trying each of them only there finds all it finds at `places`."""
    match = together.compiled.match
    return [at for at in places if match(text, at)]


def _starts_any(text: str, lower: str, anchors: list[int]) -> bool:
    """Whether a pattern of SPELLED_RES matches at one of `anchors` in `text`, whose
    `folded_lower` is `lower`: in ASCII text, only where `_ANY_SPELLED_LOWER_RE` does."""
    if lower.isascii():
        fast = _ANY_SPELLED_LOWER_RE.compiled.match
        anchors = [at for at in anchors if fast(lower, at)]
    match = _ANY_SPELLED_RE.compiled.match
    return any(match(text, at) for at in anchors)  # the first that matches will do


def may_spell_a_number(text: str, lower: str | None) -> bool:
    """Whether `text`, whose `folded_lower` is `lower`, may hold a spelled-out figure: False
    only when no pattern of SPELLED_RES matches where one can start (`_SPELLED_ANCHOR_RE`),
    and `_spelled` then finds nothing."""
    if lower is None:
        return True
    anchors = _anchors(lower)
    return bool(anchors) and _starts_any(text, lower, anchors)


def _anchors(lower: str) -> list[int]:
    """The places of `_SPELLED_ANCHOR_RE` in `lower` (a text's `folded_lower`), in order."""
    anchor = _SPELLED_ANCHOR_RE.compiled
    if not lower.isascii():
        return [m.start() for m in anchor.finditer(lower)]
    first = [0] if anchor.match(lower) else []
    after = _ANCHOR_AFTER_ASCII_RE.compiled
    hit = after.search(lower)  # most texts have none: no iterator, no list to make
    return first if hit is None else first + [m.end() for m in after.finditer(lower, hit.start())]


def _numeric(text: str, runs: list[int] | None = None) -> list[tuple[int, int, str]]:
    """Figures written with digits: each pattern of FIGURE_RES tried only where one of them
    can start and does (at the first digit of a run of digits, or up to `FIGURE_LEADS`
    characters before one holding one of `FIGURE_FIRSTS`: a currency sign or code, a sign),
    in order, as `finditer` would find them."""
    if runs is None:
        runs = digit_runs(text)
    places = near(runs, _FIGURE_LEAD, text, _FIGURE_FIRSTS) if runs else []
    live = _live(text, places, _ANY_FIGURE_RE)
    if not live:  # no pattern matches anywhere (most texts with digits: "Page 12")
        return []
    return [f for kind, p in FIGURE_RES for f in tried_at(text, kind, p, live)]


def find_figures(text: str) -> list[tuple[int, int]]:
    """Every figure in `text` as (start, end), in order, none overlapping another."""
    runs = digit_runs(text)
    found = _numeric(text, runs) + _spelled(text)
    return kept_figures(text, found, blocked(text, runs)) if found else []


def kept_figures(
    text: str, found: list[tuple[int, int, str]], blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The figures of `text` among the matches `found` (start, end, kind): the longest at each
    start, none starting inside an earlier one, a `blocked` span (a label, a fixed expression)
    or a name."""
    blocked = merged(blocked)
    found = sorted(found, key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int]] = []
    for start, end, kind in found:
        if kept and start < kept[-1][1]:
            continue
        if blocked and inside(blocked, start):
            continue
        if kind in NAMEABLE and _is_name(text, start, end):
            continue
        kept.append((start, end))
    return kept
