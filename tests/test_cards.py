"""Unit tests of studyguide.cards: each card source, ids, duplicates, expansion."""

from __future__ import annotations

import textwrap

from studyguide.card_expand import expand_card, expand_cards
from studyguide.cards import (
    Card,
    claim_cards,
    collect_cards,
    faq_cards,
    mistake_cards,
    page_cards,
    page_slug,
    question_cards,
    script_shape_problems,
    shape_question,
    slugify,
)
from studyguide.claims import load_registry

CLAIMS = textwrap.dedent(
    """\
    sources:
      art:
        title: "An article"
        date: 2026-05-24
        note: one source
      us:
        title: "Our examples"
        date: 2026-11-26
        note: ours
    claims:
      rounds:
        value: "four rounds"
        kind: fact
        source: art
        prompt: How many rounds are reported?
      no-prompt:
        value: "21 days"
        kind: fact
        source: art
      latency:
        value: "2 seconds"
        kind: example
        source: us
        prompt: What latency budget does the example use?
      line:
        value: "Keep it under :claim[latency], because users wait."
        kind: script
        source: us
        prompt: "Say the latency line (\\"keep it fast for every user\\")."
        note: "Shape: name the budget, then the users it protects."
      bad-prompt:
        value: "three regions"
        kind: example
        source: us
        prompt: Why replicate to 5 regions?
    """
)


def registry():
    reg, problems = load_registry(CLAIMS, "docs/claims.yml")
    assert problems == []
    return reg


FAQ = textwrap.dedent(
    """\
    ---
    title: FAQ
    ---

    # Questions

    ## Is the round technical?

    Not in the engineering sense: it is a product
    conversation about a system.

    A second paragraph that is not on the card.

    ## About this page

    Not a question, so no card.

    ```markdown
    ## A heading in code?

    Ignored.
    ```

    ## Does it cover pay?
    It reports :claim[rounds] only.
    """
)

MISTAKES = textwrap.dedent(
    """\
    # Mistakes

    ## The monologue

    === "Weak answer"

        The candidate talks
        without pause.

    === "Strong answer"

        The candidate pauses and asks.

    **Why it costs points:** clarity is scored,
    and so is listening.

    Unrelated paragraph.

    ## Only weak

    === "Weak answer"

        Something.

    ## No tabs at all

    Just prose.
    """
)

PAGE = textwrap.dedent(
    """\
    ---
    title: Trade-offs
    deck: Frameworks
    ---

    # Trade-off follow-ups

    ??? question "What comes first?"
        Acknowledge the limit.

        Then mitigate it.

    Prose between.

    !!! tip
        ??? question "Nested block?"
            Still a card.

    ```markdown
    ??? question "Shown in code"
        Not a card.
    ```
    """
)


def test_claim_cards_cover_prompts_only_with_kind_line_and_deck():
    cards = claim_cards(registry())
    assert [c.id for c in cards] == [
        "claim-rounds",
        "claim-latency",
        "claim-line",
        "claim-bad-prompt",
    ]
    by_id = {c.id: c for c in cards}
    assert by_id["claim-rounds"].deck == "Figures"
    assert by_id["claim-latency"].deck == "Figures"
    assert by_id["claim-line"].deck == "Scripts"
    assert by_id["claim-rounds"].front_md == "How many rounds are reported?"
    assert ":claim[rounds]" in by_id["claim-rounds"].back_md
    assert "Reported by An article, :literal[2026-05-24]" in by_id["claim-rounds"].back_md
    assert "Example figure from a mock answer" in by_id["claim-latency"].back_md
    # A script is a "give the shape of the answer" card: its note holds the moves.
    assert by_id["claim-line"].front_md.startswith("Give the shape of the answer: Say the")
    assert by_id["claim-line"].back_md.startswith(
        "Shape: name the budget, then the users it protects.\n\n*Moves, not words"
    )
    assert "::script[" not in by_id["claim-line"].back_md
    assert by_id["claim-rounds"].source_path == "docs/claims.yml"
    assert by_id["claim-rounds"].line == 11


def test_shape_questions_drop_the_prompts_own_request_for_a_model_answer():
    assert shape_question('Follow-up: "Does it scale?" Give the model answer.') == (
        'Give the shape of the answer: Follow-up: "Does it scale?"'
    )
    assert shape_question("A bank needs audits. Model answer?") == (
        "Give the shape of the answer: A bank needs audits."
    )
    assert shape_question("Give the shape of a build-versus-buy answer.") == (
        "Give the shape of a build-versus-buy answer."
    )


