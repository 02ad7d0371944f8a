"""`scan_text` finds exactly what a full search finds, though most texts are never searched.

`studyguide.text_scan` first asks each text `may_hold_finding` (a digit, an opening quote mark
where one can open, a spelled number a figure starts at), and the search skips what cannot
match there (a quote pattern whose opening mark is absent, the spelled patterns where none
matches). These tests hold it to the scan as it was before any of that, `reference_scan`:
every pattern's `finditer` over the whole text. On the labelled corpus, on thousands of texts
generated to catch each shortcut out (every quote mark, glued or not; digits of other scripts
and full-width ones; the characters `re.IGNORECASE` reads as other letters; number words
inside other words), and (integration) on every text of the built site and its search index.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from studyguide import text_scan
from studyguide.figures import FIGURE_RES, SPELLED_RES, kept_figures
from studyguide.model_lines import GLUED_MARKS, OPENING_MARKS, QUOTE_MARKS, QUOTE_RES
from studyguide.normalise import normalise
from studyguide.not_figures import NOT_FIGURE_RES
from studyguide.output_check import scan_text
from studyguide.output_text import SEARCH, fragment_segments, page_segments
from studyguide.text_scan import findings_of
from tests.test_figure_search import corpus_texts


def reference_figures(text: str) -> list[tuple[int, int]]:
    """`find_figures` as every pattern's full search: the figures with digits and the spelled
    ones, and the labels and fixed expressions that shadow them."""
    found = [(*m.span(), k) for k, p in FIGURE_RES + SPELLED_RES for m in p.compiled.finditer(text)]
    blocked = [m.span() for p in NOT_FIGURE_RES for m in p.compiled.finditer(text)]
    return kept_figures(text, found, blocked)


def reference_quotes(text: str) -> list[tuple[int, int, str]]:
    """`quoted_spans` as every quote pattern's full search, each match that overlaps none
    before it kept."""
    out: list[tuple[int, int, str]] = []
    for _, pattern in QUOTE_RES:
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b, _ in out):
                out.append((*m.span(), next(g for g in m.groups() if g is not None)))
    return sorted(out)


def reference_scan(text: str, container: bool = False) -> list[tuple[str, str]]:
    """`scan_text` as it was before it skipped anything: its code then, on full searches
    (what it makes of the figures and quotes found is `findings_of`, unchanged since)."""
    may_quote = not container and any(mark in text for mark in QUOTE_MARKS)
    quotes = reference_quotes(text) if may_quote else []
    return findings_of(text, reference_figures(text), quotes, container=container)


# Words to catch each shortcut out: spelled numbers and what makes them figures, number words
# inside other words, characters IGNORECASE reads as other letters, digits of every kind,
# every quote mark (alone, glued to a word, opening a passage), labels and fixed expressions.
_SOUP_WORDS = """
    one One ONE two Two three-layer four ten twenty hundred thousand million billion
    a A half HALF a-half dozen dozens of a-third thirds quarter fifths
    percent per cent fold -fold tenfold one-day one-on-one in for within the
    times people rounds teams weeks days hours dollars euros users
    tension often someone attend phone anyone tenant sixth seventeenth
    Twofold oneness done bone fifty-fifty thousands hundreds nineteenth
    ſix ſeven İn ıt Bıllion İ ſ ı
    5 10 2.5 1,000 24/7 3/4 10x 50% 99.9 -3 +4% $5 €10 USD £
    ٣ ५ ૭ ๓ 𝟓 １２ ３ 5０ ½ ² ⅔
    chapter step round v2 rule out of scale Python 3.11 OAuth 2.0 1980s
    don't it’s l'été x" 27" rock'n'roll ‘twas '90s Bob’s
    we I would start with the user and measure it why how?
    , . ( ) - — / : ; ! ?
"""
_PASSAGE = "we would start with the user"
SOUP = [
    *_SOUP_WORDS.split(),
    *QUOTE_MARKS,
    *(f"{o}{_PASSAGE}{c}" for o, c in zip("\"'“„«»‹「『‘‚", "\"'”“»«›」』’‘", strict=True)),
    *(f"{o}{_PASSAGE}" for o in OPENING_MARKS),
]


def adversarial_texts(count: int, seed: int) -> list[tuple[str, bool]]:
    """`count` generated (text, container) pairs, half of them normalised as a page's are."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        joins = [rng.choice(["", " ", " ", " ", "-", "  "]) for _ in range(16)]
        text = "".join(rng.choice(SOUP) + join for join in joins[: rng.randint(1, 16)])
        out.append((normalise(text) if i % 2 else text, i % 10 == 0))
    return out


