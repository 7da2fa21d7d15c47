"""`make new KIND=organisation|dossier|template ID=...`: write a skeleton to fill in."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from scripts import REPO_ROOT
from scripts.editors.skeleton import KINDS, write_skeleton

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main(argv: list[str] | None = None) -> int:
    """Write the skeleton's files and say what to do next."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("id", help="lowercase words joined by hyphens, e.g. cpas-forest")
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    args = parser.parse_args(argv)
    if not ID_PATTERN.match(args.id):
        print(f"{args.id!r} is not an id: use lowercase letters, digits and hyphens (cpas-forest)", file=sys.stderr)
        return 2
    try:
        written = write_skeleton(args.content, args.kind, args.id)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(args.content.parent)}")
    print("Replace every TODO with facts from a public source, then run `make validate`:")
    print("it lists each TODO left (file, line, field) and passes once none remains.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
