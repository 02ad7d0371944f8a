"""Rules every flashcard follows, checked at build time so a contributor hears at once.

Cards are for recall, not trivia (issue 17):

- one idea per card, so short: a front of at most MAX_FRONT_WORDS words and a back of at most
  MAX_BACK_WORDS, counted on the text a reader sees (claims expanded to their values, Markdown
  links and emphasis reduced to their words, italic provenance lines left out);
- no card whose answer is an unverified number: a figure from the article or an illustrative
  example may appear inside an answer, but may not *be* the answer, except the reported rubric
  weights and the interview format (ANSWER_NUMBER_ALLOWED). A fact sourced from W&B's or
  CoreWeave's own documentation counts as verified;
- no two cards asking the same thing: fronts whose content words overlap by NEAR_DUPLICATE or
  more are reported at the later card, naming the earlier one (templated fronts that name a
  different subject in bold, such as two practice prompts, are different questions), and
  answers of some substance that share SAME_ANSWER of their words are one idea twice.

Each problem names the card's file and line, like every other build problem.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Generic, NamedTuple, TypeVar

from studyguide.cards import Card
from studyguide.claims import Claim, Registry
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

T = TypeVar("T")

MAX_FRONT_WORDS = 25
MAX_BACK_WORDS = 40
NEAR_DUPLICATE = 0.75
SAME_ANSWER = 0.6
MIN_ANSWER_WORDS = 6
ANSWER_NUMBER_ALLOWED = frozenset(
    {"weight-tradeoffs", "weight-metrics", "weight-communication", "rounds-count", "process-days"}
)
VERIFIED_SOURCE_PREFIXES = ("wandb-docs-", "weave-docs-", "coreweave-docs-")
# A back with fewer words than this once its claims are taken out *is* its claims.
MIN_OWN_WORDS = 5

SYNTAX_RE = _compile(r"(?P<colons>::?)(?P<name>claim|script|literal)\[(?P<arg>[^\]\n]*)\]")
PROVENANCE_RE = _compile(r"^[ \t]*\*[^*\n].*\*[ \t]*$", re.M)
LINK_RE = _compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
WORD_RE = _compile(r"[\w'’]+(?:[-./][\w'’]+)*")
NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
]
NUMERIC_RE = _compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
QUANTITY_QUESTION_RE = _compile(
    r"^\W*(?:how (?:many|much|long|fast|big|large|often|soon)|what (?:is|was|were) the "
    r"(?:number|share|percentage|figure|amount|size))\b",
    re.I,
)
SUBJECT_RE = _compile(r"\*\*([^*\n]+)\*\*|“([^”\n]+)”")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "should",
        "the",
        "this",
        "to",
        "what",
        "when",
        "which",
        "who",
        "why",
        "with",
        "you",
        "your",
    ]
)


def without_marks(text: str) -> str:
    """`text` without emphasis and code marks (`*`, `_`, backticks): what is read. Three
    replacements in C, several times faster than a pattern or `str.translate`."""
    return text.replace("*", "").replace("_", "").replace("`", "")


def visible_text(markdown: str, registry: Registry) -> str:
    """The words a reader sees: claims and scripts as their values, literals as written,
    links as their text, emphasis and code marks dropped."""

    def expand(m: re.Match[str]) -> str:
        if m.group("name") == "literal":
            return m.group("arg")
        claim = registry.claims.get(m.group("arg"))
        return claim.value if claim else m.group("arg")

    # Each pattern needs a "[" (a link, also "]("): text without one is left as it is.
    text = SYNTAX_RE.sub(expand, markdown) if "[" in markdown else markdown
    # A value may embed further claims (a script built from examples): one more pass.
    text = SYNTAX_RE.sub(expand, text) if "[" in text else text
    text = LINK_RE.sub(r"\1", text) if "](" in text else text
    return without_marks(text)


def read_text(markdown: str, registry: Registry) -> str:
    """The card text as a reader sees it (`visible_text`) without its italic provenance
    lines ("Reported by ...", "Moves, not words ..."), which label the answer but are not in
    it: what the rules count and compare."""
    return visible_text(PROVENANCE_RE.sub(" ", markdown), registry)


def word_count(markdown: str, registry: Registry) -> int:
    """Words in the card text as a reader sees it, without its provenance lines."""
    return len(WORD_RE.findall(read_text(markdown, registry)))


def is_verified(claim: Claim) -> bool:
    """A fact whose source is W&B's or CoreWeave's own documentation."""
    return claim.kind == "fact" and claim.source.startswith(VERIFIED_SOURCE_PREFIXES)


def unverified_numbers(markdown: str, registry: Registry) -> list[str]:
    """Ids of the numeric claims in `markdown` that are neither verified nor allowed."""
    out = []
    for m in SYNTAX_RE.finditer(markdown):
        claim = registry.claims.get(m.group("arg"))
        if m.group("name") != "claim" or claim is None or claim.kind == "script":
            continue
        if NUMERIC_RE.search(claim.value) and not (
            is_verified(claim) or claim.id in ANSWER_NUMBER_ALLOWED
        ):
            out.append(claim.id)
    return out


def answer_is_number(card: Card, registry: Registry) -> list[str]:
    """The unverified numeric claims this card's answer consists of, if its answer is one:
    the back barely says anything besides them, or the front asks for a quantity."""
    found = unverified_numbers(card.back_md, registry)
    if not found:
        return []
    # Italic paragraphs are provenance ("Reported by ..."), not the answer.
    own = SYNTAX_RE.sub(" ", PROVENANCE_RE.sub(" ", card.back_md))
    own_words = WORD_RE.findall(without_marks(own))
    if len(own_words) < MIN_OWN_WORDS or QUANTITY_QUESTION_RE.search(card.front_md):
        return found
    return []


def content_words(front: str) -> frozenset[str]:
    """The front's words that carry meaning: lower case, stop words and plural -s dropped."""
    return _meaning(_words(without_marks(front)))