def differences(texts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The (text, container) pairs where `scan_text` and the reference disagree."""
    return [(t, c) for t, c in texts if scan_text(t, container=c) != reference_scan(t, c)]


def test_the_scan_finds_what_a_full_search_finds_on_the_corpus() -> None:
    texts = [(t, c) for t in corpus_texts() for c in (False, True)]
    assert any(reference_scan(t, c) for t, c in texts)
    assert differences(texts) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_scan_finds_what_a_full_search_finds_on_adversarial_text(seed: int) -> None:
    texts = adversarial_texts(2_000, seed)
    assert sum(1 for t, c in texts if not c and not text_scan.may_hold_finding(t)) > 100
    found = [kind for t, c in texts for kind, _ in reference_scan(t, c)]
    assert {kind: found.count(kind) > 20 for kind in ("figure", "quote", "container")} == {
        "figure": True,
        "quote": True,
        "container": True,
    }
    assert differences(texts) == []


def test_a_gate_that_forgets_a_case_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Adversarial: the comparison bites. A gate that only looks for digits and quote marks
    misses spelled figures; one blind to quote marks misses model lines too."""
    figure = ("A loop of five rounds.", False)
    quote = ('She said "we would start with the user first".', False)
    assert differences([figure, quote]) == []
    digits_and_marks = re.compile(rf"[\d{re.escape(QUOTE_MARKS)}]")
    monkeypatch.setattr(text_scan, "may_hold_finding", lambda t: bool(digits_and_marks.search(t)))
    assert differences([figure, quote]) == [figure]
    assert differences(adversarial_texts(2_000, 1))
    monkeypatch.setattr(text_scan, "may_hold_finding", lambda t: bool(re.search(r"\d", t)))
    assert differences([figure, quote]) == [figure, quote]


@pytest.mark.parametrize(
    ("text", "may_hold"),
    [
        ("Plain words and nothing more", False),
        ("Don't skip the someone-often tension", False),  # apostrophe, words holding numbers
        ("It’s the tenant’s call", False),  # curly apostrophes close; they open nothing
        ("One system, three layers", False),  # spelled numbers that start no figure
        ("Five rounds", True),
        ("It took ſix weeks", True),  # "ſ" reads as "s": searched in full
        ("Version ٣ ships", True),  # an Arabic-Indic digit is a digit
        ('He said "hi"', True),
        ("She said 'hi'", True),
        ("«bonjour»", True),
    ],
)
def test_what_the_gate_lets_through(text: str, may_hold: bool) -> None:
    assert text_scan.may_hold_finding(text) is may_hold


def test_every_quote_opens_with_one_of_its_marks() -> None:
    """A quote pattern is skipped on text without one of its opening marks: every match of
    each starts with one of them, on text mixing every mark with words."""
    rng = random.Random(4)
    words = [*QUOTE_MARKS, "we", "start", "with", "the", "user", "it's", "x", "?", "\n", "7"]
    texts = [" ".join(rng.choice(words) for _ in range(14)) for _ in range(3_000)]
    texts += [
        rng.choice(["", " "]).join(rng.choice(words) for _ in range(14)) for _ in range(3_000)
    ]
    starts = {
        (opening, t[m.start()]) for opening, p in QUOTE_RES for t in texts for m in p.finditer(t)
    }
    assert {opening for opening, _ in starts} == {opening for opening, _ in QUOTE_RES}
    assert all(first in opening for opening, first in starts)
    assert set(OPENING_MARKS) == {first for _, first in starts}


@pytest.mark.parametrize("mark", GLUED_MARKS)
def test_a_glued_mark_opens_no_quote(mark: str) -> None:
    """`'`, `"` and `‘` open nothing right after a letter, digit or "_", whatever its script
    (the gate counts them only where they can open): the passage that opens after a space
    does not open after any such character."""
    close = {"‘": "’"}.get(mark, mark)
    patterns = [p for opening, p in QUOTE_RES if mark in opening]
    body = f"{mark}we start with the user and measure it{close} now"
    assert all(p.match(" " + body, 1) for p in patterns)  # the control: it opens here
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    glued = re.findall(r"\w", everything)
    assert len(glued) > 100_000
    assert [c for c in glued for p in patterns if p.match(c + body, 1)] == []


@pytest.mark.integration
def test_the_scan_finds_what_a_full_search_finds_on_every_text_of_the_site(site_dir: Path) -> None:
    """Every (text, container) the build scans: each page's segments, each search entry's."""
    texts = {
        (s.text, s.container)
        for page in site_dir.rglob("*.html")
        for s in page_segments(page.read_text("utf-8"))
    }
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        markup = f"<p>{doc.get('title', '')}</p>{doc.get('text', '')}"
        texts |= {(s.text, s.container) for s in fragment_segments(markup, SEARCH)}
    assert len(texts) > 2_000
    assert sum(1 for t, c in texts if not c and not text_scan.may_hold_finding(t)) > 1_000
    assert differences(sorted(texts)) == []
