"""The files at the site's root: language chooser, 404 pages, sitemap, robots.txt."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from schemas.common import LANGUAGES, Language
from scripts import REPO_ROOT
from scripts.content.loaded import Content
from scripts.pages import urls
from scripts.pages.entry_page import create_html_environment
from scripts.site.security import PAGE_POLICY
from scripts.site.write import TreeWriter

ROOT_THEME = REPO_ROOT / "theme" / "root"
ROOT_ASSETS = ("root.css", "chooser.js", "not-found.js")
"""The root pages' stylesheet and scripts (files, so that the Content-Security-Policy forbids inline code)."""


def write_root_pages(content: Content, page_paths: Collection[str], site_dir: Path, site_url: str | None) -> None:
    """Write the chooser, the 404 pages of the root and of each language, the sitemap and robots.txt.

    page_paths are the docs paths of the pages (each language has the same ones)."""
    writer = TreeWriter(site_dir)
    environment = create_html_environment()
    for name in ROOT_ASSETS:
        writer.copy_file(name, ROOT_THEME / name)
    chooser = environment.get_template("root_index.html.j2")
    writer.write_text("index.html", chooser.render(site=content.site, ui=content.ui, policy=PAGE_POLICY, languages=LANGUAGES))
    not_found = environment.get_template("not_found.html.j2")
    # A server shows a not-found page at any missing address, at any depth: with the site's address
    # known, its files are named from the site's root path; without it, from the page's own folder.
    root_path = urlsplit(site_url).path.rstrip("/") + "/" if site_url else None

    def not_found_page(languages: list[Language], prefix: str) -> str:
        """The page in these languages, its files and home links named from prefix."""
        return not_found.render(ui=content.ui, languages=languages, asset_prefix=prefix, policy=PAGE_POLICY,
                                home_links={lang: f"{prefix}{lang}/index.html" for lang in languages})

    writer.write_text("404.html", not_found_page(list(LANGUAGES), root_path or ""))
    for language in LANGUAGES:
        # Replaces the placeholder that mkdocs renders from theme/overrides/404.html.
        writer.write_text(f"{language}/404.html", not_found_page([language], root_path or "../"))
    sitemap_line = ""
    if site_url:  # a sitemap's addresses must be absolute: without the site's address, none is written
        writer.write_text("sitemap.xml", render_sitemap(content, page_paths, site_url))
        sitemap_line = f"Sitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    writer.write_text("robots.txt", f"User-agent: *\nAllow: /\n{sitemap_line}")


def render_sitemap(content: Content, page_paths: Collection[str], site_url: str) -> str:
    """Return a sitemap listing every page in both languages by absolute address, each with its alternates."""
    base = site_url.rstrip("/") + "/"
    pending = {urls.dossier_path(dossier_id): next(iter(pages)) for dossier_id, pages in content.dossiers.items() if len(pages) == 1}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in sorted(set(page_paths) - {urls.offline_path()}):  # the offline page is for the service worker
        languages = [pending[path]] if path in pending else list(LANGUAGES)
        for language in languages:
            lines.append(f"  <url><loc>{base}{language}/{urls.html_path(path)}</loc>")
            if len(languages) > 1:
                for alternate in languages:
                    href = quoteattr(f"{base}{alternate}/{urls.html_path(path)}")
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{alternate}" href={href}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