def _words(text: str) -> list[str]:
    """`WORD_RE.findall(text)` with each word in lower case. ASCII text is lowered first, in
    one call: an ASCII letter's case never decides whether it is a word character, so the
    words found are the same. Other text is lowered word by word (lowering it whole could
    split a word: "İ" lowers to "i" and a combining dot, which is no word character)."""
    if text.isascii():
        return WORD_RE.findall(text.lower())
    return list(map(str.lower, WORD_RE.findall(text)))


def _meaning(words: Iterable[str]) -> frozenset[str]:
    """Lower-case `words` without stop words, plural -s dropped (`content_words`)."""
    # Each distinct word once: the same set as mapping every occurrence.
    kept = set(words) - STOPWORDS
    return frozenset([w[:-1] if w.endswith("s") and len(w) > 3 else w for w in kept])


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when both are empty)."""
    common = len(a & b)
    union = len(a) + len(b) - common
    return common / union if union else 0.0


def _subject(front: str) -> str | None:
    m = SUBJECT_RE.search(front)
    return (m.group(1) or m.group(2)).strip().lower() if m else None


class Question(NamedTuple):
    """What the near-duplicate rule compares of a card's front, worked out once per card
    (comparing every pair of cards would otherwise re-read each front once per other card)."""

    subject: str | None
    words: frozenset[str]

    @classmethod
    def of(cls, front: str) -> Question:
        """The subject named in bold or quotes, and the content words, of `front`."""
        return cls(_subject(front), content_words(front))

    def asks_like(self, other: Question) -> bool:
        """True when the two questions ask nearly the same (see `near_duplicate`)."""
        if self.subject and other.subject and self.subject != other.subject:
            return False
        return similarity(self.words, other.words) >= NEAR_DUPLICATE


def near_duplicate(front_a: str, front_b: str) -> bool:
    """True when two questions ask nearly the same: their content words overlap by
    NEAR_DUPLICATE or more, unless each names a different subject in bold or quotes
    (`**...**`, “...”), as templated questions about different prompts or mistakes do."""
    return Question.of(front_a).asks_like(Question.of(front_b))


def answer_words(back: str, registry: Registry) -> frozenset[str]:
    """The content words of an answer as read, without its provenance lines."""
    return content_words(read_text(back, registry))


def same_answer(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two answers of some substance (MIN_ANSWER_WORDS content words or more) share
    SAME_ANSWER of their words: two cards teaching one idea under different questions."""
    if min(len(a), len(b)) < MIN_ANSWER_WORDS:
        return False  # short answers (a figure, a name) may rightly repeat
    return similarity(a, b) >= SAME_ANSWER


