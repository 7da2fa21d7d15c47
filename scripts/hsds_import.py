"""Import Open Referral HSDS 3.0 or 3.1 data (JSON, or the CSV datapackage) into content/directory YAML.

Every record that cannot be mapped is reported with the reason, so that a real directory can be
loaded and its gaps fixed: addresses outside the Brussels-Capital Region, numbers that are not
phone numbers, schedules that are not weekly, services without a known category. HSDS has one
text per field: unless the file carries our `x_brusano` translations, the text is copied into
both languages and the report lists it as to be translated.

Usage: python -m scripts.hsds_import SOURCE [--output content/directory] [--category ID]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import REPO_ROOT
from scripts.content.errors import Problems
from scripts.content.load import load_content
from scripts.opendata.from_hsds import import_services, read_services, write_organizations


def main(argv: list[str] | None = None) -> int:
    """Import, print the report, and exit 1 when nothing could be imported."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="HSDS JSON file, or datapackage.json of the CSV form")
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder (for taxonomy and communes)")
    parser.add_argument("--output", type=Path, help="where to write the YAML files (default: <content>/directory)")
    parser.add_argument("--category", help="category id for services whose categories are not in the taxonomy")
    args = parser.parse_args(argv)
    problems = Problems()
    content = load_content(args.content, problems)
    if content is None:
        print("the content folder has problems: run make validate first", file=sys.stderr)
        return 1
    try:
        services = read_services(args.source)
    except ValueError as error:  # a version we do not read: said once, without a traceback
        print(error, file=sys.stderr)
        return 1
    organizations, report = import_services(content, services, args.category)
    written = write_organizations(organizations, args.output or args.content / "directory")
    for title, lines in (("imported", report.imported), ("not imported", report.skipped), ("to check", report.warnings)):
        print(f"{title}: {len(lines)}")
        for line in lines:
            print(f"  - {line}")
    print(f"{len(written)} file(s) written")
    return 0 if written or not (report.skipped or report.imported) else 1


if __name__ == "__main__":
    raise SystemExit(main())
