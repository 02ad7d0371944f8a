"""The practice room's prompts, read from docs/practice.md: one structure, checked and reused.

A prompt is a numbered item inside a `<div class="practice-prompts" ... markdown>` block: a bold
title, the prompt text, three cue bullets (*User problem:*, *Data flow:*, *Operational
constraints:*), then a collapsible `??? abstract practice-outline "Model-answer outline"` whose
body holds four bold-labelled bullets (OUTLINE_FIELDS) and a self-check task list (`- [ ] ...`).
The group is the `### ` heading above the block.

Read once here, the same structure serves three readers: the build (a malformed prompt is a
`FILE:LINE:COL` problem, so a contributor learns at once what is missing), the flashcards (each
outline's user-and-metric, trade-off and success lines become cards, so the cards never
disagree with the outlines) and the tests (counts per group and per product area).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

PRACTICE_PAGE = "practice.md"
CUES = ("User problem", "Data flow", "Operational constraints")
OUTLINE_FIELDS = (
    "User and metric",
    "Three layers",
    "Trade-off and mitigation",
    "Proves success",
)
MIN_CHECKS, MAX_CHECKS = 2, 5
OUTLINE_CLASS = "practice-outline"

BLOCK_START_RE = _compile(r'^<div class="practice-prompts"[^>]*\bmarkdown\b[^>]*>\s*$')
BLOCK_END_RE = _compile(r"^</div>\s*$")
GROUP_RE = _compile(r"^###[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$")
ITEM_RE = _compile(r"^\d+\.[ \t]+\*\*(?P<title>[^*\n]+?)\*\*")
CUE_RE = _compile(r"^[ \t]+- \*(?P<label>[^*:\n]+):\*[ \t]*(?P<text>.*)$")
OUTLINE_RE = _compile(r"^[ \t]+\?\?\?\+?[ \t]+\w+(?:[ \t]+[\w-]+)*[ \t]+\"[^\"\n]*\"[ \t]*$")
FIELD_RE = _compile(r"^[ \t]+- \*\*(?P<label>[^*:\n]+):\*\*[ \t]*(?P<text>.*)$")
CHECK_RE = _compile(r"^[ \t]+- \[ \][ \t]+(?P<text>.+)$")
CONTINUATION_RE = _compile(r"^[ \t]{3,}(?![-*] |\d+\. |\?\?\?)(?P<text>\S.*)$")


@dataclass
class OutlineField:
    """One labelled line of a model-answer outline, with its 1-based file line."""

    label: str
    text: str
    line: int


@dataclass
class Prompt:
    """One practice prompt: its title, group, cues, outline fields and self-check items."""

    title: str
    group: str
    line: int
    cues: dict[str, str] = field(default_factory=dict)
    outline_line: int = 0
    outline: dict[str, OutlineField] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)


def _title(raw: str) -> str:
    return raw.strip().rstrip(".:").strip()


def read_prompts(text: str) -> list[Prompt]:
    """Every prompt in the page's `.practice-prompts` blocks, in page order.

    Lines are counted in the whole file (front matter included), so problems point at the
    line a contributor edits. Wrapped lines continue the cue, field or check above them.
    """
    prompts: list[Prompt] = []
    group, inside = "", False
    current: Prompt | None = None
    last: tuple[str, object] | None = None  # what a continuation line extends
    in_outline = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not inside:
            if m := GROUP_RE.match(line):
                group = m.group("title").strip()
            inside = bool(BLOCK_START_RE.match(line))
            continue
        if BLOCK_END_RE.match(line):
            inside, current, last = False, None, None
            continue
        if m := ITEM_RE.match(line):
            current = Prompt(_title(m.group("title")), group, number)
            prompts.append(current)
            last, in_outline = None, False
            continue
        if current is None or not line.strip():
            continue
        if OUTLINE_RE.match(line) and OUTLINE_CLASS in line:
            current.outline_line, in_outline, last = number, True, None
        elif in_outline and (m := FIELD_RE.match(line)):
            entry = OutlineField(m.group("label").strip(), m.group("text").strip(), number)
            current.outline.setdefault(entry.label, entry)
            last = ("field", entry)
        elif in_outline and (m := CHECK_RE.match(line)):
            current.checks.append(m.group("text").strip())
            last = ("check", len(current.checks) - 1)
        elif not in_outline and (m := CUE_RE.match(line)):
            label = m.group("label").strip()
            current.cues[label] = m.group("text").strip()
            last = ("cue", label)
        elif last and (m := CONTINUATION_RE.match(line)):
            _extend(current, last, m.group("text").strip())
        else:
            last = None
    return prompts


def _extend(prompt: Prompt, last: tuple[str, object], more: str) -> None:
    kind, key = last
    if kind == "field" and isinstance(key, OutlineField):
        key.text = f"{key.text} {more}".strip()
    elif kind == "check" and isinstance(key, int):
        prompt.checks[key] = f"{prompt.checks[key]} {more}"
    elif kind == "cue" and isinstance(key, str):
        prompt.cues[key] = f"{prompt.cues[key]} {more}".strip()


def check_prompts(text: str, path: str = f"docs/{PRACTICE_PAGE}") -> list[Problem]:
    """One problem per structural fault of the page's prompts (see `prompt_problems`)."""
    return prompt_problems(read_prompts(text), path)


def prompt_problems(prompts: list[Prompt], path: str) -> list[Problem]:
    """One problem per structural fault: a missing cue, a missing or empty outline field, a
    self-check list that is missing or too long, or a repeated title (the history and the
    flashcards name a prompt by its title). `prompts` as `read_prompts` gives them."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for p in prompts:
        where = f'prompt "{p.title}"'
        if p.title in seen:
            problems.append(
                Problem(
                    path,
                    p.line,
                    1,
                    f"{where} repeats the title of the prompt at line {seen[p.title]} — "
                    "give each prompt its own title",
                )
            )
        seen.setdefault(p.title, p.line)
        missing_cues = [c for c in CUES if not p.cues.get(c)]
        if missing_cues:
            problems.append(
                Problem(
                    path,
                    p.line,
                    1,
                    f"{where} has no cue {', '.join(f'*{c}:*' for c in missing_cues)} — add "
                    "it as a bullet under the prompt",
                )
            )
        if not p.outline_line:
            problems.append(
                Problem(
                    path,
                    p.line,
                    1,
                    f"{where} has no model-answer outline — add `??? abstract {OUTLINE_CLASS} "
                    '"Model-answer outline"` under its cues',
                )
            )
            continue
        missing = [f for f in OUTLINE_FIELDS if not (p.outline.get(f) and p.outline[f].text)]
        if missing:
            problems.append(
                Problem(
                    path,
                    p.outline_line,
                    1,
                    f"{where}: its outline lacks {', '.join(f'**{f}:**' for f in missing)} — "
                    "add one bullet per field, in this order: " + ", ".join(OUTLINE_FIELDS),
                )
            )
        if not MIN_CHECKS <= len(p.checks) <= MAX_CHECKS:
            problems.append(
                Problem(
                    path,
                    p.outline_line,
                    1,
                    f"{where} has {len(p.checks)} self-check items — give it {MIN_CHECKS} to "
                    f"{MAX_CHECKS} `- [ ] ...` items inside the outline",
                )
            )
    return problems
