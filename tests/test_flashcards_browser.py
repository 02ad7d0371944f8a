"""Browser tests of the flashcards (docs/assets/flashcards.js and flashcards-study.js) in
Debian's Chromium.

The `page` fixture fails a test on any console error or request off 127.0.0.1.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import FLASHCARDS_KEY

pytestmark = pytest.mark.browser
KEY = FLASHCARDS_KEY
LEARNING, REVIEW = 1, 2  # ts-fsrs State numbers, as stored
MINUTE = 60_000
DECK = "flashcards/figures/"
# The study panel is in the page before the script runs; `fc-js` says the script took it.
READY = ".fc-js .fc-q:not([hidden])"


def open_deck(page, base: str, path: str = DECK) -> None:
    page.goto(base + path)
    page.wait_for_selector(READY)


def stored(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else {}


def count(page, name: str) -> int:
    return int(page.inner_text(f'[data-fc-count="{name}"] b'))


def test_flip_with_keyboard_grade_and_reload_keeps_the_schedule(page, served_site) -> None:
    open_deck(page, served_site)
    total = page.locator(".fc-list [data-card-id]").count()
    assert count(page, "new") == total
    first = page.get_attribute(".fc-q", "data-card-id")
    assert page.inner_text(".fc-a") == ""
    assert page.is_hidden(".fc-grades")

    page.keyboard.press("Space")
    assert page.inner_text(".fc-a").strip()
    assert page.get_attribute(".fc-a", "aria-live") == "polite"
    assert page.is_visible(".fc-grades")
    assert page.evaluate("document.activeElement.dataset.grade") == "good"

    # A new card's four waits differ (FSRS short-term steps); Good is 10 minutes away.
    waits = page.locator(".fc-grades .fc-wait").all_inner_texts()
    assert waits == ["in 1 min", "in 6 min", "in 10 min", "in 8 days"]
    page.keyboard.press("3")
    card = stored(page)["cards"][first]
    assert (card["state"], card["reps"]) == (LEARNING, 1)
    assert card["due"] - card["last_review"] == 10 * MINUTE
    assert count(page, "new") == total - 1
    assert page.get_attribute(".fc-q", "data-card-id") != first
    assert page.evaluate("document.activeElement.classList.contains('fc-q')")

    page.reload()
    page.wait_for_selector(READY)
    assert stored(page)["cards"][first] == card
    assert count(page, "new") == total - 1
    assert page.get_attribute(".fc-q", "data-card-id") != first
    assert f"1 of {total} cards studied" in page.inner_text(".fc-progress")

    page.goto(served_site + "flashcards/")
    row = page.locator('[data-fc-deck-row="figures"]')
    assert row.locator("[data-fc-new]").inner_text() == str(total - 1)
    assert row.locator("[data-fc-due]").inner_text() == "0"


def test_again_brings_the_card_back_in_the_same_session(page, served_site) -> None:
    open_deck(page, served_site)
    first = page.get_attribute(".fc-q", "data-card-id")
    page.keyboard.press("Space")
    page.keyboard.press("1")
    assert stored(page)["cards"][first]["state"] == LEARNING
    assert count(page, "learning") == 0  # due in a minute, not yet
    seen = []
    for _ in range(page.locator(".fc-list [data-card-id]").count()):
        seen.append(page.get_attribute(".fc-q", "data-card-id"))
        page.click(".fc-show")
        page.click('[data-grade="easy"]')
    assert seen[-1] == first
    assert page.is_visible(".fc-done")


def test_corrupted_storage_is_reset_with_a_notice_and_kept_aside(page, served_site) -> None:
    page.goto(served_site)
    page.evaluate(
        f"localStorage.setItem('{KEY}', '{{not json'); "
        "localStorage.setItem('wbpm-guide.flashcards.v0', '[1,2]')"
    )
    open_deck(page, served_site)
    assert "was reset" in page.inner_text(".fc-notice")
    assert page.evaluate(f"localStorage.getItem('{KEY}.unreadable')") == "{not json"
    assert page.evaluate("localStorage.getItem('wbpm-guide.flashcards.v0')") == "[1,2]"
    page.keyboard.press("Space")
    page.keyboard.press("4")
    assert len(stored(page)["cards"]) == 1

    bad = {"cards": {"claim-x": {"state": 2, "reps": -1}}}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(bad))})")
    page.goto(served_site + "flashcards/")
    assert "could not be read" in page.inner_text(".fc-notice")


def test_reset_asks_first(page, served_site) -> None:
    open_deck(page, served_site)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    answers = iter([False, True])
    page.on("dialog", lambda d: d.accept() if next(answers) else d.dismiss())
    page.click(".fc-reset")
    assert len(stored(page)["cards"]) == 1
    page.click(".fc-reset")
    assert stored(page)["cards"] == {}
    assert page.is_visible(".fc-q")


def test_instant_navigation_into_and_out_of_a_deck(page, served_site) -> None:
    page.goto(served_site)
    page.evaluate("window.notReloaded = true")
    # Material rewrites links to absolute URLs for instant navigation.
    page.locator(f'a.md-nav__link[href="{served_site}flashcards/"]').first.click()
    page.wait_for_function(
        "document.querySelector('[data-fc-new]') && "
        "document.querySelector('[data-fc-new]').textContent !== '–'"
    )
    page.click('[data-fc-deck-row="figures"] a')
    page.wait_for_selector(READY)
    # The <noscript> style, parsed as a live one in a swapped-in page, stays inert.
    assert page.is_hidden(".fc-list") and page.is_visible(".fc-tools")
    page.click('article a:text-is("All decks")')
    page.wait_for_selector("[data-fc-index]")
    page.click('[data-fc-deck-row="figures"] a')
    page.wait_for_selector(READY)
    assert page.evaluate("window.notReloaded") is True, "instant navigation reloaded the page"

    page.keyboard.press("Space")
    page.keyboard.press("3")
    cards = stored(page)["cards"]
    assert len(cards) == 1, "one key press graded more than one card"
    assert next(iter(cards.values()))["reps"] == 1

    page.locator(f'a.md-nav__link[href="{served_site}faq/"]').first.click()
    page.wait_for_url(served_site + "faq/")
    # The URL changes before the new content is swapped in: wait for the deck to go.
    page.wait_for_selector(".fc-study", state="detached")
    page.wait_for_selector("article h1")
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert len(stored(page)["cards"]) == 1
    assert page.evaluate("window.notReloaded") is True


def test_without_javascript_every_card_is_readable(browser, served_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(served_site + DECK)
        assert pg.is_hidden(".fc-study")
        cards = pg.locator(".fc-list [data-card-id]")
        assert cards.count() > 0
        for i in range(cards.count()):
            assert cards.nth(i).locator(".fc-front").is_visible()
            assert cards.nth(i).locator(".fc-back").is_visible()
    finally:
        context.close()


def test_shuffle_keeps_every_card_in_the_session(page, served_site) -> None:
    open_deck(page, served_site)
    total = page.locator(".fc-list [data-card-id]").count()
    page.click(".fc-shuffle")
    assert page.get_attribute(".fc-shuffle", "aria-pressed") == "true"
    assert page.inner_text(".fc-pos").endswith(f": {total}")
    seen = set()
    for _ in range(total):
        seen.add(page.get_attribute(".fc-q", "data-card-id"))
        page.click(".fc-show")
        page.click('[data-grade="good"]')
    assert len(seen) == total
    assert count(page, "new") == 0


def test_print_shows_the_list_not_the_study_area(page, served_site) -> None:
    open_deck(page, served_site)
    assert page.is_hidden(".fc-list")
    page.emulate_media(media="print")
    assert page.is_visible(".fc-list .fc-back")
    assert page.is_hidden(".fc-study")


def layout(page) -> dict:
    """Where the study panel's parts, the hidden list and the footer sit, and page height."""
    return page.evaluate(
        """() => {
          const box = (sel) => {
            const r = document.querySelector(sel).getBoundingClientRect();
            return [r.top, r.height, r.width].map(Math.round);
          };
          const parts = ['.fc-study', '.fc-counts', '.fc-stage', '.fc-q', '.fc-tools',
                         '.md-footer'];
          const out = Object.fromEntries(parts.map((s) => [s, box(s)]));
          out.height = document.documentElement.scrollHeight;
          out.list = getComputedStyle(document.querySelector('.fc-list')).display;
          return out;
        }"""
    )


def test_the_script_fills_the_panel_in_without_moving_anything(page, served_site) -> None:
    """No layout shift: for a new reader the page as served (our script replaced by an empty
    one) and the page once the script has run have the panel, the list and the footer in the
    same place and size; the script only wires the panel up."""
    blank = lambda r: r.fulfill(body="", content_type="text/javascript")  # noqa: E731
    # The offline helper's footer line comes after load, in both runs alike: leave it out.
    page.route("**/assets/offline.*.min.js", blank)
    page.route("**/assets/page-*.min.js", blank)
    page.goto(served_site + DECK, wait_until="load")
    assert not page.locator(".fc-js").count(), "the script ran: the route did not replace it"
    served = layout(page)
    page.unroute("**/assets/page-*.min.js")
    open_deck(page, served_site)
    assert page.get_attribute(".fc-q", "data-card-id"), "the script did not fill the panel in"
    assert layout(page) == served
    assert served["list"] == "none" and served[".fc-q"][1] > 0
