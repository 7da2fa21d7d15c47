"""Shared fixtures: a small content folder, and whole builds into temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = REPO / "tests" / "fixtures" / "content"
SITE_WIDE_FILES = ("site.yaml", "ui.yaml", "taxonomy.yaml", "communes.csv", "postcodes.csv")


def write_scratch_content(destination: Path) -> Path:
    """Write the fixture content set, with the real site-wide files, into destination/content."""
    root = destination / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    for name in SITE_WIDE_FILES:
        shutil.copy(REPO / "content" / name, root / name)
    return root


@pytest.fixture
def scratch_content(tmp_path: Path) -> Path:
    """Return a valid content folder that a test may break."""
    return write_scratch_content(tmp_path)


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the fixture content once into a temporary folder; return the site folder."""
    from scripts.build import build_site

    workspace = tmp_path_factory.mktemp("fixture-build")
    content_root = write_scratch_content(workspace)
    output = workspace / "build" / "site"
    build_site(content_root, output, quiet=True)
    return output
