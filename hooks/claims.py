"""MkDocs hook: one registry of figures per build, expanded into pages and enforced.

Thin event functions over `studyguide`: the plain functions do the work, these only say
when it happens.

- on_startup: remember whether this is `serve` (report and keep serving) or a build (fail).
- on_files: load `docs/claims.yml`, process every page once (expand, scan, record usage),
  add the generated ledger page `sources.md`.
- on_page_markdown: hand each page its expanded Markdown; expand generated pages too; write
  the ledger's text.
- on_page_content: take model lines expanded inside tabs, lists and admonitions out of the
  paragraph Markdown wraps them in (a figure inside a <p> is invalid HTML).
- on_page_context: put the ledger's claims table in place once every page is rendered, so
  it lists what every surface uses, and after search has indexed the page.
- on_post_build: report every problem of the build together, then fail (build) or show
  them in the terminal and on the pages (serve).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from studyguide.claims import load_registry
from studyguide.context import BuildContext, GeneratedPage
from studyguide.hook_support import CONTEXT_KEY, add_generated_page, build_context
from studyguide.ledger import FRONT_MATTER as LEDGER_FRONT_MATTER
from studyguide.ledger import fill_claims_table, render_claims_table, render_ledger
from studyguide.page_text import strip_front_matter
from studyguide.pages import body_offset, process_page
from studyguide.problems import format_report
from studyguide.render import unwrap_scripts

HOOK = "hooks/claims.py"
LEDGER = "sources.md"
CLAIMS_FILE = "claims.yml"

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
    docs = Path(config.docs_dir)
    try:
        return docs.resolve().relative_to(Path.cwd()).as_posix() + "/"
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
    registry, problems = load_registry(claims_path.read_text(encoding="utf-8"), rel_claims)
    ctx = BuildContext(registry, claims_path=rel_claims, problems=list(problems))
    prefix = _docs_prefix(config)
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        source = ctx.sources[file.src_uri] = file.content_string
        body = ctx.bodies[file.src_uri] = strip_front_matter(source)
        ctx.add_page(
            file.src_uri,
            process_page(
                body,
                registry,
                prefix + file.src_uri,
                first_line=body_offset(source, body),
                ledger_url=_ledger_url(file.url),
                values=ctx.values,
            ),
        )
    config[CONTEXT_KEY] = ctx

    def ledger() -> str:  # rendered last, when every surface has recorded its usage
        return strip_front_matter(render_ledger(ctx.registry, ctx.usage))

    add_generated_page(
        files, config, ctx, GeneratedPage(LEDGER, LEDGER_FRONT_MATTER, ledger, False)
    )
    return files


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
            result = process_page(
                markdown,
                ctx.registry,
                _docs_rel(config, src_uri),
                ledger_url=_ledger_url(page.url),
                values=ctx.values,
            )
    else:
        # A page that is not in docs/ (the study sheet, or one another plugin added): expand
        # it and check its figures too.
        result = process_page(
            markdown,
            ctx.registry,
            f"(generated) {src_uri}",
            ledger_url=_ledger_url(page.url),
            values=ctx.values,
        )
        ctx.add_page(src_uri, result)
    if _mode["command"] == "serve" and result.problems:
        listing = "\n".join(f"    - `{p}`" for p in result.problems)
        return f'!!! failure "This page has problems with figures"\n{listing}\n\n{result.markdown}'
    return result.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Valid HTML for model lines in tabs, lists and admonitions (see `unwrap_scripts`)."""
    return unwrap_scripts(html)


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


def on_post_build(config: MkDocsConfig) -> None:
    """Report every problem of the build at once; fail unless serving."""
    ctx = build_context(config, HOOK)
    # Every claim must earn its place: an unused claim fails the build like any problem.
    problems = ctx.problems + ctx.unused_problems()
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
