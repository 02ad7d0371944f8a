"""Flashcards drawn from the guide's content: where cards come from, and how they are named.

A card is a question (front) and an answer (back) in Markdown, filed in a deck. Cards come
from five sources, and nothing else makes a card:

A. Claim prompts. Every claim in `docs/claims.yml` with a `prompt:` is a card, id
   `claim-<claim id>`. A fact or example (deck "Figures"): front the prompt, back the value
   and "Reported by <source title>, <date>" or "Example figure from a mock answer". A script
   (deck "Scripts") is a "give the shape of the answer" card: front "Give the shape of the
   answer: <prompt>", back the claim's `note:`, which lists the moves of the model line (the
   moves, not the words: the FAQ advises against memorising lines). A script with a prompt and
   no note is a problem.
B. FAQ questions. In `docs/faq.md`, every `## ` heading that ends in `?` is a card. Front:
   the heading. Back: the leading sentences of the first paragraph under it that fit a card
   (`lead_sentences`). Deck "FAQ". Id: `faq-<heading slug>`.
C. Mistakes. In `docs/mistakes.md`, every `## ` section holding both content tabs
   `=== "Weak answer"` and `=== "Strong answer"` makes two cards in deck "Mistakes": what the
   strong answer does instead (back: the leading sentences of the strong answer's first
   paragraph; id `mistake-<heading slug>`), and why the mistake costs points (back: the
   paragraph that starts with `**Why it costs points:**`, shortened the same way; id
   `mistake-<heading slug>-why`). A section with only one of the two tabs is a problem.
D. Explicit card blocks, on any page: a collapsible admonition `??? question "Front text"`
   (or `???+ question`) whose indented body is the back. Deck: the page's front matter
   `deck:`, else its `title:`, else its first `# ` heading. Id: `<page slug>-<front slug>`,
   where the page slug is the page's path under docs/ without `.md`, `/` turned into `-`, and
   a final `index` dropped (`frameworks/index.md` -> `frameworks`, `index.md` -> `home`).
E. Practice outlines. On `docs/practice.md`, each prompt's model-answer outline gives cards
   for its user and metric, its trade-off and its success metric (`drill_cards`).

Every card then follows the rules in `card_rules` (length, no unverified number as the
answer, no near-duplicate question); each broken rule is a problem at the card's line.

Ids come from the card's own words (a slug: lower case ASCII letters and digits joined by
single hyphens, at most 80 characters), never from its position, so adding, moving or
removing other cards leaves every id unchanged, and with it a reader's saved progress and
the Anki note. Changing a card's own heading, prompt or front text gives it a new id.
Two cards with the same id are a problem reported at the second one's file and line.
Anything inside fenced code is ignored, so documentation can show the syntax.

Card text may use `:claim[ID]` like any page; `card_expand.expand_card` expands it with the
same `expand_page` as the pages, so every figure on a card comes from the claims. A prompt's own
text is checked for unsourced figures; a question it quotes is allowed, since the prompt is
itself in the claims file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from studyguide.claims import Registry
from studyguide.page_text import first_paragraph, indented_block, read_page
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

FAQ_PAGE = "faq.md"
PRACTICE_PAGE = "practice.md"
MAX_BACK_WORDS = 40  # studyguide.card_rules checks it; answers taken from prose are cut to it
SHAPE_PREFIX = "Give the shape of the answer: "
# A prompt's own request for the model line, dropped from its shape question.
MODEL_ANSWER_ASK_RE = _compile(
    r"\s*(?:Give the (?:shape of the|model) answer\.?|(?:The )?model answer\?)\s*$", re.I
)
SHAPE_FOOTER = "Moves, not words: say it your own way."
MISTAKES_PAGE = "mistakes.md"
CLAIMS_DECKS = {"fact": "Figures", "example": "Figures", "script": "Scripts"}
MAX_SLUG = 80
_NOT_SLUG_RE = _compile(r"[^a-z0-9]+")  # what a slug turns into one hyphen
_MD_SUFFIX_RE = _compile(r"\.md$")

TAB_RE = _compile(r'^(?P<indent>[ \t]*)===\+?[ \t]+"(?P<title>[^"\n]*)"[ \t]*$')
QUESTION_RE = _compile(
    r'^(?P<indent>[ \t]*)\?\?\?\+?[ \t]+question[ \t]+"(?P<front>[^"\n]+)"'
    r"[ \t]*$"
)
# A cheap test that a page may hold a question block at all (QUESTION_RE, any line).
QUESTION_ANYWHERE_RE = _compile(r"^[ \t]*\?\?\?\+?[ \t]+question[ \t]", re.M)
WHY_PREFIX = "**Why it costs points:**"
# Where a card's answer may be cut: after a sentence's end, before its next word (quotes and
# emphasis stay with their sentence, unlike page_text.SENTENCE_END_RE, which drops them).
SENTENCE_END_RE = _compile(r"(?<=[.!?])\s+(?=[A-Z*_:(])")
WHY_SUFFIX = "-why"  # id suffix of a mistake's why-it-costs-points card


@dataclass(frozen=True)
class Card:
    """One flashcard: id, deck, question and answer in Markdown, and where it was written.

    `line` is the 1-based line of the front in `source_path`; `back_line` that of the back
    (used to place problems found in the answer text).
    """

    id: str
    deck: str
    front_md: str
    back_md: str
    source_path: str
    line: int
    back_line: int = 0


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """A stable ASCII slug: accents dropped, lower case, runs of anything else as one `-`.

    Long slugs are cut at a hyphen so that no id exceeds `limit` characters.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG_RE.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "card"


