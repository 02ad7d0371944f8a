"""The bench's pure helpers: summaries, ratios, config rewriting, synthetic sites, weights.

No timing is asserted anywhere: these check what the bench measures, not how fast it is.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import yaml

from studyguide.bench.config_text import read_hooks, set_top_level
from studyguide.bench.report import PLAIN_AGAIN, Variant, report_scale, roles
from studyguide.bench.schedule import shuffled_rounds
from studyguide.bench.stats import (
    CostModel,
    Series,
    markdown_table,
    modelled_ratios,
    per_page_ratios,
    ratio_at,
    ratio_interval,
    ratio_of_medians,
    rounds_to_tell,
    summarize,
)
from studyguide.bench.synthetic import (
    expand_markdown,
    page_claims,
    page_url,
    refs_per_page,
    synthetic_claims,
    synthetic_nav,
    write_synthetic_docs,
)
from studyguide.bench.weight import gzip_size, linked_assets, page_weight
from studyguide.claims import load_registry
from studyguide.expand import expand_page

CONFIG = """site_name: X
strict: true
watch:
  - hooks
theme:
  name: material
  custom_dir: overrides
hooks:
  - hooks/claims.py
  # the sheet
  - hooks/study_sheet.py
extra_css:
  - assets/guide.css
"""


def test_summarize_gives_min_median_max() -> None:
    s = summarize([3.0, 1.0, 2.0, 10.0])
    assert (s.low, s.median, s.high) == (1.0, 2.5, 10.0)
    assert s.format(1) == "1.0–2.5–10.0"


def test_summarize_refuses_an_empty_series() -> None:
    with pytest.raises(ValueError):
        summarize([])


def test_per_page_ratios_pair_runs_and_normalise_by_pages() -> None:
    # A builds 20 pages in 2 s (0.1 s/page), B 10 pages in 0.8 s (0.08 s/page): 1.25.
    assert per_page_ratios(Series([2.0, 4.0], 20), Series([0.8, 2.0], 10)) == pytest.approx(
        [1.25, 1.0]
    )


def test_cost_model_reproduces_the_issue_example() -> None:
    # Issue 13: plain 0.71 s for 15 pages with a 0.52 s fixed cost; hooks 0.96 s for 25
    # pages is 1.14x plain Material building 25 pages.
    per_page = (0.71 - 0.52) / 15
    model = CostModel.fit(0.52 + per_page, 1, 0.71, 15)
    assert model.fixed == pytest.approx(0.52) and model.per_page == pytest.approx(per_page)
    ratios = modelled_ratios(Series([0.96], 25), Series([0.71], 15), Series([0.52 + per_page], 1))
    assert ratios == pytest.approx([0.96 / (0.52 + 25 * per_page)])
    assert 1.14 < ratios[0] < 1.15


def test_modelled_ratios_fit_each_run_and_reject_bad_input() -> None:
    # Run 2 is twice as slow on every build: the ratio is the same.
    assert modelled_ratios(
        Series([2.0, 4.0], 20), Series([1.5, 3.0], 10), Series([0.6, 1.2], 1)
    ) == pytest.approx([2.0 / 2.5, 4.0 / 5.0])
    with pytest.raises(ValueError):
        modelled_ratios(Series([1.0], 2), Series([1.0, 2.0], 2), Series([1.0], 1))
    with pytest.raises(ValueError):
        CostModel.fit(1.0, 5, 2.0, 5)


def test_ratio_of_medians_is_robust_to_one_slow_run_where_paired_ratios_are_not() -> None:
    # Three runs; in run 3 the plain build alone was slowed by a busy moment (2.0 s, not
    # 1.5 s). The medians ignore it; the paired ratio of that run drops far below the rest.
    hooks, plain, base = [2.0, 2.0, 2.0], [1.5, 1.5, 2.0], [0.6, 0.6, 0.6]
    assert ratio_of_medians(Series(hooks, 20), Series(plain, 10), Series(base, 1)) == pytest.approx(
        2.0 / 2.5
    )
    paired = modelled_ratios(Series(hooks, 20), Series(plain, 10), Series(base, 1))
    assert paired[:2] == pytest.approx([0.8, 0.8]) and paired[2] < 0.6
    # The issue's example is one run of each build: both agree.
    per_page = (0.71 - 0.52) / 15
    one = (Series([0.96], 25), Series([0.71], 15), Series([0.52 + per_page], 1))
    assert ratio_of_medians(*one) == pytest.approx(modelled_ratios(*one)[0])


def test_ratio_at_fits_the_model_through_the_statistic_given() -> None:
    hooks, plain, base = [2.6, 2.0, 2.2], [1.5, 1.9, 2.1], [0.9, 0.6, 0.7]
    timings = (Series(hooks, 20), Series(plain, 10), Series(base, 1))
    fastest = (1.5 - 0.6) / 9
    assert ratio_at(*timings, min) == pytest.approx(2.0 / (0.6 + fastest * 19))
    middle = (1.9 - 0.7) / 9
    assert ratio_at(*timings) == pytest.approx(2.2 / (0.7 + middle * 19))
    assert ratio_at(*timings) == ratio_of_medians(*timings)


def test_the_interval_holds_the_ratio_and_narrows_with_steady_runs() -> None:
    steady = (Series([2.0] * 7, 20), Series([1.5] * 7, 10), Series([0.6] * 7, 1))
    assert ratio_interval(*steady) == pytest.approx((0.8, 0.8))
    noisy = (
        Series([2.0, 2.4, 2.1, 2.7, 2.2, 2.0, 2.5], 20),
        Series([1.5, 1.8, 1.6, 1.5, 2.0, 1.7, 1.6], 10),
        Series([0.6, 0.7, 0.6, 0.8, 0.6, 0.7, 0.9], 1),
    )
    low, high = ratio_interval(*noisy)
    assert low <= ratio_at(*noisy) <= high and high - low > 0.05
    assert ratio_interval(*noisy) == (low, high)  # seeded: a report reads the same twice


def test_per_page_ratios_reject_unpaired_runs_and_empty_sites() -> None:
    with pytest.raises(ValueError):
        per_page_ratios(Series([1.0], 1), Series([1.0, 2.0], 1))
    with pytest.raises(ValueError):
        per_page_ratios(Series([1.0], 0), Series([1.0], 1))


def test_set_top_level_removes_replaces_and_appends_blocks() -> None:
    no_hooks = set_top_level(CONFIG, "hooks", None)
    assert "hooks:" not in no_hooks and "study_sheet" not in no_hooks
    assert "extra_css:\n  - assets/guide.css" in no_hooks
    strict = set_top_level(CONFIG, "strict", "strict: false")
    assert yaml.safe_load(strict)["strict"] is False
    added = set_top_level(CONFIG, "docs_dir", "docs_dir: /tmp/docs")
    assert yaml.safe_load(added)["docs_dir"] == "/tmp/docs"
    assert set_top_level(CONFIG, "absent", None) == CONFIG


def test_read_hooks_lists_hooks_in_order_and_skips_comments() -> None:
    assert read_hooks(CONFIG) == ["hooks/claims.py", "hooks/study_sheet.py"]
    assert read_hooks("site_name: X\n") == []


def test_the_project_config_keeps_navigation_linear() -> None:
    """The bench's scale claim rests on navigation.prune without navigation.sections."""
    text = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text("utf-8")
    features = text.split("features:", 1)[1].split("palette:", 1)[0]
    assert "navigation.prune" in features
    assert "navigation.sections" not in features


