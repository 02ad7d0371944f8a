"""The flashcard pages as Markdown: one page per deck and an index of decks.

Every card is plain HTML in the page, question and answer both visible, so the decks read
without JavaScript, print whole and are found by search; `docs/assets/flashcards-study.js` turns a
deck page into a one-card-at-a-time study session. Each card element carries
`data-card-id`, the id the browser stores progress under.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from studyguide.card_expand import ExpandedCard
from studyguide.cards import slugify
from studyguide.links import rebase_links

FOLDER = "flashcards"
INDEX = f"{FOLDER}/index.md"
DOWNLOADS = "downloads/flashcards"


@dataclass(frozen=True)
class Deck:
    """A deck: display name, slug (its page is `flashcards/<slug>.md`) and its cards."""

    name: str
    slug: str
    cards: tuple[ExpandedCard, ...]

    @property
    def src_uri(self) -> str:
        """The deck page's path under docs/ (the page exists only in the build)."""
        return f"{FOLDER}/{self.slug}.md"

    @property
    def ids(self) -> list[str]:
        """The ids of the deck's cards, in page order."""
        return [c.card.id for c in self.cards]


@functools.lru_cache(maxsize=256)
def deck_slug(name: str) -> str:
    """The slug of a deck's page; never `index`, which is the page listing the decks.
    Kept per name: a build asks once per card, over a handful of decks."""
    slug = slugify(name)
    return "index-deck" if slug == "index" else slug


def group_decks(cards: Iterable[ExpandedCard]) -> list[Deck]:
    """Cards grouped into decks, decks sorted by name, cards kept in their given order.

    Deck names that differ only in case or punctuation share a slug and so one deck (the
    first spelling seen names it).
    """
    names: dict[str, str] = {}
    members: dict[str, list[ExpandedCard]] = {}
    for card in cards:
        slug = deck_slug(card.card.deck)
        names.setdefault(slug, card.card.deck)
        members.setdefault(slug, []).append(card)
    return sorted(
        (Deck(names[s], s, tuple(members[s])) for s in members), key=lambda d: d.name.lower()
    )


def card_sides(card: ExpandedCard, deck_uri: str) -> tuple[str, str]:
    """The card's question and answer Markdown, links rebased onto the deck page."""
    src = card.card.source_path.removeprefix("docs/")
    if not src.endswith(".md"):
        return card.front.strip(), card.back.strip()
    return (
        rebase_links(card.front, src, deck_uri).strip(),
        rebase_links(card.back, src, deck_uri).strip(),
    )


def render_card(card: ExpandedCard, deck_uri: str) -> str:
    """One card as an HTML section with Markdown inside: question, then answer."""
    cid = html.escape(card.card.id, quote=True)
    front, back = card_sides(card, deck_uri)
    return (
        f'<section class="fc-card" id="card-{cid}" data-card-id="{cid}" markdown="1">\n'
        f'<div class="fc-side fc-front" markdown="1">\n'
        f'<p class="fc-label">Question</p>\n\n{front}\n\n</div>\n'
        f'<div class="fc-side fc-back" markdown="1">\n'
        f'<p class="fc-label">Answer</p>\n\n{back}\n\n</div>\n'
        f"</section>\n"
    )


def button(label: str, cls: str, attrs: str = "") -> str:
    return f'<button type="button" class="md-button {cls}"{attrs}>{label}</button>'


# The study panel's answer button and grade buttons, as raw HTML (kept as written).
SHOW_ANSWER = (
    "<div>"
    + button("Show answer", "md-button--primary fc-show", ' aria-keyshortcuts="Space"')
    + "</div>"
)
GRADES = "".join(
    button(
        label,
        f"fc-grade fc-grade--{label.lower()}",
        f' data-grade="{label.lower()}" aria-keyshortcuts="{i}"',
    )
    for i, label in enumerate(("Again", "Hard", "Good", "Easy"), start=1)
)


def study_tools(deck: Deck) -> str:
    """The study panel's row of tools (shuffle, show all cards, reset), as raw HTML."""
    return (
        '<div class="fc-tools">'
        + button("Shuffle", "fc-tool fc-shuffle", ' aria-pressed="false"')
        + button(
            "Show all cards",
            "fc-tool fc-browse",
            f' aria-expanded="false" aria-controls="fc-list-{deck.slug}"',
        )
        + button("Reset progress", "fc-tool fc-reset")
        + "</div>"
    )


def study_counts(n: int) -> str:
    """The study panel's counts for a deck of `n` cards a reader has not studied yet."""
    return " · ".join(
        f'<span class="fc-count" data-fc-count="{name.lower()}">{name} <b>{value}</b></span>'
        for name, value in (("Due now", 0), ("New", n), ("Learning", 0), ("Review", 0))
    )


