"""MkDocs hook: one registry of figures per build, expanded into pages and enforced.

Thin event functions over `studyguide`: the plain functions do the work, these only say
when it happens.

- on_startup: remember whether this is `serve` (report and keep serving) or a build (fail).
- on_files: load `docs/claims.yml`, expand every page once (record usage and syntax
  problems), expand the claim syntax in `site_name`, `site_description` and `copyright`,
  add the generated ledger page `sources.md`.
- on_nav: expand the claim syntax in navigation titles written in `mkdocs.yml`.
- on_page_markdown: hand each page its expanded Markdown (and its front matter `title` and
  `description` expanded as plain text); expand generated pages too.
  Figures and model lines that read alike as a word are left out of the Markdown, a slot
  word in their place (`studyguide.claim_slots`, `studyguide.figure_slots`): Markdown need
  not read their HTML.
- on_page_content: put the slotted figures and model lines into the rendered page, after
  the diagrams and before every other hook; take model lines expanded inside tabs, lists and
  admonitions out of the paragraph Markdown wraps them in (a figure inside a <p> is invalid
  HTML).
- on_page_context: put the ledger's claims table in place once every page is rendered, so
  it lists what every surface uses, and after search has indexed the page.
- on_post_page / on_post_template: the output check (`studyguide.output_check`) reads the
  rendered page as readers get it; in `serve`, the page's problems show in a box on it.
- on_post_build: check the search index, keep what the output check read for the next build
  (`studyguide.result_cache`), then report every problem of the build together and fail
  (build), or show them in the terminal (serve).
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import Any, Literal, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from studyguide.claim_slots import WORD_START, fill_claims, slot_claims, unslot_claims
from studyguide.claims import Registry, load_registry
from studyguide.context import BuildContext, GeneratedPage
from studyguide.expand import PageResult, body_offset, expand_page
from studyguide.figure_slots import SCRIPTS, fill_figures, slot_figures, unslot
from studyguide.hook_support import (
    CONTEXT_KEY,
    add_generated_page,
    build_cache_folder,
    build_context,
    filled_content,
    snippet_abbreviations,
)
from studyguide.ledger import FRONT_MATTER as LEDGER_FRONT_MATTER
from studyguide.ledger import fill_claims_table, render_claims_table, render_ledger
from studyguide.output_build import OutputState, banner_html, dedupe, page_files
from studyguide.page_text import strip_front_matter
from studyguide.problems import Problem, format_report
from studyguide.render import unwrap_scripts
from studyguide.result_cache import ResultCache, key_of

HOOK = "hooks/claims.py"
LEDGER = "sources.md"
CLAIMS_FILE = "claims.yml"
OUTPUT = "guide_output_check"
# What one build keeps in the config, made afresh by on_files: the abbreviations a page can
# get from its snippets (None: unknown, slot nothing), and the pages whose figures and model
# lines were slotted (src path -> PageSlots).
ABBREVIATIONS_KEY = "guide_claim_abbreviations"
SLOTS_KEY = "guide_claim_slots"

log = logging.getLogger("mkdocs.hooks.claims")
# In `serve`, problems go to a logger outside MkDocs' own, so strict mode does not stop the
# server; they still print in the terminal and show on the page.
serve_log = logging.getLogger("studyguide")
_mode = {"command": "build"}


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember the command: `serve` reports problems and keeps serving."""
    _mode["command"] = command
    if command == "serve" and not serve_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("ERROR    -  %(message)s"))
        serve_log.addHandler(handler)
        serve_log.propagate = False


def _docs_prefix(config: MkDocsConfig) -> str:
    """How error messages name the docs folder: relative to where MkDocs runs (`docs/`)."""
    return _relative_folder(str(config.docs_dir), str(Path.cwd()))


@functools.lru_cache(maxsize=8)
def _relative_folder(folder: str, cwd: str) -> str:
    """`folder` relative to `cwd` with a trailing slash, or its name (asked on every page:
    resolving a path reads the file system)."""
    docs = Path(folder)
    try:
        return docs.resolve().relative_to(Path(cwd)).as_posix() + "/"
    except ValueError:
        return docs.name + "/"


def _docs_rel(config: MkDocsConfig, src_uri: str) -> str:
    return _docs_prefix(config) + src_uri


