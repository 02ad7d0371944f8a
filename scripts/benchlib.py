"""Pure helpers for `make bench`: run summaries, config rewriting, synthetic sites, page weight.

Kept apart from `scripts/bench.py` (which runs builds and prints) so that each piece can be
unit-tested without timing anything: what is measured is decided here, how long it takes is
only ever printed, never asserted.
"""

from __future__ import annotations

import functools
import gzip
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils import get_relative_url

from studyguide.claims import Registry, load_registry
from studyguide.expand import expand_page

FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
TOP_LEVEL_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*):", re.MULTILINE)


@dataclass(frozen=True)
class Summary:
    """Minimum, median and maximum of a series of measurements."""

    low: float
    median: float
    high: float

    def format(self, digits: int = 2) -> str:
        """`min–median–max` with `digits` decimals, the form the bench tables print."""
        return f"{self.low:.{digits}f}–{self.median:.{digits}f}–{self.high:.{digits}f}"


def summarize(values: Sequence[float]) -> Summary:
    """Summarize measurements as min, median and max (raises on an empty series)."""
    if not values:
        raise ValueError("no measurements to summarize")
    return Summary(min(values), statistics.median(values), max(values))


def per_page_ratios(
    a_seconds: Sequence[float], a_pages: int, b_seconds: Sequence[float], b_pages: int
) -> list[float]:
    """Per-page cost ratio of build A over build B, one per alternating run pair.

    Runs are paired in the order they were made (A1/B1, A2/B2, ...), so a slow moment on a
    shared machine hits both sides of a pair rather than one side of the whole series.
    """
    if len(a_seconds) != len(b_seconds):
        raise ValueError("ratios need as many runs of A as of B")
    if a_pages <= 0 or b_pages <= 0:
        raise ValueError("page counts must be positive")
    return [(a / a_pages) / (b / b_pages) for a, b in zip(a_seconds, b_seconds, strict=True)]


