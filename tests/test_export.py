"""Tests of scripts/export_flashcards.py: the Anki package's SQLite and the CSV."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import genanki
import pytest

from scripts import export_flashcards as ex
from tests.conftest import ROOT

pytestmark = pytest.mark.integration


def read_apkg(path: Path, tmp: Path) -> tuple[list[tuple[str, list[str]]], int, dict]:
    """(guid, fields) of every note, the number of cards, and the decks table."""
    with zipfile.ZipFile(path) as z:
        z.extract("collection.anki2", tmp)
    db = sqlite3.connect(tmp / "collection.anki2")
    try:
        notes = [(g, f.split("\x1f")) for g, f in db.execute("SELECT guid, flds FROM notes")]
        (cards,) = db.execute("SELECT count(*) FROM cards").fetchone()
        (decks,) = db.execute("SELECT decks FROM col").fetchone()
    finally:
        db.close()
    return notes, cards, json.loads(decks)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two independent exports of the guide as it is."""
    outs = []
    for n in range(2):
        out = tmp_path_factory.mktemp(f"export{n}")
        assert ex.export(ROOT / "mkdocs.yml", out) == []
        outs.append(out)
    return outs


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    """Card id -> deck, from the same functions the site uses."""
    cards, problems, *_ = ex.load_cards(ROOT / "mkdocs.yml")
    assert problems == []
    return {c.card.id: c.card.deck for c in cards}


def test_apkg_has_one_note_and_card_per_flashcard(exports, expected, tmp_path) -> None:
    notes, cards, decks = read_apkg(exports[0] / "flashcards.apkg", tmp_path)
    assert len(notes) == cards == len(expected)
    assert {fields[2] for _, fields in notes} == set(expected)
    for guid, (front, back, cid) in notes:
        assert guid == genanki.guid_for(cid)
        assert front.strip() and back.strip()
        assert ":claim[" not in front + back
    names = {d["name"]: int(i) for i, d in decks.items()}
    for deck in set(expected.values()):
        name = f"W&B PM System Design::{deck}"
        assert names[name] == ex.deck_id(name)


def test_apkg_guids_stable_across_exports(exports, tmp_path) -> None:
    first, _, _ = read_apkg(exports[0] / "flashcards.apkg", tmp_path / "a")
    second, _, _ = read_apkg(exports[1] / "flashcards.apkg", tmp_path / "b")
    assert {f[2]: g for g, f in first} == {f[2]: g for g, f in second}
    assert sorted(first) == sorted(second)


def test_csv_rows_are_plain_text_cards(exports, expected) -> None:
    with (exports[0] / "flashcards.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["front", "back", "deck", "id"]
    body = rows[1:]
    assert {r[3]: r[2] for r in body} == expected
    assert len(body) == len(expected)
    for front, back, _, cid in body:
        assert front and back, cid
        for text in (front, back):
            assert "<" not in text and ":claim[" not in text and "**" not in text, cid
    by_id = {r[3]: r for r in body}
    figure = next(c for c, d in expected.items() if d == "Figures" and c.startswith("claim-"))
    assert "Reported by" in by_id[figure][1] or "Example figure" in by_id[figure][1]


def test_cli_writes_both_files(tmp_path) -> None:
    script = ROOT / "scripts/export_flashcards.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "flashcards.apkg").stat().st_size > 0
    assert (tmp_path / "flashcards.csv").stat().st_size > 0


def test_cli_fails_and_writes_nothing_on_a_card_problem(tmp_path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ["mkdocs.yml", "docs", "hooks", "studyguide", "overrides"]:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, project / name)
    page = project / "docs/faq.md"
    page.write_text(page.read_text("utf-8") + '\n??? question "Twice?"\n    A.\n' * 2, "utf-8")
    out = tmp_path / "out"
    code = ex.main(["--config", str(project / "mkdocs.yml"), "--out", str(out)])
    assert code == 1
    assert not out.exists()
