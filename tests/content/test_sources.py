"""The published content is sourced: every fact's page is a web address, listed here by host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scripts.content.dossier_sources import SOURCES_HEADING
from scripts.pipeline import load_site_content
from tests.conftest import REPO

LINK = re.compile(r"\]\(<?([^)>\s]+)>?\)")


def _source_urls() -> dict[str, list[str]]:
    """Return {where: [url, ...]} for every source the real content cites."""
    content = load_site_content(REPO / "content")
    found: dict[str, list[str]] = {}
    for entry in content.organizations:
        found[entry.document.path] = [source.url for source in entry.model.sources]
    found["content/helplines.yaml"] = [source.url for line in content.helplines for source in line.sources]
    found["content/bassins.yaml"] = [source.url for bassin in content.bassins for source in bassin.sources]
    found["content/taxonomy.yaml"] = [source.url for group in content.taxonomy.groups for source in group.sources]
    for pages in content.dossiers.values():
        for language, page in pages.items():
            section = page.body.split(f"## {SOURCES_HEADING[language]}", 1)[1]
            found[page.document.path] = LINK.findall(section)
    return found


def test_every_source_is_a_web_page_and_the_hosts_are_listed() -> None:
    found = _source_urls()
    urls = [url for values in found.values() for url in values]
    not_web = [(where, url) for where, values in found.items() for url in values if urlsplit(url).scheme not in ("http", "https")]
    assert not_web == []
    hosts = sorted({urlsplit(url).hostname or "" for url in urls})
    print(f"{len(urls)} source links on {len(hosts)} hosts:", ", ".join(hosts))
    assert len(hosts) >= 30
    assert all(found[path] for path in found if path.startswith("content/dossiers/")), "a dossier cites no page"


def test_real_directory_covers_the_categories_and_communes() -> None:
    content = load_site_content(REPO / "content")
    real = [entry.model for entry in content.organizations if not entry.model.example]
    assert len(real) == len(content.organizations), "example entries live in tests/fixtures, never in content/"
    # 201 on 2026-12-06 (round 3): each sector's records written from their own pages (research/drafts/**/NOTES.md)
    assert len(real) >= 200
    assert all(org.sources for org in real)
    assert all(org.phones or org.locations or org.website or org.email for org in real), "every entry gives a way to act"
    categories = {category for org in real for service in org.services for category in service.categories}
    assert len(categories) >= 35
    # every commune has its CPAS, and a located service a reader can walk to
    cpas = {nis for org in real for service in org.services if "public-social-welfare-centre" in service.categories
            and service.area_served != "region" for nis in service.area_served}
    assert cpas == set(content.communes), sorted(set(content.communes) - cpas)
    located = {location.address.commune for org in real for location in org.locations}
    assert located == set(content.communes), sorted(set(content.communes) - located)
    region_wide = any(service.area_served == "region" for org in real for service in org.services)
    named = {location.address.commune for org in real for location in org.locations}
    named |= {nis for org in real for service in org.services if service.area_served != "region" for nis in service.area_served}
    assert region_wide and len(named) >= 18, sorted(set(content.communes) - named)


def test_every_sector_readers_see_says_how_its_services_differ() -> None:
    content = load_site_content(REPO / "content")
    silent = [group.id for group in content.shown_groups() if group.difference is None]
    assert silent == []  # a difference text comes with its sources (schemas/taxonomy.py refuses it without)
