"""MkDocs hook: ship the guide's own CSS and JavaScript as one minified bundle each.

- on_config: read the project's stylesheets in `extra_css` and scripts in
  `extra_javascript` (files under `docs/assets/`), bundle each kind in its listed order, and
  list the fingerprinted bundle where the first of them stood (the script bundle deferred).
- on_files: publish the bundles and drop the bundled sources from the site.

Anything not under `docs/assets/` (a theme's or a plugin's file) is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from studyguide.assets import bundle_css, bundle_js, fingerprint

OWN = "assets/"
# A stylesheet entry (a path) or a script entry (a path, or a path with attributes).
Entry = TypeVar("Entry", str, str | ExtraScriptValue)
# uri -> bundle text, and the sources they replace; filled by on_config for on_files.
_bundles: dict[str, str] = {}
_sources: set[str] = set()


def _path(entry: str | ExtraScriptValue) -> str:
    return entry.path if isinstance(entry, ExtraScriptValue) else entry


def _replace(
    entries: list[Entry],
    docs: Path,
    bundle: Callable[[Iterable[tuple[str, str]]], str],
    suffix: str,
    make: Callable[[str], Entry],
) -> None:
    """Put one bundle of the project's own `entries` where the first of them stood."""
    own = [e for e in entries if _path(e).startswith(OWN) and (docs / _path(e)).is_file()]
    if not own:
        return
    paths = [_path(e) for e in own]
    text = bundle((p, (docs / p).read_text("utf-8")) for p in paths)
    uri = f"{OWN}guide.{fingerprint(text)}.min.{suffix}"
    first = entries.index(own[0])
    entries[:] = [e for e in entries if e not in own]
    entries.insert(first, make(uri))
    _bundles[uri] = text
    _sources.update(paths)


def _deferred_script(uri: str) -> ExtraScriptValue:
    # Deferred: it runs after Material's own bundle (so `document$` exists) and never
    # blocks the first paint.
    script = ExtraScriptValue(uri)
    script.defer = True
    return script


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """List one stylesheet bundle and one deferred script bundle instead of their sources."""
    _bundles.clear()
    _sources.clear()
    docs = Path(config.docs_dir)
    _replace(config.extra_css, docs, bundle_css, "css", str)
    _replace(config.extra_javascript, docs, bundle_js, "js", _deferred_script)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the bundles; leave out the sources they replace."""
    for file in list(files):
        if file.src_uri in _sources:
            files.remove(file)
    for uri, text in _bundles.items():
        files.append(File.generated(config, uri, content=text))
    return files
