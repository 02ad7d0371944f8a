"""`check_cards` against a plain reference: every rule as written, every pair compared.

`check_cards` reads each side's words once and looks up earlier cards through a word index;
the reference here reads the cards the first, obvious way (each rule's function on each
card, `near_duplicate` and `same_answer` on every earlier card). Both must report the same
problems, on the guide's own cards and on generated cards built to reach the corners: claims
and links on the front (read differently by the length rule and the duplicate rule), words
whose case is not ASCII, plurals, stop words, provenance lines and many near-twins.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from studyguide.card_rules import (
    MAX_BACK_WORDS,
    MAX_FRONT_WORDS,
    MIN_ANSWER_WORDS,
    NEAR_DUPLICATE,
    SAME_ANSWER,
    STOPWORDS,
    SUBJECT_RE,
    WORD_RE,
    answer_is_number,
    check_cards,
    content_words,
    read_text,
    similarity,
    without_marks,
    word_count,
)
from studyguide.cards import Card, collect_cards
from studyguide.claims import Registry, load_registry

DOCS = Path(__file__).resolve().parent.parent / "docs"


def plain_words(text: str) -> frozenset[str]:
    """`content_words` as first written: every word lowered one by one."""
    words = {w.lower() for w in WORD_RE.findall(without_marks(text))} - STOPWORDS
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def reference(cards: list[Card], registry: Registry) -> list[tuple[int, str, str]]:
    """What each rule finds, card by card, comparing every earlier card: (line, rule, detail)."""
    found = []
    for at, card in enumerate(cards):
        front = word_count(card.front_md, registry)
        back = len(WORD_RE.findall(read_text(card.back_md, registry)))
        if front > MAX_FRONT_WORDS:
            found.append((card.line, "question", str(front)))
        if back > MAX_BACK_WORDS:
            found.append((card.back_line or card.line, "answer", str(back)))
        numbers = answer_is_number(card, registry)
        if numbers:
            found.append((card.line, "number", ", ".join(numbers)))
        twin = next((c for c in cards[:at] if _asks_like(card.front_md, c.front_md)), None)
        if twin is not None:
            found.append((card.line, "twin", twin.id))
        mine = plain_words(read_text(card.back_md, registry))
        echo = next(
            (
                c
                for c in cards[:at]
                if _same_answer(mine, plain_words(read_text(c.back_md, registry)))
            ),
            None,
        )
        if twin is None and echo is not None:
            found.append((card.line, "echo", echo.id))
    return found


def _subject(front: str) -> str | None:
    m = SUBJECT_RE.search(front)
    return (m.group(1) or m.group(2)).strip().lower() if m else None


def _asks_like(a: str, b: str) -> bool:
    sa, sb = _subject(a), _subject(b)
    if sa and sb and sa != sb:
        return False
    return similarity(plain_words(a), plain_words(b)) >= NEAR_DUPLICATE


def _same_answer(a: frozenset[str], b: frozenset[str]) -> bool:
    return min(len(a), len(b)) >= MIN_ANSWER_WORDS and similarity(a, b) >= SAME_ANSWER


PATTERNS = [
    (r"has a (\d+)-word question", "question"),
    (r"has a (\d+)-word answer", "answer"),
    (r"asks for an unverified number \(([^)]*)\)", "number"),
    (r'asks nearly the same as "([^"]+)"', "twin"),
    (r'gives nearly the same answer as "([^"]+)"', "echo"),
]


def reported(cards: list[Card], registry: Registry) -> list[tuple[int, str, str]]:
    """What `check_cards` reports, as (line, rule, detail)."""
    out = []
    for problem in check_cards(cards, registry):
        rule = next((r, m) for p, r in PATTERNS if (m := re.search(p, problem.message)))
        out.append((problem.line, rule[0], rule[1].group(1)))
    return out


CLAIMS = """\
sources:
  art: {title: "An article", date: 2026-05-24, note: one}
  wandb-docs-x: {title: "W&B docs", date: 2026-12-01, url: "https://docs.wandb.ai/x"}
