"""`make audit`'s pure parts: which pages it audits and how it reads Lighthouse reports."""

from __future__ import annotations

from pathlib import Path

from scripts.audit import key_pages, lost_points, metric, scores


def _report(perf: float, seo: float) -> dict[str, object]:
    refs = {
        "performance": [{"id": "first-contentful-paint", "weight": 10}],
        "accessibility": [],
        "best-practices": [],
        "seo": [{"id": "meta-description", "weight": 1}, {"id": "manual", "weight": 0}],
    }
    return {
        "categories": {
            "performance": {"score": perf, "auditRefs": refs["performance"]},
            "accessibility": {"score": 1.0, "auditRefs": []},
            "best-practices": {"score": None, "auditRefs": []},
            "seo": {"score": seo, "auditRefs": refs["seo"]},
        },
        "audits": {
            "first-contentful-paint": {
                "id": "first-contentful-paint",
                "score": 0.88,
                "displayValue": "1.9 s",
            },
            "meta-description": {"id": "meta-description", "score": 1},
            "manual": {"id": "manual", "score": 0},
        },
    }


def test_key_pages_are_home_framework_first_deck_and_practice(tmp_path: Path) -> None:
    for rel in ("", "frameworks/impact-first/", "flashcards/b/", "flashcards/a/", "practice/"):
        (tmp_path / rel).mkdir(parents=True, exist_ok=True)
        (tmp_path / rel / "index.html").write_text("<!doctype html>")
    assert key_pages(tmp_path) == ["", "frameworks/impact-first/", "flashcards/a/", "practice/"]


def test_key_pages_leave_out_pages_not_built(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>")
    assert key_pages(tmp_path) == [""]


def test_scores_are_percentages_and_a_missing_score_is_zero() -> None:
    assert scores(_report(0.97, 1.0)) == {
        "performance": 97,
        "accessibility": 100,
        "best-practices": 0,
        "seo": 100,
    }


def test_lost_points_name_weighted_audits_below_full_score_only() -> None:
    assert lost_points(_report(0.97, 1.0)) == ["performance: first-contentful-paint 0.88 1.9 s"]
    assert metric(_report(0.97, 1.0), "first-contentful-paint") == "1.9 s"
