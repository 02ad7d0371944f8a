"""The study sheet: the guide reduced to what a candidate reads in the last hour before the call.

Nothing on the sheet is typed twice. Its parts are read from the same pages as the site
(by `studyguide.sheet_sources`), in the order a candidate needs them:

- how you are scored: the interview page's rubric rows with their weights, across the top;
- the first minutes: the Impact-First steps, each as a move (its name and first sentence)
  with the model lines (`::script[ID]`) that say it;
- the body of the answer: the Three-Layer Lens's layers, the same way;
- when they push back, and when they ask why a tool: each pattern page's steps as moves, then
  the model lines of its other sections, titled by the section;
- the mistakes: each mistake's name and why it costs points;
- the round, as reported: every `fact` claim with a `label` in `docs/claims.yml`, shown as
  "label: value" with its source and date. Nothing else appears out of its sentence, so no
  figure is ever named by its id.

The preparation checklist is not on the sheet: it is a plan for the weeks before, and has its
own printable page (`docs/checklist.md`).

The sheet is Markdown that still holds `:claim[ID]` and `::script[ID]`, so the claims hook
expands it with the same `expand_page` as every page and checks its figures. Links in copied
text are reduced to their words: the sheet is meant for paper, and a copied relative link
would point elsewhere from the sheet's own address.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from studyguide import grammar
from studyguide.claims import Registry
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem
from studyguide.sheet_sources import (
    MISTAKES_PAGE,
    RUBRIC_PAGE,
    Framework,
    Step,
    framework,
    mistakes,
    pattern,
    rubric,
)

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

SHEET = "study-sheet.md"
TITLE = "Study sheet"
FRAMEWORK_PAGES = ("frameworks/impact-first.md", "frameworks/three-layer-lens.md")
PATTERN_PAGES = ("frameworks/trade-offs.md", "frameworks/technology-choice.md")
PDF_LETTER = "study-sheet.pdf"
PDF_A4 = "study-sheet-a4.pdf"
MARKDOWN_SPECIAL_RE = _compile(r"([\\`*_\[\]<>])")


@dataclass
class Sheet:
    """The sheet's Markdown, the claims it shows, and problems found while reading sources."""

    markdown: str
    claims: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def figures_markdown(registry: Registry) -> tuple[str, list[Problem]]:
    """The facts that carry a `label` in claims.yml, as "label: value", grouped by source
    with its title and date; and a problem for a labelled claim that is not a fact (the
    sheet shows no example figures out of their sentence)."""
    facts: dict[str, list[str]] = {}
    problems = []
    for claim in registry.claims.values():
        if claim.label is None:
            continue
        if claim.kind != "fact":
            problems.append(
                Problem(
                    "docs/claims.yml",
                    claim.line,
                    1,
                    f'claim "{claim.id}" has a label but is {claim.kind} — only facts are '
                    "listed on the study sheet: remove its `label:`",
                )
            )
            continue
        facts.setdefault(claim.source, []).append(
            f"{escape_markdown(claim.label)}: :claim[{claim.id}]"
        )
    parts = []
    for source_id, items in facts.items():
        source = registry.sources.get(source_id)
        where = f"*{source.title}*, :literal[{source.date}]" if source else f"*{source_id}*"
        parts.append(
            f'<p class="sheet-figures" markdown>{" · ".join(items)}. '
            f'<span class="sheet-source">As reported by {where}; one source, '
            "not verified.</span></p>"
        )
    return "\n\n".join(parts), problems


def escape_markdown(text: str) -> str:
    """Text shown as written: Markdown's emphasis, code and link characters escaped."""
    return MARKDOWN_SPECIAL_RE.sub(r"\\\1", text)


def _moves(steps: tuple[Step, ...]) -> list[str]:
    """A framework's steps as a list of moves: the step's name as the move, then its
    first sentence (the name capitalised; "Step 1"/"Layer 1" become the list's numbers)."""
    out = []
    for step in steps:
        name = step.name[:1].upper() + step.name[1:]
        out.append(f"1. **{name}.** {step.summary}")
    return [*out, ""]


def _scripts_once(ids: list[str], used: set[str]) -> list[str]:
    out = []
    for script in ids:
        if script not in used:
            used.add(script)
            out += [f"::script[{script}]", ""]
    return out


def _section(title: str, cue: str) -> list[str]:
    return [f"## {title}", "", f'<p class="sheet-cue" markdown>{cue}</p>', ""]


