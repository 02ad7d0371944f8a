"""The "Sources and figures" page: every source, and every claim with where it is shown.

It is generated on every build from the registry and the build's usage, never committed,
so the ledger cannot drift from the figures the site actually shows.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping

from studyguide.claims import Registry
from studyguide.render import KIND_LABELS, escape

KIND_HELP = {
    "fact": "reported by a source about the interview process, pay or people; not verified here",
    "example": "a number inside a mock answer, for illustration only; not a fact about W&B",
    "script": "a model line written in this guide's own words, built from the figures above",
}


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def render_ledger(
    registry: Registry,
    usage: Mapping[str, set[str]],
    pages: Mapping[str, tuple[str, str]],
) -> str:
    """Markdown for the ledger page.

    `usage` maps claim ids to the src paths (or surface names) that show them; `pages` maps
    src paths to a title and a link relative to the ledger page. Anything in `usage` that is
    not a page (the study sheet's PDF, say) is listed by name. The claims table is written
    as HTML: a Markdown table of thousands of rows costs more to render than the rest of a
    large site's claim handling together.
    """
    lines = [
        "---",
        "description: Every figure and model line in this guide, its kind, its source, "
        "and the pages that show it.",
        "---",
        "",
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
        lines.append(f"### {_cell(source.title)} {{#source-{source.id}}}")
        lines.append("")
        lines.append(
            f"Dated {_cell(source.date)}; {counts[source.id]} claims."
            + (f" <{source.url}>" if source.url else "")
        )
        if source.note:
            lines += ["", _cell(source.note)]
        lines.append("")
    lines += [
        "## Claims",
        "",
        # Left out of the search index: the pages that show a figure are found instead, and
        # a large site's table would weigh down every reader's index download.
        "<table data-search-exclude>",
        "<thead><tr><th>Id</th><th>Value</th><th>Kind</th><th>Source</th><th>Shown on</th>"
        "</tr></thead>",
        "<tbody>",
    ]
    unused = []
    for claim in registry.claims.values():
        where = sorted(usage.get(claim.id, ()), key=lambda w: (w not in pages, w))
        links = [
            f'<a href="{html.escape(pages[w][1])}">{_cell(pages[w][0])}</a>'
            if w in pages
            else _cell(w)
            for w in where
        ]
        if not where:
            unused.append(claim.id)
        shown = ", ".join(links) or "<strong>unused</strong>"
        note = f"<br><small>{_cell(claim.note)}</small>" if claim.note else ""
        lines.append(
            f'<tr id="claim-{claim.id}"><td><code>{claim.id}</code></td>'
            f"<td>{_cell(registry.text(claim.id))}{note}</td>"
            f"<td>{KIND_LABELS.get(claim.kind, claim.kind)}</td>"
            f'<td><a href="#source-{claim.source}">{_cell(claim.source)}</a></td>'
            f"<td>{shown}</td></tr>"
        )
    lines += ["</tbody>", "</table>", ""]
    if unused:
        lines += [
            "## Unused claims",
            "",
            "These claims are shown nowhere yet: " + ", ".join(f"`{c}`" for c in unused),
            "",
        ]
    return "\n".join(lines)
