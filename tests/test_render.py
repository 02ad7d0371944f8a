"""HTML of claims: escaping for HTML and Markdown, kinds and provenance in words."""

from __future__ import annotations

from studyguide.claims import load_registry
from studyguide.render import (
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
