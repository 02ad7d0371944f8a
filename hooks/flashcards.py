"""MkDocs hook: the flashcard pages, generated from the guide on every build.

Thin event function over `studyguide.cards` (where cards come from),
`studyguide.deck_pages` (how deck pages look) and `studyguide.deck_nav`. Listed after
`hooks/claims.py`, whose `on_files` leaves the build's `BuildContext` in the config
(checked: see `studyguide.hook_support.build_context`).

- on_files: extract every card from the claims and the pages, expand its claims with
  `expand_page` (recording usage and problems in the context, which the claims hook reports
  with all others), add `flashcards/index.md` (with the study settings and backup), one
  `flashcards/<deck>.md` per deck and the cross-deck `review.md` as generated pages (never
  written to docs/), and put the decks and the Review page in the nav. The pages' bodies
  are already expanded, so the claims hook uses them as given (`expand=False`). Also
  `flashcards/card-ids.json`, every card id, for the home page's summary.
- on_page_markdown: point the home page's progress summary at that file.
- on_page_content: frame each deck page's rendered cards (`studyguide.deck_slots`): a deck
  page is rendered as its cards' Markdown alone, which costs Python-Markdown about half as much
  as nested `markdown="1"` blocks, and framed here into the same HTML, first of every
  hook's on_page_content so the others see the page as served.
- on_page_context: fill the Review page with the deck pages' cards as rendered (after
  search has indexed it, so each card is indexed once, on its deck page).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from studyguide.card_expand import ExpandedCard, cards_from_json, cards_to_json, expand_card
from studyguide.cards import collect_cards
from studyguide.context import BuildContext, GeneratedPage
from studyguide.deck_nav import deck_nav
from studyguide.deck_pages import (
    FOLDER,
    INDEX,
    Deck,
    deck_slug,
    group_decks,
    render_deck,
    render_index,
)
from studyguide.deck_slots import SlottedDeck, fill_slots, slotted_deck
from studyguide.hook_support import add_generated_page, build_context, filled_content
from studyguide.problems import Problem
from studyguide.review_fill import fill_review, section_ids
from studyguide.review_page import REVIEW, render_review, render_tools, review_nav_entry

HOOK = "hooks/flashcards.py"
HOME = "index.md"
# The home page's progress summary (docs/index.md), filled in by docs/assets/progress.js;
# it gets the URL of a JSON list of every card id (for its "N due · M new"), fetched after the
# page has loaded: inline, the ids weighed 2.7 KB gzip at the home page's first render.
SUMMARY = "data-progress-summary"
# The deck pages' paths in deck order, for the Review page (kept in the config for one build).
REVIEW_DECKS = "guide_review_decks"
IDS = f"{FOLDER}/card-ids.json"
# Each deck page's frame by path, for on_page_content (kept in the config for one build).
DECK_FRAMES = "guide_deck_frames"


def _page(src_uri: str, page: tuple[str, str]) -> GeneratedPage:
    front_matter, body = page
    return GeneratedPage(src_uri, front_matter, lambda: body, expand=False)


def _expanded_cards(
    ctx: BuildContext, url: Callable[[str], str]
) -> tuple[list[ExpandedCard], list[Problem]]:
    """Every card of the build, expanded, and the problems found making them."""
    # The content pages as the claims hook read them (generated pages are not among them).
    cards, problems = collect_cards(ctx.registry, ctx.sources, claims_path=ctx.claims_path)
    # Each deck page's link to the ledger, worked out once per deck (not once per card).
    ledger_urls = {
        slug: get_relative_url("sources/", url(f"{FOLDER}/{slug}.md"))
        for slug in dict.fromkeys(deck_slug(c.deck) for c in cards)
    }
    # Card text is not scanned here: every card shows on its deck page, and the output check
    # reads that page as rendered and locates what it finds in the page or claims file the
    # card came from (a prompt at its own line in docs/claims.yml).
    expanded: list[ExpandedCard] = []
    for card in cards:
        done, issues = expand_card(
            card,
            ctx.registry,
            ledger_url=ledger_urls[deck_slug(card.deck)],
            check_prose=False,
        )
        expanded.append(done)
        problems += issues
    return expanded, problems


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Build the decks from this build's pages and add their generated pages and nav."""
    ctx = build_context(config, HOOK)

    def url(src_uri: str) -> str:
        """The URL MkDocs gives a generated page at `src_uri` (it depends on the config)."""
        return File.generated(config, src_uri, content="").url

    # The cards depend only on the claims, the pages and the URL style: a build with the
    # same ones as the build before reuses its cards (`studyguide.result_cache`).
    def key() -> str:
        return json.dumps(
            [
                ctx.claims_key,
                ctx.claims_path,
                config.use_directory_urls,
                sorted(ctx.sources.items()),
            ]
        )

    expanded, problems = ctx.results.value(
        "cards",
        key,
        lambda: _expanded_cards(ctx, url),
        lambda made: cards_to_json(*made),
        cards_from_json,
    )
    ctx.problems.extend(problems)

    decks = group_decks(expanded)
    config[DECK_FRAMES] = {}
    for deck in decks:
        for done_card in deck.cards:
            for claim_id in done_card.used:
                ctx.mark_used(claim_id, deck.src_uri)
        slotted = slotted_deck(deck)
        if slotted is None:
            page = render_deck(deck)
        else:
            config[DECK_FRAMES][deck.src_uri] = (deck, slotted)
            page = (slotted.front_matter, slotted.body)
        add_generated_page(files, config, ctx, _page(deck.src_uri, page))
    index_url = url(INDEX)
    hrefs = {d.slug: get_relative_url(url(d.src_uri), index_url) for d in decks}
    downloads = get_relative_url("downloads/", index_url)
    review_url = get_relative_url(url(REVIEW), index_url)
    meta, body = render_index(decks, downloads_url=downloads, hrefs=hrefs, review_url=review_url)
    add_generated_page(files, config, ctx, _page(INDEX, (meta, body + render_tools())))
    add_generated_page(files, config, ctx, _page(REVIEW, render_review(decks)))
    config[REVIEW_DECKS] = [d.src_uri for d in decks]
    ids = json.dumps([i for d in decks for i in d.ids], separators=(",", ":"))
    files.append(File.generated(config, IDS, content=ids))
    if config.nav is not None:
        config.nav = _with_review(deck_nav(config.nav, decks))
    return files


