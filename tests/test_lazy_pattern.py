"""Patterns compiled on first use, and skipped where they cannot match, find what they found.

`studyguide.lazy_pattern.LazyPattern` compiles on first use; with `needs`, the figure search
skips it on text that holds none of those literals (in lower case), so a pattern no text of a
build can match is never compiled. These tests prove that changes nothing:
- each `needs` is held by every string its pattern can match, read from the pattern's parse
  tree (adversarial: a literal a match can avoid is refused);
- `find_figures` with the skipping gives what it gives trying every pattern everywhere, on the
  labelled corpus, on word soup made of the skipped patterns' words, and (integration) on every
  line of text of the built site;
- text with a character that `re.IGNORECASE` reads as another letter is never skipped.
"""

from __future__ import annotations

import random
import re

# The parse tree of a pattern, to check its `needs`; typeshed has no stubs for this private
# module (its public alias sre_parse is deprecated since Python 3.11).
import re._parser as sre_parse  # type: ignore[import-not-found]
from itertools import product
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide import not_figures
from studyguide.figures import FIGURE_RES, SPELLED_RES, find_figures
from studyguide.lazy_pattern import LazyPattern, folded_lower
from studyguide.normalise import normalise
from studyguide.not_figures import NOT_FIGURE_RES
from tests.test_figure_search import corpus_texts, word_soup

ALL = [p for _, p in FIGURE_RES] + [p for _, p in SPELLED_RES] + NOT_FIGURE_RES
GATED = [p for p in ALL if p.needs]


def _strings(tree: sre_parse.SubPattern | list) -> set[str] | None:
    """Every string the parsed sequence matches, when it is made of literals, groups,
    branches and parts repeated at most twice (lower case); else None."""
    out = {""}
    for op, arg in tree:
        if op is sre_parse.LITERAL:
            parts: set[str] | None = {chr(arg).lower()}
        elif op is sre_parse.SUBPATTERN:
            parts = _strings(arg[3])
        elif op is sre_parse.BRANCH:
            each = [_strings(branch) for branch in arg[1]]
            known = [e for e in each if e is not None]
            parts = set().union(*known) if len(known) == len(each) else None
        elif op is sre_parse.MAX_REPEAT and arg[1] <= 2 and (body := _strings(arg[2])):
            parts = {"".join(p) for k in range(arg[0], arg[1] + 1) for p in product(body, repeat=k)}
        else:
            parts = None
        if parts is None:
            return None
        out = {a + b for a in out for b in parts}
    return out


def _held(tree: sre_parse.SubPattern | list, needs: tuple[str, ...]) -> bool:
    """Whether every string the parsed sequence `tree` matches holds one of `needs` (a sound
    under-approximation: the literal strings a stretch of the sequence can be, groups,
    branches and parts repeated at least once)."""
    runs = {""}  # what the stretch of literals just read can be
    for op, arg in tree:
        strings = _strings([(op, arg)])
        if strings is not None:
            runs = {a + b for a in runs for b in strings}
            if all(any(n in r for n in needs) for r in runs):
                return True
            continue
        runs = {""}
        if op is sre_parse.SUBPATTERN and _held(arg[3], needs):
            return True
        if op is sre_parse.BRANCH and all(_held(branch, needs) for branch in arg[1]):
            return True
        repeated = op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and arg[0] >= 1
        if repeated and _held(arg[2], needs):
            return True
    return False


def held_by_every_match(pattern: LazyPattern) -> bool:
    """Whether every match of `pattern` holds one of its `needs` in lower case."""
    cased = [n for n in pattern.needs if n != n.lower() or not n.isascii()]
    assert not cased, f"needs must be ASCII lower case: {cased}"
    return _held(sre_parse.parse(pattern.pattern, pattern.flags), pattern.needs)


@pytest.mark.parametrize("pattern", GATED, ids=lambda p: "|".join(p.needs))
def test_every_match_holds_one_of_the_needs(pattern: LazyPattern) -> None:
    assert held_by_every_match(pattern)


def test_a_literal_a_match_can_avoid_is_refused() -> None:
    """Adversarial: the check refuses needs that one branch, an optional part or a lookahead
    can do without."""
    assert held_by_every_match(LazyPattern(r"\bone (?:in|of) \d", needs=("one ",)))
    assert not held_by_every_match(LazyPattern(r"\bone (?:in|of) \d", needs=("in",)))
    assert not held_by_every_match(LazyPattern(r"\d+(?: percent)?", needs=("percent",)))
    assert not held_by_every_match(LazyPattern(r"(?:rule|law)s?", needs=("rules",)))
    assert not held_by_every_match(LazyPattern(r"\d(?= of)", needs=("of",)))


def test_it_compiles_on_first_use_to_what_re_compiles() -> None:
    lazy = LazyPattern(r"(?i)\bten (?:people|teams)\b")
    assert lazy._compiled is None
    text = "Ten teams and ten people"
    eager = re.compile(lazy.pattern)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.compiled is lazy.compiled  # compiled once
    match = lazy.match(text, 0)
    assert match and match.span() == (0, 9)


