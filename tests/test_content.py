"""Checks on the guide's written content: originality, navigation, metadata, claims and size.

The pages under docs/ are the product, so these tests hold them to the content issue's rules:
no run of ten or more words shared with the source article, every page in the nav, a distinct
meta description per page, every reported fact shown somewhere, and enough substance. Each
check is a small pure function so the adversarial tests below can prove it is able to fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from scripts.fingerprint_sources import stale_files
from studyguide import grammar
from studyguide.claims import load_registry
from studyguide.copycheck import (
    RUN_LENGTH,
    fingerprint,
    format_fingerprint,
    load_fingerprints,
    shared_runs,
)
from studyguide.page_text import read_front_matter as split_front_matter
from tests.conftest import word_count

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDES = DOCS / "includes"
SOURCE_DIR = ROOT.parent / "shared" / "source"
FINGERPRINTS = ROOT / "tests" / "fingerprints"
MIN_TOTAL_WORDS = 6000
MIN_PAGE_WORDS = 300
MIN_SUBSTANTIAL_PAGES = 8


# --- Pure helpers --------------------------------------------------------------------------


def nav_pages(nav: object) -> set[str]:
    """Every Markdown path named anywhere in an MkDocs `nav` structure."""
    found: set[str] = set()
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_pages(value)
    return found


def missing_from_nav(pages: Iterable[str], nav: object) -> list[str]:
    """The pages (paths relative to docs/) that the nav does not list."""
    listed = nav_pages(nav)
    return sorted(p for p in pages if p not in listed)


def description_problems(descriptions: Mapping[str, object]) -> list[str]:
    """Pages whose description is missing or empty, and pages that share one."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for page, desc in sorted(descriptions.items()):
        text = " ".join(str(desc).split()) if desc else ""
        if not text:
            problems.append(f"{page}: no description in front matter")
        elif text.lower() in seen:
            problems.append(f"{page}: same description as {seen[text.lower()]}")
        else:
            seen[text.lower()] = page
    return problems


def claims_shown(pages: Iterable[str]) -> set[str]:
    """Ids written inline as :claim[ID] in the given page texts."""
    return {claim_id for text in pages for claim_id in grammar.claim_ids(text)}


def size_problems(counts: Mapping[str, int]) -> list[str]:
    """Why a set of page word counts falls short of the guide's size requirement, if it does."""
    problems: list[str] = []
    total = sum(counts.values())
    if total <= MIN_TOTAL_WORDS:
        problems.append(f"the guide has {total} words; it needs more than {MIN_TOTAL_WORDS}")
    big = [p for p, n in counts.items() if n >= MIN_PAGE_WORDS]
    if len(big) < MIN_SUBSTANTIAL_PAGES:
        problems.append(
            f"only {len(big)} pages have {MIN_PAGE_WORDS}+ words; "
            f"{MIN_SUBSTANTIAL_PAGES} are needed: {sorted(counts.items())}"
        )
    return problems


class _IgnoreTagsLoader(yaml.SafeLoader):
    """A safe YAML loader that reads mkdocs.yml's `!!python/...` and `!ENV` tags as None."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda lo, su, no: None)


# --- Fixtures over the real content --------------------------------------------------------


def _pages() -> dict[str, str]:
    return {
        p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(DOCS.rglob("*.md"))
        if INCLUDES not in p.parents
    }


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Every page under docs/ (includes excluded), by path relative to docs/."""
    found = _pages()
    assert found, "no pages under docs/"
    return found


@pytest.fixture(scope="module")
def article() -> frozenset[str]:
    """The committed fingerprints of every source the guide is written from, as one set.

    The sources themselves are not in the repository (a clone has no `../shared`); their
    ten-word shingle hashes are, in tests/fingerprints/ (studyguide/copycheck.py).
    """
    prints = load_fingerprints(FINGERPRINTS)
    assert prints, f"no fingerprint in {FINGERPRINTS}: run `make fingerprints` beside the sources"
    return frozenset().union(*prints.values())


@pytest.fixture(scope="module")
def registry():
    """The claims registry, loaded with the package's own loader."""
    reg, problems = load_registry((DOCS / "claims.yml").read_text(encoding="utf-8"))
    assert not problems, [str(p) for p in problems]
    return reg


# --- The checks on the real content --------------------------------------------------------


