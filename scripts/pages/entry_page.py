"""Directory entries rendered straight to HTML, as Markdown would have made them.

An entry is structured data, not prose: going through Markdown cost mkdocs about 3.5 ms a page,
most of a 10,000-entry build. mkdocs takes the HTML, the title and the table of contents as they
are (see scripts/site/mkdocs_pages.py). Headings get the ids and permalinks of Python-Markdown's
`toc` extension, with its own functions, so anchors stay what they were.

A rendered page keeps its HTML compressed (about a seventh of its size) until mkdocs writes it:
10,000 pages held at once took 140 MB in each language's process.
"""

from __future__ import annotations

import html
import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
import segno
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markupsafe import Markup

from schemas.common import Language
from schemas.organization import Organization, tel_target
from scripts.content.dates import build_date
from scripts.content.fact_sources import ACTIONABLE_FACTS, fact_sources, facts_on_old_pages, last_read, newest_page_date, pages_years
from scripts.content.loaded import Content
from scripts.pages import urls
from scripts.pages.helpers import PAGE_TEMPLATES, PageHelpers
from scripts.pages.urls import entry_url

TEMPLATE = "organization.html.j2"


Heading = tuple[int, str, str]
"""A heading's level, id and text (HTML-escaped, as the `toc` extension names it)."""


@dataclass(frozen=True)
class HtmlPage:
    """A page rendered to HTML: mkdocs puts it in the theme as it is."""

    title: str
    compressed_body: bytes
    headings: tuple[Heading, ...]

    @classmethod
    def from_html(cls, title: str, body: str, headings: list[Heading]) -> HtmlPage:
        """Return a page from its title, HTML body and headings."""
        return cls(title, zlib.compress(body.encode("utf-8"), 1), tuple(headings))

    @property
    def body(self) -> str:
        """Return the page's HTML body."""
        return zlib.decompress(self.compressed_body).decode("utf-8")

    def toc(self) -> list[dict[str, Any]]:
        """Return the nested table-of-contents tokens, as Python-Markdown's `toc` extension makes them."""
        return nest_toc_tokens([{"level": level, "id": anchor, "name": name, "html": name, "data-toc-label": ""}
                                for level, anchor, name in self.headings])

    def anchors(self) -> set[str]:
        """Return the ids of the page's headings (mkdocs checks links to them)."""
        return {anchor for _, anchor, _ in self.headings}


FACT_LABELS = {"phones": "phone", "address": "address", "hours": "opening_hours"}
"""The interface label that names each actionable fact of an entry to readers."""


class EntryHelpers(PageHelpers):
    """The page helpers, for a template whose every printed value is HTML-escaped."""

    def __init__(self, content: Content, language: Language, page_path: str) -> None:
        super().__init__(content, language, page_path, {})
        self.headings: list[Heading] = []
        self.anchor_ids: set[str] = set()

    def heading(self, level: int, text: str) -> Markup:
        """Return a heading with a unique id and a permalink, and note it for the table of contents."""
        anchor = unique(slugify(text, "-"), self.anchor_ids)
        self.headings.append((level, anchor, html.escape(text, quote=False)))
        return Markup('<h{0} id="{1}">{2}<a class="headerlink" href="#{1}">&para;</a></h{0}>').format(level, anchor, text)

    def admonition(self, kind: str, title: str, text: str) -> Markup:
        """Return a note box as the `admonition` extension writes it."""
        return Markup('<div class="admonition {}">\n<p class="admonition-title">{}</p>\n<p>{}</p>\n</div>').format(kind, title, text)

    def href(self, target: str) -> str:
        """Return the relative URL of a docs path's page or file from this page."""
        return urls.html_path(urls.relative_link(self.page_path, target))

    def tel(self, number: str) -> str:
        """Return the target of a tel: link."""
        return tel_target(number)

    def fact_source(self, org: Organization, fact: str) -> Markup:
        """Return, beside a fact, the numbers of the sources that state it (links to the list below) and their newest date."""
        sources = fact_sources(org, fact)
        if not sources:
            return Markup("")
        links = Markup(", ").join(Markup('<a href="#source-{0}">{0}</a>').format(numbered.number) for numbered in sources)
        newest = newest_page_date(sources)
        when = self.date(newest) if newest else self.ui("source_undated")
        return Markup(' <span class="bx-fact-source">({} {} · {})</span>').format(self.ui("fact_source"), links, when)

    def sources_notice(self, org: Organization) -> str:
        """Return how old the entry's pages are and when they were read ("pages de 2019 à 2025, lues le ...")."""
        read, years = last_read(org), pages_years(org)
        if read is None:
            return ""
        if years is None:
            return self.ui("sources_notice_undated").format(read=self.date(read))
        key = "sources_notice_one_year" if years[0] == years[1] else "sources_notice"
        return self.ui(key).format(first=years[0], last=years[1], read=self.date(read))

    def verification_note(self, org: Organization) -> str:
        """Return where the entry's facts come from, and when the organisation confirmed them."""
        note = self.ui("verification_" + org.verification)
        return note.format(on=self.date(org.confirmation.on)) if org.confirmation else note

    def old_facts(self, org: Organization) -> str:
        """Return the facts a reader acts on that rest only on pages over OLD_SOURCE_YEARS old, named, or ""."""
        service_access = tuple(f"{service.id}.access" for service in org.services)
        old = facts_on_old_pages(org, build_date(), ACTIONABLE_FACTS + service_access)
        names = [self.ui(FACT_LABELS[fact]) if fact in FACT_LABELS else self.access_of(org, fact) for fact in old]
        return ", ".join(names)

    def access_of(self, org: Organization, fact: str) -> str:
        """Return how a service's access fact is named to readers ("Comment être reçu : Service social")."""
        service = next(service for service in org.services if fact == f"{service.id}.access")
        return f"{self.ui('access_how')} ({self.t(service.name)})"

    def qr_code(self, org: Organization) -> Markup:
        """Return an inline SVG QR code of the entry's public address, or "" without a site_url."""
        site_url = self.content.public_site_url()
        if site_url is None:
            return Markup("")
        address = entry_url(site_url, self.language, org.id)
        return Markup(segno.make(address, error="m").svg_inline(scale=3, border=2, title=address))


@cache
def create_html_environment() -> jinja2.Environment:
    """Return the Jinja environment of HTML pages (entries, root pages): every printed value is escaped unless marked."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGE_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
    )
    environment.globals.update(urls=urls)
    return environment


def render_entry_page(content: Content, language: Language, org: Organization) -> HtmlPage:
    """Return an organisation's page in one language."""
    helpers = EntryHelpers(content, language, urls.organization_path(org.id))
    body = create_html_environment().get_template(TEMPLATE).render(h=helpers, content=content, lang=language, org=org)
    title = html.escape(org.name.get(language), quote=False)  # escaped, as mkdocs takes a title from a heading
    return HtmlPage.from_html(title, body, helpers.headings)
