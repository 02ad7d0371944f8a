"""HTML for a claim as readers see it: a figure inline, or a model line as a script block.

Values are escaped twice over: as HTML, so a value holding markup shows as text, and for
Markdown, so `*`, `_` or backticks in a value cannot turn into emphasis or code after the
hook has run. Every figure links to its row in the ledger and says what kind it is.
"""

from __future__ import annotations

import re

from studyguide.claims import Claim, Registry
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
    | {c: f"&#{ord(c)};" for c in "*_`[]\\~^{}|#:"}
)
KIND_LABELS = {
    "fact": "reported figure",
    "example": "example",
    "script": "model line",
}


def escape(text: str) -> str:
    """Text made safe for both HTML and a second pass through Markdown."""
    return text.translate(_ESCAPES)


def provenance(claim: Claim, registry: Registry) -> str:
    """One line saying what kind of figure a claim is and where it comes from."""
    source = registry.sources.get(claim.source)
    where = f"{source.title}, {source.date}" if source else claim.source
    if claim.kind == "fact":
        return f"Reported by {where}; not independently verified"
    if claim.kind == "example":
        return f"Example figure for a mock answer ({where}), not a fact about W&B"
    return f"Model line in this guide's words, using figures from {where}"


def claim_html(claim: Claim, registry: Registry, ledger_url: str) -> str:
    """An inline figure: its value, linked to the ledger, labelled when it is an example."""
    label = (
        f'<span class="claim__kind">{KIND_LABELS["example"]}</span>'
        if claim.kind == "example"
        else ""
    )
    return (
        f'<a class="claim claim--{claim.kind}" href="{ledger_url}#claim-{claim.id}" '
        f'data-claim-id="{claim.id}" title="{escape(provenance(claim, registry))}">'
        f"{escape(registry.text(claim.id))}{label}</a>"
    )


def script_html(claim: Claim, registry: Registry, ledger_url: str) -> str:
    """A model line as a block quote with a small provenance mark linking to the ledger."""
    return (
        f'<figure class="script" data-claim-id="{claim.id}"><blockquote class="script__line">'
        f'<p>{escape(registry.text(claim.id))}</p></blockquote><figcaption class="script__mark">'
        f'<a href="{ledger_url}#claim-{claim.id}" title="{escape(provenance(claim, registry))}">'
        f"Model line · source</a></figcaption></figure>"
    )


# A script expanded inside a tab, list item or admonition is indented, so Python-Markdown
# reads it as inline HTML and wraps it in a paragraph: `<p><figure ...>...</figure></p>`,
# which is invalid HTML (a figure cannot sit in a paragraph; browsers close the <p> early and
# leave a stray `</p>`). A figure holds no other figure, so the shortest match is the whole.
_WRAPPED_SCRIPT_RE = _compile(r'<p>\s*(<figure class="script"[^>]*>.*?</figure>)\s*</p>', re.S)


def unwrap_scripts(html: str) -> str:
    """Rendered page HTML with every script figure taken out of the paragraph wrapping it."""
    return _WRAPPED_SCRIPT_RE.sub(r"\1", html)


def literal_html(text: str) -> str:
    """Text a contributor marked as literal: shown as written, never read as a figure."""
    return f'<span class="literal">{escape(text)}</span>'
