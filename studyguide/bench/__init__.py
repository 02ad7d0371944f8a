"""What `make bench` measures, as plain functions: summaries, mkdocs.yml edits, synthetic
sites and page weight. `scripts/bench.py` runs the builds and prints; these are unit-tested.

Unlike the rest of the package, these modules serve measuring MkDocs builds, so
`synthetic` uses MkDocs' URL helper to link pages exactly as a build does.
"""
