"""MkDocs hook: ship the guide's own CSS and JavaScript minified, each page only what it uses.

- on_config: read the project's stylesheets in `extra_css` and scripts in
  `extra_javascript` (files under `docs/assets/`), bundle each kind in its listed order, and
  list the fingerprinted bundle where the first of them stood (the script bundle deferred).
- on_files: publish the bundles and drop the bundled sources (and the feature scripts of
  `studyguide.assets.FEATURES`) from the site.
- on_page_content: a page whose content holds a feature's marker (the flashcards, the
  practice room, the checklist, the home summary) gets one deferred script with exactly its
  features, at the end of its content: Material runs scripts there again after an instant
  navigation, and one script per page keeps their order. Plain pages get none.
- on_post_page: such a page also links its features' stylesheet bundle in its <head>, right
  after the guide's own: render-blocking, so the first paint is styled (no layout shift);
  instant navigation adds and removes it with the rest of the head.
- on_post_build: write those per-page bundles (one script and one stylesheet per set of
  features) into the site.

Anything not under `docs/assets/` (a theme's or a plugin's file) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from studyguide.assets import (
    FEATURES,
    STORE,
    after_load,
    bundle_css,
    bundle_feature_styles,
    bundle_features,
    bundle_js,
    features_for,
    fingerprint,
    loader,
)

OWN = "assets/"
# A stylesheet entry (a path) or a script entry (a path, or a path with attributes).
Entry = TypeVar("Entry", str, str | ExtraScriptValue)
# uri -> bundle text, and the sources they replace; filled by on_config for on_files.
_bundles: dict[str, str] = {}
_sources: set[str] = set()
# Per-page feature bundles: uri -> text, filled by on_page_content for on_post_build; and
# each set of features' script and stylesheet uris, so a set is read and minified once per
# build, not once a page; and each page's stylesheet uri, for on_post_page.
_page_bundles: dict[str, str] = {}
_uris_by_features: dict[str, tuple[str, str | None]] = {}
_style_by_page: dict[str, str] = {}
# The feature sources as read this build, by path (several feature sets share them).
_texts: dict[str, str] = {}
_FEATURE_SOURCES = {p for f in (STORE, *FEATURES) for p in (*f.sources, *f.styles)}


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
    _page_bundles.clear()
    _uris_by_features.clear()
    _texts.clear()
    _style_by_page.clear()
    docs = Path(config.docs_dir)
    _replace(config.extra_css, docs, bundle_css, "css", str)
    _replace(config.extra_javascript, docs, bundle_js, "js", _deferred_script)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the bundles; leave out the sources they replace."""
    for file in list(files):
        if file.src_uri in _sources or file.src_uri in _FEATURE_SOURCES:
            files.remove(file)
    for uri, text in _bundles.items():
        files.append(File.generated(config, uri, content=text))
    return files


def _publish(name: str, suffix: str, text: str) -> str:
    """Keep a per-page bundle for on_post_build; its fingerprinted uri."""
    uri = f"{OWN}page-{name}.{fingerprint(text)}.min.{suffix}"
    _page_bundles[uri] = text
    return uri


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Add one deferred script with the features this page's content uses, if any, and
    note their stylesheet for on_post_page."""
    features = features_for(html)
    if not features:
        return html
    names = "-".join(f.name for f in features)
    uris = _uris_by_features.get(names)
    if uris is None:
        docs = Path(config.docs_dir)

        def read(path: str) -> str:
            text = _texts.get(path)
            if text is None:
                text = _texts[path] = (docs / path).read_text("utf-8")
            return text

        styles = bundle_feature_styles(features, read)
        uris = _uris_by_features[names] = (
            _publish(names, "js", bundle_features(features, read)),
            None if styles is None else _publish(names, "css", styles),
        )
    script, style = uris
    if style is not None:
        _style_by_page[page.url] = style
    src = get_relative_url(script, page.url)
    return html + "\n" + loader(src, lazy=after_load(features)) + "\n"


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Link the page's feature stylesheet right after the guide's own (before </head> if a
    theme writes that one differently)."""
    style = _style_by_page.get(page.url)
    if style is None:
        return output
    tag = f'<link rel="stylesheet" href="{get_relative_url(style, page.url)}">'
    guide = [uri for uri in _bundles if uri.endswith(".css")]
    found = (
        re.search(rf'<link [^>]*href="[^"]*{re.escape(guide[0])}"[^>]*>', output) if guide else None
    )
    at = found.end() if found else output.index("</head>")
    return output[:at] + "\n    " + tag + output[at:]


def on_post_build(config: MkDocsConfig) -> None:
    """Write the per-page feature bundles into the built site."""
    site = Path(config.site_dir)
    for uri, text in _page_bundles.items():
        (site / uri).write_text(text, "utf-8")
