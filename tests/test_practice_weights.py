"""The practice room's rubric weights and timer lengths: from docs/claims.yml to the page.

practice.js reads the weights and durations from the claim elements the build renders, so
these tests pin the two ends: the registry holds weights that parse to numbers summing to
100 (and timer lengths that read as durations), the built practice page carries them in
elements practice.js can find, and a weight changed in the claims file shows up on the page.
The score arithmetic itself is tested in tests/js/practice-score.test.mjs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from studyguide.claims import Registry, load_registry
from tests.conftest import ROOT, copy_project, mkdocs_build

WEIGHT_IDS = ("weight-tradeoffs", "weight-metrics", "weight-communication")
TIMER_IDS = ("practice-design-time", "practice-followup-time")
CLAIMS = ROOT / "docs" / "claims.yml"
WEIGHT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*%")
DURATION_RE = re.compile(r"\d+ (?:seconds?|minutes?|hours?)")


def registry_of(text: str) -> Registry:
    """The registry of a claims file's text, failing on any problem in it."""
    registry, problems = load_registry(text, "docs/claims.yml")
    assert not problems, [str(p) for p in problems]
    return registry


def rubric_weights(registry: Registry) -> dict[str, float]:
    """The three rubric weights as numbers; AssertionError when one is not a percentage or
    they do not add up to 100."""
    weights = {}
    for cid in WEIGHT_IDS:
        assert cid in registry.claims, f"missing claim {cid}"
        m = WEIGHT_RE.fullmatch(registry.text(cid).strip())
        assert m, f"{cid} = {registry.text(cid)!r} is not a percentage"
        weights[cid] = float(m.group(1))
    assert sum(weights.values()) == 100, f"weights sum to {sum(weights.values())}"
    return weights


def page_claims(html: str) -> dict[str, str]:
    """Claim id -> rendered value (without the example label) of every claim on a page."""
    soup = BeautifulSoup(html, "html.parser")
    found: dict[str, str] = {}
    for a in soup.select(".md-content a.claim[data-claim-id]"):
        for label in a.select(".claim__kind"):
            label.decompose()
        found.setdefault(str(a["data-claim-id"]), a.get_text().strip())
    return found


def test_weights_in_claims_parse_to_numbers_summing_to_100() -> None:
    registry = registry_of(CLAIMS.read_text(encoding="utf-8"))
    weights = rubric_weights(registry)
    assert all(w > 0 for w in weights.values())
    assert {registry.claims[c].kind for c in WEIGHT_IDS} == {"fact"}


def test_weight_check_fails_on_a_bad_weight() -> None:
    text = CLAIMS.read_text(encoding="utf-8")
    value = registry_of(text).claims["weight-tradeoffs"].value
    too_much = text.replace(f'value: "{value}"', 'value: "55%"', 1)
    with pytest.raises(AssertionError, match="sum to"):
        rubric_weights(registry_of(too_much))
    not_a_number = text.replace(f'value: "{value}"', 'value: "most"', 1)
    with pytest.raises(AssertionError, match="not a percentage"):
        rubric_weights(registry_of(not_a_number))


def test_timer_claims_are_example_durations_from_this_guide() -> None:
    registry = registry_of(CLAIMS.read_text(encoding="utf-8"))
    for cid in TIMER_IDS:
        claim = registry.claims[cid]
        assert (claim.kind, claim.source) == ("example", "this-guide")
        assert DURATION_RE.fullmatch(registry.text(cid)), registry.text(cid)


def test_built_practice_page_carries_weights_and_timer_lengths(site_dir: Path) -> None:
    registry = registry_of(CLAIMS.read_text(encoding="utf-8"))
    html = (site_dir / "practice" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    shown = page_claims(html)
    for cid in (*WEIGHT_IDS, *TIMER_IDS):
        assert shown.get(cid) == registry.text(cid), cid
    # Each weight sits in its own rubric row, where practice.js looks for it.
    rows = soup.select(".practice-rubric table tbody tr")
    assert [r.select_one("[data-claim-id]")["data-claim-id"] for r in rows] == list(WEIGHT_IDS)
    for row in rows:
        assert row.select_one("td a:not(.claim)")["href"], "each dimension links to its page"
    # Each prompt set names a timer claim that is on the page.
    sets = soup.select(".practice-prompts[data-timer-claim]")
    assert {s["data-timer-claim"] for s in sets} == set(TIMER_IDS)
    # The app is in the page from the first paint (no layout shift when the script runs),
    # hidden only for readers without JavaScript, by a noscript style.
    app = soup.select_one("[data-practice]")
    assert app is not None and not app.has_attr("hidden"), "the app must not start hidden"
    styles = [s.get_text() for s in soup.select("noscript style")]
    assert any(re.search(r"\.practice-app\s*\{\s*display:\s*none", s) for s in styles), styles
    # Its score choices are built into the page: one radio per level and rubric row.
    for cid in WEIGHT_IDS:
        key = cid.removeprefix("weight-")
        radios = app.select(f'input[type="radio"][name="practice-{key}"]')
        assert [r["value"] for r in radios] == ["weak", "adequate", "strong"], cid


@pytest.mark.integration
def test_changed_weight_flows_to_the_practice_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    claims = project / "docs" / "claims.yml"
    text = claims.read_text(encoding="utf-8")
    old = registry_of(text)
    new_values = {"weight-tradeoffs": "50%", "weight-metrics": "35%", "weight-communication": "15%"}
    for cid, value in new_values.items():

        def replace(m: re.Match[str], v: str = value) -> str:
            return f'{m.group(1)}"{v}"'

        text = re.sub(rf'(\n  {cid}:\n    value: )"[^"]*"', replace, text)
    changed = registry_of(text)
    assert rubric_weights(changed) != rubric_weights(old)
    claims.write_text(text, encoding="utf-8")

    out = tmp_path / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    shown = page_claims((out / "practice" / "index.html").read_text(encoding="utf-8"))
    for cid, value in new_values.items():
        assert shown[cid] == value
