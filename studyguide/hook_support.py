"""The hooks' side of the build context: reading it in order, and adding generated pages.

The one module of the package that knows MkDocs' types, so the event functions in `hooks/`
stay a few lines each and agree on the things they share: where the build context is kept,
how a page that exists only in the build is added, and how HTML left out of a page's
Markdown is put back after rendering.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from studyguide.claim_slots import abbreviations
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


# Files a snippet can be: what `pymdownx.snippets` would include as text.
SNIPPET_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


def snippet_abbreviations(config: MkDocsConfig) -> frozenset[str] | None:
    """Every abbreviation a page can get from outside its own Markdown: those defined in the
    files its snippets can include (`pymdownx.snippets` keeps includes under its base paths,
    read from the folder MkDocs runs in) and in `abbr`'s glossary. None when that cannot be
    known (snippets may download from the web): then no figure is slotted
    (`studyguide.claim_slots`)."""
    extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
    options = config.mdx_configs
    keys = set((options.get("abbr") or {}).get("glossary") or {})
    if "pymdownx.snippets" not in extensions:
        return frozenset(keys)
    snippets = options.get("pymdownx.snippets") or {}
    if snippets.get("url_download"):
        return None
    bases = snippets.get("base_path", ["."])
    texts: list[str] = []
    for base in [bases] if isinstance(bases, str) else bases:
        path = Path(os.path.abspath(base))
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
            texts += [
                Path(folder, name).read_text(encoding="utf-8", errors="replace")
                for name in names
                if name.endswith(SNIPPET_SUFFIXES)
            ]
    return frozenset(keys) | abbreviations(texts)
