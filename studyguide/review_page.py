"""The Review page and the flashcards index's study tools, as Markdown for generated pages.

The Review page (`review.md`, only in the build) studies every deck in one session: it holds
every card in plain HTML like a deck page (copied from the deck pages, see
`studyguide.review_fill`), and `docs/assets/flashcards-study.js` interleaves the due
cards of all decks, then new cards up to the reader's daily limit. It sits outside
`flashcards/` so each card id appears on one deck page only.
The index gains the reader's settings (desired retention, new cards a day) and backup and
restore of all saved progress (`docs/assets/backup.js`), both filled in by the scripts.
"""

from __future__ import annotations

from collections.abc import Sequence

from studyguide.deck_pages import INDEX, Deck, render_study
from studyguide.review_fill import REVIEW_CARDS_SLOT

REVIEW = "review.md"
REVIEW_SLUG = "all-decks"


def render_review(decks: Sequence[Deck]) -> tuple[str, str]:
    """The Review page as (front matter, body): one study panel over every deck's cards.

    The cards themselves are copied in from the rendered deck pages once every page is
    rendered (`studyguide.review_fill`); the body holds their slot."""
    everything = Deck("All decks", REVIEW_SLUG, tuple(c for d in decks for c in d.cards))
    meta = (
        "---\n"
        "title: Review\n"
        "description: One flashcard session across every deck: due cards first, then new "
        "cards up to your daily limit.\n"
        "---\n"
    )
    body = (
        "# Review\n\n"
        "One session across every deck: the cards due now, mixed from all decks, then new "
        f"cards up to your daily limit (set it on the [flashcards page]({INDEX})). "
        "Mixing topics makes you recall which idea applies, as the interview will.\n\n"
        f'<div class="fc-deck" data-fc-deck="{REVIEW_SLUG}" data-fc-review markdown="1">\n'
        f"{render_study(everything)}"
        f'<div class="fc-list" id="fc-list-{REVIEW_SLUG}" data-fc-list>\n'
        f"{REVIEW_CARDS_SLOT}\n"
        "</div>\n</div>\n"
    )
    return meta, body


def render_tools() -> str:
    """The index's settings form and backup section (HTML the scripts wire up)."""
    return (
        "\n## Study settings\n\n"
        '<form class="fc-settings" data-fc-settings>\n'
        '<p><label for="fc-retention">Desired retention</label> '
        '<select id="fc-retention" name="retention">'
        + "".join(
            f'<option value="{r / 100}"{" selected" if r == 90 else ""}>{r}%</option>'
            for r in (80, 85, 90, 93, 95, 97)
        )
        + "</select></p>\n"
        '<p class="fc-help">The share of cards you should still remember when they come back. '
        "Higher means more reviews for a little more recall; the preselected value is the "
        "scheduler's default and a good balance. The scheduler is FSRS, from the ts-fsrs "
        'library (<a href="../assets/vendor/ts-fsrs.LICENSE.txt">MIT licence</a>).</p>\n'
        '<p><label for="fc-new-per-day">New cards a day</label> '
        '<input id="fc-new-per-day" name="newPerDay" type="number" min="0" max="500" '
        'step="1" value="20" inputmode="numeric"></p>\n'
        '<p class="fc-help">How many cards you have never seen the Review page brings in each '
        "day, after the ones due.</p>\n"
        '<p class="fc-notice" role="status" data-fc-settings-status></p>\n'
        "</form>\n\n"
        "## Back up your progress\n\n"
        "Your flashcard schedule, practice history and checklist ticks live in this browser "
        "only. Export them to a file to keep a copy or to carry on in another browser; "
        "importing merges the file with what is here, keeping the newer review of each card, "
        "and shows what will change before anything is saved.\n\n"
        '<div class="fc-backup" data-backup>\n'
        '<p><button type="button" class="md-button" data-backup-export>Export progress</button> '
        '<label class="md-button fc-file">Import progress<input type="file" '
        'accept="application/json,.json" data-backup-file></label></p>\n'
        '<div class="fc-notice" role="status" data-backup-status></div>\n'
        "</div>\n"
    )


def review_nav_entry() -> dict[str, str]:
    """The nav entry for the Review page (placed after the flashcards index)."""
    return {"Review all decks": REVIEW}


__all__ = ["INDEX", "REVIEW", "REVIEW_SLUG", "render_review", "render_tools", "review_nav_entry"]
