"""Text as a reader's eye and a search engine read it, before any figure is looked for.

A figure must be found however it is spelled in the file: full-width digits and signs,
a non-breaking or narrow space between number and unit, a number at the end of one line and
its unit on the next, a soft hyphen or a zero-width character inside a word. Normalising
first means the patterns only ever see one spelling.
"""

from __future__ import annotations

import unicodedata

from studyguide.pattern_cache import PatternCache

# Characters that render as nothing: soft hyphen, zero-width space/joiners, word joiner, BOM.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"))
# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

_SPACES_RE = _compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC, invisible characters removed, every run of whitespace (any kind) one space, and
    none at either end."""
    if text.isascii():
        return " ".join(text.split())  # split() without arguments: runs of ASCII whitespace
    flat = unicodedata.normalize("NFKC", text.translate(INVISIBLE))
    return _SPACES_RE.sub(" ", flat).strip()


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for each of its characters, the offset in `text` it came from.

    Used to locate what was seen in a rendered page back in the Markdown a contributor
    edits: the search runs on normalised text, the answer is an offset in the file.
    """
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ord(ch) in INVISIBLE:
            continue
        folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        for piece in folded:
            if piece.isspace():
                if not space:
                    out.append(" ")
                    where.append(i)
                space = True
            else:
                out.append(piece)
                where.append(i)
                space = False
    return "".join(out), where
