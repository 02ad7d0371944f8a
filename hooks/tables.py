"""MkDocs hook: label wide tables so the site's CSS can stack them on phones.

Thin event function over `studyguide.tables.label_tables`; see that module for why.
"""

from __future__ import annotations

from studyguide.tables import label_tables


def on_page_content(html: str, **_: object) -> str:
    """Mark each table of three or more columns to stack, with a label on every cell."""
    return label_tables(html)
