"""Export the flashcards as an Anki package and a CSV file, for `make downloads`.

The cards come from the same functions as the site's flashcard pages (load the claims,
read the pages MkDocs would build, extract, expand), so the downloads always match the decks
on the site. It reads docs/ directly, because it runs after the HTML build.

- `flashcards.apkg` (genanki): one note model and one subdeck per deck, named
  "W&B PM System Design::<Deck>", with fixed ids; each note's GUID is
  `genanki.guid_for(card id)`, so importing a newer file updates notes instead of adding
  duplicates.
- `flashcards.csv`: columns front, back, deck, id, as plain text, for Quizlet and others.

Usage: `python scripts/export_flashcards.py [--out site/downloads] [--config mkdocs.yml]`.
Exits 1, printing `path:line:col: message` lines, when a card has a problem.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import genanki
import markdown
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig

from studyguide.card_expand import ExpandedCard, expand_cards
from studyguide.cards import collect_cards
from studyguide.claims import load_registry
from studyguide.links import absolute_links
from studyguide.locate import SourceFile
from studyguide.output_build import dedupe
from studyguide.output_check import OutputCheck
from studyguide.output_text import DOWNLOAD, marked_texts
from studyguide.problems import Problem, format_report

ROOT = Path(__file__).resolve().parent.parent

PARENT_DECK = "W&B PM System Design"
# Fixed for good: changing either makes Anki treat every note or deck as new.
MODEL_ID = 1_607_392_319
DECK_ID_BASE = 1_384_000_000_000
BLOCKS = ["p", "li", "dt", "dd", "tr", "pre", "blockquote", "h1", "h2", "h3", "h4", "div"]
MODEL_CSS = """.card { font-family: sans-serif; font-size: 18px; line-height: 1.4; }
.claim__kind { font-size: 0.7em; margin-left: 0.3em; padding: 0 0.3em; border: 1px solid; }
.script__line { margin: 0; padding-left: 0.8em; border-left: 3px solid #999; }
.script__mark { font-size: 0.75em; }"""


def deck_id(name: str) -> int:
    """A fixed Anki deck id for a deck name (the same name always gives the same id)."""
    return DECK_ID_BASE + int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)


def anki_model() -> genanki.Model:
    """The note type every card uses: Front, Back and the card's id."""
    return genanki.Model(
        MODEL_ID,
        "W&B PM System Design card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Card id"}],
        templates=[
            {
                "name": "Card",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=MODEL_CSS,
    )


def load_cards(
    config_file: Path,
) -> tuple[list[ExpandedCard], list[Problem], MkDocsConfig, OutputCheck, dict[str, SourceFile]]:
    """Every card of the guide, expanded, from the pages MkDocs would build, plus problems,
    the loaded MkDocs config (for site_url and the Markdown extensions), and the output
    check with the files (by the path cards name) its findings are located in."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(config_file))
    docs = Path(config.docs_dir)
    claims_rel = (Path(docs.name) / "claims.yml").as_posix()
    registry, problems = load_registry((docs / "claims.yml").read_text("utf-8"), claims_rel)
    pages = {f.src_uri: f.content_string for f in get_files(config).documentation_pages()}
    cards, found = collect_cards(registry, pages, claims_path=claims_rel)
    site_url = config.site_url or ""
    expanded, issues = expand_cards(
        cards, registry, ledger_url=f"{site_url}sources/", claims_path=claims_rel, check_pages=False
    )
    files = {
        f"{docs.name}/{uri}": SourceFile(f"{docs.name}/{uri}", text) for uri, text in pages.items()
    }
    files[claims_rel] = SourceFile(claims_rel, (docs / "claims.yml").read_text("utf-8"))
    return expanded, problems + found + issues, config, OutputCheck(registry), files


def check_fields(
    rendered: Sequence[tuple[ExpandedCard, str, str]],
    check: OutputCheck,
    files: dict[str, SourceFile],
) -> list[Problem]:
    """The output check on every field as the downloads hold it (the HTML of each side)."""
    problems: list[Problem] = []
    for card, front, back in rendered:
        path = card.card.source_path
        where = [files[path]] if path in files else list(files.values())
        for side in (front, back):
            check.add_exempt(marked_texts(side))
            problems += check.fragment(side, DOWNLOAD, where, path)
    return dedupe(problems)


def to_html(text: str, source_path: str, config: MkDocsConfig) -> str:
    """Card Markdown as HTML, with the site's Markdown extensions and absolute links."""
    src_uri = source_path.split("/", 1)[1] if "/" in source_path else source_path
    if src_uri.endswith(".md"):
        text = absolute_links(text, src_uri, config.site_url or "/")
    return markdown.markdown(
        text,
        extensions=[e for e in config.markdown_extensions if e != "toc"],
        extension_configs=config.mdx_configs,
    )


def to_text(html: str) -> str:
    """Rendered card HTML as plain text: one line per block, example labels in brackets,
    provenance marks of model lines left out."""
    soup = BeautifulSoup(html, "html.parser")
    for mark in soup.select(".script__mark, .headerlink"):
        mark.decompose()
    for label in soup.select(".claim__kind"):
        label.replace_with(f" ({label.get_text()})")
    for piece in soup.find_all(string=True):
        piece.replace_with(re.sub(r"\s+", " ", str(piece)))
    for item in soup.find_all("li"):
        item.insert(0, "- ")
    for block in soup.find_all(BLOCKS):
        block.append("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


def write_apkg(cards: Sequence[tuple[ExpandedCard, str, str]], path: Path) -> None:
    """The Anki package: one subdeck per deck, notes keyed by card id."""
    model = anki_model()
    decks: dict[str, genanki.Deck] = {}
    for card, front, back in cards:
        name = f"{PARENT_DECK}::{card.card.deck}"
        deck = decks.setdefault(name, genanki.Deck(deck_id(name), name))
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[front, back, card.card.id],
                guid=genanki.guid_for(card.card.id),
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(list(decks.values())).write_to_file(str(path))


def write_csv(rows: Sequence[tuple[str, str, str, str]], path: Path) -> None:
    """The CSV: a header, then front, back, deck, id per card, in plain text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["front", "back", "deck", "id"])
        writer.writerows(rows)


def export(config_file: Path, out_dir: Path) -> list[Problem]:
    """Write flashcards.apkg and flashcards.csv into `out_dir`; return problems instead
    (writing nothing) when any card has one."""
    cards, problems, config, check, files = load_cards(config_file)
    if problems:
        return problems
    rendered = [
        (
            c,
            to_html(c.front, c.card.source_path, config),
            to_html(c.back, c.card.source_path, config),
        )
        for c in cards
    ]
    problems = check_fields(rendered, check, files)
    if problems:
        return problems
    write_apkg(rendered, out_dir / "flashcards.apkg")
    write_csv(
        [(to_text(f), to_text(b), c.card.deck, c.card.id) for c, f, b in rendered],
        out_dir / "flashcards.csv",
    )
    return []


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point: export, or print the problems and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "site" / "downloads")
    args = parser.parse_args(argv)
    problems = export(args.config.resolve(), args.out)
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    print(f"wrote {args.out / 'flashcards.apkg'} and {args.out / 'flashcards.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
