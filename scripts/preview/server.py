"""The live preview's server: serve the site, watch content (and code), rebuild what a change touches,
reload open pages. Used by `make serve` and `make edit`."""

from __future__ import annotations

import html
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from scripts import REPO_ROOT
from scripts.devtools.static_server import SiteRequestHandler, serve_site
from scripts.preview.session import PreviewSession

WATCHED_CODE = ("theme", "scripts/pages/templates", "scripts/browser")
"""Besides the content and mkdocs.yml: what a change to runs the whole build again."""
CLIENT_FILES = {
    "/__preview/client.js": (REPO_ROOT / "scripts" / "preview" / "client.js", "text/javascript; charset=utf-8"),
    "/__preview/client.css": (REPO_ROOT / "scripts" / "preview" / "client.css", "text/css; charset=utf-8"),
}
UNWATCHED_PAGES = ("admin",)
"""The CMS's page is not reloaded under the editor's hands."""
CHANGE_EVENTS = {"created", "modified", "deleted", "moved", "closed"}
QUIET_SECONDS = 0.05
"""A save often comes as several events: wait until the folder is quiet this long."""
NO_STORE = {"Cache-Control": "no-store"}


def page_version(path: Path) -> str:
    """Return what changes when a file is written again (open pages compare it)."""
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    return f"{stat.st_mtime_ns}-{stat.st_size}"


class PreviewHandler(SiteRequestHandler):
    """Serve the site; each page gets the preview's script, which reloads it and shows problems."""

    session: PreviewSession

    def do_GET(self) -> None:
        address = urlsplit(self.path)
        if address.path == "/__preview/status":
            self._send_status(parse_qs(address.query).get("page", [""])[0])
            return
        if address.path in CLIENT_FILES:
            source, content_type = CLIENT_FILES[address.path]
            self.send_body(source.read_bytes(), content_type, headers=NO_STORE)
            return
        path = Path(self.translate_path(address.path))
        if path.is_dir():
            path = path / "index.html"
        page = Path(os.path.relpath(path, self.site_dir))
        if path.suffix == ".html" and path.is_file() and page.parts[0] not in UNWATCHED_PAGES:
            self._send_page(path, page.as_posix())
            return
        super().do_GET()

    def _send_page(self, path: Path, page: str) -> None:
        with self.session.write_lock:
            body, version = path.read_bytes(), page_version(path)
        tag = f'<script src="/__preview/client.js" data-page="{html.escape(page)}" data-version="{version}"></script></body>'
        self.session.page_served.set()
        self.send_body(body.replace(b"</body>", tag.encode(), 1), "text/html; charset=utf-8", headers=NO_STORE)

    def _send_status(self, page: str) -> None:
        site = self.site_dir.resolve()
        target = (site / page).resolve()
        status = {
            "version": page_version(target) if target.is_relative_to(site) else "missing",
            "problems": [asdict(problem) for problem in self.session.problems],
        }
        self.send_body(json.dumps(status).encode(), "application/json", headers=NO_STORE)


class ChangedFiles(FileSystemEventHandler):
    """Collect the paths that watchdog reports; `wait` returns them once a save is complete."""

    def __init__(self, accept: Callable[[Path], bool]) -> None:
        self.accept = accept
        self.paths: set[Path] = set()
        self.changed = threading.Event()
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGE_EVENTS:
            return
        paths = {Path(os.fsdecode(raw)) for raw in (event.src_path, getattr(event, "dest_path", "")) if raw}
        with self.lock:
            self.paths |= {path for path in paths if self.accept(path)}
            if self.paths:
                self.changed.set()

    def wait(self) -> set[Path]:
        """Block until files changed and stayed quiet; return them."""
        self.changed.wait()
        while self.changed.is_set():
            self.changed.clear()
            time.sleep(QUIET_SECONDS)
        with self.lock:
            paths, self.paths = self.paths, set()
            self.changed.clear()
        return paths


@contextmanager
def watching(content: Path, *, code: bool = True) -> Iterator[ChangedFiles]:
    """Watch the content and, with code, the theme, the templates, the browser scripts and mkdocs.yml."""
    mkdocs_yml = REPO_ROOT / "mkdocs.yml"

    def accept(path: Path) -> bool:
        return path == mkdocs_yml or path.parent != REPO_ROOT  # the repository's root is watched for mkdocs.yml only

    changes = ChangedFiles(accept)
    observer = Observer()
    observer.schedule(changes, str(content), recursive=True)
    if code:
        for name in WATCHED_CODE:
            observer.schedule(changes, str(REPO_ROOT / name), recursive=True)
        observer.schedule(changes, str(REPO_ROOT), recursive=False)
    observer.start()
    try:
        yield changes
    finally:
        observer.stop()
        observer.join()


def run_preview(content: Path, output: Path, *, port: int, content_only: bool = False) -> int:
    """Build, serve and rebuild the preview until interrupted; return the exit status."""
    session = PreviewSession(content, output, output.parent)
    handler = type("Handler", (PreviewHandler,), {"session": session})
    with watching(content, code=not content_only) as changes:
        print(f"Building the preview of {content}...", file=sys.stderr, flush=True)
        session.build_everything()
        output.mkdir(parents=True, exist_ok=True)
        with serve_site(output, port=port, handler=handler) as url:
            print(f"Preview at {url} (fr/ and nl/); edit content/ and open pages reload. Ctrl+C to stop.", file=sys.stderr, flush=True)
            try:
                while True:
                    changed = changes.wait()
                    started = time.perf_counter()
                    print(f"Changed: {', '.join(sorted(path.name for path in changed))}", file=sys.stderr, flush=True)
                    try:
                        session.apply(changed)
                    except Exception as error:  # a bug in a template or script being edited: keep serving
                        traceback.print_exc()
                        session.report_failure(error)
                        continue
                    print(f"  rebuilt in {time.perf_counter() - started:.2f} s", file=sys.stderr, flush=True)
            except KeyboardInterrupt:
                return 0

