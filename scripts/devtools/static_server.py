"""A static file server for previews and tests: serves a site folder under a chosen URL prefix."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from schemas.common import LANGUAGES


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serve files below `prefix`; answer missing paths with the site's 404 page, like a host does."""

    prefix = "/"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".wasm": "application/wasm"}
    """The CMS's configuration and Decap's WebAssembly, as a static host serves them."""

    def __init__(self, *args: Any, site_dir: Path, prefix: str, **kwargs: Any) -> None:
        self.prefix = prefix
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(self.site_dir / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_body(self, body: bytes, content_type: str, status: int = HTTPStatus.OK, headers: dict[str, str] | None = None) -> None:
        """Send a whole response."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.site_dir / self._not_found_page()
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        self.send_body(page.read_bytes(), "text/html; charset=utf-8", HTTPStatus.NOT_FOUND)

    def _not_found_page(self) -> str:
        """Return the language's not-found page under fr/ or nl/ (as the deploy/ recipes do), else the root's."""
        inside = self.path.split("?")[0][len(self.prefix):] if self.path.startswith(self.prefix) else ""
        language = inside.split("/")[0]
        return f"{language}/404.html" if language in LANGUAGES and (self.site_dir / language / "404.html").is_file() else "404.html"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Stay quiet: tests and previews print their own messages."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now (for servers the tests start)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_site(site_dir: Path, prefix: str = "/", port: int = 0, handler: type[SiteRequestHandler] = SiteRequestHandler) -> Iterator[str]:
    """Serve a site folder on 127.0.0.1 in a thread; yield the site's base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, site_dir=site_dir, prefix=prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
