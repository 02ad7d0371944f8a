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

from studyguide.lazy_pattern import LazyPattern, folded_lower
from studyguide.match_places import digit_runs, inside, merged, near, tried_at
from studyguide.pattern_cache import PatternCache

# Each pattern is compiled on first use, from the program `make bytecode` kept for it when
# there is one (studyguide/pattern_cache.py): the same pattern, without parsing it again.
_CACHE = PatternCache(__file__)


def _pattern(source: str, flags: int = 0, needs: tuple[str, ...] = ()) -> LazyPattern:
    return LazyPattern(source, flags, needs, _CACHE)


# Every character of Unicode's currency-symbol category (Sc) in Python 3.11's database;
# a test checks the list against `unicodedata` so a newer Python cannot silently extend it.
_CURRENCY_SIGNS = (
    "$\xa2\xa3\xa4\xa5\u058f\u060b\u07fe\u07ff\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db"
    "\u20a0\u20a1\u20a2\u20a3\u20a4\u20a5\u20a6\u20a7\u20a8\u20a9\u20aa\u20ab\u20ac\u20ad"
    "\u20ae\u20af\u20b0\u20b1\u20b2\u20b3\u20b4\u20b5\u20b6\u20b7\u20b8\u20b9\u20ba\u20bb"
    "\u20bc\u20bd\u20be\u20bf\u20c0\ua838\ufdfc\ufe69\uff04\uffe0\uffe1\uffe5\uffe6"
    "\U00011fdd\U00011fde\U00011fdf\U00011fe0\U0001e2ff\U0001ecb0"
)
CURRENCY = "[" + re.escape(_CURRENCY_SIGNS) + "]"
ISO_CODES = (
    "USD|EUR|GBP|JPY|CNY|RMB|INR|CAD|AUD|CHF|SEK|NOK|DKK|PLN|BRL|MXN|KRW|SGD|HKD|NZD|ZAR|"
    "ILS|TRY|RUB|AED|SAR|CZK|HUF|TWD|THB|IDR|PHP"
)
CODE_PREFIXES = "US|A|C|NZ|HK|S"  # before a sign: "US$", "NZ$"
CURRENCY_WORDS = r"dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|kronor|krona|pesos?|won"
SIGN = r"[+\-−±]"
NUM = r"(?<![\w.,/\-−+±])\d+(?:[.,]\d+)*"
MAGNITUDE = r"(?:k|K|M|B|bn|mn|million|billion|thousand|trillion)"
TIME = (
    r"(?:ms|milliseconds?|μs|microseconds?|nanoseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|"
    r"hours?|days?|business days?|working days?|weeks?|months?|quarters?|years?|yrs?)"
)
# Countable things a reader could quote back. Structure words (steps, layers, parts,
# questions) are left out on purpose: "the three layers" of a framework is not a figure.
COUNT = (
    r"(?:rounds?|interviews?|interviewers?|panelists?|recruiters?|regions?|replicas?|events?|"
    r"runs?|requests?|quer(?:y|ies)|users?|customers?|clients?|candidates?|applicants?|"
    r"people|persons|employees|staff|engineers?|researchers?|scientists?|developers?|"
    r"designers?|managers?|PMs|hires?|offers?|teams?|members?|companies|company|firms?|"
    r"organi[sz]ations?|orgs?|enterprises?|startups?|partners?|vendors?|countries|offices?|"
    r"cities|stages?|seats?|accounts?|stakeholders?|reviewers?|pages?|dashboards?|"
    r"experiments?|models?|nodes?|servers?|shards?|partitions?|workers?|machines?|gpus?|cpus?|"
    r"gb|tb|mb|kb|pb|gib|tib|qps|rps|rpm|tokens?|points?|times|artifacts?|versions?|"
    r"features?|dollars?|usd|eur)"
)
PERCENT = r"(?:%|percent\b|per cent\b|pct\b|percentage points?\b|pp\b|basis points\b|bps\b)"
SPELLED_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million|billion"
)
SPELLED = (
    rf"(?:(?:a |half a )(?:hundred|thousand|million|billion)|a dozen|dozens of|half a|"
    rf"{SPELLED_WORDS})"
)
SPELLED_RUN = rf"{SPELLED}(?:[ -](?:and )?(?:{SPELLED_WORDS}))*"
FRACTION_WORDS = r"(?:halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)"
# Up to two describing words between a number and what it counts: "5 senior engineers".
ADJECTIVES = (
    r"(?:[ -](?!(?:of|the|and|or|to|in|on|at|a|an|for|per|is|are|was|than|million|billion|"
    r"thousand|trillion|most|many|more|all|some|few|other|such|these|those|new|will)\b)"
    r"(?-i:[a-z][a-z-]*)){0,2}"
)
RANGE_SEP = r"\s?(?:[-–—]|to)\s?"

