"""One language of the preview: its pages and mkdocs state, kept between rebuilds.

A full build hands mkdocs every page; here mkdocs is set up once (configuration, files,
navigation, theme) and then renders only the pages that changed, with the same
steps as its own build (`_populate_page`, `_build_page`), so a page comes out as `make build`
writes it. Warnings fail a page as `--strict` does; the page's last good HTML stays.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from properdocs.commands.build import _build_page, _populate_page
from properdocs.config import load_config
from properdocs.exceptions import MkDocsException
from properdocs.structure.files import File, get_files, set_exclusions
from properdocs.structure.nav import get_navigation
from properdocs.structure.pages import Page

from scripts.pages import urls
from scripts.pages.entry_page import HtmlPage, render_entry_page
from scripts.pages.vcard import render_vcard
from scripts.site.mkdocs_pages import RenderedPage, add_language_pages, make_file
from scripts.site.mkdocs_site import SiteBuildError, WarningCollector, language_config

if TYPE_CHECKING:
    from schemas.common import Language
    from schemas.organization import Organization
    from scripts.content.loaded import Content
    from scripts.pages.render import LanguageSite, SiteItem


class NeedsFullBuild(Exception):
    """A change reaches the mkdocs configuration or the copied files: only a full build shows it."""


def render_organization(content: Content, language: Language, org: Organization) -> dict[str, SiteItem]:
    """Return an organisation's page and vCard as `render_site` makes them (they read no other entry)."""
    page = render_entry_page(content, language, org)
    return {urls.organization_path(org.id): page, urls.vcard_path(org.id): render_vcard(content, org, language)}


class LanguagePages:
    """A language's mkdocs state and its pages and files; `update` renders what changed."""

    def __init__(self, content: Content, site: LanguageSite, work_dir: Path, site_dir: Path, write_lock: threading.Lock) -> None:
        self.language = site.language
        self.write_lock = write_lock
        self.docs_dir = work_dir / f"docs-{site.language}"
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        self.site_dir = site_dir
        self.items: dict[str, SiteItem] = site.items()
        self.copied = dict(site.files)
        self.settings = language_config(content, site, self.docs_dir, site_dir)
        config_path = work_dir / f"mkdocs-{site.language}.yml"
        config_path.write_text(yaml.safe_dump(self.settings, allow_unicode=True), encoding="utf-8")
        self._set_up_mkdocs(str(config_path), site)

    def _set_up_mkdocs(self, config_path: str, site: LanguageSite) -> None:
        """Run mkdocs' build up to the point where it reads pages (see mkdocs.commands.build.build)."""
        config = load_config(config_path, strict=True)
        add_language_pages(config, site)
        self.config = config.plugins.on_config(config)
        self.config.plugins.on_pre_build(config=self.config)
        files = get_files(self.config)
        env = self.config.theme.get_env()
        files.add_files_from_theme(env, self.config)
        self.files = self.config.plugins.on_files(files, config=self.config)
        set_exclusions(self.files, self.config)
        self.nav = self.config.plugins.on_nav(get_navigation(self.files, self.config), config=self.config, files=self.files)
        self.env = self.config.plugins.on_env(env, config=self.config, files=self.files)

    def check_settings(self, content: Content, site: LanguageSite) -> None:
        """Raise NeedsFullBuild when the language's configuration or copied files changed."""
        if site.files != self.copied or language_config(content, site, self.docs_dir, self.site_dir) != self.settings:
            raise NeedsFullBuild(f"the {self.language} site's settings or files changed")

    def update(self, items: dict[str, SiteItem], removed: Collection[str] = ()) -> int:
        """Take the pages and files that changed, render or write them, remove the others; return how many changed.

        Raises:
            SiteBuildError: mkdocs warned about a page (that page's last good HTML stays).
        """
        changed = sorted(path for path, item in items.items() if self.items.get(path) != item)
        files = [self._take(path, items[path]) for path in changed]
        for path in sorted(removed):
            self._remove(path)
        for file in files:
            if not file.is_documentation_page():
                with self.write_lock:
                    file.copy_file()
        self._render([file for file in files if file.is_documentation_page()])
        return len(changed) + len(removed)

    def sync(self, content: Content, site: LanguageSite) -> int:
        """Bring the pages and files in line with a whole language site; return how many changed."""
        self.check_settings(content, site)
        items = site.items()
        return self.update(items, {path for path in self.items if path not in items})

    def _take(self, path: str, item: SiteItem) -> File:
        """Keep a page's or file's new version in its mkdocs file (a new one for a new path); return that file."""
        self.items[path] = item
        file = self.files.get_file_from_path(path)
        if file is None:
            file = make_file(self.config, path, item)
            set_exclusions([file], self.config)
            self.files.append(file)
        elif isinstance(item, HtmlPage):
            assert isinstance(file.page, RenderedPage), f"{path} was not a rendered page"
            file.page.rendered = item
        else:
            file.content_string = item
        return file

    def _remove(self, path: str) -> None:
        self.items.pop(path, None)
        file = self.files.get_file_from_path(path)
        if file is not None:
            self.files.remove(file)
            with self.write_lock:
                Path(file.abs_dest_path).unlink(missing_ok=True)

    def _render(self, files: list[File]) -> None:
        """Render pages as mkdocs' build does; a page that warns keeps its last good HTML."""
        documentation = self.files.documentation_pages()
        logger = logging.getLogger("properdocs")
        for file in files:
            collector = WarningCollector()
            logger.addHandler(collector)
            try:
                page = file.page if file.page is not None else Page(None, file, self.config)
                _populate_page(page, self.config, self.files)
                if not collector.messages:
                    with self.write_lock:  # mkdocs writes the page in place
                        _build_page(page, self.config, documentation, self.nav, self.env)
            except MkDocsException as error:
                collector.messages.append(str(error))
            finally:
                logger.removeHandler(collector)
            if collector.messages:
                self.items.pop(file.src_uri, None)  # rendered again after the next change
                raise SiteBuildError(f"{self.language}/{file.src_uri}: " + "\n".join(collector.messages))
