"""Loading and checking docs/claims.yml: every rule can fail, with an exact location."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide.claims import KINDS, load_registry
from tests.conftest import ONE_SOURCE

ROOT = Path(__file__).resolve().parent.parent

GOOD = (
    ONE_SOURCE
    + """\
  pay:
    value: "$170,000"
    kind: fact
    source: art
    prompt: What pay?
  goal:
    value: "Pay of :claim[pay] is the anchor."
    kind: script
    source: art
"""
)


def messages(text: str) -> list[str]:
    """Each problem as `path:line:col: message` (the help suffix is tested in test_problems)."""
    return [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in load_registry(text)[1]]


def test_good_file_loads_with_values_and_lines() -> None:
    registry, problems = load_registry(GOOD)
    assert problems == []
    assert registry.claims["pay"].value == "$170,000"
    assert registry.claims["pay"].line == 7
    assert registry.claims["pay"].prompt == "What pay?"
    assert registry.sources["art"].date == "2026-05-24"
    assert registry.text("goal") == "Pay of $170,000 is the anchor."
    assert registry.refs("goal") == ["pay"]


def test_real_claims_file_is_clean_and_complete() -> None:
    registry, problems = load_registry((ROOT / "docs/claims.yml").read_text("utf-8"))
    assert problems == []
    assert {c.kind for c in registry.claims.values()} <= set(KINDS)
    # Every figure the source article gives is a claim (values as our readers see them).
    for value in [
        "$170,000",
        "$20,000",
        "0.05%",
        "21 days",
        "four rounds",
        "40%",
        "30%",
        "12 minutes",
        "2 seconds",
        "30 minutes",
        "2 minutes",
        "12%",
        "4 hours",
        "10 million runs",
        "99.9%",
        # The article's "three regions" of replicas is left out on purpose: more than a 99.9%
        # target needs (see the availability-downtime claim's note).
        "about 43 minutes of downtime a month",
        "about 25%",
        "200 ms",
        "1 billion events per day",
        "3–5 years",
        "$140k–$160k",
    ]:
        assert value in {c.value for c in registry.claims.values()}, value


def test_yaml_syntax_error_names_the_line() -> None:
    (msg,) = messages("sources:\n  a: [unclosed\nclaims: {}\n")
    assert msg.startswith("docs/claims.yml:3:")
    assert "YAML syntax error" in msg


def test_duplicate_id_names_both_lines() -> None:
    text = GOOD + "  pay:\n    value: x\n    kind: fact\n    source: art\n"
    (msg,) = messages(text)
    assert msg == (
        'docs/claims.yml:16:3: duplicate id "pay" in claims (first defined on line '
        "7) — give one of them another id"
    )


@pytest.mark.parametrize("field", ["value", "kind", "source"])
def test_missing_required_field(field: str) -> None:
    lines = [
        ln
        for ln in GOOD.splitlines()
        if not ln.startswith(f"    {field}: ") or "Pay of" in ln or "script" in ln
    ]
    msgs = messages("\n".join(lines) + "\n")
    assert f'docs/claims.yml:7:3: claim "pay" has no `{field}:` — add it' in msgs


def test_unknown_kind_suggests_the_right_one() -> None:
    (msg,) = messages(GOOD.replace("kind: fact", "kind: fcat"))
    assert msg == (
        'docs/claims.yml:8:5: claim "pay" has unknown kind "fcat" — did you mean '
        '"fact"? — use fact, example or script'
    )


def test_unknown_source_is_reported() -> None:
    (msg,) = messages(GOOD.replace("source: art\n    prompt", "source: artcle\n    prompt"))
    assert 'claim "pay" names unknown source "artcle" — did you mean "art"?' in msg


def test_unknown_field_catches_typos() -> None:
    (msg,) = messages(GOOD.replace("prompt:", "promt:"))
    assert msg.startswith('docs/claims.yml:11:5: unknown field "promt" in "pay" — did you mean')


def test_bad_id_and_empty_value() -> None:
    msgs = messages(GOOD.replace("  pay:", "  Pay_1:").replace(":claim[pay]", "x"))
    assert any('claim id "Pay_1" must be lower-case' in m for m in msgs)
    assert any(
        'field "value" of "x"' in m or "non-empty" in m
        for m in messages(GOOD.replace('value: "$170,000"', 'value: ""'))
    )


def test_script_embedding_unknown_claim() -> None:
    (msg,) = messages(GOOD.replace(":claim[pay]", ":claim[pya]"))
    assert 'claim "goal" embeds unknown claim ":claim[pya]" — did you mean "pay"?' in msg


def test_source_needs_title_date_and_url_or_note() -> None:
    msgs = messages(
        GOOD.replace("    title: An article\n", "").replace("    note: one article\n", "")
    )
    assert 'docs/claims.yml:2:3: source "art" has no `title:` — add it' in msgs
    assert any("needs a `url:` or a `note:`" in m for m in msgs)


def test_missing_sections_and_empty_file() -> None:
    assert messages("") == [
        "docs/claims.yml:1:1: the claims file is empty — it needs top-level "
        "`sources:` and `claims:`"
    ]
    assert any("missing top-level `claims:`" in m for m in messages("sources: {}\n"))


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    """The collector is paused while parsing, even when parsing fails, and then restored."""
    import gc

    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        for text in (GOOD, "claims: [unclosed"):
            load_registry(text)
            assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_registry_survives_the_build_cache_unchanged() -> None:
    """What the claims hook keeps between builds reads back equal, in file order."""
    import json
    from pathlib import Path

    from studyguide.claims import Registry, load_registry

    text = (Path(__file__).resolve().parent.parent / "docs" / "claims.yml").read_text("utf-8")
    registry, _ = load_registry(text)
    back = Registry.from_json(json.loads(json.dumps(registry.to_json())))
    assert back == registry
    assert list(back.claims) == list(registry.claims) and list(back.sources) == list(
        registry.sources
    )
    assert any(c.label for c in back.claims.values()) and any(s.read for s in back.sources.values())
