"""The practice room's score form, rendered at build time from the rubric table
(studyguide/practice_form.py): rows read from the page's own table, escaped, slot filled once,
and a page without a slot or a readable rubric left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide.practice_form import SLOT, fill_score_form, read_rubric

RUBRIC = """
<div class="practice-rubric"><table>
<thead><tr><th>Dimension</th><th>Weight</th><th>Weak</th><th>Adequate</th><th>Strong</th></tr></thead>
<tbody>
<tr><td><a href="../t/">Trade-offs</a></td>
<td><a class="claim" data-claim-id="weight-tradeoffs">40%</a></td>
<td>No <em>costs</em>.</td><td>Some.<br>More</td><td>All &amp; why.</td></tr>
<tr><td>Metrics</td><td><a class="claim claim--example" data-claim-id="weight-metrics">35%<span
 class="claim__kind">example</span></a></td><td>None</td><td>One</td><td>Tied</td></tr>
<tr><td>No weight here</td><td>25</td><td>a</td><td>b</td><td>c</td></tr>
</tbody></table></div>
<table><tbody><tr><td><a data-claim-id="weight-other">9%</a></td></tr></tbody></table>
"""


def test_read_rubric_takes_levels_and_weighted_rows_of_the_rubric_table_only() -> None:
    levels, dims = read_rubric(RUBRIC)
    assert levels == ["Weak", "Adequate", "Strong"]
    assert [(d.key, d.name, d.weight) for d in dims] == [
        ("tradeoffs", "Trade-offs", "40%"),
        ("metrics", "Metrics", "35%"),  # the claim's "example" label is not part of the weight
    ]
    assert dims[0].levels == {"weak": "No costs.", "adequate": "Some.More", "strong": "All & why."}


def test_fill_score_form_writes_one_labelled_radio_per_level_and_row() -> None:
    html = fill_score_form(SLOT + RUBRIC)
    soup = BeautifulSoup(html, "html.parser")
    sets = soup.select("[data-dims] fieldset")
    assert [s.legend.get_text() for s in sets] == [
        "Trade-offs (weight 40%)",
        "Metrics (weight 35%)",
    ]
    for s, key in zip(sets, ("tradeoffs", "metrics"), strict=True):
        radios = s.select("input[type=radio]")
        assert [r["name"] for r in radios] == [f"practice-{key}"] * 3
        for r in radios:
            label = soup.select_one(f'label[for="{r["id"]}"]')
            assert label is not None and r in label.find_all("input")
    strong = soup.select_one('label[for="practice-tradeoffs-strong"]').get_text()
    assert strong == "Strong: All & why."
    assert "All &amp; why." in html, "descriptions are escaped"


def test_unknown_levels_are_left_out_and_markup_in_names_is_escaped() -> None:
    rubric = RUBRIC.replace("<th>Strong</th>", "<th>Stellar</th>").replace(
        "Trade-offs</a>", "Trade-offs &lt;b&gt;</a>"
    )
    soup = BeautifulSoup(fill_score_form(SLOT + rubric), "html.parser")
    assert soup.select('input[value="stellar"]') == []
    assert soup.select_one("legend").get_text() == "Trade-offs <b> (weight 40%)"
    assert soup.select_one("legend b") is None


@pytest.mark.parametrize(
    "html",
    [
        RUBRIC,  # no slot: not the practice page
        SLOT + "<p>no rubric</p>",
        SLOT + RUBRIC.replace('data-claim-id="weight-', 'data-claim-id="other-'),
    ],
)
def test_pages_without_slot_or_readable_rubric_are_unchanged(html: str) -> None:
    assert fill_score_form(html) == html


@pytest.mark.integration
def test_built_practice_page_has_the_filled_form(site_dir: Path) -> None:
    """The build runs the hook: choices in the app match the rubric table's cells."""
    soup = BeautifulSoup((site_dir / "practice/index.html").read_text("utf-8"), "html.parser")
    rows = soup.select(".practice-rubric tbody tr")
    sets = soup.select("[data-practice] [data-dims] fieldset")
    assert len(sets) == len(rows) == 3
    for row, s in zip(rows, sets, strict=True):
        cells = [" ".join(td.get_text().split()) for td in row.select("td")]
        descs = [" ".join(sp.get_text().split()) for sp in s.select("label > span")]
        assert descs == cells[2:]
