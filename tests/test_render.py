"""HTML of claims: escaping for HTML and Markdown, kinds and provenance in words."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from studyguide.claims import load_registry
from studyguide.render import (
    ESCAPES,
    claim_html,
    escape,
    literal_html,
    provenance,
    script_html,
    unwrap_scripts,
)

REGISTRY, _ = load_registry("""\
sources:
  art: {title: "An article", date: 2026-05-24, note: n}
claims:
  fig: {value: "12%", kind: fact, source: art}
  ex: {value: "2 s", kind: example, source: art}
  line: {value: "Say :claim[ex] & mean it.", kind: script, source: art}
""")


# `escape` as first written: one simultaneous pass over the text with the table.
ONE_PASS = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
    | {c: f"&#{ord(c)};" for c in "*_`[]\\~^{}|#:"}
)


def test_escape_in_steps_is_the_one_pass_escape() -> None:
    """Replacing character by character (`&` first, `#` second) gives what one pass gives:
    on every string of up to three characters drawn from the escaped ones and from what
    their replacements are made of, on random longer strings, and on every claim value,
    provenance and source of the guide."""
    assert {ord(c): r for c, r in ESCAPES.items()} == ONE_PASS
    alphabet = [*ESCAPES, "a", "3", ";", "é", " ", "&amp;", "&#35;"]
    texts = ["".join(t) for n in range(4) for t in itertools.product(alphabet, repeat=n)]
    rng = random.Random(5)
    texts += ["".join(rng.choices(alphabet, k=rng.randint(4, 60))) for _ in range(3000)]
    guide, _ = load_registry((Path(__file__).parent.parent / "docs/claims.yml").read_text())
    texts += [guide.text(c) for c in guide.claims]
    texts += [provenance(c, guide) for c in guide.claims.values()]
    texts += [s.title for s in guide.sources.values()]
    for text in texts:
        assert escape(text) == text.translate(ONE_PASS), text


def test_escape_neutralises_html_and_markdown() -> None:
    assert escape('<b>"x" & *y* _z_ `c` [l](u)') == (
        "&lt;b&gt;&quot;x&quot; &amp; &#42;y&#42; &#95;z&#95; &#96;c&#96; &#91;l&#93;(u)"
    )


def test_provenance_words_per_kind() -> None:
    claims = REGISTRY.claims
    assert provenance(claims["fig"], REGISTRY).startswith("Reported by An article, 2026-05-24")
    assert "not a fact about W&B" in provenance(claims["ex"], REGISTRY)
    assert provenance(claims["line"], REGISTRY).startswith("Model line in this guide")


def test_fact_has_no_example_label_and_example_has_one() -> None:
    assert "claim__kind" not in claim_html(REGISTRY.claims["fig"], REGISTRY, "x/")
    assert ">example</span>" in claim_html(REGISTRY.claims["ex"], REGISTRY, "x/")


def test_script_resolves_and_escapes_embedded_claims() -> None:
    html = script_html(REGISTRY.claims["line"], REGISTRY, "../sources/")
    assert "<p>Say 2 s &amp; mean it.</p>" in html
    assert 'href="../sources/#claim-line"' in html


def test_literal() -> None:
    assert literal_html("a<b") == '<span class="literal">a&lt;b</span>'


def test_script_inside_a_tab_list_or_admonition_is_not_left_in_a_paragraph() -> None:
    import markdown

    figure = script_html(REGISTRY.claims["line"], REGISTRY, "x/")
    exts = ["admonition", "md_in_html", "pymdownx.superfences", "pymdownx.tabbed"]
    for body in (
        f'=== "Strong answer"\n\n    Text.\n\n    {figure}\n',
        f"- item\n\n    {figure}\n",
        f"!!! note\n    Text.\n\n    {figure}\n",
    ):
        html = markdown.markdown(body, extensions=exts)
        assert f"<p>{figure}</p>" in html, "Markdown no longer wraps it: drop unwrap_scripts"
        fixed = unwrap_scripts(html)
        assert figure in fixed and "<p><figure" not in fixed and "</figure></p>" not in fixed


def test_unwrap_scripts_leaves_other_paragraphs_and_figures_alone() -> None:
    html = '<p>Text <b>x</b></p><figure class="diagram"><p>a</p></figure><p><figure>y</figure></p>'
    assert unwrap_scripts(html) == html
