"""The guide's pages as the study sheet reads them: frameworks, patterns, rubric, mistakes.

Each reader takes a page's Markdown and returns plain data (steps with their first sentence
and model-line ids, rubric rows, mistakes) plus a problem when the structure the sheet relies
on is gone, so an edit that breaks the sheet fails the build with the page named:

- a framework: its `## Step N: name` or `## Layer N: name` sections, each with the first
  sentence under it and the model lines (`::script[ID]`) it holds;
- a pattern: the numbered list (`1. **Name.** text`) or the definition list (`Name` then
  `:   text`) of the section whose heading starts "The pattern", and the model lines of the
  page's other sections, titled by their section;
- the rubric: the rows of the interview page's table that carry a `:claim[ID]` weight;
- the mistakes: the flashcard parser's mistake cards (`studyguide.cards.mistake_cards`), with
  the first sentence of each "Why it costs points" paragraph.

Pages are read through `studyguide.page_text`, so they mean the same here as to the cards.
"""

from __future__ import annotations

from typing import NamedTuple

from studyguide import grammar
from studyguide.cards import WHY_SUFFIX, mistake_cards
from studyguide.page_text import (
    H2_RE,
    continuation,
    first_sentence,
    paragraphs,
    plain_links,
    prose_lines,
    read_page,
    split_front_matter,
    table_rows,
)
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

RUBRIC_PAGE = "interview.md"
MISTAKES_PAGE = "mistakes.md"
STEP_RE = _compile(r"^(?P<label>(?:Step|Layer) +\d+): *(?P<name>.+)$")
PATTERN_HEADING = "The pattern"
NUMBERED_RE = _compile(r"^\d+\.[ \t]+\*\*(?P<name>.+?)\*\*[ \t]*(?P<text>.*)$")
DEF_RE = _compile(r"^:[ \t]+(?P<text>.*)$")


class Step(NamedTuple):
    """One step of a framework or pattern: its label (e.g. "Step 1"), name, summary, scripts."""

    label: str
    name: str
    summary: str
    scripts: tuple[str, ...] = ()


class Framework(NamedTuple):
    """A framework or pattern page reduced to its ordered steps and its other model lines.

    `followups` holds (section title, script id) for model lines outside the steps, such as
    the trade-off page's follow-up answers.
    """

    src_uri: str
    title: str
    steps: tuple[Step, ...]
    followups: tuple[tuple[str, str], ...] = ()


class RubricRow(NamedTuple):
    """One rubric criterion, the claim id of its weight, and what earns it."""

    criterion: str
    weight_id: str
    earns: str


class Mistake(NamedTuple):
    """A mistake from the mistakes page: its heading and why it costs points (one sentence)."""

    title: str
    why: str


def _scripts(lines: tuple[str, ...]) -> list[str]:
    return [sid for line in lines if (sid := grammar.script_id(line))]


def framework(text: str, src_uri: str) -> tuple[Framework, list[Problem]]:
    """A framework page's steps: every `## Step N: name` / `## Layer N: name` section.

    A page with no such section is a problem: the sheet would silently lose a framework.
    """
    page = read_page(text)
    steps = []
    for section in page.sections():
        m = STEP_RE.match(section.title)
        if not m:
            continue
        found = paragraphs(prose_lines(section))
        summary = first_sentence(found[0]) if found else ""
        steps.append(
            Step(
                m.group("label"), m.group("name").strip(), summary, tuple(_scripts(section.masked))
            )
        )
    problems = []
    if not steps:
        problems.append(
            Problem(
                f"docs/{src_uri}",
                1,
                1,
                'the study sheet found no "## Step N: name" or "## Layer N: name" section '
                "in this framework page — keep the step headings in that form",
            )
        )
    return Framework(src_uri, page.title(src_uri), tuple(steps)), problems


