"""One language of the preview: its docs folder and mkdocs state, kept between rebuilds.

A full build hands mkdocs the whole docs folder; here mkdocs is set up once (configuration,
files, navigation, theme) and then renders only the pages whose Markdown changed, with the same
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
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from scripts.pages import urls
from scripts.pages.render import PageHelpers, create_environment
from scripts.pages.vcard import render_vcard
from scripts.site.mkdocs_site import SiteBuildError, _Collector, language_config

if TYPE_CHECKING:
    from schemas.common import Language
    from schemas.organization import Organization
    from scripts.content.loaded import Content
    from scripts.pages.render import LanguageSite


class NeedsFullBuild(Exception):
    """A change reaches the mkdocs configuration or the copied files: only a full build shows it."""


def render_organization(content: Content, language: Language, org: Organization) -> dict[str, str]:
    """Return an organisation's page and vCard as `render_site` writes them (they read no other entry)."""
    path = urls.organization_path(org.id)
    helpers = PageHelpers(content, language, path, {})
    page = create_environment().get_template("organization.md.j2").render(h=helpers, content=content, lang=language, org=org)
    return {path: page, urls.vcard_path(org.id): render_vcard(content, org, language)}


class LanguagePages:
    """A language's docs folder and mkdocs state; `update` writes and renders what changed."""

    def __init__(self, content: Content, site: LanguageSite, work_dir: Path, site_dir: Path, write_lock: threading.Lock) -> None:
        self.language = site.language
        self.write_lock = write_lock
        self.docs_dir = work_dir / f"docs-{site.language}"
        self.site_dir = site_dir
        self.texts: dict[str, str | None] = {}
        self.copied = dict(site.files)
        self.settings = language_config(content, site, self.docs_dir, site_dir)
        self._write_docs({**site.pages, **site.texts})
        for path, source in sorted(site.files.items()):
            self._docs_path(path).write_bytes(source.read_bytes())
        config_path = work_dir / f"mkdocs-{site.language}.yml"
        config_path.write_text(yaml.safe_dump(self.settings, allow_unicode=True), encoding="utf-8")
        self._set_up_mkdocs(str(config_path))

    def _set_up_mkdocs(self, config_path: str) -> None:
        """Run mkdocs' build up to the point where it reads pages (see mkdocs.commands.build.build)."""
        config = load_config(config_path, strict=True)
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

    def update(self, texts: dict[str, str], removed: Collection[str] = ()) -> int:
        """Write the docs files whose text changed, render or copy them, remove the others; return how many changed.

        Raises:
            SiteBuildError: mkdocs warned about a page (that page's last good HTML stays).
        """
        changed = self._write_docs(texts)
        for path in sorted(removed):
            self._remove(path)
        new = [File(path, str(self.docs_dir), str(self.site_dir), False) for path in changed if self.files.get_file_from_path(path) is None]
        set_exclusions(new, self.config)
        for file in new:
            self.files.append(file)
        pages = [file for path in changed if (file := self.files.get_file_from_path(path)) is not None]
        for file in pages:
            if not file.is_documentation_page():
                with self.write_lock:
                    file.copy_file()
        self._render([file for file in pages if file.is_documentation_page()])
        return len(changed) + len(removed)

    def sync(self, content: Content, site: LanguageSite) -> int:
        """Bring the docs folder and the pages in line with a whole language site; return how many changed."""
        self.check_settings(content, site)
        texts = {**site.pages, **site.texts}
        return self.update(texts, {path for path in self.texts if path not in texts})

    def _docs_path(self, path: str) -> Path:
        target = self.docs_dir.joinpath(*path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def _write_docs(self, texts: dict[str, str]) -> list[str]:
        """Write the texts that differ from the docs folder (the others keep their date); return their paths."""
        changed = [path for path, text in sorted(texts.items()) if self.texts.get(path) != text]
        for path in changed:
            self._docs_path(path).write_text(texts[path], encoding="utf-8", newline="\n")
            self.texts[path] = texts[path]
        return changed

    def _remove(self, path: str) -> None:
        self.texts.pop(path, None)
        self._docs_path(path).unlink(missing_ok=True)
        file = self.files.get_file_from_path(path)
        if file is not None:
            self.files.remove(file)
            with self.write_lock:
                Path(file.abs_dest_path).unlink(missing_ok=True)

    def _render(self, files: list[File]) -> None:
        """Render pages as mkdocs' build does; a page that warns keeps its last good HTML."""
        documentation = self.files.documentation_pages()
        logger = logging.getLogger("mkdocs")
        for file in files:
            collector = _Collector()
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
                self.texts[file.src_uri] = None  # rendered again after the next change
                raise SiteBuildError(f"{self.language}/{file.src_uri}: " + "\n".join(collector.messages))
            page.markdown = page.content = None  # only the page being written needs them