def test_a_script_prompt_without_a_note_is_a_problem_and_no_card():
    text = CLAIMS.replace('    note: "Shape: name the budget, then the users it protects."\n', "")
    reg, _ = load_registry(text, "docs/claims.yml")
    assert "claim-line" not in {c.id for c in claim_cards(reg)}
    problems = script_shape_problems(reg)
    assert [(p.path, p.line) for p in problems] == [("docs/claims.yml", 25)]
    assert 'script "line" has a prompt but no note' in problems[0].message


def test_faq_cards_take_question_headings_and_first_paragraph():
    cards = faq_cards(FAQ, "docs/faq.md")
    assert [c.id for c in cards] == ["faq-is-the-round-technical", "faq-does-it-cover-pay"]
    first = cards[0]
    assert first.deck == "FAQ"
    assert first.front_md == "Is the round technical?"
    assert (
        first.back_md
        == "Not in the engineering sense: it is a product conversation about a system."
    )
    assert (first.line, first.back_line) == (7, 9)
    assert cards[1].back_md == "It reports :claim[rounds] only."


def test_mistake_cards_pair_weak_and_strong_and_report_a_missing_tab():
    cards, problems = mistake_cards(MISTAKES, "docs/mistakes.md")
    instead, why = cards
    assert (instead.id, why.id) == ("mistake-the-monologue", "mistake-the-monologue-why")
    assert {instead.deck, why.deck} == {"Mistakes"}
    assert instead.front_md == "Mistake **The monologue**: what does the strong answer do instead?"
    assert instead.back_md == "The candidate pauses and asks."
    assert why.front_md == "Mistake **The monologue**: why does it cost points?"
    assert why.back_md == "Clarity is scored, and so is listening."
    assert (why.line, why.back_line) == (14, 14)
    assert [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in problems] == [
        'docs/mistakes.md:19:1: mistake "Only weak" has no === "Strong answer" tab — add it, '
        "or remove the other tab"
    ]


def test_question_cards_use_deck_front_matter_and_skip_code():
    cards = question_cards(PAGE, "frameworks/trade-offs.md", "docs/frameworks/trade-offs.md")
    assert [c.id for c in cards] == [
        "frameworks-trade-offs-what-comes-first",
        "frameworks-trade-offs-nested-block",
    ]
    assert {c.deck for c in cards} == {"Frameworks"}
    assert cards[0].back_md == "Acknowledge the limit.\n\nThen mitigate it."
    assert (cards[0].line, cards[0].back_line) == (8, 9)
    assert cards[1].back_md == "Still a card."


def test_question_cards_default_deck_is_the_page_title():
    no_deck = PAGE.replace("deck: Frameworks\n", "")
    assert {c.deck for c in question_cards(no_deck, "x.md", "docs/x.md")} == {"Trade-offs"}
    no_meta = no_deck.split("---\n", 2)[2]
    titled = question_cards(no_meta, "x.md", "docs/x.md")
    assert {c.deck for c in titled} == {"Trade-off follow-ups"}


def test_slugs_and_page_slugs():
    assert slugify("Why not Spark vs. Flink — é?") == "why-not-spark-vs-flink-e"
    long = slugify("word " * 40)
    assert len(long) <= 80 and not long.endswith("-")
    assert page_slug("frameworks/index.md") == "frameworks"
    assert page_slug("index.md") == "home"
    assert page_slug("examples/feature-store.md") == "examples-feature-store"


def test_ids_are_stable_after_inserting_an_unrelated_card():
    before = {c.id: c for c in page_cards(PAGE, "p.md")[0]}
    inserted = PAGE.replace(
        "# Trade-off follow-ups\n",
        '# Trade-off follow-ups\n\n??? question "A brand new card?"\n    New answer.\n',
    )
    after = {c.id: c for c in page_cards(inserted, "p.md")[0]}
    assert set(after) == set(before) | {"p-a-brand-new-card"}
    for cid, card in before.items():
        assert (after[cid].front_md, after[cid].back_md) == (card.front_md, card.back_md)


def test_duplicate_ids_are_reported_at_the_second_card():
    text = '??? question "Same?"\n    One.\n\n??? question "Same?"\n    Two.\n'
    cards, problems = collect_cards(registry(), {"dup.md": text})
    assert [c.back_md for c in cards if c.id == "dup-same"] == ["One."]
    on_page = [p for p in problems if p.path == "docs/dup.md"]  # the fixture's claims break rules
    assert [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in on_page] == [
        'docs/dup.md:4:1: duplicate card id "dup-same" (first made at docs/dup.md:1) — '
        "reword this card's question or heading so it differs"
    ]


