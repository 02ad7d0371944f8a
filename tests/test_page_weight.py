"""Page weight at first render, gzip, as `make bench` reports it (issue 14): home and content
pages at most 74 KB, a deck page at most 88 KB with the scheduler, the offline guide's manifest
link and loader included (issue 15 asks for no more); content pages load no feature script or
stylesheet; every built page's own CSS and JS (the vendored scheduler excepted) within the
project's budget. The checks can fail: a bloated page is over its limit, and a page that
links too much of the project's own code is found among all the others."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from studyguide.bench.weight import (
    OWN_ASSETS_BUDGET,
    Weight,
    after_load_scripts,
    after_load_weight,
    linked_assets,
    own_page_weight,
    own_weights,
    page_weight,
)

ROOT = Path(__file__).resolve().parent.parent
# The home page's progress summary fetches its card ids after load (flashcards/card-ids.json),
# so the home page has no more room than a content page.
LIMITS = {"": 74_000, "frameworks/impact-first/": 74_000, "DECK": 88_000}


def first_deck(site: Path) -> str:
    return sorted(p.parent.name for p in (site / "flashcards").glob("*/index.html"))[0]


def vendored() -> list[bytes]:
    """The vendored scheduler's bytes, which do not count as the project's own code."""
    return [p.read_bytes() for p in (ROOT / "docs/assets/vendor").glob("*.min.js")]


def own_weight(site: Path, page: str) -> int:
    """Gzip bytes of the page's own CSS and JS, the vendored scheduler's bytes taken out."""
    return own_page_weight(site, page, vendored())


@pytest.mark.integration
@pytest.mark.parametrize("page", sorted(LIMITS))
def test_first_render_within_the_limit(site_dir: Path, page: str) -> None:
    path = f"flashcards/{first_deck(site_dir)}/" if page == "DECK" else page
    w = page_weight(site_dir, path)
    assert w.total <= LIMITS[page], f"{path or 'home'}: {w}"


@pytest.mark.integration
@pytest.mark.parametrize(
    "page",
    ["", "frameworks/impact-first/", "checklist/", "DECK", "review/", "flashcards/", "practice/"],
)
def test_own_code_per_page_within_the_budget(site_dir: Path, page: str) -> None:
    path = f"flashcards/{first_deck(site_dir)}/" if page == "DECK" else page
    assert own_weight(site_dir, path) <= OWN_ASSETS_BUDGET


@pytest.mark.integration
def test_every_built_page_keeps_its_own_code_within_the_budget(site_dir: Path) -> None:
    """Not a list of pages: each page the build makes, so the next page to grow is caught."""
    weights = own_weights(site_dir, vendored())
    assert len(weights) > 30 and "practice/" in weights and "" in weights
    over = {page or "(home)": w for page, w in weights.items() if w > OWN_ASSETS_BUDGET}
    assert not over, f"own CSS + JS over {OWN_ASSETS_BUDGET} B gzip: {over}"


def test_budget_walk_finds_an_over_budget_page(tmp_path: Path) -> None:
    """The check can fail: among plain pages, one that links too much of its own code."""
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "guide.min.css").write_text("p{color:red}\n")
    (assets / "page-big.min.js").write_bytes(random.Random(3).randbytes(OWN_ASSETS_BUDGET))
    head = '<link rel="stylesheet" href="{0}assets/guide.min.css">'
    for page, extra in (
        ("", ""),
        ("a/", ""),
        ("a/b/", '<script src="../../assets/page-big.min.js">'),
    ):
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        html = head.format("../" * page.count("/")) + extra
        (tmp_path / page / "index.html").write_text(html + "</script>", "utf-8")
    weights = own_weights(tmp_path)
    assert sorted(weights) == ["", "a/", "a/b/"]
    assert [p for p, w in weights.items() if w > OWN_ASSETS_BUDGET] == ["a/b/"]


@pytest.mark.integration
@pytest.mark.parametrize("page", ["frameworks/impact-first/", "interview/", "faq/", "sources/"])
def test_content_pages_load_no_feature_code(site_dir: Path, page: str) -> None:
    html = (site_dir / page / "index.html").read_text("utf-8")
    assert "assets/page-" not in html, "a feature script or stylesheet on a content page"


@pytest.mark.integration
def test_home_loads_its_summary_after_first_render(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text("utf-8")
    _, scripts = linked_assets(html)
    assert not [s for s in scripts if "page-" in s]
    late = after_load_scripts(html)
    assert any("page-store-progress." in u for u in late) and after_load_weight(site_dir, "") > 0


def test_limit_check_can_fail() -> None:
    assert Weight(html=10_000, css=30_000, js=40_000).total > LIMITS[""]


@pytest.mark.integration
def test_home_summary_gets_every_card_id_from_a_file(site_dir: Path) -> None:
    """The card ids the summary counts are a JSON file, not part of the home page."""
    import json

    html = (site_dir / "index.html").read_text("utf-8")
    assert 'data-fc-ids-url="flashcards/card-ids.json"' in html and "data-fc-ids=" not in html
    ids = json.loads((site_dir / "flashcards/card-ids.json").read_text("utf-8"))
    rows = (site_dir / "flashcards/index.html").read_text("utf-8")
    assert ids and all(f"{i}" in rows for i in ids)
