"""Integration tests of the flashcards hook: real strict builds of the guide in temp folders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide.scan import find_unsourced
from tests.conftest import ROOT, copy_project, mkdocs_build

pytestmark = pytest.mark.integration


def project_copy(tmp_path: Path) -> Path:
    """A copy of the guide's sources that a test may edit."""
    project = copy_project(tmp_path / "project")
    return project


def cards_of(site: Path) -> dict[str, dict[str, str]]:
    """Every card in a built site: id -> deck slug, question text and answer text."""
    out: dict[str, dict[str, str]] = {}
    for page in sorted((site / "flashcards").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for el in soup.select("[data-card-id]"):
            assert el["data-card-id"] not in out, f"id {el['data-card-id']} on two cards"
            out[el["data-card-id"]] = {
                "deck": page.parent.name,
                "front": el.select_one(".fc-front").get_text(" ", strip=True),
                "back": el.select_one(".fc-back").get_text(" ", strip=True),
            }
    return out


def build(project: Path, tmp_path: Path, name: str = "site"):
    out = tmp_path / name
    return mkdocs_build(project, out), out


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second, independent strict build of the guide as it is."""
    out = tmp_path_factory.mktemp("fc") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def test_decks_have_enough_cards_with_both_sides(fresh_site: Path) -> None:
    cards = cards_of(fresh_site)
    decks = {c["deck"] for c in cards.values()}
    assert len(cards) >= 40, len(cards)
    assert len(decks) >= 4, decks
    assert {"figures", "scripts", "faq", "mistakes"} <= decks
    for cid, card in cards.items():
        assert re.fullmatch(r"[a-z0-9-]+", cid)
        assert card["front"].startswith("Question ") and len(card["front"]) > len("Question ")
        assert card["back"].startswith("Answer ") and len(card["back"]) > len("Answer ")
        assert ":claim[" not in card["front"] + card["back"], cid


def test_index_lists_every_deck_with_its_count_and_downloads(fresh_site: Path) -> None:
    cards = cards_of(fresh_site)
    soup = BeautifulSoup((fresh_site / "flashcards/index.html").read_text("utf-8"), "html.parser")
    rows = soup.select("[data-fc-deck-row]")
    assert {r["data-fc-deck-row"] for r in rows} == {c["deck"] for c in cards.values()}
    for row in rows:
        ids = row["data-fc-ids"].split()
        assert {cards[i]["deck"] for i in ids} == {row["data-fc-deck-row"]}
        assert row.select("td")[1].get_text() == str(len(ids))
        assert row.select_one("a")["href"] == f"{row['data-fc-deck-row']}/"
        assert row.select_one("[data-fc-due]") and row.select_one("[data-fc-new]")
    hrefs = {a["href"] for a in soup.select("article a[download]")}
    assert hrefs == {"../downloads/flashcards.apkg", "../downloads/flashcards.csv"}
    nav = {a.get("href") for a in soup.select("nav.md-nav a")}
    assert {f"{r['data-fc-deck-row']}/" for r in rows} <= nav


def test_search_finds_the_flashcards_page_but_no_deck(fresh_site: Path) -> None:
    """A deck is one search entry whose hit opens the deck at its first card: decks stay out of the
    index, the flashcards page (how to reach them) and the pages cards come from stay in."""
    index = json.loads((fresh_site / "search/search_index.json").read_text("utf-8"))
    places = {doc["location"].split("#")[0] for doc in index["docs"]}
    decks = {f"flashcards/{c['deck']}/" for c in cards_of(fresh_site).values()}
    assert "flashcards/" in places and "faq/" in places
    assert not decks & places, sorted(decks & places)


def test_ids_and_text_identical_across_two_builds(site_dir: Path, fresh_site: Path) -> None:
    assert cards_of(site_dir) == cards_of(fresh_site)


def test_pages_are_generated_never_written_to_docs(fresh_site: Path) -> None:
    assert (fresh_site / "flashcards/figures/index.html").is_file()
    assert not (ROOT / "docs/flashcards").exists()


def test_every_figure_on_a_card_comes_from_claims(fresh_site: Path) -> None:
    for page in (fresh_site / "flashcards").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        cards = soup.select("[data-card-id]")
        assert cards
        for el in cards:
            sourced = el.select("a.claim, figure.script, span.literal")
            for node in sourced:
                node.decompose()
            text = el.get_text(" ", strip=True)
            figures = [p for p in find_unsourced(text, page.as_posix()) if "figure" in p.message]
            assert figures == [], (el["data-card-id"], text)


def test_ids_stable_after_inserting_an_unrelated_card(fresh_site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/faq.md"
    text = page.read_text("utf-8")
    first = re.search(r"^## .*\?$", text, re.M)
    assert first, "the FAQ has no question heading"
    inserted = "## Is this a question added by a test?\n\nYes, and it moves the others down.\n\n"
    page.write_text(text[: first.start()] + inserted + text[first.start() :], "utf-8")
    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stderr
    before, after = cards_of(fresh_site), cards_of(site)
    assert set(after) - set(before) == {"faq-is-this-a-question-added-by-a-test"}
    assert {k: after[k] for k in before} == before


def test_duplicate_card_id_fails_the_build_at_the_second_card(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs/interview.md"
    text = page.read_text("utf-8").rstrip("\n")
    block = '\n\n??? question "Asked twice by a test?"\n    Yes.\n'
    page.write_text(text + block + block, "utf-8")
    line = text.count("\n") + 1 + 6
    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    assert f'docs/interview.md:{line}:1: duplicate card id "interview-asked-twice-by-a-test"' in (
        result.stderr
    )


def test_unsourced_figure_in_a_prompt_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    claims = project / "docs/claims.yml"
    text = claims.read_text("utf-8")
    match = re.search(r"^    prompt: (.+)$", text, re.M)
    assert match
    # The deck page's output check places the figure at its own line and column in the
    # prompt, where the contributor typed it.
    line = text[: match.end()].count("\n") + 1
    col = match.end() - text.rfind("\n", 0, match.end()) + len(" (in ")
    claims.write_text(text[: match.end()] + " (in 7 regions)" + text[match.end() :], "utf-8")
    result, _ = build(project, tmp_path)
    assert result.returncode != 0
    pattern = rf"docs/claims\.yml:{line}:{col}: unsourced figure \"7 regions\""
    assert re.search(pattern, result.stderr), result.stderr


def test_a_card_that_draws_a_rule_renders_its_deck_in_full(
    fresh_site: Path, tmp_path: Path
) -> None:
    # Deck pages are rendered as card Markdown between rules, then framed
    # (studyguide.deck_slots); a card that draws a rule of its own makes the hook render its
    # deck page the slow way, and the page is whole.
    project = copy_project(tmp_path / "project")
    page = project / "docs/interview.md"
    text = page.read_text("utf-8").rstrip("\n")
    block = '\n\n??? question "Does a rule split this answer?"\n'
    block += "    Above it.\n\n    ***\n\n    Below.\n"
    page.write_text(text + block, "utf-8")
    result, site = build(project, tmp_path)
    assert result.returncode == 0, result.stderr
    before, after = cards_of(fresh_site), cards_of(site)
    added = after.pop("interview-does-a-rule-split-this-answer")
    assert added["front"] == "Question Does a rule split this answer?"
    assert added["back"] == "Answer Above it. Below."
    assert after == before
    deck = (site / "flashcards" / added["deck"] / "index.html").read_text("utf-8")
    assert deck.count("<hr />") == 1
    assert (
        deck.count('class="fc-card"')
        == sum(c["deck"] == added["deck"] for c in before.values()) + 1
    )
