"""`make bench`: hooks' cost per page, how builds grow, and page weight, as Markdown tables:

1. The real site built with the project's hooks and with plain Material on the same content
   (claim syntax pre-expanded by `studyguide.expand.expand_page` into a temporary copy of
   docs/, `hooks:` removed), and a one-page site of the same theme, in shuffled rounds. Plain
   Material's time is modelled as fixed + per-page cost from its two builds; the budget is
   hooks time <= 1.10x that model's time for the hooks build's page count (medians), with
   a bootstrap interval that says whether the machine's noise could turn the verdict, and
   plain Material built a second time as its own control (its ratio should read 1).
2. Synthetic sites (default 100, 300 and 1,000 pages, 2,000 claims, every claim shown as a
   real site must) built with the hooks, with plain Material (twice, as above), and with
   mkdocs-macros-plugin doing only variable substitution: seconds, seconds per page (flat =
   linear growth) and the ratios on the same model, budget as above.
3. Page weight (HTML + CSS + JS, gzip) of key pages; own CSS + JS against the 15 KB budget.

With `--instructions SIZES`, instead of 1-3: the instructions each build executes, counted
once per build by valgrind's callgrind (`studyguide.bench.instructions`), on the same model
and budget: a measure the machine's load does not move, at 50-100 times the time a build
takes (two builds are counted at once, one a core). With `--cache MIB` as well, callgrind
also simulates the caches, with a last-level cache of MIB MiB, and the branch predictor,
and the table adds the cycles the instructions, misses and mispredictions are estimated to
cost.

Every build is `python -m mkdocs build` in a fresh process, timed from start to exit (the
wait a contributor has: interpreter, imports, config, build), so no run inherits another's
imports or caches; ratios use the process's CPU time, which a busy machine disturbs less.
The hooks and the package are byte-compiled first (and the figure patterns' compiled form
kept, `studyguide.pattern_cache`), as pip compiled MkDocs and Material and as `make site`
does: with PYTHONDONTWRITEBYTECODE set, every build would otherwise compile them from
source and the bench would time the compiler.
Nothing is asserted on timings: this reports; `--profile` shows where a hooks build spends
its time.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import pstats
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import yaml

from studyguide.bench import instructions
from studyguide.bench.config_text import read_hooks, set_top_level
from studyguide.bench.report import PLAIN_AGAIN, Variant, report_real, report_scale, report_weight
from studyguide.bench.runs import count_site, run_build, run_rounds
from studyguide.bench.synthetic import (
    expand_docs,
    refs_per_page,
    synthetic_nav,
    write_synthetic_docs,
)
from studyguide.claims import load_registry
from studyguide.pattern_cache import main as write_pattern_cache
from studyguide.result_cache import ENV

ROOT = Path(__file__).resolve().parent.parent

CLAIMS = 2_000
REFS_PER_PAGE = 8
# The study-sheet hook needs the guide's own pages (it adds one page whatever the site's
# size), so it is measured in the real-site ratio only; every other hook runs on synthetic sites.
REAL_SITE_ONLY_HOOKS = ("hooks/study_sheet.py",)


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


def cold_and_warm(hooks: Variant, tmp: Path) -> list[Variant]:
    """The hooks build twice over: with no cache (`STUDYGUIDE_CACHE=off`: a first build, as
    on CI) and with the cache of `studyguide.result_cache` kept between its runs (every
    later build, as a contributor rebuilds), in a folder of its own under `tmp`."""
    cold = replace(
        hooks,
        name="hooks, no cache",
        site=tmp / f"{hooks.site.name}-cold",
        env={ENV: "off"},
        seconds=[],
        wall=[],
    )
    warm = replace(
        hooks,
        name="hooks, cache kept",
        env={ENV: str(tmp / f"cache-{hooks.site.name}")},
        seconds=[],
        wall=[],
    )
    return [cold, warm]


def one_page_site(tmp: Path, label: str) -> Variant:
    """Plain Material with the project's theme, config and assets and a single page: its
    time is the fixed cost of a build, which the cost model does not charge per page."""
    project = tmp / f"base-{label}"
    docs = project / "docs"
    shutil.copytree(ROOT / "docs/assets", docs / "assets")
    (docs / "index.md").write_text("# Home\n\nOne page, to time what every build pays.\n")
    text = base_config(None, docs, strict=False)
    text = set_top_level(text, "nav", yaml.safe_dump({"nav": [{"Home": "index.md"}]}))
    cfg = project / "mkdocs.yml"
    cfg.write_text(text, "utf-8")
    return Variant("base (1 page)", cfg, project, tmp / f"site-base-{label}")


def real_site(tmp: Path) -> list[Variant]:
    """The real site with hooks (the project's own mkdocs.yml, strict) and plain Material
    on a copy of docs/ whose claim syntax is pre-expanded (not strict: the ledger and the
    generated pages it links to exist only with the hooks)."""
    hooks = cold_and_warm(Variant("hooks", ROOT / "mkdocs.yml", ROOT, tmp / "site-hooks"), tmp)
    plain_dir = tmp / "plain"
    copy_docs(plain_dir / "docs")
    registry, problems = load_registry((ROOT / "docs/claims.yml").read_text(encoding="utf-8"))
    if problems:
        raise SystemExit("docs/claims.yml has problems; run `make site` first")
    expand_docs(plain_dir / "docs", registry)
    cfg = plain_dir / "mkdocs.yml"
    cfg.write_text(base_config(None, plain_dir / "docs", strict=False), "utf-8")
    plain = Variant("plain", cfg, plain_dir, tmp / "site-plain")
    return [*hooks, plain, again(plain), one_page_site(tmp, "real")]


def again(plain: Variant) -> Variant:
    """Plain Material's build timed a second time, as a build of its own (`PLAIN_AGAIN`):
    the noise control beside every ratio."""
    site = plain.site.with_name(plain.site.name + "-again")
    return replace(plain, name=PLAIN_AGAIN, site=site, seconds=[], wall=[])


def synthetic(tmp: Path, pages: int, claims: int, refs: int) -> list[Variant]:
    """A synthetic site of `pages` pages built three ways (hooks, plain, macros; plain twice,
    the second time as the noise control), and the one-page base build the cost model needs."""
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
        variant = Variant(name, cfg, project, tmp / f"site-syn{pages}-{name}")
        if name == "hooks":
            variants += cold_and_warm(variant, tmp)
        elif name == "plain":
            variants += [variant, again(variant)]
        else:
            variants.append(variant)
    return [*variants, one_page_site(tmp, f"syn{pages}")]


def shown(sizes: list[int], refs: int) -> str:
    """One sentence: what each synthetic page shows at each size."""
    parts = []
    for size in sizes:
        figures, scripts = refs_per_page(size, CLAIMS, refs)
        lines = "script line" if scripts == 1 else "script lines"
        parts.append(f"{size} pages: {figures} figures + {scripts} {lines} each")
    return f"Per page at least {refs} figures and one script line: " + "; ".join(parts) + "."


# --- Profile and command line ---------------------------------------------------------------


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
    stats.print_stats(r"hooks/|studyguide/|mkdocs/commands/build|material/|<module>", top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen measurements, printing Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per build of the real site")
    parser.add_argument("--scale-runs", type=int, default=7, help="runs per synthetic build")
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
    parser.add_argument(
        "--instructions",
        metavar="SIZES",
        help="instead of timing, count the instructions each build executes (valgrind's "
        "callgrind, one count per build, some 50-100 times slower): the real site and the "
        "synthetic sites of these sizes ('' for the real site alone)",
    )
    parser.add_argument(
        "--cache",
        type=int,
        metavar="MIB",
        help="with --instructions: simulate the caches (the last level MIB MiB) and the "
        "branch predictor too, and estimate the cycles (about twice as slow again)",
    )
    parser.add_argument(
        "--raw",
        metavar="FILE",
        help="also write every timed run (JSON: site, build, round, "
        "place in the round, start, CPU and wall seconds)",
    )
    args = parser.parse_args(argv)
    for folder in ("hooks", "studyguide"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    write_pattern_cache()  # `make bytecode`'s other half: the figure patterns, compiled

    with tempfile.TemporaryDirectory(prefix="guide-bench-") as name:
        tmp = Path(name)
        if args.profile is not None:
            print(profile_hooks(tmp, 40, args.profile, args.refs))
            return 0
        if args.instructions is not None:
            counted = [count_site("real", real_site(tmp), args.cache)]
            for size in [int(s) for s in args.instructions.split(",") if s.strip()]:
                variants = synthetic(tmp, size, CLAIMS, args.refs)
                counted.append(count_site(str(size), variants, args.cache))
            print(instructions.report(counted, args.cache))
            return 0
        sections = []
        real = real_site(tmp)
        raw = run_rounds(real, args.runs, "real site")
        sections.append(report_real(real, args.runs))
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        results: dict[int, list[Variant]] = {}
        for size in sizes:
            variants = synthetic(tmp, size, CLAIMS, args.refs)
            raw += run_rounds(variants, args.scale_runs, f"{size} pages")
            results[size] = variants
        if results:
            sections.append(report_scale(results, args.scale_runs, shown(sizes, args.refs), CLAIMS))
        vendored = [p.read_bytes() for p in (ROOT / "docs/assets/vendor").glob("*.min.js")]
        sections.append(report_weight(real[0].site, vendored))
        print("\n\n".join(sections))
        if args.raw:
            Path(args.raw).write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
