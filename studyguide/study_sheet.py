"""The study sheet: the whole guide condensed onto a page that prints on one sheet of paper.

Nothing on the sheet is typed twice. Its parts are read from the same sources as the site:

- the two frameworks, step by step: each `## Step N: name` or `## Layer N: name` section of
  the framework pages, with the first sentence under it and the model lines (`::script[ID]`)
  it holds;
- the trade-off and technology-choice patterns: the numbered list (`1. **Name.** text`) or the
  definition list (`Name` then `:   text`) of the section whose heading starts "The pattern",
  and the follow-up sections' model lines;
- the rubric: the rows of the interview page's table that carry a `:claim[ID]` weight;
- the mistakes: the flashcard parser's mistake cards (`studyguide.cards.mistake_cards`), with
  the first sentence of each "Why it costs points" paragraph;
- the key figures: every `fact` claim (labelled as reported, with its source and date) and
  every `example` claim (labelled as an example), straight from `docs/claims.yml`;
- the checklist: the task-list items of the checklist page, grouped by its `## ` sections.

The sheet is Markdown that still holds `:claim[ID]` and `::script[ID]`, so the claims hook
expands it with the same `process_page` as every page and checks its figures. Links in copied
text are reduced to their words: the sheet is meant for paper, and a copied relative link
would point elsewhere from the sheet's own address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from studyguide.cards import WHY_PREFIX, mistake_cards
from studyguide.claims import Registry
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
    task_items,
)
from studyguide.problems import Problem

SHEET = "study-sheet.md"
TITLE = "Study sheet"
FRAMEWORK_PAGES = ("frameworks/impact-first.md", "frameworks/three-layer-lens.md")
PATTERN_PAGES = ("frameworks/trade-offs.md", "frameworks/technology-choice.md")
RUBRIC_PAGE = "interview.md"
MISTAKES_PAGE = "mistakes.md"
CHECKLIST_PAGE = "checklist.md"
PDF_LETTER = "study-sheet.pdf"
PDF_A4 = "study-sheet-a4.pdf"

STEP_RE = re.compile(r"^(?P<label>(?:Step|Layer) +\d+): *(?P<name>.+)$")
PATTERN_HEADING = "The pattern"
SCRIPT_RE = re.compile(r"^[ \t]*::script\[(?P<id>[^\]\n]+)\][ \t]*$")
CLAIM_REF_RE = re.compile(r"(?<!:):claim\[(?P<id>[^\]\n]+)\]")
NUMBERED_RE = re.compile(r"^\d+\.[ \t]+\*\*(?P<name>.+?)\*\*[ \t]*(?P<text>.*)$")
DEF_RE = re.compile(r"^:[ \t]+(?P<text>.*)$")
ACRONYMS = {"sla": "SLA", "mttr": "MTTR", "kpi": "KPI", "ab": "A/B"}


@dataclass(frozen=True)
class Step:
    """One step of a framework or pattern: its label (e.g. "Step 1"), name, summary, scripts."""

    label: str
    name: str
    summary: str
    scripts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framework:
    """A framework or pattern page reduced to its ordered steps and its other model lines.

    `followups` holds (section title, script id) for model lines outside the steps, such as
    the trade-off page's follow-up answers.
    """

    src_uri: str
    title: str
    steps: tuple[Step, ...]
    followups: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RubricRow:
    """One rubric criterion, the claim id of its weight, and what earns it."""

    criterion: str
    weight_id: str
    earns: str


@dataclass(frozen=True)
class Mistake:
    """A mistake from the mistakes page: its heading and why it costs points (one sentence)."""

    title: str
    why: str


@dataclass
class Sheet:
    """The sheet's Markdown, the claims it shows, and problems found while reading sources."""

    markdown: str
    claims: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _scripts(lines: tuple[str, ...]) -> list[str]:
    return [m.group("id") for line in lines if (m := SCRIPT_RE.match(line))]


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
            m = CLAIM_REF_RE.fullmatch(cell)
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
    lines = text.split("\n")
    out = []
    for card in cards:
        m = H2_RE.match(lines[card.line - 1]) if 0 < card.line <= len(lines) else None
        title = m.group("title").strip() if m else card.front_md.split(":", 1)[0]
        why = ""
        if WHY_PREFIX in card.back_md:
            why = first_sentence(card.back_md.split(WHY_PREFIX, 1)[1])
        out.append(Mistake(title, why[:1].upper() + why[1:]))
    return out


def checklist(text: str) -> list[tuple[str, list[str]]]:
    """The checklist's task items (`- [ ] text`, continuation lines joined), by `## ` group."""
    groups = []
    for section in read_page(text).sections():
        texts = [plain_links(item) for item in task_items(prose_lines(section))]
        if texts:
            groups.append((section.title, texts))
    return groups


