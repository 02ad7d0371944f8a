"""System diagrams drawn at build time from a small YAML description, as accessible inline SVG.

A page writes `::diagram[NAME]` alone on a line; the build reads
`docs/includes/diagrams/NAME.yml` and puts a `<figure>` in its place: an SVG with a title and
a description for assistive technology, a visible caption, and a text description listing
every box and arrow. The SVG carries no colours of its own: its classes are styled by the
site's CSS with the theme's variables and `currentColor`, so it follows the light and dark
palettes and prints in black on white. No script and no third-party request is involved.

Why a description and not hand-drawn SVG: boxes, arrows and text stay consistent across
diagrams, the text alternative cannot drift from the picture (both come from one source),
and the labels are checked for raw figures like any other text readers see.

The description:

    title: What the diagram shows, said as a sentence fragment
    description: One or two sentences for readers who cannot see the picture.
    nodes:
      - id: sdk                   # lower-case letters, digits and hyphens
        label: Training job       # what the box says; wrapped automatically
        at: [0, 0]                # column and row on the grid, from the top left
        kind: service             # service (default) | user | store | external
    edges:
      - from: sdk
        to: ingest
        label: metric points      # optional: the words on the arrow and in the text
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import NamedTuple

import yaml

from studyguide.claims import YAML_LOADER
from studyguide.mask import mask_code
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

DIAGRAM_LINE_RE = _compile(r"^(?P<indent>[ \t]*)::diagram\[(?P<name>[^\]\n]*)\][ \t]*$", re.M)
ID_RE = _compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KINDS = ("service", "user", "store", "external")
NODE_FIELDS = {"id", "label", "at", "kind"}
EDGE_FIELDS = {"from", "to", "label"}
TOP_FIELDS = {"title", "description", "nodes", "edges"}

# Geometry of the grid, in SVG user units (about CSS pixels at full width).
CELL_W, CELL_H = 270, 124
BOX_W, BOX_H = 170, 62
MARGIN = 16
LINE_H = 17
WRAP_CHARS = 18
CHAR_W = 7.0  # an estimate of one character's width at the label size, for edge labels


class Node(NamedTuple):
    """One box: its id, its words, its grid place and what kind of thing it is."""

    id: str
    label: str
    col: int
    row: int
    kind: str = "service"


class Edge(NamedTuple):
    """One arrow from a box to another, with optional words on it."""

    source: str
    target: str
    label: str = ""


@dataclass
class Diagram:
    """A parsed description: what the figure shows, its boxes and its arrows."""

    name: str
    title: str
    description: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def _line_of(text: str, needle: str) -> int:
    """The 1-based line where `needle` first occurs in `text` (1 when it does not)."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _figure_problems(words: str, text: str, path: str) -> list[Problem]:
    """A problem for each raw figure in a diagram's words: diagrams are text readers see."""
    from studyguide.figures import find_figures  # see output_check.scan_text

    problems = []
    for start, end in find_figures(words):
        figure = words[start:end]
        problems.append(
            Problem(
                path,
                _line_of(text, figure if figure in text else words),
                1,
                f'figure "{figure}" in diagram text — diagrams cannot show claims; '
                "say it in words or move the number into the page's prose as :claim[ID]",
            )
        )
    return problems


