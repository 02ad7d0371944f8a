"""The generated ledger: every source and claim, with kinds, sources and where each is shown."""

from __future__ import annotations

import pytest

from studyguide.claims import load_registry
from studyguide.context import BuildContext
from studyguide.expand import expand_page
from studyguide.ledger import fill_claims_table, render_claims_table, render_ledger

REGISTRY, _ = load_registry("""\
sources:
  art: {title: "An article", date: 2026-05-24, note: "one article, unverified"}
claims:
  pay: {value: "$170,000", kind: fact, source: art, note: "an average"}
  lat: {value: "<2 s>", kind: example, source: art}
  spare: {value: "9 days", kind: fact, source: art}
""")


USAGE = {"pay": {"index.md", "flashcards"}, "lat": {"faq.md"}}
PAGES = {"index.md": ("Home", "../"), "faq.md": ("FAQ", "../faq/")}


def test_ledger_lists_sources_kinds_and_unused_claims_around_a_table_slot() -> None:
    md = render_ledger(REGISTRY, USAGE)
    assert "### An article {#source-art}" in md
    assert "Dated 2026-05-24; 3 claims." in md
    assert "## Claims\n\n<!-- claims-table -->\n" in md
    assert "## Unused claims" in md and "`spare`" in md and "`pay`" not in md
    assert "<table" not in md  # the table never goes through Markdown or the search index


def test_claims_table_lists_each_claim_its_kind_source_and_pages() -> None:
    table, anchors = render_claims_table(REGISTRY, USAGE, PAGES)
    assert (
        '<tr id="claim-pay"><td><code>pay</code></td><td><span class="claim-value">$170,000</span>'
        "<br><small>an average"
        '</small></td><td>reported figure</td><td><a href="#source-art">art</a></td>'
        '<td><a href="../">Home</a>, flashcards</td></tr>'
    ) in table
    assert '<td><span class="claim-value">&lt;2 s&gt;</span></td><td>example</td>' in table
    assert '<tr id="claim-spare">' in table and "<strong>unused</strong>" in table
    assert anchors == {"claim-pay", "claim-lat", "claim-spare"}


def test_claims_table_fills_exactly_one_slot() -> None:
    assert fill_claims_table("<h2>Claims</h2>\n<!-- claims-table -->\n", "<table/>") == (
        "<h2>Claims</h2>\n<table/>\n"
    )
    for broken in ("<h2>Claims</h2>", "<!-- claims-table --><!-- claims-table -->"):
        with pytest.raises(ValueError, match="exactly one"):
            fill_claims_table(broken, "<table/>")


def test_context_records_usage_and_unused_problems() -> None:
    ctx = BuildContext(REGISTRY)
    ctx.add_page("index.md", expand_page(":claim[pay]", REGISTRY, "docs/index.md"))
    ctx.mark_used("lat", "flashcards")
    assert ctx.usage == {"pay": {"index.md"}, "lat": {"flashcards"}}
    assert ctx.unused() == ["spare"]
    (p,) = ctx.unused_problems()
    assert f"{p.path}:{p.line}:{p.col}: {p.message}" == (
        'docs/claims.yml:6:3: claim "spare" is used nowhere — show it on a page '
        "with :claim[spare], give it a prompt for a flashcard, or delete it"
    )
