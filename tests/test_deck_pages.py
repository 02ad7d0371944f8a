"""Unit tests of studyguide.deck_pages (grouping, card HTML, index), .links and .deck_nav."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from studyguide.card_expand import ExpandedCard
from studyguide.cards import Card
from studyguide.deck_nav import deck_nav
from studyguide.deck_pages import (
    INDEX,
    deck_slug,
    group_decks,
    render_card,
    render_deck,
    render_index,
    render_study,
)
from studyguide.links import absolute_links, element_ids, rebase_links, relative_url


def card(cid: str, deck: str, front: str = "Q?", back: str = "A.", src: str = "docs/p.md"):
    return ExpandedCard(Card(cid, deck, front, back, src, 1), front, back, frozenset())


def test_group_decks_sorts_decks_and_keeps_card_order():
    decks = group_decks([card("b1", "Scripts"), card("a1", "FAQ"), card("b2", "scripts")])
    assert [(d.name, d.slug, d.ids) for d in decks] == [
        ("FAQ", "faq", ["a1"]),
        ("Scripts", "scripts", ["b1", "b2"]),
    ]
    assert decks[1].src_uri == "flashcards/scripts.md"


def test_a_deck_named_index_does_not_take_the_index_page():
    assert deck_slug("Index") == "index-deck"
    assert deck_slug("Interview and rubric") == "interview-and-rubric"
    assert group_decks([card("a", "Index")])[0].src_uri == "flashcards/index-deck.md"


def test_render_card_has_id_and_both_sides_in_plain_html():
    html = render_card(
        card("faq-x", "FAQ", "Why [lens](lens.md)?", "Because."), "flashcards/faq.md"
    )
    assert '<section class="fc-card" id="card-faq-x" data-card-id="faq-x" markdown="1">' in html
    assert html.index("Question") < html.index("Why") < html.index("Answer") < html.index("Because")
    assert "[lens](../lens.md)" in html


# Relative links in copied card text, rewritten: (rewrite, page written on, target, text,
# expected). Rebased links keep their targets and leave external links alone; absolute links
# point at directory URLs.
LINK_CASES = [
    (
        rebase_links,
        "frameworks/trade-offs.md",
        "flashcards/frameworks.md",
        "[a](b.md#x) [c](#y) [d](https://e.org/f) ![g](img/h.png) [i](/root)",
        "[a](../frameworks/b.md#x) [c](../frameworks/trade-offs.md#y) [d](https://e.org/f) "
        "![g](../frameworks/img/h.png) [i](/root)",
    ),
    (
        absolute_links,
        "frameworks/t.md",
        "https://g.example/",
        "[a](b.md#x) [c](../index.md) [d](#y) [e](sub/index.md) [f](mailto:a@b.c)",
        "[a](https://g.example/frameworks/b/#x) [c](https://g.example/) "
        "[d](https://g.example/frameworks/t/#y) [e](https://g.example/frameworks/sub/) "
        "[f](mailto:a@b.c)",
    ),
]


@pytest.mark.parametrize(("rewrite", "from_uri", "to", "text", "expected"), LINK_CASES)
def test_links_in_copied_text_still_reach_their_targets(rewrite, from_uri, to, text, expected):
    assert rewrite(text, from_uri, to) == expected


def test_relative_url():
    assert relative_url("sources/", "flashcards/faq/") == "../../sources/"
    assert relative_url("sources/", "flashcards/faq.html") == "../sources/"
    assert relative_url("flashcards/", "flashcards/") == "./"


def test_deck_nav_expands_the_flashcards_entry_in_place():
    decks = group_decks([card("a", "FAQ"), card("b", "Figures")])
    nav = [{"Home": "index.md"}, {"Flashcards": INDEX}, {"Sources": "sources.md"}]
    out = deck_nav(nav, decks)
    assert out[1] == {
        "Flashcards": [INDEX, {"FAQ": "flashcards/faq.md"}, {"Figures": "flashcards/figures.md"}]
    }
    assert out[0] == nav[0] and out[2] == nav[2]
    assert deck_nav(out, decks) == out  # idempotent on a rebuild in `serve`
    assert deck_nav([{"Home": "index.md"}], decks)[-1]["Flashcards"][0] == INDEX


def test_render_study_is_the_panel_a_new_reader_sees_with_the_first_question():
    deck = group_decks(
        [card("a", "FAQ", "First [lens](lens.md)?"), card("b", "FAQ", "Second?"), card("c", "FAQ")]
    )[0]
    panel = render_study(deck)
    assert "First [lens](../lens.md)?" in panel and "Second?" not in panel
    assert "data-card-id" not in panel, "the panel must not count as a second copy of a card"
    assert "New <b>3</b>" in panel and "Due now <b>0</b>" in panel
    assert "0 of 3 cards studied" in panel and "Cards left in this session: 3" in panel
    assert 'class="fc-grades" role="group"' in panel and "hidden>" in panel
    assert 'aria-controls="fc-list-faq"' in panel
    # Readers without JavaScript get the list instead of the panel, by a rule in the page's
    # <head> (overrides/main.html): a <noscript> holding <style> is invalid in the body.
    assert "<noscript>" not in panel


def test_render_deck_and_index():
    decks = group_decks([card("a", "FAQ"), card("b", "FAQ"), card("c", "Figures")])
    meta, body = render_deck(decks[0])
    assert meta.startswith('---\ntitle: "FAQ flashcards"')
    assert body.count("data-card-id=") == 2
    assert 'data-fc-deck="faq"' in body and "data-fc-study" in body
    assert body.index("data-fc-study") < body.index('id="fc-list-faq"')
    meta, body = render_index(decks, hrefs={"faq": "faq/", "figures": "figures/"})
    assert 'data-fc-ids="a b"' in body and 'href="faq/"' in body
    assert '<td class="fc-num">2</td>' in body and '<td class="fc-num">3</td>' in body
    assert 'href="../downloads/flashcards.apkg"' in body
    assert 'href="../downloads/flashcards.csv"' in body


ID_CASES = [
    '<p id="a">x</p><span id="b" data-id="c">',
    'xid="zz id="q"',  # no boundary before the first: the second is found inside it
    '_id="no" éid="no" ٣id="no" -id="yes" id="" id="unclosed',
    'id="first"',
    "no ids at all",
]


@pytest.mark.parametrize("markup", ID_CASES)
def test_element_ids_finds_what_the_word_boundary_pattern_finds(markup: str) -> None:
    assert element_ids(markup) == re.findall(r'\bid="([^"]+)"', markup)


def test_element_ids_agrees_on_every_page_and_word_character() -> None:
    # Its boundary test is `\w` as `re` defines it, for every code point.
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert (c.isalnum() or c == "_") == (re.match(r"\w", c) is not None), hex(code)
    pages = list(Path(__file__).resolve().parent.parent.joinpath("docs").rglob("*.md"))
    assert pages
    for page in pages:
        text = page.read_text("utf-8")
        assert element_ids(text) == re.findall(r'\bid="([^"]+)"', text), page
