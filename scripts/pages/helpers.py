"""The functions page templates call, bound to one language and one page."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.units import format_unit
from pypdf import PdfReader

from schemas.bassin import Bassin
from schemas.common import Language, LocalizedText, MonthDate
from schemas.dossier import DossierFrontMatter
from schemas.organization import (
    NEW_CLIENTS_VALID_MONTHS,
    WEEKDAYS,
    Access,
    NewClientsState,
    OpeningHours,
    Organization,
    Service,
    tel_target,
)
from schemas.template import Template
from scripts.content.dates import build_date, is_outdated, months_before
from scripts.content.loaded import Content, TemplateEntry
from scripts.pages import urls
from scripts.pages.markdown_text import Markdown, escape_markdown

PAGE_TEMPLATES = Path(__file__).parent / "templates"


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
        day_names = get_day_names("wide", locale=self.locale)
        rows = []
        for index, day in enumerate(WEEKDAYS):
            periods = sorted((p.opens, p.closes) for p in hours.regular if day in p.days)
            text = ", ".join(f"{opens}–{closes}" for opens, closes in periods) or self.ui("closed")
            rows.append((str(day_names[index]).capitalize(), text))
        return rows

    def language_names(self, codes: list[str]) -> str:
        """Return language names joined by commas."""
        return ", ".join(self.language_name(code) for code in codes)

    def date(self, value: Any) -> str:
        """Return a date written out in the page's language (a month alone when the page shows only a month)."""
        if isinstance(value, MonthDate):
            return format_date(value, format="MMMM y", locale=self.locale)
        return format_date(value, format="long", locale=self.locale)

    def outdated(self, checked: date) -> bool:
        """Return True when a fact was checked more than a year before this build."""
        return is_outdated(checked, build_date())

    def file_size(self, path: Path) -> str:
        """Return a file's size in kilobytes, in the page's language."""
        kilobytes = max(1, round(path.stat().st_size / 1024))
        return format_unit(kilobytes, "digital-kilobyte", length="short", locale=self.locale)

    def file_facts(self, path: Path) -> str:
        """Return a hosted file's format, pages (PDF) and size: "PDF, 2 p., 31 kB"."""
        parts = [path.suffix.lstrip(".").upper()]
        if path.suffix.lower() == ".pdf":
            parts.append(self.ui("template_pages").replace("{count}", str(len(PdfReader(path).pages))))
        return ", ".join([*parts, self.file_size(path)])

    def template_summary(self, model: Template) -> str:
        """Return what a form is in a few words: "Formulaire officiel, INAMI (PDF)"."""
        summary = self.ui("template_kind_" + model.kind) + (f", {self.t(model.issuer)}" if model.issuer else "")
        if model.format:
            summary += f" ({self.ui('template_format_online') if model.format == 'online' else model.format.upper()})"
        return summary

    def related_templates(self, meta: DossierFrontMatter) -> list[TemplateEntry]:
        """Return the forms and models of a dossier: those it names and those that name it, official forms first."""
        related = [entry for entry in self.content.templates if entry.model.id in meta.templates or meta.id in entry.model.dossiers]
        return sorted(related, key=lambda entry: (entry.model.kind == "model", entry.model.title.get(self.language)))

    def templates_by_dossier(self) -> list[tuple[str, list[TemplateEntry]]]:
        """Return the forms and models grouped under the dossier they serve (in the dossiers' order), then the others."""
        pages = {dossier_id: pages.get(self.language) or next(iter(pages.values())) for dossier_id, pages in self.content.dossiers.items()}
        order = sorted(pages, key=lambda dossier_id: (pages[dossier_id].meta.order, pages[dossier_id].meta.title))
        by_title = sorted(self.content.templates, key=lambda entry: entry.model.title.get(self.language))
        groups = [(pages[dossier_id].meta.title, [entry for entry in by_title if dossier_id in entry.model.dossiers]) for dossier_id in order]
        groups.append((self.ui("templates_other"), [entry for entry in by_title if not entry.model.dossiers]))
        return [group for group in groups if group[1]]

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
            locations = org.service_locations(service)
            place = escape_markdown(self.commune_name(locations[0].address.commune) if locations else self.ui("no_public_address"))
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
            if any(location.address.commune == nis_code for location in org.service_locations(service)):
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
            if any(self.content.address_bassins(location.address) == [bassin] for location in org.service_locations(service)):
                located.append((org, service))
            elif service.area_served == "region":
                region_wide += 1
            elif communes & set(service.area_served):
                serving.append((org, service))
        return located, serving, region_wide

    def new_clients(self, access: Access | None) -> NewClientsState:
        """Return "yes", "no" or "unknown" (not stated, or checked over three months before this build)."""
        if access is None or access.new_clients is None:
            return "unknown"
        if access.new_clients.checked < months_before(build_date(), NEW_CLIENTS_VALID_MONTHS):
            return "unknown"
        return "yes" if access.new_clients.accepting else "no"

    def source_host(self, url: str) -> str:
        """Return a source's host name, as readers recognise it (www.brusano.brussels)."""
        return urlsplit(url).hostname or url

    def category_services(self, category_id: str) -> list[tuple[Organization, Service]]:
        """Return the services of a category."""
        return [pair for pair in self.content.get_services() if category_id in pair[1].categories]
