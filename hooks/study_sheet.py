"""MkDocs hook: the generated "Study sheet" page, condensed from the guide on every build.

Thin event function over `studyguide.study_sheet`. Listed after `hooks/claims.py`, whose
`on_files` leaves the build's `BuildContext` in the config (checked: see
`studyguide.hook_support.build_context`).

- on_files: read the content pages as this build sees them, render the sheet's Markdown
  (still holding `:claim[ID]` and `::script[ID]`, which the claims hook expands and checks
  like any generated page), record the claims it shows, and add `study-sheet.md` as a
  generated page — never written to docs/. `scripts/build_pdf.py` turns the built page into
  the two PDFs.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from studyguide.context import GeneratedPage
from studyguide.hook_support import add_generated_page, build_context
from studyguide.study_sheet import SHEET, render_sheet

HOOK = "hooks/study_sheet.py"
FRONT_MATTER = (
    "---\ntitle: Study sheet\ndescription: What to say first, how you are scored, the moves "
    "and the mistakes to avoid, on one sheet for the last hour before the call.\n---\n"
)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Render the study sheet from this build's pages and claims and add it as a page."""
    ctx = build_context(config, HOOK)
    # The content pages as the claims hook read them (generated pages are not among them).
    sheet = render_sheet(ctx.registry, ctx.sources)
    ctx.problems.extend(sheet.problems)
    for claim_id in sheet.claims:
        ctx.mark_used(claim_id, SHEET)  # the ledger links the sheet's page
    markdown = sheet.markdown
    add_generated_page(files, config, ctx, GeneratedPage(SHEET, FRONT_MATTER, lambda: markdown))
    return files
