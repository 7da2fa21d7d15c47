"""`make serve`: build, serve on 127.0.0.1, rebuild when content changes, reload open pages."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from scripts import REPO_ROOT
from scripts.build import build_site
from scripts.check import print_problems
from scripts.content.errors import ContentError
from scripts.devtools.static_server import SiteRequestHandler, serve_site
from scripts.site.mkdocs_site import SiteBuildError

WATCHED = ("content", "theme", "scripts/pages/templates", "scripts/search/browser", "mkdocs.yml")
RELOAD_SCRIPT = b"""<script>(function(){var v=null;setInterval(function(){fetch("/__build_id").then(function(r){return r.text()})
.then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();</script></body>"""


class PreviewState:
    """The number of the last successful build, read by open pages."""

    build_id = 0


class PreviewHandler(SiteRequestHandler):
    """Serve the site, with a script in each page that reloads it after a rebuild."""

    def do_GET(self) -> None:
        if self.path == "/__build_id":
            self.send_body(str(PreviewState.build_id).encode(), "text/plain", headers={"Cache-Control": "no-store"})
            return
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self.send_body(path.read_bytes().replace(b"</body>", RELOAD_SCRIPT, 1), "text/html; charset=utf-8")
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Stay quiet."""


def _snapshot() -> dict[Path, float]:
    files: dict[Path, float] = {}
    for name in WATCHED:
        root = REPO_ROOT / name
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file():
                files[path] = path.stat().st_mtime
    return files


def _rebuild(content: Path, output: Path) -> bool:
    try:
        build_site(content, output)
    except ContentError as error:
        print_problems(error.problems, "text")
        return False
    except SiteBuildError as error:
        print(f"mkdocs reported problems; the preview keeps the last good build:\n{error}", file=sys.stderr)
        return False
    PreviewState.build_id += 1
    return True


def main(argv: list[str] | None = None) -> int:
    """Serve a live preview until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "site")
    args = parser.parse_args(argv)
    _rebuild(args.content, args.output)
    with serve_site(args.output, port=args.port, handler=PreviewHandler) as url:
        print(f"Preview at {url} (fr/ and nl/); edit content/ and open pages reload. Ctrl+C to stop.", file=sys.stderr)
        seen = _snapshot()
        try:
            while True:
                time.sleep(1)
                current = _snapshot()
                if current != seen:
                    seen = current
                    print("Change detected, rebuilding...", file=sys.stderr)
                    _rebuild(args.content, args.output)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
