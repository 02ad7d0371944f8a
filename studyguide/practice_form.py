"""The practice room's score form, written into the page at build time from its rubric table.

docs/practice.md holds the practice app's shell as static HTML, so the app sits in its final
place and size from the first paint (no layout shift when the script runs). The score choices
(one fieldset per rubric dimension, one radio per level with that level's description) are
the only part that depends on the rubric; rendering them here from the page's own
`.practice-rubric` table keeps the table the single source and the page's height final.
practice.js only wires them up.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from typing import NamedTuple

from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)

SLOT = '<div class="practice-dims" data-dims></div>'
RUBRIC_CLASS = "practice-rubric"
# Elements whose content a parser reads as raw text or in a mode of its own (script and style
# in Python 3.11; more in later versions and in browsers), excluded from PLAIN_HTML_RE.
_RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math"
_NAME = r"[a-zA-Z][a-zA-Z0-9-]*+"
# HTML that every reading splits the same way: text without `<`; comments holding no `--`;
# end tags `</name>`; start tags (not of _RAW_TEXT elements) whose attributes are names, or
# name="value" with no quote, `<` or `>` in the value and no character reference but these
# few, none of which stands for a letter or a hyphen (so no value there can spell the rubric's
# class once they are read). A declaration, a processing instruction, a stray `<`, a
# single-quoted or bare value, any other reference in a tag: each makes it not match.
# Possessive quantifiers: one pass, no backtracking, over a page's worth of text.
PLAIN_HTML_RE = _KEPT.compile(
    rf"(?:[^<]++|<!--(?![>-])(?:[^-]++|-(?!-))*+-->|</{_NAME}\s*+>"
    rf"|<(?!(?i:{_RAW_TEXT})(?![a-zA-Z0-9-])){_NAME}"
    r'(?:\s++[a-zA-Z_:][-a-zA-Z0-9_:.]*+(?:="(?:[^"<>&]++|&(?:amp|quot|lt|gt|#39|#34|#58);)*+")?+)*+'
    r"\s*+/?>)*+"
)
LEVELS = ("weak", "adequate", "strong")
WEIGHT_PREFIX = "weight-"
VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Cell:
    """One cell as read: its text pieces, and the weight claim it shows, if any."""

    __slots__ = ("claim", "text")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.claim = ""


class _RubricParser(HTMLParser):
    """Collects the rows of the first table inside an element of class `practice-rubric`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[_Cell]] = []
        self._depth = 0  # open elements inside the rubric wrapper (0: outside)
        self._skip = 0  # open elements whose text is not the cell's (claim kind labels)
        self._cell: _Cell | None = None
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self._done:
            return
        if not self._depth:
            if RUBRIC_CLASS in classes:
                self._depth = 1
            return
        if tag not in VOID:
            self._depth += 1
            self._skip += 1 if self._skip or "claim__kind" in classes else 0
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = _Cell()
            self.rows[-1].append(self._cell)
        elif self._cell is not None and (a.get("data-claim-id") or "").startswith(WEIGHT_PREFIX):
            self._cell.claim = a["data-claim-id"] or ""

    def handle_endtag(self, tag: str) -> None:
        if not self._depth or self._done or tag in VOID:
            return
        self._depth -= 1
        self._skip = max(0, self._skip - 1)
        if tag in ("td", "th"):
            self._cell = None
        if tag == "table" or not self._depth:
            self._done = True

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.text.append(data)


class Dimension(NamedTuple):
    """One rubric row: `key` from its weight claim id, the name, the weight as shown, and
    the description of each level (lower-case level name -> text)."""

    key: str
    name: str
    weight: str
    levels: dict[str, str]


def _text(cell: _Cell) -> str:
    return " ".join("".join(cell.text).split())


def rubric_start(html: str) -> int:
    """Where reading `html` for the rubric may start: the `<` before the first mention of
    `practice-rubric`, when everything before it is `PLAIN_HTML_RE` (what any HTML parser
    reads as plain text and tags, none of which can be the rubric: no tag there names the
    class, even with character references); else 0, the start. The practice page holds the
    rubric at its end: a parser would spend nine tenths of its time on what comes before."""
    mention = html.find(RUBRIC_CLASS)
    start = html.rfind("<", 0, mention) if mention > 0 else -1
    return start if start > 0 and PLAIN_HTML_RE.fullmatch(html, 0, start) else 0


def read_rubric(html: str) -> tuple[list[str], list[Dimension]]:
    """The level names (table header after Dimension and Weight) and the dimensions of the
    page's `.practice-rubric` table; rows without a `weight-*` claim are left out."""
    parser = _RubricParser()
    # Before the rubric the parser only looks for it: at a point where the text before is
    # plain tags and text, a parser reading from there finds it as one reading from the start.
    parser.feed(html[rubric_start(html) :])
    parser.close()
    return rubric_of(parser.rows)


def rubric_of(rows: list[list[_Cell]]) -> tuple[list[str], list[Dimension]]:
    """The level names and the weighted dimensions of the rubric table's rows as read."""
    if not rows:
        return [], []
    header, *body = rows
    levels = [_text(c) for c in header[2:]]
    dims = []
    for row in body:
        claim = next((c.claim for c in row if c.claim), "")
        if not claim or len(row) < 2:
            continue
        descs = {name.lower(): _text(c) for name, c in zip(levels, row[2:], strict=False)}
        dims.append(Dimension(claim[len(WEIGHT_PREFIX) :], _text(row[0]), _text(row[1]), descs))
    return levels, dims


def score_fieldsets(levels: list[str], dims: list[Dimension]) -> str:
    """One fieldset per dimension, one labelled radio per known level (weak, adequate,
    strong) with its description: the markup practice.js expects (`practice-<key>` names)."""
    out = []
    for d in dims:
        choices = []
        for name in levels:
            level = name.lower()
            if level not in LEVELS:
                continue
            rid = escape(f"practice-{d.key}-{level}")
            choices.append(
                f'<label class="practice-level" for="{rid}"><input type="radio" id="{rid}" '
                f'name="{escape(f"practice-{d.key}")}" value="{level}"><strong>{escape(name)}'
                f'<span class="practice-sr">: </span></strong>'
                f"<span>{escape(d.levels.get(level, ''))}</span></label>"
            )
        out.append(
            # The weight is a claim's value, marked as one for the output check.
            f'<fieldset class="practice-dim"><legend>{escape(d.name)} (weight '
            f'<span class="claim-value">{escape(d.weight)}</span>)</legend>'
            f"{''.join(choices)}</fieldset>"
        )
    return "".join(out)


def fill_score_form(html: str) -> str:
    """The page with the score form's empty slot filled from its rubric table; unchanged when
    the page has no slot or no readable rubric (practice.js then says the weights are missing)."""
    if SLOT not in html:
        return html
    levels, dims = read_rubric(html)
    if not dims:
        return html
    filled = SLOT.replace("></div>", f">{score_fieldsets(levels, dims)}</div>")
    return html.replace(SLOT, filled, 1)
