"""What a build computed that the next build would compute again, kept in `.cache/studyguide/`.

The output check reads every rendered page and the search index. What it finds before any
claim is exempted (the segments with a figure or a quoted line, and what each holds) depends
only on the page's HTML and on this package's code; the exemptions, which depend on the
claims, are applied afresh on every build. So a page whose HTML is byte for byte what a
build before saw is not read again: its findings come from this cache, keyed by a hash of
the HTML. The cache's file name carries a fingerprint of every module of this package and
of the Python version: any change to the code that computes results starts a new file.

A build saves only the entries it used, so the file never grows past one build's worth.
`STUDYGUIDE_CACHE=off` turns the cache off (`make bench` measures builds both ways); another
value names the folder to keep it in. Material's own plugins keep their caches the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

ENV = "STUDYGUIDE_CACHE"
T = TypeVar("T")
FILE_PREFIX = "results-"


@cache
def code_fingerprint() -> str:
    """A hash of every module of this package and of the Python version running it."""
    h = hashlib.blake2b(sys.version.encode(), digest_size=12)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def key_of(text: str) -> str:
    """The key a text is cached under: 128 bits of its SHA-256 (which CPUs run in hardware:
    twice as fast as BLAKE2 here, and a rebuild hashes every page)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def cache_folder(project: Path) -> Path | None:
    """Where a project's cache lives: `.cache/studyguide/` beside its `mkdocs.yml`, or the
    folder `STUDYGUIDE_CACHE` names; None when that variable is `off`."""
    setting = os.environ.get(ENV, "")
    if setting.lower() == "off":
        return None
    return Path(setting) if setting else project / ".cache" / "studyguide"


class ResultCache:
    """Results by kind and key for one build, read from and saved to one file."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._old: dict[str, dict[str, Any]] = {}
        self._used: dict[str, dict[str, Any]] = {}
        if folder is not None:
            try:
                loaded = json.loads(self._path().read_text("utf-8"))
            except (OSError, ValueError):
                loaded = {}  # no file yet, or one a crash cut short: start afresh
            self._old = loaded if isinstance(loaded, dict) else {}

    def _path(self) -> Path:
        assert self.folder is not None
        return self.folder / f"{FILE_PREFIX}{code_fingerprint()}.json"

    def value(
        self,
        kind: str,
        key: Callable[[], str],
        make: Callable[[], T],
        encode: Callable[[T], Any],
        decode: Callable[[Any], T],
    ) -> T:
        """`make()`'s value, kept as JSON (`encode`, `decode`) under the text `key()` gives.

        With nothing kept (a first build, the cache off) it is made and returned as it is: no
        key worked out (a key may be the JSON of every page) and no trip through JSON."""
        if self.folder is None:
            return make()
        return decode(self.get(kind, key(), lambda: encode(make())))

    def get(self, kind: str, text: str, compute: Callable[[], Any]) -> Any:
        """The result for `text` of this `kind`: kept from before, or computed now. Results
        must be JSON values (lists, strings, numbers); tuples come back as lists (from a
        cache; with nothing kept, the result comes back as computed: no key to work out)."""
        if self.folder is None:
            return compute()
        key = key_of(text)
        used = self._used.setdefault(kind, {})
        if key in used:
            return used[key]
        old = self._old.get(kind)
        if isinstance(old, dict) and key in old:
            value = used[key] = old[key]
            return value
        value = used[key] = json.loads(json.dumps(compute()))
        return value

    def save(self) -> None:
        """Write what this build used (nothing when it used exactly what was kept), and
        remove the files of other code versions."""
        if self.folder is None or self._used == self._old:
            return
        path = self._path()
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(self._used, separators=(",", ":")), "utf-8")
        partial.replace(path)  # atomic: a build running beside this one reads whole files
        for other in self.folder.glob(f"{FILE_PREFIX}*.json"):
            if other != path:
                other.unlink(missing_ok=True)
