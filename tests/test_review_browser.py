"""Browser tests of the learning engine (issue 14) in Debian's Chromium: the Review session
across decks, the settings, backup and restore, migration of SM-2 progress, and the study
panel on a phone. The `page` fixture fails a test on any console error or off-site request.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LABEL_IN_NAME, axe_violations, describe

pytestmark = pytest.mark.browser
CARDS = "wbpm-guide.flashcards.v2"
OLD_CARDS = "wbpm-guide.flashcards.v1"
SETTINGS = "wbpm-guide.settings.v1"
DAY = 86_400_000
READY = ".fc-js .fc-q:not([hidden]), .fc-js .fc-done:not([hidden])"


def deck_ids(page, base: str) -> dict[str, list[str]]:
    """Deck slug -> card ids, from the flashcards index."""
    page.goto(base + "flashcards/")
    rows = page.locator("[data-fc-deck-row]")
    return {
        rows.nth(i).get_attribute("data-fc-deck-row"): rows.nth(i)
        .get_attribute("data-fc-ids")
        .split()
        for i in range(rows.count())
    }


def due_record(page, days_ago: int = 3) -> dict:
    """A mature card record, as the scheduler itself makes it, due since yesterday."""
    return page.evaluate(
        """(d) => {
          const now = Date.now(), S = window.GuideSRS;
          let r = S.review(null, 'easy', now - d * 86400000, {retention: 0.9});
          return Object.assign(r, {due: now - 86400000});
        }""",
        days_ago,
    )


def put(page, key: str, value: object) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(value)])


def stored(page, key: str = CARDS) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{key}')")
    return json.loads(raw) if raw else {}


def test_review_mixes_due_cards_of_every_deck_then_new_ones_up_to_the_limit(
    page, served_site
) -> None:
    decks = deck_ids(page, served_site)
    assert len(decks) >= 2
    ids_a, ids_b = list(decks.values())[:2]
    page.wait_for_selector("[data-fc-settings]")
    page.wait_for_function("!!window.GuideSRS")
    rec = due_record(page)
    put(page, CARDS, {"cards": {ids_a[0]: rec, ids_b[0]: rec}})
    put(page, SETTINGS, {"retention": 0.9, "newPerDay": 2})

    page.goto(served_site)
    page.wait_for_selector("[data-progress-summary][data-ready]:not([hidden])")
    assert "2 due · 2 new" in page.inner_text('[data-summary="cards"]')
    page.click('[data-summary="cards"] a')
    page.wait_for_selector(READY)
    assert page.url == served_site + "review/"
    assert page.inner_text(".fc-pos").endswith(": 4")
    seen = []
    for _ in range(4):
        seen.append(page.get_attribute(".fc-q", "data-card-id"))
        page.keyboard.press("Space")
        page.keyboard.press("4")  # Easy: days away, so nothing comes back in this session
    assert set(seen[:2]) == {ids_a[0], ids_b[0]}, "due cards of both decks first"
    assert all(i not in (ids_a[0], ids_b[0]) for i in seen[2:])
    assert page.is_visible(".fc-done")
    assert "Nothing more to review" in page.inner_text(".fc-done")
    # Two new cards started today: the daily limit of 2 is used up.
    page.reload()
    page.wait_for_selector(READY)
    assert page.is_visible(".fc-done")
    cards = stored(page)["cards"]
    assert len(cards) == 4 and all(c["reps"] >= 1 for c in cards.values())


def test_settings_are_saved_and_explained(page, served_site) -> None:
    page.goto(served_site + "flashcards/")
    form = page.locator("[data-fc-settings]")
    form.wait_for()
    assert "90%" in page.inner_text("#fc-retention") and "default" in form.inner_text()
    page.wait_for_function("!!window.GuideFlashcards")
    page.select_option("#fc-retention", "0.95")
    page.fill("#fc-new-per-day", "7")
    page.press("#fc-new-per-day", "Tab")
    page.wait_for_function(f"localStorage.getItem('{SETTINGS}') !== null")
    assert stored(page, SETTINGS) == {"retention": 0.95, "newPerDay": 7}
    assert "Saved" in page.inner_text("[data-fc-settings-status]")
    page.fill("#fc-new-per-day", "2.5")
    page.press("#fc-new-per-day", "Tab")
    assert "whole number" in page.inner_text("[data-fc-settings-status]")
    assert stored(page, SETTINGS)["newPerDay"] == 7


def test_export_then_import_in_another_browser_merges_and_asks_first(
    page, browser, served_site, tmp_path: Path
) -> None:
    ids = next(iter(deck_ids(page, served_site).values()))
    page.wait_for_function("!!window.GuideSRS")
    old = due_record(page, days_ago=9)
    new = due_record(page, days_ago=2)
    put(page, CARDS, {"cards": {ids[0]: new, ids[1]: old}})
    put(page, "wbpm-guide.checklist.v1", {"v": 1, "done": {"t1": 1}, "ids": ["t1"]})
    page.reload()
    page.wait_for_selector("[data-backup]")
    with page.expect_download() as dl:
        page.click("[data-backup-export]")
    backup = tmp_path / dl.value.suggested_filename
    dl.value.save_as(backup)
    data = json.loads(backup.read_text())
    assert data["format"] == "wbpm-guide-backup" and data["schema"] == 1
    assert data["stores"]["flashcards"]["version"] == 2

    other = browser.new_context().new_page()
    try:
        other.goto(served_site + "flashcards/")
        other.wait_for_function("!!window.GuideSRS")
        put(other, CARDS, {"cards": {ids[0]: old, ids[2]: old}})
        other.reload()
        other.wait_for_selector("[data-backup]")
        other.wait_for_function("!!window.GuideBackup")
        foreign = tmp_path / "foreign.json"
        foreign.write_text('{"cards": {}}')
        other.set_input_files("[data-backup-file]", str(foreign))
        other.wait_for_selector("[data-backup-error]")
        assert "not a progress backup" in other.inner_text("[data-backup-status]")

        other.set_input_files("[data-backup-file]", str(backup))
        other.wait_for_selector('[data-backup-change="flashcards"]')
        change = other.inner_text('[data-backup-change="flashcards"]')
        assert "2 cards studied now, 3 cards studied after" in change
        assert "Checklist" in other.inner_text("[data-backup-status]")
        assert stored(other)["cards"][ids[0]] == old, "nothing is written before Apply"
        other.get_by_role("button", name="Apply").click()
        other.wait_for_selector("[data-backup-status] >> text=Imported")
        total = other.locator("tfoot [data-fc-due]")
        assert total.inner_text() == "3", "the index counts the imported cards at once"
        cards = stored(other)["cards"]
        assert cards[ids[0]] == new, "the newer review wins"
        assert cards[ids[1]] == old and cards[ids[2]] == old
        assert stored(other, "wbpm-guide.checklist.v1")["done"] == {"t1": 1}
    finally:
        other.context.close()


def test_sm2_progress_is_migrated_with_its_due_dates(page, served_site) -> None:
    slug, ids = next(iter(deck_ids(page, served_site).items()))
    now = page.evaluate("Date.now()")
    sm2: dict[str, Any] = {
        "v": 1,
        "cards": {
            ids[0]: {
                "state": "review",
                "reps": 3,
                "ef": 2.5,
                "interval": 15,
                "due": now - DAY,
                "lapses": 0,
            },
            ids[1]: {
                "state": "review",
                "reps": 2,
                "ef": 2.36,
                "interval": 6,
                "due": now + 5 * DAY,
                "lapses": 1,
            },
        },
    }
    put(page, OLD_CARDS, sm2)
    page.goto(served_site + f"flashcards/{slug}/")
    page.wait_for_selector(READY)
    assert "carried over" in page.inner_text(".fc-notice")
    assert stored(page, OLD_CARDS) == {}
    cards = stored(page)["cards"]
    for i in ids[:2]:
        assert cards[i]["due"] == sm2["cards"][i]["due"]
        assert cards[i]["state"] == 2 and cards[i]["reps"] == sm2["cards"][i]["reps"]
    assert abs(cards[ids[0]]["stability"] - 15) < 1e-6
    assert page.inner_text('[data-fc-count="due now"] b') == "1"
    assert page.get_attribute(".fc-q", "data-card-id") == ids[0], "the due card comes first"


def test_phone_keeps_the_question_in_view_and_grades_in_one_row(browser, served_site) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    try:
        pg = context.new_page()
        decks = deck_ids(pg, served_site)
        longest = max(decks, key=lambda s: len(decks[s]))
        pg.goto(served_site + f"flashcards/{longest}/")
        pg.wait_for_selector(READY)
        for _ in range(len(decks[longest])):
            pg.click(".fc-show")
            top = pg.evaluate("document.querySelector('.fc-q').getBoundingClientRect().top")
            assert 0 <= top < 640, f"question scrolled out of view: top {top}"
            rows = pg.evaluate(
                "[...document.querySelectorAll('.fc-grades .md-button')]"
                ".map((b) => Math.round(b.getBoundingClientRect().top))"
            )
            assert len(rows) == 4 and len(set(rows)) == 1, rows
            pg.click('[data-grade="easy"]')
            if pg.is_visible(".fc-done"):
                break
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_grade_borders_and_focus_are_visible(browser, served_site, scheme: str) -> None:
    """Non-text contrast (WCAG 1.4.11): each grade button's border and the focus ring stand at
    3:1 or more against the page in both palettes (the focused button is filled)."""
    context = browser.new_context(color_scheme=scheme)
    try:
        pg = context.new_page()
        slug = next(iter(deck_ids(pg, served_site)))
        pg.goto(served_site + f"flashcards/{slug}/")
        pg.wait_for_selector(READY)
        pg.keyboard.press("Space")
        ratios = pg.evaluate(
            """() => {
              const parts = (c) => c.match(/[\\d.]+/g).map(Number);
              const bgParts = parts(getComputedStyle(document.body).backgroundColor);
              // A translucent colour as seen over the page.
              const rgb = (c) => {
                const [r, g, b, a = 1] = parts(c);
                return [r, g, b].map((v, i) => a * v + (1 - a) * bgParts[i]);
              };
              const lum = ([r, g, b]) => [r, g, b].map((v) => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
              }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
              const ratio = (a, b) => {
                const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
                return (x + 0.05) / (y + 0.05);
              };
              const bg = getComputedStyle(document.body).backgroundColor;
              const out = {};
              for (const b of document.querySelectorAll('.fc-grades .md-button')) {
                // The focused one is filled with the accent colour instead.
                if (b !== document.activeElement) {
                  out[b.dataset.grade] = ratio(getComputedStyle(b).borderTopColor, bg);
                }
              }
              const good = document.querySelector('[data-grade=good]');
              out.focus = ratio(getComputedStyle(good).outlineColor, bg);
              out.focusStyle = getComputedStyle(good).outlineStyle;
              return out;
            }"""
        )
        assert ratios.pop("focusStyle") == "solid", "the focused grade shows no ring"
        low = {k: round(v, 2) for k, v in ratios.items() if v < 3}
        assert not low, f"{scheme}: {low}"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_review_and_index_tools_have_no_axe_violations(
    browser,
    served_site,
    axe_script,
    scheme: str,
) -> None:
    """axe-core on the Review page with an answer shown, and on the index with its settings
    and an import message, in both palettes."""
    context = browser.new_context(color_scheme=scheme)
    try:
        pg = context.new_page()
        pg.goto(served_site + "review/")
        pg.wait_for_selector(READY)
        pg.keyboard.press("Space")
        pg.wait_for_function("document.getAnimations().every((a) => a.playState === 'finished')")
        found = axe_violations(pg, axe_script, also=LABEL_IN_NAME)
        assert not found, f"review ({scheme}):\n{describe(found)}"
        pg.goto(served_site + "flashcards/")
        pg.wait_for_function("!!window.GuideBackup")
        pg.set_input_files(
            "[data-backup-file]",
            files=[{"name": "x.json", "mimeType": "application/json", "buffer": b"{}"}],
        )
        pg.wait_for_selector("[data-backup-error]")
        found = axe_violations(pg, axe_script)
        assert not found, f"flashcards index ({scheme}):\n{describe(found)}"
    finally:
        context.close()
