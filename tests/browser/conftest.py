"""Browser tests: the fixture site served over HTTP under a sub-path, on top of tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def sub_path_url(built_fixture_site: Path) -> Iterator[str]:
    """The fixture site served over HTTP under /brusano/, as a host with a sub-path does."""
    from scripts.devtools.static_server import serve_site

    with serve_site(built_fixture_site, prefix="/brusano/") as url:
        yield url
