"""Reading a page's text: front matter, title, `## ` sections, paragraphs, inline links.

The one place that knows how a Markdown page of the guide is laid out. The flashcards
(`cards`), the study sheet (`study_sheet`), the claims hook and the bench read pages through
it, so a page means the same thing to each of them.

Front matter is read exactly as MkDocs reads it (`mkdocs.utils.meta.get_data`, tested side by
side): a YAML block between `---` and `---` (or `...`) at the very top whose mapping becomes the
page's meta, else MultiMarkdown `Key: value` lines up to the first blank line. A YAML block that
does not parse as a mapping stays in the body, as MkDocs leaves it. Nothing here imports MkDocs.

Sections, titles and paragraphs ignore fenced and inline code (`mask_code`), so documentation
can show the syntax without it counting.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from studyguide.claims import YAML_LOADER
from studyguide.mask import mask_code
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

# MkDocs' own patterns (mkdocs/utils/meta.py), so the body is the Markdown MkDocs renders.
YAML_FRONT_MATTER_RE = _compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
META_LINE_RE = _compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = _compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")

H1_RE = _compile(r"^# +(?P<title>.+?)[ \t]*(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$")
H2_RE = _compile(r"^## +(?P<title>.+?)[ \t]*(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$")
# An inline link, for its words: `[text](target)`, images (`![alt](src)`) excluded.
LINK_TEXT_RE = _compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\([^)\n]*\)")
# An inline link or image, for its target: `[text](target "title")` -> head, target, tail.
LINK_TARGET_RE = _compile(r"(?P<head>!?\[[^\]\n]*\]\()(?P<target>[^)\s]+)(?P<tail>[^)\n]*\))")
SENTENCE_END_RE = _compile(r"(?<=[.!?])[\"'*_)]*\s+(?=[A-Z*_(])")
TASK_RE = _compile(r"^[-*][ \t]+\[[ xX]\][ \t]+(?P<text>.*)$")
LIST_ITEM_RE = _compile(r"^(?:[-*+]|\d+\.)\s")
# How a top-level line that opens something other than a paragraph begins.
NON_PROSE_START = ("::", "???", "!!!", "===", "|", "--8<--", "<", "```", "~~~", "#", ">")


def _multimarkdown_meta(text: str) -> tuple[dict[str, object], str]:
    """MkDocs' fallback: `Key: value` lines (continued by indented lines) up to a blank line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, str] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if m := META_LINE_RE.match(line):
            key = m.group("key").lower().strip()
            value = m.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := META_MORE_RE.match(line)) and key:
            data[key] += " " + more.group("value").strip()
        else:
            lines.insert(0, line)
            break
    return dict(data), "\n".join(lines).lstrip("\n")


def read_front_matter(text: str) -> tuple[dict[str, object], str]:
    """The page's meta (empty if none) and the body MkDocs renders, as `get_data` gives them."""
    m = YAML_FRONT_MATTER_RE.match(text)
    if not m:
        return _multimarkdown_meta(text)
    try:
        data = yaml.load(m.group(1), Loader=YAML_LOADER)
    except Exception:  # MkDocs ignores any failure here and keeps the block in the body
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[m.end() :].lstrip("\n")


def body_line(text: str, body: str) -> int:
    """The 1-based line of `body` within `text` (the file with its front matter)."""
    if body and text.endswith(body):
        return text[: len(text) - len(body)].count("\n") + 1
    return 1


def split_front_matter(text: str) -> tuple[dict[str, object], str, int]:
    """The page's front matter, its body, and the 1-based file line the body starts on."""
    meta, body = read_front_matter(text)
    return meta, body, body_line(text, body)


def strip_front_matter(text: str) -> str:
    """The body of a page: what MkDocs hands to `on_page_markdown`."""
    return read_front_matter(text)[1]


def page_title(meta: Mapping[str, object], body: str, src_uri: str) -> str:
    """The page title as MkDocs would show it: front matter `title:`, first `# `, file name."""
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    for line in mask_code(body).split("\n"):
        m = H1_RE.match(line)
        if m:
            return m.group("title").strip()
    stem = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    return stem.replace("-", " ").replace("_", " ").capitalize()


@dataclass(frozen=True)
class Section:
    """One `## ` section of a page body.

    `head` and `end` index the body's lines (the heading, and the first line after the
    section); `line` is the heading's 1-based line in the file. `lines` are the section's
    lines after the heading as written, `masked` the same with code blanked out.
    """

    title: str
    head: int
    end: int
    line: int
    lines: tuple[str, ...]
    masked: tuple[str, ...]


