"""Directory entries rendered straight to HTML, as Markdown would have made them.

An entry is structured data, not prose: going through Markdown cost mkdocs about 3.5 ms a page,
most of a 10,000-entry build. mkdocs takes the HTML, the title and the table of contents as they
are (see scripts/site/mkdocs_pages.py). Headings get the ids and permalinks of Python-Markdown's
`toc` extension, with its own functions, so anchors stay what they were.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import jinja2
import segno
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markupsafe import Markup

from schemas.common import Language
from schemas.organization import Organization, tel_target
from scripts.content.loaded import Content
from scripts.pages import urls
from scripts.pages.helpers import PAGE_TEMPLATES, PageHelpers
from scripts.pages.urls import entry_url

TEMPLATE = "organization.html.j2"


@dataclass(frozen=True)
class HtmlPage:
    """A page rendered to HTML: mkdocs puts it in the theme as it is."""

    title: str
    body: str
    toc: list[dict[str, Any]]
    """Nested table-of-contents tokens, as Python-Markdown's `toc` extension makes them."""
    anchors: frozenset[str]
    """The ids of the page's headings (mkdocs checks links to them)."""


class EntryHelpers(PageHelpers):
    """The page helpers, for a template whose every printed value is HTML-escaped."""

    def __init__(self, content: Content, language: Language, page_path: str) -> None:
        super().__init__(content, language, page_path, {})
        self.headings: list[dict[str, Any]] = []
        self.anchor_ids: set[str] = set()

    def heading(self, level: int, text: str) -> Markup:
        """Return a heading with a unique id and a permalink, and note it for the table of contents."""
        anchor = unique(slugify(text, "-"), self.anchor_ids)
        name = html.escape(text, quote=False)
        self.headings.append({"level": level, "id": anchor, "name": name, "html": name, "data-toc-label": ""})
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

    def qr_code(self, org: Organization) -> Markup:
        """Return an inline SVG QR code of the entry's public address, or "" without a site_url."""
        site_url = self.content.public_site_url()
        if site_url is None:
            return Markup("")
        address = entry_url(site_url, self.language, org.id)
        return Markup(segno.make(address, error="m").svg_inline(scale=3, border=2, title=address))


def create_html_environment() -> jinja2.Environment:
    """Return the Jinja environment of HTML pages: every printed value is escaped unless marked."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGE_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
    )
    environment.globals.update(urls=urls)
    return environment


def render_entry_page(environment: jinja2.Environment, content: Content, language: Language, org: Organization) -> HtmlPage:
    """Return an organisation's page in one language."""
    helpers = EntryHelpers(content, language, urls.organization_path(org.id))
    body = environment.get_template(TEMPLATE).render(h=helpers, content=content, lang=language, org=org)
    return HtmlPage(
        title=org.name.get(language),
        body=body,
        toc=nest_toc_tokens(helpers.headings),
        anchors=frozenset(helpers.anchor_ids),
    )
