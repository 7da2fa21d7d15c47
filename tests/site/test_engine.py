"""The engine the site is built with (docs/ENGINE.md): ProperDocs and Material at the versions our overrides were written for."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

import material
import properdocs
import pytest

from tests.site.test_build import soup

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"

OVERRIDDEN = {
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/javascripts/content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
    "partials/alternate.html": "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
    "partials/copyright.html": "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
    "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
    "main.html": "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
}
"""Material 9.8.1's templates that theme/overrides/ replaces or extends (base.html is the one main.html extends),
by their SHA-256: an upgrade that changes one fails here, to be re-read against our override (docs/ENGINE.md)."""


def test_the_engine_is_properdocs_and_the_theme_the_version_our_overrides_follow() -> None:
    assert properdocs.__version__ == "1.6.7"
    assert version("mkdocs-material") == "9.8.1"


@pytest.mark.parametrize(("template", "digest"), OVERRIDDEN.items())
def test_materials_templates_under_our_overrides_are_the_ones_we_read(template: str, digest: str) -> None:
    assert hashlib.sha256((MATERIAL_TEMPLATES / template).read_bytes()).hexdigest() == digest, (
        f"Material's {template} changed: compare it with theme/overrides/ and update docs/ENGINE.md and this digest")


def test_pages_name_their_engine(built_fixture_site: Path) -> None:
    generator = soup(built_fixture_site / "fr" / "index.html").select_one('meta[name="generator"]')["content"]
    assert "ProperDocs 1.6.7" in generator and "mkdocs-material" in generator


def test_materials_plugins_load_under_properdocs() -> None:
    # the bench builds Material's own search for comparison: its plugin must be one of ProperDocs'
    from material.plugins.search.plugin import SearchPlugin
    from properdocs.plugins import BasePlugin

    import scripts.site.mkdocs_site  # noqa: F401  (installs ProperDocs' aliases for mkdocs.*)

    assert issubclass(SearchPlugin, BasePlugin)
