"""What the footer and the open data say about a build: the site's version and the build date."""

from __future__ import annotations

import os
import tomllib
from datetime import date, datetime, timezone

from babel.dates import format_date

from schemas.common import Language
from scripts import REPO_ROOT


def site_version() -> str:
    """Return the version in pyproject.toml (see CHANGELOG.md)."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def build_date() -> date:
    """Return the build date, from SOURCE_DATE_EPOCH so that two builds of a commit are identical."""
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    return datetime.fromtimestamp(stamp, tz=timezone.utc).date()


def format_build_date(language: Language) -> str:
    """Return the build date as a reader of the language writes it in Belgium (29 novembre 2026)."""
    return format_date(build_date(), format="long", locale=f"{language}_BE")
