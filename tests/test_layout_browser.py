"""Phones, both palettes and print: wide tables stack, scrolling shows a cue, diagrams read.

At 390 CSS pixels (a common phone width), in the light and the dark palette, every table on
every page of the built site must either be stacked (no sideways scrolling, every cell inside
the screen, each cell labelled with its heading) or, if it still scrolls, show the scroll
shadow. Diagrams must be labelled for assistive technology and drawn in a colour that
contrasts with the page, and in print (from the dark palette too) fit the page in black on
white. An adversarial test proves the table check can fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}

# Returns a list of problems with the tables and diagrams of the current page.
CHECK_JS = """
() => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const lum = (rgb) => {
    const m = rgb.match(/[\\d.]+/g).map(Number);
    const [r, g, b] = m.slice(0, 3).map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const bg = getComputedStyle(document.body).backgroundColor;
  document.querySelectorAll('.md-content table').forEach((table, i) => {
    const name = `table ${i + 1} ("${(table.rows[0]?.cells[0]?.textContent || '').trim()}")`;
    const wrap = table.closest('.md-typeset__scrollwrap');
    const scrolls = wrap && wrap.scrollWidth > wrap.clientWidth + 1;
    if (table.hasAttribute('data-stack')) {
      if (scrolls) problems.push(`${name} is stacked but still scrolls sideways`);
      table.querySelectorAll('td').forEach(td => {
        const r = td.getBoundingClientRect();
        if (r.width && (r.right > vw + 1 || r.left < -1))
          problems.push(`${name}: a cell is cut at the screen edge (${Math.round(r.right)})`);
        const label = getComputedStyle(td, '::before').content;
        if (!label || label === 'none' || label === 'normal')
          problems.push(`${name}: a stacked cell shows no heading`);
      });
      const head = table.querySelector('td[data-label]');
      const color = head && getComputedStyle(head, '::before').color;
      if (head && contrast(color.replace(/,\\s*[\\d.]+\\)$/, ')'), bg) < 4.5)
        problems.push(`${name}: stacked headings contrast below 4.5:1`);
    } else if (scrolls) {
      const image = getComputedStyle(wrap).backgroundImage;
      if (!image.includes('radial-gradient')) problems.push(`${name} scrolls with no visible cue`);
    }
  });
  document.querySelectorAll('figure.diagram').forEach(fig => {
    const svg = fig.querySelector('svg[role="img"]');
    if (!svg) { problems.push(`${fig.id}: no svg with role img`); return; }
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    if (ids.length < 2 || ids.some(id => !document.getElementById(id)?.textContent.trim()))
      problems.push(`${fig.id}: accessible name or description missing`);
    if (!fig.querySelector('details summary')) problems.push(`${fig.id}: no text description`);
    const text = svg.querySelector('text');
    if (contrast(getComputedStyle(text).fill, bg) < 4.5)
      problems.push(`${fig.id}: diagram text contrasts below 4.5:1`);
    const box = svg.querySelector('.diagram__node rect');
    if (contrast(getComputedStyle(box).stroke, bg) < 3)
      problems.push(`${fig.id}: box outlines contrast below 3:1`);
    const scroller = fig.querySelector('.diagram__scroll');
    if (scroller.scrollWidth > scroller.clientWidth + 1 &&
        !getComputedStyle(scroller).backgroundImage.includes('radial-gradient'))
      problems.push(`${fig.id}: scrolls with no visible cue`);
  });
  return problems;
}
"""


def _pages_with_tables_or_diagrams(site: Path) -> list[str]:
    found = []
    for html in sorted(site.rglob("index.html")):
        text = html.read_text("utf-8")
        if "<table" in text or 'class="diagram"' in text:
            rel = html.parent.relative_to(site).as_posix()
            found.append("" if rel == "." else rel + "/")
    return found


@dataclass
class Phone:
    """A browser page at phone width, and the Material palette it should show."""

    page: Page
    scheme: str


@pytest.fixture(params=sorted(SCHEMES))
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Phone]:
    """A page at phone width in the light or the dark palette."""
    context = browser.new_context(viewport=PHONE, color_scheme=request.param)
    yield Phone(context.new_page(), SCHEMES[request.param])
    context.close()


def test_tables_and_diagrams_read_on_a_phone_in_both_palettes(
    phone: Phone, served_site: str, site_dir: Path
) -> None:
    pages = _pages_with_tables_or_diagrams(site_dir)
    assert "interview/" in pages and "rounds/llm-agent-monitoring/" in pages, pages
    problems = []
    for path in pages:
        phone.page.goto(served_site + path)
        scheme = phone.page.evaluate("document.body.dataset.mdColorScheme")
        assert scheme == phone.scheme, (path, scheme)
        problems += [f"{path}: {p}" for p in phone.page.evaluate(CHECK_JS)]
    assert not problems, "\n".join(problems)


def test_the_rubric_shows_its_last_column_on_a_phone(phone: Phone, served_site: str) -> None:
    phone.page.goto(served_site + "interview/")
    cell = phone.page.locator("#the-rubric ~ .md-typeset__scrollwrap td[data-label]").last
    assert cell.get_attribute("data-label") == "What loses it"
    box = cell.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert cell.is_visible()


def test_the_check_fails_when_a_wide_table_neither_stacks_nor_shows_a_cue(
    phone: Phone, served_site: str
) -> None:
    phone.page.goto(served_site + "interview/")
    phone.page.evaluate(
        "document.querySelectorAll('table[data-stack]')"
        ".forEach(t => t.removeAttribute('data-stack'))"
    )
    phone.page.evaluate(
        "() => { const s = document.createElement('style');"
        " s.textContent = '.md-typeset__scrollwrap { background: none !important }';"
        " document.head.append(s); }"
    )
    problems = phone.page.evaluate(CHECK_JS)
    assert any("scrolls with no visible cue" in p for p in problems), problems


def test_diagrams_print_whole_in_black_on_white(browser: Browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(served_site + "examples/experiment-tracking/")
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 700, "height": 900})
        found = page.evaluate(
            """() => [...document.querySelectorAll('figure.diagram')].map(fig => {
              const svg = fig.querySelector('svg').getBoundingClientRect();
              const box = fig.getBoundingClientRect();
              return {fits: svg.left >= box.left - 1 && svg.right <= box.right + 1,
                      text: getComputedStyle(fig.querySelector('svg text')).fill,
                      node: getComputedStyle(fig.querySelector('.diagram__node rect')).fill};
            })"""
        )
    finally:
        context.close()
    assert found, "the page should have a diagram"
    for diagram in found:
        assert diagram == {"fits": True, "text": "rgb(0, 0, 0)", "node": "rgb(255, 255, 255)"}
