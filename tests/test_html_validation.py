"""The built site is valid HTML (W3C Nu validator), apart from Material's own listed markup.

One JVM run validates every page of the session's built site (`GUIDE_SITE_DIR` under
`make test`); a second run over a few doctored copies proves the check fails on the kinds of
error this project has made (a figure inside a paragraph, a style inside a body noscript)
and that an allowance excuses only the element it names. The validator needs Java: missing
Java skips these tests locally and fails them under CI, like the browser tests.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from studyguide.html_validation import (
    MATERIAL_ALLOWANCES,
    Allowance,
    Message,
    missing_tools,
    parse_report,
    run_vnu,
    site_pages,
    triage,
)


@pytest.fixture(scope="module")
def validator() -> None:
    reason = missing_tools()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the HTML validator is required in CI: {reason}")
        pytest.skip(reason)


@pytest.mark.integration
def test_every_page_of_the_built_site_is_valid_html(validator: None, site_dir: Path) -> None:
    pages = site_pages(site_dir)
    assert len(pages) > 10, f"too few pages in {site_dir}"
    errors, unused = triage(run_vnu(pages))
    assert not errors, "invalid HTML in the project's markup:\n" + "\n".join(map(str, errors))
    assert not unused, "allowances that excuse nothing any more — remove them:\n" + "\n".join(
        a.why for a in unused
    )


# Each doctored copy of the home page: what is done to it, and the message it must cause.
DOCTORED = {
    "figure-in-p.html": (
        lambda html: html.replace(
            "</article>", '<p><figure class="script"><p>Said</p></figure></p></article>', 1
        ),
        "No “p” element in scope but a “p” end tag seen.",
    ),
    "noscript-style.html": (
        lambda html: html.replace(
            "</article>", "<noscript><style>.x{display:none}</style></noscript></article>", 1
        ),
        "Element “style” not allowed as child of element “noscript”",
    ),
    "our-own-autocomplete.html": (
        lambda html: html.replace(
            "</article>", '<input class="my-toggle" type="checkbox" autocomplete="off"></article>'
        ),
        "Attribute “autocomplete” is only allowed",
    ),
}


@pytest.fixture(scope="module")
def doctored(
    validator: None, site_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, list[Message]], list[Message]]:
    """Errors no allowance covers, per doctored file, from one validator run; and the raw
    messages of an untouched copy (only Material's allowed errors)."""
    folder = tmp_path_factory.mktemp("doctored")
    home = (site_dir / "index.html").read_text("utf-8")
    (folder / "untouched.html").write_text(home, "utf-8")
    for name, (change, _) in DOCTORED.items():
        changed = change(home)
        assert changed != home, f"{name}: the doctoring found nothing to change"
        (folder / name).write_text(changed, "utf-8")
    messages = run_vnu(sorted(folder.glob("*.html")))
    errors, _ = triage(messages)
    by_file: dict[str, list[Message]] = {}
    for message in errors:
        by_file.setdefault(message.path.name, []).append(message)
    untouched = [m for m in messages if m.path.name == "untouched.html"]
    return by_file, untouched


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(DOCTORED))
def test_an_injected_error_fails_with_file_line_and_message(
    doctored: tuple[dict[str, list[Message]], list[Message]], name: str
) -> None:
    errors = doctored[0].get(name, [])
    expected = DOCTORED[name][1]
    assert any(m.text.startswith(expected) for m in errors), [str(m) for m in errors]
    assert all(re.match(rf".*{re.escape(name)}:\d+:\d+: \S", str(m)) for m in errors)


@pytest.mark.integration
def test_the_untouched_page_has_only_allowed_errors(
    doctored: tuple[dict[str, list[Message]], list[Message]],
) -> None:
    by_file, untouched = doctored
    assert "untouched.html" not in by_file
    assert untouched, "Material's markup is valid now: the allowances can go"


def _report(*items: dict[str, object]) -> str:
    return json.dumps({"messages": list(items)})


def test_parse_report_reads_the_markup_each_error_is_on(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<!doctype html>\n<p>\n  <input type="text" autocorrect="off">\n', "utf-8")
    report = _report(
        {"type": "info", "url": page.as_uri(), "lastLine": 1, "message": "just info"},
        {
            "type": "error",
            "url": page.as_uri(),
            "lastLine": 3,
            "firstColumn": 3,
            "lastColumn": 39,
            "message": "Attribute “autocorrect” not allowed on element “input” at this point.",
        },
    )
    [message] = parse_report(report)
    assert (message.line, message.column) == (3, 3)
    assert message.markup == '<input type="text" autocorrect="off">'
    assert str(message).startswith(f"{page}:3:3: Attribute “autocorrect” not allowed")


def test_an_allowance_excuses_its_message_on_its_element_only() -> None:
    allowance = Allowance("Bad attribute", '<input class="md-x"', "why")
    on_it = Message(Path("a.html"), 1, 1, "Bad attribute “x”.", '<input class="md-x" x>')
    elsewhere = Message(Path("a.html"), 2, 1, "Bad attribute “x”.", '<input class="mine" x>')
    other = Message(Path("a.html"), 3, 1, "Another error.", '<input class="md-x" x>')
    errors, unused = triage([on_it, elsewhere, other], [allowance])
    assert errors == [elsewhere, other] and unused == []
    errors, unused = triage([elsewhere], [allowance])
    assert errors == [elsewhere] and unused == [allowance], "an unused allowance is reported"


def test_material_allowances_each_name_a_message_and_a_tag() -> None:
    for allowance in MATERIAL_ALLOWANCES:
        assert allowance.message and allowance.tag.startswith("<") and allowance.why
