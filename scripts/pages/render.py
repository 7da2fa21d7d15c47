"""Turn validated content into Markdown pages, one set per language (pure: no file is written)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import segno
from babel import Locale
from babel.dates import format_date, get_day_names
from babel.units import format_unit

from schemas.bassin import Bassin
from schemas.common import LANGUAGES, Language, LocalizedText
from schemas.dossier import DossierFrontMatter
from schemas.organization import NEW_CLIENTS_VALID_MONTHS, WEEKDAYS, Access, OpeningHours, Organization, Service, tel_target
from scripts.content.dates import build_date, is_outdated, months_before
from scripts.content.loaded import Content, DossierPage
from scripts.pages import urls
from scripts.pages.browser_code import PAGE_SCRIPTS, join_browser_code
from scripts.pages.markdown_text import Markdown, escape_markdown
from scripts.pages.urls import entry_url
from scripts.pages.vcard import render_vcard

PAGE_TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class LanguageSite:
    """What one language's docs folder holds: Markdown pages, copied files, navigation."""

    language: Language
    pages: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    """Generated files that are not pages (vCards, our page scripts), by docs path."""
    files: dict[str, Path] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)


def create_environment() -> jinja2.Environment:
    """Return the Jinja environment: every printed value is escaped as Markdown unless marked."""
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


class PageHelpers:
    """The functions page templates call, bound to one language and one page."""

    def __init__(self, content: Content, language: Language, page_path: str, line_cache: dict[tuple[str, str], Markdown]) -> None:
        self.content = content
        self.language = language
        self.page_path = page_path
        self.locale = Locale.parse(language)
        self.line_cache = line_cache

    def ui(self, key: str) -> str:
        """Return an interface label."""
        return self.content.ui_text(key, self.language)

    def t(self, text: LocalizedText | None) -> str:
        """Return a bilingual text in the page's language."""
        return "" if text is None else text.get(self.language)

    def html(self, text: str) -> Markdown:
        """Return text escaped for a raw HTML block (where Markdown escapes would show)."""
        return Markdown(html.escape(text))

    def link(self, target: str) -> Markdown:
        """Return the relative link from this page to a docs path."""
        return Markdown(urls.relative_link(self.page_path, target))

    def commune_name(self, nis_code: int) -> str:
        """Return a commune's name in the page's language."""
        return self.content.communes[nis_code].name(self.language)

    def language_name(self, code: str) -> str:
        """Return a language's name, in the page's language."""
        return str(self.locale.languages.get(code, code))

    def week_hours(self, hours: OpeningHours) -> list[tuple[str, str]]:
        """Return (day name, "09:00–12:30, 13:30–17:00" or "closed") for each weekday."""
        rows = []
        for index, day in enumerate(WEEKDAYS):
            periods = sorted((p.opens, p.closes) for p in hours.regular if day in p.days)
            text = ", ".join(f"{opens}–{closes}" for opens, closes in periods) or self.ui("closed")
            rows.append((str(get_day_names("wide", locale=self.locale)[index]).capitalize(), text))
        return rows

    def language_names(self, codes: list[str]) -> str:
        """Return language names joined by commas."""
        return ", ".join(self.language_name(code) for code in codes)

    def date(self, value: Any) -> str:
        """Return a date written out in the page's language."""
        return format_date(value, format="long", locale=self.locale)

    def outdated(self, checked: date) -> bool:
        """Return True when a fact was checked more than a year before this build."""
        return is_outdated(checked, build_date())

    def file_size(self, path: Path) -> str:
        """Return a file's size in kilobytes, in the page's language."""
        kilobytes = max(1, round(path.stat().st_size / 1024))
        return format_unit(kilobytes, "digital-kilobyte", length="short", locale=self.locale)

    def phone(self, number: str) -> Markdown:
        """Return a phone number as a tel: link, shown as its source writes it."""
        return Markdown(f"[{escape_markdown(number)}](<tel:{tel_target(number)}>)")

    def root_link(self, path: str, text: str, language: Language | None = None) -> Markdown:
        """Return an HTML link to a file from the site's root (outside this language's docs
        folder, so mkdocs does not check it); with a language, it links a page of that language."""
        href = "../" * self.page_path.count("/") + "../" + (f"{language}/{urls.html_path(path)}" if language else path)
        attributes = f' hreflang="{language}" lang="{language}"' if language else ""
        return Markdown(f'<a href="{html.escape(href)}"{attributes}>{html.escape(text)}</a>')

    def service_line(self, org: Organization, service: Service) -> Markdown:
        """Return a service's list item (link, example flag, commune), shared by every page of a folder."""
        key = (urls.relative_link(self.page_path, "."), service.id)
        if key not in self.line_cache:
            example = f" ({escape_markdown(self.ui('example_short'))})" if org.example else ""
            title = escape_markdown(f"{self.t(org.name)} — {self.t(service.name)}")
            place = escape_markdown(self.commune_name(org.locations[0].address.commune) if org.locations else self.ui("no_public_address"))
            self.line_cache[key] = Markdown(f"- [{title}]({self.link(urls.organization_path(org.id))}){example}: {place}")
        return self.line_cache[key]

    def related_services(self, meta: DossierFrontMatter) -> list[tuple[Organization, Service]]:
        """Return a dossier's chosen services first, then the services of its categories."""
        services = self.content.get_services()
        chosen = [pair for pair in services if pair[1].id in meta.services]
        by_category = [
            pair for pair in services if pair not in chosen and set(meta.categories) & set(pair[1].categories)
        ]
        return chosen + by_category

    def commune_services(self, nis_code: int) -> tuple[list[tuple[Organization, Service]], list[tuple[Organization, Service]], int]:
        """Return the services located in a commune, those elsewhere that name it in their area,
        and how many others serve the whole Region (listed by category, not on every commune)."""
        located, serving, region_wide = [], [], 0
        for org, service in self.content.get_services():
            if any(location.address.commune == nis_code for location in org.locations):
                located.append((org, service))
            elif service.area_served == "region":
                region_wide += 1
            elif nis_code in service.area_served:
                serving.append((org, service))
        return located, serving, region_wide

    def edit_link(self, source_path: str) -> Markdown:
        """Return the "edit this page" link to a source file, or its name without a repository."""
        site = self.content.site
        if site.repository_url is None:
            return Markdown(f"{escape_markdown(self.ui('source_file'))}: `{source_path}`")
        target = f"{site.repository_url.rstrip('/')}/edit/{site.edit_branch}/{source_path}"
        return Markdown(f"[{escape_markdown(self.ui('edit_page'))}](<{target}>)")

    def bassin_services(self, bassin: Bassin) -> tuple[list[tuple[Organization, Service]], list[tuple[Organization, Service]], int]:
        """Return the services located in a bassin, those elsewhere naming one of its communes in
        their area, and how many others serve the whole Region."""
        communes = set(bassin.communes) | {part.commune for part in bassin.parts}
        located, serving, region_wide = [], [], 0
        for org, service in self.content.get_services():
            if any(self.content.address_bassins(location.address) == [bassin] for location in org.locations):
                located.append((org, service))
            elif service.area_served == "region":
                region_wide += 1
            elif communes & set(service.area_served):
                serving.append((org, service))
        return located, serving, region_wide

    def new_clients(self, access: Access | None) -> str:
        """Return "yes", "no" or "unknown" (not stated, or checked over three months before this build)."""
        if access is None or access.new_clients is None:
            return "unknown"
        if access.new_clients.checked < months_before(build_date(), NEW_CLIENTS_VALID_MONTHS):
            return "unknown"
        return "yes" if access.new_clients.accepting else "no"

    def source_host(self, url: str) -> str:
        """Return a source's host name, as readers recognise it (www.brusano.brussels)."""
        return urlsplit(url).hostname or url

    def qr_code(self, org: Organization) -> Markdown:
        """Return an inline SVG QR code of the entry's public address, or "" without a site_url."""
        site_url = self.content.public_site_url()
        if site_url is None:
            return Markdown("")
        address = entry_url(site_url, self.language, org.id)
        svg = segno.make(address, error="m").svg_inline(scale=3, border=2, title=address)
        return Markdown(svg)

    def category_services(self, category_id: str) -> list[tuple[Organization, Service]]:
        """Return the services of a category."""
        return [pair for pair in self.content.get_services() if category_id in pair[1].categories]