class EarlierCards(Generic[T]):
    """The cards seen so far, each with what a rule compares (`T`) and its content words,
    indexed by word. A similarity rule with threshold t needs shared words: at least
    t x |union| of them. So a card is compared only with earlier cards whose shared-word
    count can reach the threshold, first card first: the same answer as comparing it with
    every earlier card, without every pair."""

    def __init__(self, threshold: float) -> None:
        # A hair lower than the rule's own threshold: rounding never drops a pair here, and
        # `like` makes the exact comparison.
        self.threshold = threshold * (1 - 1e-9)
        self._cards: list[tuple[Card, T, frozenset[str]]] = []
        # The cards holding each word, as a set of positions written as bits of one integer
        # (card i is bit i): no list per word for the collector to track, and the union of
        # several words' cards is one `|`.
        self._by_word: dict[str, int] = {}

    def add(self, card: Card, key: T, words: frozenset[str]) -> None:
        """Remember `card` with its `key`, under each of its `words`."""
        bit, by_word = 1 << len(self._cards), self._by_word
        for word in words:
            by_word[word] = by_word.get(word, 0) | bit
        self._cards.append((card, key, words))

    def first(self, words: frozenset[str], like: Callable[[T], bool]) -> Card | None:
        """The first earlier card whose key is `like` this one, among those sharing enough
        words with `words` to be similar."""
        # A similar card shares at least t x |union| >= t x n of the n words, so it lacks at
        # most n - ceil(t x n) of them and holds one of any n - floor(t x n) + 1 (one more
        # than needed when t x n is whole, which keeps rounding on the safe side). Those are
        # taken among the rarest words: the candidates are few, and each is then counted.
        # A word no earlier card holds is the rarest of all, and brings no candidate: with
        # enough of them, no earlier card can be similar.
        n, threshold, cards = len(words), self.threshold, self._cards
        postings = [p for p in map(self._by_word.get, words) if p]
        needed = n - int(threshold * n) + 1 - (n - len(postings))
        if needed <= 0:
            return None
        if needed < len(postings):
            postings.sort(key=int.bit_count)
            del postings[needed:]
        candidates = 0
        for posting in postings:
            candidates |= posting
        while candidates:  # lowest bit first: the earliest card first
            low = candidates & -candidates
            candidates ^= low
            card, key, other = cards[low.bit_length() - 1]
            shared = len(words & other)
            if shared >= threshold * (n + len(other) - shared) and like(key):
                return card
        return None


def check_cards(cards: Iterable[Card], registry: Registry) -> list[Problem]:
    """Every rule broken by `cards`, one problem each, in card order."""
    problems: list[Problem] = []
    earlier: EarlierCards[Question] = EarlierCards(NEAR_DUPLICATE)
    answers: EarlierCards[frozenset[str]] = EarlierCards(SAME_ANSWER)
    for card in cards:
        where = f'card "{card.id}"'
        # Each side's words found once, counted, then compared: the back as read has no
        # marks left (`content_words` would take them out again), and the front as read is
        # most often the front without its marks (no claim, link or provenance line in it).
        front_marked = without_marks(card.front_md)
        front_text = read_text(card.front_md, registry)
        front_words = _words(front_text)
        front = len(front_words)
        back_words = _words(read_text(card.back_md, registry))
        back = len(back_words)
        if front > MAX_FRONT_WORDS:
            problems.append(
                Problem(
                    card.source_path,
                    card.line,
                    1,
                    f"{where} has a {front}-word question — keep it to {MAX_FRONT_WORDS} "
                    "words: ask one thing",
                )
            )
        if back > MAX_BACK_WORDS:
            problems.append(
                Problem(
                    card.source_path,
                    card.back_line or card.line,
                    1,
                    f"{where} has a {back}-word answer — keep it to {MAX_BACK_WORDS} words: "
                    "one idea per card, split the rest into another card",
                )
            )
        numbers = answer_is_number(card, registry)
        if numbers:
            problems.append(
                Problem(
                    card.source_path,
                    card.line,
                    1,
                    f"{where} asks for an unverified number ({', '.join(numbers)}) — ask for "
                    "the reasoning the figure supports instead, or drop the card's prompt",
                )
            )
        question = Question(
            _subject(card.front_md),
            _meaning(front_words if front_text == front_marked else _words(front_marked)),
        )  # Question.of(card.front_md)
        twin = earlier.first(question.words, question.asks_like)
        if twin is not None:
            problems.append(
                Problem(
                    card.source_path,
                    card.line,
                    1,
                    f'{where} asks nearly the same as "{twin.id}" ({twin.source_path}:'
                    f"{twin.line}) — merge the two cards, or make this question ask "
                    "something else",
                )
            )
        words = _meaning(back_words)  # answer_words(card.back_md), worked out once
        echo = answers.first(words, functools.partial(same_answer, words))
        if twin is None and echo is not None:
            problems.append(
                Problem(
                    card.source_path,
                    card.line,
                    1,
                    f'{where} gives nearly the same answer as "{echo.id}" ({echo.source_path}:'
                    f"{echo.line}) — keep one card for the idea, or make this one teach "
                    "something the other does not",
                )
            )
        earlier.add(card, question, question.words)
        answers.add(card, words, words)
    return problems
