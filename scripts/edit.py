"""`make edit`: edit the content in the CMS's forms on this computer, without GitHub.

Runs Decap's local server (decap-server, on 127.0.0.1:8081) over this repository, then the live
preview (`make serve`): open http://127.0.0.1:8000/admin/, save, and the preview rebuilds. The
saved files are ordinary changes in content/: review them with `git diff`, then commit.
"""

from __future__ import annotations

import argparse
import sys

from scripts import REPO_ROOT
from scripts.editors.local_cms import DEFAULT_PORT, LocalServerError, decap_server
from scripts.preview.server import run_preview


def main(argv: list[str] | None = None) -> int:
    """Run the local CMS server and the preview until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000, help="port of the preview")
    args = parser.parse_args(argv)
    try:
        with decap_server(REPO_ROOT, DEFAULT_PORT):
            print(f"Forms at http://127.0.0.1:{args.port}/admin/ (click « Se connecter »); files are saved in "
                  f"{REPO_ROOT / 'content'}.", file=sys.stderr)
            return run_preview(REPO_ROOT / "content", REPO_ROOT / "build" / "preview" / "site", port=args.port)
    except LocalServerError as error:
        print(f"{error}\nIs another `make edit` running? Port {DEFAULT_PORT} must be free.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
