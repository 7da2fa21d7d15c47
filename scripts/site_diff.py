"""Print, as Markdown, the pages a change adds, removes and changes: `python -m scripts.site_diff BEFORE AFTER`."""

from __future__ import annotations

import argparse
from pathlib import Path

from scripts.editors.site_diff import compare_sites, format_changes


def main(argv: list[str] | None = None) -> int:
    """Compare two built sites and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", type=Path, help="the site built from the base branch")
    parser.add_argument("after", type=Path, help="the site built from the change")
    args = parser.parse_args(argv)
    print(format_changes(compare_sites(args.before, args.after)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
