"""THIRD_PARTY.md names every file the built site ships, with the licence its package declares."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatchcase
from importlib.metadata import metadata
from pathlib import Path

import pytest

from tests.conftest import REPO

THIRD_PARTY = REPO / "THIRD_PARTY.md"


def read_tables(text: str) -> dict[str, list[dict[str, str]]]:
    """Return each section's table as rows keyed by the header's cells."""
    tables: dict[str, list[dict[str, str]]] = {}
    section, header = "", None
    for line in text.splitlines():
        if line.startswith("## "):
            section, header = line[3:].strip(), None
        elif line.startswith("|") and not line.startswith("| ---"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if header is None:
                header = cells
            else:
                tables.setdefault(section, []).append(dict(zip(header, cells, strict=True)))
    return tables


def patterns(row: dict[str, str]) -> list[str]:
    """Return the path patterns in a row's first column."""
    return re.findall(r"`([^`]+)`", row["files"])


def package_licence(package: str) -> tuple[str, str]:
    """Return the licence and version that an installed npm or pip package declares."""
    kind, name = package.split(":", 1)
    if kind == "npm":
        declared = json.loads((REPO / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
        return declared["license"], declared["version"]
    meta = metadata(name)
    return meta.get("License-Expression") or meta["License"], meta["Version"]


TABLES = read_tables(THIRD_PARTY.read_text(encoding="utf-8"))
SHIPPED = TABLES["Shipped in the built site"]


def test_every_built_file_is_named(built_fixture_site: Path) -> None:
    known = [pattern for row in SHIPPED + TABLES["Our own files"] for pattern in patterns(row)]
    built = sorted(path.relative_to(built_fixture_site).as_posix() for path in built_fixture_site.rglob("*") if path.is_file())
    unnamed = [path for path in built if not any(fnmatchcase(path, pattern) for pattern in known)]
    assert unnamed == [], "add these files to THIRD_PARTY.md (third party) or to its 'Our own files' table"


def test_every_third_party_row_names_a_built_file(built_fixture_site: Path) -> None:
    built = [path.relative_to(built_fixture_site).as_posix() for path in built_fixture_site.rglob("*") if path.is_file()]
    stale = [row["what"] for row in SHIPPED if not any(fnmatchcase(path, p) for p in patterns(row) for path in built)]
    assert stale == []


@pytest.mark.parametrize(
    "row",
    [row for rows in TABLES.values() for row in rows if re.search(r"\b(npm|pip):", row.get("package", row.get("source", "")))],
    ids=lambda row: row["what"][:40],
)
def test_licences_match_the_packages(row: dict[str, str]) -> None:
    package = re.search(r"\b((?:npm|pip):[\w.-]+)", row.get("package", row.get("source", ""))).group(1)  # type: ignore[union-attr]
    licence, version = package_licence(package)
    assert row["licence"].startswith(licence)
    stated_version = row.get("version") or row.get("source", "")
    if re.fullmatch(r"[\d.]+", stated_version):
        assert stated_version == version
    else:
        assert version in stated_version
