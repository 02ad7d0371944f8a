"""The hook order in mkdocs.yml is a contract: checked, and named in the error when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyguide.bench.config_text import read_hooks
from studyguide.context import HOOK_NEEDS, hook_order_problem
from tests.conftest import ROOT, copy_project, mkdocs_build


def test_the_guide_lists_its_hooks_in_an_order_that_works() -> None:
    listed = read_hooks((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert set(HOOK_NEEDS) <= set(listed)
    assert [hook_order_problem(listed, hook) for hook in listed] == [None] * len(listed)


def test_a_hook_listed_before_the_claims_hook_is_named_with_the_fix() -> None:
    problem = hook_order_problem(["hooks/flashcards.py", "hooks/claims.py"], "hooks/flashcards.py")
    assert problem is not None
    assert "hooks/flashcards.py is listed before hooks/claims.py" in problem
    assert "move `- hooks/claims.py` above `- hooks/flashcards.py`" in problem


def test_a_missing_claims_hook_is_named_with_the_fix() -> None:
    problem = hook_order_problem(["./hooks/study_sheet.py"], "hooks/study_sheet.py")
    assert problem is not None
    assert "needs hooks/claims.py, which is not listed" in problem
    assert "add `- hooks/claims.py` before `- hooks/study_sheet.py`" in problem


def test_hooks_are_named_by_folder_and_file_however_listed() -> None:
    listed = ["/abs/path/hooks/claims.py", "./hooks/flashcards.py"]
    assert hook_order_problem(listed, "hooks/flashcards.py") is None


@pytest.mark.integration
def test_moving_a_hook_in_mkdocs_yml_stops_the_build_with_that_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    moved = text.replace("  - hooks/claims.py\n", "").replace(
        "  - hooks/flashcards.py\n", "  - hooks/flashcards.py\n  - hooks/claims.py\n"
    )
    assert moved != text
    config.write_text(moved, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "KeyError" not in result.stderr and "Traceback" not in result.stderr
    assert "hooks/study_sheet.py is listed before hooks/claims.py" in result.stderr
