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

# The parse tree of a pattern, to read the characters it can start with; typeshed has no stubs
# for this private module (its public alias sre_parse is deprecated since Python 3.11).
import re._parser as sre_parse  # type: ignore[import-not-found]
import sys

import pytest

from studyguide import figure_words, figures
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
    [*figure_words.SPELLED_WORDS.split("|"), "a hundred", "a-third", "half a", "dozens of"],
)
def test_every_spelled_start_is_an_anchor(start: str) -> None:
    """Each way a spelled figure can begin is found where it stands (the search first looks
    for the first letters; one missing from its list would hide every figure it begins)."""
    text = f"so {start} more"
    assert [m.start() for m in figures._SPELLED_ANCHOR_RE.finditer(text)][:1] == [3]


def every_anchor(lower: str) -> list[int]:
    """The reference: every place of `_SPELLED_ANCHOR_RE`, its own `finditer`."""
    return [m.start() for m in figures._SPELLED_ANCHOR_RE.finditer(lower)]


@pytest.mark.parametrize("source", ["corpus", "word soup", "every two ASCII characters"])
def test_the_anchors_are_every_place_of_the_anchor_pattern(source: str) -> None:
    """ASCII text is searched for the character before each place a spelled number can start
    (`_ANCHOR_AFTER_ASCII_RE`): the same places, in order, as the pattern itself finds; after
    any ASCII character at all, at the start of the text, in text that is not ASCII."""
    if source == "corpus":
        texts = corpus_texts()
    elif source == "word soup":
        texts = word_soup(3_000, seed=19)
    else:
        pairs = [chr(a) + chr(b) for a in range(128) for b in range(128)]
        texts = [f"{pair}one{pair}a half" for pair in pairs] + [f"{p}ten" for p in pairs]
    lowers = [t.lower() for t in texts] + [t.lower() + " «two»" for t in texts[:500]]
    differ = [t for t in lowers if list(figures._anchors(t)) != every_anchor(t)]
    assert not differ, differ[:5]
    assert sum(len(every_anchor(t)) for t in lowers) > 500


@pytest.mark.parametrize("source", ["corpus", "word soup"])
@pytest.mark.parametrize("which", ["spelled", "digits"])
def test_the_patterns_together_match_where_one_of_them_does(source: str, which: str) -> None:
    """`_ANY_SPELLED_RE` and `_ANY_FIGURE_RE`, one `match` standing for the twelve patterns of
    SPELLED_RES or FIGURE_RES (each with its own flags), match at exactly the places where one
    of them matches (at every place of every text)."""
    texts = corpus_texts() if source == "corpus" else word_soup(2_000, seed=17)
    together, each = (
        (figures._ANY_SPELLED_RE, SPELLED_RES)
        if which == "spelled"
        else (figures._ANY_FIGURE_RE, FIGURE_RES)
    )
    differ = [
        (text, at)
        for text in texts
        for at in range(len(text) + 1)
        if bool(together.match(text, at)) != any(p.match(text, at) for _, p in each)
    ]
    assert not differ, differ[:5]
    assert sum(1 for text in texts for at in range(len(text)) if together.match(text, at)) > 50


CASED_WORDS = ["Five", "FIVE", "five", "New", "new", "Senior", "senior", "Engineers", "teams"]


@pytest.mark.parametrize("source", ["corpus", "word soup", "letter case"])
def test_the_fast_spelled_test_rules_out_only_places_with_no_match(source: str) -> None:
    """In ASCII text, `_ANY_SPELLED_LOWER_RE` on the lower case matches wherever the spelled
    patterns match the text (at every place), so the places where it does not are skipped
    rightly; it is a filter only: "Five Senior Engineers" is no figure (a describing word is
    in lower case), though its lower case matches."""
    if source == "corpus":
        texts = corpus_texts()
    elif source == "word soup":
        texts = word_soup(2_000, seed=23)
    else:
        rng = random.Random(29)
        texts = [" ".join(rng.choice(CASED_WORDS) for _ in range(5)) for _ in range(2_000)]
    texts = [t for t in texts if t.isascii()]
    fast, full = figures._ANY_SPELLED_LOWER_RE.compiled, figures._ANY_SPELLED_RE.compiled
    missed = [
        (t, at)
        for t in texts
        for at in range(len(t))
        if full.match(t, at) and not fast.match(t.lower(), at)
    ]
    assert not missed, missed[:5]
    assert fast.match("five senior engineers") and not full.match("Five Senior Engineers")


DIGIT = "<digit>"
ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)


def _set_starts(items: list) -> set[str]:
    """The characters a parsed set (`[...]`) matches: literals, ranges and `\\d`."""
    out: set[str] = set()
    for op, arg in items:
        if op is sre_parse.LITERAL:
            out.add(chr(arg))
        elif op is sre_parse.RANGE:
            out |= {chr(c) for c in range(arg[0], arg[1] + 1)}
        else:
            assert (op, arg) == (sre_parse.CATEGORY, sre_parse.CATEGORY_DIGIT), (op, arg)
            out.add(DIGIT)
    return out


def starts(tree: sre_parse.SubPattern | list) -> tuple[set[str], bool]:
    """(the characters a match of the parsed sequence can start with, DIGIT for any digit;
    whether it can match the empty string)."""
    chars: set[str] = set()
    for op, arg in tree:
        if op in ZERO_WIDTH:
            continue
        if op is sre_parse.SUBPATTERN:
            first, empty = starts(arg[3])
        elif op is sre_parse.BRANCH:
            each = [starts(branch) for branch in arg[1]]
            first, empty = set().union(*(f for f, _ in each)), any(e for _, e in each)
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
            first, empty = starts(arg[2])
            empty = empty or arg[0] == 0
        elif op is sre_parse.LITERAL:
            first, empty = {chr(arg)}, False
        else:
            assert op is sre_parse.IN, op
            first, empty = _set_starts(arg), False
        chars |= first
        if not empty:
            return chars, False
    return chars, True


@pytest.mark.parametrize("index", [i for i, lead in enumerate(figures.FIGURE_LEADS) if lead])
def test_a_figure_starts_before_its_digits_only_with_one_of_its_firsts(index: int) -> None:
    """A pattern with a lead is tried before a run of digits only where the text holds one of
    its `FIGURE_FIRSTS`: every other character it can start with is a digit (tried anyway),
    read from the pattern's parse tree, in every letter case `re` compares."""
    pattern = FIGURE_RES[index][1]
    chars, empty = starts(sre_parse.parse(pattern.pattern, pattern.flags))
    assert not empty
    chars.discard(DIGIT)
    if pattern.flags & re.IGNORECASE:
        everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
        chars = set(re.findall(f"(?i)[{re.escape(''.join(chars))}]", everything))
    assert chars <= set(figures.FIGURE_FIRSTS[index])


def test_a_first_left_out_misses_a_figure() -> None:
    """Adversarial: the reading above bites, and so would the search. Without "U" among
    money's firsts, "USD 5" is read as "5" alone."""
    chars, _ = starts(sre_parse.parse(FIGURE_RES[0][1].pattern))
    assert "U" in chars and "$" in chars and "5" not in chars and DIGIT not in chars
    text = "It costs USD 5 a seat"
    assert sorted(figures._numeric(text)) == full_search(text, FIGURE_RES)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(figures, "_FIGURE_FIRSTS", figures._FIGURE_FIRSTS.replace("U", ""))
        assert sorted(figures._numeric(text)) != full_search(text, FIGURE_RES)