def test_page_url_follows_directory_urls() -> None:
    assert page_url("index.md") == ""
    assert page_url("a/index.md") == "a/"
    assert page_url("a/b.md") == "a/b/"


def test_synthetic_claims_are_valid_and_counted() -> None:
    registry, problems = load_registry(synthetic_claims(200))
    assert problems == []
    assert len(registry.claims) == 200
    kinds = {c.kind for c in registry.claims.values()}
    assert kinds == {"fact", "example", "script"}
    scripts = [c for c in registry.claims.values() if c.kind == "script"]
    assert len(scripts) == 20 and all(registry.refs(c.id) for c in scripts)


def test_page_claims_gives_figures_and_scripts_of_the_right_kinds() -> None:
    registry, _ = load_registry(synthetic_claims(2000))
    figures, scripts = page_claims(7, 1000, 2000, 8)
    assert len(figures) == 8 and len(scripts) == 1
    assert all(registry.claims[f].kind != "script" for f in figures)
    assert all(registry.claims[s].kind == "script" for s in scripts)


@pytest.mark.parametrize(("pages", "expected"), [(1000, (8, 1)), (100, (18, 2)), (20, (90, 10))])
def test_refs_per_page_grow_when_pages_are_too_few_to_show_every_claim(
    pages: int, expected: tuple[int, int]
) -> None:
    assert refs_per_page(pages, 2000, 8) == expected


