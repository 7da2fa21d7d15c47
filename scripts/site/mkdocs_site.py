"""Build one language's pages with ProperDocs and mkdocs-material, strictly (a warning is a failure)."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any

import properdocs.replacement  # noqa: F401  (Material's code imports mkdocs.*: it gets ProperDocs' modules)
import yaml
from properdocs.commands.build import build as mkdocs_build
from properdocs.config import load_config
from properdocs.exceptions import Abort, MkDocsException

from schemas.common import Language, other_language
from scripts import REPO_ROOT
from scripts.content.loaded import Content
from scripts.pages.render import LanguageSite
from scripts.pages.site_text import SEARCH_RESULT_TYPES
from scripts.site.mkdocs_pages import add_language_pages
from scripts.site.release import format_build_date, site_version
from scripts.site.security import PAGE_POLICY
from scripts.site.webapp import THEME_COLOUR

BASE_CONFIG = REPO_ROOT / "mkdocs.yml"
THEME_OVERRIDES = REPO_ROOT / "theme" / "overrides"
HTML_FIXES = Path(__file__).with_name("html_fixes.py")
"""The mkdocs hook that removes Material's invalid attributes."""


class SiteBuildError(Exception):
    """mkdocs reported warnings or errors (listed in the message)."""


class WarningCollector(logging.Handler):
    """Keep the warnings mkdocs logs while a language builds (each one fails the build)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def language_config(
    content: Content, site: LanguageSite, docs_dir: Path, site_dir: Path, *, material_search: bool = False
) -> dict[str, Any]:
    """Return the mkdocs configuration of one language, derived from mkdocs.yml."""
    config = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
    language: Language = site.language
    other = other_language(language)
    config.update(
        site_name=content.site.name.get(language),
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=site.nav,
        copyright=content.site.licence.get(language),
        extra={
            "language": language,
            "other_language": other,
            "ui": {key: text.get(language) for key, text in sorted(content.ui.items())},
            "version": site_version(),
            "build_date": format_build_date(language),
            "helplines": [{"name": line.name.get(language), "number": line.number, "hours": line.hours.get(language)}
                          for line in content.helplines],
            "result_types": [[code, content.ui[label].get(language)] for code, label in SEARCH_RESULT_TYPES.values()],
            "generator": False,  # no "Made with" link to another host
            "content_security_policy": PAGE_POLICY,
            "theme_colour": THEME_COLOUR,
            # Material includes partials/alternate.html only when this is set; our override
            # of that partial links to the same page in the other language.
            "alternate": [{"name": content.ui["other_language_name"].get(language), "link": "", "lang": other}],
        },
    )
    config["theme"].update(language=language, custom_dir=str(THEME_OVERRIDES))
    config["hooks"] = [str(HTML_FIXES)]
    if material_search:
        config["plugins"] = [{"search": {"lang": [language]}}]
    return config


def build_language(content: Content, site: LanguageSite, work_dir: Path, site_dir: Path, *, material_search: bool = False) -> None:
    """Build a language into site_dir with mkdocs --strict (its pages come from memory; the docs folder stays empty)."""
    docs_dir = work_dir / f"docs-{site.language}"
    docs_dir.mkdir(parents=True, exist_ok=True)
    config_path = work_dir / f"mkdocs-{site.language}.yml"
    config_path.write_text(yaml.safe_dump(language_config(content, site, docs_dir, site_dir, material_search=material_search), allow_unicode=True), encoding="utf-8")
    collector = WarningCollector()
    logger = logging.getLogger("properdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(config_path), strict=True)
        add_language_pages(config, site)
        mkdocs_build(config)
    except (Abort, MkDocsException) as error:
        raise SiteBuildError("\n".join(collector.messages) or str(error)) from error
    finally:
        logger.removeHandler(collector)
    for generated in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / generated).unlink(missing_ok=True)  # replaced by one bilingual sitemap
    if not material_search:
        drop_unloaded_theme_files(site_dir)


UNLOADED_THEME_FILES = ("assets/javascripts/lunr", "assets/javascripts/workers", "assets/images/favicon.png")
"""Material's search worker and its lunr files (our search replaces Material's) and its default icon (ours is the logo): no page loads them."""


def drop_unloaded_theme_files(site_dir: Path) -> None:
    """Remove the theme's files no page loads (its search, the source maps) and the comments that point at the maps."""
    for name in UNLOADED_THEME_FILES:
        path = site_dir / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    for source_map in site_dir.rglob("*.map"):
        source_map.unlink()
    for path in [*site_dir.glob("assets/javascripts/*.js"), *site_dir.glob("assets/stylesheets/*.css")]:
        text = path.read_text(encoding="utf-8")
        kept = re.sub(r"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$", "\n", text)
        if kept != text:
            path.write_text(kept, encoding="utf-8")
