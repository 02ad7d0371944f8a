"""`make bench` can build what it measures: every variant of a small synthetic site.

Nothing here is timed. The bench builds each variant in a child process and reads the
page count it prints; a variant that stops building (a synthetic site the hooks reject,
say with an unused claim, or a plugin missing from requirements) would only show up when
someone runs `make bench`, so a five-page site is built here on every `make test`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import bench
from studyguide.bench.report import PLAIN_AGAIN
from studyguide.bench.runs import run_build

pytestmark = pytest.mark.integration


def test_every_synthetic_variant_builds_and_counts_its_pages(tmp_path: Path) -> None:
    variants = bench.synthetic(tmp_path, 5, bench.CLAIMS, bench.REFS_PER_PAGE)
    names = ["hooks, no cache", "hooks, cache kept", "plain", PLAIN_AGAIN, "macros"]
    names += ["base (1 page)"]
    assert [v.name for v in variants] == names
    built = {}
    for v in variants:
        _, _, pages = run_build(v)
        # What the bench times is a real build: the variant's home page is there.
        assert (v.site / "index.html").is_file(), v.name
        built[v.name] = pages
    # Plain (twice, the noise control in a folder of its own) and macros build the five
    # pages and the home page; the hooks add the ledger and the flashcards index on top.
    assert built["plain"] == built[PLAIN_AGAIN] == built["macros"] >= 5
    assert variants[3].config == variants[2].config and variants[3].site != variants[2].site
    # The base build, whose time is the fixed cost in the bench's model, is one page.
    assert built["base (1 page)"] == 1
    assert built["hooks, no cache"] == built["hooks, cache kept"] >= built["plain"] + 2
    # The warm build keeps the output check's results in its own folder; the cold keeps none.
    assert list(Path(variants[1].env["STUDYGUIDE_CACHE"]).glob("results-*.json"))
    assert variants[0].env == {"STUDYGUIDE_CACHE": "off"}
    ledger = (variants[0].site / "sources/index.html").read_text("utf-8")
    assert ledger.count('<tr id="claim-') == bench.CLAIMS


def test_real_site_variants_build_the_same_pages(tmp_path: Path) -> None:
    hooks, warm, plain, again, base = bench.real_site(tmp_path)
    assert (again.name, again.config, again.seconds) == (PLAIN_AGAIN, plain.config, [])
    assert again.site != plain.site and again.seconds is not plain.seconds
    assert (hooks.env, warm.config) == ({"STUDYGUIDE_CACHE": "off"}, hooks.config)
    _, _, base_pages = run_build(base)
    assert base_pages == 1
    _, _, plain_pages = run_build(plain)
    _, _, hooks_pages = run_build(hooks)
    # The hooks add generated pages (ledger, flashcards, decks) to the same content.
    assert hooks_pages > plain_pages >= 14
