"""The generated ledger: every source and claim, with kinds, sources and where each is shown."""

from __future__ import annotations

from studyguide.claims import load_registry
from studyguide.context import BuildContext
from studyguide.ledger import render_ledger
from studyguide.pages import process_page

REGISTRY, _ = load_registry("""\
sources:
  art: {title: "An article", date: 2026-05-24, note: "one article, unverified"}
claims:
  pay: {value: "$170,000", kind: fact, source: art, note: "an average"}
  lat: {value: "<2 s>", kind: example, source: art}
  spare: {value: "9 days", kind: fact, source: art}
""")


def test_ledger_lists_sources_claims_kinds_and_pages() -> None:
    md = render_ledger(
        REGISTRY,
        {"pay": {"index.md", "flashcards"}, "lat": {"faq.md"}},
        {"index.md": ("Home", "../"), "faq.md": ("FAQ", "../faq/")},
    )
    assert "### An article {#source-art}" in md
    assert "Dated 2026-05-24; 3 claims." in md
    assert (
        '<tr id="claim-pay"><td><code>pay</code></td><td>$170,000<br><small>an average'
        '</small></td><td>reported figure</td><td><a href="#source-art">art</a></td>'
        '<td><a href="../">Home</a>, flashcards</td></tr>'
    ) in md
    assert "<td>&lt;2 s&gt;</td><td>example</td>" in md
    assert '<tr id="claim-spare">' in md and "<strong>unused</strong>" in md
    assert "## Unused claims" in md and "`spare`" in md
    assert "<table data-search-exclude>" in md  # the pages that show a figure are found instead


def test_context_records_usage_and_unused_problems() -> None:
    ctx = BuildContext(REGISTRY)
    ctx.add_page("index.md", process_page(":claim[pay]", REGISTRY, "docs/index.md"))
    ctx.mark_used("lat", "flashcards")
    assert ctx.usage == {"pay": {"index.md"}, "lat": {"flashcards"}}
    assert ctx.unused() == ["spare"]
    (p,) = ctx.unused_problems()
    assert f"{p.path}:{p.line}:{p.col}: {p.message}" == (
        'docs/claims.yml:6:3: claim "spare" is used nowhere — show it on a page '
        "with :claim[spare], give it a prompt for a flashcard, or delete it"
    )
