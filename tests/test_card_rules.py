"""Card quality: the rules of studyguide.card_rules, each shown failing, then every card the
guide makes checked against them (issue 17: cards for recall, not trivia).

The whole-guide tests read docs/ the way the build does, so a contributor who adds a long,
duplicate or number-only card sees it fail here as well as in the build.
"""

from __future__ import annotations

import functools
import random
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from studyguide.card_rules import (
    MAX_BACK_WORDS,
    MAX_FRONT_WORDS,
    NEAR_DUPLICATE,
    SAME_ANSWER,
    EarlierCards,
    Question,
    answer_is_number,
    answer_words,
    check_cards,
    content_words,
    near_duplicate,
    same_answer,
    word_count,
)
from studyguide.cards import Card, collect_cards
from studyguide.claims import load_registry
from studyguide.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

CLAIMS = textwrap.dedent(
    """\
    sources:
      art:
        title: "An article"
        date: 2026-05-24
        note: one article
      wandb-docs-page:
        title: "W&B docs: a page"
        date: 2026-12-01
        url: https://docs.wandb.ai/example
      us:
        title: "Our examples"
        date: 2026-11-26
        note: ours
    claims:
      weight-tradeoffs:
        value: "40%"
        kind: fact
        source: art
      pay:
        value: "$170,000"
        kind: fact
        source: art
      rounds:
        value: "four rounds"
        kind: fact
        source: art
      alias-one:
        value: "exactly one version"
        kind: fact
        source: wandb-docs-page
      budget:
        value: "2 seconds"
        kind: example
        source: us
      name:
        value: "the comparison view"
        kind: example
        source: us
    """
)


def registry():
    reg, problems = load_registry(CLAIMS, "docs/claims.yml")
    assert problems == []
    return reg


def card(front: str, back: str, cid: str = "c", path: str = "docs/p.md", line: int = 1) -> Card:
    return Card(cid, "Deck", front, back, path, line, line + 1)


def messages(cards: list[Card]) -> list[str]:
    return [p.message.split(" — ")[0] for p in check_cards(cards, registry())]


# ---- each rule, failing and passing --------------------------------------------------------


def test_length_limits_count_what_a_reader_sees():
    reg = registry()
    assert word_count("Keep it under :claim[budget], see [the page](x.md).", reg) == 8
    assert word_count("**Bold** and `code`", reg) == 3
    assert word_count("Answer.\n\n*Reported by An article, 2026*", reg) == 1  # provenance left out
    fine = card(" ".join(["word"] * MAX_FRONT_WORDS), " ".join(["word"] * MAX_BACK_WORDS))
    assert messages([fine]) == []
    long_front = card(" ".join(["word"] * (MAX_FRONT_WORDS + 1)) + "?", "Short.")
    long_back = card("Short?", " ".join(["word"] * (MAX_BACK_WORDS + 1)))
    assert messages([long_front]) == [f'card "c" has a {MAX_FRONT_WORDS + 1}-word question']
    assert messages([long_back]) == [f'card "c" has a {MAX_BACK_WORDS + 1}-word answer']
    # A claim's value counts with all its words, not as one token.
    near = card("Short?", " ".join(["word"] * (MAX_BACK_WORDS - 1)) + " :claim[budget]")
    assert messages([near]) == [f'card "c" has a {MAX_BACK_WORDS + 1}-word answer']


def test_an_unverified_number_may_not_be_the_answer():
    reg = registry()
    number_only = card(
        "What pay does the article report?", ":claim[pay]\n\n*Reported by An article*"
    )
    assert answer_is_number(number_only, reg) == ["pay"]
    quantity = card(
        "How long is the latency budget?", "It is :claim[budget] for the dashboard query path."
    )
    assert answer_is_number(quantity, reg) == ["budget"]
    spelled = card("How many rounds are there?", ":claim[rounds]")
    assert answer_is_number(spelled, reg) == ["rounds"]
    assert messages([number_only]) == ['card "c" asks for an unverified number (pay)']


def test_figures_inside_reasoning_rubric_weights_and_documented_facts_are_allowed():
    reg = registry()
    reasoning = card(
        "Why precompute summaries?",
        "So the comparison stays inside its :claim[budget] budget while runs keep arriving.",
    )
    weight = card("What weight does trade-off articulation carry?", ":claim[weight-tradeoffs]")
    documented = card("How many versions can hold an alias?", ":claim[alias-one]")
    words = card("What powers it?", ":claim[name]")  # an example, but not a number
    for c in (reasoning, weight, documented, words):
        assert answer_is_number(c, reg) == [], c.front_md
    assert messages([reasoning, weight, documented, words]) == []


def test_near_duplicate_questions_are_reported_at_the_later_card():
    first = card("What is the first move when an interviewer asks a what-if follow-up?", "Admit.")
    again = card(
        "What's the first move when the interviewer asks a what-if follow-up question?",
        "Admit it.",
        cid="d",
        line=9,
    )
    other = card("What makes a mitigation concrete?", "A component.", cid="e")
    problems = check_cards([first, other, again], registry())
    assert [(p.line, p.message.split(" — ")[0]) for p in problems] == [
        (9, 'card "d" asks nearly the same as "c" (docs/p.md:1)')
    ]
    # Different questions, and templated questions about different subjects, are distinct.
    assert not near_duplicate("What makes a mitigation concrete?", "What makes a metric poor?")
    assert not near_duplicate(
        "Practice prompt **Tracing an LLM app**: which trade-off do you name?",
        "Practice prompt **Evaluating an LLM app**: which trade-off do you name?",
    )
    assert near_duplicate(
        "Practice prompt **Tracing**: which trade-off do you name?",
        "Practice prompt **Tracing**: which trade-offs do you name?",
    )
    assert content_words("Why do the FAQs matter?") == frozenset({"faq", "matter"})


