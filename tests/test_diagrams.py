"""Diagrams drawn from YAML descriptions: parsing, problems, accessible SVG, the shipped set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyguide.diagrams import (
    Diagram,
    expand_diagrams,
    parse_diagram,
    render_figure,
    text_description,
    wrap,
)
from studyguide.problems import help_anchor

ROOT = Path(__file__).resolve().parent.parent
DIAGRAMS = ROOT / "docs" / "includes" / "diagrams"

GOOD = """\
title: Runs flow to a chart & a table
description: >-
  Jobs send points to ingestion,
  which feeds the chart.
nodes:
  - {id: job, label: Training job, at: [0, 0]}
  - {id: ingest, label: Ingestion <service>, at: [1, 0]}
  - {id: reader, label: Researcher, at: [1, 1], kind: user}
edges:
  - {from: job, to: ingest, label: metric points}
  - {from: ingest, to: reader}
"""


def _parse(text: str) -> tuple[Diagram | None, list[str]]:
    diagram, problems = parse_diagram(text, "runs", "docs/includes/diagrams/runs.yml")
    return diagram, [str(p) for p in problems]


def _good() -> Diagram:
    diagram, problems = _parse(GOOD)
    assert diagram is not None, problems
    return diagram


def test_a_good_description_parses() -> None:
    diagram = _good()
    assert [n.id for n in diagram.nodes] == ["job", "ingest", "reader"]
    assert diagram.description == "Jobs send points to ingestion, which feeds the chart."


def test_the_figure_is_accessible_and_escaped() -> None:
    html = render_figure(_good())
    assert 'role="img"' in html
    labelled = re.search(r'aria-labelledby="([^"]+)"', html)
    assert labelled
    for ident in labelled.group(1).split():
        assert f'id="{ident}"' in html, ident
    assert '<title id="diagram-runs-title">Runs flow to a chart &amp; a table</title>' in html
    assert "Ingestion &lt;service&gt;" in html and "<service>" not in html
    # No colours of its own: the site's CSS styles it, so both palettes and print work.
    assert not re.search(r'(fill|stroke)="#', html)
    assert "<details><summary>Text description</summary>" in html
    assert html.startswith("<figure") and "\n" not in html


def test_the_text_description_names_every_arrow() -> None:
    assert text_description(_good()) == [
        "Training job to Ingestion <service>: metric points.",
        "Ingestion <service> to Researcher.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: x\nnodes: [", "YAML syntax error in diagram"),
        ("- just a list", "must be a mapping"),
        (GOOD.replace("title:", "titel:"), 'unknown field "titel"'),
        (GOOD.replace("to: reader}", "to: nobody}"), 'edge names unknown node "nobody"'),
        (GOOD.replace("id: reader", "id: Reader"), 'node id "Reader" must be lower-case'),
        (GOOD.replace("[1, 1]", "[1, 0]"), "sits on a place another node already uses"),
        (GOOD.replace("kind: user", "kind: person"), 'unknown kind "person"'),
        (GOOD.replace("at: [0, 0]", "at: [0]"), "needs `at: [column, row]`"),
        (GOOD.replace("label: Training job,", "label: '',"), 'node "job" needs a `label:`'),
        (GOOD.replace("id: ingest, label", "id: job, label"), 'duplicate node id "job"'),
    ],
)
def test_each_mistake_is_reported_with_its_section(text: str, expected: str) -> None:
    diagram, problems = _parse(text)
    assert diagram is None
    assert any(expected in p for p in problems), problems
    assert all("#diagram-problems" in p for p in problems), problems


def test_a_figure_in_diagram_text_is_reported_at_its_line() -> None:
    text = GOOD.replace("label: metric points", "label: 10 ms reads")
    diagram, problems = _parse(text)
    assert diagram is None
    assert problems == [
        p for p in problems if p.startswith("docs/includes/diagrams/runs.yml:10:1: figure")
    ]
    assert len(problems) == 1 and '"10 ms"' in problems[0]


def test_expand_replaces_the_line_and_reports_unknown_names_at_the_file_line() -> None:
    read = {"runs": ("docs/includes/diagrams/runs.yml", GOOD)}
    original = "---\ndescription: x\n---\n\n# Page\n\n::diagram[runs]\n\n::diagram[rusn]\n"
    body = original.split("---\n", 2)[2]
    out, problems = expand_diagrams(body, "docs/page.md", read, original=original)
    assert '<figure class="diagram" id="diagram-runs">' in out
    assert "::diagram[rusn]" in out
    assert [str(p).split(" (see")[0] for p in problems] == [
        'docs/page.md:9:1: unknown diagram "rusn" — add docs/includes/diagrams/rusn.yml '
        "or use one of: runs"
    ]
    assert help_anchor(problems[0].message) == "diagram-problems"


def test_expand_leaves_code_alone() -> None:
    read = {"runs": ("r.yml", GOOD)}
    page = "```markdown\n::diagram[runs]\n```\n"
    out, problems = expand_diagrams(page, "p.md", read)
    assert out == page and problems == []


def test_wrap_breaks_at_spaces_and_keeps_long_words() -> None:
    assert wrap("Support agent and its model", 18) == ["Support agent and", "its model"]
    assert wrap("supercalifragilisticexpialidocious now", 10) == [
        "supercalifragilisticexpialidocious",
        "now",
    ]


def test_every_shipped_description_is_valid_and_used() -> None:
    pages = "\n".join(p.read_text("utf-8") for p in (ROOT / "docs").rglob("*.md"))
    names = sorted(p.stem for p in DIAGRAMS.glob("*.yml"))
    assert names
    for name in names:
        text = (DIAGRAMS / f"{name}.yml").read_text("utf-8")
        diagram, problems = parse_diagram(text, name, name)
        assert diagram is not None, problems
        assert f"::diagram[{name}]" in pages, f"{name}.yml is used on no page"


def test_every_worked_example_and_model_round_has_a_diagram() -> None:
    for folder in ("examples", "rounds"):
        for page in sorted((ROOT / "docs" / folder).glob("*.md")):
            if page.name == "index.md":
                continue
            assert "::diagram[" in page.read_text("utf-8"), f"{folder}/{page.name} has no diagram"
