"""The words and signs figures are written with: currencies, units, counts, spelled numbers.

Regular-expression sources shared by the patterns that find figures (`studyguide.figures`)
and those that find numbers which are not figures (`studyguide.not_figures`).
"""

from __future__ import annotations

import re

# Every character of Unicode's currency-symbol category (Sc) in Python 3.11's database;
# a test checks the list against `unicodedata` so a newer Python cannot silently extend it.
CURRENCY_SIGNS = (
    "$\xa2\xa3\xa4\xa5\u058f\u060b\u07fe\u07ff\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db"
    "\u20a0\u20a1\u20a2\u20a3\u20a4\u20a5\u20a6\u20a7\u20a8\u20a9\u20aa\u20ab\u20ac\u20ad"
    "\u20ae\u20af\u20b0\u20b1\u20b2\u20b3\u20b4\u20b5\u20b6\u20b7\u20b8\u20b9\u20ba\u20bb"
    "\u20bc\u20bd\u20be\u20bf\u20c0\ua838\ufdfc\ufe69\uff04\uffe0\uffe1\uffe5\uffe6"
    "\U00011fdd\U00011fde\U00011fdf\U00011fe0\U0001e2ff\U0001ecb0"
)
CURRENCY = "[" + re.escape(CURRENCY_SIGNS) + "]"
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

IGNORECASE = re.IGNORECASE
