"""Find figures and scripts in prose that do not come from `docs/claims.yml`.

The scanner reads a masked copy of the page (see `studyguide.mask`), from which claim
references, code, URLs and markup are already blanked, so anything that still looks like a
figure or a quoted model line was typed by hand and has no source. Each finding becomes a
`Problem` that quotes the text and says how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from studyguide.mask import mask_prose
from studyguide.problems import Problem, line_col

_NUM = r"(?<![\w.\-/])\d+(?:[.,]\d+)*"
_MAG = r"(?:k|K|M|B|bn|mn|million|billion|thousand|trillion)"
_TIME = (
    r"(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|"
    r"months?|quarters?|years?|yrs?)"
)
# Nouns that turn a number into a count worth sourcing ("one user" alone is not a figure).
# Structural words (steps, layers, dimensions) are left out on purpose: "the three layers"
# of a named framework is not a figure.
_COUNT = (
    r"(?:rounds?|interviews?|regions?|replicas?|events?|runs?|requests?|quer(?:y|ies)|"
    r"users?|customers?|candidates?|people|engineers?|teams?|pages?|dashboards?|"
    r"experiments?|models?|nodes?|servers?|shards?|partitions?|workers?|machines?|"
    r"gpus?|cpus?|gb|tb|mb|kb|pb|qps|rps|rpm|dollars?|usd|eur|points?|times|percent|"
    r"per ?cent|pct|percentage points?|million|billion|thousand|trillion|dozen|"
    r"hundred|artifacts?|versions?|features?|offers?|hires?)"
)
_UNIT = rf"(?:{_TIME}|{_COUNT})"
_SPELLED = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|a dozen|dozens of|"
    r"half a|a hundred|a thousand|a million|a billion)"
)

# Figures written with digits or a currency sign. The lookahead makes every other position
# fail at once, which is most of the cost of scanning a page.
NUMERIC_FIGURE_RE = re.compile(
    r"(?=[\d$€£])(?:"
    + "|".join(
        [
            # money, optionally a range and a magnitude: $170,000  $140k–$160k  €2 million
            rf"[$€£]\s?\d+(?:[.,]\d+)*(?:\s?{_MAG}\b)?(?:\s?[-–—]\s?[$€£]?\d+(?:[.,]\d+)*"
            rf"(?:\s?{_MAG}\b)?)?",
            # ranges, with an optional unit: 3–5 years, 10 to 20 minutes
            rf"{_NUM}\s?(?:[-–—]|\bto\b)\s?\d+(?:[.,]\d+)*(?:\s?%|\s?{_MAG}\b|[ \t-]?{_UNIT}\b)?",
            rf"{_NUM}\s?(?:%|percent\b|per ?cent\b|pct\b)",  # percentages
            rf"{_NUM}\s?[x×](?![\w])",  # multipliers: 10x, 3×
            rf"{_NUM}\s?{_MAG}\b",  # magnitudes: 10 M, 25k, 1 billion
            rf"{_NUM}[ \t-]?{_UNIT}\b",  # durations and counts with a unit: 2 seconds, 21-day
            r"(?<![\w.\-/])\d+(?:[.,]\d+)+",  # decimals and grouped numbers: 99.9, 170,000
        ]
    )
    + ")",
    re.IGNORECASE,
)
# Spelled-out numbers with a unit word: four rounds, twelve percent, one-minute. Tried only
# where a word that can start one stands (see `_SPELLED_FIRST`).
SPELLED_FIGURE_RE = re.compile(
    rf"{_SPELLED}(?:[ -]{_SPELLED})*[ -]{_TIME}\b"
    rf"|(?!one\b){_SPELLED}(?:[ -]{_SPELLED})*[ -]{_COUNT}\b",
    re.IGNORECASE,
)
# The ways a spelled-out number can begin ("four", "a dozen", "half a"), lower case.
_SPELLED_STARTS = tuple(_SPELLED.removeprefix("(?:").removesuffix(")").split("|"))
_SPELLED_FIRST = frozenset(phrase.split()[0] for phrase in _SPELLED_STARTS)
_WORD_START_RE = re.compile(r"\b[A-Za-z]+")


def _spelled_candidates(prose: str) -> list[int]:
    """Offsets where a spelled-out number may begin: one of `_SPELLED_STARTS` at a word
    start. Plain substring search over the lower-cased page finds them several times faster
    than a case-insensitive regex or a loop over every word."""
    low = prose.lower()
    if len(low) != len(prose):  # a letter whose lower case is longer: offsets would shift
        return [
            w.start() for w in _WORD_START_RE.finditer(prose) if w.group().lower() in _SPELLED_FIRST
        ]
    starts: set[int] = set()
    for phrase in _SPELLED_STARTS:
        i = low.find(phrase)
        while i != -1:
            before = low[i - 1] if i else " "
            if not (before.isalnum() or before == "_"):
                starts.add(i)
            i = low.find(phrase, i + 1)
    return sorted(starts)


# Where a figure written with digits can begin. A plain character class is searched for
# directly; NUMERIC_FIGURE_RE, which opens with a lookahead, would be tried everywhere.
_FIGURE_START_RE = re.compile(r"[\d$€£]")


def _numeric_figures(prose: str) -> list[re.Match[str]]:
    """`NUMERIC_FIGURE_RE.finditer(prose)`, tried only where a digit or currency sign is."""
    found: list[re.Match[str]] = []
    end = 0
    for start in _FIGURE_START_RE.finditer(prose):
        if start.start() < end:
            continue
        m = NUMERIC_FIGURE_RE.match(prose, start.start())
        if m:
            found.append(m)
            end = m.end()
    return found


def find_figures(prose: str) -> list[re.Match[str]]:
    """Every figure in a masked page, in order, none overlapping another."""
    found = _numeric_figures(prose)
    for start in _spelled_candidates(prose):
        m = SPELLED_FIGURE_RE.match(prose, start)
        if m:
            found.append(m)
    found.sort(key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match[str]] = []
    for m in found:
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


BLOCKQUOTE_RE = re.compile(r"^[ \t]*>[ \t]?(.*)$", re.M)
QUOTED_RE = re.compile(r'"([^"\n]+(?:\n[^"\n]+)*?)"|“([^”]*)”')
WORD_RE = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
MIN_QUOTED_WORDS = 6


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def find_unsourced(
    markdown: str,
    path: str,
    *,
    first_line: int = 1,
    values: Mapping[str, str] | None = None,
    masked: str | None = None,
) -> list[Problem]:
    """Every unsourced figure, blockquote and long quoted passage in a page's prose.

    `values` maps a claim's value to its id so that a figure typed by hand that equals a
    claim gets the exact reference to use in its fix. `masked` may pass a precomputed
    `mask_prose(markdown)`.
    """
    prose = mask_prose(markdown) if masked is None else masked
    problems: list[Problem] = []
    values = values or {}

    for m in find_figures(prose):
        found = m.group(0).strip()
        line, col = line_col(markdown, m.start(), first_line)
        known = values.get(found) or values.get(found.replace(" ", ""))
        fix = (
            f'the claim "{known}" has this value: if it is the same figure, write '
            f":claim[{known}]; if not, add a claim of its own"
            if known
            else "add it to docs/claims.yml (kind fact, example or script, with its source) and "
            f"write :claim[ID] here, or mark it :literal[{found}] if it is not a figure"
        )
        problems.append(Problem(path, line, col, f'unsourced figure "{found}" — {fix}'))

    for m in BLOCKQUOTE_RE.finditer(prose):
        line, col = line_col(markdown, m.start(), first_line)
        problems.append(
            Problem(
                path,
                line,
                col + m.group(0).index(">"),
                f'unsourced script: blockquote "{_excerpt(m.group(1))}" — model '
                "lines live in docs/claims.yml (kind script): write ::script[ID] "
                "on its own line; for an admonition use !!! instead of >",
            )
        )

    for m in QUOTED_RE.finditer(prose):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if len(WORD_RE.findall(inner)) < MIN_QUOTED_WORDS:
            continue
        line, col = line_col(markdown, m.start(), first_line)
        problems.append(
            Problem(
                path,
                line,
                col,
                f'unsourced script: quoted passage "{_excerpt(inner)}" — put the '
                "line in docs/claims.yml (kind script) and write ::script[ID] on "
                f"its own line, or shorten the quote below {MIN_QUOTED_WORDS} words",
            )
        )
    return problems