def render_site(content: Content) -> dict[Language, LanguageSite]:
    """Return every language's pages, files and navigation."""
    environment = create_environment()
    page_scripts = get_page_scripts()
    return {language: render_language(content, language, environment, page_scripts) for language in LANGUAGES}


def get_page_scripts() -> dict[str, str]:
    """Return our page scripts by docs path: the same files in every language, joined once."""
    return {path: join_browser_code(names) for path, names in PAGE_SCRIPTS.items()}


def render_language(
    content: Content, language: Language, environment: jinja2.Environment | None = None, page_scripts: dict[str, str] | None = None
) -> LanguageSite:
    """Return one language's pages, files and navigation (the build renders each in its own process)."""
    site = LanguageSite(language)
    site.texts.update(get_page_scripts() if page_scripts is None else page_scripts)
    _render_language(environment or create_environment(), content, site)
    return site


def _render_language(environment: jinja2.Environment, content: Content, site: LanguageSite) -> None:
    language = site.language
    line_cache: dict[tuple[str, str], Markdown] = {}

    def render(path: str, template_name: str, **context: Any) -> None:
        helpers = PageHelpers(content, language, path, line_cache)
        site.pages[path] = environment.get_template(template_name).render(h=helpers, content=content, lang=language, **context)

    render(urls.home_path(), "home.md.j2")
    render(urls.directory_path(), "directory.md.j2")
    render(urls.finder_path(), "finder.md.j2")
    for entry in content.organizations:
        render(urls.organization_path(entry.model.id), "organization.md.j2", org=entry.model)
        site.texts[urls.vcard_path(entry.model.id)] = render_vcard(content, entry.model, language)
    for category in content.taxonomy.categories:
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
    render(urls.template_list_path(), "template_list.md.j2")
    for template in content.templates:
        render(urls.template_path(template.model.id), "template.md.j2", template=template)
        for file_name in {template.model.files.fr, template.model.files.nl}:
            site.files[urls.template_file_path(template.model.id, file_name)] = template.folder / file_name
    site.nav = _navigation(content, language)


def _render_dossier(render: Callable[..., None], dossier_id: str, pages: dict[Language, DossierPage], language: Language) -> None:
    path = urls.dossier_path(dossier_id)
    if language in pages:
        render(path, "dossier.md.j2", page=pages[language], body=Markdown(pages[language].body))
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