def page_slug(src_uri: str) -> str:
    """The slug of a page from its path under docs/ (`frameworks/trade-offs.md` ->
    `frameworks-trade-offs`; a trailing `index` is dropped; the home page is `home`)."""
    stem = _MD_SUFFIX_RE.sub("", src_uri)
    parts = [p for p in stem.split("/") if p]
    if parts and parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return slugify("-".join(parts)) if parts else "home"


def lead_sentences(paragraph: str, limit: int) -> str:
    """The leading sentences of `paragraph` whose words fit in `limit` (always the first):
    a card's back taken from a longer paragraph keeps to one idea."""
    sentences = SENTENCE_END_RE.split(" ".join(paragraph.split()))
    out: list[str] = []
    for sentence in sentences:
        if out and len(" ".join([*out, sentence]).split()) > limit:
            break
        out.append(sentence)
    return " ".join(out)


def claim_cards(registry: Registry, path: str = "docs/claims.yml") -> list[Card]:
    """Source A: one card per claim with a `prompt:`, in the order of the claims file."""
    cards = []
    for claim in registry.claims.values():
        if not claim.prompt or claim.kind not in CLAIMS_DECKS:
            continue
        source = registry.sources.get(claim.source)
        if claim.kind == "fact":
            # The date goes through :literal so the scanner does not read "2026-05" as a range.
            where = f"{source.title}, :literal[{source.date}]" if source else claim.source
            note = f"Reported by {where}"
        else:
            note = "Example figure from a mock answer"
        if claim.kind == "script":
            if not claim.note:
                continue  # reported by script_shape_problems
            front, back = shape_question(claim.prompt), f"{claim.note}\n\n*{SHAPE_FOOTER}*"
        else:
            front, back = claim.prompt, f":claim[{claim.id}]\n\n*{note}*"
        cards.append(
            Card(
                f"claim-{claim.id}",
                CLAIMS_DECKS[claim.kind],
                front,
                back,
                path,
                claim.line,
                claim.line,
            )
        )
    return cards


