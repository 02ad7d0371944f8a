"""The one static file server on 127.0.0.1: for the audit and for the tests.

Lighthouse judges a page as a reader would get it from a static host, which compresses text
and lets browsers cache assets; so by default this server gzips HTML, CSS, JS, JSON, XML and
SVG when the browser asks for it and sends a day's cache policy (`scripts/audit.py`). The
tests serve the same way with their own headers instead (no caching between tests, and
`LinkChecker: 1`, which lets linkchecker skip its politeness wait) and no compression. It
sends nothing from any other host.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}
STATIC_HOST_HEADERS = {"Cache-Control": "public, max-age=86400"}
"""What a static host sends with every file: assets cacheable for a day."""


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with fixed extra headers, gzipped when asked for and `compress` is on."""

    compress = True
    headers_to_send: Mapping[str, str] = STATIC_HOST_HEADERS

    def __init__(
        self,
        *args: Any,
        compress: bool = True,
        headers: Mapping[str, str] = STATIC_HOST_HEADERS,
        **kwargs: Any,
    ) -> None:
        self.compress = compress
        self.headers_to_send = headers
        super().__init__(*args, **kwargs)

    def send_head(self) -> BinaryIO | None:
        """Serve a compressible file gzipped from memory; anything else as usual."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        """Add the fixed headers (by default a static host's cache policy)."""
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the audit prints its own table, the tests their own failures."""


def start_with(
    handler: Callable[..., http.server.BaseHTTPRequestHandler],
) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Answer with `handler` on 127.0.0.1 on a free port in a thread; return the base URL
    (ending in /) and the server, which the caller stops (`stop`)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def start(
    directory: Path, *, compress: bool = True, headers: Mapping[str, str] = STATIC_HOST_HEADERS
) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `directory` on 127.0.0.1 (see `start_with`) with the static handler."""
    return start_with(
        functools.partial(
            StaticHandler, directory=str(directory), compress=compress, headers=headers
        )
    )


def stop(server: http.server.ThreadingHTTPServer) -> None:
    """Stop a server `start` returned and free its port."""
    server.shutdown()
    server.server_close()


@contextmanager
def serve_with(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Answer with `handler` (see `start_with`) for a `with` block; yield the base URL."""
    base, server = start_with(handler)
    try:
        yield base
    finally:
        stop(server)


@contextmanager
def serve(
    directory: Path, *, compress: bool = True, headers: Mapping[str, str] = STATIC_HOST_HEADERS
) -> Iterator[str]:
    """Serve `directory` (see `start`) for the duration of a `with` block; yield the base URL."""
    base, server = start(directory, compress=compress, headers=headers)
    try:
        yield base
    finally:
        stop(server)
