"""Shipping the guide's own assets: minified CSS, one JS bundle that behaves like its parts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from studyguide.assets import bundle_js, fingerprint, minify_css, minify_js
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
def test_site_ships_one_bundle_instead_of_the_sources(site_dir: Path) -> None:
    sources = sorted((ROOT / "docs/assets").glob("*.js"))
    assert sources
    for src in sources:
        assert not (site_dir / "assets" / src.name).exists(), f"{src.name} shipped unbundled"
    (bundle,) = (site_dir / "assets").glob("guide.*.min.js")
    text = bundle.read_text("utf-8")
    assert (
        text.splitlines()[0]
        == "/* " + " + ".join(f"assets/{p.name}" for p in _listed_order(sources)) + " */"
    )
    html = (site_dir / "index.html").read_text("utf-8")
    assert f'src="assets/{bundle.name}"' in html
    for css in (ROOT / "docs/assets").glob("*.css"):
        shipped = (site_dir / "assets" / css.name).read_text("utf-8")
        assert "/*" not in shipped and len(shipped) < len(css.read_text("utf-8"))


def _listed_order(sources: list[Path]) -> list[Path]:
    """The scripts in the order mkdocs.yml lists them."""
    listed = []
    in_js = False
    for line in (ROOT / "mkdocs.yml").read_text("utf-8").splitlines():
        if line.startswith("extra_javascript:"):
            in_js = True
        elif in_js and line.startswith("  - "):
            listed.append(line[4:].strip())
        elif in_js and line.strip():
            break
    by_name = {f"assets/{p.name}": p for p in sources}
    return [by_name[name] for name in listed if name in by_name]
