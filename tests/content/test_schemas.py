"""The exported JSON Schemas match the models, and every field is documented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas.export import EXPORTED, SCHEMA_DIR, render_schemas
from tests.conftest import REPO


@pytest.mark.parametrize("name", sorted(EXPORTED))
def test_exported_schema_is_up_to_date(name: str) -> None:
    assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == render_schemas()[name], "run: make schemas"


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [(name, prop) for name, prop in schema.get("properties", {}).items()]
    for definition in schema.get("$defs", {}).values():
        found += _properties(definition)
    return found


@pytest.mark.parametrize("name", sorted(EXPORTED))
def test_every_field_has_a_description(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    undocumented = [field for field, prop in _properties(schema) if not prop.get("description")]
    assert undocumented == []


def test_editor_settings_map_every_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(path).name for path in settings["yaml.schemas"]}
    assert mapped == set(EXPORTED) - {"dossier.json"}
