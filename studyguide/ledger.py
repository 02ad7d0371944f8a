"""The "Sources and figures" page: every source, and every claim with where it is shown.

It is generated on every build from the registry and the build's usage, never committed,
so the ledger cannot drift from the figures the site actually shows.
"""

from __future__ import annotations

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
    page_titles: Mapping[str, str],
    *,
    link_prefix: str = "",
) -> str:
    """Markdown for the ledger page.

    `usage` maps claim ids to the src paths (or surface names) that show them;
    `page_titles` maps src paths to titles for the links. Anything in `usage` that is not
    a page (flashcards, the study sheet) is listed by name.
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
    lines += ["## Sources", ""]
    for source in registry.sources.values():
        count = sum(1 for c in registry.claims.values() if c.source == source.id)
        lines.append(f"### {_cell(source.title)} {{#source-{source.id}}}")
        lines.append("")
        lines.append(
            f"Dated {_cell(source.date)}; {count} claims."
            + (f" <{source.url}>" if source.url else "")
        )
        if source.note:
            lines += ["", _cell(source.note)]
        lines.append("")
    lines += [
        "## Claims",
        "",
        "| Id | Value | Kind | Source | Shown on |",
        "| --- | --- | --- | --- | --- |",
    ]
    unused = []
    for claim in registry.claims.values():
        where = sorted(usage.get(claim.id, ()), key=lambda w: (not w.endswith(".md"), w))
        links = [
            f"[{_cell(page_titles.get(w, w))}]({link_prefix}{w})" if w.endswith(".md") else _cell(w)
            for w in where
        ]
        if not where:
            unused.append(claim.id)
        source = registry.sources.get(claim.source)
        note = f"<br><small>{_cell(claim.note)}</small>" if claim.note else ""
        lines.append(
            f'| <span id="claim-{claim.id}"></span>`{claim.id}` | {_cell(registry.text(claim.id))}'
            f"{note} | {KIND_LABELS.get(claim.kind, claim.kind)} | "
            f"[{_cell(source.title if source else claim.source)}]"
            f"(#source-{claim.source}) | {', '.join(links) or '**unused**'} |"
        )
    lines.append("")
    if unused:
        lines += [
            "## Unused claims",
            "",
            "These claims are shown nowhere yet: " + ", ".join(f"`{c}`" for c in unused),
            "",
        ]
    return "\n".join(lines)
