"""MkDocs hook: the flashcard pages, generated from the guide on every build.

Thin event functions over `studyguide.cards` (where cards come from) and
`studyguide.deck_pages` (how deck pages look). Listed after `hooks/claims.py`, whose
`on_files` leaves the build's `BuildContext` in `config["guide"]`.

- on_files: extract every card from the claims and the pages, expand its claims with
  `process_page` (recording usage and problems in the context, which the claims hook reports
  with all others), add `flashcards/index.md` (with the study settings and backup), one
  `flashcards/<deck>.md` per deck and the cross-deck `review.md` as generated files (never
  written to docs/), and put the decks and the Review page in the nav.
- on_page_markdown: hand each generated flashcard page its cards. The generated file holds
  only front matter and a title, so the claims hook, which scans generated pages before this
  hook runs, does not read already expanded figures as unsourced ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from studyguide.cards import collect_cards, expand_cards  # noqa: E402
from studyguide.context import BuildContext  # noqa: E402
from studyguide.deck_pages import (  # noqa: E402
    FOLDER,
    INDEX,
    deck_nav,
    deck_slug,
    group_decks,
    render_deck,
    render_index,
)
from studyguide.review_page import (  # noqa: E402
    REVIEW,
    render_review,
    render_tools,
    review_nav_entry,
)

BODIES = "flashcard_pages"
CARD_IDS = "flashcard_ids"
HOME = "index.md"
# The home page's progress summary (docs/index.md), filled in by docs/assets/progress.js.
SUMMARY = "data-progress-summary"


def on_files(files: Files, config: object) -> Files:
    """Build the decks from this build's pages and add their generated pages and nav."""
    ctx: BuildContext = config["guide"]  # type: ignore[index]
    # The content pages as the claims hook read them (generated pages are not among them).
    cards, problems = collect_cards(ctx.registry, ctx.sources, claims_path=ctx.claims_path)

    index_file = File.generated(config, INDEX, content="")  # type: ignore[arg-type]
    deck_files = {
        slug: File.generated(config, f"{FOLDER}/{slug}.md", content="")  # type: ignore[arg-type]
        for slug in dict.fromkeys(deck_slug(c.deck) for c in cards)
    }
    expanded = []
    for card in cards:
        page_url = deck_files[deck_slug(card.deck)].url
        done, issues = expand_cards(
            [card],
            ctx.registry,
            ledger_url=get_relative_url("sources/", page_url),
            claims_path=ctx.claims_path,
            check_pages=False,
        )
        expanded += done
        problems += issues
    ctx.problems.extend(problems)

    decks = group_decks(expanded)
    bodies: dict[str, str] = {}
    for deck in decks:
        for card in deck.cards:
            for claim_id in card.used:
                ctx.mark_used(claim_id, deck.src_uri)
        meta, bodies[deck.src_uri] = render_deck(deck)
        deck_files[deck.slug].content_string = meta
        files.append(deck_files[deck.slug])
    hrefs = {d.slug: get_relative_url(deck_files[d.slug].url, index_file.url) for d in decks}
    downloads = get_relative_url("downloads/", index_file.url)
    review_file = File.generated(config, REVIEW, content="")  # type: ignore[arg-type]
    review_url = get_relative_url(review_file.url, index_file.url)
    meta, bodies[INDEX] = render_index(
        decks, downloads_url=downloads, hrefs=hrefs, review_url=review_url
    )
    bodies[INDEX] += render_tools()
    index_file.content_string = meta
    files.append(index_file)
    review_file.content_string, bodies[REVIEW] = render_review(decks)
    files.append(review_file)
    config[BODIES] = bodies  # type: ignore[index]
    config[CARD_IDS] = " ".join(i for d in decks for i in d.ids)  # type: ignore[index]
    if config["nav"] is not None:  # type: ignore[index]
        config["nav"] = _with_review(deck_nav(config["nav"], decks))  # type: ignore[index]
    return files


def _with_review(nav: list[object]) -> list[object]:
    """The nav with the Review page right after the flashcards index, in its section."""
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (value,) = item.values()
            if isinstance(value, list) and INDEX in value:
                value.insert(value.index(INDEX) + 1, review_nav_entry())
    return nav


def on_page_markdown(markdown: str, page: object, config: object, files: Files) -> str:
    """Give a generated flashcard page its cards, and the home page's progress summary the
    ids of every card (for its "N due · M new"); leave every other page as it is."""
    src = page.file.src_uri  # type: ignore[attr-defined]
    if src == HOME and SUMMARY in markdown:
        ids = config.get(CARD_IDS, "")  # type: ignore[attr-defined]
        return markdown.replace(SUMMARY, f'{SUMMARY} data-fc-ids="{ids}"', 1)
    body = config.get(BODIES, {}).get(src)  # type: ignore[attr-defined]
    return markdown if body is None else body
