"""The practice room's prompts and model-answer outlines: structure, coverage and provenance.

Unit tests of studyguide.practice_prompts (reading and checking, each check shown failing) and
of studyguide.drill_cards (the outline cards), then docs/practice.md itself: enough prompts in
each group, at least three on W&B Weave, every outline complete, every documentation link a
registered source, and the outline cards in step with the page.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from studyguide.claims import load_registry
from studyguide.drill_cards import PRACTICE_DECK, practice_cards
from studyguide.practice_prompts import (
    CUES,
    OUTLINE_FIELDS,
    check_prompts,
    read_prompts,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "practice.md"

SAMPLE = textwrap.dedent(
    """\
    ---
    title: Practice
    ---

    ### Product areas

    <div class="practice-prompts" data-timer-claim="t" markdown>

    1. **Tracing (W&B Weave).** Design tracing. *From the docs:*
       [Tracing](https://docs.example/tracing).
        - *User problem:* who debugs,
          and how long?
        - *Data flow:* what is recorded?
        - *Operational constraints:* how fast?

        ??? abstract practice-outline "Model-answer outline"
            - **User and metric:** the developer; time to find the
              failing step.
            - **Three layers:** black box; calls nest; sampling.
            - **Trade-off and mitigation:** storage against detail; sample.
            - **Proves success:** time to find the step falls.

            *Self-check, tick what you did:*

            - [ ] I defined a call.
            - [ ] I kept tracing off the
              critical path.

    </div>

    ### Follow-ups

    <div class="practice-prompts" data-timer-claim="f" markdown>

    1. **A cost cut.** Cut the cost.
        - *User problem:* who notices?
        - *Data flow:* which stage?
        - *Operational constraints:* which target?

        ??? abstract practice-outline "Model-answer outline"
            - **User and metric:** cost per user.
            - **Three layers:** find the stage.
            - **Trade-off and mitigation:** slower archive.
            - **Proves success:** cost falls.

            *Self-check, tick what you did:*

            - [ ] I found the stage.
            - [ ] I kept the metric.

    </div>
    """
)


def test_read_prompts_takes_groups_cues_outline_and_checks_with_file_lines():
    first, second = read_prompts(SAMPLE)
    assert (first.title, first.group, first.line) == ("Tracing (W&B Weave)", "Product areas", 9)
    assert first.cues["User problem"] == "who debugs, and how long?"
    assert list(first.outline) == list(OUTLINE_FIELDS)
    assert first.outline["User and metric"].text == "the developer; time to find the failing step."
    assert first.outline["User and metric"].line == 17
    assert first.checks == ["I defined a call.", "I kept tracing off the critical path."]
    assert (second.title, second.group) == ("A cost cut", "Follow-ups")
    assert check_prompts(SAMPLE) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("    - *Data flow:* what is recorded?\n", ""), "has no cue *Data flow:*"),
        (
            ("        - **Proves success:** time to find the step falls.\n", ""),
            "its outline lacks **Proves success:**",
        ),
        (
            ('    ??? abstract practice-outline "Model-answer outline"\n', "    Outline here.\n"),
            "has no model-answer outline",
        ),
        (("        - [ ] I defined a call.\n", ""), "has 1 self-check items"),
        (("**A cost cut.**", "**Tracing (W&B Weave).**"), "repeats the title"),
    ],
)
def test_each_structure_check_can_fail(edit, expected):
    old, new = edit
    assert old in SAMPLE
    problems = check_prompts(SAMPLE.replace(old, new, 1), "docs/practice.md")
    assert len(problems) == 1, problems
    assert expected in problems[0].message
    assert problems[0].path == "docs/practice.md" and problems[0].line > 0


def test_outline_cards_quote_the_outline_and_have_stable_ids():
    cards, problems = practice_cards(SAMPLE)
    assert problems == []
    assert [c.id for c in cards[:3]] == [
        "practice-tracing-w-b-weave-user",
        "practice-tracing-w-b-weave-trade-off",
        "practice-tracing-w-b-weave-success",
    ]
    assert {c.deck for c in cards} == {PRACTICE_DECK}
    assert cards[1].front_md.startswith("Practice prompt **Tracing (W&B Weave)**: which trade-off")
    assert cards[1].back_md == "storage against detail; sample."
    # Rewording an outline line keeps the card's id; the answer follows the page.
    reworded, _ = practice_cards(SAMPLE.replace("storage against detail", "cost against detail"))
    assert reworded[1].id == cards[1].id and reworded[1].back_md.startswith("cost against")


# ---- docs/practice.md ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def prompts():
    return read_prompts(PAGE.read_text(encoding="utf-8"))


def test_the_page_has_enough_prompts_in_each_group(prompts):
    groups: dict[str, list[str]] = {}
    for p in prompts:
        groups.setdefault(p.group, []).append(p.title)
    main = [t for g, ts in groups.items() if g.startswith("Product areas") for t in ts]
    follow = [t for g, ts in groups.items() if g.startswith("Follow-ups") for t in ts]
    assert len(main) >= 12, main
    assert len(follow) >= 8, follow
    assert sum("W&B Weave" in t for t in main) >= 3, "at least three prompts on W&B Weave"
    for topic in ("outage", "cost", "tenant", "self-hosted", "retention", "cut", "wrong way"):
        assert any(topic in t.lower() for t in follow), f"no follow-up about {topic}"


def test_every_prompt_has_cues_a_full_outline_and_a_self_check(prompts):
    assert check_prompts(PAGE.read_text(encoding="utf-8")) == []
    for p in prompts:
        assert set(CUES) <= set(p.cues), p.title
        assert list(p.outline) == list(OUTLINE_FIELDS), f"{p.title}: fields out of order"
        assert 2 <= len(p.checks) <= 5, p.title


def test_every_documentation_link_on_the_page_is_a_registered_source():
    """Prompts are written from W&B's own pages: each page they cite is a source in
    docs/claims.yml, with the date it was read, so the ledger and `make freshness` know it."""
    reg, _ = load_registry((ROOT / "docs" / "claims.yml").read_text(encoding="utf-8"))
    registered = {s.url for s in reg.sources.values() if s.url}
    links = re.findall(r"\]\((https://docs\.[^)\s]+)\)", PAGE.read_text(encoding="utf-8"))
    assert len(links) >= 12
    missing = sorted(set(links) - registered)
    assert missing == [], f"cite these pages as sources in docs/claims.yml: {missing}"
