"""Wide tables labelled to stack on phones (`studyguide.tables.label_tables`)."""

from __future__ import annotations

from studyguide.tables import label_tables

WIDE = (
    '<table>\n<thead>\n<tr>\n<th>Criterion</th>\n<th style="text-align: left;">Reported '
    "<em>weight</em></th>\n<th>What &amp; why</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
    '<td>Trade-offs</td>\n<td><a class="claim" href="#">40%</a></td>\n<td>Naming</td>\n'
    '</tr>\n<tr>\n<td>Clarity</td>\n<td>x</td>\n<td style="text-align: left;">y</td>\n'
    "</tr>\n</tbody>\n</table>"
)
NARROW = (
    "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
    "<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>"
)


def test_cells_of_a_wide_table_carry_their_headings() -> None:
    out = label_tables("<p>x</p>" + WIDE)
    assert out.startswith("<p>x</p>")
    assert out.count('<table role="table" data-stack="">') == 1
    assert out.count('data-label="Criterion"') == 2
    assert out.count('data-label="Reported weight"') == 2
    assert out.count('data-label="What &amp; why"') == 2
    assert '<td role="cell" data-label="What &amp; why" style="text-align: left;">y</td>' in out
    assert out.count('<tr role="row">') == 3
    assert out.count('role="columnheader"') == 3
    assert out.count('role="rowgroup"') == 2


def test_narrow_tables_and_pages_without_tables_are_unchanged() -> None:
    assert label_tables(NARROW) == NARROW
    assert label_tables("<p>no table</p>") == "<p>no table</p>"


def test_a_table_without_a_head_is_unchanged() -> None:
    headless = (
        "<table>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n<td>3</td>\n</tr>\n</tbody>\n</table>"
    )
    assert label_tables(headless) == headless


def test_each_table_gets_its_own_headings() -> None:
    out = label_tables(WIDE + NARROW + WIDE.replace("Criterion", "Step"))
    assert out.count("data-stack") == 2
    assert 'data-label="Step"' in out and out.count('data-label="Criterion"') == 2
