"""Relative links in copied Markdown: made to work from another page, or from anywhere.

Card text is written on one page and shown on another (a deck page in another folder) or
outside the site (the Anki and CSV exports); its relative links must still reach the same
target. URLs with a scheme, site-absolute paths and `<autolinks>` are left alone. The same
holds for HTML rendered for one page and copied into another (`rebase_urls`: the Review
page's cards, copied from the deck pages).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from studyguide.page_text import LINK_TARGET_RE
from studyguide.pattern_cache import PatternCache

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

# Targets left alone: URLs with a scheme (https:, mailto:), site-absolute paths, <autolinks>.
_EXTERNAL_RE = _compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^<")
_URL_ATTR_RE = _compile(r'(\s(?:href|src)=")([^"]*)(")')
# An id attribute's name and value; `element_ids` checks the word boundary before it.
_ID_ATTR_RE = _compile(r'id="([^"]+)"')


def element_ids(markup: str) -> list[str]:
    r"""The value of every `id="..."` in `markup`, in order: what `re.findall(r'\bid="([^"]+)"')`
    gives, about fifteen times faster (a pattern opening with `\b` is tried at every
    character; this one is found by its literal start, and the boundary checked after:
    `\w` is a letter, digit or numeric character, or `_`)."""
    found: list[str] = []
    pos = 0
    while m := _ID_ATTR_RE.search(markup, pos):
        at = m.start()
        if at and (markup[at - 1].isalnum() or markup[at - 1] == "_"):
            pos = at + 1  # no boundary: try again one character on, as findall would
            continue
        found.append(m.group(1))
        pos = m.end()
    return found


def _rewrite(markdown: str, from_uri: str, new_target: Callable[[str], str]) -> str:
    """Each relative link or image target in `markdown` (written on page `from_uri`) replaced
    by `new_target(path)`, `path` being the target's page path under docs/; anchors kept."""
    if "](" not in markdown:
        return markdown  # no link or image to rewrite (every one holds "](")
    src_dir = posixpath.dirname(from_uri)

    def fix(m: re.Match[str]) -> str:
        target = m.group("target")
        if _EXTERNAL_RE.match(target):
            return m.group(0)
        path, hash_, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(src_dir, path)) if path else from_uri
        return f"{m.group('head')}{new_target(resolved)}{hash_}{anchor}{m.group('tail')}"

    return LINK_TARGET_RE.sub(fix, markdown)


def rebase_links(markdown: str, from_uri: str, to_uri: str) -> str:
    """Rewrite relative Markdown links written on page `from_uri` to work on page `to_uri`.

    Card text is copied from its page into a deck page in another folder; a link such as
    `[lens](three-layer-lens.md)` or `[above](#step-2)` must still reach the same target.
    """
    dst_dir = posixpath.dirname(to_uri)
    return _rewrite(markdown, from_uri, lambda path: posixpath.relpath(path, dst_dir or "."))


def absolute_links(markdown: str, from_uri: str, site_url: str) -> str:
    """Rewrite relative Markdown links written on page `from_uri` as absolute URLs under
    `site_url`, pages as their directory URLs (`faq.md#x` -> `<site_url>faq/#x`).

    Exported cards live outside the site, so only absolute links still lead somewhere.
    """
    base = site_url.rstrip("/") + "/"

    def absolute(path: str) -> str:
        if path.endswith(".md"):
            stem = path.removesuffix(".md")
            stem = stem.removesuffix("index") if stem.endswith(("/index", "index")) else stem
            path = stem if not stem or stem.endswith("/") else stem + "/"
        return base + path

    return _rewrite(markdown, from_uri, absolute)


def relative_url(target: str, from_url: str) -> str:
    """The URL of site path `target` relative to a page at site URL `from_url`.

    Directory URLs end in `/` (`flashcards/figures/`); file URLs do not (`.../figures.html`).
    """
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def rebase_urls(markup: str, from_url: str, to_url: str) -> str:
    """`markup` rendered for page `from_url`, its relative `href`/`src` targets rewritten to
    reach the same places from page `to_url` (both site URLs, as MkDocs gives them). An
    anchor alone points into its own page: it gets that page's path, unless the id is in
    `markup` itself."""
    ids = set(element_ids(markup))
    from_dir = from_url if not from_url or from_url.endswith("/") else posixpath.dirname(from_url)

    def fix(m: re.Match[str]) -> str:
        target = m.group(2)
        path, hash_, anchor = target.partition("#")
        if _EXTERNAL_RE.match(target) or (not path and anchor in ids):
            return m.group(0)
        site = _site_path(from_dir, path) if path else (from_url or "./")
        return f"{m.group(1)}{relative_url(site, to_url)}{hash_}{anchor}{m.group(3)}"

    return _URL_ATTR_RE.sub(fix, markup)


def _site_path(folder: str, path: str) -> str:
    """Relative `path`, written in site folder `folder`, as a site path; a folder ends in `/`
    (the site root is `./`), as `relative_url` expects."""
    joined = posixpath.normpath(posixpath.join(folder, path))
    if not (path.endswith("/") or posixpath.basename(path) in (".", "..")):
        return joined
    return "./" if joined == "." else joined + "/"
