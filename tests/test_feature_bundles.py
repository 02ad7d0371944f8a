"""Per-page feature scripts (studyguide/assets.py, hooks/assets.py): which features a page's
content calls for, one bundle per page with each source once, and how it is loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyguide.assets import (
    FEATURES,
    STORE,
    after_load,
    bundle_feature_styles,
    bundle_features,
    feature_styles,
    features_for,
    loader,
)
from studyguide.review_page import REVIEW_SLUG, render_tools

BY_NAME = {f.name: f for f in FEATURES}
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def names(html: str) -> list[str]:
    return [f.name for f in features_for(html)]


def test_plain_pages_need_nothing() -> None:
    assert names("<p>Just text, no data-fc attributes</p>") == []


def test_markers_pick_features_in_load_order_after_the_store() -> None:
    assert names('<div data-fc-deck="faq">') == ["store", "cards"]
    assert names("<table data-fc-index></table>" + render_tools()) == ["store", "index", "backup"]
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
    room = bundle_features([STORE, BY_NAME["practice"]], read).splitlines()[0]
    assert "assets/storage-backup.js" in head and "assets/storage-backup.js" not in room, (
        "export and import come with the backup feature only"
    )
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


def test_feature_styles_each_once_in_cascade_order() -> None:
    index = [STORE, BY_NAME["index"], BY_NAME["backup"]]
    assert feature_styles(index) == [
        "assets/notice.css",
        "assets/flashcards.css",
        "assets/backup.css",
    ]
    assert feature_styles([STORE, BY_NAME["practice"]]) == ["assets/practice.css"]
    assert bundle_feature_styles([STORE], lambda p: "") is None, "no styles: no stylesheet"
    css = bundle_feature_styles(index, lambda p: f"/* {p} */ .x {{ color : red }}")
    assert css is not None and css.splitlines()[0].count("assets/notice.css") == 1


def _attribute(marker: str) -> str:
    return marker.split("=")[0].strip('"')


@pytest.mark.parametrize("feature", [f for f in FEATURES if f.markers], ids=lambda f: f.name)
def test_guide_css_hides_each_feature_until_its_own_styles_show_it(feature) -> None:
    """guide.css keeps every feature's root out of sight (for the moment after an instant
    navigation when the new page's stylesheet has not arrived), and each feature's own
    stylesheet shows it again: a feature whose styles forgot would stay invisible."""
    gate = (DOCS / "assets/guide.css").read_text("utf-8")
    gated = re.search(r"((?:\[data-[a-z-]+\],?\s*)+)\{\s*visibility: hidden;", gate)
    assert gated, "guide.css has no gate"
    own = "".join((DOCS / p).read_text("utf-8") for p in feature.styles)
    for attr in {_attribute(m) for m in feature.markers}:
        assert f"[{attr}]" in gated.group(1), f"{attr} not hidden by guide.css"
        shown = re.search(rf"\[{attr}\][^{{]*\{{\s*visibility: visible;", own)
        assert shown, f"{feature.name}'s stylesheets never show [{attr}] again"


def _feature_css(site: Path, page: str) -> list[str]:
    """The text of each feature stylesheet a built page links."""
    from studyguide.bench.weight import linked_assets

    css, _ = linked_assets((site / page / "index.html").read_text("utf-8"))
    own = [u for u in css if "assets/page-" in u]
    return [(site / page / u).resolve().read_text("utf-8") for u in own]


@pytest.mark.integration
def test_each_page_links_the_styles_of_its_features_only(site_dir: Path) -> None:
    for path in {p for f in FEATURES for p in f.styles}:
        assert not (site_dir / path).exists(), f"{path} shipped unbundled"
    (practice,) = _feature_css(site_dir, "practice/")
    assert ".practice-app" in practice and ".fc-stage" not in practice
    (deck,) = _feature_css(site_dir, "flashcards/figures/")
    assert ".fc-stage" in deck and ".practice-app" not in deck and ".fc-file" not in deck
    (index,) = _feature_css(site_dir, "flashcards/")
    assert ".fc-file" in index and index.count(".fc-notice:empty") == 1
    (home,) = _feature_css(site_dir, "")
    assert ".progress-summary" in home and ".fc-stage" not in home
    assert _feature_css(site_dir, "frameworks/impact-first/") == []
    bundle = next((site_dir / "assets").glob("guide.*.min.css"))
    guide = bundle.read_text("utf-8")
    assert ".fc-stage" not in guide and ".practice-app" not in guide
    # In the <head>, after the guide's own stylesheet: it blocks the first paint and its
    # rules come later in the cascade.
    html = (site_dir / "practice/index.html").read_text("utf-8")
    at = html.index('<link rel="stylesheet" href="../assets/page-store-practice.')
    assert html.index(bundle.name) < at < html.index("</head>")
