"""Per-page feature scripts (studyguide/assets.py, hooks/assets.py): which features a page's
content calls for, one bundle per page with each source once, and how it is loaded."""

from __future__ import annotations

from studyguide.assets import FEATURES, STORE, after_load, bundle_features, features_for, loader
from studyguide.review_page import REVIEW_SLUG, render_tools

BY_NAME = {f.name: f for f in FEATURES}


def names(html: str) -> list[str]:
    return [f.name for f in features_for(html)]


def test_plain_pages_need_nothing() -> None:
    assert names("<p>Just text, no data-fc attributes</p>") == []


def test_markers_pick_features_in_load_order_after_the_store() -> None:
    assert names('<div data-fc-deck="faq">') == ["store", "cards"]
    assert names("<table data-fc-index></table>" + render_tools()) == ["store", "cards", "backup"]
    assert names("<div data-practice>") == ["store", "practice"]
    assert names("<div data-progress-summary>") == ["store", "progress"]
    assert names('<div data-fc-deck-row="x">') == []


def test_bundle_holds_each_source_once_and_vendored_files_verbatim() -> None:
    read = {
        p: f"/* {p} */ var x_{i} = 1;"
        for i, p in enumerate({p for f in (STORE, *FEATURES) for p in f.sources})
    }.__getitem__
    text = bundle_features([STORE, BY_NAME["backup"], BY_NAME["progress"]], read)
    head = text.splitlines()[0]
    assert head.count("assets/practice-history.js") == 1
    assert "assets/practice-score.js" not in head, "the room's arithmetic stays in the room"
    assert head.index("assets/storage.js") < head.index("assets/stores.js")
    cards = bundle_features([STORE, BY_NAME["cards"]], read)
    assert "/* assets/vendor/ts-fsrs.min.js */" in cards, "vendored text kept as is"
    assert "/* assets/srs.js */" not in cards, "own sources minified"


def test_only_summary_and_checklist_wait_for_load() -> None:
    assert after_load([STORE, BY_NAME["progress"]])
    assert not after_load([STORE, BY_NAME["progress"], BY_NAME["practice"]])
    assert not after_load([STORE])
    assert loader("a.js", lazy=False) == '<script src="a.js" defer></script>'
    lazy = loader("a.js", lazy=True)
    assert "addEventListener('load'" in lazy and '"a.js"' in lazy and "readyState" in lazy


def test_review_slug_is_not_a_deck_marker_clash() -> None:
    assert names(f'<div data-fc-deck="{REVIEW_SLUG}" data-fc-review>') == ["store", "cards"]


def test_review_page_holds_every_card_of_every_deck_once() -> None:
    from studyguide.card_expand import ExpandedCard
    from studyguide.cards import Card
    from studyguide.deck_pages import group_decks, render_deck
    from studyguide.review_fill import REVIEW_CARDS_SLOT, fill_review
    from studyguide.review_page import render_review
    from studyguide.scan import render_markdown

    def card(i: int, deck: str) -> ExpandedCard:
        c = Card(f"c{i}", deck, f"Q{i}?", f"A{i}.", source_path="faq.md", line=i)
        return ExpandedCard(card=c, front=f"Q{i}?", back=f"A{i}.", used=frozenset())

    decks = group_decks([card(1, "FAQ"), card(2, "Figures"), card(3, "FAQ")])
    meta, body = render_review(decks)
    assert "title: Review" in meta
    assert "data-fc-review" in body and f'data-fc-deck="{REVIEW_SLUG}"' in body
    assert "(flashcards/index.md)" in body, "links the settings on the index"
    # The cards come from the rendered deck pages, into the slot the page keeps for them.
    review_html = render_markdown(body)
    assert review_html.count(REVIEW_CARDS_SLOT) == 1
    rendered = [(f"flashcards/{d.slug}/", render_markdown(render_deck(d)[1])) for d in decks]
    filled = fill_review(review_html, rendered, "review/")
    assert [filled.count(f'data-card-id="c{i}"') for i in (1, 2, 3)] == [1, 1, 1]
    assert filled.index('data-card-id="c1"') < filled.index('data-card-id="c3"')
    assert filled.index('data-card-id="c3"') < filled.index('data-card-id="c2"'), "deck order"
