"""The search worker copies lunr 2.3.9's internals: a change of lunr or lunr-languages must go
through the parity tests first (docs/SEARCH.md, "A lunr or lunr-languages upgrade")."""

from __future__ import annotations

import json

from tests.conftest import REPO

PARITY_CHECKED = {"lunr": "2.3.9", "lunr-languages": "1.22.0"}
"""The versions that tests/search/test_parity.py last passed with. Update only after running it."""


def test_the_search_libraries_are_the_versions_the_parity_was_checked_with() -> None:
    declared = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]
    locked = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for name, version in PARITY_CHECKED.items():
        assert declared[name] == version, f"{name} {declared[name]} in package.json: run tests/search/test_parity.py, then update PARITY_CHECKED"
        assert locked[f"node_modules/{name}"]["version"] == version, f"{name} in package-lock.json differs from {version}"
