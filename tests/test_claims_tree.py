"""The claims file's tree as the registry reads it: `TreeLoader` composes the same nodes as
the standard loader (kinds, values, styles and marks), tags aside, which nothing reads.

Checked on the guide's claims file and on YAML built to reach every corner of composing:
anchors and aliases, explicit tags, merge keys, flow and block collections, block scalars,
quoted and plain values that look like numbers, dates, booleans and nulls, comments, empty
values, and documents that do not parse (both loaders fail at the same place).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from studyguide.claims import YAML_LOADER, TreeLoader, load_registry

DOCS = Path(__file__).resolve().parent.parent / "docs"


def shape(node: yaml.Node | None) -> object:
    """Everything of a node but its tag, recursively."""
    if node is None:
        return None
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.value, node.style, marks)
    if isinstance(node, yaml.MappingNode):
        return ("map", node.flow_style, marks, [(shape(k), shape(v)) for k, v in node.value])
    assert isinstance(node, yaml.SequenceNode)
    return ("seq", node.flow_style, marks, [shape(v) for v in node.value])


CORNERS = [
    "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2026-12-01\ng: 0x1F\nh: 1_000\ni: .inf\nj: yes\n",
    "a: \"1\"\nb: 'x: y'\nc: |\n  block\n  text\nd: >-\n  folded\n  text\ne:\n",
    "base: &b {x: 1, y: [1, 2, {z: 3}]}\nother:\n  <<: *b\n  y: 4\nlist: [*b, *b]\n",
    "a: !!str 12\nb: !custom {x: 1}\nc: !!binary aGVsbG8=\nd: !!set {a, b}\n",
    "- a\n- - b\n  - c\n- {d: e}\n- ? complex key\n  : value\n",
    "# only a comment\n",
    "",
    "a: [1, 2\n",
    "a: b: c\n",
    "a:\n  - x\n b: y\n",
    "key: value # comment\n'quoted key': \"v\\tw\"\nempty: ''\n",
]


@pytest.mark.parametrize("text", CORNERS)
def test_the_tree_is_the_standard_loaders_tree_but_for_tags(text: str) -> None:
    try:
        expected = shape(yaml.compose(text, Loader=YAML_LOADER))
    except yaml.YAMLError as error:
        with pytest.raises(yaml.YAMLError) as found:
            yaml.compose(text, Loader=TreeLoader)
        assert str(found.value) == str(error)
        return
    assert shape(yaml.compose(text, Loader=TreeLoader)) == expected


def test_the_guide_claims_file_composes_the_same_and_loads_clean() -> None:
    text = (DOCS / "claims.yml").read_text("utf-8")
    assert shape(yaml.compose(text, Loader=TreeLoader)) == shape(
        yaml.compose(text, Loader=YAML_LOADER)
    )
    registry, problems = load_registry(text)
    assert problems == [] and len(registry.claims) > 50
