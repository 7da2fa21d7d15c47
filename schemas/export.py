"""Write the JSON Schema of every content file type into schemas/*.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas.bassin import Bassins
from schemas.dossier import DossierFrontMatter
from schemas.helpline import Helplines
from schemas.organization import Organization
from schemas.site import Site, UiStrings
from schemas.taxonomy import Taxonomy
from schemas.template import Template

SCHEMA_DIR = Path(__file__).parent

EXPORTED: dict[str, type[BaseModel]] = {
    "organization.json": Organization,
    "taxonomy.json": Taxonomy,
    "dossier.json": DossierFrontMatter,
    "template.json": Template,
    "site.json": Site,
    "ui.json": UiStrings,
    "bassins.json": Bassins,
    "helplines.json": Helplines,
}


def render_schemas() -> dict[str, str]:
    """Return {file name: JSON text} for every exported model."""
    rendered = {}
    for name, model in EXPORTED.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        rendered[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return rendered


def main() -> int:
    """Write the schemas; with --check, exit 1 when a file differs instead."""
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in render_schemas().items():
        path = SCHEMA_DIR / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print(f"schemas out of date: {', '.join(stale)}; run: make schemas", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
