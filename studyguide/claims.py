"""The registry of sources and claims, loaded from `docs/claims.yml` and checked.

Every figure and model line in the guide is a claim here, so this module is the one place
that decides what a well-formed claim is. Loading never stops at the first problem: it
returns the registry it could build plus every problem found, each located in the YAML.
"""

from __future__ import annotations

import difflib
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field
from typing import Any

import yaml

from studyguide import grammar
from studyguide.pattern_cache import PatternCache
from studyguide.problems import Problem

# Module-level patterns come compiled from `make bytecode` (`studyguide.pattern_cache`).
_KEPT = PatternCache(__file__)
_compile = _KEPT.compile

KINDS = ("fact", "example", "script")
ID_RE = _compile(r"^[a-z0-9][a-z0-9-]*$")
SOURCE_FIELDS = {"title", "date", "read", "url", "note"}
CLAIM_FIELDS = {"value", "kind", "source", "prompt", "note", "label"}
# libyaml's loader when PyYAML has it (ten times faster on a large file); both give marks.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    """Where claims come from: a publication, or this guide itself for its own examples."""

    id: str
    title: str
    date: str
    url: str | None = None
    note: str | None = None
    line: int = 0
    read: str | None = None
    """The day this guide's authors read the source (YYYY-MM-DD), when it differs from `date`
    (a publication date): how old our reading is, which `make freshness` watches."""


@dataclass(frozen=True)
class Claim:
    """One figure or model line as readers see it, with its kind and source.

    `value` is the text as written; a script may embed other claims as `:claim[ID]`,
    which `Registry.text` resolves. `label` names the figure in words where it is shown
    without its sentence (the study sheet's figures), so no reader ever sees an id.
    """

    id: str
    value: str
    kind: str
    source: str
    prompt: str | None = None
    note: str | None = None
    line: int = 0
    label: str | None = None


@dataclass
class Registry:
    """All sources and claims of one build, looked up by id."""

    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)

    def text(self, claim_id: str) -> str:
        """The claim's value as plain text, embedded claim references replaced by their values."""
        return grammar.replace_claims(
            self.claims[claim_id].value,
            lambda ref: self.claims[ref].value if ref in self.claims else None,
        )

    def refs(self, claim_id: str) -> list[str]:
        """The ids a claim's value embeds, in order (empty for plain figures)."""
        return grammar.claim_ids(self.claims[claim_id].value)

    def suggest(self, claim_id: str) -> str | None:
        """The known claim id closest to a mistyped one, if any is close."""
        return did_you_mean(claim_id, self.claims)

    def to_json(self) -> dict[str, list[list[Any]]]:
        """The registry as JSON values (what `studyguide.result_cache` keeps)."""
        return {
            "sources": [list(astuple(s)) for s in self.sources.values()],
            "claims": [list(astuple(c)) for c in self.claims.values()],
        }

    @classmethod
    def from_json(cls, data: dict[str, list[list[Any]]]) -> Registry:
        """The registry `to_json` wrote, in the same order."""
        sources = [Source(*s) for s in data["sources"]]
        claims = [Claim(*c) for c in data["claims"]]
        return cls({s.id: s for s in sources}, {c.id: c for c in claims})


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """The closest known name to `name`, for "did you mean" hints."""
    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _hint(name: str, known: Iterable[str]) -> str:
    guess = did_you_mean(name, known)
    return f' — did you mean "{guess}"?' if guess else ""


class _Checker:
    """Walks the composed YAML tree, building the registry and collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        """The (key, value) pairs of a mapping node, reporting duplicates and non-mappings."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping of names to values — indent its entries")
            return []
        seen: dict[str, yaml.Node] = {}
        pairs = []
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                first = seen[name].start_mark.line + 1
                self.problem(
                    key,
                    f'duplicate id "{name}" in {what} (first defined on line '
                    f"{first}) — give one of them another id",
                )
                continue
            seen[name] = key
            pairs.append((key, value))
        return pairs

    def fields(self, node: yaml.Node, entry: str, allowed: set[str]) -> dict[str, str]:
        """The scalar fields of one entry, reporting unknown names and non-text values."""
        out: dict[str, str] = {}
        for key, value in self.mapping(node, f'"{entry}"'):
            name = str(key.value)
            if name not in allowed:
                self.problem(
                    key,
                    f'unknown field "{name}" in "{entry}"{_hint(name, allowed)} — '
                    f"allowed: {', '.join(sorted(allowed))}",
                )
            elif not isinstance(value, yaml.ScalarNode) or str(value.value).strip() == "":
                self.problem(value, f'field "{name}" of "{entry}" must be non-empty text')
            else:
                out[name] = str(value.value).strip()
        return out

    def check_id(self, key: yaml.ScalarNode, what: str) -> None:
        if not ID_RE.match(str(key.value)):
            self.problem(
                key,
                f'{what} id "{key.value}" must be lower-case letters, digits and '
                f'hyphens, e.g. "base-salary"',
            )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, then restore it as it was.

    Parsing a large claims file makes a node for every key and value; allocating them sets
    off collections that walk the whole build's heap (Material's templates and all) and
    free nothing, which can double the parse time inside a build.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_registry(text: str, path: str = "docs/claims.yml") -> tuple[Registry, list[Problem]]:
    """Parse and check the claims file, returning the registry and every problem found.

    Checks: YAML syntax, duplicate ids, missing or unknown fields, unknown kinds, unknown
    sources, malformed ids, and references inside values to claims that do not exist.
    """
    with _collector_paused():
        return _load_registry(text, path)


