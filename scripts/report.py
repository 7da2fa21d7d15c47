"""`make report`: what editors should look at (translations, verification dates, examples)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from scripts import REPO_ROOT
from scripts.editors.report import build_report, format_report
from scripts.pipeline import load_or_report


def main(argv: list[str] | None = None) -> int:
    """Print the content report; exit 1 only when the content does not validate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="judge dates as of this day (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    content = load_or_report(args.content)
    if content is None:
        return 1
    report = build_report(content, args.today)
    if args.format == "json":
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        text = format_report(report)
        print(f"```text\n{text}```" if args.format == "markdown" else text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
