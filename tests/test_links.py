"""Every internal link and anchor of the built site resolves, checked by linkchecker over HTTP.

linkchecker crawls the site served on 127.0.0.1 from the home page, the 404 page and the
sitemap, with its AnchorCheck plugin on (tests/linkcheckerrc), and never fetches anything
from another host. A broken link is an error; a link to a missing `#anchor` is a warning;
the site must have neither. The adversarial tests inject one of each into a copy of the
site and prove that each alone makes the check fail.

linkchecker runs through tests/linkchecker_main.py: as the caller's user (run as root it
would drop to `nobody`, who cannot load its plugins from a checkout under a private folder)
and never without its AnchorCheck plugin (that run stops with exit status 3 instead).

The published site holds the downloads (`make build`). A bare `pytest` builds the HTML
alone; only then are links into `downloads/` left out, and never under CI or `make test`.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, serve_directory

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
LINKCHECKER_MAIN = Path(__file__).resolve().parent / "linkchecker_main.py"
CONFIG = Path(__file__).resolve().parent / "linkcheckerrc"
# Where crawling starts: the home page, the 404 page (linked from nowhere) and the sitemap,
# whose every <loc> linkchecker follows, so a page missing from the nav is still checked.
START_PATHS = ("", "404.html", "sitemap.xml")
SUMMARY_RE = re.compile(
    r"That's it\. (?P<links>\d+) links? in (?P<urls>\d+) URLs? checked\. "
    r"(?P<warnings>\d+) warnings? found(?: \((?P<more_warnings>\d+) ignored or duplicates "
    r"not printed\))?\. (?P<errors>\d+) errors? found(?: \((?P<more_errors>\d+) duplicates "
    r"not printed\))?\."
)

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class LinkReport:
    """What one linkchecker run found: its counts, exit status and full text output."""

    links: int
    urls: int
    warnings: int
    errors: int
    returncode: int
    output: str

    def findings(self) -> list[str]:
        """The output's blocks for URLs with an error or a warning, each on one line."""
        blocks = self.output.split("\n\n")
        found = [b for b in blocks if "\nResult     Error" in b or "\nWarning    " in b]
        # linkchecker wraps long lines: give each block as one line, for searching.
        return [" ".join(b.split()) for b in found]


def run_linkchecker(
    base_url: str,
    *,
    ignore: Sequence[str] = (),
    start: Sequence[str] = START_PATHS,
    depth: int | None = None,
    config: Path = CONFIG,
    pythonpath: Path | None = None,
) -> LinkReport:
    """Crawl the site at `base_url` with tests/linkcheckerrc and parse the closing summary.

    `start` are paths under `base_url` to begin at; `depth` limits recursion (1: check the
    start pages' own links and stop), for the adversarial tests' quick runs.
    """
    port = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/", base_url)
    assert port, f"not a local test server: {base_url}"
    # Only this server is internal: site_url's own address (canonical links) is not served.
    ignore = [rf"^https?://127\.0\.0\.1(?!:{port.group(1)}/)", *ignore]
    command = [sys.executable, str(LINKCHECKER_MAIN), "--config", str(config), "--no-status"]
    command += [f"--ignore-url={pattern}" for pattern in ignore]
    command += [] if depth is None else ["--recursion-level", str(depth)]
    command += [base_url + path for path in start]
    # The summary is parsed: keep linkchecker's messages in English whatever the locale.
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": "C"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=900, check=False
    )
    match = SUMMARY_RE.search(done.stdout)
    assert match, f"no linkchecker summary (exit {done.returncode}):\n{done.stdout}{done.stderr}"
    counts = {k: int(v or 0) for k, v in match.groupdict().items()}
    return LinkReport(
        links=counts["links"],
        urls=counts["urls"],
        warnings=counts["warnings"] + counts["more_warnings"],
        errors=counts["errors"] + counts["more_errors"],
        returncode=done.returncode,
        output=done.stdout,
    )


def published_ignores(site: Path) -> list[str]:
    """Links left out of the check: `downloads/` only for an HTML-only local build."""
    complete = os.environ.get("CI") or os.environ.get("GUIDE_SITE_DIR")
    if complete or (site / "downloads").is_dir():
        return []
    return [r"^https?://127\.0\.0\.1:\d+/downloads/"]


# A private copy of the built site, and a function that serves it (returns its base URL).
ServeCopy = tuple[Path, Callable[[], str]]


@pytest.fixture
def serve_copy(site_dir: Path, tmp_path: Path) -> Iterator[ServeCopy]:
    """A private copy of the site and a function that serves it.

    The adversarial tests edit this copy, never the shared built site.
    """
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve() -> str:
        base, server = serve_directory(copy)
        servers.append(server)
        return base

    yield copy, serve
    for server in servers:
        server.shutdown()
        server.server_close()


def inject(page: Path, html: str) -> None:
    """Insert `html` right after the page's opening <body> tag."""
    text = page.read_text(encoding="utf-8")
    patched = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + html, text, count=1)
    assert patched != text, f"no <body> in {page}"
    page.write_text(patched, encoding="utf-8")


def test_linkchecker_is_installed() -> None:
    assert LINKCHECKER.is_file(), f"{LINKCHECKER} missing: run `make venv`"


