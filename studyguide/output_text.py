"""What a rendered page shows readers and search engines, as plain text per surface.

The claims check reads the built HTML, not the Markdown: whatever syntax, snippet, template
or plugin put text on the page, the reader sees it here. A page becomes a list of
`Segment`s, each a run of text between block boundaries, normalised, with the surface it is
seen on (page text, navigation, `<title>`, meta description, an `alt` attribute...).

Exempt, and removed before anything is read: an expanded claim (its markup already says
where it comes from), a `:literal[...]`, a value on the ledger, `code`, `pre`, `kbd`,
scripts, styles and comments, and the options of a `select` (settings a reader picks, such
as a desired retention of 90%, not figures the guide states).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import NamedTuple

from studyguide.normalise import normalise
from studyguide.pattern_cache import PatternCache

# Every pattern below is compiled by `_compile`, as `re.compile` would, from the program
# `make bytecode` kept for it when there is one (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

# Surfaces, as the error message names them ("seen in ...").
BODY = "the page text"
NAV = "the navigation"
HEADER = "the page header"
FOOTER = "the page footer"
TITLE = "the page's <title>"
DESCRIPTION = "the page's meta description"
OG = "the page's Open Graph and Twitter card tags"
ATTRIBUTE = "an attribute readers see"
SEARCH = "the search index"
DOWNLOAD = "the flashcard downloads"
HEAD_SURFACES = frozenset({TITLE, DESCRIPTION, OG})

_S = re.S | re.I
# Exempt elements, each with a string any match contains (the pattern is skipped without it).
# `[^>]*?` before a class: lazy, it finds the class without running to the tag's end and
# back; a match ends where the greedy form's does (no `[^>]` crosses the tag's `>`).
EXEMPT: dict[str, str] = {
    "<!--": r"<!--.*?-->",
    # The lookahead (each name's first letter) lets `re` pass most tags at one test.
    "<": r"<(?=[spcktd])(script|style|pre|code|kbd|template|select|datalist)\b[^>]*>.*?</\1\s*>",
    'class="claim': r'<a\b[^>]*?\bclass="claim(?: [^"]*)?"[^>]*>.*?</a>',
    'class="literal': r'<span\b[^>]*?\bclass="literal"[^>]*>[^<]*</span>',
    "claim-value": r'<span\b[^>]*?\bclass="claim-value"[^>]*>[^<]*</span>',
    'class="script"': r'<figure\b[^>]*?\bclass="script"[^>]*>.*?</figure>',
}
EXEMPT_RES = [(needle, _compile(pattern, _S)) for needle, pattern in EXEMPT.items()]
# Quote containers, keyed the same way: any statement in one is a model line.
QUOTE_CONTAINERS: dict[str, str] = {
    "<blockquote": r"<blockquote\b[^>]*>(.*?)</blockquote>",
    "<q": r"<q\b[^>]*>(.*?)</q>",
    "quote": r'<(div|details)\b[^>]*?\bclass="(?:admonition )?quote[^"]*"[^>]*>(.*?)</\1>',
}
QUOTE_CONTAINER_RES = [(needle, _compile(p, _S)) for needle, p in QUOTE_CONTAINERS.items()]
_ADMONITION_TITLE_RE = _compile(
    r'<p\b[^>]*class="admonition-title"[^>]*>.*?</p>|<summary\b[^>]*>.*?</summary>', _S
)
VISIBLE_ATTRIBUTES = ('title="', 'alt="', 'aria-label="', 'placeholder="')
BLOCK_TAGS = frozenset(
    [
        "p",
        "li",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "div",
        "dt",
        "dd",
        "dl",
        "ul",
        "ol",
        "blockquote",
        "figure",
        "figcaption",
        "section",
        "article",
        "nav",
        "header",
        "footer",
        "table",
        "tr",
        "thead",
        "tbody",
        "br",
        "label",
        "button",
        "summary",
        "details",
        "option",
        "title",
        "aside",
        "main",
        "form",
        "input",
        "hr",
        "img",
        "select",
        "textarea",
        "body",
        "html",
        "head",
        "meta",
        "q",
    ]
)


def _tag_names(names: frozenset[str]) -> str:
    """An alternation of tag names in any letter case, grouped by first letter: `re` tries
    one branch per tag instead of every name, and with no `re.IGNORECASE` (which compares
    letter by letter) this runs twice as fast over a page. ASCII letters only, as HTML's."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name[1:])

    def any_case(text: str) -> str:
        return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text)

    return "|".join(
        any_case(first) + "(?:" + "|".join(any_case(rest) for rest in rests) + ")"
        for first, rests in by_first.items()
    )


