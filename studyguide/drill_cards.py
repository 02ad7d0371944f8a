"""Flashcards drawn from the practice room's model-answer outlines, and short answers.

Source E of the cards (see studyguide/cards.py): every prompt on docs/practice.md gives one
card per outline field in CARD_FIELDS, in deck PRACTICE_DECK. The front names the prompt and
asks for the move; the back is that outline line as written, so card and outline never differ.
Ids are `practice-<prompt title slug>-<field key>`: rewording the outline keeps the card (and
a reader's schedule), renaming the prompt starts a new one.
"""

from __future__ import annotations

from studyguide.cards import Card, slugify
from studyguide.practice_prompts import PRACTICE_PAGE, prompt_problems, read_prompts
from studyguide.problems import Problem

PRACTICE_DECK = "Practice prompts"
# outline field -> (id suffix, question asked about the prompt)
CARD_FIELDS = {
    "User and metric": ("user", "who is the user, and which metric do you lead with?"),
    "Trade-off and mitigation": (
        "trade-off",
        "which trade-off do you name, and how do you mitigate it?",
    ),
    "Proves success": ("success", "which result proves the design worked?"),
}


def practice_cards(
    text: str, path: str = f"docs/{PRACTICE_PAGE}"
) -> tuple[list[Card], list[Problem]]:
    """The outline cards of the practice page, and its structural problems."""
    cards = []
    prompts = read_prompts(text)  # read once, for the cards and the checks
    for prompt in prompts:
        for label, (suffix, question) in CARD_FIELDS.items():
            entry = prompt.outline.get(label)
            if entry is None or not entry.text:
                continue  # reported by prompt_problems
            cards.append(
                Card(
                    f"practice-{slugify(prompt.title, 60)}-{suffix}",
                    PRACTICE_DECK,
                    f"Practice prompt **{prompt.title}**: {question}",
                    entry.text,
                    path,
                    entry.line,
                    entry.line,
                )
            )
    return cards, prompt_problems(prompts, path)