@pytest.mark.parametrize("pages", [20, 100, 300, 1000])
def test_synthetic_pages_together_show_every_claim(pages: int) -> None:
    registry, _ = load_registry(synthetic_claims(2000))
    shown: set[str] = set()
    for page in range(pages):
        figures, scripts = page_claims(page, pages, 2000, 8)
        shown.update(figures, scripts)
        for script in scripts:
            shown.update(registry.refs(script))
    assert shown == set(registry.claims)


@pytest.mark.parametrize("pages", [1, 100])
def test_synthetic_docs_have_n_pages_that_build_without_problems(
    tmp_path: Path, pages: int
) -> None:
    docs = tmp_path / "docs"
    registry = write_synthetic_docs(docs, pages, 2000, 8)
    written = sorted(p.name for p in docs.glob("p*.md"))
    assert len(written) == pages and (docs / "index.md").exists()
    used: set[str] = set()
    for path in docs.glob("*.md"):
        result = expand_page(path.read_text("utf-8").split("---\n", 2)[2], registry, path.name)
        assert result.problems == [], result.problems
        used |= result.used
        if path.name != "index.md":
            assert len(result.used) >= 9  # eight figures, a script and what it embeds
    assert used == set(registry.claims)  # a synthetic site is a valid one: nothing unused


def test_synthetic_plain_and_macros_variants_hold_the_same_pages(tmp_path: Path) -> None:
    write_synthetic_docs(tmp_path / "plain/docs", 3, 2000, 8, "plain")
    write_synthetic_docs(tmp_path / "macros/docs", 3, 2000, 8, "macros")
    plain = (tmp_path / "plain/docs/p00001.md").read_text("utf-8")
    assert ":claim[" not in plain and 'class="claim' in plain
    assert not (tmp_path / "plain/docs/claims.yml").exists()
    macros = (tmp_path / "macros/docs/p00001.md").read_text("utf-8")
    assert macros.count("{{ claims[") == 600 + 67  # three pages must show 2,000 claims
    values = yaml.safe_load((tmp_path / "macros/claims_vars.yml").read_text("utf-8"))
    assert len(values["claims"]) == 2000 and ":claim[" not in str(values)


def test_synthetic_nav_bounds_each_level() -> None:
    nav = synthetic_nav(1000)
    parts = nav[1:]
    assert len(parts) == 10
    sections = next(iter(parts[0].values()))
    assert len(sections) == 10 and len(next(iter(sections[0].values()))) == 10
    assert len(synthetic_nav(25)) == 2  # home and one part of three sections


def test_expand_markdown_keeps_front_matter_and_links_the_ledger() -> None:
    registry, _ = load_registry(synthetic_claims(20))
    text = "---\ntitle: T\n---\n\nThe figure :claim[c00001].\n"
    out = expand_markdown(text, registry, "a/b.md")
    assert out.startswith("---\ntitle: T\n---\n")
    assert "../../sources/" in out and ":claim[" not in out


def test_gzip_size_is_deterministic_and_smaller_for_repetitive_text() -> None:
    data = b"abc" * 1000
    assert gzip_size(data) == gzip_size(data) == len(gzip.compress(data, 9, mtime=0))
    assert gzip_size(data) < len(data)


