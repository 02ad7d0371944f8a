"""`make bench`: hooks' cost per page, how builds grow, and page weight, as Markdown tables:

1. The real site built with the project's hooks and with plain Material on the same content
   (claim syntax pre-expanded by `studyguide.expand.expand_page` into a temporary copy of
   docs/, `hooks:` removed), alternating runs: per-page time ratio (budget: median <= 1.10).
2. Synthetic sites (default 100, 300 and 1,000 pages, 2,000 claims, every claim shown as a
   real site must) built with the hooks, with plain Material, and with mkdocs-macros-plugin
   doing only variable substitution: seconds, seconds per page (flat = linear growth) and
   the per-page ratios, budget as above.
3. Page weight (HTML + CSS + JS, gzip) of key pages; own CSS + JS against the 15 KB budget.

Every build runs in a fresh Python process that times `load_config` + `build` (not the
interpreter's start), so no run inherits another's imports or caches. Nothing is asserted on
timings: this reports; `--profile` shows where a hooks build spends its time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from studyguide.bench.config_text import read_hooks, set_top_level
from studyguide.bench.stats import markdown_table, per_page_ratios, summarize
from studyguide.bench.synthetic import (
    expand_docs,
    refs_per_page,
    synthetic_nav,
    write_synthetic_docs,
)
from studyguide.bench.weight import (
    OWN_ASSETS_BUDGET,
    after_load_weight,
    own_assets_weight,
    own_page_weight,
    page_weight,
    shipped_own_assets,
)
from studyguide.claims import load_registry

ROOT = Path(__file__).resolve().parent.parent

RATIO_BUDGET = 1.10
CLAIMS = 2_000
REFS_PER_PAGE = 8
WEIGHT_PAGES = [
    "",
    "frameworks/impact-first/",
    "checklist/",
    "DECK",
    "review/",
    "flashcards/",
    "practice/",
]
# The study-sheet hook needs the guide's own pages (it adds one page whatever the site's
# size), so it is measured in the real-site ratio only; every other hook runs on synthetic sites.
REAL_SITE_ONLY_HOOKS = ("hooks/study_sheet.py",)


@dataclass
class Variant:
    """One way of building one site: a config file, the folder to run in, its timings."""

    name: str
    config: Path
    cwd: Path
    site: Path
    seconds: list[float] = field(default_factory=list)
    pages: int = 0


# --- One build, in a child process ---------------------------------------------------------


def child(config: str, site: str) -> None:
    """Time one MkDocs build in this process and print `{"seconds", "pages"}` as JSON."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    start = time.perf_counter()
    cfg = load_config(config_file=config, site_dir=site)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    seconds = time.perf_counter() - start
    pages = sum(1 for p in Path(site).rglob("index.html"))
    print(json.dumps({"seconds": seconds, "pages": pages}))


