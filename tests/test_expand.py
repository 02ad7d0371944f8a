"""Expanding a page's claim syntax: Markdown in, expected HTML and problems out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from studyguide import grammar
from studyguide.claims import load_registry
from studyguide.expand import PageResult, body_offset, expand_page

CLAIMS = """\
sources:
  art: {title: An article, date: 2026-05-24, note: one article}
  guide: {title: This guide, date: 2026-11-26, note: our examples}
claims:
  base-salary: {value: "$170,000", kind: fact, source: art}
  latency: {value: "2 seconds", kind: example, source: guide}
  evil: {value: "<script>alert(1)</script> *bold* _x_", kind: fact, source: art}
  goal: {value: "Keep it under :claim[latency].", kind: script, source: guide}
"""
REGISTRY, _ = load_registry(CLAIMS)


def run(markdown: str, **kw: Any) -> PageResult:
    return expand_page(markdown, REGISTRY, "docs/p.md", **kw)


def test_claim_renders_value_link_and_kind() -> None:
    result = run("Pay is :claim[base-salary].")
    assert result.markdown == (
        'Pay is <a class="claim claim--fact" href="sources/#claim-base-salary" '
        'data-claim-id="base-salary" title="Reported by An article, 2026-05-24; not '
        'independently verified">$170,000</a>.'
    )
    assert result.used == {"base-salary"}
    assert result.problems == []


def test_example_is_labelled_as_example() -> None:
    html = run(":claim[latency]", ledger_url="../sources/").markdown
    assert 'href="../sources/#claim-latency"' in html
    assert '2 seconds<span class="claim__kind">example</span></a>' in html
    assert "not a fact about W&amp;B" in html


def test_value_with_markup_shows_as_text() -> None:
    html = run(":claim[evil]").markdown
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#42;bold&#42; &#95;x&#95;" in html


def test_script_block_alone_on_its_line_with_provenance() -> None:
    result = run("Intro.\n\n::script[goal]\n\nAfter.")
    assert '<figure class="script" data-claim-id="goal">' in result.markdown
    assert "<p>Keep it under 2 seconds.</p>" in result.markdown
    assert 'href="sources/#claim-goal"' in result.markdown
    assert result.used == {"goal", "latency"}


def test_script_keeps_indentation_inside_admonition() -> None:
    result = run("!!! tip\n    ::script[goal]\n")
    assert '\n    <figure class="script"' in result.markdown


def test_code_is_left_literal() -> None:
    text = "Write `:claim[base-salary]`.\n\n```\n::script[goal]\n```\n"
    result = run(text)
    assert result.markdown == text
    assert result.used == frozenset()


def test_literal_marker_renders_text_and_exempts_it() -> None:
    result = run("Version :literal[Web 2.0 <b>] is old.")
    assert '<span class="literal">Web 2.0 &lt;b&gt;</span>' in result.markdown
    assert result.problems == []


def test_every_syntax_problem_is_reported_with_position() -> None:
    text = (
        "A :claim[base-salry] figure.\n"
        "Inline ::script[goal] here.\n"
        ":claim[goal] and ::script[base-salary] and ::claim[latency] and :claim[open\n"
        ":claim[nothing-like-it]\n"
    )
    msgs = [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in run(text, first_line=5).problems]
    assert msgs == [
        'docs/p.md:5:3: unknown claim id "base-salry" in ":claim[base-salry]" — did you mean '
        '"base-salary"? Write :claim[base-salary]',
        'docs/p.md:6:8: "::script[goal]" must stand alone on its own line — move it to a new '
        "line with a blank line before and after",
        'docs/p.md:7:1: ":claim[goal]" is a script — place it on its own line as ::script[goal]',
        'docs/p.md:7:18: "::script[base-salary]" names a fact, not a script — write '
        ":claim[base-salary]",
        'docs/p.md:7:44: "::claim[latency]" is not valid syntax — write :claim[latency]',
        'docs/p.md:7:65: unclosed ":claim[" — write it as :claim[ID] on one line',
        'docs/p.md:8:1: unknown claim id "nothing-like-it" in ":claim[nothing-like-it]" — add '
        "it to docs/claims.yml or fix the id",
    ]


def test_unsourced_figure_next_to_sourced_one() -> None:
    result = run("Pay :claim[base-salary] vs $185,000.")
    (p,) = result.problems
    assert p.message.startswith('unsourced figure "$185,000"')
    assert result.used == {"base-salary"}


def test_prose_check_can_be_switched_off_for_generated_text() -> None:
    assert run("It takes 45 minutes.", check_prose=False).problems == []


def test_body_offset_counts_front_matter_lines() -> None:
    source = "---\ndescription: x\n---\n\n# Title\n"
    assert body_offset(source, "# Title\n") == 5
    assert body_offset("# Title\n", "# Title\n") == 1


def test_a_page_result_survives_the_build_cache_unchanged() -> None:
    """What the claims hook keeps between builds comes back equal, problem kinds included."""
    import json

    registry, _ = load_registry(CLAIMS)
    result = expand_page(
        "Known :claim[latency] and :claim[nope] and :literal[5 x].", registry, "p.md"
    )
    assert result.used and result.problems
    back = PageResult.from_json(json.loads(json.dumps(result.to_json())))
    assert back == result
    assert [p.kind for p in back.problems] == [p.kind for p in result.problems]


def test_text_without_syntax_comes_back_as_the_full_walk_gives_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # expand_page returns text without any claim syntax at once; the walk it skips (masking
    # code, then searching) must give the same result: every page of the guide, and code.
    docs = Path(__file__).resolve().parent.parent / "docs"
    texts = [p.read_text("utf-8") for p in sorted(docs.rglob("*.md"))]
    texts += ["Plain words.", "`code` and\n\n```\nfenced\n```\n", "<!-- a comment -->", ""]
    texts = [t for t in texts if not grammar.may_use(t)]
    assert len(texts) >= 8
    quick = [run(t, check_prose=False) for t in texts]
    monkeypatch.setattr(grammar, "may_use", lambda text: True)  # no shortcut: the walk
    assert [run(t, check_prose=False) for t in texts] == quick