def _with_review(nav: list[object]) -> list[object]:
    """The nav with the Review page right after the flashcards index, in its section."""
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (value,) = item.values()
            if isinstance(value, list) and INDEX in value:
                value.insert(value.index(INDEX) + 1, review_nav_entry())
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the home page's progress summary where the list of card ids is."""
    if page.file.src_uri == HOME and SUMMARY in markdown:
        url = get_relative_url(IDS, page.file.url)
        return markdown.replace(SUMMARY, f'{SUMMARY} data-fc-ids-url="{url}"', 1)
    return markdown


# First of every hook's on_page_content: the others see a deck page's HTML as it is served.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put each deck page's cards into their frame (`studyguide.deck_slots`)."""
    found: tuple[Deck, SlottedDeck] | None = config[DECK_FRAMES].get(page.file.src_uri)
    if found is None:
        return html
    deck, slotted = found
    # A card that drew a rule of its own leaves the frame out of place: render in full.
    filled = fill_slots(html, slotted.frames)
    return filled_content(
        page, config, files, filled, lambda: render_deck(deck)[1], slotted.anchor_ids
    )


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Copy every deck page's rendered cards into the Review page (see `review_fill`)."""
    if page.file.src_uri != REVIEW or page.content is None:
        return context
    by_uri = {f.src_uri: f.page for f in context["pages"] if f.page is not None}
    decks = []
    for src_uri in config[REVIEW_DECKS]:
        deck = by_uri[src_uri]
        decks.append((deck.url, deck.content or ""))
    before = page.content
    page.content = fill_review(before, decks, page.url)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | section_ids(page.content)
    return context
