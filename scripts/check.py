"""`make validate`: check all content and report every problem at once."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from scripts import REPO_ROOT
from scripts.content.errors import ContentError, Problem, Problems
from scripts.content.load import load_content
from scripts.content.loaded import Content
from scripts.content.validate import check_content
from scripts.pages.site_text import REQUIRED_UI_KEYS


def load_valid_content(root: Path) -> Content:
    """Return the content when every file and every cross-file rule passes; raise ContentError otherwise."""
    problems = Problems()
    content = load_content(root, problems)
    if content is not None:
        check_content(content, REQUIRED_UI_KEYS, problems)
    if problems or content is None:
        raise ContentError(problems.sorted())
    return content


def print_problems(problems: list[Problem], output_format: str) -> None:
    """Print problems for a terminal (text) or for a pull request (github)."""
    for problem in problems:
        print(problem.format_github() if output_format == "github" else problem.format(), file=sys.stderr)
    print(f"\n{len(problems)} problem(s) found; nothing was written.", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Validate content/ and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="output format")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        content = load_valid_content(args.content)
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
