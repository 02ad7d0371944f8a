"""MkDocs hook: the installable, offline guide (web app manifest, icons, service worker).

Thin event functions over `studyguide.offline_app` (manifest, icons, theme colours) and
`studyguide.offline_precache` (what the service worker saves):
- on_startup: remember whether this is `mkdocs serve` (the preview gets a switched-off worker
  that removes any earlier one, so edits always show).
- on_config: make the manifest, the icons and the minified registration script, and tell
  the templates about them in `config.extra.offline` (overrides/main.html links them and
  loads the script after the page's `load` event; the script adds the footer's "Works
  offline" line).
- on_files: publish them; drop the sources `assets/sw.js` and `assets/offline.js`.
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
from studyguide.hook_support import build_cache_folder
from studyguide.offline_app import MANIFEST, icons, palettes, web_manifest
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


def _palette_css(config: MkDocsConfig) -> str:
    """Material's palette stylesheet (the primary colours by name), or "" without Material."""
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).glob("assets/stylesheets/palette.*.min.css")):
            return path.read_text("utf-8")
    return ""


def _icons(docs: Path, favicon: str, background: str, cache: Path | None) -> dict[str, bytes]:
    """The app icons from the favicon SVG (rendered once, then read from `cache`); a problem
    with it stops the build, located."""
    where = f"{docs.name}/{favicon}:1:1"
    path = docs / favicon
    if not favicon or not path.is_file():
        raise PluginError(
            f"{where}: no SVG artwork for the app icons — set theme.favicon in mkdocs.yml "
            "to an SVG file under docs/"
        )
    try:
        return icons(path.read_text("utf-8"), background, cache)
    except ValueError as error:
        raise PluginError(f"{where}: {error}") from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Make the manifest, icons and registration script; describe them for the templates."""
    _published.clear()
    docs = Path(config.docs_dir)
    theme = config.theme
    extra = config.extra
    colours = palettes(theme.get("palette"), _palette_css(config))
    manifest = web_manifest(
        name=config.site_name,
        short_name=str(extra.get("short_name") or config.site_name),
        description=config.site_description or "",
        site_url=config.site_url,
        colours=colours,
        lang=str(theme.get("language") or "en"),
    )
    _published[MANIFEST] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    # Like Material's own plugins, keep what a build makes and need not make again in .cache/.
    cache = build_cache_folder(config)
    _published.update(_icons(docs, str(theme.get("favicon") or ""), colours[0].theme, cache))
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
    """Publish the manifest, icons and script; leave the worker and script sources out."""
    for file in list(files):
        if file.src_uri in (WORKER_SOURCE, SCRIPT_SOURCE):
            files.remove(file)
    for uri, content in _published.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Write `sw.js` with the precache manifest of the site just built."""
    template = (Path(config.docs_dir) / WORKER_SOURCE).read_text("utf-8")
    site = Path(config.site_dir)
    write_service_worker(site, template, enabled=_state["command"] != "serve")
