"""MkDocs hook: put system diagrams, drawn from `docs/includes/diagrams/*.yml`, into pages.

Thin event functions over `studyguide.diagrams`:

- on_startup: remember whether this is `serve` (show problems on the page) or a build.
- on_page_markdown: replace each `::diagram[NAME]` line with its figure. Runs after the
  claims hook (declared in `studyguide.context.HOOK_NEEDS`), so the claims hook's line
  numbers stay those of the file; problems join the build's report through the shared
  build context.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from studyguide.context import BuildContext
from studyguide.hook_support import build_context
from studyguide.problems import Problem

HOOK = "hooks/diagrams.py"
DIAGRAMS_DIR = Path("includes") / "diagrams"
_mode: dict[str, str] = {"command": "build"}
# The build's diagram descriptions as read, with the build's context (`_diagrams_of_build`).
READ_KEY = "guide_diagrams"


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember the command: `serve` shows problems on the page instead of failing."""
    _mode["command"] = command


def _diagrams_of_build(config: MkDocsConfig, ctx: BuildContext) -> dict[str, tuple[str, str]]:
    """`_read_diagrams` once per build (every page with a diagram asks): kept in the config
    beside the build context it was read for, which the claims hook makes afresh for each
    build (`serve` too)."""
    kept: tuple[BuildContext, dict[str, tuple[str, str]]] | None = config.get(READ_KEY)
    if kept is None or kept[0] is not ctx:
        kept = config[READ_KEY] = (ctx, _read_diagrams(Path(config["docs_dir"])))
    return kept[1]


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
    path, read, original = (
        f"{docs_dir.name}/{src_uri}",
        _diagrams_of_build(config, ctx),
        ctx.sources.get(src_uri),
    )

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
    if not problems:
        return expanded
    if _mode["command"] == "serve":
        listing = "\n".join(f"    - `{p}`" for p in problems)
        return f'!!! failure "This page has problems with diagrams"\n{listing}\n\n{expanded}'
    ctx.problems.extend(problems)
    return expanded
