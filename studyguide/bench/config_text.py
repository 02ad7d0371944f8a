"""Editing mkdocs.yml as text for `make bench`: find, replace or drop a top-level key.

Text-based on purpose: mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that a YAML round
trip would lose.
"""

from __future__ import annotations

import re

TOP_LEVEL_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*):", re.MULTILINE)


def top_level_blocks(config_text: str) -> dict[str, tuple[int, int]]:
    """Character spans of each top-level key's block in a YAML file, comments included.

    Text-based on purpose: mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that a
    YAML round trip would lose.
    """
    starts = [(m.group("key"), m.start()) for m in TOP_LEVEL_KEY_RE.finditer(config_text)]
    blocks: dict[str, tuple[int, int]] = {}
    for i, (key, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(config_text)
        blocks[key] = (start, end)
    return blocks


def set_top_level(config_text: str, key: str, block: str | None) -> str:
    """Replace the top-level `key:` block with `block` (a full `key: ...` text), add it at
    the end if absent, or remove it when `block` is None."""
    spans = top_level_blocks(config_text)
    if block is not None and not block.endswith("\n"):
        block += "\n"
    if key in spans:
        start, end = spans[key]
        return config_text[:start] + (block or "") + config_text[end:]
    if block is None:
        return config_text
    sep = "" if config_text.endswith("\n") else "\n"
    return config_text + sep + block


def read_hooks(config_text: str) -> list[str]:
    """The hook paths listed under the top-level `hooks:` key, in order."""
    spans = top_level_blocks(config_text)
    if "hooks" not in spans:
        return []
    start, end = spans["hooks"]
    return re.findall(r"^\s+-\s+(\S+)\s*$", config_text[start:end], re.MULTILINE)