def _load_registry(text: str, path: str) -> tuple[Registry, list[Problem]]:
    registry = Registry()
    check = _Checker(path)
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(exc, "problem", None) or str(exc)
        return registry, [
            Problem(
                path,
                line,
                col,
                f"YAML syntax error: {reason} — fix the "
                "indentation or quoting here (quote values holding ': ' or '#')",
            )
        ]
    if root is None:
        return registry, [
            Problem(
                path, 1, 1, "the claims file is empty — it needs top-level `sources:` and `claims:`"
            )
        ]
    sections = {str(k.value): v for k, v in check.mapping(root, "the claims file")}
    for name in ("sources", "claims"):
        if name not in sections:
            check.problem(root, f"missing top-level `{name}:` section")
    for section in {str(k) for k in sections} - {"sources", "claims"}:
        check.problem(
            root, f'unknown top-level section "{section}" — only `sources:` and `claims:`'
        )

    for key, node in check.mapping(sections["sources"], "sources") if "sources" in sections else []:
        sid = str(key.value)
        check.check_id(key, "source")
        got = check.fields(node, sid, SOURCE_FIELDS)
        for required in ("title", "date"):
            if required not in got:
                check.problem(key, f'source "{sid}" has no `{required}:` — add it')
        if "url" not in got and "note" not in got:
            check.problem(
                key, f'source "{sid}" needs a `url:` or a `note:` saying where it is from'
            )
        registry.sources[sid] = Source(
            sid,
            got.get("title", ""),
            got.get("date", ""),
            got.get("url"),
            got.get("note"),
            key.start_mark.line + 1,
            read=got.get("read"),
        )

    value_nodes: dict[str, yaml.Node] = {}
    for key, node in check.mapping(sections["claims"], "claims") if "claims" in sections else []:
        cid = str(key.value)
        check.check_id(key, "claim")
        got = check.fields(node, cid, CLAIM_FIELDS)
        for required in ("value", "kind", "source"):
            if required not in got:
                check.problem(key, f'claim "{cid}" has no `{required}:` — add it')
        kind = got.get("kind")
        if kind is not None and kind not in KINDS:
            check.problem(
                node,
                f'claim "{cid}" has unknown kind "{kind}"{_hint(kind, KINDS)} — '
                "use fact, example or script",
            )
        source = got.get("source")
        if source is not None and source not in registry.sources:
            check.problem(
                node,
                f'claim "{cid}" names unknown source "{source}"'
                f"{_hint(source, registry.sources)} — add it under `sources:` or fix it",
            )
        if "value" in got:
            value_nodes[cid] = next(v for k, v in node.value if k.value == "value")
        registry.claims[cid] = Claim(
            cid,
            " ".join(got.get("value", "").split()),
            kind or "",
            source or "",
            got.get("prompt"),
            got.get("note"),
            key.start_mark.line + 1,
            label=got.get("label"),
        )

    for cid, claim in registry.claims.items():
        for ref in grammar.claim_ids(claim.value):
            target = registry.claims.get(ref)
            if target is None:
                check.problem(
                    value_nodes[cid],
                    f'claim "{cid}" embeds unknown claim ":claim[{ref}]"'
                    f"{_hint(ref, registry.claims)} — fix the id or add the claim",
                )
            elif grammar.claim_ids(target.value):
                check.problem(
                    value_nodes[cid],
                    f'claim "{cid}" embeds ":claim[{ref}]", which '
                    "embeds claims itself — embed plain figures only",
                )
    return registry, check.problems
