"""Browser tests of the practice room and saved progress (practice.js, progress.js).

Driven with Playwright on Debian's Chromium through the shared `page` fixture, which fails a
test on any console error or request to a host other than 127.0.0.1. Expected values (prompt
titles, timer lengths, weights) are read from the built page itself, so the tests follow
docs/claims.yml instead of hard-coding it. The timer runs on Playwright's fake clock.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import axe_violations, describe

pytestmark = pytest.mark.browser

PRACTICE_KEY = "wbpm-guide.practice.v1"
CHECKLIST_KEY = "wbpm-guide.checklist.v1"
CARDS_KEY = "wbpm-guide.flashcards.v1"
DIMS = ("tradeoffs", "metrics", "communication")
LEVELS = {"weak": 1, "adequate": 2, "strong": 3}


def claim_text(page, claim_id: str) -> str:
    """A claim element's rendered value, without its "example" label."""
    return page.eval_on_selector(
        f'.md-content [data-claim-id="{claim_id}"]',
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.claim__kind')"
        ".forEach(k => k.remove()); return c.textContent.trim(); }",
    )


def minutes(text: str) -> int:
    """Whole minutes in a rendered duration such as "25 minutes"."""
    m = re.fullmatch(r"(\d+) minutes?", text)
    assert m, f"unexpected duration text {text!r}"
    return int(m.group(1))


def weights(page) -> dict[str, float]:
    """The rubric weights as the page renders them."""
    return {d: float(claim_text(page, f"weight-{d}").rstrip("%")) for d in DIMS}


def timer_text(page) -> str:
    return page.locator("[data-timer]").inner_text().strip()


def open_practice(page, base: str) -> None:
    page.goto(base + "practice/")
    page.wait_for_selector("[data-practice][data-ready]:not([hidden])")


def score(page, levels: dict[str, str]) -> None:
    for dim, level in levels.items():
        page.locator(f'input[name="practice-{dim}"][value="{level}"]').check()


def old_attempt() -> dict[str, object]:
    """An attempt as saved before self-checks existed (no `checks`, no `checkTotal`)."""
    return {
        "prompt": "Model registry",
        "date": "2026-11-26T10:00:00.000Z",
        "scores": dict.fromkeys(DIMS, "adequate"),
    }


def stored(page, key: str) -> Any:  # parsed JSON: the test knows its shape
    raw = page.evaluate(f"localStorage.getItem({json.dumps(key)})")
    return None if raw is None else json.loads(raw)


# ---- practice room ------------------------------------------------------------------------


def test_draw_prompt_shows_a_listed_prompt_with_lens_cues(page, served_site):
    open_practice(page, served_site)
    titles = [
        t.strip().rstrip(".")
        for t in page.locator(
            ".practice-prompts > ol > li > p:first-child > strong"
        ).all_inner_texts()
    ]
    assert len(titles) >= 20
    seen = set()
    for _ in range(12):
        page.get_by_role("button", name="Draw a prompt").click()
        drawn = page.locator("[data-drawn]")
        title = drawn.get_attribute("data-drawn")
        assert title in titles
        seen.add(title)
        for cue in ("User problem", "Data flow", "Operational constraints"):
            assert cue in drawn.inner_text()
    assert len(seen) > 1, "drawing never changed the prompt"
    # The timer length follows the drawn prompt's group, read from its claim on the page.
    group = page.locator(".practice-drawn__group").inner_text().lower()
    claim = "practice-followup-time" if "follow" in group else "practice-design-time"
    assert timer_text(page) == f"{minutes(claim_text(page, claim))}:00"


