"""The Review page's cards, copied from the rendered deck pages (`studyguide.review_fill`):
every card section found whole, every relative link still reaching its target from the
Review page, and a Review page that lost its slot failing loudly."""

from __future__ import annotations

import pytest

from studyguide.links import rebase_urls
from studyguide.review_fill import (
    REVIEW_CARDS_SLOT,
    card_sections,
    fill_review,
    section_ids,
)

DECK = (
    '<h1>FAQ</h1><div class="fc-study"><section class="fc-panel">panel</section></div>'
    '<section class="fc-card" id="card-a" data-card-id="a"><p>A <a href="../../faq/#x">'
    "link</a></p><section><p>nested</p></section></section>\n"
    '<section class="fc-card fc-card--wide" id="card-b" data-card-id="b"><p>B</p></section>'
)


def test_card_sections_are_found_whole_and_in_order() -> None:
    found = card_sections(DECK)
    assert [s.split(">", 1)[0] for s in found] == [
        '<section class="fc-card" id="card-a" data-card-id="a"',
        '<section class="fc-card fc-card--wide" id="card-b" data-card-id="b"',
    ]
    assert found[0].endswith("<section><p>nested</p></section></section>")
    assert "fc-panel" not in "".join(found), "only cards, not the study panel"


def test_an_unclosed_card_section_is_refused() -> None:
    with pytest.raises(ValueError, match="never closed"):
        card_sections('<section class="fc-card" id="card-a"><p>A</p>')


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("../../sources/#claim-x", "../sources/#claim-x"),
        ("../../frameworks/impact-first/#step-2", "../frameworks/impact-first/#step-2"),
        ("../", "../flashcards/"),
        ("../../", "../"),
        ("./", "../flashcards/faq/"),
        ("#step-2", "../flashcards/faq/#step-2"),
        ("../../assets/diagram.svg", "../assets/diagram.svg"),
        ("https://docs.wandb.ai/guides/", "https://docs.wandb.ai/guides/"),
        ("mailto:a@b.c", "mailto:a@b.c"),
        ("/absolute/", "/absolute/"),
    ],
)
def test_links_reach_the_same_target_from_the_review_page(target: str, expected: str) -> None:
    markup = f'<a href="{target}">x</a><img src="{target}">'
    assert rebase_urls(markup, "flashcards/faq/", "review/") == (
        f'<a href="{expected}">x</a><img src="{expected}">'
    )


def test_an_anchor_inside_the_copied_markup_stays_as_it_is() -> None:
    markup = '<p id="note-1">n</p><a href="#note-1">1</a>'
    assert rebase_urls(markup, "flashcards/faq/", "review/") == markup


def test_links_are_rebased_without_directory_urls() -> None:
    markup = '<a href="../sources.html#c">x</a>'
    assert rebase_urls(markup, "flashcards/faq.html", "review.html") == (
        '<a href="sources.html#c">x</a>'
    )


def test_fill_puts_every_deck_s_cards_in_the_slot() -> None:
    page = f"<h1>Review</h1><div data-fc-list>{REVIEW_CARDS_SLOT}</div>"
    other = '<section class="fc-card" id="card-c" data-card-id="c"><p>C</p></section>'
    filled = fill_review(
        page, [("flashcards/faq/", DECK), ("flashcards/figures/", other)], "review/"
    )
    assert [filled.count(f'data-card-id="{c}"') for c in "abc"] == [1, 1, 1]
    assert filled.index('id="card-b"') < filled.index('id="card-c"')
    assert 'href="../faq/#x"' in filled
    assert {"card-a", "card-b", "card-c"} <= section_ids(filled)


@pytest.mark.parametrize("page", ["<h1>Review</h1>", REVIEW_CARDS_SLOT * 2])
def test_a_review_page_without_exactly_one_slot_fails(page: str) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        fill_review(page, [("flashcards/faq/", DECK)], "review/")
