"""What readers download of the guide's own CSS and JavaScript: one minified bundle of each
on every page, and for the features a page uses one script and one stylesheet more
(`features_for`, `bundle_features`, `bundle_feature_styles`).

The sources in `docs/assets/` stay readable, commented and testable one file each (Node runs
the scheduler's tests against them). The site ships them minified and bundled, so the
project's own code stays inside its page-weight budget and costs two requests instead of
one per feature.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import NamedTuple

import rcssmin
import rjsmin


# Minified texts are kept by source text: a build bundles the same sources for several pages'
# feature sets (the store's scripts and the shared styles go into each), and minifying is a
# pure function of the text.
@functools.lru_cache(maxsize=128)
def minify_css(text: str) -> str:
    """A stylesheet without comments and needless whitespace."""
    return str(rcssmin.cssmin(text)).strip() + "\n"


@functools.lru_cache(maxsize=128)
def minify_js(text: str) -> str:
    """A classic script without comments and needless whitespace."""
    return str(rjsmin.jsmin(text)).strip()


def bundle_js(sources: Iterable[tuple[str, str]]) -> str:
    """Several classic scripts as one, in order, each minified.

    Each source must be self-contained (the guide's scripts are IIFEs); a `;` between them
    keeps one script's last expression from being called by the next one's parenthesis.
    """
    names, parts = [], []
    for name, text in sources:
        names.append(name)
        parts.append(minify_js(text).rstrip(";"))
    return f"/* {' + '.join(names)} */\n" + ";\n".join(parts) + ";\n"


def bundle_css(sources: Iterable[tuple[str, str]]) -> str:
    """Several stylesheets as one, in cascade order, each minified."""
    names, parts = [], []
    for name, text in sources:
        names.append(name)
        parts.append(minify_css(text))
    return f"/* {' + '.join(names)} */\n" + "".join(parts)


def fingerprint(text: str) -> str:
    """A short content hash for a file name, so browsers may cache the bundle for good."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


class Feature(NamedTuple):
    """A feature's scripts and stylesheets (paths under docs/) and the page markers that
    call for it."""

    name: str
    markers: tuple[str, ...]
    sources: tuple[str, ...]
    # Not needed for the first render: fetched after the page's `load` event when a page
    # uses no other feature (the home summary and the checklist, below the page's start).
    after_load: bool = False
    # Its stylesheets, in cascade order: linked in the page's <head> (render-blocking, so
    # the first paint is already styled), never on a page without the feature.
    styles: tuple[str, ...] = ()


# The saved-state layer every feature with stored progress needs, loaded first.
STORE = Feature(
    "store",
    (),
    (
        "assets/storage.js",
        "assets/start.js",
        "assets/stores.js",
    ),
)
# In load order. A page loads STORE plus each feature whose marker (an HTML attribute the
# feature's script looks for) occurs in its content; other pages load none of them.
# The scheduler and the flashcards' counts, settings and notices, with their styles: what a
# deck, the Review page and the flashcards index all load.
_CARDS_CORE = ("assets/vendor/ts-fsrs.min.js", "assets/srs.js", "assets/flashcards.js")
_CARDS_STYLES = ("assets/notice.css", "assets/flashcards.css")
FEATURES = (
    # A deck or the Review page: the study panel over the scheduler.
    Feature(
        "cards",
        ('data-fc-deck="',),
        (*_CARDS_CORE, "assets/flashcards-study.js"),
        styles=_CARDS_STYLES,
    ),
    # The flashcards index: counts and settings, no panel (the scheduler migrates SM-2 data).
    Feature("index", ("data-fc-index",), _CARDS_CORE, styles=_CARDS_STYLES),
    # The practice history's rules (practice-history.js) come with each feature that reads it;
    # the room's arithmetic (practice-score.js) only with the practice room.
    Feature(
        "backup",
        ("data-backup",),
        ("assets/practice-history.js", "assets/storage-backup.js", "assets/backup.js"),
        styles=("assets/notice.css", "assets/backup.css"),
    ),
    Feature(
        "practice",
        ("data-practice",),
        (
            "assets/practice-history.js",
            "assets/practice-score.js",
            "assets/practice-view.js",
            "assets/practice.js",
        ),
        styles=("assets/practice.css",),
    ),
    Feature(
        "progress",
        ("data-progress-summary", "data-progress-bar"),
        ("assets/practice-history.js", "assets/progress.js"),
        after_load=True,
        styles=("assets/progress.css",),
    ),
)
VENDORED = "assets/vendor/"


def after_load(features: Iterable[Feature]) -> bool:
    """True when a page's features may all wait for its `load` event."""
    wanted = [f for f in features if f is not STORE]
    return bool(wanted) and all(f.after_load for f in wanted)


def loader(src: str, *, lazy: bool) -> str:
    """The tag that loads a page's feature bundle: deferred, or (lazy) an inline script that
    adds it once the page has loaded (at once when it already has: instant navigation).

    The lazy script makes `src` (relative to the page) absolute as it runs. A relative `src`
    is resolved again whenever it is read, and by then a reader's click may have moved the
    address (instant navigation): the offline script, reading its own `src` to find the
    site's root after such a click, registered `faq/sw.js`, which does not exist."""
    if not lazy:
        return f'<script src="{src}" defer></script>'
    return (
        "<script>(function(u){u=new URL(u,document.baseURI).href;"
        "function g(){var s=document.createElement('script');s.src=u;"
        "document.body.append(s)}document.readyState==='complete'?g():"
        f"addEventListener('load',g,{{once:true}})}})({json.dumps(src)})</script>"
    )


def features_for(html: str) -> list[Feature]:
    """The features a page's content calls for, STORE first; none for a plain page."""
    wanted = [f for f in FEATURES if any(m in html for m in f.markers)]
    return [STORE, *wanted] if wanted else []


def bundle_features(features: Iterable[Feature], read: Callable[[str], str]) -> str:
    """One classic script for a page's features, each source once: vendored files as they
    are (already minified, licence banner kept), the guide's own sources minified."""
    parts: list[tuple[str, str]] = []
    names: list[str] = []
    for feature in features:
        for path in feature.sources:
            if path in names:
                continue  # shared by two of the page's features: once is enough
            names.append(path)
            text = read(path)
            parts.append((path, text.strip() if path.startswith(VENDORED) else minify_js(text)))
    body = ";\n".join(t.rstrip(";") for _, t in parts)
    return f"/* {' + '.join(names)} */\n" + body + ";\n"


def feature_styles(features: Iterable[Feature]) -> list[str]:
    """The stylesheets a page's features need, in cascade order, each once."""
    paths: list[str] = []
    for feature in features:
        paths.extend(p for p in feature.styles if p not in paths)
    return paths


def bundle_feature_styles(features: Iterable[Feature], read: Callable[[str], str]) -> str | None:
    """One minified stylesheet for a page's features (each source once); None when they
    have no styles of their own."""
    paths = feature_styles(features)
    return bundle_css((p, read(p)) for p in paths) if paths else None