def test_timer_start_pause_reset_and_time_up_announced(page, served_site):
    page.clock.install()
    open_practice(page, served_site)
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    total = minutes(claim_text(page, "practice-design-time"))
    assert timer_text(page) == f"{total}:00"
    start = page.get_by_role("button", name="Start")
    pause = page.get_by_role("button", name="Pause")
    assert pause.is_disabled()

    start.click()
    page.clock.run_for(60_000)
    assert timer_text(page) == f"{total - 1}:00"
    pause.click()
    page.clock.run_for(120_000)
    assert timer_text(page) == f"{total - 1}:00", "a paused timer kept counting"

    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(30_000)
    assert timer_text(page) == f"{total - 2}:30"
    page.get_by_role("button", name="Reset").click()
    assert timer_text(page) == f"{total}:00"
    alert = page.locator("[data-time-up]")
    assert alert.get_attribute("aria-live") == "assertive"
    assert alert.inner_text() == ""

    page.get_by_role("button", name="Start").click()
    page.clock.run_for(total * 60_000 + 1000)
    assert timer_text(page) == "0:00"
    assert "Time is up" in alert.inner_text()
    assert alert.is_visible()
    assert page.get_by_role("button", name="Start").is_disabled()
    page.get_by_role("button", name="Reset").click()
    assert timer_text(page) == f"{total}:00"
    assert alert.inner_text() == ""


def test_self_score_shows_weighted_score_and_weakest_dimension(page, served_site):
    open_practice(page, served_site)
    w = weights(page)
    result = page.locator("[data-result]")
    assert "[data-weighted]" not in result.inner_html()
    # Keyboard: arrow keys move within a radio group.
    first = page.locator('input[name="practice-metrics"][value="weak"]')
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.keyboard.press("ArrowDown")
    assert page.locator('input[name="practice-metrics"][value="adequate"]').is_checked()
    # Every radio has an accessible label naming its level.
    for dim in DIMS:
        for level in LEVELS:
            label = page.get_by_label(re.compile(rf"^{level}\b", re.I)).and_(
                page.locator(f'input[name="practice-{dim}"]')
            )
            assert label.count() == 1

    levels = {"tradeoffs": "weak", "metrics": "adequate", "communication": "strong"}
    score(page, levels)
    expected = sum(w[d] * LEVELS[levels[d]] for d in DIMS) / sum(w.values())
    shown = float(page.locator("[data-weighted]").get_attribute("data-weighted"))
    assert abs(shown - expected) < 0.006
    assert f"{expected:.1f} of 3" in result.inner_text()
    weakest = page.locator("[data-weakest]")
    assert weakest.get_attribute("data-weakest") == "tradeoffs"
    link = weakest.get_by_role("link")
    assert link.inner_text() == "Trade-off articulation"
    assert link.get_attribute("href").endswith("frameworks/trade-offs/")

    score(page, dict.fromkeys(DIMS, "strong"))
    assert page.locator("[data-weakest]").get_attribute("data-weakest") == ""
    assert "Strong on every dimension" in result.inner_text()


def test_history_survives_reload_exports_csv_and_clears(page, served_site, tmp_path: Path):
    open_practice(page, served_site)
    assert "No attempts saved yet" in page.locator("[data-history]").inner_text()
    page.get_by_role("button", name="Draw a prompt").click()
    title = page.locator("[data-drawn]").get_attribute("data-drawn")
    score(page, {"tradeoffs": "adequate", "metrics": "weak", "communication": "adequate"})
    page.get_by_role("button", name="Save attempt").click()
    score(page, dict.fromkeys(DIMS, "strong"))
    page.get_by_role("button", name="Save attempt").click()
    assert stored(page, PRACTICE_KEY)["v"] == 1

    page.reload()
    page.wait_for_selector("[data-practice][data-ready]")
    rows = page.locator("[data-history] table tbody tr")
    assert rows.count() == 2
    assert title in rows.nth(1).inner_text()  # newest first: the first attempt is last
    assert page.locator("[data-trend]").get_attribute("data-trend") == "up"
    assert page.locator(".practice-trend svg polyline").get_attribute("points")

    with page.expect_download() as info:
        page.get_by_role("button", name="Export CSV").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    target = tmp_path / "attempts.csv"
    download.save_as(target)
    table = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert table[0] == ["date", "prompt", *DIMS, "weighted", "self_check", "ticked"]
    assert table[1][1] == title
    assert table[1][2:5] == ["adequate", "weak", "adequate"]
    assert table[2][2:5] == ["strong"] * 3
    assert re.fullmatch(r"0 of [2-5]", table[1][6]) and table[1][7] == ""  # nothing ticked

    dialogs: list[str] = []

    def answer(accept: bool):
        def handler(dialog) -> None:
            dialogs.append(dialog.message)
            (dialog.accept if accept else dialog.dismiss)()

        return handler

    page.once("dialog", answer(False))
    page.get_by_role("button", name="Clear history").click()
    assert rows.count() == 2, "cancel must keep the history"
    page.once("dialog", answer(True))
    page.get_by_role("button", name="Clear history").click()
    assert len(dialogs) == 2 and "Delete all 2" in dialogs[0]
    assert rows.count() == 0
    assert stored(page, PRACTICE_KEY) == {"v": 1, "attempts": []}  # the store, emptied
    page.reload()
    page.wait_for_selector("[data-practice][data-ready]")
    assert "No attempts saved yet" in page.locator("[data-history]").inner_text()