def _ledger_url(page_url: str) -> str:
    return get_relative_url("sources/", page_url or ".") if page_url else "sources/"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load the claims, process every page once, and add the generated ledger page."""
    claims_path = Path(config.docs_dir) / CLAIMS_FILE
    rel_claims = _docs_rel(config, CLAIMS_FILE)
    claims_text = claims_path.read_text(encoding="utf-8")
    results = ResultCache(build_cache_folder(config))
    # The same claims file reads the same: its registry and problems reused from before.
    registry, problems = results.value(
        "registry",
        lambda: f"{rel_claims}\n{claims_text}",
        lambda: load_registry(claims_text, rel_claims),
        _registry_to_json,
        _registry_from_json,
    )
    ctx = BuildContext(
        registry,
        claims_path=rel_claims,
        problems=problems,
        claims_key=key_of(claims_text),
        results=results,
    )
    prefix = _docs_prefix(config)
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        source = ctx.sources[file.src_uri] = file.content_string
        body = ctx.bodies[file.src_uri] = strip_front_matter(source)
        args = (body, prefix + file.src_uri, body_offset(source, body), _ledger_url(file.url))
        # The same page with the same claims expands the same: reused from the build before.
        result = ctx.results.value(
            "expanded",
            functools.partial(json.dumps, [ctx.claims_key, *args]),
            functools.partial(_expand, registry, *args),
            PageResult.to_json,
            PageResult.from_json,
        )
        ctx.add_page(file.src_uri, result)
    config[CONTEXT_KEY] = ctx
    config[ABBREVIATIONS_KEY] = snippet_abbreviations(config)
    config[SLOTS_KEY] = {}
    state = config[OUTPUT] = OutputState.create(ctx.registry, config, ctx.sources, prefix)
    state.check.results = ctx.results
    for key in ("site_name", "site_description", "copyright"):
        if config[key]:
            config[key] = state.plain(config[key])

    def ledger() -> str:  # rendered last, when every surface has recorded its usage
        return strip_front_matter(render_ledger(ctx.registry, ctx.usage))

    add_generated_page(
        files, config, ctx, GeneratedPage(LEDGER, LEDGER_FRONT_MATTER, ledger, False)
    )
    return files


def _registry_to_json(read: tuple[Registry, list[Problem]]) -> dict[str, object]:
    """The claims file as read and checked (`load_registry`), as JSON for the build cache."""
    registry, problems = read
    return {"registry": registry.to_json(), "problems": [p.to_json() for p in problems]}


def _registry_from_json(kept: dict[str, Any]) -> tuple[Registry, list[Problem]]:
    """What `_registry_to_json` wrote, as it was."""
    return Registry.from_json(kept["registry"]), [Problem.from_json(p) for p in kept["problems"]]


def _expand(
    registry: Registry, body: str, path: str, first_line: int, ledger_url: str
) -> PageResult:
    """A content page's body expanded (`expand_page`)."""
    return expand_page(
        body, registry, path, first_line=first_line, ledger_url=ledger_url, check_prose=False
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Return the page's expanded Markdown; give each generated page its body."""
    ctx = build_context(config, HOOK)
    src_uri = page.file.src_uri
    generated = ctx.generated.get(src_uri)
    if generated is not None:
        if not generated.expand:
            return generated.body()
        markdown = generated.body()
    done = ctx.pages.get(src_uri)
    if done is not None and page.file.generated_by is None:
        result = done
        if markdown != ctx.bodies.get(src_uri):
            # Another plugin changed the page before us: process what we were given.
            result = expand_page(
                markdown,
                ctx.registry,
                _docs_rel(config, src_uri),
                ledger_url=_ledger_url(page.url),
                check_prose=False,
            )
    else:
        # A page that is not in docs/ (the study sheet, or one another plugin added): expand
        # it and check its figures too.
        result = expand_page(
            markdown,
            ctx.registry,
            f"(generated) {src_uri}",
            ledger_url=_ledger_url(page.url),
            check_prose=False,
        )
        ctx.add_page(src_uri, result)
    state = _output_state(config)
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = state.plain(page.meta[key], src_uri)
    return _slotted(result.markdown, src_uri, config)


class PageSlots(NamedTuple):
    """What a page left out of its Markdown: the Markdown as expanded, its figures and its
    model lines (`studyguide.claim_slots`, `studyguide.figure_slots`)."""

    expanded: str
    figures: list[str]
    scripts: list[str]


def _slotted(expanded: str, src_uri: str, config: MkDocsConfig) -> str:
    """The page's Markdown with figures and model lines slotted out, recorded for the fill."""
    keys = config[ABBREVIATIONS_KEY]
    if keys is None:
        return expanded
    slotted, figures = slot_claims(expanded, keys)
    slotted, scripts = slot_figures(slotted, SCRIPTS)
    if figures or scripts:
        config[SLOTS_KEY][src_uri] = PageSlots(expanded, figures, scripts)
    return slotted


def _output_state(config: MkDocsConfig) -> OutputState:
    build_context(config, HOOK)  # names this hook if the order is wrong
    state: OutputState = config[OUTPUT]
    return state


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Expand the claim syntax in navigation titles written in `mkdocs.yml`."""
    _output_state(config).expand_nav(nav)
    return nav


# After the diagrams' fill (100), which may render the page again with these slots in it;
# before every other hook's on_page_content, so they see the page as it is served.
@event_priority(90)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the page's slotted figures and model lines into its HTML; valid HTML for model
    lines in tabs, lists and admonitions (see `unwrap_scripts`)."""
    # Used once, then dropped: a large build need not keep every page's Markdown.
    slots: PageSlots | None = config[SLOTS_KEY].pop(page.file.src_uri, None)
    if slots is not None:
        filled = fill_claims(html, slots.figures)
        if filled is not None and slots.scripts:
            filled = fill_figures(filled, slots.scripts, SCRIPTS)
        if filled is not None and _heading_holds_slot(page):
            filled = None
        # The hooks after this one see the page's Markdown as expanded, slot words put back.
        page.markdown = (
            unslot(unslot_claims(page.markdown or "", slots.figures), slots.scripts, SCRIPTS)
            or slots.expanded
        )
        html = filled_content(page, config, files, filled, lambda: page.markdown or "", ())
    return unwrap_scripts(html)


def _heading_holds_slot(page: Page) -> bool:
    """Whether a slot word came out in the page's title or table of contents (a heading's
    text makes its id and entry there, which the figure would not)."""
    if WORD_START in (page.title or ""):
        return True
    items = list(page.toc)
    while items:
        item = items.pop()
        if WORD_START in item.title or WORD_START in item.id:
            return True
        items += item.children
    return False


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Put the claims table into the ledger, after search has indexed the page.

    Fires once per page after every page is rendered, so the table sees the usage of every
    surface; hooks run after plugins, so the search index never parses thousands of rows.
    """
    if page.file.src_uri != LEDGER or page.content is None:
        return context
    ctx = build_context(config, HOOK)
    pages = {
        f.src_uri: (
            f.page.title if f.page and f.page.title else f.src_uri,
            get_relative_url(f.url or ".", page.url),
        )
        for f in context["pages"]  # the documentation pages' files
    }
    table, anchors = render_claims_table(ctx.registry, ctx.usage, pages)
    page.content = fill_claims_table(page.content, table)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The output check on the page as rendered; in `serve`, its problems in a box on it."""
    ctx = build_context(config, HOOK)
    state = _output_state(config)
    src_uri = page.file.src_uri
    generated = page.file.generated_by is not None or src_uri not in ctx.sources
    files, fallback = page_files(state, src_uri, generated, _docs_rel(config, src_uri))
    result = ctx.pages.get(src_uri)
    shown = state.shown(src_uri, result.used, result.plain) if result else None
    found = state.check_page(output, page.url, files, fallback, shown)
    if _mode["command"] != "serve":
        return output
    listed = sorted(set((result.problems if result else []) + found))
    return banner_html(output, listed) if listed else output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The output check on static pages rendered from templates (the 404 page)."""
    if template_name.endswith(".html"):
        state = _output_state(config)
        files, _ = page_files(state, template_name, True, template_name)
        state.check_page(output_content, template_name, files, f"overrides/{template_name}")
    return output_content


def on_post_build(config: MkDocsConfig) -> None:
    """Check the search index, report every problem of the build at once; fail unless serving."""
    ctx = build_context(config, HOOK)
    state = _output_state(config)
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        state.check_search_index(index.read_text(encoding="utf-8"))
    ctx.results.save()  # what this build read and made, for the next build
    # Every claim must earn its place: an unused claim fails the build like any problem.
    problems: list[Problem] = dedupe(ctx.problems + state.problems + ctx.unused_problems())
    if not problems:
        return
    report = format_report(problems)
    if _mode["command"] == "serve":
        serve_log.error(report)
        return
    *lines, summary = report.splitlines()
    for line in lines:
        log.error(line)
    raise Abort(f"Aborted: {summary}")
