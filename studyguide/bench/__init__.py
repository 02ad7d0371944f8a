"""What `make bench` measures, as plain functions: summaries, mkdocs.yml edits, synthetic
sites, page weight, the order of runs and callgrind's counts, all unit-tested; `runs` runs
the builds (each in a child process), and `scripts/bench.py` sets the sites up and prints.

Unlike the rest of the package, these modules serve measuring MkDocs builds, so
`synthetic` uses MkDocs' URL helper to link pages exactly as a build does.
"""
