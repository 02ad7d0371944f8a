"""Masking keeps every offset: the scanner and expander report positions in the source."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from studyguide.mask import mask_code, mask_prose

SAMPLE = """# Title {#anchor}
Text `code 45 minutes` and [link](https://a.b/5%) <a href="x 5%">y</a>
```python
x = "45 minutes"
```
1. item with :claim[abc]
!!! tip "A title"
<!-- hidden 10x -->
"""


@pytest.mark.parametrize("mask", [mask_code, mask_prose])
def test_length_and_newlines_are_kept(mask: Callable[[str], str]) -> None:
    masked = mask(SAMPLE)
    assert len(masked) == len(SAMPLE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(SAMPLE) if c == "\n"
    ]


def test_mask_code_blanks_code_and_comments_only() -> None:
    masked = mask_code(SAMPLE)
    assert "45 minutes" not in masked
    assert "10x" not in masked
    assert ":claim[abc]" in masked
    assert "(https://a.b/5%)" in masked


def test_mask_prose_keeps_words_and_drops_syntax() -> None:
    masked = mask_prose(SAMPLE)
    for gone in ["{#anchor}", "https://", 'href="', ":claim[abc]", "1.", '"A title"']:
        assert gone not in masked
    for kept in ["# Title", "Text", "[link", "item with", "A title"]:
        assert kept in masked


def test_unclosed_fence_masks_to_end() -> None:
    text = "a\n```\n45 minutes\nmore"
    assert mask_code(text) == "a\n   \n          \n    "


def test_longer_fence_needs_matching_close() -> None:
    text = "````\n```\n45 minutes\n````\nafter 5%"
    assert mask_code(text).endswith("after 5%")
    assert "45" not in mask_code(text)


def test_prose_mask_reuses_a_given_code_mask() -> None:
    assert mask_prose(SAMPLE, mask_code(SAMPLE)) == mask_prose(SAMPLE)