def shape_question(prompt: str) -> str:
    """A script's prompt as a "give the shape of the answer" question: the prompt's own
    closing request for a model answer is dropped, and a prompt that already asks for the
    shape is kept as written."""
    if prompt.lower().startswith(SHAPE_PREFIX.lower()[:14]):
        return prompt
    return SHAPE_PREFIX + MODEL_ANSWER_ASK_RE.sub("", prompt).strip()


def script_shape_problems(registry: Registry, path: str = "docs/claims.yml") -> list[Problem]:
    """A problem for each script with a `prompt:` but no `note:` to give its shape."""
    return [
        Problem(
            path,
            claim.line,
            1,
            f'script "{claim.id}" has a prompt but no note — its card asks for the shape of '
            "the answer: write the moves of the line as its `note:`, or remove the prompt",
        )
        for claim in registry.claims.values()
        if claim.kind == "script" and claim.prompt and not claim.note
    ]


def faq_cards(text: str, path: str) -> list[Card]:
    """Source B: each `## ` heading ending in `?` with the first paragraph under it."""
    page = read_page(text)
    offset = page.first_line
    cards = []
    for section in page.sections():
        title, head = section.title, section.head
        if not title.endswith("?"):
            continue
        answer, at = first_paragraph(page.lines, head + 1, section.end)
        answer = lead_sentences(answer, MAX_BACK_WORDS)
        cards.append(
            Card(f"faq-{slugify(title)}", "FAQ", title, answer, path, head + offset, at + offset)
        )
    return cards


def _tabs(
    lines: Sequence[str], masked: Sequence[str], start: int, end: int
) -> dict[str, tuple[str, int]]:
    """The content tabs in `lines[start:end]`: title -> (dedented body, index of its line)."""
    tabs: dict[str, tuple[str, int]] = {}
    for i in range(start, end):
        m = TAB_RE.match(masked[i])
        if m:
            block, _ = indented_block(lines[:end], i + 1, len(m.group("indent")))
            tabs.setdefault(m.group("title").strip(), ("\n".join(block).strip(), i + 1))
    return tabs


def mistake_cards(text: str, path: str) -> tuple[list[Card], list[Problem]]:
    """Source C: each `## ` section with "Weak answer" and "Strong answer" tabs."""
    page = read_page(text)
    lines, masked, offset = page.lines, page.masked, page.first_line
    cards, problems = [], []
    for section in page.sections():
        title, head, end = section.title, section.head, section.end
        tabs = _tabs(lines, masked, head + 1, end)
        weak, strong = tabs.get("Weak answer"), tabs.get("Strong answer")
        if not weak and not strong:
            continue
        if not weak or not strong:
            missing = "Weak answer" if not weak else "Strong answer"
            problems.append(
                Problem(
                    path,
                    head + offset,
                    1,
                    f'mistake "{title}" has no '
                    f'=== "{missing}" tab — add it, or remove the other tab',
                )
            )
            continue
        why, why_at = "", head
        for i in range(head + 1, end):
            if masked[i].strip().startswith(WHY_PREFIX):
                why, why_at = first_paragraph(lines, i, end)
                break
        slug = slugify(title)
        strong_lines = strong[0].split("\n")
        strong_first, _ = first_paragraph(strong_lines, 0, len(strong_lines))
        cards.append(
            Card(
                f"mistake-{slug}",
                "Mistakes",
                f"Mistake **{title}**: what does the strong answer do instead?",
                lead_sentences(strong_first, MAX_BACK_WORDS),
                path,
                head + offset,
                strong[1] + offset,
            )
        )
        reason = why.removeprefix(WHY_PREFIX).strip()
        if reason:
            cards.append(
                Card(
                    f"mistake-{slug}{WHY_SUFFIX}",
                    "Mistakes",
                    f"Mistake **{title}**: why does it cost points?",
                    lead_sentences(reason[:1].upper() + reason[1:], MAX_BACK_WORDS),
                    path,
                    why_at + offset,
                    why_at + offset,
                )
            )
    return cards, problems


