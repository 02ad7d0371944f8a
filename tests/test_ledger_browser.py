"""Following a figure to its source: the ledger row it links to is in view and marked.

A reader who clicks a figure on a page lands on its row in "Sources and figures" (through
Material's instant navigation); the row must not hide under the sticky header and must
stand out from its neighbours.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_figure_link_lands_on_its_marked_row_below_the_header(
    page: object, served_site: str
) -> None:
    page.goto(served_site + "frameworks/impact-first/")  # type: ignore[attr-defined]
    link = page.locator("a.claim").first  # type: ignore[attr-defined]
    claim_id = link.get_attribute("data-claim-id")
    assert claim_id
    link.click()
    page.wait_for_url(f"**/sources/#claim-{claim_id}")  # type: ignore[attr-defined]
    row = page.locator(f"#claim-{claim_id}")  # type: ignore[attr-defined]
    row.wait_for()
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    header_bottom = page.evaluate(  # type: ignore[attr-defined]
        "document.querySelector('.md-header').getBoundingClientRect().bottom"
    )
    top = row.evaluate("r => r.getBoundingClientRect().top")
    viewport = page.viewport_size["height"]  # type: ignore[attr-defined]
    assert header_bottom <= top < viewport, (header_bottom, top, viewport)
    marked = row.evaluate("r => getComputedStyle(r.cells[1]).boxShadow")
    other = page.evaluate(  # type: ignore[attr-defined]
        "id => { const rows = [...document.querySelectorAll('tr[id^=claim-]')];"
        " const r = rows.find(x => x.id !== 'claim-' + id);"
        " return getComputedStyle(r.cells[1]).boxShadow; }",
        claim_id,
    )
    assert marked != other
