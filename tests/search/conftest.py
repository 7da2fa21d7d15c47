"""Search tests: a synthetic corpus built once, and the same site with its index cut into small chunks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A 300-service synthetic corpus, built: (content folder, site folder)."""
    from scripts.devtools.bench_corpus import generate_corpus
    from scripts.pipeline import build_site

    workspace = tmp_path_factory.mktemp("parity")
    content_root = generate_corpus(workspace, services=300, dossiers=20, templates=10)
    site = workspace / "site"
    build_site(content_root, site, quiet=True)
    return content_root, site


@pytest.fixture(scope="session")
def small_chunk_site(synthetic_site: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic site again, its index cut into chunks of a few terms (hundreds of them)."""
    from scripts.pipeline import load_site_content
    from scripts.search.index import write_search_files

    content_root, site = synthetic_site
    copy = shutil.copytree(site, tmp_path_factory.mktemp("small-chunks") / "site")
    shutil.rmtree(copy / "search")
    write_search_files(load_site_content(content_root), copy, REPO / "node_modules", chunk_characters=300)
    return copy
