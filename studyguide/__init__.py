"""Plain functions behind the study guide's build: claims, page expansion, the output check.

Nothing here imports MkDocs, so the same code serves the hooks, the scripts and the tests,
and could run as a pre-build step in front of another static-site generator.
"""
