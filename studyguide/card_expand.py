"""Flashcards expanded for reading: claim syntax on both sides turned into marked-up text.

Kept apart from `studyguide.cards` (which finds cards and names them): expansion runs the same
`expand_page` as every content page, so every figure on a card comes from the claims and is
recorded as used, and a card's own prose is checked for unsourced figures like a page's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from studyguide.cards import Card
from studyguide.claims import Registry
from studyguide.expand import PageResult, expand_page
from studyguide.problems import Problem


class ExpandedCard(NamedTuple):
    """A card with its claim syntax expanded: Markdown ready to render, and claims used."""

    card: Card
    front: str
    back: str
    used: frozenset[str]


def expand_card(
    card: Card, registry: Registry, *, ledger_url: str, check_prose: bool = True
) -> tuple[ExpandedCard, list[Problem]]:
    """Expand `:claim[ID]`/`::script[ID]` in both sides with `expand_page`.

    With `check_prose` the card text is also scanned for unsourced figures and quotes;
    the hook turns it off for cards copied from pages the claims hook already scanned.
    """
    front = expand_page(
        card.front_md,
        registry,
        card.source_path,
        first_line=card.line,
        ledger_url=ledger_url,
        check_prose=check_prose,
    )
    back = expand_page(
        card.back_md,
        registry,
        card.source_path,
        first_line=card.back_line or card.line,
        ledger_url=ledger_url,
        check_prose=check_prose,
    )
    return _expanded(card, front, back), front.problems + back.problems


def _expanded(card: Card, front: PageResult, back: PageResult) -> ExpandedCard:
    return ExpandedCard(card, front.markdown, back.markdown, front.used | back.used)


def expand_cards(
    cards: Iterable[Card],
    registry: Registry,
    *,
    ledger_url: str,
    claims_path: str = "docs/claims.yml",
    check_pages: bool = True,
) -> tuple[list[ExpandedCard], list[Problem]]:
    """Expand every card; cards from claim prompts are always scanned, page cards only
    when `check_pages` (pages already scanned by the claims hook need not be again)."""
    out, problems = [], []
    for card in cards:
        from_claims = card.source_path == claims_path
        done, issues = expand_card(
            card, registry, ledger_url=ledger_url, check_prose=check_pages or from_claims
        )
        if from_claims:
            # A prompt lives in the claims file itself, so a question it quotes is already
            # registered text; its figures are still checked.
            issues = [p for p in issues if p.kind != "unsourced-script"]
        out.append(done)
        problems += issues
    return out, problems


def cards_to_json(expanded: Iterable[ExpandedCard], problems: Iterable[Problem]) -> dict[str, Any]:
    """Expanded cards and their problems as JSON values (for `studyguide.result_cache`)."""
    return {
        "cards": [
            [list(e.card), e.front, e.back, sorted(e.used)]  # a card: its fields' values
            for e in expanded
        ],
        "problems": [p.to_json() for p in problems],
    }


def cards_from_json(data: dict[str, Any]) -> tuple[list[ExpandedCard], list[Problem]]:
    """The cards and problems `cards_to_json` wrote, as they were."""
    expanded = [
        ExpandedCard(Card(*card), front, back, frozenset(used))
        for card, front, back, used in data["cards"]
    ]
    return expanded, [Problem.from_json(p) for p in data["problems"]]
