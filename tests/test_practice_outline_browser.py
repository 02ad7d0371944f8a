"""Browser tests of the practice room's model-answer outlines and saved self-checks.

The outline of a drawn prompt stays closed until the reader opens it (after the attempt, or on
request); the self-check boxes under it work and what was ticked is saved with the attempt.
Without JavaScript, and in print, every outline reads as plain text after its prompt. Driven
with Playwright on Debian's Chromium through the shared fixtures; expected texts are read from
the built page, not hard-coded.
"""

from __future__ import annotations

import json

import pytest

from tests.test_accessibility import axe_script, axe_violations, describe  # noqa: F401
from tests.test_practice_browser import (
    PRACTICE_KEY,
    old_attempt,
    open_practice,
    score,
    stored,
)

pytestmark = pytest.mark.browser

DRAWN_OUTLINE = "[data-drawn] details.practice-outline"


def draw(page) -> str:
    page.get_by_role("button", name="Draw a prompt").click()
    return page.locator("[data-drawn]").get_attribute("data-drawn")


def test_drawn_outline_stays_closed_until_time_is_up_or_the_reader_opens_it(page, served_site):
    page.clock.install()
    open_practice(page, served_site)
    draw(page)
    outline = page.locator(DRAWN_OUTLINE)
    assert outline.count() == 1
    field = outline.locator("li", has_text="Trade-off and mitigation")
    assert not outline.evaluate("d => d.open")
    assert field.is_hidden(), "the model answer showed before the attempt"
    # The list below the session keeps its outlines closed too: no spoilers on the page.
    listed = page.locator(".practice-prompts details.practice-outline")
    assert listed.count() >= 20
    assert listed.first.locator("li").first.is_hidden()

    page.get_by_role("button", name="Start").click()
    page.clock.run_for(3 * 3600 * 1000)
    alert = page.locator("[data-time-up]").inner_text()
    assert "Time is up" in alert and "outline" in alert
    assert field.is_hidden(), "the outline must open by the reader's hand, not shift the page"
    outline.locator("summary").click()
    assert field.is_visible()
    assert outline.evaluate("d => d.open")


def test_outline_can_be_revealed_on_request_before_the_timer_runs(page, served_site):
    open_practice(page, served_site)
    draw(page)
    outline = page.locator(DRAWN_OUTLINE)
    outline.locator("summary").focus()
    page.keyboard.press("Enter")
    assert outline.locator("li", has_text="Proves success").is_visible()


def test_self_check_ticks_are_saved_with_the_attempt_and_shown(page, served_site):
    open_practice(page, served_site)
    good = old_attempt()
    # History saved before self-checks existed: kept as it is, never dropped.
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)",
        [PRACTICE_KEY, json.dumps({"v": 1, "attempts": [good]})],
    )
    page.reload()
    page.wait_for_selector("[data-practice][data-ready]")
    title = draw(page)
    page.locator(DRAWN_OUTLINE).locator("summary").click()
    boxes = page.locator("[data-drawn] input[data-check]")
    total = boxes.count()
    assert 2 <= total <= 5
    names = [boxes.nth(i).get_attribute("aria-label") for i in range(total)]
    assert all(names), "every self-check box needs an accessible name"
    # A click on the drawn box (the label's indicator) ticks one; the keyboard ticks another.
    page.locator("[data-drawn] .practice-outline .task-list-indicator").first.dispatch_event(
        "click"
    )
    assert boxes.nth(0).is_checked()
    boxes.nth(1).focus()
    page.keyboard.press("Space")
    assert boxes.nth(1).is_checked()
    score(page, {"tradeoffs": "strong", "metrics": "adequate", "communication": "weak"})
    page.get_by_role("button", name="Save attempt").click()

    saved = stored(page, PRACTICE_KEY)
    assert saved["v"] == 1
    assert saved["attempts"][0] == good
    newest = saved["attempts"][1]
    assert newest["prompt"] == title
    assert newest["checks"] == names[:2]
    assert newest["checkTotal"] == total

    page.reload()
    page.wait_for_selector("[data-practice][data-ready]")
    header = page.locator("[data-history] thead th").all_inner_texts()
    column = header.index("Self-check")
    rows = page.locator("[data-history] tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator("td").nth(column).inner_text() == f"2 of {total}"
    assert rows.nth(1).locator("td").nth(column).inner_text() == ""


def test_outlines_read_as_plain_text_without_javascript_and_in_print(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(served_site + "practice/")
        items = pg.locator(".practice-prompts > ol > li")
        assert items.count() >= 20
        for i in range(items.count()):
            item = items.nth(i)
            field = item.locator("details.practice-outline li", has_text="Proves success")
            assert field.is_visible(), f"prompt {i + 1}: outline hidden without JavaScript"
            # The outline follows its prompt's text and cues, inside the same item.
            order = item.evaluate(
                "li => { const p = li.querySelector('p'), d = li.querySelector('details');"
                " return !!(p.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING); }"
            )
            assert order, f"prompt {i + 1}: outline before its prompt"
            assert item.locator("details.practice-outline li.task-list-item").count() >= 2
    finally:
        context.close()
    context = browser.new_context()
    try:
        pg = context.new_page()
        pg.goto(served_site + "practice/")
        pg.wait_for_selector("[data-practice][data-ready]")
        field = pg.locator(".practice-prompts details.practice-outline li").first
        assert field.is_hidden()
        pg.emulate_media(media="print")
        assert field.is_visible(), "a printed page must show the outlines"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_revealed_outline_and_ticks_have_no_axe_violations(page, served_site, axe_script, scheme):  # noqa: F811
    page.emulate_media(color_scheme=scheme)
    open_practice(page, served_site)
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_selector(f'body[data-md-color-scheme="{expected}"]', state="attached")
    draw(page)
    page.locator(DRAWN_OUTLINE).locator("summary").click()
    page.locator("[data-drawn] .practice-outline .task-list-indicator").first.dispatch_event(
        "click"
    )
    violations = axe_violations(page, axe_script)
    assert not violations, f"outline revealed ({scheme}): {describe(violations)}"
