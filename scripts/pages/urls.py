"""One small function per URL family: where each page lives in a language's docs folder."""

from __future__ import annotations

import posixpath


def home_path() -> str:
    """Return the home page."""
    return "index.md"


def directory_path() -> str:
    """Return the directory's entry page (categories and communes)."""
    return "directory/index.md"


def finder_path() -> str:
    """Return the directory finder (filters by need, place, language, public, cost, access, hours)."""
    return "directory/finder.md"


def organization_path(organization_id: str) -> str:
    """Return an organisation's page."""
    return f"directory/entries/{organization_id}.md"


def vcard_path(organization_id: str) -> str:
    """Return an organisation's vCard, beside its page."""
    return f"directory/entries/{organization_id}.vcf"


def open_data_path(name: str) -> str:
    """Return where an open-data file lives, from the site's root."""
    return f"open-data/{name}"


def category_path(category_id: str) -> str:
    """Return the listing page of a category."""
    return f"directory/categories/{category_id}.md"


def commune_path(nis_code: int) -> str:
    """Return the listing page of a commune."""
    return f"directory/communes/{nis_code}.md"


def bassin_list_path() -> str:
    """Return the list of the five bassins (zorgzones)."""
    return "directory/bassins/index.md"


def bassin_path(bassin_id: str) -> str:
    """Return a bassin's page (its communes, the services located there and serving it)."""
    return f"directory/bassins/{bassin_id}.md"


def helplines_path() -> str:
    """Return the page of helplines (who to call when everything is closed)."""
    return "helplines.md"


def dossier_list_path() -> str:
    """Return the list of dossiers."""
    return "dossiers/index.md"


def dossier_path(dossier_id: str) -> str:
    """Return a dossier's page."""
    return f"dossiers/{dossier_id}.md"


def template_list_path() -> str:
    """Return the template catalogue (not templates/: mkdocs excludes that folder by default)."""
    return "documents/index.md"


def template_path(template_id: str) -> str:
    """Return a template's page."""
    return f"documents/{template_id}.md"


def template_file_path(template_id: str, file_name: str) -> str:
    """Return where a template's downloadable file is copied."""
    return f"documents/{template_id}/{file_name}"


def list_path() -> str:
    """Return the patient's list: the services a reader kept on this device, to print or share."""
    return "list.md"


def offline_path() -> str:
    """Return the page the service worker shows for a page never opened while offline."""
    return "offline.md"


def search_path() -> str:
    """Return the full search results page (search.html?q=...&type=...)."""
    return "search.md"


def search_asset_path(name: str) -> str:
    """Return where a search file (engine.js, fr.js, nl.js) lives, from the site's root."""
    return f"search/{name}"


def relative_link(from_page: str, to_path: str) -> str:
    """Return the relative link from one docs path to another (.md links stay .md for mkdocs)."""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")


def html_path(docs_path: str) -> str:
    """Return the built HTML path of a docs path (use_directory_urls is off)."""
    return docs_path[:-3] + ".html" if docs_path.endswith(".md") else docs_path


def entry_url(site_url: str, language: str, organization_id: str) -> str:
    """Return the absolute public address of an organisation's page (for QR codes)."""
    return f"{site_url.rstrip('/')}/{language}/{html_path(organization_path(organization_id))}"