BLOCK_TAG_RE = _compile(r"</?(?:" + _tag_names(BLOCK_TAGS) + r")\b[^>]*>")
INLINE_TAG_RE = _compile(r"</?[a-zA-Z][^>]*>")
# A piece of text between block boundaries (NUL) that is not only whitespace, from its first
# other character: `\s` is `str.isspace`, and `normalise` drops the leading whitespace anyway.
_RUN_RE = _compile(r"[^\x00\s][^\x00]*")
# The head runs from its opening tag to the first closing tag after it (two searches, as
# `_REGIONS` below).
HEAD_OPEN_RE = _compile(r"<head\b[^>]*>", re.I)
HEAD_CLOSE_RE = _compile(r"</head>", re.I)
TITLE_RE = _compile(r"<title\b[^>]*>(.*?)</title>", _S)
META_RE = _compile(r"<meta\b([^>]*)>", re.I)
META_ATTR_RE = _compile(r'(name|property|content)="([^"]*)"', re.I)
# Each region runs from its first opening tag to the first closing tag after it: found in two
# searches (one lazy `.*?` pattern tries the closing tag at every character, 0.2 ms a page).
_REGIONS = [
    (_compile(rf"<{tag}\b", re.I), _compile(rf"</{tag}>", re.I), surface)
    for tag, surface in (("header", HEADER), ("article", BODY), ("footer", FOOTER))
]


class Segment(NamedTuple):
    """A run of text one surface shows, normalised; `container` when inside a quote
    container (blockquote, q, quote admonition), where any statement is a model line.

    A named tuple, not a dataclass: a build makes thousands, and a tuple is made in a
    fraction of a frozen dataclass's time (and its class in a fraction at import)."""

    surface: str
    text: str
    container: bool = False


_LITERAL_RE = _compile(r'<span\b[^>]*?\bclass="(?:literal|claim-value)"[^>]*>([^<]*)</span>')


def marked_texts(markup: str) -> set[str]:
    """The texts a page marks as literal or as a claim's value: exempt as plain text too
    (in the search index, which keeps the words but drops the markup)."""
    if 'class="literal"' not in markup and "claim-value" not in markup:
        return set()
    return {normalise(html.unescape(t)).strip() for t in _LITERAL_RE.findall(markup)}


_OPTION_RE = _compile(r"<option\b[^>]*>([^<]*)</option>", re.I)


def option_texts(markup: str) -> set[str]:
    """The options of the page's `select`s: exempt as settings wherever their text goes (the
    search index keeps it without the markup)."""
    if "<option" not in markup:
        return set()
    return {normalise(html.unescape(t)).strip() for t in _OPTION_RE.findall(markup)} - {""}


def remove_exempt(markup: str) -> str:
    """`markup` without the exempt elements (claims, literals, code...)."""
    for needle, pattern in EXEMPT_RES:
        if needle in markup:
            markup = pattern.sub(" ", markup)
    return markup


def text_runs(markup: str) -> list[str]:
    """The text of an HTML fragment, split at block boundaries, unescaped and normalised.

    Inline tags vanish without a trace (`<em>50</em> people` reads "50 people"); a block tag
    ends a run, so text of two table cells never joins into one figure. Both substitutions
    run in the regex engine, so a page with thousands of navigation tags stays cheap.
    """
    flat = INLINE_TAG_RE.sub("", BLOCK_TAG_RE.sub("\x00", markup))
    # The pieces between block tags that are not only whitespace.
    return _readable(_RUN_RE.findall(flat))


def _readable(pieces: list[str]) -> list[str]:
    """Each piece of text between block tags unescaped and normalised, empty ones left out."""
    out = []
    for piece in pieces:
        if "&" in piece:
            piece = html.unescape(piece)
        text = normalise(piece)
        if text:
            out.append(text)
    return out


def attribute_texts(markup: str, names: tuple[str, ...] = VISIBLE_ATTRIBUTES) -> list[str]:
    """The values of the attributes people see (title, alt, aria-label, placeholder)."""
    out = []
    for name in names:
        i = markup.find(name)
        while i != -1:
            end = markup.find('"', i + len(name))
            if end == -1:
                break
            if markup[i - 1].isspace():
                value = markup[i + len(name) : end]
                if "&" in value:
                    value = html.unescape(value)
                value = normalise(value).strip()
                if value:
                    out.append(value)
            i = markup.find(name, end)
    return out