def parse_diagram(text: str, name: str, path: str) -> tuple[Diagram | None, list[Problem]]:
    """Read one description; return the diagram, or None and every problem found in it."""
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # libyaml: a tenth of the time
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(path, line, col, f"YAML syntax error in diagram: {exc}")]
    if not isinstance(data, dict):
        return None, [Problem(path, 1, 1, "bad diagram: must be a mapping with title, nodes")]
    problems: list[Problem] = []

    def bad(needle: str, message: str) -> None:
        problems.append(Problem(path, _line_of(text, needle), 1, f"bad diagram: {message}"))

    for key in sorted(set(data) - TOP_FIELDS):
        bad(f"{key}:", f'unknown field "{key}" — use title, description, nodes and edges')
    title, description = data.get("title"), data.get("description")
    for key, value in (("title", title), ("description", description)):
        if not isinstance(value, str) or not value.strip():
            bad(f"{key}:", f"`{key}:` must be non-empty text")
    diagram = Diagram(name, str(title or "").strip(), " ".join(str(description or "").split()))
    seen: dict[str, tuple[int, int]] = {}
    for raw in data.get("nodes") or []:
        if not isinstance(raw, dict):
            bad("nodes:", "each node must be a mapping with id, label and at")
            continue
        nid = str(raw.get("id", ""))
        for key in sorted(set(raw) - NODE_FIELDS):
            bad(f"{key}:", f'unknown node field "{key}" — use id, label, at and kind')
        at = raw.get("at")
        kind = raw.get("kind", "service")
        if not ID_RE.fullmatch(nid):
            bad(f"id: {nid}", f'node id "{nid}" must be lower-case words joined by hyphens')
            continue
        if nid in seen:
            bad(f"id: {nid}", f'duplicate node id "{nid}" — give each box its own id')
            continue
        if not (
            isinstance(at, list) and len(at) == 2 and all(isinstance(v, int) and v >= 0 for v in at)
        ):
            bad(f"id: {nid}", f'node "{nid}" needs `at: [column, row]` with whole numbers')
            continue
        if tuple(at) in seen.values():
            bad(f"id: {nid}", f'node "{nid}" sits on a place another node already uses')
            continue
        if kind not in KINDS:
            bad(f"id: {nid}", f'node "{nid}" has unknown kind "{kind}" — use {", ".join(KINDS)}')
            continue
        label = " ".join(str(raw.get("label") or "").split())
        if not label:
            bad(f"id: {nid}", f'node "{nid}" needs a `label:`')
            continue
        seen[nid] = (at[0], at[1])
        diagram.nodes.append(Node(nid, label, at[0], at[1], kind))
    if not diagram.nodes and not problems:
        bad("nodes:", "a diagram needs at least one node under `nodes:`")
    for raw in data.get("edges") or []:
        if not isinstance(raw, dict):
            bad("edges:", "each edge must be a mapping with from and to")
            continue
        for key in sorted(set(raw) - EDGE_FIELDS):
            bad(f"{key}:", f'unknown edge field "{key}" — use from, to and label')
        ends = [str(raw.get("from", "")), str(raw.get("to", ""))]
        missing = [e for e in ends if e not in seen]
        if missing:
            bad(
                f"from: {ends[0]}", f'edge names unknown node "{missing[0]}" — add it or fix the id'
            )
            continue
        diagram.edges.append(Edge(ends[0], ends[1], " ".join(str(raw.get("label") or "").split())))
    words = [diagram.title, diagram.description]
    words += [n.label for n in diagram.nodes] + [e.label for e in diagram.edges if e.label]
    for w in words:
        problems.extend(_figure_problems(w, text, path))
    return (None if problems else diagram), problems


def wrap(label: str, width: int = WRAP_CHARS) -> list[str]:
    """`label` broken into lines of at most `width` characters at spaces (long words kept)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _box(node: Node) -> tuple[float, float]:
    """The top-left corner of a node's box."""
    return (
        MARGIN + node.col * CELL_W + (CELL_W - BOX_W) / 2,
        MARGIN + node.row * CELL_H + (CELL_H - BOX_H) / 2,
    )


def _anchors(a: Node, b: Node) -> tuple[float, float, float, float]:
    """Where an arrow from `a` to `b` leaves and arrives: facing sides of the two boxes."""
    ax, ay = _box(a)
    bx, by = _box(b)
    if a.row == b.row:
        if b.col > a.col:
            return ax + BOX_W, ay + BOX_H / 2, bx, by + BOX_H / 2
        return ax, ay + BOX_H / 2, bx + BOX_W, by + BOX_H / 2
    if b.row > a.row:
        return ax + BOX_W / 2, ay + BOX_H, bx + BOX_W / 2, by
    return ax + BOX_W / 2, ay, bx + BOX_W / 2, by + BOX_H


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _node_svg(node: Node) -> str:
    x, y = _box(node)
    radius = BOX_H / 2 if node.kind == "user" else 6
    lines = wrap(node.label)
    first = y + BOX_H / 2 - (len(lines) - 1) * LINE_H / 2
    tspans = "".join(
        f'<tspan x="{_num(x + BOX_W / 2)}" y="{_num(first + i * LINE_H)}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g class="diagram__node diagram__node--{node.kind}">'
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{BOX_W}" height="{BOX_H}" '
        f'rx="{_num(radius)}"/>'
        f'<text text-anchor="middle" dominant-baseline="middle">{tspans}</text></g>'
    )


