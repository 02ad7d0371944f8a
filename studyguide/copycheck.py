"""Find runs of ten or more words a text shares with a source, from a fingerprint of the source.

The guide must never copy a sentence from the articles and documentation it is written from,
but a clone of the repository does not carry those sources (they are not ours to publish).
So the repository keeps a *fingerprint* of each source instead: the set of hashes of its
ten-word shingles (every run of ten consecutive normalised words). The words cannot be read
back from the hashes, yet a page shares a ten-word run with the source exactly when one of the
page's own shingle hashes is in that set, so the copy check runs on any clone and reports the
page's words, never the source's.

Normalisation sees through what copying usually changes: case, Unicode compatibility forms,
curly quotes and apostrophes, every kind of dash, and punctuation.

Fingerprint file format (text, one hash a line, sorted): a header line
`# copycheck v1 run=10 hash=blake2b-64` then lines of 16 hex digits.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

RUN_LENGTH = 10
HEADER = f"# copycheck v1 run={RUN_LENGTH} hash=blake2b-64"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_APOSTROPHES = "'\u2018\u2019\u02bc"
_NON_WORD_RE = re.compile(r"[^\w\s]|_")
_HASH_RE = re.compile(r"[0-9a-f]{16}")


def normalise_words(text: str) -> list[str]:
    """Lower-case words with punctuation stripped, curly quotes and dashes normalised.

    Dashes of every kind (including the non-breaking hyphen) split words, apostrophes vanish
    (so don't == don’t == dont), and any other punctuation is a space.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    for dash in _DASHES:
        text = text.replace(dash, " ")
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    return _NON_WORD_RE.sub(" ", text).split()


def shingle_hash(words: Iterable[str]) -> str:
    """The 64-bit BLAKE2b hash, as 16 hex digits, of one run of normalised words."""
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()


def _shingles(words: list[str], length: int) -> Iterator[tuple[str, ...]]:
    for i in range(len(words) - length + 1):
        yield tuple(words[i : i + length])


def fingerprint(text: str, length: int = RUN_LENGTH) -> frozenset[str]:
    """The hashes of every run of `length` consecutive normalised words of `text`."""
    return frozenset(shingle_hash(run) for run in _shingles(normalise_words(text), length))


def shared_runs(text: str, source_print: frozenset[str], length: int = RUN_LENGTH) -> list[str]:
    """Every run of `length` words of `text` whose hash is in `source_print`, in page order."""
    return [
        " ".join(run)
        for run in _shingles(normalise_words(text), length)
        if shingle_hash(run) in source_print
    ]


def format_fingerprint(hashes: Iterable[str]) -> str:
    """The fingerprint file's text: the header, then the hashes sorted, one a line."""
    return "\n".join([HEADER, *sorted(set(hashes))]) + "\n"


def parse_fingerprint(text: str, name: str = "fingerprint") -> frozenset[str]:
    """The hashes of a fingerprint file; ValueError naming the line if it is malformed.

    A wrong header means the file was made with other rules (run length, hash), and matching
    against it would silently find nothing, so it is an error rather than an empty set.
    """
    lines = text.splitlines()
    if not lines or lines[0] != HEADER:
        found = lines[0] if lines else "an empty file"
        raise ValueError(
            f"{name}:1: expected the header {HEADER!r}, found {found!r}; "
            "regenerate it with `make fingerprints`"
        )
    hashes: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        if not _HASH_RE.fullmatch(line):
            raise ValueError(
                f"{name}:{number}: {line!r} is not 16 hex digits; "
                "regenerate it with `make fingerprints`"
            )
        hashes.add(line)
    return frozenset(hashes)


def load_fingerprints(folder: Path) -> dict[str, frozenset[str]]:
    """Every `*.txt` fingerprint in `folder`, by file stem."""
    return {
        path.stem: parse_fingerprint(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(folder.glob("*.txt"))
    }
