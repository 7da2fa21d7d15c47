"""Hand mkdocs a language's pages and files from memory: nothing is written to a docs folder first.

Markdown pages are converted by mkdocs as usual; pages rendered to HTML (directory entries) go into
the theme as they are, with their title and table of contents. mkdocs keeps every page's HTML
from reading it to the end of the build; here a rendered page gives its HTML only while the
theme writes it, and every page lets its HTML go once written, so that 10,000 pages are never
held at once. Every path is checked as the writer checks it (once, inside the language's folder).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Any

from properdocs.config.defaults import MkDocsConfig
from properdocs.plugins import BasePlugin, event_priority
from properdocs.structure.files import File, Files
from properdocs.structure.pages import Page
from properdocs.structure.toc import TableOfContents, get_toc

from scripts.pages.entry_page import HtmlPage
from scripts.pages.render import LanguageSite, SiteItem
from scripts.site.write import claim_output_path

PLUGIN_NAME = "brusano-pages"


class RenderedPage(Page):
    """A page whose HTML we rendered: mkdocs reads and converts no Markdown for it."""

    def __init__(self, file: File, config: MkDocsConfig, rendered: HtmlPage) -> None:
        super().__init__(None, file, config)
        self.rendered = rendered

    def read_source(self, config: MkDocsConfig) -> None:
        """Take no source: there is no Markdown and no front matter."""
        self.markdown, self.meta = "", {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Take the title and anchors; the HTML comes when the page is written (see `open`)."""
        self.content = ""
        self._title_from_render = self.rendered.title
        self.present_anchor_ids = self.rendered.anchors()

    def open(self) -> None:
        """Take the HTML and the table of contents, for the theme to write the page."""
        self.content = self.rendered.body
        self.toc = get_toc(self.rendered.toc())

    def close(self) -> None:
        """Let go of the HTML and table of contents once the page is written."""
        self.content, self.toc = "", TableOfContents([])


class LanguagePagesPlugin(BasePlugin):  # type: ignore[type-arg]
    """Adds a language's pages and files to mkdocs' files, in place of a docs folder on disk."""

    def __init__(self, site: LanguageSite) -> None:
        super().__init__()
        self.site = site

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add every page and file of the language (over a theme file of the same path, as a docs file would be).

        Raises:
            UnsafeOutputPath: two of them have the same path, or one would leave the language's folder.
        """
        site, claimed = self.site, set[str]()
        for path, item in sorted(chain(site.pages.items(), site.texts.items(), site.html_pages.items()), key=itemgetter(0)):
            claim_output_path(path, claimed)
            put_file(files, make_file(config, path, item))
        for path, source in sorted(site.files.items()):
            claim_output_path(path, claimed)
            put_file(files, File.generated(config, path, abs_src_path=str(source)))
        return files

    @event_priority(100)  # before any other plugin reads the page (Material's search, in the benchmark)
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """Give a rendered page its HTML while the theme writes it."""
        if isinstance(page, RenderedPage):
            page.open()
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of a page's HTML once it is written (mkdocs keeps it to the end). Its Markdown
        stays: mkdocs reads a page's title from it when another page names it."""
        if isinstance(page, RenderedPage):
            page.close()
        else:
            page.content = None
        return output


def make_file(config: MkDocsConfig, path: str, item: SiteItem) -> File:
    """Return the mkdocs file of a page or generated file (with its page, for a rendered one)."""
    file = File.generated(config, path, content="" if isinstance(item, HtmlPage) else item)
    if isinstance(item, HtmlPage):
        file.page = RenderedPage(file, config, item)  # as a Page does itself: mkdocs finds pages through their files
    return file


def put_file(files: Files, file: File) -> None:
    """Add a file, replacing the one of the same path."""
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def add_language_pages(config: MkDocsConfig, site: LanguageSite) -> None:
    """Register the plugin that hands mkdocs this language's pages."""
    config.plugins[PLUGIN_NAME] = LanguagePagesPlugin(site)
