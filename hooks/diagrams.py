"""MkDocs hook: put system diagrams, drawn from `docs/includes/diagrams/*.yml`, into pages.

Thin event functions over `studyguide.diagrams`:

- on_startup: remember whether this is `serve` (show problems on the page) or a build.
- on_files: start the build's diagrams afresh (descriptions read, pages slotted).
- on_page_markdown: replace each `::diagram[NAME]` line with its figure. Runs after the
  claims hook (declared in `studyguide.context.HOOK_NEEDS`), so the claims hook's line
  numbers stay those of the file; problems join the build's report through the shared
  build context. A figure that is a block of its own is left out of the Markdown, a slot
  word in its place (`studyguide.figure_slots`): Markdown need not parse its SVG.
- on_page_content: put the slotted figures into the rendered page, first of every hook's
  `on_page_content`, so the others see the page as it is served.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from studyguide.figure_slots import fill_figures, slot_figures, unslot
from studyguide.hook_support import build_context, filled_content
from studyguide.links import element_ids
from studyguide.problems import Problem

HOOK = "hooks/diagrams.py"
DIAGRAMS_DIR = Path("includes") / "diagrams"
_mode: dict[str, str] = {"command": "build"}
# What one build keeps in the config, made afresh by on_files: the diagram descriptions as
# read (once, by the first page with a diagram), and the pages whose figures were slotted
# (src path -> (Markdown with the figures, the figures)).
READ_KEY = "guide_diagrams"
SLOTS_KEY = "guide_diagram_slots"


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember the command: `serve` shows problems on the page instead of failing."""
    _mode["command"] = command


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Start this build's diagrams afresh: no description read, no page slotted yet."""
    config[READ_KEY] = None
    config[SLOTS_KEY] = {}
    return files


def _read_diagrams(docs_dir: Path) -> dict[str, tuple[str, str]]:
    """Every diagram description by name, with the path messages should name."""
    found: dict[str, tuple[str, str]] = {}
    folder = docs_dir / DIAGRAMS_DIR
    prefix = Path(docs_dir.name) / DIAGRAMS_DIR
    for file in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        found[file.stem] = ((prefix / file.name).as_posix(), file.read_text(encoding="utf-8"))
    return found


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand the page's diagrams; report problems with the build's others."""
    if "::diagram[" not in markdown:
        return markdown
    ctx = build_context(config, HOOK)
    docs_dir = Path(config["docs_dir"])
    src_uri = page.file.src_uri
    path, original = f"{docs_dir.name}/{src_uri}", ctx.sources.get(src_uri)
    read = config[READ_KEY]
    if read is None:  # the build's first page with a diagram
        read = config[READ_KEY] = _read_diagrams(docs_dir)

    def expand() -> tuple[str, list[Problem]]:
        # Imported on first use: a build that reuses every page's figures never needs it.
        from studyguide.diagrams import expand_diagrams

        return expand_diagrams(markdown, path, read, original=original)

    # The figures depend only on the page and the descriptions: reused from the build before
    # when both are the same (`studyguide.result_cache`).
    expanded, problems = ctx.results.value(
        "diagrams",
        lambda: json.dumps([markdown, path, read, original]),
        expand,
        lambda made: [made[0], [p.to_json() for p in made[1]]],
        lambda kept: (str(kept[0]), [Problem.from_json(p) for p in kept[1]]),
    )
    if problems and _mode["command"] == "serve":
        listing = "\n".join(f"    - `{p}`" for p in problems)
        expanded = f'!!! failure "This page has problems with diagrams"\n{listing}\n\n{expanded}'
    elif problems:
        ctx.problems.extend(problems)
    slotted, figures = slot_figures(expanded)
    if figures:
        config[SLOTS_KEY][src_uri] = (expanded, figures)
    return slotted


# First of every hook's on_page_content: the others see the page with its figures.
@event_priority(100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the page's slotted figures into its HTML, and their ids into its anchors."""
    found = config[SLOTS_KEY].pop(page.file.src_uri, None)  # used once, then dropped
    if found is None:
        return html
    markdown, figures = found
    # The hooks after this one see the page's Markdown with its figures (the claims hook
    # renders it in full from there when a slot of its own does not come out).
    page.markdown = unslot(page.markdown or "", figures) or markdown
    # A slot that did not come out as its own paragraph: render the page in full.
    return filled_content(
        page,
        config,
        files,
        fill_figures(html, figures),
        lambda: page.markdown or "",
        (i for figure in figures for i in element_ids(figure)),
    )
