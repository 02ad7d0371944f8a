"""The Review page's cards, copied from the deck pages as MkDocs rendered them.

Every card already appears on its deck page. Rendering all of them a second time on the
Review page (Markdown inside HTML for each side of each card) made that one page cost as much
as seven content pages, and indexed every card twice for search. Instead the Review page is
rendered with a slot, and once every page is rendered its slot gets each deck page's card
sections, in deck order, with their relative links rebased from the deck page's URL to the
Review page's. Search indexes the cards once, on their deck pages; the output check still
reads the Review page as readers get it.
"""

from __future__ import annotations

from collections.abc import Iterable

from studyguide.links import element_ids, rebase_urls
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

REVIEW_CARDS_SLOT = "<!-- review-cards -->"
"""Where the cards go in the Review page's rendered HTML (see `fill_review`)."""

_SECTION_OPEN_RE = _compile(r'<section\b[^>]*\bclass="fc-card\b[^"]*"[^>]*>')
_SECTION_TAG_RE = _compile(r"<(/?)section\b[^>]*>")


def card_sections(content: str) -> list[str]:
    """Every card section (`<section class="fc-card" ...>...</section>`) of a deck page's
    rendered HTML, in page order, sections nested inside a card kept whole."""
    out: list[str] = []
    end = 0
    for opening in _SECTION_OPEN_RE.finditer(content):
        if opening.start() < end:
            continue  # a section inside the card just taken
        depth, end = 0, -1
        for tag in _SECTION_TAG_RE.finditer(content, opening.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        if end == -1:
            raise ValueError(f"a card section is never closed: {opening.group(0)}")
        out.append(content[opening.start() : end])
    return out


def fill_review(content: str, decks: Iterable[tuple[str, str]], review_url: str) -> str:
    """The Review page's rendered HTML with every deck's cards in its slot.

    `decks` gives each deck page's URL and rendered HTML, in deck order. Raises ValueError
    when the slot is missing or doubled, so a Review page without cards fails the build.
    """
    if content.count(REVIEW_CARDS_SLOT) != 1:
        raise ValueError(f"the Review page must hold exactly one {REVIEW_CARDS_SLOT}")
    cards = [
        rebase_urls(section, url, review_url)
        for url, html in decks
        for section in card_sections(html)
    ]
    return content.replace(REVIEW_CARDS_SLOT, "\n".join(cards), 1)


def section_ids(sections_html: str) -> set[str]:
    """The ids the filled-in cards add to the Review page (for MkDocs' anchor validation)."""
    return set(element_ids(sections_html))
