"""Plain functions behind the study guide's build: claims, page text, expansion, checks.

Nothing here imports MkDocs, so the same code serves the hooks, the scripts and the tests,
and could run as a pre-build step in front of another static-site generator. Two exceptions,
named for it: `hook_support` (the hooks' typed access to the build context) and `bench`
(which measures MkDocs builds).

How a build flows
=================

The hooks run in the order `mkdocs.yml` lists them, and that order is a contract: each hook
that reads the build context declares the hooks it needs in `context.HOOK_NEEDS`, and a build
whose list breaks it stops at once with a message naming the hook to add or move
(`hook_support.build_context`).

1. `hooks/claims.py`, on_files: loads `docs/claims.yml` into a `Registry`, reads every page
   in docs/ once (`page_text.strip_front_matter`) and expands it (`expand`), and leaves a
   `context.BuildContext` in the config holding the registry, each page's source and result
   (`sources`, `bodies`, `pages`), which claim each surface shows (`usage`) and every
   problem (`problems`), beside the output check's state (`output_build.OutputState`) and
   what the build before left in `.cache/studyguide/` (`result_cache`). It adds the ledger,
   `sources.md`, as a generated page. On each page (on_page_markdown) it leaves a slot word
   where an expanded figure or model line reads alike as a word (`claim_slots`,
   `figure_slots`), and on_page_content (after the diagrams') puts them into the rendered
   page: Markdown never parses their HTML.
2. `hooks/diagrams.py`, on_page_markdown: replaces each `::diagram[NAME]` line with its
   figure (`diagrams`), after the claims hook expanded the page; adds its problems to the
   context. A figure that is a block of its own leaves a slot word in the Markdown instead,
   and on_page_content (first of all hooks) puts it into the rendered page
   (`figure_slots`): Markdown never parses its SVG.
3. `hooks/tables.py`, on_page_content: labels wide tables so they stack on phones (reads no
   context).
4. `hooks/assets.py`, on_config/on_files: bundles the guide's own CSS and JS (reads no
   context).
5. `hooks/study_sheet.py`, on_files: renders the sheet from `ctx.sources`
   (`study_sheet.render_sheet`), records its usage and problems, adds `study-sheet.md`.
6. `hooks/flashcards.py`, on_files: collects cards from the claims and `ctx.sources`
   (`cards`), expands them (or reuses the cards of a build with the same claims and pages,
   `result_cache`), records their usage and problems, adds `flashcards/index.md`, one page
   per deck (`deck_pages`) and `review.md` (`review_page`), and their nav entries
   (`deck_nav`); on_page_markdown gives the home page's progress summary every card id;
   on_page_context copies the rendered deck pages' cards into the Review page
   (`review_fill`).
7. `hooks/practice.py`, on_page_content: fills the practice room's score form from its
   rubric table (reads no context).

Then MkDocs renders every page. The claims hook's on_page_markdown hands each page its
expanded Markdown; on_page_context fills the ledger's claims table, now that every surface
has recorded its usage; on_post_page runs the output check on each page as readers get it
(`output_check`; a page whose HTML the build before read is not read again, its findings
come from `result_cache`); on_post_build checks the search index, saves the cache, reports
every problem of the build together and fails the build (or, in `make serve`, prints them
and shows them on the pages).

Generated pages, one mechanism: a hook describes the page as a `context.GeneratedPage` (its
front matter, a function giving its Markdown body, and whether the body still holds claim
syntax to expand) and adds it with `hook_support.add_generated_page`. The page's file holds
only the front matter, so MkDocs reads its title and description from it; the claims hook's
on_page_markdown calls `body()` when the page renders (after every hook's on_files, which is
why the ledger, rendered then, lists the usage of every surface) and expands it when asked:

- `sources.md`, the ledger: `ledger.render_ledger` of the final usage; used as given.
- `study-sheet.md`: `study_sheet.render_sheet`, still holding `:claim[ID]`; expanded and
  checked like a page in docs/.
- `flashcards/index.md`, `flashcards/<deck>.md` and `review.md`: `deck_pages.render_index`,
  `deck_slots.slotted_deck` (the cards' Markdown between placeholders, framed in HTML once
  rendered: the HTML `deck_pages.render_deck` gives, for less work) and
  `review_page.render_review`, of cards already expanded in on_files; used as given. The
  Review page's cards are filled in from the deck pages once they are rendered
  (`review_fill`), so each card is rendered and indexed for search once.

Nothing is ever written into docs/. What a build may reuse (the output check's findings,
the cards, the diagrams, each page's expansion) goes to `.cache/studyguide/` beside mkdocs.yml,
keyed by its inputs and a fingerprint of this package's code (`STUDYGUIDE_CACHE=off` builds
without it). The app icons are drawn by `make icons` and committed, never by a build.
"""
