"""Turn validated content into pages, one set per language (pure: no file is written).

Directory entries are rendered to HTML (scripts/pages/entry_page.py); every other page is Markdown
that mkdocs converts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from schemas.common import LANGUAGES, Language
from scripts.browser import PAGE_SCRIPTS, join_browser_code
from scripts.content.dossier_sources import link_citations
from scripts.content.loaded import Content, DossierPage
from scripts.pages import urls
from scripts.pages.entry_page import HtmlPage, render_entry_page
from scripts.pages.helpers import PAGE_TEMPLATES, PageHelpers
from scripts.pages.markdown_text import Markdown, escape_markdown
from scripts.pages.vcard import render_vcard

SiteItem = str | HtmlPage
"""A page's Markdown or a generated file's text (both strings), or a page rendered to HTML."""


@dataclass
class LanguageSite:
    """One language's pages (Markdown or HTML), generated and copied files, and navigation, by docs path."""

    language: Language
    pages: dict[str, str] = field(default_factory=dict)
    html_pages: dict[str, HtmlPage] = field(default_factory=dict)
    """Pages rendered to HTML (directory entries), by docs path."""
    texts: dict[str, str] = field(default_factory=dict)
    """Generated files that are not pages (vCards, our page scripts), by docs path."""
    files: dict[str, Path] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)

    def page_paths(self) -> set[str]:
        """Return the docs paths of the pages, Markdown and HTML."""
        return self.pages.keys() | self.html_pages.keys()

    def items(self) -> dict[str, SiteItem]:
        """Return the pages (Markdown or HTML) and generated files by docs path."""
        return {**self.pages, **self.texts, **self.html_pages}


@cache
def create_environment() -> jinja2.Environment:
    """Return the Jinja environment of Markdown pages: every printed value is escaped as Markdown unless marked."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGE_TEMPLATES),
        finalize=escape_markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.globals.update(urls=urls)
    return environment


def render_site(content: Content) -> dict[Language, LanguageSite]:
    """Return every language's pages, files and navigation."""
    return {language: render_language(content, language) for language in LANGUAGES}


def render_language(content: Content, language: Language) -> LanguageSite:
    """Return one language's pages, files and navigation (the build renders each in its own process)."""
    site = LanguageSite(language)
    site.texts.update({path: join_browser_code(names) for path, names in PAGE_SCRIPTS.items()})
    _render_language(content, site)
    return site


def _render_language(content: Content, site: LanguageSite) -> None:
    language = site.language
    environment = create_environment()
    line_cache: dict[tuple[str, str], Markdown] = {}

    def render(path: str, template_name: str, **context: Any) -> None:
        helpers = PageHelpers(content, language, path, line_cache)
        site.pages[path] = environment.get_template(template_name).render(h=helpers, content=content, lang=language, **context)

    render(urls.home_path(), "home.md.j2")
    render(urls.directory_path(), "directory.md.j2")
    render(urls.finder_path(), "finder.md.j2")
    for entry in content.organizations:
        site.html_pages[urls.organization_path(entry.model.id)] = render_entry_page(content, language, entry.model)
        site.texts[urls.vcard_path(entry.model.id)] = render_vcard(content, entry.model, language)
    for category in content.shown_categories():
        render(urls.category_path(category.id), "category.md.j2", category=category)
    for nis_code in sorted(content.communes):
        render(urls.commune_path(nis_code), "commune.md.j2", commune=content.communes[nis_code])
    render(urls.bassin_list_path(), "bassin_list.md.j2")
    for bassin in content.bassins:
        render(urls.bassin_path(bassin.id), "bassin.md.j2", bassin=bassin)
    render(urls.helplines_path(), "helplines.md.j2")
    dossiers = _dossiers_in_order(content, language)
    render(urls.dossier_list_path(), "dossier_list.md.j2", dossiers=dossiers)
    for dossier_id, pages in sorted(content.dossiers.items()):
        _render_dossier(render, dossier_id, pages, language)
    render(urls.search_path(), "search.md.j2")
    render(urls.offline_path(), "offline.md.j2")
    render(urls.list_path(), "list.md.j2")
    render(urls.template_list_path(), "template_list.md.j2")
    for template in content.templates:
        render(urls.template_path(template.model.id), "template.md.j2", template=template)
        for file_name in template.model.files.fr + template.model.files.nl if template.model.files else []:
            site.files[urls.template_file_path(template.model.id, file_name)] = template.folder / file_name
    site.nav = _navigation(content, language)


def _render_dossier(render: Callable[..., None], dossier_id: str, pages: dict[Language, DossierPage], language: Language) -> None:
    path = urls.dossier_path(dossier_id)
    if language in pages:
        render(path, "dossier.md.j2", page=pages[language], body=Markdown(link_citations(pages[language].body, language)))
    else:
        other = next(iter(pages.values()))
        render(path, "translation_notice.md.j2", page=other, other=other.language, target=path)


def _dossiers_in_order(content: Content, language: Language) -> list[DossierPage]:
    """Return the dossiers that exist in a language, by order then title."""
    pages = [pages[language] for pages in content.dossiers.values() if language in pages]
    return sorted(pages, key=lambda page: (page.meta.order, page.meta.title))


def _navigation(content: Content, language: Language) -> list[Any]:
    """Return the four sections; pages below them are reached from each section's page (a nav
    listing every page costs its size on every page: 300 KB each on a 1,000-page site)."""
    def ui(key: str) -> str:
        return content.ui_text(key, language)

    return [
        {ui("nav_home"): urls.home_path()},
        {ui("nav_directory"): urls.directory_path()},
        {ui("nav_dossiers"): urls.dossier_list_path()},
        {ui("nav_templates"): urls.template_list_path()},
    ]
