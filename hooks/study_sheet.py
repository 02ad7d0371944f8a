"""MkDocs hook: the generated "Study sheet" page, condensed from the guide on every build.

Thin event function over `studyguide.study_sheet`. Listed after `hooks/claims.py`, whose
`on_files` leaves the build's `BuildContext` in `config["guide"]`.

- on_files: read the content pages as this build sees them, render the sheet's Markdown
  (still holding `:claim[ID]` and `::script[ID]`, which the claims hook expands and checks
  like any generated page), record the claims it shows, and add `study-sheet.md` as a
  generated file — never written to docs/. `scripts/build_pdf.py` turns the built page into
  the two PDFs.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File, Files  # noqa: E402

from studyguide.context import BuildContext  # noqa: E402
from studyguide.study_sheet import SHEET, render_sheet  # noqa: E402


def on_files(files: Files, config: object) -> Files:
    """Render the study sheet from this build's pages and claims and add it as a page."""
    ctx: BuildContext = config["guide"]  # type: ignore[index]
    # The content pages as the claims hook read them (generated pages are not among them).
    sheet = render_sheet(ctx.registry, ctx.sources)
    ctx.problems.extend(sheet.problems)
    for claim_id in sheet.claims:
        ctx.mark_used(claim_id, SHEET)  # the ledger links the sheet's page
    front = (
        "---\ntitle: Study sheet\ndescription: The whole guide condensed onto one sheet.\n---\n\n"
    )
    files.append(File.generated(config, SHEET, content=front + sheet.markdown))  # type: ignore[arg-type]
    return files