def test_text_that_case_folds_unlike_its_lower_case_is_never_skipped() -> None:
    assert folded_lower("Rule of Three") == "rule of three"
    for odd in ("ruſe", "İn", "ıt"):
        assert folded_lower(odd) is None
    pattern = LazyPattern(r"one in \d", re.I, needs=("one in ",))
    assert not pattern.may_match(folded_lower("one out of 5"))
    assert pattern.may_match(folded_lower("One ın 5"))  # "ı" reads as "i": tried


def every_pattern_everywhere(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list:
    """`find_figures` of each text with no pattern skipped: the reference."""
    with monkeypatch.context() as patched:
        patched.setattr(LazyPattern, "may_match", lambda self, lower: True)
        return [find_figures(t) for t in texts]


def assert_same_figures(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    reference = every_pattern_everywhere(texts, monkeypatch)
    differ = [(t, r) for t, r in zip(texts, reference, strict=True) if find_figures(t) != r]
    assert not differ, differ[:5]


GATE_WORDS = [
    "three percent",
    "five per cent",
    "one in",
    "out of",
    "rule",
    "principle",
    "law",
    "whys",
    "power of",
    "rule of",
    "law of",
    "Rule Of",
    "ſeven",
]


@pytest.mark.parametrize("source", ["corpus", "word soup"])
def test_skipping_finds_what_every_pattern_everywhere_finds(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if source == "corpus":
        texts = corpus_texts()
    else:
        soup = word_soup(3_000, seed=11)
        texts = [f"{t} {GATE_WORDS[i % len(GATE_WORDS)]} {i % 12}" for i, t in enumerate(soup)]
    assert_same_figures(texts, monkeypatch)


@pytest.mark.integration
def test_skipping_finds_the_same_on_every_text_of_the_site(
    site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = set()
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for line in soup.get_text("\n").split("\n"):
            if normalise(line):
                texts.add(normalise(line))
    assert len(texts) > 1000
    assert_same_figures(sorted(texts), monkeypatch)
    assert [t for t in texts if not_figures.blocked(t) != every_blocked(t)] == []
    # On this site, the skipped patterns stay uncompiled in a build's search.
    assert any(not p.may_match(folded_lower(t)) for t in texts for p in GATED)


# Words that start or end the numbers' labels and fixed expressions (NOT_FIGURE_RES), for
# word soup that puts them everywhere near a number.
BLOCKED_WORDS = [
    "chapter",
    "ecmascript",
    "ecmascript #",
    "appendix #",
    "# ",
    "sec.",
    "v",
    "v2",
    "'90s",
    "the 80s",
    "1990s",
    "2026-01-02",
    "9.8.1",
    "out of",
    "scale of",
    "scale from",
    "point scale",
    "1-5",
    "to",
    "24/7",
    "one in a million",
    "catch-22",
    "ſection",
]


def every_blocked(text: str) -> list[tuple[int, int]]:
    """The reference: each of NOT_FIGURE_RES's `finditer` over the whole text, in turn."""
    return [m.span() for p in NOT_FIGURE_RES for m in p.finditer(text)]


@pytest.mark.parametrize("source", ["corpus", "word soup"])
def test_the_fast_blocked_search_equals_every_pattern(source: str) -> None:
    """Labels and fixed expressions are tried only where they can start (near a run of
    digits, `NOT_FIGURE_LEADS`; with one of their `needs`): the same as a full search."""
    if source == "corpus":
        texts = [*corpus_texts(), "the 80/20 rule", "rule of three", "7 out of 10", "5 Whys"]
    else:
        rng = random.Random(5)
        words = [*BLOCKED_WORDS, "7", "10", "3.2", "12", "2", "and", "or", "weeks", "days"]
        texts = [
            "".join(rng.choice(words) + rng.choice(["", " ", " ", "#", "-"]) for _ in range(9))
            for _ in range(4_000)
        ]
    differ = [t for t in texts if not_figures.blocked(t) != every_blocked(t)]
    assert not differ, differ[:5]


def test_a_lead_too_short_misses_a_label() -> None:
    """Adversarial: the comparison above bites. With "chapter" allowed 3 characters before
    its number, "chapter 7" is no longer seen as a label."""
    text = "see chapter 7 for details"
    assert not_figures.blocked(text) == every_blocked(text) != []
    short = list(not_figures.NOT_FIGURE_LEADS)
    short[4] = 3
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(not_figures, "NOT_FIGURE_LEADS", tuple(short))
        assert not_figures.blocked(text) != every_blocked(text)


def test_a_label_first_left_out_misses_a_label() -> None:
    """Adversarial: the comparison above bites for the label words' first characters too.
    Without "c", "see chapter 7" is no longer seen as a label."""
    text = "see chapter 7 for details"
    firsts = list(not_figures.NOT_FIGURE_FIRSTS)
    label_firsts = firsts[4]
    assert label_firsts is not None and "c" in label_firsts
    firsts[4] = label_firsts.replace("c", "")
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(not_figures, "NOT_FIGURE_FIRSTS", tuple(firsts))
        assert not_figures.blocked(text) != every_blocked(text)
