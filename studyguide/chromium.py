"""Debian's Chromium and the one list of flags every headless run here starts it with.

Used by the browser tests (through Playwright) and by the audit (through Lighthouse), so both
see the same browser: no sandbox (containers run as root), no GPU, and none of the
background traffic (updates, sync, field trials) that would reach another host.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-extensions",
    "--disable-sync",
    "--metrics-recording-only",
)
