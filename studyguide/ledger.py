"""The "Sources and figures" page: every source, and every claim with where it is shown.

It is generated on every build from the registry and the build's usage, never committed,
so the ledger cannot drift from the figures the site actually shows.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping
from datetime import date

from studyguide import grammar
from studyguide.claims import Registry, Source
from studyguide.freshness import age_days, read_on
from studyguide.render import KIND_LABELS, escape, literal_html

KIND_HELP = {
    "fact": "reported by a source about the interview process, pay or people; not verified here",
    "example": "a number inside a mock answer, for illustration only; not a fact about W&B",
    "script": "a model line written in this guide's own words, built from the figures above",
}


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def _prose(text: str) -> str:
    """A title or note as shown: escaped, with `:literal[...]` marked as literal, so a
    contributor can mark a non-figure in a note as on any page."""
    if not grammar.may_use(text):
        return _cell(text)
    out, cursor = [], 0
    for m in grammar.LITERAL_RE.finditer(text):
        out += [_cell(text[cursor : m.start()]), literal_html(m.group("text"))]
        cursor = m.end()
    return "".join(out) + _cell(text[cursor:])


def _reading(source: Source, today: date) -> str:
    """How long before the build the source was read, as a sentence (empty if undated)."""
    age = age_days(source, today)
    if age is None:
        return ""
    if age <= 0:
        return " Read on the day of this build." if age == 0 else f" Read on {read_on(source)}."
    # The age is computed by this build, not a figure about the world: marked literal.
    return f" Read on {_cell(read_on(source))}, {literal_html(f'{age} days')} before this build."


FRONT_MATTER = (
    "---\ndescription: Every figure and model line in this guide, its kind, its source, "
    "and the pages that show it.\n---\n"
)
"""The ledger page's front matter: what MkDocs reads for its title and meta description."""

CLAIMS_TABLE_SLOT = "<!-- claims-table -->"
"""Where the claims table goes in the ledger's rendered HTML (see `fill_claims_table`)."""


def render_ledger(
    registry: Registry, usage: Mapping[str, set[str]], today: date | None = None
) -> str:
    """Markdown for the ledger page, with `CLAIMS_TABLE_SLOT` where the claims table goes.

    `usage` maps claim ids to what shows them; claims nothing shows get their own section.
    The table itself is rendered apart, as HTML, by `render_claims_table` and put in the
    slot after Markdown and the search index have seen the page: a table of thousands of
    rows would otherwise cost more to parse (twice) than the rest of a large site's claim
    handling together, and the pages that show a figure are what search should find.
    Each source also shows how long ago it was read, counted to `today` (the build's day).
    """
    today = today or date.today()
    lines = [
        FRONT_MATTER,
        "# Sources and figures",
        "",
        "Every figure and model line on this site, in the flashcards and on the study sheet "
        "comes from one file, `docs/claims.yml`, and is listed here with its kind and source. "
        "The kinds:",
        "",
    ]
    lines += [
        f"{kind.capitalize()} ({KIND_LABELS[kind]})\n:   {KIND_HELP[kind]}.\n" for kind in KIND_HELP
    ]
    counts = Counter(c.source for c in registry.claims.values())
    lines += ["## Sources", ""]
    for source in registry.sources.values():
        lines.append(f"### {_prose(source.title)} {{#source-{source.id}}}")
        lines.append("")
        lines.append(
            f"Dated {_cell(source.date)}; {_claim_count(counts[source.id])}."
            + _reading(source, today)
            + (f" <{source.url}>" if source.url else "")
        )
        if source.note:
            lines += ["", _prose(source.note)]
        lines.append("")
    lines += ["## Claims", "", CLAIMS_TABLE_SLOT, ""]
    unused = [cid for cid in registry.claims if not usage.get(cid)]
    if unused:
        lines += [
            "## Unused claims",
            "",
            "These claims are shown nowhere yet: " + ", ".join(f"`{c}`" for c in unused),
            "",
        ]
    return "\n".join(lines)


def render_claims_table(
    registry: Registry,
    usage: Mapping[str, set[str]],
    pages: Mapping[str, tuple[str, str]],
) -> tuple[str, set[str]]:
    """The ledger's claims table as HTML, and the anchor ids it holds (`claim-ID`).

    `usage` maps claim ids to the src paths (or surface names) that show them; `pages` maps
    src paths to a title and a link relative to the ledger page. Anything in `usage` that is
    not a page (the study sheet's PDF, say) is listed by name. The ids are returned so the
    build can still check links to `sources/#claim-ID` although Markdown never saw the table.
    """
    rows = [
        "<table>",
        "<thead><tr><th>Id</th><th>Value</th><th>Kind</th><th>Source</th><th>Shown on</th>"
        "</tr></thead>",
        "<tbody>",
    ]
    for claim in registry.claims.values():
        where = sorted(usage.get(claim.id, ()), key=lambda w: (w not in pages, w))
        links = [
            f'<a href="{html.escape(pages[w][1])}">{_cell(pages[w][0])}</a>'
            if w in pages
            else _cell(w)
            for w in where
        ]
        shown = ", ".join(links) or "<strong>unused</strong>"
        note = f"<br><small>{_prose(claim.note)}</small>" if claim.note else ""
        rows.append(
            f'<tr id="claim-{claim.id}"><td><code>{claim.id}</code></td>'
            f'<td><span class="claim-value">{_cell(registry.text(claim.id))}</span>{note}</td>'
            f"<td>{KIND_LABELS.get(claim.kind, claim.kind)}</td>"
            f'<td><a href="#source-{claim.source}">{_cell(claim.source)}</a></td>'
            f"<td>{shown}</td></tr>"
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows), {f"claim-{cid}" for cid in registry.claims}


def fill_claims_table(content: str, table: str) -> str:
    """The ledger's rendered HTML with the claims table in its slot.

    Raises ValueError when the slot is missing or doubled (say a theme or plugin dropped
    the comment), so a ledger without its table fails the build instead of shipping.
    """
    if content.count(CLAIMS_TABLE_SLOT) != 1:
        raise ValueError(f"the ledger must hold exactly one {CLAIMS_TABLE_SLOT}")
    # A plain <table>: Material's script wraps it for scrolling like any Markdown table.
    return content.replace(CLAIMS_TABLE_SLOT, table, 1)


def _claim_count(count: int) -> str:
    """How many claims cite a source, in words a reader takes at a glance."""
    if count == 0:
        return "no figure or line of the guide comes from it"
    return "1 claim" if count == 1 else f"{count} claims"
