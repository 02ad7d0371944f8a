"""The output check inside one MkDocs build: the files to locate in, the problems, serve's box.

`hooks/claims.py` keeps one `OutputState` per build. It knows every file a contributor edits
(the content pages as read, the snippets under `docs/includes/`, `mkdocs.yml`, the claims
file), which of them a page's text can come from, what is exempt as plain text, and the
problems found so far, so the hook's event functions stay a few lines each.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studyguide.claims import Registry
from studyguide.expand import expand_plain
from studyguide.locate import SourceFile
from studyguide.normalise import normalise
from studyguide.output_check import OutputCheck
from studyguide.output_text import marked_texts, option_texts, page_segments
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem
from studyguide.shared_text import SharedText

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

SNIPPET_RE = _compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+["']?([^"'\n]+?)["']?[ \t]*$""", re.M)
BANNER_TITLE = "This page has problems with figures"
_ARTICLE_RE = _compile(r'<article\b[^>]*class="md-content__inner[^"]*"[^>]*>')


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.name


@dataclass
class OutputState:
    """Files, exempt texts and problems of the output check in one build."""

    registry: Registry
    check: OutputCheck
    pages: dict[str, SourceFile]
    includes: dict[str, SourceFile]
    settings: list[SourceFile]  # mkdocs.yml and the claims file
    problems: list[Problem] = field(default_factory=list)
    reported: dict[str, set[str]] = field(default_factory=dict)
    files_for: dict[str, tuple[list[SourceFile], str]] = field(default_factory=dict)
    local: dict[str, set[str]] = field(default_factory=dict)
    page_plain: dict[str, set[str]] = field(default_factory=dict)
    shared: SharedText = field(default_factory=SharedText)

    @classmethod
    def create(
        cls, registry: Registry, config: Any, sources: Mapping[str, str], prefix: str
    ) -> OutputState:
        """The state for a build whose content pages read as `sources` (src path -> text)."""
        docs = Path(config["docs_dir"])
        includes = {}
        folder = docs / "includes"
        if folder.is_dir():
            for path in sorted(folder.rglob("*.md")):
                name = path.relative_to(folder).as_posix()
                includes[name] = SourceFile(_relative(path), path.read_text(encoding="utf-8"))
        settings = []
        config_file = config.get("config_file_path")
        if config_file and Path(config_file).is_file():
            settings.append(
                SourceFile(_relative(Path(config_file)), Path(config_file).read_text("utf-8"))
            )
        claims = docs / "claims.yml"
        if claims.is_file():
            settings.append(SourceFile(prefix + "claims.yml", claims.read_text(encoding="utf-8")))
        pages = {uri: SourceFile(prefix + uri, text) for uri, text in sources.items()}
        check = OutputCheck(registry)
        shared = SharedText(keep=check.may_hold)
        return cls(registry, check, pages, includes, settings, shared=shared)

    def plain(self, text: str, page: str | None = None) -> str:
        """`text` with the claim syntax expanded as plain text; what it put in is exempt on
        `page` (its front matter, say; every page when None) and on the shared surfaces."""
        done, put = expand_plain(text, self.registry)
        self.check.add_exempt(put)  # other pages show it too: in nav, header and footer
        self.page_plain.setdefault(page or "", set()).update(put)
        return done

    def shown(self, page: str, used: Iterable[str], plain: Iterable[str]) -> set[str]:
        """What a page shows as plain text from claims and literals: the values of the
        claims it uses, the literals it put in tags, and its expanded front matter."""
        values = {self.registry.text(cid) for cid in used if cid in self.registry.claims}
        site = self.page_plain.get("", set())  # site_name, site_description, copyright
        return values | set(plain) | self.page_plain.get(page, set()) | site

    def expand_nav(self, nav: Any) -> None:
        """Expand the claim syntax in every navigation title given in `mkdocs.yml`."""
        stack = list(nav.items)
        while stack:
            item = stack.pop()
            title = item.__dict__.get("title")
            if isinstance(title, str):
                item.title = self.plain(title)
            stack.extend(getattr(item, "children", None) or [])

    def files(self, src_uri: str, generated: bool) -> list[SourceFile]:
        """Where a page's text can come from, most likely first."""
        if generated:
            return self.settings[::-1] + list(self.pages.values()) + list(self.includes.values())
        page = self.pages.get(src_uri)
        if page is None:
            return self.settings + list(self.pages.values())
        names = SNIPPET_RE.findall(page.text) if "8<" in page.text else []
        used = [self.includes[n] for n in names if n in self.includes]
        return [page, *used, *self.settings, *self.includes.values()]

    def check_page(
        self,
        output: str,
        url: str,
        files: list[SourceFile],
        fallback: str,
        shown: Iterable[str] | None = None,
    ) -> list[Problem]:
        """The output check on one rendered page; its problems are kept for the report.

        `shown` are the claim values and literals the page itself put where markup cannot
        go (its `<title>`, an attribute): exempt there, and in its search index entries. A
        page that came expanded (a flashcard deck) has none: any value of the build is.
        """
        marked = marked_texts(output)
        self.check.add_exempt(marked)
        own = None
        if shown is not None:
            own = self.local[url] = {normalise(t) for t in shown} | marked
        segments = self.check.with_findings(
            "page", output, lambda: page_segments(output, self.shared.fragment)
        )
        findings = self.check.findings(segments, own)
        # What the search index may show of this page without markup that is not a figure.
        self.reported.setdefault(url, set()).update(f.text for f in findings)
        self.reported[url].update(option_texts(output))
        self.files_for[url] = (files, fallback)
        found = self.check.problems(findings, files, fallback)
        self.problems += found
        return found

    def check_search_index(self, index_json: str) -> None:
        """The output check on the search index (what it holds beyond the pages)."""
        self.problems += self.check.search_index(
            index_json, self.files_for, self.reported, self.local
        )


def page_files(
    state: OutputState, src_uri: str, generated: bool, path: str
) -> tuple[list[SourceFile], str]:
    """The files to locate a page's findings in, and the path to name if none holds them."""
    return state.files(src_uri, generated), path if not generated else f"(generated) {src_uri}"


def banner_html(output: str, problems: list[Problem]) -> str:
    """The rendered page with a box listing its problems at the top of its content (serve)."""
    items = "".join(f"<li><code>{html.escape(str(p), quote=False)}</code></li>" for p in problems)
    box = (
        f'<div class="admonition failure"><p class="admonition-title">{BANNER_TITLE}</p>'
        f"<ul>{items}</ul></div>"
    )
    m = _ARTICLE_RE.search(output)
    if m is None:
        body = output.find("<body")
        at = output.find(">", body) + 1 if body != -1 else 0
    else:
        at = m.end()
    return output[:at] + box + output[at:]


def dedupe(problems: list[Problem]) -> list[Problem]:
    """One problem per place and kind: text seen on two surfaces (a heading and the table of
    contents) is reported once, by its shortest message (the page text's)."""
    best: dict[tuple[str, int, int, str], Problem] = {}
    for p in sorted(set(problems), key=lambda p: len(p.message)):
        best.setdefault((p.path, p.line, p.col, p.kind or p.message), p)
    return sorted(best.values())
