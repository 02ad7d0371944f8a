"""Blank out code in a Markdown page, keeping every offset intact.

The claim expander and the locator work on a masked copy of the page: the same length,
newlines kept, code blocks, code spans and HTML comments replaced by spaces, so the guide's
syntax inside code stays literal and a match in the copy has the same offset, line and
column as in the source, which is what error messages quote.
"""

from __future__ import annotations

import re

from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

FENCE_RE = _compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE_RE = _compile(r"(?=`)(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
COMMENT_RE = _compile(r"<!--.*?-->", re.S)


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
