"""`make serve`: build, serve on 127.0.0.1, rebuild what a change touches, reload open pages.

Content problems show in the terminal and over the open pages; the last good site stays served.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scripts import REPO_ROOT
from scripts.preview.server import run_preview


def main(argv: list[str] | None = None) -> int:
    """Serve a live preview until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "preview" / "site",
                        help="the preview's site; its work files (mkdocs settings) go beside it")
    parser.add_argument("--content-only", action="store_true", help="watch only the content (tests, bench: code being edited meanwhile would rebuild all)")
    args = parser.parse_args(argv)
    return run_preview(args.content, args.output, port=args.port, content_only=args.content_only)


if __name__ == "__main__":
    raise SystemExit(main())
