"""What readers download of the guide's own CSS and JavaScript: one minified bundle of each.

The sources in `docs/assets/` stay readable, commented and testable one file each (Node runs
the scheduler's tests against them). The site ships them minified and bundled, so the
project's own code stays inside its page-weight budget and costs two requests instead of
one per feature.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import rcssmin
import rjsmin


def minify_css(text: str) -> str:
    """A stylesheet without comments and needless whitespace."""
    return str(rcssmin.cssmin(text)).strip() + "\n"


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