def _label(claim_id: str) -> str:
    """A readable label from a claim id: `base-salary` -> "Base salary", `mttr-after` ->
    "MTTR after"."""
    words = [ACRONYMS.get(w, w) for w in claim_id.split("-")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def figures_markdown(registry: Registry) -> str:
    """Every fact, labelled as reported with its source and date, then the examples quoted
    from those same sources, labelled as examples (the guide's own worked-example numbers
    stay on the example pages)."""
    facts: dict[str, list[str]] = {}
    for claim in registry.claims.values():
        if claim.kind == "fact":
            facts.setdefault(claim.source, []).append(claim.id)
    parts: list[str] = []
    for source_id, ids in facts.items():
        source = registry.sources.get(source_id)
        where = f"*{source.title}*, :literal[{source.date}]" if source else f"*{source_id}*"
        items = " · ".join(f"{_label(cid)} :claim[{cid}]" for cid in ids)
        parts.append(
            f'<p class="sheet-figures sheet-figures--fact" markdown>**Reported by** {where} '
            f"(one source, not verified): {items}</p>"
        )
        examples = [
            c.id for c in registry.claims.values() if c.kind == "example" and c.source == source_id
        ]
        if examples:
            items = " · ".join(f"{_label(cid)} :claim[{cid}]" for cid in examples)
            parts.append(
                f'<p class="sheet-figures sheet-figures--example" markdown>**Examples from its '
                f"mock answers**, illustrations and not facts about W&B: {items}</p>"
            )
    return "\n\n".join(parts)


def _framework_markdown(fw: Framework, used_scripts: set[str]) -> list[str]:
    out = [f"## {fw.title}", ""]
    for step in fw.steps:
        label = f"{step.label}: " if step.label.startswith(("Step", "Layer")) else ""
        out += [f"**{label}{step.name}.** {step.summary}", ""]
        for script in step.scripts:
            if script not in used_scripts:
                used_scripts.add(script)
                out += [f"::script[{script}]", ""]
    if fw.followups:
        for title, script in fw.followups:
            if script in used_scripts:
                continue
            used_scripts.add(script)
            out += [f'<p class="sheet-cue" markdown>*{title}*</p>', "", f"::script[{script}]", ""]
    return out


def render_sheet(
    registry: Registry,
    pages: Mapping[str, str],
    *,
    downloads_url: str = "../downloads/",
) -> Sheet:
    """The study sheet's Markdown from the claims and the content pages, with its problems.

    `pages` maps a page's path under docs/ to its Markdown. A page the sheet needs but that is
    missing is reported, and the sheet is built from what there is.
    """
    problems: list[Problem] = []

    def page(src_uri: str) -> str | None:
        if src_uri not in pages:
            problems.append(
                Problem(
                    f"docs/{src_uri}",
                    1,
                    1,
                    "the study sheet needs this page and it is missing — restore it or "
                    "update studyguide/study_sheet.py",
                )
            )
            return None
        return pages[src_uri]

    used_scripts: set[str] = set()
    body: list[str] = [
        "# Study sheet",
        "",
        '<p class="sheet-intro" markdown>The whole guide on one sheet, rebuilt from the same '
        "figures and pages on every build. Figures link to their source.</p>",
        "",
        '<p class="sheet-downloads">Download the study sheet: '
        f'<a href="{downloads_url}{PDF_LETTER}" download>US Letter (PDF)</a> · '
        f'<a href="{downloads_url}{PDF_A4}" download>A4 (PDF)</a></p>',
        "",
        '<div class="sheet" markdown>',
        "",
    ]

    text = page(RUBRIC_PAGE)
    if text is not None:
        rows, issues = rubric(text)
        problems += issues
        body += ["## The rubric", "", "| Criterion | Weight | What earns it |", "|---|---|---|"]
        body += [f"| {r.criterion} | :claim[{r.weight_id}] | {r.earns} |" for r in rows]
        body.append("")

    # The frameworks, then the patterns: each read by its own parser, shown alike.
    sections = [(s, framework) for s in FRAMEWORK_PAGES] + [(s, pattern) for s in PATTERN_PAGES]
    for src_uri, read in sections:
        text = page(src_uri)
        if text is not None:
            fw, issues = read(text, src_uri)
            problems += issues
            body += _framework_markdown(fw, used_scripts)

    text = page(MISTAKES_PAGE)
    if text is not None:
        body += ["## Mistakes to avoid", ""]
        body += [f"- **{m.title}.** {m.why}" for m in mistakes(text)]
        body.append("")

    body += ["## Key figures", "", figures_markdown(registry), ""]

    text = page(CHECKLIST_PAGE)
    if text is not None:
        body += ["## Checklist", ""]
        for group, items in checklist(text):
            body += [f'<p class="sheet-cue" markdown>**{group}**</p>', ""]
            body += [f"- [ ] {item}" for item in items]
            body.append("")

    body += ["</div>", ""]
    markdown = "\n".join(body)
    return Sheet(markdown, shown_claims(markdown, registry), problems)


def shown_claims(markdown: str, registry: Registry) -> list[str]:
    """Ids of the claims a sheet shows (its `:claim`/`::script` refs and what they embed)."""
    ids: dict[str, None] = {}
    for m in re.finditer(r"::?(?:claim|script)\[(?P<id>[^\]\n]+)\]", markdown):
        cid = m.group("id")
        if cid in registry.claims:
            ids[cid] = None
            ids.update(dict.fromkeys(registry.refs(cid)))
    return list(ids)
