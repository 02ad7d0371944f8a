"""MkDocs hook: the flashcard pages, generated from the guide on every build.

Thin event functions over `studyguide.cards` (where cards come from) and
`studyguide.deck_pages` (how deck pages look). Listed after `hooks/claims.py`, whose
`on_files` leaves the build's `BuildContext` in `config["guide"]`.

- on_files: extract every card from the claims and the pages, expand its claims with
  `expand_page` (recording usage and problems in the context, which the claims hook reports
  with all others), add `flashcards/index.md` and one `flashcards/<deck>.md` per deck as
  generated files (never written to docs/), and put the decks in the nav.
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

BODIES = "flashcard_pages"


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
    meta, bodies[INDEX] = render_index(decks, downloads_url=downloads, hrefs=hrefs)
    index_file.content_string = meta
    files.append(index_file)
    config[BODIES] = bodies  # type: ignore[index]
    if config["nav"] is not None:  # type: ignore[index]
        config["nav"] = deck_nav(config["nav"], decks)  # type: ignore[index]
    return files


def on_page_markdown(markdown: str, page: object, config: object, files: Files) -> str:
    """Give a generated flashcard page its cards; leave every other page as it is."""
    body = config.get(BODIES, {}).get(page.file.src_uri)  # type: ignore[attr-defined]
    return markdown if body is None else body