def test_corrupted_or_old_practice_state_is_reset_with_a_notice(page, served_site):
    open_practice(page, served_site)
    good = old_attempt()
    mixed = json.dumps({"v": 1, "attempts": [good, {"prompt": 3}, "junk"]})
    page.evaluate(
        "([k, v]) => { localStorage.setItem(k, v);"
        " localStorage.setItem('wbpm-guide.practice.v0', '[]'); }",
        [PRACTICE_KEY, mixed],
    )
    page.reload()
    page.wait_for_selector("[data-practice][data-ready]")
    assert "reset" in page.locator(".practice-notice").inner_text()
    assert page.locator("[data-history] table tbody tr").count() == 1
    assert stored(page, PRACTICE_KEY) == {"v": 1, "attempts": [good]}
    # Data the guide cannot read is never deleted (storage.js keeps it aside, and leaves keys
    # it does not know alone).
    assert page.evaluate("localStorage.getItem('wbpm-guide.practice.v0')") == "[]"

    for bad in ("{not json", json.dumps({"v": 99, "attempts": []}), "null"):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [PRACTICE_KEY, bad])
        page.reload()
        page.wait_for_selector("[data-practice][data-ready]")
        assert "reset" in page.locator(".practice-notice").inner_text(), bad
        assert stored(page, PRACTICE_KEY) == {"v": 1, "attempts": []}
        page.get_by_role("button", name="Draw a prompt").click()
        assert page.locator("[data-drawn]").count() == 1


