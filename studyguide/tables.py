"""Content tables made readable on a phone: each cell labelled with its column's heading.

A wide table on a narrow screen either scrolls sideways, hiding its last columns, or is cut.
`label_tables` marks every table of three or more columns with `data-stack` and gives each
body cell a `data-label` (its column's heading as plain text); the site's CSS then shows
such tables as one block per row, each cell under its heading, below a phone-sized width.
Explicit ARIA roles keep the table's meaning for assistive technology when CSS changes its
display. Narrower tables stay tables; any table that still overflows gets a scroll shadow
(CSS only), so nothing scrolls without a visible cue.
"""

from __future__ import annotations

import re
from html import escape, unescape

from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

TABLE_RE = _compile(r"<table>(?P<body>.*?)</table>", re.S)
HEAD_RE = _compile(r"<thead>(?P<head>.*?)</thead>", re.S)
TH_RE = _compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
ROW_RE = _compile(r"<tr>(?P<row>.*?)</tr>", re.S)
TD_OPEN_RE = _compile(r"<td\b")
TAG_RE = _compile(r"<[^>]+>")
MIN_COLUMNS = 3


def heading_text(cell_html: str) -> str:
    """A heading cell's words without markup, spaces collapsed."""
    return " ".join(unescape(TAG_RE.sub("", cell_html)).split())


def _label_row(row: str, labels: list[str]) -> str:
    index = iter(labels)

    def add(_: re.Match[str]) -> str:
        label = next(index, "")
        return f'<td role="cell" data-label="{escape(label)}"'

    return TD_OPEN_RE.sub(add, row)


def _label_table(match: re.Match[str]) -> str:
    body = match.group("body")
    head = HEAD_RE.search(body)
    if head is None:
        return match.group(0)
    labels = [heading_text(m.group("text")) for m in TH_RE.finditer(head.group("head"))]
    if len(labels) < MIN_COLUMNS:
        return match.group(0)
    body = body.replace("<thead>", '<thead role="rowgroup">', 1)
    body = body.replace("<tbody>", '<tbody role="rowgroup">', 1)
    body = TH_RE.sub(lambda m: m.group(0).replace("<th", '<th role="columnheader"', 1), body)
    body = ROW_RE.sub(
        lambda m: '<tr role="row">' + _label_row(m.group("row"), labels) + "</tr>", body
    )
    return f'<table role="table" data-stack="">{body}</table>'


def label_tables(html: str) -> str:
    """`html` with every table of `MIN_COLUMNS` or more columns marked and labelled to stack."""
    if "<table>" not in html:
        return html
    return TABLE_RE.sub(_label_table, html)
