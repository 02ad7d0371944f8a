"""Masking keeps every offset: the expander and the locator report positions in the source."""

from __future__ import annotations

from studyguide.mask import mask_code

SAMPLE = """# Title {#anchor}
Text `code 45 minutes` and [link](https://a.b/5%) <a href="x 5%">y</a>
```python
x = "45 minutes"
```
1. item with :claim[abc]
!!! tip "A title"
<!-- hidden 10x -->
"""


def test_length_and_newlines_are_kept() -> None:
    masked = mask_code(SAMPLE)
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


def test_unclosed_fence_masks_to_end() -> None:
    text = "a\n```\n45 minutes\nmore"
    assert mask_code(text) == "a\n   \n          \n    "


def test_longer_fence_needs_matching_close() -> None:
    text = "````\n```\n45 minutes\n````\nafter 5%"
    assert mask_code(text).endswith("after 5%")
    assert "45" not in mask_code(text)