def top_level_blocks(config_text: str) -> dict[str, tuple[int, int]]:
    """Character spans of each top-level key's block in a YAML file, comments included.

    Text-based on purpose: mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that a
    YAML round trip would lose.
    """
    starts = [(m.group("key"), m.start()) for m in TOP_LEVEL_KEY_RE.finditer(config_text)]
    blocks: dict[str, tuple[int, int]] = {}
    for i, (key, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(config_text)
        blocks[key] = (start, end)
    return blocks


def set_top_level(config_text: str, key: str, block: str | None) -> str:
    """Replace the top-level `key:` block with `block` (a full `key: ...` text), add it at
    the end if absent, or remove it when `block` is None."""
    spans = top_level_blocks(config_text)
    if block is not None and not block.endswith("\n"):
        block += "\n"
    if key in spans:
        start, end = spans[key]
        return config_text[:start] + (block or "") + config_text[end:]
    if block is None:
        return config_text
    sep = "" if config_text.endswith("\n") else "\n"
    return config_text + sep + block


def read_hooks(config_text: str) -> list[str]:
    """The hook paths listed under the top-level `hooks:` key, in order."""
    spans = top_level_blocks(config_text)
    if "hooks" not in spans:
        return []
    start, end = spans["hooks"]
    return re.findall(r"^\s+-\s+(\S+)\s*$", config_text[start:end], re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, str]:
    """A Markdown file as (front matter including its fences, body)."""
    m = FRONT_MATTER_RE.match(text)
    return (m.group(0), text[m.end() :]) if m else ("", text)


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (`a/b.md` -> `a/b/`, `a/index.md` -> `a/`)."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def expand_markdown(text: str, registry: Registry, src_uri: str) -> str:
    """A page's Markdown with the claim syntax replaced by the HTML the hook would render,
    front matter kept, prose not checked: what a plain-Material build of our content reads."""
    front, body = split_front_matter(text)
    ledger = get_relative_url("sources/", page_url(src_uri) or ".")
    result = expand_page(body, registry, src_uri, ledger_url=ledger, check_prose=False)
    return front + result.markdown


def expand_docs(docs: Path, registry: Registry) -> int:
    """Expand the claim syntax in place in every Markdown file under `docs` (a copy, never
    the project's docs/). Returns how many files were rewritten."""
    count = 0
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        path.write_text(
            expand_markdown(path.read_text(encoding="utf-8"), registry, src_uri), "utf-8"
        )
        count += 1
    return count


# --- Synthetic sites -------------------------------------------------------------------------

SECTION_SIZE = 10
PART_SIZE = 10
SCRIPT_SHARE = 10  # one claim in ten is a script line

PROSE = (
    "A candidate who names the user first and the system second gives the interviewer a "
    "reason to follow the design. This paragraph stands in for the explanation a real page "
    "would give, with enough words that Markdown, the table of contents and search all have "
    "something to do."
)


def claim_id(i: int) -> str:
    """The id of synthetic claim number `i` (scripts and figures share one numbering)."""
    return f"{'s' if i % SCRIPT_SHARE == 0 else 'c'}{i:05d}"


def synthetic_claims(count: int) -> str:
    """A claims.yml with `count` claims: figures (facts and examples) and one script in
    ten, each script embedding the figure after it, all from one source."""
    lines = [
        "sources:",
        "  bench:",
        '    title: "Synthetic source for the build benchmark"',
        "    date: 2026-11-26",
        "    note: Generated by scripts/bench.py; describes nothing real.",
        "claims:",
    ]
    for i in range(count):
        cid = claim_id(i)
        if cid.startswith("s"):
            nxt = claim_id(i + 1) if i + 1 < count else claim_id(i - 1)
            value = f"A model line number {i} that leans on :claim[{nxt}] for its figure."
            kind = "script"
        else:
            value = f"{i} ms"
            kind = "fact" if i % 2 else "example"
        lines += [f"  {cid}:", f'    value: "{value}"', f"    kind: {kind}", "    source: bench"]
    return "\n".join(lines) + "\n"


@functools.cache
def _ids_by_kind(claims: int) -> tuple[list[str], list[str]]:
    ids = [claim_id(i) for i in range(claims)]
    return [c for c in ids if c.startswith("c")], [c for c in ids if c.startswith("s")]


def refs_per_page(pages: int, claims: int, refs: int) -> tuple[int, int]:
    """Figures and script lines per synthetic page: at least `refs` figures and one script,
    more where a site of `pages` pages needs them so that every claim is shown somewhere
    (as on a real site, where an unused claim fails the build)."""
    scripts = len(range(0, claims, SCRIPT_SHARE))
    figures = claims - scripts
    return max(refs, -(-figures // pages)), max(1, -(-scripts // pages))


def page_claims(page: int, pages: int, claims: int, refs: int) -> tuple[list[str], list[str]]:
    """The figure ids and script ids that synthetic page number `page` (of `pages`) shows.

    Page n takes the n-th run of figures and of scripts, wrapping around, so that together
    the pages show every claim (each script also embeds the figure after it)."""
    n_figures, n_scripts = refs_per_page(pages, claims, refs)
    all_figures, all_scripts = _ids_by_kind(claims)
    figures = [all_figures[(page * n_figures + k) % len(all_figures)] for k in range(n_figures)]
    scripts = [all_scripts[(page * n_scripts + k) % len(all_scripts)] for k in range(n_scripts)]
    return figures, scripts


def synthetic_page(page: int, pages: int, claims: int, refs: int, syntax: str = "claims") -> str:
    """One synthetic page: headings, prose, a list and a table of figures and the script
    lines `page_claims` gives it, written in our syntax (`claims`) or as mkdocs-macros
    variables (`macros`)."""
    figures, scripts = page_claims(page, pages, claims, refs)

    def ref(cid: str) -> str:
        return f":claim[{cid}]" if syntax == "claims" else "{{ claims['" + cid + "'] }}"

    def script_line(cid: str) -> str:
        return f"::script[{cid}]" if syntax == "claims" else "{{ claims['" + cid + "'] }}"

    half = len(figures) // 2
    rows = "\n".join(f"| Row {n} | {ref(cid)} |" for n, cid in enumerate(figures[half:], 1))
    items = "\n".join(
        f"- The figure here is {ref(cid)}, from the ledger." for cid in figures[:half]
    )
    lines = "\n\n".join(script_line(cid) for cid in scripts)
    return (
        f"---\ndescription: Synthetic benchmark page {page}.\n---\n\n"
        f"# Page {page}\n\n{PROSE}\n\n## Figures in a list\n\n{items}\n\n"
        f"## Figures in a table\n\n| Row | Figure |\n| --- | --- |\n{rows}\n\n"
        f"## Model lines\n\n{PROSE}\n\n{lines}\n\n"
        f"## Notes\n\n{PROSE}\n"
    )


def synthetic_nav(pages: int) -> list[object]:
    """Nav for `pages` pages in parts of sections of pages, so that with
    `navigation.prune` each page renders a bounded slice of the navigation."""
    nav: list[object] = [{"Home": "index.md"}]
    sections: list[object] = []
    for start in range(0, pages, SECTION_SIZE):
        entries = [
            {f"Page {p}": f"p{p:05d}.md"} for p in range(start, min(start + SECTION_SIZE, pages))
        ]
        sections.append({f"Section {start // SECTION_SIZE}": entries})
    for n, start in enumerate(range(0, len(sections), PART_SIZE)):
        nav.append({f"Part {n}": sections[start : start + PART_SIZE]})
    return nav


def write_synthetic_docs(
    docs: Path, pages: int, claims: int, refs: int, syntax: str = "claims"
) -> Registry:
    """Write a synthetic docs/ with `pages` pages (plus a home page) and `claims` claims.

    `syntax` is `claims` (our `:claim` syntax, for the hooks build), `plain` (the same pages
    pre-expanded to HTML, for plain Material) or `macros` (mkdocs-macros variables, whose
    values are written to `claims_vars.yml` beside docs/). Returns the registry.
    """
    docs.mkdir(parents=True, exist_ok=True)
    claims_text = synthetic_claims(claims)
    registry, problems = load_registry(claims_text)
    if problems:
        raise ValueError("synthetic claims are invalid: " + "; ".join(map(str, problems)))
    if syntax == "claims":
        (docs / "claims.yml").write_text(claims_text, "utf-8")
    if syntax == "macros":
        values = {cid: registry.text(cid) for cid in registry.claims}
        var_lines = ["claims:"] + [f"  {cid}: {_yaml_quote(v)}" for cid, v in values.items()]
        (docs.parent / "claims_vars.yml").write_text("\n".join(var_lines) + "\n", "utf-8")
    page_syntax = "macros" if syntax == "macros" else "claims"
    home = f"---\ndescription: Synthetic benchmark home.\n---\n\n# Home\n\n{PROSE}\n"
    (docs / "index.md").write_text(home, "utf-8")
    for p in range(pages):
        text = synthetic_page(p, pages, claims, refs, page_syntax)
        if syntax == "plain":
            text = expand_markdown(text, registry, f"p{p:05d}.md")
        (docs / f"p{p:05d}.md").write_text(text, "utf-8")
    return registry


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- Page weight ----------------------------------------------------------------------------


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at level 9 (what a static host sends; deterministic: no timestamp)."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


class _AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.css.append(a["href"])  # type: ignore[arg-type]
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])  # type: ignore[arg-type]


def linked_assets(html: str) -> tuple[list[str], list[str]]:
    """The stylesheet and script URLs a page links, in document order."""
    parser = _AssetParser()
    parser.feed(html)
    return parser.css, parser.js


@dataclass(frozen=True)
class Weight:
    """Gzip bytes of one page: its HTML, and the CSS and JS it links."""

    html: int
    css: int
    js: int

    @property
    def total(self) -> int:
        """HTML + CSS + JS."""
        return self.html + self.css + self.js


def page_weight(site: Path, page: str) -> Weight:
    """Gzip weight of a built page (`page` is a directory URL like `frameworks/x/`).

    Only the site's own files count (an absolute or off-site URL raises: there must be none).
    """
    html_path = site / page / "index.html"
    html = html_path.read_bytes()
    css, js = linked_assets(html.decode("utf-8"))
    sizes = {"css": 0, "js": 0}
    for kind, urls in (("css", css), ("js", js)):
        for url in urls:
            if re.match(r"^[a-z]+:|^//", url):
                raise ValueError(f"{page} links an off-site asset: {url}")
            target = (html_path.parent / url.split("?")[0].split("#")[0]).resolve()
            sizes[kind] += gzip_size(target.read_bytes())
    return Weight(gzip_size(html), sizes["css"], sizes["js"])


OWN_ASSETS_BUDGET = 15_000
"""Bytes after gzip: the project's own CSS and JS together, as shipped."""


def shipped_own_assets(site: Path) -> list[Path]:
    """The project's own CSS and JS as a built site ships them: the minified bundles
    `assets/guide.<hash>.min.css` and `.js` that hooks/assets.py makes, stylesheet first."""
    assets = site / "assets"
    return sorted(assets.glob("guide.*.min.css")) + sorted(assets.glob("guide.*.min.js"))


def own_assets_weight(paths: Iterable[Path]) -> int:
    """Gzip bytes of the project's own CSS and JS files, each compressed as it is served."""
    return sum(gzip_size(p.read_bytes()) for p in paths)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-style Markdown table (what closing notes paste)."""
    body = [list(map(str, r)) for r in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)
