"""Tests of studyguide.offline_precache and scripts/offline_manifest.py: what sw.js saves.

Unit tests on a small made-up site: which files are listed, under which URLs, and that the
version changes with any file. Integration tests on the session's built site: every page,
the search index and (from `make build`) the downloads are precached with their hashes, and
every local address a page refers to is in the offline copy; an adversarial run shows that
a missing entry is found. The `mkdocs serve` worker precaches nothing. (That the downloads
are in the published worker is checked in tests/test_offline_browser.py, which fetches
each of them offline from a complete `make build` site.)
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType, SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.offline_manifest import main as write_manifest
from studyguide.offline_precache import (
    SERVICE_WORKER,
    precache_entries,
    read_manifest,
    revision,
    service_worker,
    site_files,
    url_for,
    version,
    write_service_worker,
)
from tests.conftest import ROOT

TEMPLATE = (ROOT / "docs" / "assets" / "sw.js").read_text("utf-8")
REFERENCE_RE = re.compile(r'\b(?:href|src)="([^"#]*)(?:#[^"]*)?"')


def make_site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


SMALL = {
    "index.html": "home",
    "404.html": "missing",
    "faq/index.html": "faq",
    "search/search_index.json": '{"config": {"lang": ["en"]}, "docs": []}',
    "sitemap.xml": "<urlset/>",
    "sitemap.xml.gz": "gz",
    "assets/javascripts/bundle.min.js": "js",
    "assets/javascripts/bundle.min.js.map": "map",
    "assets/javascripts/lunr/min/lunr.de.min.js": "de",
    "downloads/study-sheet.pdf": "%PDF-",
    "sw.js": "old worker",
}


def test_urls_are_what_a_reader_opens() -> None:
    assert url_for("index.html") == ""
    assert url_for("faq/index.html") == "faq/"
    assert url_for("downloads/study-sheet.pdf") == "downloads/study-sheet.pdf"
    assert url_for("assets/index.html.map") == "assets/index.html.map"


def test_every_reachable_file_is_listed_and_nothing_else(tmp_path: Path) -> None:
    site = make_site(tmp_path, SMALL)
    entries = precache_entries(site)
    assert [e.url for e in entries] == [
        "",
        "404.html",
        "assets/javascripts/bundle.min.js",
        "downloads/study-sheet.pdf",
        "faq/",
        "search/search_index.json",
        "sitemap.xml",
    ]
    home = entries[0]
    assert (home.revision, home.size) == (revision(b"home"), 4)


def test_site_files_finds_what_rglob_and_is_file_find(tmp_path: Path) -> None:
    # The walk must list exactly the files `rglob("*")` + `is_file()` lists: hidden and
    # nested files, links to files; not folders, links to folders, broken links or pipes.
    site = make_site(
        tmp_path / "site",
        {**SMALL, ".hidden": "h", "a/.b/c.txt": "c", "é/ü.html": "u", "deep/x/y/z.css": "z"},
    )
    outside = make_site(tmp_path / "outside", {"o.txt": "o", "d/inner.txt": "i"})
    (site / "link-to-file").symlink_to(outside / "o.txt")
    (site / "link-to-folder").symlink_to(outside / "d", target_is_directory=True)
    (site / "broken-link").symlink_to(tmp_path / "missing")
    (site / "empty-folder").mkdir()
    os.mkfifo(site / "pipe")
    expected = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert sorted(site_files(str(site))) == expected
    assert "link-to-file" in expected and "a/.b/c.txt" in expected
    assert not {"link-to-folder/inner.txt", "broken-link", "pipe"} & set(expected)


def test_lunr_languages_are_kept_when_search_needs_them(tmp_path: Path) -> None:
    files = {**SMALL, "search/search_index.json": '{"config": {"lang": ["en", "de"]}}'}
    urls = [e.url for e in precache_entries(make_site(tmp_path, files))]
    assert "assets/javascripts/lunr/min/lunr.de.min.js" in urls


def test_the_version_changes_with_any_file_and_only_then(tmp_path: Path) -> None:
    site = make_site(tmp_path, SMALL)
    first = version(precache_entries(site))
    assert version(precache_entries(site)) == first
    (site / "faq/index.html").write_text("faq, edited", "utf-8")
    edited = version(precache_entries(site))
    (site / "new/index.html").parent.mkdir()
    (site / "new/index.html").write_text("new page", "utf-8")
    added = version(precache_entries(site))
    assert len({first, edited, added}) == 3
    (site / "sitemap.xml.gz").write_text("not listed", "utf-8")
    assert version(precache_entries(site)) == added


def test_the_worker_carries_its_manifest_and_reads_back(tmp_path: Path) -> None:
    site = make_site(tmp_path, SMALL)
    entries = write_service_worker(site, TEMPLATE)
    text = (site / SERVICE_WORKER).read_text("utf-8")
    manifest = read_manifest(text)
    assert manifest["version"] == version(entries)
    assert manifest["files"] == [[e.url, e.revision] for e in entries]
    assert "addEventListener" in text and "/* The guide" not in text  # minified
    with pytest.raises(ValueError, match="precache manifest"):
        read_manifest("self.addEventListener('fetch', () => {});")


def test_the_preview_worker_precaches_nothing(tmp_path: Path) -> None:
    assert read_manifest(service_worker(TEMPLATE, None)) == {"version": "off", "files": None}


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("offline_hook", ROOT / "hooks" / "offline.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("command", "files"), [("serve", None), ("build", list)])
def test_the_hook_switches_the_worker_off_under_mkdocs_serve(
    tmp_path: Path, command: str, files: object
) -> None:
    site = make_site(tmp_path / "site", SMALL)
    hook = load_hook()
    hook.on_startup(command, dirty=False)
    hook.on_post_build(SimpleNamespace(docs_dir=str(ROOT / "docs"), site_dir=str(site)))
    found = read_manifest((site / SERVICE_WORKER).read_text("utf-8"))["files"]
    assert found is None if files is None else isinstance(found, list) and found


def test_the_script_reports_a_folder_without_a_site(tmp_path: Path, capsys) -> None:
    assert write_manifest(["--site-dir", str(tmp_path)]) == 1
    assert "index.html: no built site here" in capsys.readouterr().err


# ---- the built site -----------------------------------------------------------------------


def local_references(site: Path) -> dict[str, set[str]]:
    """Every same-site address each built page refers to (href/src), as a site-root URL."""
    base = "http://site.invalid/"
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        page_url = urljoin(base, url_for(rel))
        for ref in REFERENCE_RE.findall(page.read_text("utf-8")):
            target = urljoin(page_url, ref)
            if ref and target.startswith(base):
                found.setdefault(urlsplit(target).path.lstrip("/"), set()).add(rel)
    return found


def not_offline(site: Path, listed: set[str]) -> list[str]:
    """Local addresses some page refers to that the offline copy lacks (with a page each)."""
    refs = local_references(site)
    return [f"{url} (from {sorted(pages)[0]})" for url, pages in refs.items() if url not in listed]


@pytest.mark.integration
def test_the_built_worker_lists_every_page_and_asset_with_its_hash(site_dir: Path) -> None:
    manifest = read_manifest((site_dir / SERVICE_WORKER).read_text("utf-8"))
    listed = dict(manifest["files"])
    pages = {url_for(p.relative_to(site_dir).as_posix()) for p in site_dir.rglob("index.html")}
    assert pages and pages <= listed.keys()
    assert {"404.html", "search/search_index.json", "sitemap.xml", "manifest.webmanifest"} <= (
        listed.keys()
    )
    for entry in precache_entries(site_dir):
        assert listed[entry.url] == entry.revision, f"{entry.url} changed after sw.js was written"
    assert not not_offline(site_dir, set(listed))


@pytest.mark.integration
def test_a_page_referring_to_a_file_left_out_is_found(site_dir: Path) -> None:
    """The check can fail: drop the stylesheet from the list and it is reported."""
    listed = {e.url for e in precache_entries(site_dir)}
    css = next(u for u in listed if u.startswith("assets/stylesheets/main."))
    assert any(css in line for line in not_offline(site_dir, listed - {css}))