def question_cards(text: str, src_uri: str, path: str) -> list[Card]:
    """Source D: each `??? question "Front"` block; the deck is the page's `deck:` or title."""
    # Most pages hold no question: skip their front matter, code and title. Every match
    # holds the word itself, which a substring search rules out many times faster.
    if "question" not in text or not QUESTION_ANYWHERE_RE.search(text):
        return []
    page = read_page(text)
    deck = page.meta.get("deck")
    deck = str(deck).strip() if isinstance(deck, str) and deck.strip() else page.title(src_uri)
    lines, masked, offset = page.lines, page.masked, page.first_line
    prefix = page_slug(src_uri)
    cards = []
    for i, line in enumerate(masked):
        m = QUESTION_RE.match(line) if "???" in line else None  # every match holds "???"
        if not m:
            continue
        block, _ = indented_block(lines, i + 1, len(m.group("indent")))
        first = next((k for k, b in enumerate(block) if b.strip()), 0)
        front = m.group("front").strip()
        cards.append(
            Card(
                f"{prefix}-{slugify(front)}",
                deck,
                front,
                "\n".join(block).strip(),
                path,
                i + offset,
                i + 1 + first + offset,
            )
        )
    return cards


def page_cards(
    text: str, src_uri: str, path: str | None = None
) -> tuple[list[Card], list[Problem]]:
    """All cards one page makes (sources B, C and D), in page order, with its problems.

    `src_uri` is the page's path under docs/; `path` is how problems name the file
    (default `docs/<src_uri>`).
    """
    path = path or f"docs/{src_uri}"
    cards: list[Card] = []
    problems: list[Problem] = []
    if src_uri == FAQ_PAGE:
        cards += faq_cards(text, path)
    if src_uri == MISTAKES_PAGE:
        found, problems = mistake_cards(text, path)
        cards += found
    cards += question_cards(text, src_uri, path)
    cards.sort(key=lambda c: c.line)
    for card in cards:
        if not card.front_md.strip() or not card.back_md.strip():
            side = "question" if not card.front_md.strip() else "answer"
            problems.append(
                Problem(
                    path,
                    card.line,
                    1,
                    f'card "{card.id}" has an empty {side} — write it, or remove the card',
                )
            )
    return [c for c in cards if c.front_md.strip() and c.back_md.strip()], problems


def collect_cards(
    registry: Registry, pages: Mapping[str, str], claims_path: str = "docs/claims.yml"
) -> tuple[list[Card], list[Problem]]:
    """Every card of the guide: claim cards, then each page's cards in path order.

    `pages` maps src_uri (path under docs/) to the page's Markdown. Duplicate ids are
    reported at the later card, naming where the first one is.
    """
    # Source E and the card rules build on Card, so they import this module: import them here.
    from studyguide.card_rules import check_cards
    from studyguide.drill_cards import practice_cards

    cards = claim_cards(registry, claims_path)
    problems: list[Problem] = script_shape_problems(registry, claims_path)
    for src_uri in sorted(pages):
        found, issues = page_cards(pages[src_uri], src_uri)
        cards += found
        problems += issues
        if src_uri == PRACTICE_PAGE:
            found, issues = practice_cards(pages[src_uri], f"docs/{src_uri}")
            cards += found
            problems += issues
    unique, problems = dedupe(cards, problems)
    return unique, problems + check_cards(unique, registry)


def dedupe(
    cards: Iterable[Card], problems: list[Problem] | None = None
) -> tuple[list[Card], list[Problem]]:
    """The cards with unique ids (first one kept) and a problem for each duplicate."""
    seen: dict[str, Card] = {}
    out_problems = list(problems or [])
    for card in cards:
        first = seen.get(card.id)
        if first is None:
            seen[card.id] = card
            continue
        out_problems.append(
            Problem(
                card.source_path,
                card.line,
                1,
                f'duplicate card id "{card.id}" (first made at {first.source_path}:{first.line}) '
                "— reword this card's question or heading so it differs",
            )
        )
    return list(seen.values()), out_problems
