"""Expand the guide's claim syntax in one page: `:claim[ID]`, `::script[ID]`, `:literal[...]`.

`expand_page` is the single expander every surface uses: site pages through the hook,
generated flashcard and study-sheet pages, and the scripts that export decks. It returns the
expanded Markdown, the claims the page used, the texts it put where markup cannot mark them
(inside an HTML tag or an image's alt text, where a claim or literal becomes plain text), and
every syntax problem. Unsourced figures are the output check's job (`studyguide.output_check`);
`check_prose` runs the same check on the Markdown for text that is never a page of its own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from studyguide import grammar
from studyguide.claims import Registry
from studyguide.mask import mask_code
from studyguide.problems import Problem, line_col
from studyguide.render import claim_html, literal_html, script_html


@dataclass
class PageResult:
    """What processing one page gives: expanded Markdown, claims used, problems found."""

    markdown: str
    used: frozenset[str] = frozenset()
    problems: list[Problem] = field(default_factory=list)
    # Claim values and literal texts written as plain text (inside a tag or an alt text):
    # the output check exempts them there, as no markup can.
    plain: frozenset[str] = frozenset()

    def to_json(self) -> list[object]:
        """The result as JSON values (what `studyguide.result_cache` keeps)."""
        return [
            self.markdown,
            sorted(self.used),
            [p.to_json() for p in self.problems],
            sorted(self.plain),
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> PageResult:
        """The result `to_json` wrote."""
        markdown, used, problems, plain = data
        return cls(
            str(markdown),
            frozenset(used),
            [Problem.from_json(p) for p in problems],
            frozenset(plain),
        )


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


def _in_plain_context(masked: str, start: int) -> bool:
    """Whether `start` is inside an HTML tag or an image's alt text, where markup cannot go."""
    tag_open = masked.rfind("<", 0, start)
    if tag_open > masked.rfind(">", 0, start) and masked[tag_open + 1 : tag_open + 2].isalpha():
        return True
    line_start = masked.rfind("\n", 0, start) + 1
    alt = masked.rfind("![", line_start, start)
    return alt != -1 and "](" not in masked[alt:start]


def expand_page(
    markdown: str,
    registry: Registry,
    path: str,
    *,
    first_line: int = 1,
    ledger_url: str = "sources/",
    check_prose: bool = True,
) -> PageResult:
    """Expand `:claim[ID]`, `::script[ID]` and `:literal[text]` in a page.

    Problems: unknown ids (with a suggestion), a script used inline or not alone on its
    line, a figure used as a script, unclosed syntax, and (with `check_prose`) every
    unsourced figure or script a reader would see in it. `first_line` is the line of
    `markdown`'s first line in the file, so positions stay exact after front matter is
    stripped.
    """
    if not check_prose and not grammar.may_use(markdown):
        # No syntax to expand (masking code only blanks text, so it cannot add any): the
        # page as it is, as the walk below would give it. Most card sides are such text.
        return PageResult(markdown, frozenset(), [], frozenset())
    problems: list[Problem] = []
    used: set[str] = set()
    plain: set[str] = set()
    code_masked = mask_code(markdown)
    pieces: list[str] = []
    cursor = 0

    def report(offset: int, message: str, kind: str) -> None:
        line, col = line_col(markdown, offset, first_line)
        problems.append(Problem(path, line, col, message, kind))

    for m in grammar.SYNTAX_RE.finditer(code_masked) if grammar.may_use(code_masked) else ():
        start, end = m.start(), m.end()
        text = markdown[start:end]
        if m.group("open"):
            report(
                start, f'unclosed "{text}" — write it as {text}ID] on one line', "unclosed-syntax"
            )
            continue
        colons, name, arg = ":" + m.group("extra"), m.group("name"), m.group("arg").strip()
        if name == "literal":
            replacement = literal_html(m.group("arg"))
            if _in_plain_context(code_masked, start):
                plain.add(m.group("arg"))
                replacement = html.escape(m.group("arg"))
        elif (colons == "::" and name == "claim") or (colons == ":" and name == "script"):
            right = f":claim[{arg}]" if name == "claim" else f"::script[{arg}]"
            report(start, f'"{text}" is not valid syntax — write {right}', "invalid-syntax")
            continue
        elif arg not in registry.claims:
            guess = registry.suggest(arg)
            hint = (
                f' — did you mean "{guess}"? Write {colons}{name}[{guess}]'
                if guess
                else (" — add it to docs/claims.yml or fix the id")
            )
            report(start, f'unknown claim id "{arg}" in "{text}"{hint}', "unknown-claim-id")
            continue
        else:
            claim = registry.claims[arg]
            if name == "claim" and claim.kind == "script":
                report(
                    start,
                    f'"{text}" is a script — place it on its own line as ::script[{arg}]',
                    "script-not-alone",
                )
                continue
            if name == "script" and claim.kind != "script":
                report(
                    start,
                    f'"{text}" names {_article(claim.kind)} {claim.kind}, not a script — '
                    f"write :claim[{arg}]",
                    "script-names-a-figure",
                )
                continue
            if name == "script":
                line_start, line_end = _line_bounds(markdown, start, end)
                if grammar.script_id(code_masked[line_start:line_end]) is None:
                    report(
                        start,
                        f'"{text}" must stand alone on its own line — move it to a '
                        "new line with a blank line before and after",
                        "script-not-alone",
                    )
                    continue
                indent = markdown[line_start:start]
                replacement = f"\n{indent}{script_html(claim, registry, ledger_url)}\n"
                start, end = line_start, line_end
            elif _in_plain_context(code_masked, start):
                replacement = html.escape(registry.text(arg))
                plain.add(registry.text(arg))
            else:
                replacement = claim_html(claim, registry, ledger_url)
            used.add(arg)
            used.update(registry.refs(arg))
        pieces.append(markdown[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(markdown[cursor:])

    if check_prose:
        from studyguide.scan import find_unsourced  # renders Markdown: only text not a page

        problems.extend(find_unsourced(markdown, path, first_line=first_line, registry=registry))
    return PageResult("".join(pieces), frozenset(used), sorted(problems), frozenset(plain))


def body_offset(source: str, body: str) -> int:
    """The 1-based line of `body` within `source` (the file with its front matter)."""
    if body and source.endswith(body):
        return source[: len(source) - len(body)].count("\n") + 1
    return 1


def expand_plain(text: str, registry: Registry) -> tuple[str, set[str]]:
    """`text` with `:literal[x]` as x and `:claim[ID]` as its value, for places that show
    plain text (front matter `title` and `description`, nav titles, `site_description`).

    Returns the text and what was put in, which the output check exempts there. Unknown ids
    are left as written (the page's own expansion reports them).
    """
    if not grammar.may_use(text):
        return text, set()
    put: set[str] = set()

    def sub(m: re.Match[str]) -> str:
        name, arg = m.group("name"), m.group("arg")
        if name == "literal":
            put.add(arg)
            return arg
        if name == "claim" and not m.group("extra") and arg.strip() in registry.claims:
            value = registry.text(arg.strip())
            put.add(value)
            return value
        return m.group(0)

    return grammar.SYNTAX_RE.sub(sub, text), put
