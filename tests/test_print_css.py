"""Browser tests of the site-wide print stylesheet (docs/assets/print.css and print.js).

Each check is made twice in Debian's Chromium: with print media, where it must hold, and
with screen media, where the opposite holds, which proves the check can fail and that the
difference comes from the print stylesheet. Two pages are also printed to PDF and read back:
the site's footer is gone and the answers hidden in collapsed blocks are on paper.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser
FRAMEWORK = "frameworks/impact-first/"
MISTAKES = "mistakes/"
RUBRIC = "interview/"
DECK = "flashcards/frameworks/"
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]

RENDERED_JS = """sel => [...document.querySelectorAll(sel)].map(el => {
  const r = el.getBoundingClientRect();
  return el.checkVisibility() && r.width > 0 && r.height > 0;
})"""

# The guide's stylesheets ship as one bundle (hooks/assets.py), print.css among them.
DISABLE_PRINT_CSS_JS = """() => {
  const link = document.querySelector('link[href*="assets/guide."][href$=".min.css"]');
  link.disabled = true;
  return link.href;
}"""


def rendered(page, selector: str) -> list[bool]:
    """For each element matching `selector`: is it drawn and does it take up space?
    (`checkVisibility` is false inside a closed <details>, whose content keeps its size.)"""
    return page.evaluate(RENDERED_JS, selector)


def open_page(page, url: str, media: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(url)
    page.emulate_media(media=media)


@pytest.mark.parametrize("media", ["print", "screen"])
def test_site_chrome_is_hidden_only_in_print(page, served_site, media) -> None:
    open_page(page, served_site + FRAMEWORK, media)
    for selector in CHROME:
        shown = rendered(page, selector)
        assert shown, f"{selector} is not on the page at all"
        assert all(shown) is (media == "screen"), f"{selector} with {media} media"
    search = page.evaluate("() => document.querySelector('.md-search').getClientRects().length > 0")
    assert search is (media == "screen")


@pytest.mark.parametrize("media", ["print", "screen"])
def test_collapsed_details_print_expanded(page, served_site, media) -> None:
    open_page(page, served_site + FRAMEWORK, media)
    closed = page.evaluate("() => [...document.querySelectorAll('details')].every(d => !d.open)")
    assert closed, "the question cards start collapsed"
    bodies = rendered(page, "details > :not(summary)")
    assert bodies
    if media == "print":
        assert all(bodies)
        # It is print.css that opens them: without it they stay closed on paper too.
        page.evaluate(DISABLE_PRINT_CSS_JS)
        assert not any(rendered(page, "details > :not(summary)"))
    else:
        assert not any(bodies)


@pytest.mark.parametrize("media", ["print", "screen"])
def test_every_tab_panel_prints_under_its_label(page, served_site, media) -> None:
    open_page(page, served_site + MISTAKES, media)
    sets = page.evaluate(
        """() => [...document.querySelectorAll('.tabbed-set')].map(set => ({
          labels: [...set.querySelectorAll('.tabbed-labels > label')].map(
            l => [l.textContent.trim(), l.getBoundingClientRect().top]),
          blocks: [...set.querySelectorAll('.tabbed-block')].map(
            b => [b.getBoundingClientRect().height, b.getBoundingClientRect().top]),
        }))"""
    )
    assert sets and all(len(s["labels"]) == len(s["blocks"]) >= 2 for s in sets)
    for s in sets:
        heights = [h for h, _ in s["blocks"]]
        if media == "print":
            assert all(h > 0 for h in heights)
            tops = []
            for (_, label_top), (_, block_top) in zip(s["labels"], s["blocks"], strict=True):
                tops += [label_top, block_top]
            assert tops == sorted(tops), "each panel follows its own label"
        else:
            assert sum(h > 0 for h in heights) == 1


@pytest.mark.parametrize("media", ["print", "screen"])
def test_external_links_show_their_target_internal_ones_do_not(page, served_site, media) -> None:
    open_page(page, served_site + FRAMEWORK, media)
    after = page.evaluate(
        """() => {
          const p = document.querySelector('.md-content p');
          const a = document.createElement('a');
          a.href = 'https://example.org/reading';
          a.textContent = 'further reading';
          p.appendChild(a);
          const internal = document.querySelector('.md-content a.claim');
          return {
            external: getComputedStyle(a, '::after').content,
            internal: getComputedStyle(internal, '::after').content,
            internalHref: internal.getAttribute('href'),
          };
        }"""
    )
    # Material makes internal links absolute at run time; print.js marks them as internal.
    assert after["internalHref"].startswith("http://127.0.0.1")
    assert after["internal"] in ("none", "normal", "")
    if media == "print":
        assert "https://example.org/reading" in after["external"]
    else:
        assert after["external"] in ("none", "normal", "")


@pytest.mark.parametrize("media", ["print", "screen"])
def test_tables_do_not_scroll_or_clip_in_print(page, served_site, media) -> None:
    page.set_viewport_size({"width": 600, "height": 900})
    page.goto(served_site + RUBRIC)
    page.emulate_media(media=media)
    wraps = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(w => ({
          overflow: getComputedStyle(w).overflowX,
          clipped: w.scrollWidth > w.clientWidth + 1,
        }))"""
    )
    assert wraps
    if media == "print":
        assert all(w["overflow"] == "visible" and not w["clipped"] for w in wraps)
    else:
        assert any(w["overflow"] == "auto" for w in wraps)


BREAK_JS = "sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).breakInside)"


def test_blocks_that_belong_together_do_not_break_in_print(page, served_site) -> None:
    checks = (
        (FRAMEWORK, "details"),
        (FRAMEWORK, "figure.script"),
        (FRAMEWORK, ".admonition"),
        (RUBRIC, "tr"),
        (DECK, ".fc-card"),
    )
    for path, selector in checks:
        open_page(page, served_site + path, "print")
        values = page.evaluate(BREAK_JS, selector)
        assert values, f"no {selector} on {path}"
        assert set(values) == {"avoid"}, f"{selector} on {path}: {set(values)}"
    # Without our stylesheets, table rows and model lines may break: the check can fail.
    for path, selector in ((RUBRIC, "tr"), (FRAMEWORK, "figure.script")):
        open_page(page, served_site + path, "print")
        assert page.evaluate(DISABLE_PRINT_CSS_JS).endswith(".min.css")
        assert "avoid" not in page.evaluate(BREAK_JS, selector), selector


@pytest.mark.parametrize("path", [FRAMEWORK, DECK])
def test_printed_pdf_has_the_content_and_not_the_chrome(page, served_site, path) -> None:
    page.goto(served_site + path)
    hidden_answer = page.evaluate(
        """() => {
          const d = document.querySelector('details > :not(summary), .fc-back p:not(.fc-label)');
          return d.textContent.trim().split(/\\s+/).slice(0, 6).join(' ');
        }"""
    )
    data = page.pdf(format="Letter", print_background=False)
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    assert len(reader.pages) >= 1
    assert hidden_answer in text, "collapsed content is printed"
    assert "not affiliated with Weights" not in text, "the site footer is not printed"
    assert "Skip to content" not in text
