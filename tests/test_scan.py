"""The unsourced-figure and unsourced-script scanner: each pattern found, each exemption kept."""

from __future__ import annotations

import pytest

from studyguide.scan import find_unsourced


def found(markdown: str) -> list[str]:
    """The quoted text of every problem, in order."""
    return [p.message.split('"')[1] for p in find_unsourced(markdown, "docs/p.md")]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Pay is $185,000 a year.", "$185,000"),
        ("A range of $140k–$160k here.", "$140k–$160k"),
        ("It takes 45 minutes.", "45 minutes"),
        ("It takes 200 ms.", "200 ms"),
        ("A 21-day process.", "21-day"),
        ("It grew 12% and then", "12%"),
        ("It grew 12 % and then", "12 %"),
        ("Uptime of 99.9 is rare.", "99.9"),
        ("We have 3 regions.", "3 regions"),
        ("Aim for 3–5 years.", "3–5 years"),
        ("Aim for 3 to 5 people.", "3 to 5 people"),
        ("It is 10x faster.", "10x"),
        ("It is 3× faster.", "3×"),
        ("Compare 10 M runs.", "10 M"),
        ("About 25k users.", "25k"),
        ("About 1 billion events.", "1 billion"),
        ("A loop of five rounds.", "five rounds"),
        ("A gain of twelve percent.", "twelve percent"),
        ("A one-minute pitch.", "one-minute"),
        ("Replicas in three regions.", "three regions"),
        ("It grew 170,000 strong.", "170,000"),
        ("A 2026-05 range is not a date.", "2026-05"),
    ],
)
def test_each_figure_pattern_is_found(text: str, figure: str) -> None:
    assert found(text) == [figure]


@pytest.mark.parametrize(
    "text",
    [
        "The Three-Layer Lens and the Impact-First Framework.",
        "Its three layers and four steps are structure, not figures.",
        "A Q3 debrief, data in S3, the p95 latency, step 1 and layer 2, in 2017.",
        "The fourth interview and the second round.",
        "One user asked and one dashboard answered.",
        "Inline `code with 45 minutes` stays literal.",
        "```\nfenced 45 minutes and $5\n```",
        "~~~text\n> not a quote, 10x\n~~~",
        "[a link](https://example.com/45-minutes?x=12%) and <https://a.b/10x>",
        "1. first\n2. second\n10. tenth",
        ":claim[base-salary] and ::script[x] and :literal[Web 2.0 at 10x]",
        "<!-- a comment with 45 minutes -->",
        '!!! tip "Say the six words of this title"\n    Body.',
        '=== "A tab title with enough words here"\n    Body.',
        'Short quote: "only five words in it".',
        'A paragraph.\n{ .class data-x="45 minutes" }',
        "[ref]: https://example.com/12%",
        "Published on 2026-05-24 by one article.",
    ],
)
def test_exemptions_are_honoured(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("markdown", "line", "col"),
    [
        ("# Pay is $185,000\n", 1, 10),
        ("| a | b |\n|---|---|\n| x | 45 minutes |\n", 3, 7),
        ("!!! warning\n    It costs 30% more.\n", 2, 14),
        ("- item\n- a 4 hours item\n", 2, 5),
        ('=== "Weak"\n    Wait 200 ms.\n', 2, 10),
        ("<details><summary>Why</summary>\nIt takes 2 days.\n</details>\n", 2, 10),
    ],
)
def test_injected_figures_everywhere_in_prose(markdown: str, line: int, col: int) -> None:
    (problem,) = find_unsourced(markdown, "docs/p.md")
    assert (problem.line, problem.col) == (line, col)


def test_figure_title_words_still_scanned() -> None:
    assert found('!!! tip "Done in 45 minutes"\n    Body.') == ["45 minutes"]


def test_exact_message_and_known_value_hint() -> None:
    (p,) = find_unsourced(
        "Base: $170,000.\n", "docs/p.md", first_line=4, values={"$170,000": "base-salary"}
    )
    assert f"{p.path}:{p.line}:{p.col}: {p.message}" == (
        'docs/p.md:4:7: unsourced figure "$170,000" — the claim "base-salary" has '
        "this value: if it is the same figure, write :claim[base-salary]; if not, add a claim "
        "of its own"
    )
    (q,) = find_unsourced("It takes 45 minutes.", "docs/p.md")
    assert f"{q.path}:{q.line}:{q.col}: {q.message}" == (
        'docs/p.md:1:10: unsourced figure "45 minutes" — add it to docs/claims.yml (kind fact, '
        "example or script, with its source) and write :claim[ID] here, or mark it "
        ":literal[45 minutes] if it is not a figure"
    )


def test_blockquote_is_an_unsourced_script() -> None:
    (p,) = find_unsourced("Intro.\n\n> We will win.\n", "docs/p.md")
    assert str(p).startswith('docs/p.md:3:1: unsourced script: blockquote "We will win."')


def test_blockquote_inside_admonition() -> None:
    (p,) = find_unsourced("!!! tip\n    > Nested quote.\n", "docs/p.md")
    assert (p.line, p.col) == (2, 5)


@pytest.mark.parametrize(
    "text",
    [
        'He said "we should ship the faster pipeline now".',
        "He said “we should ship the faster pipeline now”.",
        'He said "we should ship the faster\npipeline now" and left.',
    ],
)
def test_quoted_passages_of_six_words(text: str) -> None:
    (p,) = find_unsourced(text, "docs/p.md")
    assert p.message.startswith("unsourced script: quoted passage")
    assert (p.line, p.col) == (1, 9)


def test_all_problems_reported_not_only_the_first() -> None:
    text = 'A $5 fee.\n\n> quote\n\nIt takes 3 days and "six words are in this quote".'
    assert len(find_unsourced(text, "docs/p.md")) == 4


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # Spelled numbers are looked for by substring: only at the start of a word.
        ("Someone rounds it off; the ones that matter come after.", []),
        ("Often ten rounds, rarely Twelve Percent.", ["ten rounds", "Twelve Percent"]),
        ("A dozen users and half a million events.", ["A dozen users", "half a million events"]),
        ("x_five rounds and 2four rounds stay words.", []),
        # A letter whose lower case is longer (İ) shifts offsets: the word-by-word path runs.
        ("İ saw five rounds; İ.", ["five rounds"]),
        # Digits are looked for by their first character: a figure inside a word is not one.
        ("v2 rounds, ab3 days, 4 days and $5 and 6%.", ["4 days", "$5", "6%"]),
    ],
)
def test_figures_are_found_only_where_they_begin(text: str, figures: list[str]) -> None:
    assert found(text) == figures
