"""What the service worker saves for offline reading: a list of URLs with content hashes.

The precache manifest lists every file a reader can reach in the built site (pages, assets,
the search index, the sitemap that instant navigation reads, the downloads) as
`[url, revision]`, the URL relative to the site root (`frameworks/` for
`frameworks/index.html`) and the revision a hash of the file's bytes. The manifest is written
into the site's `sw.js` itself, ahead of the worker's code, so any change to any file changes
the worker's bytes: that is what makes a browser install the new version (one cache per
version, see `docs/assets/sw.js`). It is written twice per `make build`: by
`hooks/offline.py` after MkDocs writes the pages, and by `scripts/offline_manifest.py` after
the downloads exist (they are made from the built site, after MkDocs has finished).

Left out: source maps, the gzipped sitemap (for crawlers), `sw.js` itself, and Material's
lunr language files when the search index is English only (the search worker loads them for
other languages alone).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from studyguide.assets import minify_js

SERVICE_WORKER = "sw.js"
SEARCH_INDEX = "search/search_index.json"
LUNR_DIR = "assets/javascripts/lunr/"
SKIPPED_SUFFIXES = (".map", ".xml.gz")


class Entry(NamedTuple):
    """One precached file: its URL relative to the site root, its content hash and size."""

    url: str
    revision: str
    size: int


def revision(data: bytes) -> str:
    """A short hash of a file's bytes: changes whenever the file does."""
    return hashlib.sha256(data).hexdigest()[:12]


def url_for(rel_path: str) -> str:
    """The URL a reader uses for a built file: a folder's `index.html` is the folder."""
    if rel_path == "index.html":
        return ""
    if rel_path.endswith("/index.html"):
        return rel_path[: -len("index.html")]
    return rel_path


def search_languages(site: Path) -> list[str]:
    """The languages of Material's search index (`["en"]` when it names none)."""
    index = site / SEARCH_INDEX
    if not index.is_file():
        return ["en"]
    config = json.loads(index.read_text("utf-8")).get("config", {})
    langs = config.get("lang") or ["en"]
    return [langs] if isinstance(langs, str) else list(langs)


def is_precached(rel_path: str, english_only: bool) -> bool:
    """Whether a built file belongs in the offline copy (see the module docstring)."""
    if rel_path == SERVICE_WORKER or rel_path.endswith(SKIPPED_SUFFIXES):
        return False
    return not (english_only and rel_path.startswith(LUNR_DIR))


def site_files(folder: str, prefix: str = "") -> Iterator[str]:
    """The path under `folder` (after `prefix`) of every file in it, as
    `Path(folder).rglob("*")` with `is_file()` finds them: a link to a file counts, a link to a
    folder is neither walked nor listed, a broken link is left out. One `os.scandir` per
    folder, whose entries know their type: a quarter of the time of `rglob` and `is_file`."""
    with os.scandir(folder) as found:
        for entry in found:
            if entry.is_dir() and not entry.is_symlink():
                yield from site_files(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file():
                yield prefix + entry.name


def precache_entries(site: Path) -> list[Entry]:
    """Every file of the built `site` a reader may need offline, sorted by URL (each file has
    its own URL, so the order files are found in does not matter)."""
    english_only = search_languages(site) == ["en"]
    entries = []
    for rel in site_files(str(site)):
        if is_precached(rel, english_only):
            with open(site / rel, "rb") as file:
                data = file.read()
            entries.append(Entry(url_for(rel), revision(data), len(data)))
    return sorted(entries, key=lambda e: e.url)


def version(entries: Iterable[Entry]) -> str:
    """One hash for the whole offline copy: any changed, added or removed file changes it."""
    text = "".join(f"{e.url} {e.revision}\n" for e in entries)
    return revision(text.encode("utf-8"))


def service_worker(template: str, entries: list[Entry] | None) -> str:
    """The published `sw.js`: the precache manifest as a constant, then the minified worker.

    `entries=None` makes the switched-off worker (`mkdocs serve`): it deletes the guide's
    caches and unregisters itself, so a preview never shows an earlier build's pages.
    """
    if entries is None:
        manifest: dict[str, object] = {"version": "off", "files": None}
    else:
        manifest = {"version": version(entries), "files": [[e.url, e.revision] for e in entries]}
    head = f"const PRECACHE = {json.dumps(manifest, separators=(',', ':'))};\n"
    return head + minify_js(template) + "\n"


def write_service_worker(site: Path, template: str, enabled: bool = True) -> list[Entry]:
    """Write `site/sw.js` for the site as it is now; return what it precaches."""
    entries = precache_entries(site) if enabled else []
    (site / SERVICE_WORKER).write_text(
        service_worker(template, entries if enabled else None), encoding="utf-8"
    )
    return entries


def read_manifest(sw_text: str) -> dict[str, Any]:  # JSON
    """The precache manifest written into a published `sw.js` (for tests and reports)."""
    first = sw_text.split("\n", 1)[0]
    prefix, suffix = "const PRECACHE = ", ";"
    if not (first.startswith(prefix) and first.endswith(suffix)):
        raise ValueError("sw.js does not start with its precache manifest")
    data = json.loads(first[len(prefix) : -len(suffix)])
    if not isinstance(data, dict):
        raise ValueError("sw.js's precache manifest is not an object")
    return data
