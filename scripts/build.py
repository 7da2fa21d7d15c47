"""`make build`: validate, render and build each language with mkdocs, index, then swap the site in
(scripts/pipeline.py does the work)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import REPO_ROOT
from scripts.content.errors import ContentError, print_problems
from scripts.pipeline import build_site, write_report
from scripts.site.mkdocs_site import SiteBuildError


def main(argv: list[str] | None = None) -> int:
    """Build the site and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "site", help="site folder to replace")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="format of content problems")
    parser.add_argument("--report", type=Path, help="write stage times, search file sizes and peak memory as JSON")
    parser.add_argument("--material-search", action="store_true", help="also enable Material's search (benchmark only)")
    parser.add_argument("--no-compress", dest="compress", action="store_false", help="write no .br/.gz twins (faster)")
    args = parser.parse_args(argv)
    print(f"Building {args.output}", file=sys.stderr)
    try:
        times = build_site(args.content, args.output, material_search=args.material_search, compress=args.compress)
    except ContentError as error:
        print_problems(error.problems, args.format)
        return 1
    except SiteBuildError as error:
        print(f"\nmkdocs reported problems; the previous site is unchanged:\n{error}", file=sys.stderr)
        return 1
    print(f"Site written to {args.output} in {sum(times.seconds.values()):.1f} s", file=sys.stderr)
    if args.report:
        write_report(args.report, times)
    return 0




if __name__ == "__main__":
    raise SystemExit(main())