claims:
  pay: {value: "$170,000", kind: fact, source: art}
  rounds: {value: "four rounds of Interviews", kind: fact, source: art}
  alias: {value: "exactly one Version", kind: fact, source: wandb-docs-x}
  view: {value: "the comparison views", kind: fact, source: art}
"""

VOCABULARY = str.split(
    "the a of runs run Metrics metric trade-off trade-offs latency budget user users "
    "dashboard dashboards İstanbul ΣΟΦΙΑ Straße naïve café what how many why which "
    "is are does do alert alerts p95 v1.2 it’s don't sweep sweeps artifact artifacts "
    "Weave weave tracing trace LLM evals eval guardrail guardrails north star"
)
DECORATIONS = [
    "",
    "**",
    "_",
    "`",
    ":claim[pay]",
    ":claim[rounds]",
    ":claim[alias]",
    ":claim[view]",
    ":literal[2026-05]",
    "[the page](x.md)",
    "“a quote”",
]


def _text(rng: random.Random, words: int) -> str:
    parts = []
    for _ in range(words):
        word = rng.choice(VOCABULARY)
        mark = rng.choice(DECORATIONS) if rng.random() < 0.2 else ""
        if mark in ("**", "_", "`"):
            word = f"{mark}{word}{mark}"
        elif mark:
            word = f"{word} {mark}"
        parts.append(word)
    text = " ".join(parts)
    if rng.random() < 0.2:
        text += "\n\n*Reported by An article*"
    return text


def test_check_cards_reports_what_the_plain_reference_finds():
    registry, problems = load_registry(CLAIMS, "docs/claims.yml")
    assert problems == []
    rng = random.Random(2026)
    rules: list[str] = []
    for round_ in range(12):
        fronts = [_text(rng, rng.randint(1, 30)) + "?" for _ in range(11)] + ["How many runs?"]
        backs = [_text(rng, rng.randint(0, 45)) for _ in range(10)]
        backs += [":claim[pay]", ":claim[view]"]
        cards = [
            Card(
                f"c{round_}-{i}",
                "Deck",
                # Reuse a front or back now and then, reworded a little: near-twins.
                rng.choice(fronts) + rng.choice(["", " now", " **Tracing**"]),
                rng.choice(backs) + rng.choice(["", " again", " runs"]),
                "docs/p.md",
                i + 1,
                i + 2,
            )
            for i in range(40)
        ]
        expected = reference(cards, registry)
        assert reported(cards, registry) == expected, round_
        rules += [rule for _, rule, _ in expected]
    # Every rule fires, many times over.
    counts = Counter(rules)
    assert set(counts) == {rule for _, rule in PATTERNS} and min(counts.values()) >= 5, counts


def test_check_cards_agrees_with_the_reference_on_the_guide():
    registry, problems = load_registry((DOCS / "claims.yml").read_text("utf-8"))
    assert problems == []
    pages = {
        p.relative_to(DOCS).as_posix(): p.read_text("utf-8")
        for p in sorted(DOCS.rglob("*.md"))
        if "includes" not in p.relative_to(DOCS).parts
    }
    cards, _ = collect_cards(registry, pages)
    assert reported(cards, registry) == reference(cards, registry)
    # The guide's own fronts and backs, written into one deck twice: every card a twin.
    doubled = cards + [replace(c, id=f"{c.id}-again") for c in cards]
    assert reported(doubled, registry) == reference(doubled, registry)
    assert sum(rule == "twin" for _, rule, _ in reported(doubled, registry)) >= len(cards)


def test_content_words_lowers_words_as_the_plain_reading_does():
    for text in ["İstanbul Istanbul", "ΟΔΟΣ'S runs", "Straße STRASSE", "RUNS Runs runs", ""]:
        assert content_words(text) == plain_words(text), text