def render_study(deck: Deck) -> str:
    """The study panel as a new reader first sees it: counts, progress, the first card's
    question and the controls, in their final place and size.

    Rendered on the server so the script only fills it in and nothing below it moves when
    the script runs (layout shift). The card list below it is hidden by the stylesheet from
    the first paint for the same reason. Readers without JavaScript never see the panel: the
    `<noscript>` style in the page's <head> (overrides/main.html) hides it and shows the list.
    """
    n = len(deck.cards)
    counts = study_counts(n)
    front = card_sides(deck.cards[0], deck.src_uri)[0] if deck.cards else ""
    return (
        '<div class="fc-study" data-fc-study markdown="1">\n'
        f'<p class="fc-counts">{counts}</p>\n'
        f'<div class="fc-progress"><progress max="{n}" value="0" '
        'aria-label="Deck progress: cards studied"></progress>'
        f'<span class="fc-bar-text">0 of {n} cards studied</span></div>\n'
        '<div class="fc-stage" markdown="1">\n'
        f'<p class="fc-pos" aria-live="polite">Cards left in this session: {n}</p>\n'
        '<div class="fc-face fc-q" role="region" aria-label="Question" tabindex="-1" '
        f'markdown="1">\n\n{front}\n\n</div>\n'
        '<div class="fc-face fc-a" role="region" aria-label="Answer" aria-live="polite">'
        "</div>\n"
        f"{SHOW_ANSWER}\n"
        '<div class="fc-grades" role="group" aria-label="How well did you remember it?" '
        f"hidden>{GRADES}</div>\n"
        '<div class="fc-done" tabindex="-1" hidden></div>\n'
        "</div>\n"
        f"{study_tools(deck)}\n"
        '<p class="fc-notice" role="status"></p>\n'
        "</div>\n"
        # Without JavaScript the page's <head> hides this panel (overrides/main.html).
    )


def render_deck(deck: Deck) -> tuple[str, str]:
    """The deck page as (front matter, body): a heading, the study panel the script fills in,
    and every card in plain HTML."""
    cards = "\n".join(render_card(c, deck.src_uri) for c in deck.cards)
    body = (
        f"{deck_intro(deck)}"
        f'<div class="fc-deck" data-fc-deck="{deck.slug}" markdown="1">\n'
        f"{render_study(deck)}"
        f'<div class="fc-list" id="fc-list-{deck.slug}" data-fc-list markdown="1">\n\n'
        f"{cards}\n"
        "</div>\n</div>\n"
    )
    return deck_front_matter(deck), body


def deck_front_matter(deck: Deck) -> str:
    """A deck page's front matter: its title and meta description, and out of the search.

    Search leaves decks out: a deck is one entry (its cards have no headings), so a hit led
    to the top of the deck, where the study panel shows one card at a time, with text the
    guide's pages explain in context. Their cards were a quarter of the index's text, which
    every reader who searches, or saves the guide offline, downloads.
    """
    return (
        "---\n"
        f"title: {_yaml_str(deck.name + ' flashcards')}\n"
        f"description: {_yaml_str('Flashcards for the ' + deck.name + ' deck, with spaced repetition in your browser.')}\n"  # noqa: E501
        "search:\n  exclude: true\n"
        "---\n"
    )


def deck_intro(deck: Deck) -> str:
    """A deck page's heading and first paragraph, as Markdown."""
    return (
        f"# {deck.name}\n\n"
        f"Cards in this deck: {len(deck.cards)}. Study them one at a time below, or read the "
        "whole deck in the list; your progress stays in this browser. "
        "[All decks](index.md)\n\n"
    )


def render_index(
    decks: Sequence[Deck],
    downloads_url: str = "../downloads/",
    hrefs: Mapping[str, str] | None = None,
    review_url: str = "../review/",
) -> tuple[str, str]:
    """The index page as (front matter, body): a table of decks with card counts, due and new
    counts (filled in by the script), and the download links.

    `hrefs` maps a deck slug to its page's URL relative to the index (default `<slug>/`).
    """
    hrefs = hrefs or {}
    meta = (
        "---\n"
        "title: Flashcards\n"
        "description: Decks built from this guide on every build, scheduled in your browser "
        "and exported for Anki.\n"
        "---\n"
    )
    rows = "\n".join(
        f'<tr data-fc-deck-row="{d.slug}" data-fc-ids="{html.escape(" ".join(d.ids))}">'
        f'<td><a href="{html.escape(hrefs.get(d.slug, d.slug + "/"))}">'
        f"{html.escape(d.name)}</a></td>"
        f'<td class="fc-num">{len(d.cards)}</td>'
        '<td class="fc-num" data-fc-due>–</td><td class="fc-num" data-fc-new>–</td></tr>'
        for d in decks
    )
    total = sum(len(d.cards) for d in decks)
    body = (
        "# Flashcards\n\n"
        "Every card is built from this guide when the site is built, so the decks follow the "
        "pages. Pick a deck to study one card at a time, or review every deck at once: the "
        "schedule (FSRS) keeps a card away longer each time you know it, and brings it back "
        "soon when you do not. Progress is saved in this browser only.\n\n"
        f'<p class="fc-review-link"><a class="md-button md-button--primary" href="{review_url}">'
        "Review all decks</a> <span data-fc-review-line></span></p>\n\n"
        '<table class="fc-index" data-fc-index>\n'
        "<thead><tr><th>Deck</th><th>Cards</th><th>Due now</th><th>New</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n"
        f'<tfoot><tr><td>All decks</td><td class="fc-num">{total}</td>'
        '<td class="fc-num" data-fc-due>–</td><td class="fc-num" data-fc-new>–</td></tr></tfoot>\n'
        "</table>\n\n"
        "## Downloads\n\n"
        f'- <a href="{downloads_url}flashcards.apkg" download>Anki deck (.apkg)</a>: one '
        "subdeck per deck. Importing a newer copy updates the notes you have and adds new "
        "ones, without duplicates.\n"
        f'- <a href="{downloads_url}flashcards.csv" download>CSV (front, back, deck, id)</a>: '
        "for Quizlet and other tools.\n"
    )
    return meta, body


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
