"""Former name of `studyguide.expand`, kept while branches written against it are merged.

New code imports `studyguide.expand` (`expand_page`); nothing in this repository uses this
module, and it can be deleted once no open branch does.
"""

from __future__ import annotations

from studyguide.expand import PageResult, body_offset, expand_page, values_index

process_page = expand_page

__all__ = ["PageResult", "body_offset", "expand_page", "process_page", "values_index"]