def run_build(v: Variant, profile: Path | None = None) -> tuple[float, int]:
    """Build variant `v` once in a fresh process; return (seconds, pages built)."""
    shutil.rmtree(v.site, ignore_errors=True)
    prefix = [sys.executable]
    if profile is not None:
        prefix += ["-m", "cProfile", "-o", str(profile)]
    cmd = [*prefix, str(Path(__file__).resolve()), "--child", str(v.config), str(v.site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(cmd, cwd=v.cwd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build {v.name} failed:\n{done.stdout}\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["seconds"], result["pages"]


def alternate(variants: list[Variant], runs: int, label: str) -> None:
    """Build the variants in turn (A B C A B C ...), `runs` times each, after one warm-up
    round that is not counted (it fills the OS file cache for every variant alike)."""
    for v in variants:
        run_build(v)
    for r in range(runs):
        for v in variants:
            seconds, v.pages = run_build(v)
            v.seconds.append(seconds)
        print(f"  {label}: run {r + 1}/{runs} done", file=sys.stderr, flush=True)


# --- Projects to build ----------------------------------------------------------------------


def base_config(hooks: list[str] | None, docs: Path, *, strict: bool) -> str:
    """The project's mkdocs.yml adapted to build `docs` from anywhere: absolute paths,
    `hooks:` set to `hooks` (absolute) or removed, no `watch:`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = set_top_level(text, "watch", None)
    hook_block = None
    if hooks:
        hook_block = "hooks:\n" + "".join(f"  - {ROOT / h}\n" for h in hooks)
    text = set_top_level(text, "hooks", hook_block)
    text = set_top_level(text, "docs_dir", f"docs_dir: {docs}")
    return set_top_level(text, "strict", f"strict: {'true' if strict else 'false'}")


def copy_docs(dest: Path) -> None:
    """Copy the project's docs/ (pages, assets, includes) to `dest`."""
    shutil.copytree(ROOT / "docs", dest)


def real_site(tmp: Path) -> list[Variant]:
    """The real site with hooks (the project's own mkdocs.yml, strict) and plain Material
    on a copy of docs/ whose claim syntax is pre-expanded (not strict: the ledger and the
    generated pages it links to exist only with the hooks)."""
    hooks = Variant("hooks", ROOT / "mkdocs.yml", ROOT, tmp / "site-hooks")
    plain_dir = tmp / "plain"
    copy_docs(plain_dir / "docs")
    registry, problems = load_registry((ROOT / "docs/claims.yml").read_text(encoding="utf-8"))
    if problems:
        raise SystemExit("docs/claims.yml has problems; run `make site` first")
    expand_docs(plain_dir / "docs", registry)
    cfg = plain_dir / "mkdocs.yml"
    cfg.write_text(base_config(None, plain_dir / "docs", strict=False), "utf-8")
    plain = Variant("plain", cfg, plain_dir, tmp / "site-plain")
    return [hooks, plain]


def synthetic(tmp: Path, pages: int, claims: int, refs: int) -> list[Variant]:
    """A synthetic site of `pages` pages built three ways: hooks, plain, macros."""
    listed = read_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    hooks_list = [h for h in listed if h not in REAL_SITE_ONLY_HOOKS]
    variants = []
    for name in ("hooks", "plain", "macros"):
        project = tmp / f"syn{pages}-{name}"
        docs = project / "docs"
        shutil.copytree(ROOT / "docs/assets", docs / "assets")
        (docs / "includes").mkdir()
        write_synthetic_docs(docs, pages, claims, refs, "claims" if name == "hooks" else name)
        nav = synthetic_nav(pages)
        if name == "hooks":
            nav += [{"Flashcards": "flashcards/index.md"}, {"Sources and figures": "sources.md"}]
        text = base_config(hooks_list if name == "hooks" else None, docs, strict=False)
        text = set_top_level(text, "nav", yaml.safe_dump({"nav": nav}, sort_keys=False))
        if name == "macros":
            plugins = {"plugins": ["search", {"macros": {"include_yaml": ["claims_vars.yml"]}}]}
            text = set_top_level(text, "plugins", yaml.safe_dump(plugins, sort_keys=False))
        cfg = project / "mkdocs.yml"
        cfg.write_text(text, "utf-8")
        variants.append(Variant(name, cfg, project, tmp / f"site-syn{pages}-{name}"))
    return variants


# --- Reports --------------------------------------------------------------------------------


def ratio_row(
    label: str, a: Variant, b: Variant, budget: float | None, *, per_page: bool = True
) -> list[str]:
    """A table row with the per-page (or whole-build) ratio of `a` over `b`, and the budget
    verdict on its median."""
    pages = (a.pages, b.pages) if per_page else (1, 1)
    s = summarize(per_page_ratios(a.seconds, pages[0], b.seconds, pages[1]))
    verdict = "" if budget is None else ("OK" if s.median <= budget else "OVER")
    return [label, s.format(), f"≤ {budget:.2f} {verdict}" if budget else "—"]


def report_real(variants: list[Variant], runs: int) -> str:
    """Table 1: the real site, hooks vs plain."""
    hooks, plain = variants
    rows = [
        [
            v.name,
            v.pages,
            summarize(v.seconds).format(),
            f"{summarize(v.seconds).median / v.pages * 1000:.1f}",
        ]
        for v in variants
    ]
    out = [f"### Real site: hooks vs plain Material ({runs} alternating runs each)", ""]
    out.append(markdown_table(["build", "pages", "s min–med–max", "ms/page (median)"], rows))
    out += [
        "",
        markdown_table(
            ["ratio", "min–med–max", "budget"],
            [
                ratio_row("hooks/plain per page", hooks, plain, RATIO_BUDGET),
                ratio_row(
                    f"hooks/plain whole build ({hooks.pages} vs {plain.pages} pages)",
                    hooks,
                    plain,
                    None,
                    per_page=False,
                ),
            ],
        ),
    ]
    return "\n".join(out)


def report_scale(results: dict[int, list[Variant]], runs: int, refs: int) -> str:
    """Table 2: synthetic sites, time and time per page at each size, and the ratios."""
    rows = []
    ratio_rows = []
    shown: list[str] = []
    for size, variants in results.items():
        for v in variants:
            med = summarize(v.seconds).median
            rows.append(
                [
                    size,
                    v.name,
                    v.pages,
                    summarize(v.seconds).format(),
                    f"{med / v.pages * 1000:.1f}",
                ]
            )
        hooks, plain, macros = variants
        figures, scripts = refs_per_page(size, CLAIMS, refs)
        lines = "script line" if scripts == 1 else "script lines"
        shown.append(f"{size} pages: {figures} figures + {scripts} {lines} each")
        ratio_rows.append(ratio_row(f"{size} pages: hooks/plain", hooks, plain, RATIO_BUDGET))
        ratio_rows.append(ratio_row(f"{size} pages: hooks/macros", hooks, macros, None))
        ratio_rows.append(ratio_row(f"{size} pages: macros/plain", macros, plain, None))
    out = [
        f"### Synthetic sites: {CLAIMS:,} claims, every one shown, navigation.prune "
        f"({runs} alternating runs each)",
        "",
        f"Per page at least {refs} figures and one script line, more where the pages "
        "are too few to show every claim otherwise: " + "; ".join(shown) + ".",
        "",
        markdown_table(
            ["pages", "build", "built pages", "s min–med–max", "ms/page (median)"], rows
        ),
        "",
        markdown_table(["per-page ratio", "min–med–max", "budget"], ratio_rows),
    ]
    return "\n".join(out)


def report_weight(site: Path) -> str:
    """Table 3: page weight of key pages, and the project's own assets against the budget."""
    decks = sorted(p.parent.name for p in (site / "flashcards").glob("*/index.html"))
    vendored = [p.read_bytes() for p in (ROOT / "docs/assets/vendor").glob("*.min.js")]
    rows = []
    for page in WEIGHT_PAGES:
        if page == "DECK":
            if not decks:
                continue
            page = f"flashcards/{decks[0]}/"
        if not (site / page / "index.html").exists():
            rows.append([page or "(home)", "—", "—", "—", "not built", "—", "—"])
            continue
        w = page_weight(site, page)
        rows.append(
            [
                page or "(home)",
                _kb(w.html),
                _kb(w.css),
                _kb(w.js),
                _kb(w.total),
                _kb(after_load_weight(site, page)),
                _kb(own_page_weight(site, page, vendored)),
            ]
        )
    own = shipped_own_assets(site)
    total = own_assets_weight(own)
    verdict = "OK" if total <= OWN_ASSETS_BUDGET else "OVER"
    own_rows = [[p.name, _kb(own_assets_weight([p]))] for p in own]
    own_rows.append([f"**total** (budget {OWN_ASSETS_BUDGET / 1000:.0f} KB) {verdict}", _kb(total)])
    return "\n".join(
        [
            "### Page weight (gzip -9, KB = 1,000 bytes)",
            "",
            "First render (HTML, CSS, JS, total); then what the page fetches after its `load`"
            " event, and the project's own CSS + JS it loads (vendored ts-fsrs excluded,"
            f" budget {OWN_ASSETS_BUDGET / 1000:.0f} KB a page).",
            "",
            markdown_table(
                ["page", "HTML", "CSS", "JS", "total", "after load", "own CSS+JS"], rows
            ),
            "",
            markdown_table(["project's own asset, as shipped", "gzip KB"], own_rows),
        ]
    )


def _kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def profile_hooks(tmp: Path, top: int, pages: int = 0, refs: int = REFS_PER_PAGE) -> str:
    """Profile one hooks build (the real site, or a synthetic one of `pages` pages): our
    code's functions and MkDocs' and Material's build steps, by cumulative time."""
    if pages:
        v = synthetic(tmp, pages, CLAIMS, refs)[0]
    else:
        v = Variant("hooks", ROOT / "mkdocs.yml", ROOT, tmp / "site-profile")
    out = tmp / "hooks.prof"
    run_build(v, profile=out)
    buf = io.StringIO()
    stats = pstats.Stats(str(out), stream=buf)
    stats.sort_stats("cumulative")
    stats.print_stats(r"hooks/|studyguide/|mkdocs/commands/build|material/", top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen measurements, printing Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build of the real site")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per synthetic build")
    parser.add_argument("--sizes", default="100,300,1000", help="synthetic page counts ('' skips)")
    parser.add_argument(
        "--refs", type=int, default=REFS_PER_PAGE, help="figures per page, at least"
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=0,
        metavar="PAGES",
        help="profile one hooks build: the real site, or a synthetic one of PAGES pages",
    )
    parser.add_argument("--child", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1])
        return 0

    with tempfile.TemporaryDirectory(prefix="guide-bench-") as name:
        tmp = Path(name)
        if args.profile is not None:
            print(profile_hooks(tmp, 40, args.profile, args.refs))
            return 0
        sections = []
        real = real_site(tmp)
        alternate(real, args.runs, "real site")
        sections.append(report_real(real, args.runs))
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        results: dict[int, list[Variant]] = {}
        for size in sizes:
            variants = synthetic(tmp, size, CLAIMS, args.refs)
            alternate(variants, args.scale_runs, f"{size} pages")
            results[size] = variants
        if results:
            sections.append(report_scale(results, args.scale_runs, args.refs))
        sections.append(report_weight(real[0].site))
        print("\n\n".join(sections))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