def _edge_svg(edge: Edge, nodes: dict[str, Node], marker: str) -> str:
    x1, y1, x2, y2 = _anchors(nodes[edge.source], nodes[edge.target])
    parts = [
        f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
        f'marker-end="url(#{marker})"/>'
    ]
    if edge.label:
        lines = wrap(edge.label, 12)
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        w = max(len(line) for line in lines) * CHAR_W + 8
        h = len(lines) * (LINE_H - 2) + 4
        parts.append(
            f'<rect class="diagram__label-bg" x="{_num(mx - w / 2)}" y="{_num(my - h / 2)}" '
            f'width="{_num(w)}" height="{_num(h)}" rx="3"/>'
        )
        first = my - (len(lines) - 1) * (LINE_H - 2) / 2
        tspans = "".join(
            f'<tspan x="{_num(mx)}" y="{_num(first + i * (LINE_H - 2))}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        parts.append(
            f'<text class="diagram__label" text-anchor="middle" dominant-baseline="middle">'
            f"{tspans}</text>"
        )
    return f'<g class="diagram__edge">{"".join(parts)}</g>'


def text_description(diagram: Diagram) -> list[str]:
    """Every arrow as a sentence, in the order the description lists them."""
    nodes = {n.id: n for n in diagram.nodes}
    sentences = []
    for e in diagram.edges:
        how = f": {e.label}" if e.label else ""
        sentences.append(f"{nodes[e.source].label} to {nodes[e.target].label}{how}.")
    return sentences


def render_figure(diagram: Diagram) -> str:
    """The diagram as one HTML `<figure>`: accessible SVG, caption and text description."""
    uid = f"diagram-{diagram.name}"
    cols = max(n.col for n in diagram.nodes) + 1
    rows = max(n.row for n in diagram.nodes) + 1
    width, height = 2 * MARGIN + cols * CELL_W, 2 * MARGIN + rows * CELL_H
    nodes = {n.id: n for n in diagram.nodes}
    marker = f"{uid}-arrow"
    body = "".join(_edge_svg(e, nodes, marker) for e in diagram.edges)
    body += "".join(_node_svg(n) for n in diagram.nodes)
    items = "".join(f"<li>{escape(s)}</li>" for s in text_description(diagram))
    return (
        f'<figure class="diagram" id="{uid}">'
        f'<div class="diagram__scroll" tabindex="0" role="group" '
        f'aria-label="{escape(diagram.title)}">'
        f'<svg class="diagram__svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{uid}-title {uid}-desc">'
        f'<title id="{uid}-title">{escape(diagram.title)}</title>'
        f'<desc id="{uid}-desc">{escape(diagram.description)}</desc>'
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto">'
        f'<path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>'
        f"{body}</svg></div>"
        f"<figcaption>{escape(diagram.title)}"
        f"<details><summary>Text description</summary>"
        f"<p>{escape(diagram.description)}</p><ul>{items}</ul></details>"
        f"</figcaption></figure>"
    )


def expand_diagrams(
    markdown: str,
    path: str,
    read: dict[str, tuple[str, str]],
    *,
    original: str | None = None,
) -> tuple[str, list[Problem]]:
    """Replace each `::diagram[NAME]` line with its figure.

    `read` maps a diagram name to (file path for messages, YAML text); names it lacks are
    reported at their line in `original` (the file as written, front matter included; other
    hooks may have changed `markdown` before this one). Lines inside code stay as they are,
    so docs can show them.
    """
    masked = mask_code(markdown)
    source = markdown if original is None else original
    places = [
        (source.count("\n", 0, m.start()) + 1, len(m.group("indent")) + 1)
        for m in DIAGRAM_LINE_RE.finditer(mask_code(source))
    ]
    problems: list[Problem] = []
    pieces: list[str] = []
    cursor = 0
    for index, m in enumerate(DIAGRAM_LINE_RE.finditer(masked)):
        name = m.group("name").strip()
        line, col = places[index] if index < len(places) else (1, 1)
        if name not in read:
            known = ", ".join(sorted(read)) or "none yet"
            problems.append(
                Problem(
                    path,
                    line,
                    col,
                    f'unknown diagram "{name}" — add docs/includes/diagrams/{name}.yml '
                    f"or use one of: {known}",
                )
            )
            continue
        yaml_path, text = read[name]
        diagram, found = parse_diagram(text, name, yaml_path)
        problems.extend(found)
        if diagram is None:
            continue
        pieces.append(markdown[cursor : m.start()])
        pieces.append(m.group("indent") + render_figure(diagram))
        cursor = m.end()
    pieces.append(markdown[cursor:])
    return "".join(pieces), problems
