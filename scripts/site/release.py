"""What the footer and the open data say about a build: the site's version and the build date."""

from __future__ import annotations

import tomllib

from babel.dates import format_date

from schemas.common import Language
from scripts import REPO_ROOT
from scripts.content.dates import build_date


def site_version() -> str:
    """Return the version in pyproject.toml (see CHANGELOG.md)."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def format_build_date(language: Language) -> str:
    """Return the build date as a reader of the language writes it in Belgium (29 novembre 2026)."""
    return format_date(build_date(), format="long", locale=f"{language}_BE")