def test_empty_answer_is_a_problem_and_no_card():
    cards, problems = page_cards('??? question "Alone?"\n\nNot indented.\n', "e.md")
    assert cards == []
    assert [p.line for p in problems] == [1]
    assert "empty answer" in problems[0].message


def test_collect_cards_combines_sources_in_order():
    cards, problems = collect_cards(
        registry(), {"faq.md": FAQ, "mistakes.md": MISTAKES, "frameworks/trade-offs.md": PAGE}
    )
    decks = [c.deck for c in cards]
    assert decks[:4] == ["Figures", "Figures", "Scripts", "Figures"]
    assert decks.count("FAQ") == 2 and decks.count("Mistakes") == 2
    assert decks.count("Frameworks") == 2
    # The mistake with only one tab, then the card rules: the fixture's figures are not ones
    # the rules allow as an answer, and the FAQ's second answer is nothing but a figure.
    assert [p.message.split(" — ")[0] for p in problems] == [
        'mistake "Only weak" has no === "Strong answer" tab',
        'card "claim-rounds" asks for an unverified number (rounds)',
        'card "claim-latency" asks for an unverified number (latency)',
        'card "claim-bad-prompt" asks for an unverified number (bad-prompt)',
        'card "faq-does-it-cover-pay" asks for an unverified number (rounds)',
    ]


def test_expand_card_resolves_claims_and_records_usage():
    reg = registry()
    card = Card(
        "c-line",
        "Scripts",
        'Say it ("keep it fast for every user").',
        "::script[line]",
        "c.md",
        1,
        2,
    )
    done, problems = expand_card(card, reg, ledger_url="../../sources/", check_prose=False)
    assert problems == []
    assert "Keep it under 2 seconds" in done.back
    assert 'href="../../sources/#claim-line"' in done.back
    assert done.used == frozenset({"line", "latency"})
    _, strict = expand_card(card, reg, ledger_url="sources/")
    assert [p.message.startswith("unsourced script") for p in strict] == [True]


def test_expand_cards_reports_unsourced_figures_in_prompts_but_allows_quotes():
    reg = registry()
    _, problems = expand_cards(claim_cards(reg), reg, ledger_url="sources/")
    assert [(p.path, p.line) for p in problems] == [("docs/claims.yml", 31)]
    assert "unsourced figure" in problems[0].message and "5 regions" in problems[0].message


def test_expand_cards_reports_unknown_claims_and_figures_in_page_cards():
    reg = registry()
    text = '??? question "How many?"\n    About :claim[round] or 7 regions.\n'
    cards, _ = page_cards(text, "q.md")
    _, problems = expand_cards(cards, reg, ledger_url="sources/")
    messages = sorted(p.message.split(" — ")[0] for p in problems)
    assert [p.line for p in problems] == [2, 2]
    assert messages[0].startswith("unknown claim id")
    assert "7 regions" in messages[1]
    _, unchecked = expand_cards(cards, reg, ledger_url="sources/", check_pages=False)
    assert [p.message.startswith("unknown claim id") for p in unchecked] == [True]


def test_expanded_cards_survive_the_build_cache_unchanged():
    """What `hooks/flashcards.py` keeps between builds comes back equal, problems with kinds."""
    import json

    from studyguide.card_expand import cards_from_json, cards_to_json

    reg = registry()
    cards = claim_cards(reg) + page_cards(PAGE, "interview.md")[0]
    expanded, problems = expand_cards(cards, reg, ledger_url="sources/")
    assert expanded and problems
    data = json.loads(json.dumps(cards_to_json(expanded, problems)))
    back, back_problems = cards_from_json(data)
    assert back == expanded
    assert [(p, p.kind) for p in back_problems] == [(p, p.kind) for p in problems]


def test_mistake_cards_read_again_are_the_same_and_each_caller_gets_its_own_lists():
    # The flashcards and the study sheet both read the mistakes page: it is read once, and
    # what one caller adds to its lists never shows up in the next caller's.
    cards, problems = mistake_cards(MISTAKES, "docs/mistakes.md")
    expected = (list(cards), list(problems))
    cards.clear()
    problems.append(problems[0])
    assert mistake_cards(MISTAKES, "docs/mistakes.md") == expected
