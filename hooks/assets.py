"""MkDocs hook: ship the guide's own CSS minified and its own JavaScript as one bundle.

- on_config: read the project's scripts listed in `extra_javascript` (files under
  `docs/assets/`), bundle them, and list the bundle, deferred, in their place.
- on_files: publish the bundle, drop the individual scripts from the site, and replace the
  project's stylesheets with minified copies under the same names.

Anything not under `docs/assets/` (a theme's or a plugin's file) is left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.config_options import ExtraScriptValue  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from studyguide.assets import bundle_js, fingerprint, minify_css  # noqa: E402

OWN = "assets/"
_state: dict[str, object] = {}


def _own(path: str, docs: Path) -> bool:
    return path.startswith(OWN) and (docs / path).is_file()


def on_config(config: object) -> object:
    """Replace the project's own scripts by one fingerprinted bundle, keeping their order."""
    docs = Path(config["docs_dir"])  # type: ignore[index]
    scripts = config["extra_javascript"]  # type: ignore[index]
    own = [s for s in scripts if _own(str(getattr(s, "path", s)), docs)]
    if not own:
        _state.clear()
        return config
    paths = [str(getattr(s, "path", s)) for s in own]
    bundle = bundle_js((p, (docs / p).read_text("utf-8")) for p in paths)
    uri = f"{OWN}guide.{fingerprint(bundle)}.min.js"
    first = scripts.index(own[0])
    rest = [s for s in scripts if s not in own]
    script = ExtraScriptValue(uri)
    # Deferred: it runs after Material's own bundle (so `document$` exists) and never
    # blocks the first paint.
    script.defer = True
    rest.insert(first, script)
    scripts[:] = rest
    _state.update(uri=uri, bundle=bundle, scripts=set(paths))
    return config


def on_files(files: Files, config: object) -> Files:
    """Publish the bundle and minified stylesheets; leave out the bundled sources."""
    docs = Path(config["docs_dir"])  # type: ignore[index]
    bundled = _state.get("scripts", set())
    styles = {str(s) for s in config["extra_css"] if _own(str(s), docs)}  # type: ignore[index]
    for file in list(files):
        if file.src_uri in bundled:
            files.remove(file)
        elif file.src_uri in styles:
            files.remove(file)
            text = minify_css(file.content_string)
            files.append(File.generated(config, file.src_uri, content=text))  # type: ignore[arg-type]
    if "uri" in _state:
        files.append(File.generated(config, str(_state["uri"]), content=str(_state["bundle"])))  # type: ignore[arg-type]
    return files
