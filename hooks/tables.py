"""MkDocs hook: label wide tables so the site's CSS can stack them on phones.

Thin event function over `studyguide.tables.label_tables`; see that module for why.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studyguide.tables import label_tables  # noqa: E402


def on_page_content(html: str, page: object, config: object, files: object) -> str:
    """Mark each table of three or more columns to stack, with a label on every cell."""
    return label_tables(html)
