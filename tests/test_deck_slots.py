"""studyguide.deck_slots: a deck page rendered as its cards' Markdown between placeholders,
then framed, is byte for byte the page `render_deck` gives through md_in_html.

Both are rendered with the site's own Markdown extensions and settings (mkdocs.yml), for
every deck of the guide and for decks of awkward card Markdown; where a card's Markdown
swallows a placeholder, `fill_slots` must say so (None) and never return other HTML.
"""

from __future__ import annotations

import functools
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from studyguide.card_expand import ExpandedCard, expand_card
from studyguide.cards import Card, collect_cards
from studyguide.claims import load_registry
from studyguide.deck_pages import Deck, group_decks, render_deck
from studyguide.deck_slots import INLINE_TAGS, fill_slots, slotted_deck

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# Card Markdown that nests, ends in a block that could run on, or holds raw HTML.
AWKWARD = [
    "Plain answer.",
    "- a list\n- that ends the card",
    "1. ordered\n2. list\n\n    indented continuation",
    "- loose\n\n- list",
    "Para\n\n```python\ncode = 1\n```",
    "    indented code at the end",
    '!!! note "An admonition"\n    With a body.',
    '??? question "Collapsed?"\n    Yes.',
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "### A heading in a card\n\nText under it.",
    "Text with a footnote.[^1]\n\n[^1]: The note.",
    "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language",
    "A paragraph with attributes.\n{: .special #own-id }",
    '<a class="claim" href="#x">4 regions<span class="claim__kind">example</span></a> start.',
    "<span>a span</span> at the start\n<br>\n<b>bold</b> <code>x</code>",
    "Text, then on its own line:\n\n<strong>strong</strong>",
    "Mid-line <em>emphasis</em> and <kbd>K</kbd>",
    "",
    "a < b and c<d, <= 3",
    "<div>raw block</div>",
    "<div markdown>\n*nested* Markdown\n</div>",
    '=== "One"\n\n    First tab.\n\n=== "Two"\n\n    Second tab.',
    "- [x] done\n- [ ] not yet",
    "Term\n: Its definition",
    "> A quote\nthat runs on lazily",
    "Line with a [link](other.md#part) and `code` and **bold**.",
    "Ends with two spaces  ",
    "Ends with a backslash \\",
    "&amp; &copy; entities < and >",
    "```\nan unclosed fence",
    "<div>an unclosed block",
    "<!-- a comment",
    "A rule of its own\n\n***\n\nbelow it",
    "Setext heading\n---",
    "A paragraph\n***",
    "- a list then a rule\n\n---",
    "* * *",
]


@functools.cache
def site_config() -> MkDocsConfig:
    """The site's mkdocs.yml, read once."""
    return load_config(str(ROOT / "mkdocs.yml"))


def site_markdown() -> markdown.Markdown:
    """A Markdown converter with the extensions and settings of the site's mkdocs.yml."""
    config = site_config()
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


def render(text: str) -> str:
    return site_markdown().convert(text)


def framed(deck: Deck) -> str | None:
    """The deck page's HTML the fast way, or None when the build would render it in full."""
    slotted = slotted_deck(deck)
    return None if slotted is None else fill_slots(render(slotted.body), slotted.frames)


def card(i: int, front: str, back: str) -> ExpandedCard:
    return ExpandedCard(
        Card(f"c{i}", "Deck", front, back, "docs/p.md", 1), front, back, frozenset()
    )


def test_every_deck_of_the_guide_renders_as_through_md_in_html() -> None:
    reg, _ = load_registry((DOCS / "claims.yml").read_text("utf-8"), "docs/claims.yml")
    pages = {
        p.relative_to(DOCS).as_posix(): p.read_text("utf-8")
        for p in sorted(DOCS.rglob("*.md"))
        if "includes" not in p.relative_to(DOCS).parts
    }
    cards, _ = collect_cards(reg, pages)
    expanded = [
        expand_card(c, reg, ledger_url="../../sources/", check_prose=False)[0] for c in cards
    ]
    decks = group_decks(expanded)
    assert len(decks) >= 4
    for deck in decks:
        assert framed(deck) == render(render_deck(deck)[1]), deck.slug


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_card_markdown_renders_the_same_or_is_refused(text: str) -> None:
    # As the question, the answer and both, first in the deck (so in the study panel too)
    # and last (so at the end of the page).
    plain = "A plain question?"
    for cards in (
        [card(1, text, "Plain."), card(2, plain, "Two.")],
        [card(1, plain, "One."), card(2, plain + " Again?", text)],
        [card(1, text, text)],
    ):
        (deck,) = group_decks(cards)
        got = framed(deck)
        assert got is None or got == render(render_deck(deck)[1])


def test_block_html_or_an_empty_side_is_rendered_in_full() -> None:
    # A raw HTML block renders with a blank line after it at the top, not in md_in_html.
    for text in ("<div>raw block</div>", "<!-- note -->", "<p>para</p>", "", "<https://x.y>"):
        (deck,) = group_decks([card(1, "Q?", text)])
        assert slotted_deck(deck) is None, text
    (deck,) = group_decks([card(1, "Q?", "A <span>span</span> and <a href='#'>a link</a>.")])
    assert slotted_deck(deck) is not None


def test_inline_tags_are_none_of_the_sites_block_level_tags() -> None:
    assert not set(INLINE_TAGS) & set(site_markdown().block_level_elements)


def test_a_card_that_draws_a_rule_is_refused() -> None:
    # A card's own rule, and the one above the footnotes Python-Markdown adds.
    for text in ("Above.\n\n***\n\nBelow.", "Note.[^1]\n\n[^1]: Foot.", "Above\n\n- - -"):
        (deck,) = group_decks([card(1, "Q?", text), card(2, "Q2?", "A.")])
        slotted = slotted_deck(deck)
        assert slotted is not None
        assert fill_slots(render(slotted.body), slotted.frames) is None, text


def test_the_frame_names_the_anchors_md_in_html_would_find() -> None:
    (deck,) = group_decks([card(1, "Q?", "A."), card(2, "Q2?", "B.")])
    slotted = slotted_deck(deck)
    assert slotted is not None
    assert slotted.anchor_ids == {"fc-list-deck", "card-c1", "card-c2"}
    with pytest.raises(ValueError, match="no cards"):
        slotted_deck(Deck("Empty", "empty", ()))
