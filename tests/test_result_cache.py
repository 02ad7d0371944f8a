"""The output check's cache between builds (`studyguide.result_cache`): it returns what was
computed for the same input by the same code, keeps one build's worth, and can never hide a
problem: a page changed since the cached build is read again and its figure is reported."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studyguide.result_cache import (
    ENV,
    FILE_PREFIX,
    ResultCache,
    cache_folder,
    code_fingerprint,
    key_of,
)
from tests.conftest import copy_project, mkdocs_build


def never() -> list[str]:
    raise AssertionError("computed although the result was kept")


def test_a_result_is_computed_once_then_read_from_the_file(tmp_path: Path) -> None:
    calls = []

    def compute() -> list[object]:
        calls.append(1)
        return [("figure", "45 minutes")]  # tuples come back as lists, kept or not

    first = ResultCache(tmp_path)
    assert first.get("page", "<p>45 minutes</p>", compute) == [["figure", "45 minutes"]]
    assert first.get("page", "<p>45 minutes</p>", compute) == [["figure", "45 minutes"]]
    assert len(calls) == 1
    first.save()
    again = ResultCache(tmp_path)
    assert again.get("page", "<p>45 minutes</p>", never) == [["figure", "45 minutes"]]
    # Another kind or another text is another entry.
    assert again.get("search", "<p>45 minutes</p>", lambda: []) == []
    assert again.get("page", "<p>46 minutes</p>", lambda: ["x"]) == ["x"]


def test_a_build_keeps_only_what_it_used(tmp_path: Path) -> None:
    one = ResultCache(tmp_path)
    one.get("page", "a", lambda: 1)
    one.get("page", "b", lambda: 2)
    one.save()
    two = ResultCache(tmp_path)
    two.get("page", "a", never)
    two.save()
    (path,) = tmp_path.glob(f"{FILE_PREFIX}*.json")
    assert json.loads(path.read_text("utf-8")) == {"page": {key_of("a"): 1}}
    stamp = path.stat().st_mtime_ns
    three = ResultCache(tmp_path)
    three.get("page", "a", never)
    three.save()  # the same entries: the file is not written again
    assert path.stat().st_mtime_ns == stamp


def test_files_of_other_code_versions_are_removed_and_bad_files_ignored(tmp_path: Path) -> None:
    stale = tmp_path / f"{FILE_PREFIX}0123456789abcdef01234567.json"
    stale.write_text('{"page": {}}', "utf-8")
    current = tmp_path / f"{FILE_PREFIX}{code_fingerprint()}.json"
    current.write_text('{"page": {"cut sh', "utf-8")  # a build killed mid-write
    cache = ResultCache(tmp_path)
    assert cache.get("page", "a", lambda: 1) == 1
    cache.save()
    assert not stale.exists()
    assert json.loads(current.read_text("utf-8")) == {"page": {key_of("a"): 1}}


def test_the_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert cache_folder(tmp_path) == tmp_path / ".cache" / "studyguide"
    monkeypatch.setenv(ENV, str(tmp_path / "elsewhere"))
    assert cache_folder(tmp_path) == tmp_path / "elsewhere"
    monkeypatch.setenv(ENV, "off")
    assert cache_folder(tmp_path) is None
    off = ResultCache(None)
    off.get("page", "a", lambda: 1)
    off.save()
    assert list(tmp_path.iterdir()) == [], "nothing written with the cache off"


@pytest.mark.integration
def test_a_page_changed_since_the_cached_build_is_read_again(tmp_path: Path) -> None:
    """Adversarial: a warm cache must not let a new figure through."""
    project = copy_project(tmp_path / "project")
    first = mkdocs_build(project, tmp_path / "site1")
    assert first.returncode == 0, first.stderr
    kept = list((project / ".cache" / "studyguide").glob(f"{FILE_PREFIX}*.json"))
    assert kept, "the first build kept what the output check read"
    page = project / "docs" / "faq.md"
    text = page.read_text("utf-8")
    page.write_text(text + "\nThe loop takes seven weeks for most candidates.\n", "utf-8")
    second = mkdocs_build(project, tmp_path / "site2")
    assert second.returncode != 0
    line = text.count("\n") + 2
    assert re.search(rf'docs/faq\.md:{line}:\d+: unsourced figure "seven weeks"', second.stderr)
