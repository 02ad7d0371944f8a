"""The guarantee: no figure or model line reaches a reader unless it comes from the claims.

After MkDocs renders a page, `OutputCheck.page` reads what readers and search engines get
(`studyguide.output_text`), finds figures (`studyguide.figures`) and model lines
(`studyguide.model_lines`) outside claim markup, and turns each into one `Problem`, located in
the file a contributor edits (`studyguide.locate`) and worded with a fix that works when
followed. One check object lives for one build: it remembers the text it has already read
(navigation and footers repeat on every page), and the values that are exempt where no
markup can say so (a claim's value in a `<title>`, a `:literal[...]` in a nav title).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from studyguide import grammar
from studyguide.claims import Registry
from studyguide.locate import SourceFile, locate
from studyguide.normalise import normalise
from studyguide.output_text import (
    ATTRIBUTE,
    BODY,
    DOWNLOAD,
    FOOTER,
    HEAD_SURFACES,
    HEADER,
    NAV,
    SEARCH,
    Segment,
    fragment_segments,
    page_segments,
)
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem
from studyguide.result_cache import ResultCache

FIGURE = "unsourced-figure"
# Surfaces whose claims carry markup (so a value typed by hand is not exempt there).
MARKED_SURFACES = frozenset({BODY, DOWNLOAD})
# Surfaces every page shares, showing other pages' titles.
SHARED_SURFACES = frozenset({NAV, HEADER, FOOTER})
# The page's own text, where every occurrence of a finding is its own problem.
PAGE_TEXT_SURFACES = frozenset({BODY, ATTRIBUTE, DOWNLOAD, SEARCH})
SCRIPT = "unsourced-script"
# What a text holds: (kind, text) of each figure and model line (`scan_text`), in order.
Found = tuple[tuple[str, str], ...]
# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

_TOKEN_RE = _compile(r"\w+")
_QUOTE_BEFORE_RE = _compile(r"""(?:["“„«»‹「『‘‚']|<q>)\s*$""")
_BLOCKQUOTE_PREFIX_RE = _compile(r"^[ \t]*(?:>[ \t]?)+")


class Finding(NamedTuple):
    """Something a reader sees that needs a claim: a figure, a quoted or contained line."""

    kind: str  # "figure", "quote" (in quote marks) or "container" (blockquote, q, quote box)
    text: str
    surface: str
    occurrence: int = 0  # the how-many-th time the page text shows it (0 = first)


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def scan_text(text: str, *, container: bool = False) -> list[tuple[str, str]]:
    """(kind, text) of every figure and model line in one normalised run of text
    (`studyguide.text_scan`)."""
    return _text_scan()(text, container=container)


@functools.cache
def _text_scan() -> Callable[..., list[tuple[str, str]]]:
    """`studyguide.text_scan.scan_text`, imported on first use: compiling its patterns is a
    fifth of the hooks' start-up, and a build that reuses every page's findings
    (`studyguide.result_cache`) never needs them. Imported once, not on every call: an
    import statement costs a microsecond or two even when the module is loaded."""
    from studyguide.text_scan import scan_text as scan

    return scan


@dataclass
class OutputCheck:
    """The output check of one build (see the module's docstring)."""

    registry: Registry
    exempt: set[str] = field(default_factory=set)
    results: ResultCache = field(default_factory=ResultCache)
    # What each text holds (`_raw`), by text: outside quote containers, and inside them. Two
    # dicts keyed by the text, and `()` for the many texts holding nothing, so that a build
    # keeps no container object per text read: thousands would set off collections of the
    # whole heap (strings and the empty tuple are not tracked by the collector).
    _seen: dict[str, Found] = field(default_factory=dict)
    _seen_in_container: dict[str, Found] = field(default_factory=dict)
    _by_token: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.values: dict[str, list[str]] = {}
        for claim in self.registry.claims.values():
            if claim.kind != "script":
                self.values.setdefault(claim.value, []).append(claim.id)
        self.add_exempt(
            self.registry.text(c.id) for c in self.registry.claims.values() if c.kind != "script"
        )

    def add_exempt(self, texts: Iterable[str]) -> None:
        """Mark texts as exempt where no markup can (`<title>`, attributes, search index)."""
        for text in {normalise(t).strip() for t in texts} - self.exempt - {""}:
            self.exempt.add(text)
            for token in set(_TOKEN_RE.findall(text.lower())):
                self._by_token.setdefault(token, []).append(text)

    def _is_exempt(self, found: str, text: str) -> bool:
        """Whether a finding in `text` is (part of) an exempt text that `text` shows, or one
        holds part of it ("four" a claim, "rounds" typed after it).

        Exempt texts inside the finding are looked up by its word-bounded parts; those
        holding it, through the index of their words, by its rarest word.
        """
        words = [m.span() for m in _TOKEN_RE.finditer(found)]
        for i, (start, _) in enumerate(words):
            for _, end in words[i:]:
                part = found[start:end]
                if part in self.exempt and part in text:
                    return True
        lists = [self._by_token.get(w, ()) for w in set(_TOKEN_RE.findall(found.lower()))]
        if not lists:
            return False
        return any(found in e and e in text for e in min(lists, key=len))

    def _raw(self, segment: Segment) -> Found:
        """What `scan_text` finds in the segment, before any exemption (read once a build)."""
        seen = self._seen_in_container if segment.container else self._seen
        got = seen.get(segment.text)
        if got is None:
            found = scan_text(segment.text, container=segment.container)
            got = seen[segment.text] = tuple(found)  # () when nothing: one shared empty tuple
        return got

    def may_hold(self, text: str) -> bool:
        """Whether a text outside quote containers holds anything to find, before any
        exemption: a text it rejects adds nothing to `findings` on any surface."""
        return bool(self._raw(Segment(BODY, text)))

    def with_findings(
        self, kind: str, source: str, read: Callable[[], Iterable[Segment]]
    ) -> list[Segment]:
        """The segments of `source` (a page's HTML, say) with anything to find, read by
        `read`: kept from an earlier build when `source` is the same (see
        `studyguide.result_cache`), since what they hold depends only on it. A segment with
        nothing in it adds nothing to `findings`, whatever the claims, so only these are kept."""

        def compute() -> list[list[Any]]:
            out: list[list[Any]] = []
            for s in read():
                got = self._raw(s)
                if got:
                    out.append([s.surface, s.text, s.container, got])
            return out

        segments = []
        for surface, text, container, got in self.results.get(kind, source, compute):
            seen = self._seen_in_container if container else self._seen
            seen.setdefault(text, tuple((k, t) for k, t in got))
            segments.append(Segment(surface, text, container))
        return segments

    def _scan(self, segment: Segment, local: set[str] | None) -> Sequence[tuple[str, str]]:
        got = self._raw(segment)
        if not got or segment.surface in MARKED_SURFACES:
            return got
        # Where markup cannot mark a claim, its value (or a literal) is exempt as text: on the
        # page's own surfaces only what the page itself shows (`local`), on the navigation,
        # header and footer (other pages' titles) any claim value or literal of the build.
        if local is not None and segment.surface not in SHARED_SURFACES:
            return [(k, t) for k, t in got if not _held_by(t, segment.text, local)]
        return [(k, t) for k, t in got if not self._is_exempt(t, segment.text)]

    def findings(self, segments: Iterable[Segment], local: set[str] | None = None) -> list[Finding]:
        """Every finding in the segments: each occurrence in the page's own text (body and
        its attributes, counted in order, so each is located at its own place), then what
        other surfaces show that the page text does not (a heading repeated in the table
        of contents is one problem, not two)."""
        out: list[Finding] = []
        counts: Counter[tuple[str, str]] = Counter()
        rest = []
        for segment in segments:
            if segment.surface not in PAGE_TEXT_SURFACES:
                rest.append(segment)
                continue
            for kind, text in self._scan(segment, local):
                out.append(Finding(kind, text, segment.surface, counts[kind, text]))
                counts[kind, text] += 1
        for segment in rest:
            for kind, text in self._scan(segment, local):
                if (kind, text) not in counts:
                    counts[kind, text] += 1
                    out.append(Finding(kind, text, segment.surface))
        return out

    def page(self, document: str, files: list[SourceFile], fallback: str) -> list[Problem]:
        """Problems in one rendered page, located in `files` (first match wins)."""
        return self.problems(self.findings(page_segments(document)), files, fallback)

    def fragment(
        self, markup: str, surface: str, files: list[SourceFile], fallback: str
    ) -> list[Problem]:
        """Problems in an HTML fragment shown on `surface` (a card field, say)."""
        return self.problems(self.findings(fragment_segments(markup, surface)), files, fallback)

    def search_index(
        self,
        index_json: str,
        files_for: Mapping[str, tuple[list[SourceFile], str]],
        reported: Mapping[str, set[str]],
        local: Mapping[str, set[str]] | None = None,
    ) -> list[Problem]:
        """Problems in Material's search index not already reported for the page.

        `files_for` maps a page's URL to its files and fallback path; `reported` maps a page
        URL to the texts already reported for it.
        """
        problems: list[Problem] = []
        by_page: dict[str, list[Segment]] = {}
        blanks: dict[str, tuple[str, ...]] = {}
        for doc in json.loads(index_json).get("docs", []):
            url = str(doc.get("location", "")).split("#", 1)[0]
            markup = f"<p>{doc.get('title', '')}</p>{doc.get('text', '')}"
            if url not in blanks:
                own = local.get(url) if local is not None else None
                blanks[url] = tuple(sorted(own or (), key=len, reverse=True))
            values = blanks[url]
            read = functools.partial(_blanked_segments, markup, values)
            key = "\x00".join((markup, *values))
            by_page.setdefault(url, []).extend(self.with_findings("search", key, read))
        for url, segments in by_page.items():
            files, fallback = files_for.get(url, ([], f"(search index) {url or 'home'}"))
            known = reported.get(url, set())
            own = local.get(url) if local is not None else None
            fresh = [f for f in self.findings(segments, own) if f.text not in known]
            problems += self.problems(fresh, files, fallback)
        return problems

    def problems(
        self, findings: list[Finding], files: list[SourceFile], fallback: str
    ) -> list[Problem]:
        """Each finding as one located problem with its fix."""
        return [self._problem(f, files, fallback, f.occurrence) for f in findings]

    def _problem(
        self, finding: Finding, files: list[SourceFile], fallback: str, occurrence: int
    ) -> Problem:
        found = locate(finding.text, files, occurrence, in_head=finding.surface in HEAD_SURFACES)
        if found is None:
            path, line, col, source = fallback, 1, 1, None
            where = f" (seen in {finding.surface}; not found in the page's files: look in "
            where += "the theme overrides or a plugin)"
        else:
            source, line, col = found
            path = source.path
            where = "" if finding.surface == BODY else f" (seen in {finding.surface})"
        if finding.kind == "figure":
            message = (
                f'unsourced figure "{finding.text}"{where} — {self._figure_fix(finding, path)}'
            )
            return Problem(path, line, col, message, FIGURE)
        if source is not None:
            col = _opening_col(source, line, col, finding.kind)
        excerpt = _excerpt(finding.text)
        if finding.kind == "container":
            message = (
                f'unsourced script: blockquote "{excerpt}"{where} — model lines live in '
                "docs/claims.yml (kind script): write ::script[ID] on its own line; for a "
                "callout use an admonition such as !!! note (a quote box is a quote too)"
            )
        else:
            from studyguide.model_lines import MIN_WORDS

            message = (
                f'unsourced script: quoted passage "{excerpt}"{where} — put the line in '
                "docs/claims.yml (kind script) and write ::script[ID] on its own line, or "
                f"shorten the quote below {MIN_WORDS} words"
            )
        return Problem(path, line, col, message, SCRIPT)

    def _figure_fix(self, finding: Finding, path: str) -> str:
        if "/includes/" in path:
            return (
                "snippets are included as written (no :claim or :literal there): reword it, "
                "or move it into the page and write :claim[ID] there"
            )
        known = self._matching_claim(finding)
        if known:
            return (
                f'the claim "{known}" has this value: if it is the same figure, write '
                f"{grammar.claim(known)}; if not, add a claim of its own"
            )
        return (
            "add it to docs/claims.yml (kind fact, example or script, with its source) and "
            f"write :claim[ID] here, or mark it {grammar.literal(finding.text)} if it is not "
            "a figure"
        )

    def _matching_claim(self, finding: Finding) -> str | None:
        """The claim whose value this figure is, when exactly one claim has the value."""
        ids = self.values.get(finding.text) or self.values.get(finding.text.replace(" ", ""))
        return ids[0] if ids and len(ids) == 1 else None


def _blanked_segments(markup: str, values: tuple[str, ...]) -> list[Segment]:
    """A search index entry's segments with each of `values` blanked where it stands as a
    word of its own, as the page's check reads the page (`output_text.remove_exempt` puts a
    space where a claim's markup was).

    Material's index keeps the page's text without its markup, so the figures a page shows
    as claims come back as plain text. Blanking the page's own values first leaves most
    entries with nothing that could be a figure: the search for figures returns at once
    instead of finding each value and then exempting it. Nothing is hidden that the page's
    check did not see: the index is made of the page's content, and a value typed without
    markup there was reported on the page already.
    """
    segments = fragment_segments(markup, SEARCH)
    if not values:
        return segments
    return [s._replace(text=blank_values(s.text, values)) for s in segments]


def blank_values(text: str, values: tuple[str, ...]) -> str:
    """`text` with every occurrence of each of `values` (longest first) that no letter or
    digit touches replaced by a space, whitespace collapsed as `normalise` does."""
    changed = False
    for value in values:
        at = text.find(value)
        while at != -1:
            end = at + len(value)
            if (at == 0 or not text[at - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ):
                text = text[:at] + " " + text[end:]
                changed = True
            at = text.find(value, at + 1)
    return " ".join(text.split()) if changed else text


def _held_by(found: str, text: str, exempt: set[str]) -> bool:
    """Whether `found` is part of (or holds) one of the `exempt` texts `text` shows."""
    return any((found in e or e in found) and e in text for e in exempt)


def _opening_col(source: SourceFile, line: int, col: int, kind: str) -> int:
    """The column of a quote's opening mark, or of the `>` that opens a blockquote line."""
    offset = source.offset(line, col)
    line_start = source.text.rfind("\n", 0, offset) + 1
    prefix = source.text[line_start:offset]
    if kind == "container":
        m = _BLOCKQUOTE_PREFIX_RE.match(prefix)
        return m.group(0).index(">") + 1 if m else col
    m = _QUOTE_BEFORE_RE.search(prefix)
    return m.start() + 1 if m else col
