"""The state of one build that every surface shares: the registry, page results, usage.

The claims hook creates one `BuildContext` per build and later hooks (flashcards, study
sheet) read and add to it, so usage and problems from every surface end up in one place:
the ledger lists them and the build reports them together. The order the hooks must run in
is declared here too (`HOOK_NEEDS`), and checked when a build starts.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from typing import NamedTuple

from studyguide.claims import Registry
from studyguide.expand import PageResult, values_index
from studyguide.problems import Problem
from studyguide.result_cache import ResultCache

CLAIMS_HOOK = "hooks/claims.py"
# Each hook that reads the build context, and the hooks that must be listed before it under
# `hooks:` in mkdocs.yml. The claims hook creates the context in its `on_files`; a hook
# listed before it would find none (and its generated pages would not be expanded).
HOOK_NEEDS: dict[str, tuple[str, ...]] = {
    "hooks/diagrams.py": (CLAIMS_HOOK,),
    "hooks/study_sheet.py": (CLAIMS_HOOK,),
    "hooks/flashcards.py": (CLAIMS_HOOK,),
}


def _hook_name(path: str) -> str:
    """A hook's folder and file name (`/x/hooks/claims.py` -> `hooks/claims.py`)."""
    return "/".join(PurePosixPath(posixpath.normpath(path.replace("\\", "/"))).parts[-2:])


def hook_order_problem(listed: Iterable[str], hook: str) -> str | None:
    """Why `hook` cannot run with the hooks `listed` (in mkdocs.yml order), or None.

    Hooks are named by folder and file, however they are listed (`./hooks/claims.py` and
    `/abs/path/hooks/claims.py` are both `hooks/claims.py`).
    """
    return _order_problem(tuple(listed), hook)


@lru_cache(maxsize=256)
def _order_problem(listed: tuple[str, ...], hook: str) -> str | None:
    """hook_order_problem, worked out once per hook list: hooks ask on every page."""
    order = [_hook_name(h) for h in listed]
    me = _hook_name(hook)
    position = order.index(me) if me in order else len(order)
    for needed in HOOK_NEEDS.get(me, ()):
        if needed not in order:
            return (
                f"mkdocs.yml: {me} needs {needed}, which is not listed under `hooks:` — "
                f"add `- {needed}` before `- {me}`"
            )
        if order.index(needed) > position:
            return (
                f"mkdocs.yml: {me} is listed before {needed}, which creates the build context "
                f"it reads — move `- {needed}` above `- {me}` under `hooks:`"
            )
    return None


class GeneratedPage(NamedTuple):
    """A page that exists only in the build, never in docs/: the one way hooks add pages.

    The page's file holds only `front_matter` (what MkDocs reads for its title and meta
    description). Its Markdown is `body()`, called when MkDocs renders the page, after
    every hook's `on_files`, so a body may depend on what all surfaces recorded (the
    ledger's usage). With `expand`, the claims hook expands and checks the claim syntax in
    the body like any page's; without, the body is used as given (it is already expanded).
    """

    src_uri: str
    front_matter: str
    body: Callable[[], str]
    expand: bool = True


@dataclass
class BuildContext:
    """Registry, per-page results, claim usage and problems of one build."""

    registry: Registry
    claims_path: str = "docs/claims.yml"
    pages: dict[str, PageResult] = field(default_factory=dict)
    usage: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Each content page's file as read, by src path (`sources`; generated pages are not
    # among them), and the Markdown it was processed from, front matter stripped (`bodies`):
    # later hooks reuse them instead of reading and parsing the files again, and can tell
    # whether another plugin changed a page.
    sources: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    # The generated pages by src path: their front matter and how their body is made.
    generated: dict[str, GeneratedPage] = field(default_factory=dict)
    # A hash of the claims file as read (what results kept between builds are keyed on), and
    # what this build may reuse from the one before it.
    claims_key: str = ""
    results: ResultCache = field(default_factory=ResultCache)

    @cached_property
    def values(self) -> dict[str, str]:
        """Claim values mapped to their ids (`values_index`), built once per build for
        every page's "this figure is claim X" hints."""
        return values_index(self.registry)

    def mark_used(self, claim_id: str, where: str) -> None:
        """Record that `where` (a page's src path, or e.g. "flashcards") shows a claim."""
        self.usage.setdefault(claim_id, set()).add(where)
        for ref in self.registry.refs(claim_id) if claim_id in self.registry.claims else []:
            self.usage.setdefault(ref, set()).add(where)

    def add_page(self, src_uri: str, result: PageResult) -> None:
        """Keep a processed page's result, its usage and its problems."""
        self.pages[src_uri] = result
        for claim_id in result.used:
            self.mark_used(claim_id, src_uri)
        self.problems.extend(result.problems)

    def unused(self) -> list[str]:
        """Ids of claims no page, card or sheet shows, in file order."""
        return [cid for cid in self.registry.claims if not self.usage.get(cid)]

    def unused_problems(self) -> list[Problem]:
        """One problem per unused claim, located at its entry in the claims file."""
        hints = {
            cid: f" or ::script[{cid}]"
            for cid, c in self.registry.claims.items()
            if c.kind == "script"
        }
        return [
            Problem(
                self.claims_path,
                self.registry.claims[cid].line,
                3,
                f'claim "{cid}" is used nowhere — show it on a page with :claim[{cid}]'
                f"{hints.get(cid, '')}"
                ", give it a prompt for a flashcard, or delete it",
            )
            for cid in self.unused()
        ]
