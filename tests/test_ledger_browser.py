"""Following a figure to its source: the ledger row it links to is in view and marked.

A reader who clicks a figure on a page lands on its row in "Sources and figures" (through
Material's instant navigation); the row must not hide under the sticky header and must
stand out from its neighbours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
# True once the row is in the viewport and has not moved for three animation frames: the
# scroll to it has finished (polled every frame; the wait fails after Playwright's timeout).
ROW_SETTLED = """(id) => {
  const top = document.getElementById("claim-" + id).getBoundingClientRect().top;
  const s = window.__rowSettle || (window.__rowSettle = {last: null, still: 0});
  s.still = top >= 0 && top < innerHeight && top === s.last ? s.still + 1 : 0;
  s.last = top;
  return s.still >= 3;
}"""


def test_a_figure_link_lands_on_its_marked_row_below_the_header(
    page: Page, served_site: str
) -> None:
    page.goto(served_site + "frameworks/impact-first/")
    link = page.locator("a.claim").first
    claim_id = link.get_attribute("data-claim-id")
    assert claim_id
    # A click event without Playwright's scroll to the link first: that scroll, made the
    # instant before the click, lets Material's hash tracking on the old page rewrite the
    # new URL's hash (to a heading of the old page), and the ledger then scrolls nowhere.
    link.dispatch_event("click")
    page.wait_for_url(f"**/sources/#claim-{claim_id}")
    row = page.locator(f"#claim-{claim_id}")
    row.wait_for()
    page.wait_for_function(ROW_SETTLED, arg=claim_id, polling="raf")
    header_bottom = page.evaluate(
        "document.querySelector('.md-header').getBoundingClientRect().bottom"
    )
    top = row.evaluate("r => r.getBoundingClientRect().top")
    assert page.viewport_size is not None
    viewport = page.viewport_size["height"]
    assert header_bottom <= top < viewport, (header_bottom, top, viewport)
    marked = row.evaluate("r => getComputedStyle(r.cells[1]).boxShadow")
    other = page.evaluate(
        "id => { const rows = [...document.querySelectorAll('tr[id^=claim-]')];"
        " const r = rows.find(x => x.id !== 'claim-' + id);"
        " return getComputedStyle(r.cells[1]).boxShadow; }",
        claim_id,
    )
    assert marked != other