def _quote_containers(markup: str) -> tuple[str, list[Segment]]:
    """Lift quote containers out of `markup`; their text becomes container segments."""
    found: list[Segment] = []
    for needle, pattern in QUOTE_CONTAINER_RES:
        if needle not in markup:
            continue

        def lift(m: re.Match[str]) -> str:
            inner = next(g for g in reversed(m.groups()) if g is not None)
            inner = _ADMONITION_TITLE_RE.sub(" ", inner)
            text = " ".join(text_runs(inner))
            if text:
                found.append(Segment(BODY, text, container=True))
            return " "

        markup = pattern.sub(lift, markup)
    return markup, found


# The only tags of most search index entries (Material keeps paragraphs and lists): a
# fragment whose every `<` opens one of these holds no exempt element, quote container or
# inline tag, and its runs are the text between them.
_PLAIN_BLOCK_TAG_RE = _compile(r"</?(?:p|li|ul|ol)>")


def _plain_block_runs(markup: str) -> list[str] | None:
    """`text_runs(markup)` when every tag of `markup` is a bare `<p>`, `<li>`, `<ul>` or
    `<ol>` (opening or closing); None for any other fragment."""
    pieces = _PLAIN_BLOCK_TAG_RE.split(markup)
    if markup.count("<") != len(pieces) - 1:
        return None
    return _readable(pieces)


def fragment_segments(markup: str, surface: str = BODY) -> list[Segment]:
    """The segments of an HTML fragment (a page's content, a card's field) on one surface."""
    plain = _plain_block_runs(markup)
    if plain is not None:  # nothing to remove or lift: the runs, then the attribute texts
        by_attribute = ATTRIBUTE if surface == BODY else surface
        return [Segment(surface, t) for t in plain] + [
            Segment(by_attribute, t) for t in attribute_texts(markup)
        ]
    markup = remove_exempt(markup)
    markup, quoted = _quote_containers(markup)
    if surface != BODY:
        quoted = [Segment(surface, s.text, True) for s in quoted]
    return (
        quoted
        + [Segment(surface, t) for t in text_runs(markup)]
        + [Segment(ATTRIBUTE if surface == BODY else surface, t) for t in attribute_texts(markup)]
    )


def head_segments(head: str) -> list[Segment]:
    """`<title>`, meta description and Open Graph / Twitter card texts of a page's head."""
    out = []
    title = TITLE_RE.search(head)
    if title:
        out.append(Segment(TITLE, normalise(html.unescape(title.group(1))).strip()))
    for m in META_RE.finditer(head):
        if "title" not in m.group(1) and "description" not in m.group(1):
            continue  # neither a description nor a title (the names are compared as written)
        attrs = {k.lower(): v for k, v in META_ATTR_RE.findall(m.group(1))}
        name = attrs.get("name") or attrs.get("property") or ""
        if "content" not in attrs or not name:
            continue
        if name == "description":
            surface = DESCRIPTION
        elif name.startswith(("og:", "twitter:")) and name.endswith(("title", "description")):
            surface = OG
        else:
            continue
        out.append(Segment(surface, normalise(html.unescape(attrs["content"])).strip()))
    return [s for s in out if s.text]


def page_segments(
    document: str, shared: Callable[[str, str], list[Segment]] = fragment_segments
) -> list[Segment]:
    """Every segment of a whole rendered page: head, header, navigation, body, footer.

    `shared` reads what is not the page's body (navigation, header, footer): a build passes
    `SharedText.fragment` (`studyguide.shared_text`), which reads what repeats once."""
    out: list[Segment] = []
    body = document
    opened = HEAD_OPEN_RE.search(document)
    closed = HEAD_CLOSE_RE.search(document, opened.end()) if opened else None
    if opened and closed:
        out = head_segments(document[opened.end() : closed.start()])
        body = document[closed.end() :]
    regions: list[tuple[int, int, str]] = []
    for opening, closing, surface in _REGIONS:
        opened = opening.search(body)
        ended = closing.search(body, opened.end()) if opened else None
        if opened and ended:
            regions.append((opened.start(), ended.end(), surface))
    regions.sort()
    cursor = 0
    for start, end, surface in regions:
        if start < cursor:
            continue
        out += shared(body[cursor:start], NAV)
        read = fragment_segments if surface == BODY else shared
        out += read(body[start:end], surface)
        cursor = end
    out += shared(body[cursor:], NAV)
    return out
