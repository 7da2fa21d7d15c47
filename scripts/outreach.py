"""`make outreach`: write, for each real organisation, "Ce que nous publions sur vous" and the mail-merge list."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from babel.dates import format_date

from schemas.common import LANGUAGES
from scripts import REPO_ROOT
from scripts.editors.outreach import write_outreach
from scripts.pipeline import load_or_report


def main(argv: list[str] | None = None) -> int:
    """Write build/outreach/ (one HTML sheet per organisation, outreach.csv); exit 1 when the content does not validate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "outreach", help="folder to write")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="the sheets' date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    content = load_or_report(args.content)
    if content is None:
        return 1
    today = {language: format_date(args.today, format="long", locale=language) for language in LANGUAGES}
    sheets = write_outreach(content, args.output, today)
    facts = sum(sheet.fact_count for sheet in sheets)
    print(f"{len(sheets)} sheets ({facts} facts) and outreach.csv written to {args.output} "
          f"in {time.perf_counter() - started:.2f} s; print each sheet from a browser (A4)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
