"""Unit tests of the output check's parts: grammar, normalising, extraction, locating."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from studyguide import grammar
from studyguide.claims import load_registry
from studyguide.figure_words import CURRENCY_SIGNS
from studyguide.figures import find_figures
from studyguide.locate import SourceFile, locate
from studyguide.model_lines import find_model_lines, is_model_line
from studyguide.normalise import normalise, normalise_with_map
from studyguide.output_check import OutputCheck
from studyguide.output_text import (
    BODY,
    DESCRIPTION,
    HEAD_SURFACES,
    NAV,
    OG,
    TITLE,
    page_segments,
)


def test_currency_signs_are_unicodes_currency_category() -> None:
    expected = "".join(
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Sc"
    )
    assert set(CURRENCY_SIGNS) >= set(expected)


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("a :claim[x] b", ["x"]),
        ("::claim[x] is not a claim", []),
        ("two :claim[ a ] :claim[b]", ["a", "b"]),
        ("no :claim[\nbroken]", []),
    ],
)
def test_claim_ids(text: str, ids: list[str]) -> None:
    assert grammar.claim_ids(text) == ids


def test_script_lines_and_literals() -> None:
    assert grammar.script_id("  ::script[goal]  ") == "goal"
    assert grammar.script_id("say ::script[goal]") is None
    assert grammar.literal("45\n minutes") == ":literal[45 minutes]"
    assert grammar.referenced_ids(":claim[a] ::script[b] :literal[c]") == ["a", "b"]


def test_normalise_reads_text_as_a_reader_does() -> None:
    assert normalise("45\u00a0min\u00adutes\n  and \uff14\uff15\u200b%") == "45 minutes and 45%"
    flat, where = normalise_with_map("a\n\n  \uff14b")
    assert flat == "a 4b" and where == [0, 1, 5, 6]


def test_figures_find_what_readers_could_quote() -> None:
    text = "Pay is $185,000 for four interviewers in 45 minutes, not OAuth 2.0 in the 1980s."
    assert [text[a:b] for a, b in find_figures(text)] == [
        "$185,000",
        "four interviewers",
        "45 minutes",
    ]


def test_model_lines_in_any_quote_style_but_not_questions() -> None:
    assert [m[2] for m in find_model_lines("« je commencerais par les chercheurs et la métrique »")]
    assert not is_model_line("How would you design a model registry for a team?")
    assert is_model_line("We start.", container=True)


def test_page_segments_name_each_surface() -> None:
    document = (
        '<html><head><title>T 1</title><meta name="description" content="D 2"></head><body>'
        '<header class="md-header">H</header><nav class="md-nav"><a>N 3</a></nav>'
        '<article class="md-content__inner"><p>B <code>4</code> <a class="claim" '
        'title="x 5">6</a></p></article></body></html>'
    )
    surfaces = {(s.surface, s.text) for s in page_segments(document)}
    assert {(TITLE, "T 1"), (DESCRIPTION, "D 2"), (NAV, "N 3"), (BODY, "B")} <= surfaces
    assert not any("4" in t or "5" in t or "6" in t for _, t in surfaces)


def test_locate_finds_wrapped_emphasised_text_and_skips_literals() -> None:
    source = SourceFile("docs/p.md", ":literal[45 minutes] and _45_\n  minutes")
    assert locate("45 minutes", [source]) == (source, 1, 27)


def test_claim_values_exempt_only_where_markup_cannot_mark_them() -> None:
    registry, _ = load_registry(
        "sources:\n  s:\n    title: S\n    date: 2026-01-01\n    note: n\nclaims:\n"
        '  c:\n    value: "45 minutes"\n    kind: fact\n    source: s\n'
    )
    check = OutputCheck(registry)
    source = SourceFile("docs/p.md", "---\ntitle: It takes 45 minutes\n---\nIt takes 45 minutes.\n")
    head = "<title>It takes 45 minutes</title>"
    body = '<article class="md-content__inner"><p>It takes 45 minutes.</p></article>'
    problems = check.page(f"<html><head>{head}</head><body>{body}</body></html>", [source], "x")
    # In the title the value is exempt as text; in the page text a hand-typed copy is not.
    assert [(p.line, p.message.split(" — ")[0]) for p in problems] == [
        (4, 'unsourced figure "45 minutes"')
    ]
    assert 'the claim "c" has this value' in problems[0].message


def test_each_occurrence_in_the_page_text_is_its_own_problem() -> None:
    from studyguide.scan import find_unsourced

    text = "# It takes 45 minutes\n\nIt takes :literal[45 minutes] here and 45 minutes there.\n"
    problems = find_unsourced(text, "docs/p.md")
    assert [(p.line, p.col) for p in problems] == [(1, 12), (3, 40)]


def test_block_tags_end_a_run_in_any_letter_case() -> None:
    from studyguide.output_text import text_runs

    markup = "<P>5</P><Td>people</tD><LI class=x>a</Li><BR>b<sup>2</sup>c<Bdi>d</Bdi>"
    assert text_runs(markup) == ["5", "people", "a", "b2cd"]


@pytest.mark.parametrize(
    ("markup", "runs"),
    [
        ("<p> \n\t </p><p>\u3000\u2028\x85</p>", []),  # runs of only whitespace, any kind
        ("<p>&nbsp;</p><p>\u00ad\u200b</p><p>&#32;</p>", []),  # nothing a reader sees
        ("<p>  5 \n people </p>", ["5 people"]),
        ("a\x00b<p>c", ["a", "b", "c"]),  # a NUL in the text ends a run, as a block tag
        ("<p>&amp; 3</p><p> &lt;4&gt; </p>", ["& 3", "<4>"]),
        ("<p>\u00a0\u00a012\u202fteams </p>", ["12 teams"]),
    ],
)
def test_text_runs_keep_every_visible_run_and_only_those(markup: str, runs: list[str]) -> None:
    from studyguide.output_text import text_runs

    assert text_runs(markup) == runs


def test_head_texts_come_from_the_head_only_and_metas_by_their_exact_names() -> None:
    document = (
        '<html><head><title>T 1</title><meta name="Description" content="no 2">'
        '<meta property="og:title" content="O 3"><meta name="keywords" content="k 4">'
        '<meta content="D 5" name="description"></head><body><title>not 6</title>'
        '<article class="md-content__inner"><p>B</p></article></body></html>'
    )
    segments = [(s.surface, s.text) for s in page_segments(document)]
    head = [(surface, text) for surface, text in segments if surface in HEAD_SURFACES]
    assert head == [(TITLE, "T 1"), (OG, "O 3"), (DESCRIPTION, "D 5")]
    assert (NAV, "not 6") in segments  # a title in the body is text like any other


# The exempt patterns as first written (greedy `[^>]*` before the class, no lookahead): the
# faster forms in `output_text` must remove exactly what these remove.
PLAIN_EXEMPT = [
    r"<(script|style|pre|code|kbd|template|select|datalist)\b[^>]*>.*?</\1\s*>",
    r'<a\b[^>]*\bclass="claim(?: [^"]*)?"[^>]*>.*?</a>',
    r'<span\b[^>]*\bclass="literal"[^>]*>[^<]*</span>',
    r'<span\b[^>]*\bclass="claim-value"[^>]*>[^<]*</span>',
    r'<figure\b[^>]*\bclass="script"[^>]*>.*?</figure>',
    r'<(div|details)\b[^>]*\bclass="(?:admonition )?quote[^"]*"[^>]*>(.*?)</\1>',
]


def test_the_fast_exempt_patterns_remove_what_their_plain_forms_remove() -> None:
    import random
    import re

    from studyguide.output_text import EXEMPT_RES, QUOTE_CONTAINER_RES

    fast = [p for _, p in EXEMPT_RES if p.pattern != r"<!--.*?-->"]
    fast.append(QUOTE_CONTAINER_RES[-1][1])
    plain = [re.compile(p, re.S | re.I) for p in PLAIN_EXEMPT]
    pieces = [
        "<a ", "<A ", "<span ", "<figure ", "<div ", "<details ", 'class="claim"',
        'class="claim x"', 'CLASS="claim"', 'class="literal"', 'class="claim-value"',
        'class="script"', 'class="admonition quote"', 'class="quote x"', 'title="a>b"',
        ">", "</a>", "</span>", "</figure>", "</div>", "</details>", "<script>",
        "</script >", "<Kbd x>", "</kbd>", "<KBD>", "<pre>", "</PRE>", "<select>",
        "</select>", "<d", "<t>", "<sty", "le>", "5 teams ", "\n", " ", "<",
    ]  # fmt: skip
    rng = random.Random(13)
    for _ in range(20_000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for quick, slow in zip(fast, plain, strict=True):
            assert quick.sub(" ", markup) == slow.sub(" ", markup), (slow.pattern, markup)


def test_plain_block_fragments_read_as_any_fragment() -> None:
    """Search entries are mostly bare paragraphs and lists: read by a shortcut that must give
    what the full reading gives, and must step aside for any other tag."""
    import random

    from studyguide import output_text

    segment = output_text.Segment

    def full(markup: str) -> list[output_text.Segment]:
        markup = output_text.remove_exempt(markup)
        markup, quoted = output_text._quote_containers(markup)
        return (
            [segment(NAV, s.text, True) for s in quoted]
            + [segment(NAV, t) for t in output_text.text_runs(markup)]
            + [segment(NAV, t) for t in output_text.attribute_texts(markup)]
        )

    pieces = [
        "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>", "<P>", "<p >",
        "<code>", "</code>", "<em>", "a < b", "&amp;", "&lt;q&gt;", " 5 teams ", "\n",
        'title="40% more"', "quote", "<!-- x -->", "\u00a0", "x",
    ]  # fmt: skip
    rng = random.Random(7)
    shortcut = 0
    for _ in range(5_000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        shortcut += output_text._plain_block_runs(markup) is not None
        assert output_text.fragment_segments(markup, NAV) == full(markup), markup
    assert 500 < shortcut < 4_500  # both ways taken often