def test_site_has_no_broken_links_or_anchors(served_site: str, site_dir: Path) -> None:
    report = run_linkchecker(served_site, ignore=published_ignores(site_dir))
    print(
        f"linkchecker: {report.links} links in {report.urls} URLs checked, "
        f"{report.warnings} warnings, {report.errors} errors"
    )
    assert report.urls > len(START_PATHS), report.output
    findings = report.findings()
    if not (site_dir / "downloads").is_dir() and any("/downloads/" in f for f in findings):
        findings.append(f"{site_dir} has no downloads/: make it with `make build`, not `make site`")
    assert (report.errors, report.warnings) == (0, 0), "\n\n".join(findings)
    assert report.returncode == 0, report.output


def failing_check(serve_copy: ServeCopy, page: str, link: str) -> LinkReport:
    """Inject `link` into the copy's `page` (a folder URL), check that page one level deep,
    and return the report of the run, which must have failed."""
    copy, serve = serve_copy
    inject(copy / page / "index.html", link)
    report = run_linkchecker(serve(), start=[page], depth=1)
    assert report.returncode != 0, report.output
    return report


def test_a_broken_link_fails_the_check(serve_copy: ServeCopy) -> None:
    report = failing_check(serve_copy, "interview/", '<a href="../no-such-page/">gone</a>')
    assert report.errors == 1, report.output
    (finding,) = report.findings()
    assert "no-such-page/" in finding and "404" in finding


def test_a_broken_anchor_fails_the_check(serve_copy: ServeCopy) -> None:
    report = failing_check(serve_copy, "", '<a href="interview/#no-such-section">gone</a>')
    assert (report.errors, report.warnings) == (0, 1), report.output
    (finding,) = report.findings()
    assert "Anchor `no-such-section' (decoded: `no-such-section') not found" in finding


def test_a_broken_anchor_on_the_same_page_fails_the_check(
    serve_copy: ServeCopy,
) -> None:
    report = failing_check(serve_copy, "frameworks/", '<a href="#no-such-heading">gone</a>')
    (finding,) = report.findings()
    assert "Anchor `no-such-heading'" in finding


def test_the_unbroken_copy_passes_the_same_quick_check(
    serve_copy: ServeCopy,
) -> None:
    """The control for the three above: without the injected link, the same run is clean."""
    _copy, serve = serve_copy
    report = run_linkchecker(serve(), start=["", "interview/", "frameworks/"], depth=1)
    assert (report.errors, report.warnings, report.returncode) == (0, 0, 0), report.output


def test_a_run_without_the_anchor_check_fails_loudly(serve_copy: ServeCopy, tmp_path: Path) -> None:
    """A configuration that loses [AnchorCheck] must stop the run, not weaken it silently."""
    _copy, serve = serve_copy
    weakened = tmp_path / "linkcheckerrc"
    text = CONFIG.read_text(encoding="utf-8")
    assert "[AnchorCheck]" in text
    weakened.write_text(text.replace("[AnchorCheck]", ""), encoding="utf-8")
    with pytest.raises(AssertionError, match="the AnchorCheck plugin did not load"):
        run_linkchecker(serve(), start=[""], depth=1, config=weakened)


def test_the_anchor_check_runs_when_linkchecker_sits_in_a_private_folder(
    serve_copy: ServeCopy, tmp_path: Path
) -> None:
    """linkchecker installed under a folder only its owner can enter (mode 0700).

    Run as root, stock linkchecker drops to `nobody` before it lists its plugin folder, which
    `nobody` cannot read there: it then checks no anchor and says nothing. Through
    tests/linkchecker_main.py the broken anchor is still reported.
    """
    import linkcheck

    copy, serve = serve_copy
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    shutil.copytree(Path(linkcheck.__file__).parent, private / "linkcheck")
    inject(copy / "index.html", '<a href="interview/#no-such-section">gone</a>')
    report = run_linkchecker(serve(), start=[""], depth=1, pythonpath=private)
    assert (report.errors, report.warnings) == (0, 1), report.output


PROTOCOL_RELATIVE_RE = re.compile(r"""(?:href|src)=["']//(?![\w.-]+\.[a-z]{2,}/)[^"']*["']""")


def protocol_relative_links(site: Path) -> list[str]:
    """Links written `//path`, which look internal but name a host called `path`.

    linkchecker files them as external and never fetches them, so they need their own check.
    They usually come from `{{ base_url }}/path` in a template, which doubles the slash where
    base_url is `/` (the 404 page); `{{ 'path' | url }}` is the form that works everywhere.
    """
    return [
        f"{page.relative_to(site)}: {m.group(0)}"
        for page in sorted(site.rglob("*.html"))
        for m in PROTOCOL_RELATIVE_RE.finditer(page.read_text(encoding="utf-8"))
    ]


def test_no_protocol_relative_links(site_dir: Path) -> None:
    assert protocol_relative_links(site_dir) == []


def test_protocol_relative_check_catches_one(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text(
        '<a href="//sources/">Sources</a> <a href="https://example.com/">ok</a>', "utf-8"
    )
    assert protocol_relative_links(tmp_path) == ['404.html: href="//sources/"']
