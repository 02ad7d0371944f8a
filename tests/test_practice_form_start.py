"""Reading the rubric from where it starts gives what reading the whole page gives.

`read_rubric` skips the part of the page before the rubric when that part is plain HTML
(`PLAIN_HTML_RE`). The reference here reads the whole page, as `read_rubric` did before: both
must agree on the practice page as built, and on pages built to mislead a skip: fake rubrics
in comments, scripts, styles, text areas and CDATA, a class written with character
references, `>` and `<` inside quoted values, unclosed quotes and comments, stray `<`, an end
tag swallowing the rubric's tag, single-quoted and bare values, and mixes of all of them.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from studyguide.practice_form import (
    PLAIN_HTML_RE,
    Dimension,
    _RubricParser,
    read_rubric,
    rubric_of,
    rubric_start,
)
from tests.test_practice_form import RUBRIC


def reference(html: str) -> tuple[list[str], list[Dimension]]:
    """`read_rubric` as first written: the parser reads the whole page."""
    parser = _RubricParser()
    parser.feed(html)
    parser.close()
    return rubric_of(parser.rows)


FAKE = RUBRIC.replace("Trade-offs", "FAKE").replace("weight-metrics", "weight-fake")
# Pieces a page may hold before its rubric: plain ones (the skip applies), and ones that make
# a parser read what follows differently, or hide a rubric of their own.
PLAIN = [
    "<p>Some text &amp; more, 3 > 2.</p>\n",
    '<a class="claim" href="../x/#y" title="W&amp;B&#39;s &quot;docs&quot;">40%</a>',
    '<div class="practice-dims" data-dims></div>',
    '<br/><hr /><img alt="" src="a.png">',
    "<!-- a comment with <b>tags</b> and - dashes -->",
    "<p>the practice-rubric class, named in text</p>",
    "<!-- practice-rubric, named in a comment -->",
    "</span>",
    "<p>&#112;ractice-rubric, a reference in text (text is never a class)</p>",
]
TRICKY = [
    f"<!-- {FAKE} -->",
    f"<script>var s = '{FAKE}';</script>",
    f'<SCRIPT type="x">{FAKE}</SCRIPT>',
    f"<style>{FAKE}</style>",
    f"<textarea>{FAKE}</textarea>",
    f"<![CDATA[ {FAKE} ]]>",
    FAKE.replace('class="practice-rubric"', 'class="&#112;ractice-rubric"'),
    FAKE.replace('class="practice-rubric"', "class='practice-rubric'"),
    FAKE.replace('class="practice-rubric"', "class=practice-rubric"),
    "<a title=\"x > <div class='practice-rubric'>\">t</a>",
    '<a title="unclosed>text ',
    "</a ",
    "a < b, and <3 ",
    "<!-- unclosed comment ",
    "<!-- a -- b -->",
    "<!-->",
    "<?pi practice-rubric?>",
    "<!DOCTYPE html>",
    '<a b="x"c>',
]


def _pages(rng: random.Random, count: int) -> list[str]:
    pages = []
    for _ in range(count):
        pieces = [rng.choice(PLAIN + TRICKY * (rng.random() < 0.5)) for _ in range(6)]
        if rng.random() < 0.3:
            pieces.insert(rng.randrange(len(pieces) + 1), FAKE)
        pages.append("".join(pieces) + RUBRIC + rng.choice(["", "<p>after</p>", FAKE]))
    return pages


def test_reading_from_the_start_point_finds_what_reading_the_whole_page_finds() -> None:
    rng = random.Random(13)
    pages = [p + RUBRIC for p in PLAIN + TRICKY] + _pages(rng, 400)
    skipped = 0
    for page in pages:
        assert read_rubric(page) == reference(page), page[:300]
        skipped += rubric_start(page) > 0
    assert 50 < skipped < len(pages), skipped  # both ways are taken, many times


def test_no_misleading_piece_is_ever_skipped() -> None:
    """Before the rubric, each tricky piece ends the plain part: the skip stops at or before
    it, never past it (and reading agrees with the reference either way)."""
    for piece in TRICKY:
        page = "<p>intro</p>" + piece + "<p>then</p>" + RUBRIC
        assert rubric_start(page) <= page.index(piece) + piece.index("<"), piece
        assert read_rubric(page) == reference(page), piece
    assert PLAIN_HTML_RE.fullmatch("".join(PLAIN)), "the plain pieces are plain"


@pytest.mark.integration
def test_the_built_practice_page_is_read_from_its_rubric(site_dir: Path) -> None:
    page = (site_dir / "practice/index.html").read_text("utf-8")
    article = re.search(r"<article\b[^>]*>(.*)</article>", page, re.S)
    assert article is not None
    for html in (page, article.group(1)):
        assert read_rubric(html) == reference(html)
        assert len(reference(html)[1]) == 3
    # The page content the hook reads: the skip applies, past nine tenths of it.
    assert rubric_start(article.group(1)) > 0.8 * len(article.group(1))
