"""axe-core finds no accessibility violation on the guide's key pages, in both palettes.

axe-core comes from the npm package pinned in package-lock.json (`make test` runs `npm ci`
first) and is injected into each page with Playwright. Without node_modules/axe-core the
tests skip locally and fail under CI, which must never skip them. One test proves the check
can fail: a page with known violations must be reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import LABEL_IN_NAME, SCHEMES, axe_violations, describe

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Home, a framework, a model round (diagram, stacked table, margin notes), a deck, the practice
# room and the ledger; DECK is the first deck built.
# The ledger is checked with a row targeted, as a reader following a figure sees it.
PAGES = [
    "",
    "frameworks/impact-first/",
    "rounds/llm-agent-monitoring/",
    "DECK",
    "practice/",
    "sources/#claim-base-salary",
]


# Pages built to fail: an image without a text alternative and grey-on-grey text; a button
# whose accessible name does not contain its visible label.
NO_ALT_AND_LOW_CONTRAST = (
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    '<p style="color:#777;background:#888">Hard to read</p>'
)
NAME_WITHOUT_LABEL = (
    '<h1>Bad</h1><button type="button" aria-label="Next review in 6 days">Good</button>'
)


def rules_broken_by(page: Page, axe: Path, main: str, also: tuple[str, ...] = ()) -> set[str]:
    """The ids of the axe rules a minimal page holding `main` in its <main> violates."""
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Bad</title></head><body>'
        f"<main>{main}</main></body></html>"
    )
    return {v["id"] for v in axe_violations(page, axe, also=also)}


def first_deck(site_dir: Path) -> str:
    """URL of the first flashcard deck page of the built site."""
    decks = sorted(p.parent.name for p in (site_dir / "flashcards").glob("*/index.html"))
    assert decks, "the built site has no flashcard deck page"
    return f"flashcards/{decks[0]}/"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(
    page: Page, served_site: str, site_dir: Path, axe_script: Path, path: str, scheme: str
) -> None:
    """Each key page has zero axe-core violations in the light and in the dark palette."""
    media, expected = SCHEMES[scheme]
    if path == "DECK":
        path = first_deck(site_dir)
    assert (site_dir / path.split("#")[0] / "index.html").is_file(), f"{path} was not built"
    page.emulate_media(color_scheme=media)
    page.goto(served_site + path, wait_until="load")
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == expected, f"expected the {expected} palette, the page shows {shown}"
    violations = axe_violations(page, axe_script)
    assert not violations, f"{path} ({scheme}):\n{describe(violations)}"


@pytest.mark.browser
def test_axe_reports_known_violations(page: Page, axe_script: Path) -> None:
    """The check can fail: an image without a text alternative and grey-on-grey text."""
    found = rules_broken_by(page, axe_script, NO_ALT_AND_LOW_CONTRAST)
    assert {"image-alt", "color-contrast"} <= found, found


@pytest.mark.browser
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_no_axe_violations_with_search_open(
    page: Page, served_site: str, axe_script: Path, scheme: str
) -> None:
    """The search dialog, open with results showing, has no violation either."""
    media, _ = SCHEMES[scheme]
    page.emulate_media(color_scheme=media)
    page.goto(served_site, wait_until="load")
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially("framework")
    page.locator(".md-search-result__item").first.wait_for()
    # Results fade in: measure contrast once the count is shown and no transition runs.
    page.wait_for_function(
        "/\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
        " && document.getAnimations().every(a => a.playState !== 'running')"
    )
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label"), "the search dialog has no accessible name"
    violations = axe_violations(page, axe_script)
    assert not violations, f"search open ({scheme}):\n{describe(violations)}"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_no_axe_violations_on_a_deck_with_the_answer_shown(
    page: Page, served_site: str, site_dir: Path, axe_script: Path, scheme: str
) -> None:
    """After "Show answer" on a deck page, the answer and the Again/Hard/Good/Easy buttons
    (each with its wait, e.g. "Good in 1 day") pass too, label-in-name included."""
    media, _ = SCHEMES[scheme]
    page.emulate_media(color_scheme=media)
    page.goto(served_site + first_deck(site_dir), wait_until="load")
    page.wait_for_selector(".fc-js .fc-q")
    page.click(".fc-show")
    waits = page.locator(".fc-grades .fc-wait")
    assert waits.count() == 4 and all(w.is_visible() for w in waits.all())
    assert page.inner_text(".fc-a").strip(), "the answer is not shown"
    # The answer fades in: measure colours once the reveal animation is over.
    page.wait_for_function("document.getAnimations().every((a) => a.playState === 'finished')")
    violations = axe_violations(page, axe_script, also=LABEL_IN_NAME)
    assert not violations, f"deck, answer shown ({scheme}):\n{describe(violations)}"


@pytest.mark.browser
def test_axe_reports_a_name_without_the_visible_label(page: Page, axe_script: Path) -> None:
    """The label-in-name check can fail: a button named "Next review" that shows "Good"."""
    found = rules_broken_by(page, axe_script, NAME_WITHOUT_LABEL, also=LABEL_IN_NAME)
    assert found == set(LABEL_IN_NAME), found
