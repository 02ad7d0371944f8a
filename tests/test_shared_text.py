"""The output check reads repeated navigation once per build without hiding anything.

`SharedText` reads the navigation, header and footer chunk by chunk and remembers each
chunk for the rest of the build. These tests prove it returns exactly what reading each
fragment whole returns, even where a tag, an exempt element, a quote or an attribute
crosses a cut, and that a figure in the shared navigation is still found on every page and
reported once, in mkdocs.yml, while a figure only one page's navigation shows is found there.
"""

from __future__ import annotations

import pytest

from studyguide.claims import load_registry
from studyguide.locate import SourceFile
from studyguide.output_build import OutputState, dedupe
from studyguide.output_check import OutputCheck
from studyguide.output_text import FOOTER, NAV, fragment_segments, page_segments
from studyguide.shared_text import SharedText, chunks

REGISTRY_YAML = (
    "sources:\n  s:\n    title: S\n    date: 2026-01-01\n    note: n\nclaims:\n"
    '  c:\n    value: "45 minutes"\n    kind: fact\n    source: s\n'
)
ITEM = '<li class="md-nav__item"><a href="{0}/" class="md-nav__link">{1}</a></li>'


def _nav(titles: list[str], active: int) -> str:
    items = [ITEM.format(i, t) for i, t in enumerate(titles)]
    items[active] = items[active].replace("md-nav__item", "md-nav__item md-nav__item--active")
    return f'<nav class="md-nav"><ul class="md-nav__list">{"".join(items)}</ul></nav>'


def _page(nav: str, body: str) -> str:
    return (
        "<html><head><title>Guide</title></head><body>"
        '<header class="md-header"><div class="md-header__title">Guide</div></header>'
        f'<div class="md-sidebar">{nav}</div>'
        f'<article class="md-content__inner"><p>{body}</p></article>'
        '<footer class="md-footer"><div class="md-copyright">Made here</div></footer>'
        "</body></html>"
    )


# Fragments whose chunks do not read the same alone: each must still give the whole's text.
CROSSING = [
    '<div a="1">x<script>var s = "<li b>";</script> 40% <li c="2">y</li></div>',
    '<div a="1">x <!-- <div b="2"> 40% --> z</div><li c="3">12 teams</li>',
    '<div title="a <li b=1> 30 runs">x</div><li c="2">y</li>',
    '<div a="1">set title="30 <li c="2"> runs" here</div>',
    '<div a="1"><blockquote>She said <div b="2">it grew 3x</div></blockquote></div>',
    '<div a="1"><span class="literal">7 <div b="2">days</div></span> 8 days</div>',
    '<div a="1">a < b and 9 <li c="2">units</li></div>',
    '<div a="1"><code>5 <li c="2">x</li></code> after 6</div>',
    '<DIV a="1"><SCRIPT>x</SCRIPT><li c="2">4 GPUs</li></DIV>',
    # "ſ" is no "s" in lower case, but `re.IGNORECASE` matches it to one: a script still.
    '<div a="1"><ſcript>5 teams</ſcript> 7 teams<li c="2">y</li></div>',
    '<div a="1">9 teams <li c="2">x <b',  # a tag left open at the very end
]


@pytest.mark.parametrize("markup", CROSSING)
@pytest.mark.parametrize("surface", [NAV, FOOTER])
def test_chunked_reading_equals_reading_whole(markup: str, surface: str) -> None:
    assert "".join(chunks(markup)) == markup
    shared = SharedText()
    assert shared.fragment(markup, surface) == fragment_segments(markup, surface)
    # Read again, from what the first read remembered.
    assert shared.fragment(markup, surface) == fragment_segments(markup, surface)


def test_whole_pages_read_the_same_with_and_without_the_cache() -> None:
    shared = SharedText()
    titles = ["Home", "Costs", "Plans", "Rollout in 3 weeks"]
    for active in range(len(titles)):
        document = _page(_nav(titles, active), f"Body {active} of the guide")
        assert page_segments(document, shared.fragment) == page_segments(document)


