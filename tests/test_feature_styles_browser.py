"""Feature stylesheets in the browser (hooks/assets.py links them in the page's <head> only
where the feature is): a feature is styled from its page's first paint, and after Material's
instant navigation it is never painted unstyled, even when its stylesheet is slow to come
(guide.css keeps it out of sight until then); a plain page loads no feature styles."""

from __future__ import annotations

import time

import pytest

# For each feature page: the element, and a style its stylesheet sets on it.
STYLED = {
    "practice/": ".practice-app",
    "flashcards/figures/": ".fc-stage",
    "checklist/": ".progress-bar",
}
# Every animation frame, before it paints: is the feature's element there, visible, and
# without its style? (A border, or the bar's flex layout.)
WATCH_FRAMES = """(sel) => {
  window.__unstyled = 0; window.__styledFrames = 0;
  const frame = () => {
    const el = document.querySelector(sel);
    if (el) {
      const s = getComputedStyle(el);
      if (s.display === 'flex' || s.borderTopStyle !== 'none') window.__styledFrames++;
      else if (s.visibility !== 'hidden') window.__unstyled++;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""
# A link in the page to `href`, which Material's instant navigation follows.
ADD_LINK = (
    "(href) => { const a = document.createElement('a'); a.href = href; a.id = 'go';"
    " a.textContent = 'go'; document.querySelector('article').append(a); }"
)


def _late(route) -> None:
    """Send the stylesheet 0.4 s late (a slow network's first visit)."""
    time.sleep(0.4)
    route.continue_()


def unstyled_frames(page, base: str, target: str, *, slow: bool, ungated: bool = False) -> int:
    """Follow an instant link from a plain page to `target`: frames painted unstyled."""
    page.goto(base + "frameworks/impact-first/")
    assert not page.locator('link[href*="assets/page-"]').count(), "a plain page got feature CSS"
    if slow:
        page.route("**/assets/page-*.min.css", _late)
    if ungated:  # the adversary: guide.css's gate taken away (in <body>: Material keeps it)
        page.evaluate(
            "document.body.append(Object.assign(document.createElement('style'),"
            " {textContent: '[data-practice] { visibility: visible !important; }'}))"
        )
    page.evaluate("window.notReloaded = true")
    page.evaluate(WATCH_FRAMES, STYLED[target])
    page.evaluate(ADD_LINK, base + target)
    page.click("#go")
    page.wait_for_function("window.__styledFrames > 2")
    assert page.evaluate("window.notReloaded") is True, "the link was not followed instantly"
    return int(page.evaluate("window.__unstyled"))


@pytest.mark.parametrize("slow", [False, True], ids=["fast", "slow-css"])
@pytest.mark.parametrize("target", sorted(STYLED))
def test_instant_navigation_never_paints_a_feature_unstyled(
    page, served_site, target, slow
) -> None:
    assert unstyled_frames(page, served_site, target, slow=slow) == 0
    # Back on a plain page: the feature's stylesheet has left the <head> with it.
    page.go_back()
    page.wait_for_function("!document.querySelector('link[href*=\"assets/page-\"]')")


def test_the_unstyled_frame_check_can_fail(page, served_site) -> None:
    assert unstyled_frames(page, served_site, "practice/", slow=True, ungated=True) > 0


@pytest.mark.parametrize("target", sorted(STYLED))
def test_feature_page_is_styled_at_first_paint(page, served_site, target) -> None:
    """As the page is parsed its feature is styled. Material's bundle is held back: as it
    starts it re-sets every link's href (an absolute URL), which reloads each stylesheet, the
    theme's own too, and can leave a frame unstyled on any page; that is not this check's."""
    page.route(
        "**/assets/javascripts/bundle.*.min.js",
        lambda r: r.fulfill(body="", content_type="text/javascript"),
    )
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        f" const s = getComputedStyle(document.querySelector({STYLED[target]!r}));"
        " window.__first = (s.display === 'flex' || s.borderTopStyle !== 'none')"
        " && s.visibility === 'visible'; });"
    )
    page.goto(served_site + target)
    assert page.evaluate("window.__first") is True