def test_page_weight_counts_linked_css_and_js(tmp_path: Path) -> None:
    (tmp_path / "a/assets").mkdir(parents=True)
    (tmp_path / "a/assets/s.css").write_text("body{color:red}" * 50)
    (tmp_path / "a/assets/x.js").write_text("var a=1;" * 50)
    html = (
        '<link rel="stylesheet" href="assets/s.css?v=1"><link rel="icon" href="i.svg">'
        '<script src="assets/x.js"></script><script>inline()</script>'
    )
    (tmp_path / "a/index.html").write_text(html)
    assert linked_assets(html) == (["assets/s.css?v=1"], ["assets/x.js"])
    w = page_weight(tmp_path, "a/")
    assert w.css == gzip_size((tmp_path / "a/assets/s.css").read_bytes())
    assert w.js == gzip_size((tmp_path / "a/assets/x.js").read_bytes())
    assert w.total == w.html + w.css + w.js


def test_page_weight_refuses_off_site_assets(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<script src="https://cdn.example.com/x.js"></script>')
    with pytest.raises(ValueError, match="off-site"):
        page_weight(tmp_path, "")


def test_markdown_table_has_header_rule_and_rows() -> None:
    table = markdown_table(["a", "b"], [[1, "x"], [2, "y"]])
    assert table.splitlines() == ["| a | b |", "|---|---|", "| 1 | x |", "| 2 | y |"]


def test_a_spanning_interval_says_how_many_rounds_would_tell() -> None:
    # 0.2 above 1.05 reaches 0.15 past the budget, 0.05 away: (0.2 / 0.05)^2 = 16x the rounds.
    assert rounds_to_tell(7, (0.85, 1.25), 1.05, 1.10) == 112
    assert rounds_to_tell(7, (1.00, 1.12), 1.05, 1.10) == 14  # 7 x (0.07 / 0.05)^2, up
    assert rounds_to_tell(7, (1.02, 1.08), 1.05, 1.10) == 7  # already clear of it
    # Above the budget, the side below the ratio is the one that must shrink.
    assert rounds_to_tell(7, (0.99, 1.28), 1.11, 1.10) == 7 * 144
    # An interval far from symmetric (1,000 pages, 2026-12-02): 0.23 above 0.90.
    assert rounds_to_tell(7, (0.85, 1.13), 0.90, 1.10) == 10
    assert rounds_to_tell(7, (0.9, 1.3), 1.10, 1.10) > 10**9


def test_roles_find_each_build_and_the_report_shows_the_noise_control(tmp_path: Path) -> None:
    def v(name: str, seconds: list[float], pages: int) -> Variant:
        return Variant(name, tmp_path, tmp_path, tmp_path / name, seconds, seconds, pages)

    variants = [
        v("hooks, no cache", [2.0, 2.1, 2.2], 104),
        v("hooks, cache kept", [1.9, 2.0, 2.1], 104),
        v("plain", [2.0, 2.0, 2.0], 101),
        v(PLAIN_AGAIN, [2.2, 1.8, 2.0], 101),
        v("macros", [2.1, 2.2, 2.3], 101),
        v("base (1 page)", [0.5, 0.5, 0.5], 1),
    ]
    hooks, plain, others, base = roles(variants)
    assert [h.name for h in hooks] == ["hooks, no cache", "hooks, cache kept"]
    assert (plain.name, base.name) == ("plain", "base (1 page)")
    assert [o.name for o in others] == [PLAIN_AGAIN, "macros"]
    table = report_scale({100: variants}, 3, "", 2_000)
    control = "| 100 pages: plain, again / plain (noise control) | 1.00 |"
    assert control in table
    assert (
        table.split(control)[1]
        .splitlines()[0]
        .endswith("| — (the same build: 1.00 but for noise) |")
    )
    assert "| 100 pages: macros / plain | 1.10 |" in table


def test_shuffled_rounds_run_every_build_once_a_round_in_varied_places() -> None:
    rounds = shuffled_rounds(["cold", "warm", "plain", "macros", "base"], 40, "1000 pages")
    assert len(rounds) == 40
    assert all(sorted(r) == ["base", "cold", "macros", "plain", "warm"] for r in rounds)
    # No build keeps one place: each is first in some rounds and not in others.
    firsts = {r[0] for r in rounds}
    assert firsts == {"cold", "warm", "plain", "macros", "base"}
    # The order is told again from the label, and differs for another label.
    assert rounds == shuffled_rounds(["cold", "warm", "plain", "macros", "base"], 40, "1000 pages")
    assert rounds != shuffled_rounds(["cold", "warm", "plain", "macros", "base"], 40, "300 pages")
