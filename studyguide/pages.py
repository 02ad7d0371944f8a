"""Expand the guide's claim syntax in one page and check the page's prose, in one pass.

`process_page` is the single expander every surface uses: site pages through the hook,
generated flashcard and study-sheet pages, and the scripts that export decks. It returns the
expanded Markdown, the claims the page used, and every problem found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studyguide.claims import Registry
from studyguide.mask import mask_code, mask_prose
from studyguide.problems import Problem, line_col
from studyguide.render import claim_html, literal_html, script_html
from studyguide.scan import find_unsourced

# Both alternatives begin with a literal ":", which the regex engine searches for directly
# instead of trying the pattern at every position of the page.
SYNTAX_RE = re.compile(
    r":(?P<extra>:?)(?P<name>claim|script|literal)\[(?P<arg>[^\]\n]*)\]"
    r"|:(?P<open>:?(?:claim|script|literal)\[)"
)
SCRIPT_LINE_RE = re.compile(r"[ \t]*::script\[[^\]\n]*\][ \t]*")


@dataclass
class PageResult:
    """What processing one page gives: expanded Markdown, claims used, problems found."""

    markdown: str
    used: frozenset[str] = frozenset()
    problems: list[Problem] = field(default_factory=list)


def values_index(registry: Registry) -> dict[str, str]:
    """Claim values (figures, not scripts) mapped to their ids, to suggest the exact fix."""
    index: dict[str, str] = {}
    for claim in registry.claims.values():
        if claim.kind != "script":
            index.setdefault(claim.value, claim.id)
            index.setdefault(claim.value.replace(" ", ""), claim.id)
    return index


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end == -1 else line_end


def process_page(
    markdown: str,
    registry: Registry,
    path: str,
    *,
    first_line: int = 1,
    ledger_url: str = "sources/",
    check_prose: bool = True,
    values: dict[str, str] | None = None,
) -> PageResult:
    """Expand `:claim[ID]`, `::script[ID]` and `:literal[text]` and check the page.

    Problems: unknown ids (with a suggestion), a script used inline or not alone on its
    line, a figure used as a script, unclosed syntax, and (with `check_prose`) every
    unsourced figure or script in the prose. `first_line` is the line of `markdown`'s first
    line in the file, so positions stay exact after front matter is stripped.
    """
    problems: list[Problem] = []
    used: set[str] = set()
    code_masked = mask_code(markdown)
    pieces: list[str] = []
    cursor = 0

    def report(offset: int, message: str) -> None:
        line, col = line_col(markdown, offset, first_line)
        problems.append(Problem(path, line, col, message))

    for m in SYNTAX_RE.finditer(code_masked):
        start, end = m.start(), m.end()
        text = markdown[start:end]
        if m.group("open"):
            report(start, f'unclosed "{text}" — write it as {text}ID] on one line')
            continue
        colons, name, arg = ":" + m.group("extra"), m.group("name"), m.group("arg").strip()
        if name == "literal":
            replacement = literal_html(m.group("arg"))
        elif (colons == "::" and name == "claim") or (colons == ":" and name == "script"):
            right = f":claim[{arg}]" if name == "claim" else f"::script[{arg}]"
            report(start, f'"{text}" is not valid syntax — write {right}')
            continue
        elif arg not in registry.claims:
            guess = registry.suggest(arg)
            hint = (
                f' — did you mean "{guess}"? Write {colons}{name}[{guess}]'
                if guess
                else (" — add it to docs/claims.yml or fix the id")
            )
            report(start, f'unknown claim id "{arg}" in "{text}"{hint}')
            continue
        else:
            claim = registry.claims[arg]
            if name == "claim" and claim.kind == "script":
                report(start, f'"{text}" is a script — place it on its own line as ::script[{arg}]')
                continue
            if name == "script" and claim.kind != "script":
                report(
                    start,
                    f'"{text}" names {_article(claim.kind)} {claim.kind}, not a script — '
                    f"write :claim[{arg}]",
                )
                continue
            if name == "script":
                line_start, line_end = _line_bounds(markdown, start, end)
                if not SCRIPT_LINE_RE.fullmatch(code_masked[line_start:line_end]):
                    report(
                        start,
                        f'"{text}" must stand alone on its own line — move it to a '
                        "new line with a blank line before and after",
                    )
                    continue
                indent = markdown[line_start:start]
                replacement = f"\n{indent}{script_html(claim, registry, ledger_url)}\n"
                start, end = line_start, line_end
            else:
                replacement = claim_html(claim, registry, ledger_url)
            used.add(arg)
            used.update(registry.refs(arg))
        pieces.append(markdown[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(markdown[cursor:])

    if check_prose:
        index = values if values is not None else values_index(registry)
        problems.extend(
            find_unsourced(
                markdown,
                path,
                first_line=first_line,
                values=index,
                masked=mask_prose(markdown, code_masked),
            )
        )
    return PageResult("".join(pieces), frozenset(used), sorted(problems))


def body_offset(source: str, body: str) -> int:
    """The 1-based line of `body` within `source` (the file with its front matter)."""
    if body and source.endswith(body):
        return source[: len(source) - len(body)].count("\n") + 1
    return 1