def test_practice_page_works_without_javascript_and_prints(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(served_site + "practice/")
        # No dead app: its static shell is hidden by the page's noscript style.
        assert pg.locator("[data-practice]").is_hidden()
        assert pg.get_by_role("button", name="Draw a prompt").count() == 0
        assert pg.locator(".practice-prompts > ol > li").count() >= 7
        assert pg.locator(".practice-rubric table tbody tr").count() == 3
        pg.emulate_media(media="print")
        assert pg.locator(".practice-rubric table").is_visible()
    finally:
        context.close()


LAYOUT = """() => {
  const box = s => { const r = document.querySelector(s).getBoundingClientRect();
    return [Math.round(r.top + scrollY), Math.round(r.height)]; };
  return {app: box("[data-practice]"), list: box(".practice-prompts > ol"),
    rubric: box(".practice-rubric table")};
}"""
SHIFTS = "() => (window.__shifts || []).filter(e => !e.hadRecentInput).map(e => e.value)"
RECORD_SHIFTS = (
    "window.__shifts = []; new PerformanceObserver(l => window.__shifts.push(...l.getEntries()))"
    ".observe({type: 'layout-shift', buffered: true});"
)


@pytest.mark.parametrize("viewport", [(412, 823), (1350, 940)], ids=["mobile", "desktop"])
def test_app_holds_its_final_place_before_the_script_runs(browser, served_site, viewport):
    """No layout shift from the practice room: the page as laid out before the guide's
    bundle runs puts the app, the prompt list and the rubric exactly where the working page
    has them, and running the bundle records no layout shift.

    The shift check holds the theme's bundle back (practice.js then starts on
    DOMContentLoaded): on load the theme re-sets every link's href to an absolute URL, which
    reloads the stylesheets and can shift any page for a frame; that is not this script's.
    """
    width, height = viewport
    layouts: list[object] = []
    shifts: object = {}
    for held in ("guide", "none", "theme"):
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            pg = context.new_page()
            pg.add_init_script(RECORD_SHIFTS)
            if held == "guide":  # scripting on, the guide's bundle held back: the first paint
                pg.route("**/assets/guide.*.min.js", lambda route: route.abort())
            elif held == "theme":
                pg.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
            pg.goto(served_site + "practice/", wait_until="networkidle")
            app = pg.locator("[data-practice]")
            assert app.is_visible(), "the app must be visible from the first paint"
            assert app.locator("input[type=radio]").count() == 9
            if held != "guide":
                pg.wait_for_selector("[data-practice][data-ready]")
                assert pg.locator("[data-timer]").inner_text() != "--:--", "the app never ran"
            if held == "theme":
                shifts = pg.evaluate(SHIFTS)
            else:
                layouts.append(pg.evaluate(LAYOUT))
        finally:
            context.close()
    assert layouts[0] == layouts[1]
    assert shifts == [], "the practice room shifted the layout while it started"


# ---- checklist ----------------------------------------------------------------------------


def open_checklist(page, base: str) -> None:
    page.goto(base + "checklist/")
    wait_for_checklist(page)


def wait_for_checklist(page) -> None:
    """Wait until the checklist script has read the saved ticks: it gives every box its id.
    (The status line is in the page's HTML, so it is there before the script runs.)"""
    page.wait_for_selector(".md-content li.task-list-item input[data-item-id]", state="attached")


def boxes(page):
    return page.locator(".md-content li.task-list-item input[type=checkbox]")


def tick(page, index: int) -> None:
    """Toggle a checklist item with the keyboard, as a reader tabbing through would."""
    boxes(page).nth(index).focus()
    page.keyboard.press("Space")


def test_checklist_ticks_survive_reload_and_instant_navigation(page, served_site):
    open_checklist(page, served_site)
    total = boxes(page).count()
    assert total > 5
    assert boxes(page).nth(0).is_enabled()
    assert boxes(page).nth(0).get_attribute("aria-label")
    # A click on the drawn box (the indicator's ::before, so the click lands on the empty
    # indicator span) ticks one; the keyboard ticks another.
    indicators = page.locator(".md-content li.task-list-item .task-list-indicator")
    indicators.nth(0).dispatch_event("click")
    tick(page, 2)
    status = page.locator("[data-checklist-status]")
    assert status.inner_text() == f"2 of {total} done"

    page.reload()
    wait_for_checklist(page)
    checked = [boxes(page).nth(i).is_checked() for i in range(4)]
    assert checked == [True, False, True, False]

    # Instant navigation: leave via the nav, return via a content link, no full reload.
    page.evaluate("window.__stayed = true")
    page.locator(".md-nav--primary").get_by_role("link", name="Practice room").click()
    page.wait_for_url("**/practice/")
    page.wait_for_selector("[data-practice][data-ready]")
    page.locator(".md-content").get_by_role("link", name="preparation checklist").click()
    page.wait_for_url("**/checklist/")
    wait_for_checklist(page)
    assert page.evaluate("window.__stayed === true"), "navigation reloaded the page"
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
    assert page.locator(".progress-bar").count() == 1, "the progress bar was added twice"
    tick(page, 1)
    assert status.inner_text() == f"3 of {total} done"
    stored_ticks = stored(page, CHECKLIST_KEY)
    assert len(stored_ticks["done"]) == 3
    assert len(stored_ticks["ids"]) == total


def test_checklist_ids_follow_item_text_and_reset_unticks(page, served_site):
    open_checklist(page, served_site)
    third = page.evaluate(
        "() => { const b = document.querySelectorAll('.md-content li.task-list-item input');"
        " return b[3].getAttribute('data-item-id'); }"
    )
    label = boxes(page).nth(3).get_attribute("aria-label")
    assert third == page.evaluate("t => window.GuideProgress.itemId(t)", label)
    ids = [boxes(page).nth(i).get_attribute("data-item-id") for i in range(boxes(page).count())]
    assert len(set(ids)) == len(ids)

    # A stored tick under the text-derived id ticks that item, whatever its position.
    store = stored(page, CHECKLIST_KEY)
    store["done"] = {third: 1, "t-no-such-item": 1}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CHECKLIST_KEY, json.dumps(store)])
    page.reload()
    wait_for_checklist(page)
    assert [i for i in range(len(ids)) if boxes(page).nth(i).is_checked()] == [3]
    assert stored(page, CHECKLIST_KEY)["done"] == {third: 1}, "stale ids were not pruned"

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset checklist").click()
    assert boxes(page).nth(3).is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset checklist").click()
    assert not boxes(page).nth(3).is_checked()
    assert stored(page, CHECKLIST_KEY)["done"] == {}
    assert page.locator("[data-checklist-status]").inner_text().startswith("0 of ")


