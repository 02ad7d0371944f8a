"""Shipping the guide's own assets: minified CSS, one JS bundle that behaves like its parts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from studyguide.assets import bundle_css, bundle_js, fingerprint, minify_css, minify_js
from tests.conftest import ROOT


def test_minify_css_drops_comments_and_space() -> None:
    assert minify_css("/* note */\na {\n  color : red ;\n}\n") == "a{color:red}\n"


def test_minify_js_keeps_code() -> None:
    assert minify_js("// note\nvar  a = 1 ;\n") == "var a=1;"


def test_bundle_keeps_order_and_separates_iifes() -> None:
    bundle = bundle_js(
        [
            ("a.js", "(function(){ window.x = [1]; })()"),
            ("b.js", "(function(r){ r.x.push(2); })(this)"),
        ]
    )
    assert bundle.splitlines()[0] == "/* a.js + b.js */"
    assert "})();\n(function(r)" in bundle


def test_bundle_runs_like_separate_scripts(tmp_path: Path) -> None:
    """Two IIFEs without trailing semicolons would call each other if simply concatenated."""
    bundle = bundle_js(
        [
            ("a.js", "(function(){ globalThis.x = [1]; })()\n"),
            ("b.js", "(function(){ globalThis.x.push(2); })()\n"),
        ]
    )
    script = tmp_path / "b.js"
    script.write_text(bundle + "console.log(JSON.stringify(globalThis.x));\n")
    out = subprocess.run(["node", str(script)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[1,2]"


def test_fingerprint_follows_content() -> None:
    assert fingerprint("a") == fingerprint("a") != fingerprint("b")
    assert len(fingerprint("a")) == 10


@pytest.mark.integration
@pytest.mark.parametrize(("kind", "section"), [("js", "extra_javascript"), ("css", "extra_css")])
def test_site_ships_one_bundle_instead_of_the_sources(
    site_dir: Path, kind: str, section: str
) -> None:
    sources = _listed(section)
    assert sources
    for src in sources:
        assert not (site_dir / src).exists(), f"{src} shipped unbundled"
    (bundle,) = (site_dir / "assets").glob(f"guide.*.min.{kind}")
    text = bundle.read_text("utf-8")
    assert text.splitlines()[0] == "/* " + " + ".join(sources) + " */"
    assert text.count("/*") == 1, "comments left in the bundle"
    raw = sum(len((ROOT / "docs" / src).read_text("utf-8")) for src in sources)
    assert len(text) < raw
    html = (site_dir / "index.html").read_text("utf-8")
    assert f'"assets/{bundle.name}"' in html


def test_css_bundle_keeps_cascade_order() -> None:
    css = bundle_css([("a.css", "p { color: red }"), ("b.css", "/* x */ p { color: blue }")])
    assert css == "/* a.css + b.css */\np{color:red}\np{color:blue}\n"


def _listed(section: str) -> list[str]:
    """The project's own files under `section` of mkdocs.yml, in the order listed there."""
    listed = []
    inside = False
    for line in (ROOT / "mkdocs.yml").read_text("utf-8").splitlines():
        if line.startswith(f"{section}:"):
            inside = True
        elif inside and line.startswith("  - "):
            listed.append(line[4:].strip())
        elif inside and line.strip():
            break
    return [p for p in listed if p.startswith("assets/") and (ROOT / "docs" / p).is_file()]
