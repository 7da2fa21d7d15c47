"""`make template-files`: write our document models' PDF and ODT files from their sections in template.yaml."""

from __future__ import annotations

import argparse
from pathlib import Path

from scripts import REPO_ROOT
from scripts.content.errors import Problems, print_problems
from scripts.content.load import load_templates
from scripts.editors.model_documents import write_model_files


def main(argv: list[str] | None = None) -> int:
    """Write the files of every model that has sections; exit 1 when a template.yaml does not validate.

    Only the template.yaml files are read (not the whole content): a new model's files do not exist yet."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    args = parser.parse_args(argv)
    problems = Problems()
    templates = load_templates(args.content, problems)
    if problems:
        print_problems(problems.sorted(), "text")
        return 1
    for template in templates:
        if template.model.kind == "model" and template.model.sections:
            for path in write_model_files(template.model, template.folder):
                print(f"wrote {path.relative_to(args.content.parent)} ({path.stat().st_size // 1024 + 1} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
