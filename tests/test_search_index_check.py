"""The search index check blanks the page's own claim values before it looks for figures.

Material's index holds a page's text without its markup, so every figure the page shows as
a claim comes back as plain text. The check blanks those values (`blank_values`) where they
stand as words of their own, as the page check removes a claim's markup, and looks for
figures in what is left. These tests hold it to that: the index reports what the page check
would on the same text (a generated corpus), a hand-written claim the page check lets pass
is still caught in the index, and a value is blanked only as a whole word.
"""

from __future__ import annotations

import html
import json
import random

import pytest

from studyguide.claims import load_registry
from studyguide.locate import SourceFile
from studyguide.output_check import OutputCheck, blank_values

REGISTRY, _ = load_registry(
    "sources:\n  s:\n    title: S\n    date: 2026-01-01\n    note: n\nclaims:\n"
    '  a:\n    value: "12 teams"\n    kind: fact\n    source: s\n'
    '  b:\n    value: "about 40%"\n    kind: example\n    source: s\n'
    '  c:\n    value: "three rounds"\n    kind: fact\n    source: s\n'
    '  d:\n    value: "$1.2M"\n    kind: example\n    source: s\n'
)
VALUES = ("12 teams", "about 40%", "three rounds", "$1.2M")
PAGE = SourceFile("docs/p.md", "# P\n")


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("We had 12 teams.", ("12 teams",), "We had ."),
        ("12 teams", ("12 teams",), ""),
        ("We had 112 teams and 12 teamsters.", ("12 teams",), "We had 112 teams and 12 teamsters."),
        ("From 12 teams to 12 teams, twice.", ("12 teams",), "From to , twice."),
        # Longest first: the longer value is blanked whole, not cut by the shorter.
        ("It rose about 40% in a year.", ("about 40%", "40%"), "It rose in a year."),
        ("A $1.2M budget, not $1.2Mn.", ("$1.2M",), "A budget, not $1.2Mn."),
        ("Nothing to blank here.", ("12 teams",), "Nothing to blank here."),
    ],
)
def test_blank_values_blanks_whole_words_only(
    text: str, values: tuple[str, ...], expected: str
) -> None:
    assert blank_values(text, values) == expected


def _index(text: str, url: str = "p/") -> str:
    return json.dumps({"docs": [{"location": url, "title": "P", "text": f"<p>{text}</p>"}]})


def _search_findings(text: str, local: set[str]) -> list[str]:
    check = OutputCheck(REGISTRY)
    problems = check.search_index(
        _index(html.escape(text)), {"p/": ([PAGE], "docs/p.md")}, {}, {"p/": local}
    )
    return sorted(p.message.split('"')[1] for p in problems)


def test_a_value_does_not_join_the_number_before_it_into_a_figure() -> None:
    # The page shows "of 2 <a class="claim">$1.2M</a>": its check reads "of 2 " and finds
    # nothing. Before blanking, the index read "2 $" as a figure the page does not show.
    assert _search_findings("One of 2 $1.2M budgets.", {"$1.2M"}) == []


def test_a_figure_beside_a_value_is_still_found() -> None:
    found = _search_findings("We had 12 teams, then 120 teams and 7 rounds.", {"12 teams"})
    assert found == ["120 teams", "7 rounds"]


def test_a_hand_written_claim_is_caught_in_the_index() -> None:
    """A hand-written `<a class="claim">` passes the page check (its markup exempts it);
    its text is no claim's value, so the index, where the markup is gone, reports it."""
    markup = (
        '<p>We saved <a class="claim" href="#x">$5,000 in savings</a> and '
        '<a class="claim" href="#a">12 teams</a>.</p>'
    )
    check = OutputCheck(REGISTRY)
    document = f'<html><body><article class="md-content__inner">{markup}</article></body></html>'
    assert check.page(document, [PAGE], "docs/p.md") == []
    found = _search_findings("We saved $5,000 in savings and 12 teams.", {"12 teams"})
    assert found == ["$5,000"]


def test_without_the_page_values_nothing_is_blanked() -> None:
    # A page the hook could not read (no `local` entry): every value is exempt as before.
    check = OutputCheck(REGISTRY)
    text = "We had 12 teams and 5 people."
    problems = check.search_index(_index(text), {"p/": ([PAGE], "docs/p.md")}, {}, None)
    assert [p.message.split('"')[1] for p in problems] == ["5 people"]


FILLER = ["we", "had", "then", "of", "and", "the", "budget", "teams", "in", "a", "year", ","]
TYPED = ["5 people", "7 rounds", "120 teams", "40", "2", "$3", "ms"]


def _sentence(rng: random.Random) -> list[tuple[str, bool]]:
    """Words of one sentence, each with whether the page marks it as a claim."""
    words: list[tuple[str, bool]] = []
    for _ in range(rng.randint(3, 12)):
        pick = rng.random()
        if pick < 0.3:
            words.append((rng.choice(VALUES), True))
        elif pick < 0.5:
            words.append((rng.choice(TYPED), False))
        else:
            words.append((rng.choice(FILLER), False))
    return words


def test_the_index_reports_what_the_page_check_reports_on_the_same_text() -> None:
    """2,000 generated sentences, each a page whose claims carry markup and, as its search
    index entry, the same text without markup: the index's findings (with the page's values
    blanked) are exactly the page check's. Without the blanking, 257 of them differ: the index
    reports figures the page does not show ("2 $" before the claim "$1.2M") and misses some
    it does ("5 people" right after the claim "about 40%")."""
    rng = random.Random(13)
    differ = []
    for _ in range(2_000):
        words = _sentence(rng)
        marked = " ".join(
            f'<a class="claim" href="#c">{html.escape(w)}</a>' if claim else html.escape(w)
            for w, claim in words
        )
        plain = " ".join(w for w, _ in words)
        check = OutputCheck(REGISTRY)
        document = (
            f'<html><body><article class="md-content__inner"><p>{marked}</p></article>'
            "</body></html>"
        )
        on_page = sorted(p.message.split('"')[1] for p in check.page(document, [PAGE], "x"))
        shown = {w for w, claim in words if claim}
        if _search_findings(plain, shown) != on_page:
            differ.append(plain)
    assert differ == []