def test_checklist_bar_is_in_place_from_the_first_paint(browser, served_site):
    """The progress bar is in the page, not inserted above the list: starting the checklist
    shifts nothing (theme bundle held back, as in the practice room's test); without
    JavaScript the bar, which could do nothing, is hidden."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    try:
        pg = context.new_page()
        pg.add_init_script(RECORD_SHIFTS)
        pg.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        pg.goto(served_site + "checklist/", wait_until="networkidle")
        assert pg.locator("[data-checklist-status]").inner_text().endswith(" done")
        assert pg.evaluate(SHIFTS) == [], "the checklist shifted the layout while it started"
    finally:
        context.close()
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(served_site + "checklist/")
        assert pg.locator(".progress-bar").count() == 1
        assert pg.locator(".progress-bar").is_hidden()
    finally:
        context.close()


def test_corrupted_checklist_state_is_reset(page, served_site):
    open_checklist(page, served_site)
    for bad in ("{oops", json.dumps({"v": 1, "done": [], "ids": []}), json.dumps({"v": 7})):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CHECKLIST_KEY, bad])
        page.reload()
        wait_for_checklist(page)
        assert "reset" in page.locator(".progress-bar__notice").inner_text(), bad
        assert stored(page, CHECKLIST_KEY)["done"] == {}
        tick(page, 0)
        assert stored(page, CHECKLIST_KEY)["done"] != {}


# ---- home summary -------------------------------------------------------------------------


def test_home_summary_hidden_when_empty_and_shown_after_activity(page, served_site):
    page.goto(served_site)
    summary = page.locator("[data-progress-summary]")
    page.wait_for_selector("[data-progress-summary][data-ready]", state="attached")
    # A new reader sees the flashcards waiting (issue 14: "0 cards due" read as finished).
    assert summary.locator("li").all_inner_texts() == ["Flashcards: 0 due · 20 new"]

    open_checklist(page, served_site)
    total = boxes(page).count()
    tick(page, 0)
    open_practice(page, served_site)
    score(page, dict.fromkeys(DIMS, "adequate"))
    page.get_by_role("button", name="Save attempt").click()
    page.goto(served_site)
    url = page.get_attribute("[data-progress-summary]", "data-fc-ids-url")
    ids = page.evaluate("(u) => fetch(u).then((r) => r.json())", url)
    cards = json.dumps(
        {
            "v": 1,
            "cards": {
                ids[0]: {
                    "state": "review",
                    "reps": 1,
                    "ef": 2.5,
                    "interval": 1,
                    "due": 0,
                    "lapses": 0,
                },
                ids[1]: {
                    "state": "review",
                    "reps": 2,
                    "ef": 2.5,
                    "interval": 6,
                    "due": 4102444800000,
                    "lapses": 0,
                },
            },
        }
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [CARDS_KEY, cards])

    page.goto(served_site)
    page.wait_for_selector("[data-progress-summary][data-ready]:not([hidden])")
    assert summary.get_by_role("heading", name="Your progress").is_visible()
    assert f"1 of {total} done" in summary.locator('[data-summary="checklist"]').inner_text()
    # SM-2 progress waits, untouched, for a page with the scheduler to migrate it.
    assert "open Review" in summary.locator('[data-summary="cards"]').inner_text()
    assert "1 attempt" in summary.locator('[data-summary="practice"]').inner_text()
    assert page.evaluate(f"localStorage.getItem({json.dumps(CARDS_KEY)})") == cards, (
        "the summary must only read the flashcards store"
    )
    page.goto(served_site + "review/")
    page.wait_for_selector(".fc-js .fc-counts")
    page.goto(served_site)
    page.wait_for_selector("[data-progress-summary][data-ready]:not([hidden])")
    assert "1 due · 20 new" in summary.locator('[data-summary="cards"]').inner_text()


# ---- accessibility of the filled-in states ------------------------------------------------


def test_filled_in_states_have_no_axe_violations(page, served_site, axe_script):
    """axe-core on the states the page tests never see: a drawn prompt, a time-up, a score,
    a history table and trend (both palettes), ticked checklist items and the home summary."""
    page.clock.install()
    page.emulate_media(color_scheme="light")
    open_practice(page, served_site)
    page.get_by_role("button", name="Draw a prompt").click()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(2 * 3600 * 1000)
    assert "Time is up" in page.locator("[data-time-up]").inner_text()
    for levels in ("weak", "strong"):
        score(page, {"tradeoffs": levels, "metrics": "adequate", "communication": "strong"})
        page.get_by_role("button", name="Save attempt").click()
    violations = axe_violations(page, axe_script)
    assert not violations, f"practice (light): {describe(violations)}"
    page.locator('label[title="Switch to dark mode"]').click()
    page.wait_for_selector('body[data-md-color-scheme="slate"]', state="attached")
    violations = axe_violations(page, axe_script)
    assert not violations, f"practice (dark): {describe(violations)}"
    page.locator('label[title="Switch to light mode"]').click()

    open_checklist(page, served_site)
    tick(page, 0)
    violations = axe_violations(page, axe_script)
    assert not violations, describe(violations)

    page.goto(served_site)
    page.wait_for_selector("[data-progress-summary]:not([hidden])")
    violations = axe_violations(page, axe_script)
    assert not violations, describe(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mid_session_states_have_no_axe_violations(page, served_site, axe_script, scheme):
    """axe-core mid-session, the states the filled-in test passes through without checking:
    a drawn prompt with the timer running, then paused (Resume), and a half-scored form."""
    page.clock.install()
    page.emulate_media(color_scheme=scheme)
    open_practice(page, served_site)
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_selector(f'body[data-md-color-scheme="{expected}"]', state="attached")
    page.get_by_role("button", name="Draw a prompt").click()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(61_000)
    assert page.get_by_role("button", name="Pause").is_enabled()
    violations = axe_violations(page, axe_script)
    assert not violations, f"timer running ({scheme}): {describe(violations)}"
    page.get_by_role("button", name="Pause").click()
    score(page, {"tradeoffs": "weak"})
    assert page.get_by_role("button", name="Resume").is_enabled()
    assert "Choose weak, adequate or strong" in page.locator("[data-result]").inner_text()
    violations = axe_violations(page, axe_script)
    assert not violations, f"paused, half scored ({scheme}): {describe(violations)}"


# ---- model-answer outlines and saved self-checks -------------------------------------------
# The outline of a drawn prompt stays closed until the reader opens it (after the attempt, or
# on request); the self-check boxes under it work and what was ticked is saved with the
# attempt. Without JavaScript, and in print, every outline reads as plain text after its prompt.

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
def test_revealed_outline_and_ticks_have_no_axe_violations(page, served_site, axe_script, scheme):
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