_F = re.IGNORECASE
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
            _F,
        ),
    ),
    (
        "percent",
        _pattern(rf"(?:(?<!\w){SIGN})?{NUM}(?:{RANGE_SEP}\d+(?:[.,]\d+)*)?\s?{PERCENT}", _F),
    ),
    ("multiplier", _pattern(rf"{NUM}\s?[x×](?!\w)|{NUM}-fold\b", _F)),
    ("fraction", _pattern(r"(?<![\w/.])\d+\s?[/⁄]\s?\d+(?![\w/]|\.\d)")),
    ("fraction", _pattern(rf"{NUM} in (?:\d+|{SPELLED_WORDS})\b", _F)),
    (
        "range",
        _pattern(
            rf"{NUM}{RANGE_SEP}\d+(?:[.,]\d+)*(?:\s?{MAGNITUDE}\b|[ -]?(?:{TIME}|{COUNT})\b)?", _F
        ),
    ),
    ("magnitude", _pattern(rf"{NUM}\s?{MAGNITUDE}\b")),
    ("unit", _pattern(rf"{NUM}[ -]?{TIME}\b", _F)),
    ("unit", _pattern(rf"(?!1\b){NUM}{ADJECTIVES}[ -]{COUNT}\b", _F)),
    ("decimal", _pattern(r"(?<![\w.,/\-−])\d+(?:[.,]\d+)+(?![\w])")),
    ("signed", _pattern(rf"(?<!\w){SIGN}\d+(?:[.,]\d+)*\b")),
]
_ONE_LEAD_WORDS = (
    "for within under spend spends spent take takes took last lasts about around only just "
    "exactly than in"
)
_ONE_LEADS = "|".join(rf"(?<=\b{word} )" for word in _ONE_LEAD_WORDS.split())
SPELLED_RES: list[tuple[str, LazyPattern]] = [
    ("money", _pattern(rf"\b{SPELLED_RUN} (?:{CURRENCY_WORDS})\b", _F)),
    (
        "percent",
        _pattern(
            rf"\b{SPELLED_RUN} (?:percent|per cent|percentage points?)\b",
            _F,
            needs=("percent", "per cent"),
        ),
    ),
    ("multiplier", _pattern(rf"\b(?:{SPELLED_WORDS})-?fold\b", _F)),
    ("fraction", _pattern(rf"\b(?:one|a)[ -](?:half|{FRACTION_WORDS})(?= of\b)", _F)),
    ("fraction", _pattern(rf"\b(?:{SPELLED_WORDS})[ -]{FRACTION_WORDS}\b(?!-)", _F)),
    ("fraction", _pattern(rf"\bone in (?:{SPELLED_WORDS}|\d+)\b", _F, needs=("one in ",))),
    ("time", _pattern(rf"\b(?!one\b){SPELLED_RUN}[ -]{TIME}\b", _F)),
    ("time", _pattern(rf"\bone-{TIME}\b", _F)),
    # "for one day", "in one week": the word before is looked behind, so that every spelled
    # pattern starts at its number (see `_SPELLED_ANCHOR_RE`).
    ("time", _pattern(rf"(?:{_ONE_LEADS})one {TIME}\b", _F)),
    ("count", _pattern(rf"\b(?!one\b){SPELLED_RUN}{ADJECTIVES}[ -]{COUNT}\b", _F)),
    (
        "count",
        _pattern(rf"\b(?!one\b){SPELLED_RUN} of (?:the|our|their|your|its) {COUNT}\b", _F),
    ),
    (
        "magnitude",
        _pattern(rf"\b(?:{SPELLED_WORDS}) (?:million|billion|thousand|trillion)\b", _F),
    ),
]

