"""Tests of studyguide.sheet_sources: the pages as the study sheet reads them.

Small hand-made pages for each reader and its edge cases; the real guide's pages are read in
tests/test_study_sheet.py.
"""

from __future__ import annotations

import textwrap

from studyguide.sheet_sources import framework, mistakes, pattern, rubric

FRAMEWORK = textwrap.dedent(
    """\
    ---
    title: Demo Framework
    ---

    # Demo

    Intro paragraph.

    ## Step 1: say the goal

    ::script[s-goal]

    Say who it is for. Then more detail that the sheet leaves out.

    ## Step 2: pick the [metric](other.md)

    !!! tip "Not prose"
        Skipped.

    - a list item is not the summary

    One number that moves, e.g. latency. Another sentence.

    ```markdown
    ## Step 3: a heading inside code is not a step
    ```

    ## Why it works

    ::script[s-extra]
    """
)


def test_framework_reads_steps_summaries_and_scripts() -> None:
    fw, problems = framework(FRAMEWORK, "frameworks/demo.md")
    assert problems == []
    assert fw.title == "Demo Framework"
    assert [(s.label, s.name) for s in fw.steps] == [
        ("Step 1", "say the goal"),
        ("Step 2", "pick the [metric](other.md)"),
    ]
    assert fw.steps[0].summary == "Say who it is for."
    assert fw.steps[0].scripts == ("s-goal",)
    assert fw.steps[1].summary == "One number that moves, e.g. latency."


def test_framework_without_steps_is_a_problem() -> None:
    fw, problems = framework("# Lens\n\n## Layers\n\nProse.\n", "frameworks/lens.md")
    assert fw.steps == ()
    assert len(problems) == 1
    assert str(problems[0]).startswith("docs/frameworks/lens.md:1:1: ")
    assert "Step N" in problems[0].message


def test_pattern_reads_a_numbered_list_and_follow_up_scripts() -> None:
    text = textwrap.dedent(
        """\
        # Follow-ups

        ## The pattern: admit, then fix

        1. **Admit the limit.** Say what it cannot do. Not this.
        2. **Fix it.** One change,
           with its target. Not this.

        ## Follow-up: real time

        ::script[s-rt]
        """
    )
    fw, problems = pattern(text, "frameworks/x.md")
    assert problems == []
    assert [(s.name, s.summary) for s in fw.steps] == [
        ("Admit the limit", "Say what it cannot do."),
        ("Fix it", "One change, with its target."),
    ]
    assert fw.followups == (("Follow-up: real time", "s-rt"),)


def test_pattern_reads_a_definition_list() -> None:
    text = "# T\n\n## The pattern\n\nFit\n:   Why it suits. More.\n\nCost\n:   What it takes.\n"
    fw, problems = pattern(text, "frameworks/t.md")
    assert problems == []
    assert [(s.name, s.summary) for s in fw.steps] == [
        ("Fit", "Why it suits."),
        ("Cost", "What it takes."),
    ]


def test_pattern_without_its_section_is_a_problem() -> None:
    _, problems = pattern("# T\n\n## Something else\n\n1. **A.** b\n", "frameworks/t.md")
    assert len(problems) == 1 and "The pattern" in problems[0].message


def test_rubric_reads_rows_with_a_weight_claim() -> None:
    text = textwrap.dedent(
        """\
        | Criterion | Weight | Earns | Loses |
        |---|---|---|---|
        | Trade-offs | :claim[w-t] | Naming the [cost](x.md) | Pros only |
        | No weight | n/a | x | y |
        """
    )
    rows, problems = rubric(text)
    assert problems == []
    assert [(r.criterion, r.weight_id, r.earns) for r in rows] == [
        ("Trade-offs", "w-t", "Naming the cost")
    ]
    assert rubric("No table here.\n")[1][0].path == "docs/interview.md"


def test_mistakes_use_the_flashcard_parser() -> None:
    text = textwrap.dedent(
        """\
        # Mistakes

        ## The shrug

        === "Weak answer"

            I don't know.

        === "Strong answer"

            I assume X.

        **Why it costs points:** an assumption nobody can evaluate. More words.

        ## Half a mistake

        === "Weak answer"

            Only weak.
        """
    )
    assert [(m.title, m.why) for m in mistakes(text)] == [
        ("The shrug", "An assumption nobody can evaluate.")
    ]
