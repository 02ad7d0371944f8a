"""The flashcard decks in the site's navigation: the Flashcards entry becomes a section.

Decks exist only in the build, so `mkdocs.yml` names just `flashcards/index.md`; the
flashcards hook turns that entry into a section with one entry per deck.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any  # a nav is untyped nested YAML: titles, paths and lists

from studyguide.deck_pages import INDEX, Deck


def deck_nav(nav: Sequence[Any], decks: Sequence[Deck], title: str = "Flashcards") -> list[Any]:
    """The nav with the entry for `flashcards/index.md` turned into a section holding the
    index and one entry per deck. Other entries are returned unchanged; without such an entry,
    a section is appended at the end."""
    section: list[Any] = [INDEX, *({d.name: d.src_uri} for d in decks)]
    out: list[Any] = []
    placed = False
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
            if value == INDEX or (isinstance(value, list) and INDEX in value):
                out.append({key: section})
                placed = True
                continue
        out.append(item)
    if not placed:
        out.append({title: section})
    return out