# One of these is in every fixed expression below (a test reads it from the pattern): text
# holding none is not searched for them, which costs more than all the other labels.
_FIXED_EXPRESSION_NEEDS = (
    "24/7|24x7|365|1:1|1-on-1|one-on-one|one on one|9-to-5|nine-to-five|0 to 1|0-to-1|"
    "zero to one|-foot view|360-degree|catch-22|fortune |s&p |top-|a million|a thousand |"
    "a hundred|two cents|10x |web |100|110|one hundred"
)
# Numbers that name or label, and fixed expressions: matched first, they shadow a figure
# starting inside them.
NOT_FIGURE_RES: list[LazyPattern] = [
    _pattern(r"\b\d{4}-\d{2}-\d{2}\b", needs=("-",)),  # ISO dates
    _pattern(r"(?:['’]\d0s|\b(?:1[0-9]|20)\d0s|\b(?<=the )\d0s)\b", needs=("0s",)),  # decades
    _pattern(r"\b\d+(?:\.\d+){2,}\b", needs=(".",)),  # three-part versions: 9.8.1
    _pattern(r"(?<![\w.])v\d+(?:\.\d+)*\b", _F, needs=("v",)),  # v2, v1.4
    # labels: the noun comes before its number ("chapter 7.4", "round 2", "steps 3-4")
    _pattern(
        r"\b(?:chapters?|chap\.|sections?|sec\.|§|figures?|fig\.|tables?|steps?|pages?|pp?\.|"
        r"parts?|appendix|rules?|versions?|releases?|episodes?|seasons?|levels?|items?|"
        r"exercises?|lessons?|modules?|units?|layers?|stages?|rounds?|phases?|tiers?|slides?|"
        r"lines?|clauses?|articles?|questions?|options?|scenarios?|cases?|examples?|weeks?|"
        r"days?|no\.|number|#|iso|rfc|pep|soc|http|ipv|python|java|es|ecmascript)"
        rf" ?#?\d+(?:\.\d+)*[a-z]?(?:{RANGE_SEP}\d+(?:\.\d+)*[a-z]?| (?:and|or) \d+(?:\.\d+)*)*\b",
        _F,
    ),
    # rating scales: "7 out of 10", "on a 1-5 scale", "scale of 1 to 10"
    _pattern(
        rf"\b(?:\d+(?:\.\d+)? )?out of \d+\b(?!{ADJECTIVES}[ -]{COUNT}\b)", _F, needs=("out of ",)
    ),
    _pattern(
        rf"\bscale (?:of|from) \d+{RANGE_SEP}\d+\b|\b\d+{RANGE_SEP}\d+[ -](?:point )?scale\b",
        _F,
        needs=("scale",),
    ),
    # named rules and laws: "the 80/20 rule", "rule of three", "the 1% rule", "5 Whys"
    _pattern(
        rf"\b(?:\d+(?:[.,]\d+)*(?:[/:]\d+)?%?|{SPELLED_WORDS})(?:[ -][\w-]+)?[ -]"
        r"(?:rule|principle|law|whys)\b",
        _F,
        needs=("rule", "principle", "law", "whys"),
    ),
    _pattern(
        rf"\b(?:rule|law|power) of (?:\d+|{SPELLED_WORDS})\b",
        _F,
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
        _F,
        needs=tuple(_FIXED_EXPRESSION_NEEDS.split("|")),
    ),
]
# Where each of NOT_FIGURE_RES can start: up to so many characters before the start of a run
# of digits ("chapter #7": ten letters, a space and "#" before the 7; "scale from 1"), or
# anywhere (None) for those a match of which may hold no digit ("rule of three"). A pattern
# with a number is then tried only there (`match_places.tried_at`); a test holds this to a
# full search.
NOT_FIGURE_LEADS = (0, 1, 0, 1, 12, 7, 11, None, None, None)
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
_MONEY_FIRSTS = _CURRENCY_SIGNS + "".join(sorted({code[0] for code in _CODES}))
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
_ANY_SPELLED_RE = _pattern("|".join(f"(?:{p.pattern})" for _, p in SPELLED_RES), _F)
# The same without `re.IGNORECASE`, for ASCII text in lower case: several times faster, and it
# matches there wherever `_ANY_SPELLED_RE` matches in the text itself (the one part of it that
# minds letter case, the lower-case words of ADJECTIVES, then accepts more): where it does
# not, neither does that.
_ANY_SPELLED_LOWER_RE = _pattern(_ANY_SPELLED_RE.pattern)
# The same for FIGURE_RES, each pattern with its own flags: tried where any of them can start
# (`_FIGURE_LEAD` characters before a run of digits at most, holding one of `_FIGURE_FIRSTS`).
_ANY_FIGURE_RE = _pattern(
    "|".join(f"(?{'i' if p.flags & _F else ''}:{p.pattern})" for _, p in FIGURE_RES)
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


def _blocked(text: str, runs: list[int] | None = None) -> list[tuple[int, int]]:
    """The spans of NOT_FIGURE_RES's matches, pattern by pattern, as each one's `finditer`
    gives them: a pattern with a number tried only near the `runs` of digits (their starts)."""
    if runs is None:
        runs = digit_runs(text)
    spans: list[tuple[int, int]] = []
    lower = folded_lower(text)
    for pattern, lead in zip(NOT_FIGURE_RES, NOT_FIGURE_LEADS, strict=True):
        if not pattern.may_match(lower):
            continue
        if lead is None:
            spans.extend(m.span() for m in pattern.compiled.finditer(text))
        elif runs:
            spans.extend((a, b) for a, b, _ in tried_at(text, "", pattern, near(runs, lead)))
    return spans


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
    return kept_figures(text, found, _blocked(text, runs)) if found else []


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
