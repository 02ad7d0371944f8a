"""Find model lines in normalised text: what a candidate would say, in any quote style.

A model line is a statement a candidate could say in the interview, quoted as such: six words
or more (typically first person) between quote marks of any style (straight or curly, single
or double, guillemets, low-high German quotes, CJK corner brackets) or inside a quote
container (`<blockquote>`, `<q>`, a `quote` admonition), where any length counts.

Not a model line: a question (an interviewer asks it), a prompt the interviewer gives
("Design a ...", "Walk me through ..."), a title (most words capitalised), fewer than six
words in running quote marks, and an inch mark (`27"`) that is no quote at all.
"""

from __future__ import annotations

import re

from studyguide.pattern_cache import PatternCache

# Every pattern below is compiled by `_compile`, as `re.compile` would, from the program
# `make bytecode` kept for it when there is one (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

MIN_WORDS = 6
WORD_RE = _compile(r"[\w'’]+(?:-[\w'’]+)*")
# (opening marks, pattern): the pattern's group holds the quoted words, and every match
# starts with one of its opening marks, so a text holding none of them is not searched (a test
# holds each pattern to its marks). The opening mark must not follow a letter or a digit (a
# digit before `"` is an inch mark), the closing one must not precede a letter.
QUOTE_RES: list[tuple[str, re.Pattern[str]]] = [
    ('"', _compile(r'(?<![\w"])"(?=\S)([^"]*?[^\s"])"(?!\w)')),
    ("“", _compile(r"“([^”“]+)”")),
    ("„", _compile(r"„([^“”„]+)[“”]")),
    ("«", _compile(r"«\s?([^«»]+?)\s?»")),
    ("»", _compile(r"»([^«»]+)«")),
    ("‹", _compile(r"‹\s?([^‹›]+?)\s?›")),
    ("「『", _compile(r"「([^「」]+)」|『([^『』]+)』")),
    ("‘", _compile(r"(?<!\w)‘((?:[^‘’]|’(?=\w))+)’(?!\w)")),
    ("‚", _compile(r"‚([^‚‘]+)‘")),
    ("'", _compile(r"(?<![\w'])'(?=\S)((?:[^'\n]|'(?=\w))+?[^\s'])'(?!\w)")),
]
# Every mark a quoted passage can open with, and those of them that open nothing right after a
# letter, a digit or "_" (their patterns look behind for `\w`): "don't" holds no quote.
OPENING_MARKS = "".join(opening for opening, _ in QUOTE_RES)
GLUED_MARKS = "\"'‘"
QUOTE_MARKS = "\"“”„«»‹›「」『』‘’‚'"
QUESTION_WORDS = frozenset(
    [
        "how",
        "what",
        "why",
        "which",
        "where",
        "when",
        "who",
        "whom",
        "whose",
        "can",
        "could",
        "would",
        "should",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "will",
        "have",
        "has",
        "shall",
        "may",
    ]
)
# Verbs an interviewer opens a prompt with. "Let" is missing on purpose: "let me start with
# the user" is a candidate speaking.
PROMPT_VERBS = frozenset(
    [
        "design",
        "build",
        "tell",
        "walk",
        "describe",
        "explain",
        "imagine",
        "suppose",
        "estimate",
        "prioritize",
        "prioritise",
        "sketch",
        "define",
        "name",
        "list",
        "give",
        "pick",
        "choose",
        "improve",
        "propose",
        "assume",
        "consider",
        "talk",
        "take",
        "draw",
        "outline",
        "compare",
        "evaluate",
    ]
)
# "me" is left out: "tell me", "walk me through" are an interviewer's words.
FIRST_PERSON = frozenset(
    ["i", "i'd", "i'll", "i'm", "i've", "my", "we", "we'd", "we'll", "we're", "we've", "us", "our"]
)


def words(text: str) -> list[str]:
    """The words of a passage, apostrophes and hyphens kept inside words."""
    return WORD_RE.findall(text)


def is_title(text: str) -> bool:
    """Whether a passage reads as a title: most words of four letters or more capitalised."""
    long_words = [w for w in words(text) if len(w) > 3]
    if not long_words or text.rstrip().endswith("."):
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def is_model_line(text: str, *, container: bool = False) -> bool:
    """Whether quoted `text` is something a candidate would say (see the module's rules)."""
    found = [w.lower().replace("’", "'") for w in words(text)]
    if not found or (len(found) < MIN_WORDS and not container):
        return False
    if text.rstrip().rstrip(QUOTE_MARKS + ")").endswith("?"):
        return False
    if found[0] in QUESTION_WORDS and not FIRST_PERSON.intersection(found[:2]):
        return False
    if found[0] in PROMPT_VERBS and not FIRST_PERSON.intersection(found):
        return False
    return container or not is_title(text)


def is_question_or_title(text: str) -> bool:
    """Whether quoted `text` is a question or a title: it states nothing, so a number in it
    ("what if traffic grew tenfold?", a talk called "... To A Billion Runs") is no figure."""
    return text.rstrip().rstrip(QUOTE_MARKS + ")").endswith("?") or is_title(text)


def quoted_spans(text: str) -> list[tuple[int, int, str]]:
    """Every quoted passage in `text`: (start of the opening mark, end, quoted words)."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for opening, pattern in QUOTE_RES:
        if not any(map(text.__contains__, opening)):
            continue  # no match can start without one of them
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            out.append((m.start(), m.end(), next(g for g in m.groups() if g is not None)))
    return sorted(out)


def find_model_lines(text: str) -> list[tuple[int, int, str]]:
    """Every quoted model line in `text`: (start of the opening mark, end, quoted words)."""
    return [(a, b, inner.strip()) for a, b, inner in quoted_spans(text) if is_model_line(inner)]
