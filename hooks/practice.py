"""MkDocs hook: the practice room's score form, rendered into the page from its rubric table.

Thin event function over `studyguide.practice_form`: the app's shell is static HTML in
docs/practice.md, and its score choices are written here, so the page has its final height
before any script runs (no layout shift) and the rubric table stays their one source.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from studyguide.practice_form import fill_score_form  # noqa: E402


def on_page_content(html: str, **_: object) -> str:
    """Fill the score form's slot, on the pages that have one."""
    return fill_score_form(html)
