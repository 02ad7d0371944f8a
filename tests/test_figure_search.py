"""The fast search for figures finds exactly what a full search finds.

`studyguide.figures` tries each pattern only where a figure can start: a spelled number,
found in the lower-cased text without `re.IGNORECASE` (several times faster), or the start
of a run of digits (and a few characters before it, for "USD 5" or "+4%"). These tests hold
it to the plain `finditer` over every pattern: on the labelled corpus, on generated word
soup, and on the characters where lower case and `re.IGNORECASE` disagree.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from studyguide import figures
from studyguide.figures import FIGURE_RES, SPELLED_RES, find_figures
from studyguide.lazy_pattern import CASE_FOLD_EXCEPTIONS, LazyPattern
from studyguide.normalise import normalise
from tests import claims_corpus as corpus

WORDS = [
    "one",
    "two",
    "three",
    "four",
    "ten",
    "twenty",
    "hundred",
    "thousand",
    "million",
    "a",
    "half",
    "third",
    "quarter",
    "thirds",
    "dozen",
    "dozens",
    "of",
    "for",
    "in",
    "within",
    "days",
    "weeks",
    "people",
    "teams",
    "rounds",
    "percent",
    "dollars",
    "fold",
    "-fold",
    "one-day",
    "the",
    "5",
    "10",
    "2.5",
    "$",
    "3/4",
    "10x",
    "50%",
    "OAuth",
    "2.0",
    "chapter",
    "rule",
    "A",
    "One",
    "Two",
    "HALF",
    "Dozen",
    "For",
    "Day",
    "ſix",
    "İn",
    "ıt",
    "exactly",
    "took",
    "spent",
]


def full_search(text: str, patterns: list[tuple[str, LazyPattern]] = SPELLED_RES) -> list:
    """The reference: every pattern's `finditer` over the whole text."""
    return sorted((*m.span(), kind) for kind, p in patterns for m in p.finditer(text))


def word_soup(count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14))).replace(" -", "-")
        for _ in range(count)
    ]


def corpus_texts() -> list[str]:
    texts = [text for _, text in corpus.must_fail()] + list(corpus.MUST_PASS)
    return texts + [normalise(t) for t in texts]


@pytest.mark.parametrize("source", ["corpus", "word soup"])
def test_spelled_search_equals_a_full_search(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else word_soup(5_000)
    differ = [t for t in texts if sorted(figures._spelled(t)) != full_search(t)]
    assert not differ, differ[:5]


@pytest.mark.parametrize("source", ["corpus", "word soup"])
def test_digit_search_equals_a_full_search(source: str) -> None:
    """Figures with digits are tried only near the start of a run of digits (`FIGURE_LEADS`
    characters before it at most): the same as every pattern's search over the text."""
    texts = corpus_texts() if source == "corpus" else word_soup(5_000, seed=7)
    texts += ["", "12", "USD 210,000", "USD  210,000", "NZ$ 5", "US$5", "x+4%", "a −3 b", "HK$ 10k"]
    differ = [t for t in texts if sorted(figures._numeric(t)) != full_search(t, FIGURE_RES)]
    assert not differ, differ[:5]


def test_case_fold_exceptions_are_every_such_character() -> None:
    """Every character `re.IGNORECASE` matches to an ASCII letter whose lower case is not
    that letter: text holding one is searched in full, so none may be missing."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found |= {m.group() for m in re.finditer(f"(?i){letter}", everything)}
    assert {c for c in found if c.lower() not in "abcdefghijklmnopqrstuvwxyz"} == set(
        CASE_FOLD_EXCEPTIONS
    )


def test_a_figure_spelled_with_a_case_fold_exception_is_still_found() -> None:
    # "ſ" (long s) lower-cases to itself, yet re.IGNORECASE reads it as "s".
    text = "The loop took ſix weeks."
    assert [text[a:b] for a, b in find_figures(text)] == ["ſix weeks"]


@pytest.mark.parametrize(
    "start",
    [*figures.SPELLED_WORDS.split("|"), "a hundred", "a-third", "half a", "dozens of"],
)
def test_every_spelled_start_is_an_anchor(start: str) -> None:
    """Each way a spelled figure can begin is found where it stands (the search first looks
    for the first letters; one missing from its list would hide every figure it begins)."""
    text = f"so {start} more"
    assert [m.start() for m in figures._SPELLED_ANCHOR_RE.finditer(text)][:1] == [3]


@pytest.mark.parametrize("source", ["corpus", "word soup"])
def test_the_spelled_patterns_together_match_where_one_of_them_does(source: str) -> None:
    """`_ANY_SPELLED_RE`, one `match` standing for the twelve spelled patterns, matches at
    exactly the places where one of them matches (at every place of every text)."""
    texts = corpus_texts() if source == "corpus" else word_soup(2_000, seed=17)
    together = figures._ANY_SPELLED_RE.compiled
    differ = [
        (text, at)
        for text in texts
        for at in range(len(text) + 1)
        if bool(together.match(text, at)) != any(p.match(text, at) for _, p in SPELLED_RES)
    ]
    assert not differ, differ[:5]
    assert any(together.match(text, at) for text in texts for at in range(len(text)))
