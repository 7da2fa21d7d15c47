"""`make validate`: check all content and report every problem at once."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scripts import REPO_ROOT
from scripts.content.errors import ContentError, print_problems
from scripts.pipeline import load_site_content


def main(argv: list[str] | None = None) -> int:
    """Validate content/ and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="output format")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        content = load_site_content(args.content)
    except ContentError as error:
        print_problems(error.problems, args.format)
        return 1
    count = len(content.organizations)
    print(
        f"content is valid: {count} organisations, {len(content.get_services())} services, "
        f"{len(content.dossiers)} dossiers, {len(content.templates)} templates "
        f"({time.perf_counter() - started:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
