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

# Regions of non-prose, exempt from the scanner (figures in them are not read as claims).
# A leading lookahead on a pattern's first character lets every other position fail fast.
NON_PROSE_RES = [
    re.compile(r"<[A-Za-z/!][^<>]*>"),  # HTML tags with their attributes, autolinks
    re.compile(r"\]\([^)\n]*\)"),  # link and image targets: ](url "title")
    re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]+\S.*$", re.M),  # reference link definitions
    re.compile(r"(?=[hw])\b(?:https?://|www\.)[^\s<>)\]]+"),  # bare URLs
    re.compile(r"\[\^[^\]\n]+\]:?"),  # footnote markers
    re.compile(r"\{:?[ \t]*[#.][^}\n]*\}|\{[^}\n]*=[^}\n]*\}"),  # attribute lists
    re.compile(r"^[ \t]*\d+[.)](?=[ \t])", re.M),  # ordered-list markers
    re.compile(r"^[ \t]*-{2}8<-{2}.*$", re.M),  # snippet includes
    re.compile(r"(?=:)(?<!:)::?(?:claim|script|literal)\[[^\]\n]*\]"),  # the guide's own syntax
    re.compile(
        r"(?=\d)(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w.-])"
    ),  # ISO dates: provenance, not figures
]
# Titles of admonitions, details and tabs: their quote marks are syntax, their words are prose.
TITLE_QUOTES_RE = re.compile(
    r'^([ \t]*(?:!!!|\?\?\?\+?|===\+?)[ \t]*[\w -]*?[ \t]*)(")(.*)(")[ \t]*$', re.M
)


def _blank(text: str, start: int, end: int) -> str:
    """`text[start:end]` with every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", text[start:end])


def _blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: _blank(m.string, m.start(), m.end()), text)


def mask_code(text: str) -> str:
    """Blank fenced code blocks, inline code spans and HTML comments.

    What is left is where the guide's syntax (`:claim[ID]`, `::script[ID]`) takes effect;
    inside code it stays literal, so documentation can show it.
    """
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
    masked = "\n".join(lines)
    masked = _blank_matches(masked, COMMENT_RE)
    return _blank_matches(masked, INLINE_CODE_RE)


def mask_prose(text: str, code_masked: str | None = None) -> str:
    """Blank everything that is not prose: code, HTML, URLs, link targets, list markers, syntax.

    Headings, paragraphs, list items, table cells, admonition and tab bodies stay, so a
    figure typed in any of them is seen. `code_masked` may pass `mask_code(text)` when the
    caller has it already.
    """
    masked = mask_code(text) if code_masked is None else code_masked
    for pattern in NON_PROSE_RES:
        masked = _blank_matches(masked, pattern)
    return TITLE_QUOTES_RE.sub(lambda m: f"{m.group(1)} {m.group(3)} ", masked)
