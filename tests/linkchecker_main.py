"""Run linkchecker for the link tests: never as `nobody`, and never without its anchor check.

Started as root, linkchecker reads its configuration and then drops to the user `nobody`
before it loads its plugins. In a checkout under a private folder (mode 0700: root's home in
a container, a `mktemp -d` folder) `nobody` cannot list the plugin folder inside `.venv`, so
linkchecker silently ran without AnchorCheck and passed broken anchors. This entry point
keeps the caller's user (the tests only fetch from their own server on 127.0.0.1) and stops
with exit status 3 and a message if the AnchorCheck plugin did not load, whatever the cause.

Usage: `python tests/linkchecker_main.py [linkchecker arguments...]`.
"""

from __future__ import annotations

import sys
from typing import Any

from linkcheck import plugins
from linkcheck.command import linkchecker as command

REQUIRED_PLUGIN = "AnchorCheck"
EXIT_NO_PLUGIN = 3


def _keep_user() -> None:
    """Stand-in for linkchecker's privilege drop: the tests' user can read what they need."""


def _checked_plugins(original: Any) -> Any:
    """Wrap PluginManager.__init__ so a run without AnchorCheck ends at once, loudly."""

    def init(self: plugins.PluginManager, config: Any) -> None:
        original(self, config)
        loaded = {type(plugin).__name__ for plugin in self.content_plugins}
        if REQUIRED_PLUGIN not in loaded:
            print(
                f"linkchecker_main: the {REQUIRED_PLUGIN} plugin did not load (loaded: "
                f"{sorted(loaded) or 'none'}); the configuration needs an [{REQUIRED_PLUGIN}] "
                "section and the plugin folder must be readable",
                file=sys.stderr,
            )
            sys.stderr.flush()
            raise SystemExit(EXIT_NO_PLUGIN)

    return init


def main() -> int:
    """linkchecker's own command, with the two changes above."""
    command.drop_privileges = _keep_user
    plugins.PluginManager.__init__ = _checked_plugins(plugins.PluginManager.__init__)
    sys.argv[0] = "linkchecker"
    return int(command.linkchecker() or 0)


if __name__ == "__main__":
    sys.exit(main())
