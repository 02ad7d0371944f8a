"""The audit's static server: the site's files on 127.0.0.1, gzipped on request."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

from studyguide.static_server import serve


def _get(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    req = urllib.request.Request(url, headers=headers)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), b""


def test_serves_gzip_only_when_asked_and_only_on_loopback(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    page = "<!doctype html><title>A</title>" + "x" * 2000
    (tmp_path / "a/index.html").write_text(page, "utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    with serve(tmp_path) as base:
        assert base.startswith("http://127.0.0.1:")
        status, headers, body = _get(base + "a/")
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode() == page
        status, headers, body = _get(base + "a/", gzip_ok=False)
        assert "Content-Encoding" not in headers and body.decode() == page
        status, headers, body = _get(base + "img.png")
        assert "Content-Encoding" not in headers and body == b"\x89PNG"


def test_redirects_folders_to_their_slash_url_and_404s_missing_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>a</p>", "utf-8")
    with serve(tmp_path) as base:
        status, headers, _ = _get(base + "a")
        assert status == 301 and headers["Location"].endswith("/a/")
        assert _get(base + "missing.css")[0] == 404
