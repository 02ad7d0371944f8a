"""A tiny static file server on 127.0.0.1 for audits: the built site, gzip, nothing else.

Lighthouse judges a page as a reader would get it from a static host, which compresses text;
this server does the same (gzip for HTML, CSS, JS, JSON, XML and SVG when the browser asks
for it) and sends nothing from any other host. Used by `scripts/audit.py`.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it, cacheable like a static host's."""

    def send_head(self):  # type: ignore[no-untyped-def]
        """Serve a compressible file gzipped from memory; anything else as usual."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
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
        """Add a cache policy: assets for a day, as a static host would send."""
        self.send_header("Cache-Control", "public, max-age=86400")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the audit prints its own table."""


@contextmanager
def serve_with(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Answer with `handler` on 127.0.0.1 on a free port; yield the base URL (ending in /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port; yield the base URL (ending in /)."""
    with serve_with(functools.partial(GzipHandler, directory=str(directory))) as url:
        yield url