@dataclass(frozen=True)
class PageText:
    """A page read once: meta, body, where the body starts, its lines with and without code."""

    meta: dict[str, object]
    body: str
    first_line: int
    lines: list[str]
    masked: list[str]

    def sections(self) -> list[Section]:
        """Each `## ` section in page order (headings inside code never count)."""
        heads = [
            (i, m.group("title").strip())
            for i, line in enumerate(self.masked)
            if (m := H2_RE.match(line))
        ]
        ends = [i for i, _ in heads[1:]] + [len(self.lines)]
        return [
            Section(
                title,
                i,
                end,
                i + self.first_line,
                tuple(self.lines[i + 1 : end]),
                tuple(self.masked[i + 1 : end]),
            )
            for (i, title), end in zip(heads, ends, strict=True)
        ]

    def title(self, src_uri: str) -> str:
        """The page's title (`page_title`)."""
        return page_title(self.meta, self.body, src_uri)


def read_page(text: str) -> PageText:
    """A page's text split into meta and body, the body into lines, with code masked."""
    meta, body, first = split_front_matter(text)
    return PageText(meta, body, first, body.split("\n"), mask_code(body).split("\n"))


def indented_block(lines: Sequence[str], start: int, indent: int) -> tuple[list[str], int]:
    """The lines from `start` indented deeper than `indent` columns (blank lines included,
    trailing blanks dropped), dedented, and the index of the first line after them."""
    end = start
    while end < len(lines):
        line = lines[end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    block = list(lines[start:end])
    while block and not block[-1].strip():
        block.pop()
    return textwrap.dedent("\n".join(block)).split("\n") if block else [], end


def first_paragraph(lines: Sequence[str], start: int, stop: int) -> tuple[str, int]:
    """The first paragraph (run of non-blank lines) in `lines[start:stop]` and its index."""
    i = start
    while i < stop and not lines[i].strip():
        i += 1
    j = i
    while j < stop and lines[j].strip():
        j += 1
    return "\n".join(line.strip() for line in lines[i:j]), i


def prose_lines(section: Section) -> tuple[str, ...]:
    """The section's lines as written, with lines of fenced code emptied."""
    return tuple(
        raw if masked.strip() or not raw.strip() else ""
        for raw, masked in zip(section.lines, section.masked, strict=True)
    )


def opens_non_prose(line: str) -> bool:
    """Whether a top-level line opens something other than a paragraph (list, block, HTML)."""
    return line.startswith(NON_PROSE_START) or bool(LIST_ITEM_RE.match(line))


def paragraphs(lines: Sequence[str]) -> list[str]:
    """The top-level prose paragraphs of some lines: no scripts, admonitions, lists or tables,
    each paragraph's lines joined by spaces."""
    out: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        stripped = line.strip()
        top_level = bool(stripped) and not line.startswith((" ", "\t"))
        if top_level and not current and opens_non_prose(stripped):
            continue
        if stripped and not line.startswith((" ", "\t")):
            current.append(stripped)
        elif current:
            out.append(" ".join(current))
            current = []
    return out


def plain_links(markdown: str) -> str:
    """Markdown with every inline link replaced by its text (images are left alone)."""
    return LINK_TEXT_RE.sub(lambda m: m.group("text"), markdown)


def first_sentence(text: str) -> str:
    """The first sentence of a run of prose, whitespace collapsed, links reduced to text."""
    flat = " ".join(plain_links(text).split())
    return SENTENCE_END_RE.split(flat, maxsplit=1)[0].strip()


def continuation(lines: Sequence[str], start: int) -> list[str]:
    """The indented, non-blank lines from `start` on that continue a list item, stripped."""
    out: list[str] = []
    for line in lines[start:]:
        if not line.startswith((" ", "\t")) or not line.strip():
            break
        out.append(line.strip())
    return out


def table_rows(body: str) -> list[list[str]]:
    """The cells of every table row (`| a | b |`) in a body, code ignored, each stripped."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in mask_code(body).split("\n")
        if line.lstrip().startswith("|")
    ]


def task_items(lines: Sequence[str]) -> list[str]:
    """The task-list items (`- [ ] text`) among some lines, each item's continuation lines
    joined to it by spaces; a line that is neither ends the run of items."""
    items: list[list[str]] = []
    for line in lines:
        m = TASK_RE.match(line)
        if m:
            items.append([m.group("text").strip()])
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1].append(line.strip())
        elif not line.strip() and items:
            continue
        elif items:
            items.append([])  # a non-item line ends the run of items
    return [" ".join(i) for i in items if i]