def _steps_with_scripts(fw: Framework, used: set[str]) -> list[str]:
    """A framework's steps as numbered moves, each followed by the model lines that say it."""
    out = []
    for number, step in enumerate(fw.steps, start=1):
        name = step.name[:1].upper() + step.name[1:]
        out += [f'<p class="sheet-move" markdown>**{number}. {name}.** {step.summary}</p>', ""]
        out += _scripts_once(list(step.scripts), used)
    return out


def _opening(fw: Framework, used: set[str]) -> list[str]:
    """The first minutes: Impact-First's moves, each with the model line that says it."""
    out = _section("The first minutes", f"*{fw.title}*: say these, in this order.")
    return out + _steps_with_scripts(fw, used)


def _pattern_block(fw: Framework, title: str, cue: str, used: set[str]) -> list[str]:
    """A pattern as numbered moves, then its model lines, each under its section's title."""
    out = [*_section(title, cue), *_moves(fw.steps)]
    for followup, script in fw.followups:
        if script in used:
            continue
        label = followup.removeprefix("Follow-up: ").strip()
        out += [f'<p class="sheet-cue" markdown>*{label[:1].upper() + label[1:]}*</p>', ""]
        out += _scripts_once([script], used)
    return out


def render_sheet(
    registry: Registry,
    pages: Mapping[str, str],
    *,
    downloads_url: str = "../downloads/",
) -> Sheet:
    """The study sheet's Markdown from the claims and the content pages, with its problems.

    The sheet is for the last hour before the call, in the order a candidate needs it: what
    to say first (Impact-First), how the answer is scored (the rubric's weights), the body of
    the answer (the Three-Layer Lens as moves), answering a push (the trade-off pattern and
    its model lines), justifying a tool, the mistakes, and the few figures worth knowing.
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

    def read(
        src_uri: str, parse: Callable[[str, str], tuple[Framework, list[Problem]]]
    ) -> Framework | None:
        text = page(src_uri)
        if text is None:
            return None
        fw, issues = parse(text, src_uri)
        problems.extend(issues)
        return fw

    used: set[str] = set()
    body: list[str] = [
        "# Study sheet: the last hour before the call",
        "",
        '<p class="sheet-intro" markdown>What to say first, how you are scored, the moves, '
        "how to answer a push, and what to avoid. "
        "Numbers in the model lines are examples: use ones that fit your prompt.</p>",
        "",
        '<p class="sheet-downloads">Download the study sheet: '
        f'<a href="{downloads_url}{PDF_LETTER}" download>US Letter (PDF)</a> · '
        f'<a href="{downloads_url}{PDF_A4}" download>A4 (PDF)</a></p>',
        "",
    ]
    text = page(RUBRIC_PAGE)
    if text is not None:  # across the top: the sheet's frame of reference
        rows, issues = rubric(text)
        problems += issues
        body += ['<div class="sheet-rubric" markdown>', "", "## How you are scored", ""]
        body += ["| Criterion | Reported weight | What earns it |", "|---|---|---|"]
        body += [f"| {r.criterion} | :claim[{r.weight_id}] | {r.earns} |" for r in rows]
        body += ["", "</div>", ""]

    body += ['<div class="sheet" markdown>', ""]
    impact, lens = (read(src, framework) for src in FRAMEWORK_PAGES)
    trade_offs, technology = (read(src, pattern) for src in PATTERN_PAGES)
    if impact:
        body += _opening(impact, used)
    if lens:
        body += _section("The body of the answer", f"*{lens.title}*: one layer at a time.")
        body += _steps_with_scripts(lens, used)
    if trade_offs:
        body += _pattern_block(
            trade_offs,
            "When they push back",
            f"*{trade_offs.title}*: acknowledge, then mitigate.",
            used,
        )
    if technology:
        body += _pattern_block(
            technology, "When they ask why that tool", f"*{technology.title}*: in this order.", used
        )

    text = page(MISTAKES_PAGE)
    if text is not None:
        body += ["## Mistakes to avoid", ""]
        body += [f"- **{m.title}.** {m.why}" for m in mistakes(text)]
        body.append("")

    figures, issues = figures_markdown(registry)
    problems += issues
    if figures:
        body += ["## The round, as reported", "", figures, ""]

    body += ["</div>", ""]
    markdown = "\n".join(body)
    return Sheet(markdown, shown_claims(markdown, registry), problems)


def shown_claims(markdown: str, registry: Registry) -> list[str]:
    """Ids of the claims a sheet shows (its `:claim`/`::script` refs and what they embed)."""
    ids: dict[str, None] = {}
    for cid in grammar.referenced_ids(markdown):
        if cid in registry.claims:
            ids[cid] = None
            ids.update(dict.fromkeys(registry.refs(cid)))
    return list(ids)