def test_no_ten_word_run_copied_from_the_article(
    pages: dict[str, str], article: frozenset[str]
) -> None:
    copied = {page: runs for page, text in pages.items() if (runs := shared_runs(text, article))}
    assert not copied, f"runs of {RUN_LENGTH}+ words shared with the article: {copied}"


def test_no_ten_word_run_copied_into_claims_or_glossary(article: frozenset[str], registry) -> None:
    texts = {f"claim {cid}": registry.text(cid) for cid in registry.claims}
    texts["glossary"] = (INCLUDES / "abbreviations.md").read_text(encoding="utf-8")
    copied = {name: runs for name, text in texts.items() if (runs := shared_runs(text, article))}
    assert not copied, f"runs of {RUN_LENGTH}+ words shared with the article: {copied}"


def test_every_page_is_in_the_nav(pages: dict[str, str]) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _IgnoreTagsLoader)
    assert not missing_from_nav(pages, config.get("nav")), "pages missing from nav"


def test_every_page_has_a_distinct_description(pages: dict[str, str]) -> None:
    descriptions = {
        page: split_front_matter(text)[0].get("description") for page, text in pages.items()
    }
    assert not description_problems(descriptions)


def test_every_fact_claim_is_shown_on_a_page(pages: dict[str, str], registry) -> None:
    facts = {cid for cid, claim in registry.claims.items() if claim.kind == "fact"}
    assert facts, "the registry holds no facts"
    missing = sorted(facts - claims_shown(pages.values()))
    assert not missing, f"fact claims shown on no page: {missing}"


def test_guide_is_long_enough(pages: dict[str, str]) -> None:
    counts = {page: word_count(split_front_matter(text)[1]) for page, text in pages.items()}
    assert not size_problems(counts)


def test_every_page_includes_the_glossary(pages: dict[str, str]) -> None:
    missing = [p for p, text in pages.items() if '--8<-- "abbreviations.md"' not in text]
    assert not missing, (
        f'pages without the abbreviation glossary: {missing}; add --8<-- "abbreviations.md" '
        "as the last line so terms such as SLA and p95 explain themselves on hover"
    )


def built_html(page: str) -> str:
    """Where MkDocs (with directory URLs) writes the HTML for a page under docs/."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


_HREF_RE = re.compile(r'\b(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"')


def broken_links(site_dir: Path, html_files: Iterable[Path]) -> list[str]:
    """Relative or root-relative links in the given built pages that point at no file."""
    broken: list[str] = []
    for html in html_files:
        for m in _HREF_RE.finditer(html.read_text(encoding="utf-8")):
            target = m.group(1)
            if not target or urlsplit(target).scheme or target.startswith(("//", "mailto:")):
                continue
            base = site_dir if target.startswith("/") else html.parent
            path = (base / unquote(target.lstrip("/"))).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{html.relative_to(site_dir)} -> {target}")
    return broken


@pytest.mark.integration
def test_internal_links_in_built_pages_resolve(site_dir: Path, pages: dict[str, str]) -> None:
    built = [site_dir / built_html(page) for page in pages]
    unbuilt = [str(p) for p in built if not p.is_file()]
    assert not unbuilt, f"pages not built: {unbuilt}"
    broken = broken_links(site_dir, built)
    assert not broken, f"internal links that resolve to nothing: {broken[:20]}"


# --- Adversarial tests: each check can fail --------------------------------------------------


ARTICLE_SAMPLE = (
    "The panel expects a concise, impact‑driven architecture narrative, not a catalog of "
    "every microservice you can think of."
)


def test_copy_check_finds_a_planted_ten_word_run() -> None:
    planted = "In short, the panel expects a concise, impact-driven architecture narrative, not a"
    runs = shared_runs(planted, fingerprint(ARTICLE_SAMPLE))
    assert runs == [
        "the panel expects a concise impact driven architecture narrative not",
        "panel expects a concise impact driven architecture narrative not a",
    ]


def test_copy_check_sees_through_case_quotes_and_dashes() -> None:
    planted = "THE PANEL “expects” a concise — impact–driven architecture narrative, NOT a catalog"
    assert shared_runs(planted, fingerprint(ARTICLE_SAMPLE))


def test_copy_check_allows_a_nine_word_run() -> None:
    nine = "We think the panel expects a concise, impact-driven architecture story."
    assert shared_runs(nine, fingerprint(ARTICLE_SAMPLE)) == []


def test_committed_fingerprint_catches_a_run_of_the_real_article() -> None:
    """The sample above is the article's own wording: the committed fingerprint must know it."""
    prints = load_fingerprints(FINGERPRINTS)
    assert any(shared_runs(ARTICLE_SAMPLE, p) for p in prints.values())


