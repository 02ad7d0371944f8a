"""The hooks' side of the build context: reading it in order, and adding generated pages.

The one module of the package that knows MkDocs' types, so the event functions in `hooks/`
stay a few lines each and agree on the things they share: where the build context is kept,
how a page that exists only in the build is added, and how HTML left out of a page's
Markdown is put back after rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from studyguide.context import BuildContext, GeneratedPage, hook_order_problem
from studyguide.result_cache import cache_folder

CONTEXT_KEY = "guide"
"""Where the claims hook keeps this build's `BuildContext` in the MkDocs config."""


def build_cache_folder(config: MkDocsConfig) -> Path | None:
    """Where this project keeps what one build leaves the next (`result_cache.cache_folder`
    of the folder holding mkdocs.yml), or None when the cache is off."""
    return cache_folder(Path(config.config_file_path or config.docs_dir).parent)


def check_hook_order(config: MkDocsConfig, hook: str) -> None:
    """Stop the build with a message naming the hook to add or move when `hook` is listed
    before a hook it needs (see `studyguide.context.HOOK_NEEDS`)."""
    problem = hook_order_problem(list(config["hooks"]), hook)
    if problem:
        raise PluginError(problem)


def build_context(config: MkDocsConfig, hook: str) -> BuildContext:
    """This build's context, as the claims hook left it; `hook` names the caller in the
    error raised when the hooks are missing or out of order."""
    check_hook_order(config, hook)
    ctx = config.get(CONTEXT_KEY)
    if not isinstance(ctx, BuildContext):
        raise PluginError(
            f"{hook} found no build context: hooks/claims.py must run its on_files first — "
            "list it first under `hooks:` in mkdocs.yml"
        )
    return ctx


def add_generated_page(
    files: Files, config: MkDocsConfig, ctx: BuildContext, page: GeneratedPage
) -> File:
    """Add a page that exists only in the build (never written to docs/): its file holds the
    front matter, and the claims hook's `on_page_markdown` gives it `page.body()`."""
    ctx.generated[page.src_uri] = page
    file = File.generated(config, page.src_uri, content=page.front_matter)
    files.append(file)
    return file


def filled_content(
    page: Page,
    config: MkDocsConfig,
    files: Files,
    filled: str | None,
    full_markdown: Callable[[], str],
    anchor_ids: Iterable[str],
) -> str:
    """A page's content once HTML left out of its Markdown (a deck's frame, a diagram) is
    put back: `filled`, whose elements' ids join the page's anchors as MkDocs would have
    read them from the Markdown; or, when it could not be put back (None), the page
    rendered in full from `full_markdown()`."""
    if filled is None:
        page.markdown = full_markdown()
        page.render(config, files)
        return page.content or ""
    page.present_anchor_ids = (page.present_anchor_ids or set()) | set(anchor_ids)
    return filled