def _pattern_items(lines: tuple[str, ...]) -> list[Step]:
    """Steps of a pattern: `1. **Name.** text` items, or `Name` / `:   text` definitions."""
    items: list[Step] = []
    for i, line in enumerate(lines):
        m = NUMBERED_RE.match(line)
        if m:
            rest = [m.group("text"), *continuation(lines, i + 1)]
            name = m.group("name").strip().rstrip(".:")
            items.append(Step(f"{len(items) + 1}.", name, first_sentence(" ".join(rest))))
            continue
        d = DEF_RE.match(line)
        if d and i > 0 and lines[i - 1].strip() and not lines[i - 1].startswith((" ", "\t")):
            rest = [d.group("text"), *continuation(lines, i + 1)]
            name = lines[i - 1].strip()
            items.append(Step(f"{len(items) + 1}.", name, first_sentence(" ".join(rest))))
    return items


def pattern(text: str, src_uri: str) -> tuple[Framework, list[Problem]]:
    """A pattern page: the items of its "The pattern..." section, and every other section's
    model lines as follow-ups (titled by their section)."""
    page = read_page(text)
    steps: list[Step] = []
    followups: list[tuple[str, str]] = []
    for section in page.sections():
        if section.title.startswith(PATTERN_HEADING) and not steps:
            steps = _pattern_items(prose_lines(section))
            scripts = _scripts(section.masked)
            followups += [(section.title, s) for s in scripts]
        else:
            followups += [(section.title, s) for s in _scripts(section.masked)]
    problems = []
    if not steps:
        problems.append(
            Problem(
                f"docs/{src_uri}",
                1,
                1,
                f'the study sheet found no "## {PATTERN_HEADING}..." section with a numbered '
                "list (1. **Name.** text) or definition list in this page — restore it",
            )
        )
    title = page.title(src_uri)
    return Framework(src_uri, title, tuple(steps), tuple(followups)), problems


def rubric(text: str, src_uri: str = RUBRIC_PAGE) -> tuple[list[RubricRow], list[Problem]]:
    """The rubric: table rows on the interview page whose cells hold a `:claim[ID]` weight.

    The criterion is the first cell and "what earns it" the cell after the weight.
    """
    rows: list[RubricRow] = []
    for cells in table_rows(split_front_matter(text)[1]):
        for k, cell in enumerate(cells):
            m = grammar.CLAIM_RE.fullmatch(cell)
            if m and k > 0:
                earns = cells[k + 1] if k + 1 < len(cells) else ""
                rows.append(RubricRow(plain_links(cells[0]), m.group("id"), plain_links(earns)))
                break
    problems = []
    if not rows:
        problems.append(
            Problem(
                f"docs/{src_uri}",
                1,
                1,
                "the study sheet found no rubric table row with a :claim[ID] weight — keep "
                "the rubric as a table with the weight in its own cell",
            )
        )
    return rows, problems


def mistakes(text: str, src_uri: str = MISTAKES_PAGE) -> list[Mistake]:
    """The mistakes, read by the flashcard parser: heading and the first "why" sentence.

    Malformed sections are reported by the flashcards, not again here.
    """
    cards, _ = mistake_cards(text, f"docs/{src_uri}")
    # Each mistake makes two cards: `mistake-<slug>` at its heading (what to do instead) and
    # `mistake-<slug>-why`, whose answer is why it costs points.
    reasons = {c.id.removesuffix(WHY_SUFFIX): c.back_md for c in cards if c.id.endswith(WHY_SUFFIX)}
    lines = text.split("\n")
    out = []
    for card in cards:
        if card.id.endswith(WHY_SUFFIX):
            continue
        m = H2_RE.match(lines[card.line - 1]) if 0 < card.line <= len(lines) else None
        title = m.group("title").strip() if m else card.front_md.split(":", 1)[0]
        why = first_sentence(reasons.get(card.id, ""))
        out.append(Mistake(title, why[:1].upper() + why[1:]))
    return out
