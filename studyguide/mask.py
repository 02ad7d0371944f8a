"""Blank out the parts of a Markdown page that are not prose, keeping every offset intact.

Both the claim expander and the figure scanner work on a masked copy of the page: the same
length, newlines kept, exempt regions replaced by spaces. A match in the copy therefore has
the same offset, line and column as in the source, which is what error messages quote.
"""

from __future__ import annotations

import re

FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(?=`)(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)

# Regions of non-prose, exempt from the scanner (figures in them are not read as claims),
# each with a hint: strings one of which any match must contain, or a cheap pattern any match
# contains a match of. A page without it skips the pattern (a substring test, or a search
# for a literal, is far cheaper than a regex pass over the whole page). A leading literal,
# or a lookahead on a pattern's first character, lets other positions fail fast.
NON_PROSE_RES: list[tuple[re.Pattern[str], tuple[str, ...] | re.Pattern[str]]] = [
    (re.compile(r"<[A-Za-z/!][^<>]*>"), ("<",)),  # HTML tags with their attributes, autolinks
    (re.compile(r"\]\([^)\n]*\)"), ("](",)),  # link and image targets: ](url "title")
    (re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]+\S.*$", re.M), ("]:",)),  # reference definitions
    (re.compile(r"(?=[hw])\b(?:https?://|www\.)[^\s<>)\]]+"), ("http", "www.")),  # bare URLs
    (re.compile(r"\[\^[^\]\n]+\]:?"), ("[^",)),  # footnote markers
    (
        re.compile(r"\{:?[ \t]*[#.][^}\n]*\}|\{[^}\n]*=[^}\n]*\}"),  # attribute lists
        ("{",),
    ),
    (re.compile(r"^[ \t]*\d+[.)](?=[ \t])", re.M), (". ", ".\t", ") ", ")\t")),  # list markers
    (re.compile(r"^[ \t]*-{2}8<-{2}.*$", re.M), ("--8<--",)),  # snippet includes
    (
        # the guide's own syntax, at a colon not preceded by another
        re.compile(r":(?<!::):?(?:claim|script|literal)\[[^\]\n]*\]"),
        ("claim[", "script[", "literal["),
    ),
    (
        re.compile(r"(?=\d)(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w.-])"),  # ISO dates: provenance
        re.compile(r"-\d\d-\d\d"),  # found by its literal "-" far faster than the date
    ),
]
# Titles of admonitions, details and tabs: their quote marks are syntax, their words are prose.
TITLE_QUOTES_RE = re.compile(
    r'^([ \t]*(?:!!!|\?\?\?\+?|===\+?)[ \t]*[\w -]*?[ \t]*)(")(.*)(")[ \t]*$', re.M
)


def _blank(text: str, start: int, end: int) -> str:
    """`text[start:end]` with every character but newlines turned into a space."""
    part = text[start:end]
    if "\n" not in part:
        return " " * len(part)
    return "\n".join(" " * len(line) for line in part.split("\n"))


def _blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: _blank(m.string, m.start(), m.end()), text)


def mask_code(text: str) -> str:
    """Blank fenced code blocks, inline code spans and HTML comments.

    What is left is where the guide's syntax (`:claim[ID]`, `::script[ID]`) takes effect;
    inside code it stays literal, so documentation can show it.
    """
    # Without a fence marker the line-by-line walk has nothing to find.
    masked = _blank_fences(text) if "```" in text or "~~~" in text else text
    if "<!--" in masked:
        masked = _blank_matches(masked, COMMENT_RE)
    if "`" in masked:
        masked = _blank_matches(masked, INLINE_CODE_RE)
    return masked


def _blank_fences(text: str) -> str:
    """`text` with every fenced code block, fences included, blanked."""
    lines = text.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if fence is None and m:
            fence = m.group(1)
            lines[i] = _blank(line, 0, len(line))
        elif fence is not None:
            if (
                m
                and m.group(1)[0] == fence[0]
                and len(m.group(1)) >= len(fence)
                and line.strip() == m.group(1)
            ):
                fence = None
            lines[i] = _blank(line, 0, len(line))
    return "\n".join(lines)


def _may_match(text: str, hint: tuple[str, ...] | re.Pattern[str]) -> bool:
    """Whether `text` holds one of the hint's strings, or a match of its cheap pattern."""
    if isinstance(hint, re.Pattern):
        return hint.search(text) is not None
    return any(needle in text for needle in hint)


def mask_prose(text: str, code_masked: str | None = None) -> str:
    """Blank everything that is not prose: code, HTML, URLs, link targets, list markers, syntax.

    Headings, paragraphs, list items, table cells, admonition and tab bodies stay, so a
    figure typed in any of them is seen. `code_masked` may pass `mask_code(text)` when the
    caller has it already.
    """
    masked = mask_code(text) if code_masked is None else code_masked
    for pattern, hint in NON_PROSE_RES:
        if _may_match(masked, hint):
            masked = _blank_matches(masked, pattern)
    if '"' not in masked:
        return masked
    return TITLE_QUOTES_RE.sub(lambda m: f"{m.group(1)} {m.group(3)} ", masked)
