"""The state of one build that every surface shares: the registry, page results, usage.

The claims hook creates one `BuildContext` per build and later hooks (flashcards, study
sheet) read and add to it, so usage and problems from every surface end up in one place:
the ledger lists them and the build reports them together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from studyguide.claims import Registry
from studyguide.expand import PageResult, values_index
from studyguide.problems import Problem


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
