"""Size budgets that do not depend on timing: the project's own CSS and JS, page assets.

The budget: the project's own JS and CSS together at most 15 KB gzip, as shipped (minified,
scripts bundled) and each file compressed as a static host sends it. `make bench` prints
the same numbers per file; this test holds the total.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide.bench.weight import (
    OWN_ASSETS_BUDGET,
    gzip_size,
    own_assets_weight,
    page_weight,
    shipped_own_assets,
)


@pytest.mark.integration
def test_own_css_and_js_fit_the_budget(site_dir: Path) -> None:
    files = shipped_own_assets(site_dir)
    assert [p.suffix for p in files] == [".css", ".js"], files
    assert all(p.is_file() for p in files), [str(p) for p in files if not p.is_file()]
    total = own_assets_weight(files)
    listing = ", ".join(f"{p.name} {gzip_size(p.read_bytes())}" for p in files)
    assert total <= OWN_ASSETS_BUDGET, f"{total} B gzip > {OWN_ASSETS_BUDGET} B: {listing}"


def test_budget_check_catches_an_oversized_asset(tmp_path: Path) -> None:
    """The check can fail: incompressible bytes over the budget are over the budget."""
    big = tmp_path / "big.js"
    big.write_bytes(random.Random(7).randbytes(20_000))  # bytes gzip cannot shrink
    assert own_assets_weight([big]) > OWN_ASSETS_BUDGET


@pytest.mark.integration
@pytest.mark.parametrize("page", ["", "frameworks/impact-first/"])
def test_built_pages_link_only_their_own_assets(site_dir: Path, page: str) -> None:
    """Every stylesheet and script a key page links is a file of the site (no CDN)."""
    weight = page_weight(site_dir, page)
    assert weight.html > 0 and weight.css > 0 and weight.js > 0


@pytest.mark.integration
@pytest.mark.parametrize("page", ["", "frameworks/impact-first/", "practice/", "sources/"])
def test_no_script_holds_up_the_first_paint(site_dir: Path, page: str) -> None:
    """Every script file a page loads is deferred (Material's bundle included), so the first
    paint waits for the stylesheets only; Lighthouse counted Material's bundle as
    render-blocking (FCP 1.4 s -> 1.1 s on simulated mobile once deferred)."""
    soup = BeautifulSoup((site_dir / page / "index.html").read_text("utf-8"), "html.parser")
    external = soup.find_all("script", src=True)
    assert any("javascripts/bundle." in s["src"] for s in external)
    blocking = [s["src"] for s in external if not s.has_attr("defer") and not s.has_attr("async")]
    assert blocking == []
