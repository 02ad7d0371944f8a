"""MkDocs hook: the installable, offline guide (web app manifest, icons, service worker).

Thin event functions over `studyguide.offline_app` (manifest, theme colours),
`studyguide.offline_icons` (the committed icons' check) and
`studyguide.offline_precache` (what the service worker saves):
- on_startup: remember whether this is `mkdocs serve` (the preview gets a switched-off worker
  that removes any earlier one, so edits always show).
- on_config: make the manifest and the minified registration script, and tell the templates
  about them in `config.extra.offline` (overrides/main.html links them and loads the script
  after the page's `load` event; the script adds the footer's "Works offline" line). Check
  that the icons committed in docs/assets/icons/ (drawn by `make icons`, published as any
  asset) were drawn from the favicon and palette as they are (`studyguide.offline_icons`).
- on_files: publish them; drop the sources `assets/sw.js` and `assets/offline.js` and the
  icons' stamp.
- on_post_build: write `sw.js` at the site root with the precache manifest of everything
  built. `make build` writes it once more after the downloads (scripts/offline_manifest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from studyguide.assets import fingerprint, loader, minify_js
from studyguide.offline_app import MANIFEST, palettes, web_manifest
from studyguide.offline_icons import STAMP, palette_css, stamp_problem
from studyguide.offline_precache import write_service_worker

WORKER_SOURCE = "assets/sw.js"
SCRIPT_SOURCE = "assets/offline.js"
# Stands for the script's URL in the loader; the template puts in the URL relative to the page.
SCRIPT_PLACEHOLDER = "OFFLINE_SCRIPT_URL"
_state: dict[str, str] = {"command": "build"}
_published: dict[str, str | bytes] = {}


def on_startup(command: str, dirty: bool) -> None:
    """Remember the command: `serve` switches the offline copy off."""
    _state["command"] = command


def _check_icons(docs: Path, favicon: str, background: str) -> None:
    """Stop the build, located, when the favicon cannot make icons or the committed icons in
    docs/assets/icons/ were drawn from other artwork or colours (`make icons` redraws them)."""
    where = f"{docs.name}/{favicon}:1:1"
    path = docs / favicon
    if not favicon or not path.is_file():
        raise PluginError(
            f"{where}: no SVG artwork for the app icons — set theme.favicon in mkdocs.yml "
            "to an SVG file under docs/"
        )
    try:
        problem = stamp_problem(docs, path.read_text("utf-8"), background)
    except ValueError as error:
        raise PluginError(f"{where}: {error}") from None
    if problem:
        raise PluginError(problem)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Make the manifest and registration script, check the committed icons; describe them
    for the templates."""
    _published.clear()
    docs = Path(config.docs_dir)
    theme = config.theme
    extra = config.extra
    colours = palettes(theme.get("palette"), palette_css(theme.dirs))
    manifest = web_manifest(
        name=config.site_name,
        short_name=str(extra.get("short_name") or config.site_name),
        description=config.site_description or "",
        site_url=config.site_url,
        colours=colours,
        lang=str(theme.get("language") or "en"),
    )
    _published[MANIFEST] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    _check_icons(docs, str(theme.get("favicon") or ""), colours[0].theme)
    script = minify_js((docs / SCRIPT_SOURCE).read_text("utf-8"))
    script_uri = f"assets/offline.{fingerprint(script)}.min.js"
    _published[script_uri] = script
    extra["offline"] = {
        "enabled": _state["command"] != "serve",
        "script": script_uri,
        "loader": loader(SCRIPT_PLACEHOLDER, lazy=True),
        "placeholder": SCRIPT_PLACEHOLDER,
        "manifest": MANIFEST,
    }
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the manifest and script (the icons are docs/ files); leave the worker and
    script sources and the icons' stamp out."""
    for file in list(files):
        if file.src_uri in (WORKER_SOURCE, SCRIPT_SOURCE, STAMP):
            files.remove(file)
    for uri, content in _published.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Write `sw.js` with the precache manifest of the site just built."""
    template = (Path(config.docs_dir) / WORKER_SOURCE).read_text("utf-8")
    site = Path(config.site_dir)
    write_service_worker(site, template, enabled=_state["command"] != "serve")
