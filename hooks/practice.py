"""MkDocs hook: the practice room's score form, rendered into the page from its rubric table.

Thin event function over `studyguide.practice_form`: the app's shell is static HTML in
docs/practice.md, and its score choices are written here, so the page has its final height
before any script runs (no layout shift) and the rubric table stays their one source.
"""

from __future__ import annotations

from studyguide.practice_form import fill_score_form


def on_page_content(html: str, **_: object) -> str:
    """Fill the score form's slot, on the pages that have one."""
    return fill_score_form(html)
