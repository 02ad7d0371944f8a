"""Check a piece of Markdown the way the build checks pages: render it, read the output.

The build's guarantee is the output check (`studyguide.output_check`) on rendered pages.
Text that is not a page yet (a flashcard's sides before they become a deck, a snippet in a
unit test) is rendered here with the site's Markdown extensions and put through the same
check, located in the Markdown it came from. The guide's own syntax is blanked first:
`:claim[ID]`, `::script[ID]` and `:literal[...]` are exempt wherever they stand.
"""

from __future__ import annotations

from collections.abc import Mapping

import markdown as md

from studyguide import grammar
from studyguide.claims import Registry
from studyguide.locate import SourceFile
from studyguide.output_check import OutputCheck
from studyguide.output_text import BODY
from studyguide.problems import Problem

# The Markdown extensions of mkdocs.yml that change what text a reader sees.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
]
_renderer: md.Markdown | None = None


def render_markdown(text: str) -> str:
    """`text` as HTML, rendered with the site's content extensions."""
    global _renderer
    if _renderer is None:
        _renderer = md.Markdown(
            extensions=EXTENSIONS, extension_configs={"pymdownx.tabbed": {"alternate_style": True}}
        )
    return _renderer.reset().convert(text)


def _blank_syntax(text: str) -> str:
    if not grammar.may_use(text):
        return text
    return grammar.USE_RE.sub(lambda m: " " * len(m.group(0)), text)


def find_unsourced(
    markdown: str,
    path: str,
    *,
    first_line: int = 1,
    values: Mapping[str, str] | None = None,
    registry: Registry | None = None,
) -> list[Problem]:
    """Every unsourced figure and model line a reader would see in `markdown`, located in it.

    `values` maps claim values to ids (for "the claim X has this value" hints) when no
    `registry` is given.
    """
    check = OutputCheck(registry or Registry())
    for value, claim_id in (values or {}).items():
        check.values.setdefault(value, [claim_id])
    source = SourceFile(path, markdown, first_line)
    html = render_markdown(_blank_syntax(markdown))
    return sorted(check.fragment(html, BODY, [source], path), key=_place)


def _place(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.col