def test_one_idea_under_two_questions_is_reported():
    shape = card(
        "Give the shape of a product-metrics answer.",
        "A north star that says users are better off, inputs the team can move now, and "
        "guardrails that must not get worse.",
    )
    again = card(
        "What are the three levels of product metrics?",
        "A north star saying users are better off, input metrics the team can move, and "
        "guardrail metrics that must not get worse.",
        cid="d",
        line=7,
    )
    problems = check_cards([shape, again], registry())
    assert [(p.line, p.message.split(" — ")[0]) for p in problems] == [
        (7, 'card "d" gives nearly the same answer as "c" (docs/p.md:1)')
    ]
    # Short answers may repeat (two rubric dimensions with the same weight).
    a = card("What weight does metric alignment carry?", ":claim[weight-tradeoffs]")
    b = card("What weight does communication carry?", ":claim[weight-tradeoffs]", cid="d")
    assert messages([a, b]) == []


# ---- every card of the guide ---------------------------------------------------------------


@pytest.fixture(scope="module")
def guide_cards() -> tuple[list[Card], list[Problem]]:
    reg, problems = load_registry((DOCS / "claims.yml").read_text(encoding="utf-8"))
    assert problems == []
    pages = {
        str(p.relative_to(DOCS)): p.read_text(encoding="utf-8")
        for p in sorted(DOCS.rglob("*.md"))
        if "includes" not in p.relative_to(DOCS).parts
    }
    cards, issues = collect_cards(reg, pages)
    return cards, issues


def test_every_card_of_the_guide_follows_the_rules(guide_cards):
    cards, problems = guide_cards
    assert [f"{p.path}:{p.line}: {p.message}" for p in problems] == []
    assert len(cards) >= 150, f"only {len(cards)} cards"


def test_every_card_traces_to_a_file_and_line_that_exist(guide_cards):
    cards, _ = guide_cards
    for c in cards:
        source = ROOT / c.source_path
        assert source.is_file(), f"{c.id}: {c.source_path} does not exist"
        lines = source.read_text(encoding="utf-8").count("\n") + 1
        assert 1 <= c.line <= lines, f"{c.id}: line {c.line} is outside {c.source_path}"


def test_decks_cover_recall_not_trivia(guide_cards):
    cards, _ = guide_cards
    decks = Counter(c.deck for c in cards)
    # Scripts are shapes to rehearse, never lines to recite word for word.
    scripts = [c for c in cards if c.deck == "Scripts"]
    assert scripts and all(c.front_md.startswith("Give the shape of") for c in scripts)
    assert all("::script[" not in c.back_md for c in cards)
    assert decks["Practice prompts"] >= 3 * 20
    fronts = [" ".join(c.front_md.lower().split()) for c in cards]
    assert len(set(fronts)) == len(fronts), "two cards ask exactly the same question"


def _first_by_pairs(
    sets: list[frozenset[str]], at: int, like: Callable[[frozenset[str]], bool]
) -> int | None:
    """The first earlier set `like` the one at `at`, by comparing every pair."""
    return next((i for i in range(at) if like(sets[i])), None)


def test_the_word_index_finds_what_comparing_every_pair_finds(guide_cards):
    # `EarlierCards` compares a card only with earlier cards sharing enough words: it must
    # report the same first twin as comparing every pair, on the guide's cards (questions
    # and answers) and on random word sets dense enough to hold many similar pairs.
    cards, _ = guide_cards
    reg, _ = load_registry((DOCS / "claims.yml").read_text(encoding="utf-8"), "docs/claims.yml")
    rng = random.Random(17)
    vocabulary = [f"w{i}" for i in range(12)]
    corpora = {
        "questions": [Question.of(c.front_md).words for c in cards],
        "answers": [answer_words(c.back_md, reg) for c in cards],
        "random": [frozenset(rng.sample(vocabulary, rng.randint(0, 9))) for _ in range(300)],
    }
    for name, sets in corpora.items():
        for threshold, rule in ((NEAR_DUPLICATE, similar_questions), (SAME_ANSWER, same_answer)):
            index: EarlierCards[frozenset[str]] = EarlierCards(threshold)
            found = 0
            for at, words in enumerate(sets):
                card = Card(str(at), "deck", "front", "back", "docs/x.md", 1)
                twin = index.first(words, functools.partial(rule, words))
                expected = _first_by_pairs(sets, at, functools.partial(rule, words))
                assert (None if twin is None else int(twin.id)) == expected, (name, at)
                found += expected is not None
                index.add(card, words, words)
            if name == "random":
                assert found > 50, f"too few similar pairs to test the index ({found})"


def similar_questions(a: frozenset[str], b: frozenset[str]) -> bool:
    """The near-duplicate rule on two questions without a subject."""
    return Question(None, a).asks_like(Question(None, b))