def test_kept_reading_drops_only_texts_that_hold_nothing() -> None:
    """With `keep` (as a build reads), the chunks keep only texts that may hold a finding:
    what is read is the whole reading with such texts left out, in order, and every text
    holding something is still there, on pages read from remembered chunks too."""
    check = OutputCheck(load_registry(REGISTRY_YAML)[0])
    shared = SharedText(keep=check.may_hold)
    titles = ["Home", "Costs", "Grew 40% a year", "Rollout in 3 weeks", "Plans"]
    fragments = [*CROSSING, *(_nav(titles, active) for active in range(len(titles)))]
    for markup in fragments * 2:  # the second time, from the remembered chunks
        for surface in (NAV, FOOTER):
            whole = fragment_segments(markup, surface)
            got = shared.fragment(markup, surface)
            holding = [s for s in whole if s.container or check.may_hold(s.text)]
            assert [s for s in got if s.container or check.may_hold(s.text)] == holding
            rest = iter(whole)
            assert all(s in rest for s in got)  # in the whole reading's order
    nav = shared.fragment(_nav(titles, 0), NAV)
    assert [s.text for s in nav] == ["Grew 40% a year", "Rollout in 3 weeks"]


def _state(settings: str) -> OutputState:
    registry, _ = load_registry(REGISTRY_YAML)
    check = OutputCheck(registry)
    return OutputState(
        registry,
        check,
        {},
        {},
        [SourceFile("mkdocs.yml", settings)],
        shared=SharedText(keep=check.may_hold),
    )


def test_a_figure_in_the_shared_navigation_is_found_on_every_page_reported_once() -> None:
    settings = "nav:\n  - Home: index.md\n  - Grew 40% a year: growth.md\n  - Plans: plans.md\n"
    state = _state(settings)
    titles = ["Home", "Grew 40% a year", "Plans"]
    for active in range(3):
        found = state.check_page(
            _page(_nav(titles, active), "Plain words"),
            f"p{active}/",
            state.settings,
            f"p{active}.md",
            [],
        )
        # Every page's check finds it, from the remembered chunks as from the first read.
        assert [p.message.split(" — ")[0] for p in found] == [
            'unsourced figure "40%" (seen in the navigation)'
        ]
    problems = dedupe(state.problems)
    assert [(p.path, p.line, p.col) for p in problems] == [("mkdocs.yml", 3, 10)]


def test_a_figure_only_one_pages_navigation_shows_is_found_on_that_page() -> None:
    state = _state("nav:\n  - Home: index.md\n")
    plain = ["Home", "Costs", "Plans"]
    # Same navigation on every page but one, which shows a figure in one item.
    pages = [_nav(plain, 0), _nav(plain, 1), _nav(["Home", "Costs in 12 weeks", "Plans"], 1)]
    pages.append(_nav(plain, 2))
    found = [
        state.check_page(_page(nav, "Plain words"), f"p{i}/", state.settings, f"p{i}.md", [])
        for i, nav in enumerate(pages)
    ]
    assert [len(f) for f in found] == [0, 0, 1, 0]
    assert '"12 weeks"' in found[2][0].message


def test_remembered_chunks_leave_nothing_for_the_collector_to_walk() -> None:
    """What a build remembers per chunk is tuples of strings: after one collection the
    cyclic garbage collector no longer tracks them, so thousands of chunks of a large
    site's navigation do not lengthen every full collection (lists would stay tracked)."""
    import gc

    check = OutputCheck(load_registry(REGISTRY_YAML)[0])
    for shared in (SharedText(), SharedText(keep=check.may_hold)):
        titles = ["Home", "Costs", "Grew 40% a year", "Rollout in 3 weeks", "Plans"]
        for active in range(len(titles)):
            shared.fragment(_nav(titles, active), NAV)
        gc.collect()
        gc.collect()  # a tuple goes untracked once what it holds is: inner ones first
        kept = [v for v in shared._chunks.values() if v is not None]
        assert len(kept) > len(titles)
        assert not any(gc.is_tracked(v) for v in kept)
