"""Unit tests of studyguide.page_text: front matter read as MkDocs reads it, sections, text."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from studyguide.page_text import (
    continuation,
    first_paragraph,
    indented_block,
    page_title,
    read_front_matter,
    read_page,
    split_front_matter,
    table_rows,
    task_items,
)

FRONT_MATTERS = [
    "---\ntitle: T\ndescription: >-\n  Hello\n  there\n---\n# T\n",
    "---\ntitle: T\n...\n\n\nBody\n",
    "---\n- a list, not a mapping\n---\nBody\n",
    "---\ntitle: [unclosed\n---\nBody\n",
    "---\n\n---\nBody\n",
    "Title: Multi\n    continued\nAuthor: Me\n\n# Heading\n",
    "Not: meta, but a sentence\nthat runs on\n\nBody\n",
    "\n\n# Starts with blank lines\n",
    "# No front matter\n",
    "",
]


@pytest.mark.parametrize("text", FRONT_MATTERS)
def test_front_matter_is_read_exactly_as_mkdocs_reads_it(text: str) -> None:
    body, meta = get_data(text)
    assert read_front_matter(text) == (meta, body)


def test_split_front_matter_gives_the_file_line_the_body_starts_on() -> None:
    meta, body, line = split_front_matter("---\ntitle: T\n---\n\n# Head\n")
    assert meta == {"title": "T"} and body == "# Head\n" and line == 5
    assert split_front_matter("# Head\n") == ({}, "# Head\n", 1)


def test_page_title_prefers_front_matter_then_first_heading_then_file_name() -> None:
    assert page_title({"title": " Given "}, "# Heading\n", "a/b.md") == "Given"
    assert page_title({}, "```\n# not this\n```\n# Heading {#id}\n", "a/b.md") == "Heading"
    assert page_title({}, "no heading\n", "a/trade_offs-x.md") == "Trade offs x"


def test_sections_skip_headings_in_code_and_know_their_file_lines() -> None:
    page = read_page("---\ntitle: T\n---\n# T\n## One\ntext\n```\n## code\n```\n## Two ##\nend\n")
    sections = page.sections()
    assert [s.title for s in sections] == ["One", "Two"]
    assert [s.line for s in sections] == [5, 10]
    assert sections[0].lines == ("text", "```", "## code", "```")
    assert sections[0].masked[2] != "## code"
    assert sections[1].end == len(page.lines)


def test_blocks_paragraphs_continuations_tables_and_tasks() -> None:
    lines = ["??? question", "    a", "", "        b", "", "next"]
    assert indented_block(lines, 1, 0) == (["a", "", "    b"], 5)
    assert first_paragraph(["", "x", " y", "", "z"], 0, 5) == ("x\ny", 1)
    assert continuation(["1. a", "   b", "   c", "d"], 1) == ["b", "c"]
    assert table_rows("| a | b |\n|---|---|\n```\n| no |\n```\n") == [["a", "b"], ["---", "---"]]
    assert task_items(["- [ ] one", "  more", "", "- [x] two", "text", "- [ ] three"]) == [
        "one more",
        "two",
        "three",
    ]


def test_front_matter_read_again_is_the_same_and_each_reader_gets_its_own_meta() -> None:
    """Front matter is parsed once per text (several hooks read each page): a second read
    gives the same meta and body, and changing one reader's meta leaves the next one's."""
    text = "---\ntitle: A page\ndeck: Cards\n---\n\n# A page\n\nBody.\n"
    meta, body = read_front_matter(text)
    assert (meta, body) == ({"title": "A page", "deck": "Cards"}, "# A page\n\nBody.\n")
    meta["title"] = "changed"
    assert read_front_matter(text) == ({"title": "A page", "deck": "Cards"}, body)
    assert read_front_matter(text)[0] is not read_front_matter(text)[0]
