"""The W&B product map (docs/products/): every product fact traceable to W&B's or CoreWeave's docs.

Rules held here, each a small pure function with a test proving it can fail:
- every link to W&B's or CoreWeave's documentation anywhere in docs/ is a source in
  docs/claims.yml (so the ledger lists it with the day it was read and `make freshness`
  watches it), and every documentation source is linked from some page or backs a claim;
- every product page says when it was documented, covers the design questions, the
  Three-Layer Lens and likely prompts, has 4-6 question cards and more than 400 words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from studyguide.claims import load_registry
from studyguide.page_text import read_front_matter as split_front_matter
from tests.conftest import word_count

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PRODUCTS = DOCS / "products"
DOC_HOSTS = ("docs.wandb.ai", "docs.coreweave.com", "weave-docs.wandb.ai")
DOC_SOURCE_PREFIXES = ("wandb-docs-", "weave-docs-", "coreweave-docs-")
READ_ON = "As documented on 2026-12-01"
SECTIONS = ("## System-design questions", "## The Three-Layer Lens applied", "## Likely prompts")
CARDS = (4, 6)
MIN_WORDS = 400

_LINK_RE = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")
_CARD_RE = re.compile(r'^\?\?\?\+? question "', re.M)


def doc_links(text: str) -> list[str]:
    """Links in Markdown text that point at W&B's or CoreWeave's documentation sites."""
    urls = [m.group(1) or m.group(2) for m in _LINK_RE.finditer(text)]
    return [u for u in urls if urlsplit(u).hostname in DOC_HOSTS]


def undeclared_doc_links(pages: Mapping[str, str], source_urls: Iterable[str]) -> list[str]:
    """`page: url` for each documentation link that no source in claims.yml records."""
    known = set(source_urls)
    return [
        f"{page}: {url}"
        for page, text in pages.items()
        for url in doc_links(text)
        if url not in known
    ]


def unlinked_doc_sources(
    sources: Mapping[str, str], pages: Mapping[str, str], cited: Iterable[str] = ()
) -> list[str]:
    """Documentation sources (id -> url) that no page links to and no claim cites."""
    linked = {url for text in pages.values() for url in doc_links(text)}
    used = set(cited)
    return sorted(sid for sid, url in sources.items() if url not in linked and sid not in used)


def product_page_problems(page: str, text: str) -> list[str]:
    """What a product page lacks: the reading date, a section, its cards or its length."""
    meta, body = split_front_matter(text)
    problems = [f"{page}: no `{s}` section" for s in SECTIONS if s not in body]
    if READ_ON not in body:
        problems.append(f'{page}: does not say "{READ_ON}"')
    cards = len(_CARD_RE.findall(body))
    if not CARDS[0] <= cards <= CARDS[1]:
        problems.append(f"{page}: {cards} question cards; {CARDS[0]}-{CARDS[1]} are needed")
    if (words := word_count(body)) <= MIN_WORDS:
        problems.append(f"{page}: {words} words; more than {MIN_WORDS} are needed")
    if not meta.get("deck"):
        problems.append(f"{page}: no `deck:` in front matter")
    return problems


def _pages(folder: Path = DOCS) -> dict[str, str]:
    return {
        p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.md"))
    }


def _cited_sources() -> set[str]:
    registry, _ = load_registry((DOCS / "claims.yml").read_text(encoding="utf-8"))
    return {claim.source for claim in registry.claims.values()}


def _doc_sources() -> dict[str, str]:
    registry, problems = load_registry((DOCS / "claims.yml").read_text(encoding="utf-8"))
    assert not problems
    return {
        s.id: s.url or "" for s in registry.sources.values() if s.id.startswith(DOC_SOURCE_PREFIXES)
    }


# --- The rules on the real content ---------------------------------------------------------


def test_every_documentation_link_is_a_recorded_source() -> None:
    assert not undeclared_doc_links(_pages(), _doc_sources().values())


def test_every_documentation_source_is_linked_from_a_page_or_backs_a_claim() -> None:
    sources = _doc_sources()
    assert len(sources) >= 10, "the product map cites W&B's and CoreWeave's docs"
    assert not unlinked_doc_sources(sources, _pages(), _cited_sources())


def test_every_documentation_source_has_a_url_on_a_documentation_site() -> None:
    wrong = {
        sid: url for sid, url in _doc_sources().items() if urlsplit(url).hostname not in DOC_HOSTS
    }
    assert not wrong


def test_product_pages_cover_the_questions_the_lens_and_prompts() -> None:
    pages = _pages(PRODUCTS)
    assert len(pages) >= 6
    problems = [
        p
        for page, text in pages.items()
        if page != "products/index.md"
        for p in product_page_problems(page, text)
    ]
    assert not problems


def test_every_product_page_links_its_facts_to_the_docs() -> None:
    bare = [page for page, text in _pages(PRODUCTS).items() if len(doc_links(text)) < 2]
    assert not bare, f"product pages with fewer than two documentation links: {bare}"


# --- Adversarial: each rule can fail -------------------------------------------------------


def test_an_undeclared_documentation_link_is_reported() -> None:
    pages = {
        "a.md": "[x](https://docs.wandb.ai/new) [y](https://example.org/) "
        "<https://docs.coreweave.com/known>"
    }
    assert undeclared_doc_links(pages, ["https://docs.coreweave.com/known"]) == [
        "a.md: https://docs.wandb.ai/new"
    ]


def test_a_source_no_page_links_is_reported() -> None:
    sources = {"wandb-docs-a": "https://docs.wandb.ai/a", "wandb-docs-b": "https://docs.wandb.ai/b"}
    assert unlinked_doc_sources(sources, {"p.md": "[a](https://docs.wandb.ai/a)"}) == [
        "wandb-docs-b"
    ]
    assert unlinked_doc_sources(sources, {}, cited=["wandb-docs-a"]) == ["wandb-docs-b"]


def test_a_thin_product_page_is_reported() -> None:
    text = '---\ndescription: d\n---\n# T\n\n??? question "Q?"\n    A.\n'
    problems = product_page_problems("products/x.md", text)
    assert len(problems) == len(SECTIONS) + 4  # sections, date, cards, words, deck


def test_the_copy_check_also_knows_the_documentation_read() -> None:
    """tests/test_content.py checks every page against every fingerprint; the docs are there."""
    docs_prints = sorted((ROOT / "tests" / "fingerprints").glob("docs-*.txt"))
    assert docs_prints, "no fingerprint of the W&B/CoreWeave docs read for the product map"
