"""A deck page as the build renders it: the cards' Markdown alone, their HTML frame put in after.

`deck_pages.render_deck` writes a deck page as Markdown with every card in nested
`markdown="1"` blocks (md_in_html). Python-Markdown then parses every tag of that frame twice
(MkDocs reads the raw HTML for anchor ids, md_in_html splits it into elements), which made a
deck page cost half as much again as another page of its size. The build instead renders
`slotted_deck`: the same heading and introduction, then each piece of card Markdown (the
first question again for the study panel, then each card's question and answer) between
horizontal rules (`***`: an element without text, so no inline pattern runs on it).
`fill_slots` replaces the n-th rule in the rendered HTML with the n-th piece of the frame,
written as Python-Markdown serialises it (attributes sorted, boolean attributes repeated,
one element a line), so the page's HTML is byte for byte the one `render_deck` gives. A test
renders both for every card of the guide and for a corpus of awkward card Markdown. A deck
whose cards hold block HTML or an empty side, or whose page does not come out with exactly
one rule per frame (a card drew a rule of its own, or swallowed one), is rendered the slow
way (`hooks/flashcards.py`).
"""

from __future__ import annotations

import html
from typing import NamedTuple

from studyguide.card_expand import ExpandedCard
from studyguide.deck_pages import (
    GRADES,
    SHOW_ANSWER,
    Deck,
    card_sides,
    deck_front_matter,
    deck_intro,
    study_counts,
    study_tools,
)
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

# Where the frame goes, as written and as rendered: a horizontal rule.
RULE = "***"
RULE_HTML = "<hr />"
# Inline HTML a card may hold (the claims' links and labels, emphasis, code): none of them is
# a block-level tag of Python-Markdown, so md_in_html leaves them in the text (a test holds
# the list against the site's Markdown). Any other tag, comment or declaration may start a
# raw HTML block, which renders differently inside a `markdown="1"` element than at the top:
# a deck with one is rendered the slow way.
INLINE_TAGS = ("a", "abbr", "b", "br", "code", "em", "i", "kbd", "small", "span", "strong")
_OTHER_HTML_RE = _compile(rf"<(?!/?(?:{'|'.join(INLINE_TAGS)})[\s/>])[A-Za-z!?/]")


class SlottedDeck(NamedTuple):
    """A deck page as (front matter, Markdown body with placeholders, HTML of each one),
    and the anchor ids its frame holds (MkDocs finds them in raw HTML; here they are not)."""

    front_matter: str
    body: str
    frames: tuple[str, ...]
    anchor_ids: frozenset[str]


def _study_open(deck: Deck) -> str:
    n = len(deck.cards)
    return (
        f'<div class="fc-deck" data-fc-deck="{deck.slug}">\n'
        '<div class="fc-study" data-fc-study="data-fc-study">\n'
        f'<p class="fc-counts">{study_counts(n)}</p>\n'
        '<div class="fc-progress">\n'
        f'<progress aria-label="Deck progress: cards studied" max="{n}" value="0"></progress>'
        f'<span class="fc-bar-text">0 of {n} cards studied</span></div>\n'
        '<div class="fc-stage">\n'
        f'<p aria-live="polite" class="fc-pos">Cards left in this session: {n}</p>\n'
        '<div aria-label="Question" class="fc-face fc-q" role="region" tabindex="-1">'
    )


def _study_close(deck: Deck) -> str:
    return (
        "</div>\n"
        '<div aria-label="Answer" aria-live="polite" class="fc-face fc-a" role="region"></div>\n'
        f"{SHOW_ANSWER}\n"
        '<div aria-label="How well did you remember it?" class="fc-grades" hidden="hidden" '
        f'role="group">{GRADES}</div>\n'
        '<div class="fc-done" hidden="hidden" tabindex="-1"></div>\n'
        "</div>\n"
        f"{study_tools(deck)}\n"
        '<p class="fc-notice" role="status"></p>\n'
        "</div>\n"
        f'<div class="fc-list" data-fc-list="data-fc-list" id="fc-list-{deck.slug}">'
    )


def _card_open(card: ExpandedCard) -> str:
    cid = html.escape(card.card.id, quote=True)
    return (
        f'<section class="fc-card" data-card-id="{cid}" id="card-{cid}">\n'
        '<div class="fc-side fc-front">\n<p class="fc-label">Question</p>'
    )


_CARD_MIDDLE = '</div>\n<div class="fc-side fc-back">\n<p class="fc-label">Answer</p>'
_CARD_CLOSE = "</div>\n</section>"


def slotted_deck(deck: Deck) -> SlottedDeck | None:
    """The deck page to render, and the frame `fill_slots` puts around its cards' HTML; None
    when a card is empty or holds HTML other than INLINE_TAGS (render `render_deck` then).

    Decks always hold a card (`group_decks` makes no empty deck)."""
    if not deck.cards:
        raise ValueError(f"deck {deck.name!r} has no cards")
    sides = [card_sides(card, deck.src_uri) for card in deck.cards]
    # Markdown pieces, and before each the HTML that goes there: the study panel around the
    # first question, then each card's question and answer.
    pieces = [sides[0][0]]
    frames = [_study_open(deck)]
    closing = _study_close(deck)
    for card, (front, back) in zip(deck.cards, sides, strict=True):
        frames += [f"{closing}\n{_card_open(card)}", _CARD_MIDDLE]
        pieces += [front, back]
        closing = _CARD_CLOSE
    frames.append(f"{_CARD_CLOSE}\n</div>\n</div>")
    if any(not piece or _OTHER_HTML_RE.search(piece) for piece in pieces):
        return None
    body = "".join(f"{RULE}\n\n{piece}\n\n" for piece in pieces)
    ids = {f"fc-list-{deck.slug}"} | {f"card-{card.card.id}" for card in deck.cards}
    return SlottedDeck(
        deck_front_matter(deck),
        f"{deck_intro(deck)}{body}{RULE}\n",
        tuple(frames),
        frozenset(ids),
    )


def fill_slots(page_html: str, frames: tuple[str, ...]) -> str | None:
    """The rendered page with its n-th rule replaced by the n-th frame, or None when it does
    not hold one rule per frame (then the page must be rendered from `render_deck`)."""
    parts = page_html.split(RULE_HTML)
    if len(parts) != len(frames) + 1:
        return None  # a card drew a rule of its own, or swallowed one of the frame's
    out = [parts[0]]
    for frame, part in zip(frames, parts[1:], strict=True):
        out += [frame, part]
    return "".join(out)