def test_fingerprint_cannot_be_read_as_text() -> None:
    """The committed file holds hashes only: no word of the article appears in it."""
    for path in FINGERPRINTS.glob("*.txt"):
        body = path.read_text(encoding="utf-8").splitlines()[1:]
        assert body and all(re.fullmatch(r"[0-9a-f]{16}", line) for line in body)


def test_fingerprint_with_another_header_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "old.txt"
    bad.write_text("# copycheck v0 run=8\n0008c4387f3520a1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"old\.txt:1: expected the header"):
        load_fingerprints(tmp_path)


def test_fingerprint_with_a_malformed_line_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(format_fingerprint(["0" * 16]) + "words\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.txt:3: 'words' is not 16 hex digits"):
        load_fingerprints(tmp_path)


def test_stale_fingerprint_is_reported(tmp_path: Path) -> None:
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    (source / "a.md").write_text(ARTICLE_SAMPLE, encoding="utf-8")
    assert stale_files(source, out) == ["a.txt"]
    (out / "a.txt").write_text(format_fingerprint(fingerprint(ARTICLE_SAMPLE)), encoding="utf-8")
    assert stale_files(source, out) == []
    (source / "a.md").write_text(ARTICLE_SAMPLE + " And one more sentence.", encoding="utf-8")
    assert stale_files(source, out) == ["a.txt"]


@pytest.mark.skipif(
    not SOURCE_DIR.is_dir(), reason="the sources are not beside this clone: nothing to compare"
)
def test_committed_fingerprints_match_the_sources() -> None:
    """Where the sources are present (the maintainers' machines, CI here), none is stale."""
    assert stale_files(SOURCE_DIR, FINGERPRINTS) == [], "run `make fingerprints` and commit"


def test_nav_check_reports_a_page_left_out() -> None:
    nav = [{"Home": "index.md"}, {"Section": ["a/index.md", {"B": "a/b.md"}]}]
    assert missing_from_nav(["index.md", "a/b.md", "a/orphan.md"], nav) == ["a/orphan.md"]


def test_description_check_reports_missing_and_duplicated() -> None:
    problems = description_problems(
        {"a.md": "Same words here.", "b.md": "same  words here.", "c.md": "", "d.md": None}
    )
    assert len(problems) == 3
    assert any("b.md" in p and "a.md" in p for p in problems)


def test_fact_usage_ignores_scripts_and_unknown_syntax() -> None:
    shown = claims_shown(["::script[s1] and :claim[f1] and :claim[ f2 ] and claim[f3]"])
    assert shown == {"f1", "f2"}


def test_size_check_reports_a_thin_guide() -> None:
    thin = {f"p{i}.md": 400 for i in range(7)}
    problems = size_problems(thin)
    assert len(problems) == 2


def test_front_matter_split_reads_description() -> None:
    meta, body = split_front_matter("---\ndescription: >-\n  Hello\n  there\n---\n# T\n")
    assert meta["description"] == "Hello there"
    assert body == "# T\n"
    assert split_front_matter("# No front matter\n") == ({}, "# No front matter\n")


def test_link_check_reports_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../">up</a><a href="../b/">gone</a><a href="https://x.org/">ext</a>'
        '<a href="#top">anchor</a><img src="/missing.png">',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    found = broken_links(tmp_path, [tmp_path / "a" / "index.html"])
    assert found == ["a/index.html -> ../b/", "a/index.html -> /missing.png"]


def test_built_html_paths() -> None:
    assert built_html("index.md") == "index.html"
    assert built_html("frameworks/index.md") == "frameworks/index.html"
    assert built_html("faq.md") == "faq/index.html"


def test_word_count_skips_snippets_and_counts_claims_once() -> None:
    body = 'One :claim[rounds-count] two\n\n--8<-- "abbreviations.md"\n'
    assert word_count(body) == 3
