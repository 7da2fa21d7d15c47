"""The fixture pyramid's base: a small content folder, one whole build of it, one Chromium.

Each folder of tests/ mirrors a package of scripts/; tests/browser/conftest.py adds the served site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from scripts.devtools.bench_corpus import SITE_WIDE_FILES

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = REPO / "tests" / "fixtures" / "content"


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
    from scripts.pipeline import build_site

    workspace = tmp_path_factory.mktemp("fixture-build")
    content_root = write_scratch_content(workspace)
    output = workspace / "build" / "site"
    build_site(content_root, output, quiet=True)
    return output


SITE_ADDRESS = "https://aide.example.brussels/brusano/"
"""The public address of the fixture site built by built_site_with_address."""


@pytest.fixture(scope="session")
def built_site_with_address(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the fixture content once with a public address (site_url): absolute sitemap, QR codes, deep 404 links."""
    from scripts.pipeline import build_site

    workspace = tmp_path_factory.mktemp("addressed-build")
    content_root = write_scratch_content(workspace)
    site_yaml = content_root / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + f"site_url: {SITE_ADDRESS}\n", encoding="utf-8")
    output = workspace / "build" / "site"
    build_site(content_root, output, quiet=True, compress=False)
    return output


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session (each test opens its own context)."""
    from scripts.devtools.chromium import launch_chromium

    with launch_chromium() as chromium:
        yield chromium



def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Chromium (directly or through a fixture), so `make test-fast` can leave them out."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
