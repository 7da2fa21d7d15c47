"""Whole builds of the fixture content, checked on the parsed HTML."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path
from tempfile import TemporaryDirectory
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from schemas.common import other_language
from scripts.content.errors import ContentError
from scripts.pipeline import build_site
from scripts.site.mkdocs_site import SiteBuildError
from tests.conftest import REPO, write_scratch_content


def _content_links() -> set[str]:
    """Return every web address that the fixture content and the site-wide files write."""
    from scripts.content.errors import Problems
    from scripts.content.load import load_content

    with TemporaryDirectory() as folder:
        content = load_content(write_scratch_content(Path(folder)), Problems())
    assert content is not None
    links = {content.site.helpdesk.website, "https://example.org/soins"}
    links |= {bassin.website for bassin in content.bassins} | {s.url for b in content.bassins for s in b.sources}
    links |= {s.url for line in content.helplines for s in line.sources}
    links |= {s.url for group in content.taxonomy.groups for s in group.sources}
    links |= {s.url for entry in content.organizations for s in entry.model.sources} | {e.model.website for e in content.organizations if e.model.website}
    links |= {s.url for entry in content.templates for s in entry.model.sources}
    return links


EXTERNAL_CONTENT_LINKS = _content_links()
LICENCE_LINKS = {"https://creativecommons.org/licenses/by/4.0/", "https://joinup.ec.europa.eu/page/eupl-text-11-12"}
"""The footer's links to the licences' texts: links a reader may follow, never requests."""


def pages(site: Path, language: str) -> list[Path]:
    """Return the HTML pages of one language, assets excluded."""
    return sorted(path for path in (site / language).rglob("*.html") if "assets" not in path.parts)


def soup(path: Path) -> BeautifulSoup:
    """Return a page parsed, without the heading permalinks (¶)."""
    document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for permalink in document.select("a.headerlink"):
        permalink.decompose()
    return document


def test_every_page_has_a_twin_in_the_other_language(built_fixture_site: Path) -> None:
    french = {path.relative_to(built_fixture_site / "fr") for path in pages(built_fixture_site, "fr")}
    dutch = {path.relative_to(built_fixture_site / "nl") for path in pages(built_fixture_site, "nl")}
    assert french == dutch
    assert Path("directory/entries/test-soins-ixelles.html") in french
    assert Path("directory/communes/21015.html") in french
    assert Path("directory/categories/palliative-home-care.html") in french
    assert len(french) > 40


def test_a_category_without_services_stays_in_the_taxonomy_but_is_not_shown(built_fixture_site: Path) -> None:
    assert not (built_fixture_site / "fr" / "directory" / "categories" / "nursing-home.html").exists()
    directory = soup(built_fixture_site / "fr" / "directory" / "index.html").select_one("article").get_text()
    assert "Maison de repos" not in directory and "Équipe de soins palliatifs à domicile" in directory
    script = (built_fixture_site / "search" / "fr-finder.js").read_text(encoding="utf-8")
    finder = json.loads(json.loads(script.split("]=", 1)[1].rstrip().removesuffix(";")))
    shown = {category["id"]: category["shown"] for category in finder["categories"]}
    assert shown["nursing-home"] is False and shown["palliative-home-care"] is True  # the finder offers shown needs only


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_lang_attribute_and_switcher_on_every_page(built_fixture_site: Path, language: str) -> None:
    other = other_language(language)
    for path in pages(built_fixture_site, language):
        if path.name == "404.html":
            continue
        document = soup(path)
        assert document.html["lang"] == language, path
        switch = document.select_one(".bx-language a")
        assert switch["hreflang"] == other and switch["lang"] == other
        target = (path.parent / switch["href"]).resolve()
        assert target == (built_fixture_site / other / path.relative_to(built_fixture_site / language)).resolve()
        alternates = {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"]')}
        assert set(alternates) == {"fr", "nl", "x-default"}
        assert all((path.parent / href).resolve().exists() for href in alternates.values())


def test_links_stay_inside_the_site_and_resolve(built_fixture_site: Path) -> None:
    for path in sorted(built_fixture_site.rglob("*.html")):
        document = soup(path)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in document.find_all(tag):
                value = element.get(attribute)
                if not value or value.startswith(("#", "tel:", "mailto:")):
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    assert tag == "a" and value in EXTERNAL_CONTENT_LINKS | LICENCE_LINKS, f"{path}: {value}"
                    continue
                if path.name == "404.html":
                    continue  # its links are recomputed in the browser from the address
                target = (path.parent / unquote(parts.path)).resolve()
                assert target.is_relative_to(built_fixture_site.resolve()), f"{path}: {value}"
                assert target.exists(), f"{path}: {value} -> missing {target}"


def test_untranslated_dossier_leads_to_a_notice_in_the_readers_language(built_fixture_site: Path) -> None:
    notice = soup(built_fixture_site / "nl" / "dossiers" / "test-seul.html")
    assert notice.html["lang"] == "nl"
    assert notice.h1.get_text(strip=True) == "Pagina nog niet vertaald"
    link = notice.select_one('article a[hreflang="fr"]')
    assert link["lang"] == "fr" and link.get_text() == "Dossier seulement en français"
    assert (built_fixture_site / "nl" / "dossiers" / link["href"]).resolve() == (built_fixture_site / "fr" / "dossiers" / "test-seul.html").resolve()
    assert "Texte français seulement" not in notice.get_text()


def test_dossier_page_has_rendered_markdown_and_related_sections(built_fixture_site: Path) -> None:
    page = soup(built_fixture_site / "fr" / "dossiers" / "test-palliatif.html")
    article = page.select_one("article")
    assert article.h1.get_text(strip=True) == "Dossier de test palliatif"
    assert article.select_one(".admonition.note .admonition-title").get_text() == "Note"
    assert article.find("strong").get_text() == "hôpital"
    headings = [h2.get_text(strip=True) for h2 in article.find_all("h2")]
    assert headings == ["Que faire ?", "Sources", "Services liés", "Formulaires et modèles"]
    related = [a["href"] for a in article.select("ul a")]
    assert "../directory/entries/test-soins-ixelles.html" in related
    assert "../documents/modele-test.html" in related
    assert "Relu le : 1 octobre 2026" in article.get_text() or "Relu le: 1 octobre 2026" in article.get_text()
    assert "content/dossiers/test-palliatif.fr.md" in article.get_text()


def test_each_dossier_section_links_to_the_numbered_pages_it_rests_on(built_fixture_site: Path) -> None:
    article = soup(built_fixture_site / "fr" / "dossiers" / "test-palliatif.html").select_one("article")
    line = article.select_one("p.bx-section-sources")
    assert line.get_text() == "Sources : 1, 2"
    assert [a["href"] for a in line.select("a")] == ["#source-1", "#source-2"]
    pages = article.select("ol > li > a[id^=source-]")
    assert [(a["id"], a["href"]) for a in pages] == [("source-1", "https://example.org/soins"), ("source-2", "https://example.org/test-fixture-dettes")]
    dutch = soup(built_fixture_site / "nl" / "dossiers" / "test-palliatif.html").select_one("article p.bx-section-sources")
    assert dutch.get_text() == "Bronnen: 1"


def test_organization_page(built_fixture_site: Path) -> None:
    page = soup(built_fixture_site / "nl" / "directory" / "entries" / "test-soins-ixelles.html")
    article = page.select_one("article")
    assert article.select_one(".admonition.warning .admonition-title").get_text() == "Voorbeeldfiche"
    assert article.select_one('a[href^="tel:"]')["href"] == "tel:+3225551234"
    assert article.select_one('a[href^="tel:"]').get_text() == "02 555 12 34"
    assert article.select_one('a[href^="mailto:"]')["href"] == "mailto:info@example.org"
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["td", "th"])] for row in article.select("table tr")]
    assert rows[1] == ["Maandag", "09:00–12:30, 13:30–17:00"]
    assert rows[7] == ["Zondag", "Gesloten"]
    assert "25 december 2026: Gesloten (Kerstmis)" in article.get_text()
    served = [a.get_text() for a in article.select('a[href*="communes/"]')]
    assert served[:2] == ["Elsene", "Sint-Gillis"]
    assert "Elsene, Sint-Gillis" in article.get_text()  # separators keep their space
    assert article.select_one("p.bx-bassin a") is not None and "{:" not in article.get_text()
    assert " · " in article.select_one(".bx-card__helplines").get_text()
    # The entry is rendered to HTML by us: its title and table of contents are still the theme's.
    assert page.title.get_text().startswith(article.h1.get_text(strip=True) + " - ")
    toc = [link["href"] for link in page.select(".md-nav--secondary a.md-nav__link")]
    assert "#contact" in toc and all(article.select_one(f"[id='{href[1:]}']") is not None for href in toc)


def test_contributed_text_is_shown_literally(built_fixture_site: Path) -> None:
    page = soup(built_fixture_site / "fr" / "directory" / "entries" / "test-echappement-anderlecht.html")
    article = page.select_one("article")
    assert article.h1.get_text(strip=True) == "Soins *Test* [lien](https://example.org) <b>gras</b> & Cie"
    assert article.find("b") is None and article.find("em") is None
    assert "1. Pas une liste | pas un tableau # pas un titre" in article.get_text()
    assert not article.select('a[href="https://example.org"]')


def test_template_page_offers_both_files(built_fixture_site: Path) -> None:
    page = soup(built_fixture_site / "fr" / "documents" / "modele-test.html")
    article = page.select_one("article")
    downloads = article.select("a[download]")
    assert [a["hreflang"] for a in downloads] == ["fr", "fr", "nl", "nl"]
    assert [a.get_text(strip=True) for a in downloads[:2]] == ["Télécharger: français (PDF, 1 p., 6 ko)", "Télécharger: français (ODT, 2 ko)"]
    for link in downloads:
        assert (built_fixture_site / "fr" / "documents" / link["href"]).read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    text = " ".join(article.get_text(" ").split())
    assert "Modèle (à adapter) · Brusano" in text and "Conditions de réutilisation : CC BY 4.0" in text
    assert [item.get_text(strip=True) for item in article.select("ol")[0].select("li")] == ["Remplissez le modèle.", "Envoyez-le au médecin."]
    assert article.select_one('a[href="https://example.org/modele-public"]') is not None  # the public model it draws on


def test_the_forms_page_groups_forms_by_dossier(built_fixture_site: Path) -> None:
    # that search finds forms by their usual names is checked on the real site (tests/search/test_finder_tasks.py)
    listing = soup(built_fixture_site / "fr" / "documents" / "index.html").select_one("article")
    assert [h2.get_text(strip=True) for h2 in listing.find_all("h2")] == ["Dossier de test palliatif"]
    assert "Modèle de test" in listing.get_text() and "Modèle (à adapter)" in listing.get_text()


def test_root_chooser_sitemap_robots_and_404(built_fixture_site: Path) -> None:
    chooser = soup(built_fixture_site / "index.html")
    choices = chooser.select("main a.lang")
    assert [(a["href"], a["lang"]) for a in choices] == [("fr/index.html", "fr"), ("nl/index.html", "nl")]
    assert not (built_fixture_site / "sitemap.xml").exists()  # no site address: a relative sitemap would be rejected
    assert (built_fixture_site / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
    for language in ("fr", "nl"):
        not_found = soup(built_fixture_site / language / "404.html")
        assert not_found.html["lang"] == language
        # No inline code (the Content-Security-Policy forbids it): its files, named from its own folder.
        files = [tag["src"] for tag in not_found.find_all("script")] + [link["href"] for link in not_found.select('link[rel="stylesheet"]')]
        assert files == ["../not-found.js", "../root.css"]
        assert all((built_fixture_site / language / name).resolve().is_file() for name in files)


def test_sitemap_with_the_site_address_is_absolute(built_site_with_address: Path) -> None:
    site = built_site_with_address
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(site / "sitemap.xml").getroot()
    locations = [loc.text or "" for loc in sitemap.iterfind("s:url/s:loc", namespaces)]
    base = "https://aide.example.brussels/brusano/"
    assert all(location.startswith(base) for location in locations)
    assert base + "fr/dossiers/test-palliatif.html" in locations and base + "nl/dossiers/test-palliatif.html" in locations
    assert base + "fr/dossiers/test-seul.html" in locations and base + "nl/dossiers/test-seul.html" not in locations
    entry = next(url for url in sitemap.iterfind("s:url", namespaces) if url.findtext("s:loc", namespaces=namespaces) == base + "nl/index.html")
    assert {(link.get("hreflang"), link.get("href")) for link in entry.iterfind("x:link", namespaces)} == {
        ("fr", base + "fr/index.html"), ("nl", base + "nl/index.html")}
    assert (site / "robots.txt").read_text().endswith(f"Sitemap: {base}sitemap.xml\n")
    assert base + "fr/offline.html" not in locations  # the service worker's page, not one to find
    entries = {path.name for path in (site / "fr" / "directory" / "entries").glob("*.html")}
    assert len(entries) == 3 and {location for location in locations if "/entries/" in location} == {
        f"{base}{language}/directory/entries/{name}" for language in ("fr", "nl") for name in entries}
    not_found = soup(site / "nl" / "404.html")  # shown at any depth: files and home named from the root path
    assert not_found.find("script")["src"] == "/brusano/not-found.js"
    assert not_found.find("a", class_="home")["href"] == "/brusano/nl/index.html"


def test_a_site_url_variable_that_is_no_web_address_stops_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITE_URL", "aide.example.brussels")
    with pytest.raises(ContentError) as raised:
        build_site(write_scratch_content(tmp_path), tmp_path / "site", quiet=True)
    assert raised.value.problems[0].field == "SITE_URL" and raised.value.problems[0].fix.startswith("write the full address")
    assert not (tmp_path / "site").exists()


def test_no_web_fonts_or_other_hosts_in_pages(built_fixture_site: Path) -> None:
    for path in sorted(built_fixture_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path


def test_second_build_is_byte_identical(built_fixture_site: Path, tmp_path: Path) -> None:
    content_root = write_scratch_content(tmp_path)
    output = tmp_path / "again"
    build_site(content_root, output, quiet=True)
    comparison = filecmp.dircmp(built_fixture_site, output)
    differing: list[str] = []

    def collect(cmp: filecmp.dircmp[str], prefix: str) -> None:
        differing.extend(prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            collect(sub, f"{prefix}{name}/")

    collect(comparison, "")
    shallow_equal = [p for p in (built_fixture_site.rglob("*")) if p.is_file()]
    assert differing == []
    assert all((output / p.relative_to(built_fixture_site)).read_bytes() == p.read_bytes() for p in shallow_equal)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_site_untouched(built_fixture_site: Path, tmp_path: Path) -> None:
    content_root = write_scratch_content(tmp_path)
    output = tmp_path / "build" / "site"
    shutil.copytree(built_fixture_site, output)
    before = _snapshot(output)
    (content_root / "directory" / "broken.yaml").write_text("id: broken\nname: {fr: X}\n", encoding="utf-8")
    with pytest.raises(ContentError):
        build_site(content_root, output, quiet=True)
    assert _snapshot(output) == before
    (content_root / "directory" / "broken.yaml").unlink()
    dossier = content_root / "dossiers" / "test-palliatif.fr.md"
    dossier.write_text(dossier.read_text(encoding="utf-8") + "\n[lien cassé](page-absente.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="page-absente.md"):
        build_site(content_root, output, quiet=True)
    assert _snapshot(output) == before
    assert [p.name for p in output.parent.iterdir()] == ["site"]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_footer_shows_licences_version_and_build_date(built_fixture_site: Path, language: str) -> None:
    from scripts.site.release import format_build_date, site_version

    footer = BeautifulSoup((built_fixture_site / language / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".md-copyright")
    licences = {link.get_text(strip=True): link["href"] for link in footer.select("a[rel=license]")}
    assert [href for text, href in licences.items() if "CC BY 4.0" in text] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert any("EUPL-1.2" in text for text in licences)
    version_line = footer.select_one(".bx-footer-version").get_text(strip=True)
    assert site_version() in version_line and format_build_date(language) in version_line
    assert ("construite le" if language == "fr" else "gebouwd op") in version_line


def test_changelog_has_the_current_version() -> None:
    from scripts.site.release import site_version

    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = [line for line in changelog.splitlines() if line.startswith("## [") and "Unreleased" not in line]
    assert released[0].startswith(f"## [{site_version()}] - ")
    assert '"version": "' + site_version() + '"' in (REPO / "package.json").read_text(encoding="utf-8")


def test_problems_of_both_languages_are_reported_together(built_fixture_site: Path, tmp_path: Path) -> None:
    # The languages are built in two processes at once: one's failure does not hide the other's.
    content_root = write_scratch_content(tmp_path)
    output = tmp_path / "build" / "site"
    shutil.copytree(built_fixture_site, output)
    before = _snapshot(output)
    for language, target in (("fr", "page-absente-fr.md"), ("nl", "pagina-afwezig-nl.md")):
        dossier = content_root / "dossiers" / f"test-palliatif.{language}.md"
        dossier.write_text(dossier.read_text(encoding="utf-8") + f"\n[lien]({target})\n", encoding="utf-8")
    with pytest.raises(SiteBuildError) as raised:
        build_site(content_root, output, quiet=True)
    assert "page-absente-fr.md" in str(raised.value) and "pagina-afwezig-nl.md" in str(raised.value)
    assert _snapshot(output) == before
    assert [p.name for p in output.parent.iterdir()] == ["site"]


def test_languages_are_built_side_by_side_with_the_shared_files(tmp_path: Path) -> None:
    from scripts.pipeline import PageOptions, StageTimes, _build_pages_and_shared_files, load_site_content

    content = load_site_content(write_scratch_content(tmp_path))
    times = StageTimes()
    staging = tmp_path / "staging"
    staging.mkdir()
    page_paths = _build_pages_and_shared_files(content, staging, staging / "site", times, quiet=True, options=PageOptions())
    assert "index.md" in page_paths and "directory/entries/test-soins-ixelles.md" in page_paths
    assert {"mkdocs_build.fr", "mkdocs_build.nl", "search_index"} <= times.side_by_side.keys()
    assert set(times.language_peak_mib) == {"fr", "nl"}  # reported by each language's process
    assert (staging / "site" / "fr" / "index.html").is_file() and (staging / "site" / "nl" / "index.html").is_file()


def test_generated_lists_keep_the_space_after_each_comma(built_fixture_site: Path) -> None:
    bassins = soup(built_fixture_site / "nl" / "directory" / "bassins" / "index.html").select_one("article").get_text()
    assert "Evere, Sint-Joost-ten-Node, Schaarbeek" in bassins
    helplines = soup(built_fixture_site / "fr" / "helplines.html").select_one("article").get_text()
    assert not re.search(r"\w,\w", helplines.replace(",0", ""))


@pytest.mark.parametrize("clash", ["duplicate", "outside"])
def test_a_page_path_written_twice_or_outside_its_folder_is_refused(tmp_path: Path, clash: str) -> None:
    from scripts.pages.render import render_language
    from scripts.pipeline import load_site_content
    from scripts.site.mkdocs_site import build_language
    from scripts.site.write import UnsafeOutputPath

    content = load_site_content(write_scratch_content(tmp_path))
    site = render_language(content, "fr")
    entry = next(iter(site.html_pages))
    site.texts["../escaped.txt" if clash == "outside" else entry] = "text"
    with pytest.raises(UnsafeOutputPath):
        build_language(content, site, tmp_path / "work", tmp_path / "work" / "site")
    assert not (tmp_path / "work" / "site").exists() or not any((tmp_path / "work" / "site").rglob("*.html"))


def test_a_failure_of_the_shared_work_is_reported_over_a_languages_warning(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A bug in this process (here, the open data) keeps its traceback even when mkdocs also warned.
    content_root = write_scratch_content(tmp_path)
    dossier = content_root / "dossiers" / "test-palliatif.fr.md"
    dossier.write_text(dossier.read_text(encoding="utf-8") + "\n[lien](page-absente-fr.md)\n", encoding="utf-8")

    def broken_open_data(*args: object) -> None:
        raise RuntimeError("open data broke")

    monkeypatch.setattr("scripts.pipeline.write_open_data", broken_open_data)
    with pytest.raises(RuntimeError, match="open data broke"):
        build_site(content_root, tmp_path / "build" / "site", quiet=True, compress=False)


def test_each_actionable_fact_shows_its_source_and_the_pages_age(built_fixture_site: Path) -> None:
    article = soup(built_fixture_site / "fr" / "directory" / "entries" / "test-cpas-schaerbeek.html").select_one("article")
    phone = next(item for item in article.select("li") if item.get_text().startswith("Téléphone"))
    marker = phone.select_one(".bx-fact-source")
    assert marker.get_text(" ", strip=True) == "(source 1 · 1 juin 2023)"
    assert marker.select_one("a")["href"] == "#source-1"
    sources = article.select("ol.bx-sources li")
    assert [item["id"] for item in sources] == ["source-1", "source-2", "source-3"]
    assert "page non datée, lue le 15 septembre 2026" in sources[1].get_text()
    assert "mars 2019" in sources[2].get_text()  # a page that shows only a month keeps it
    notice = article.select_one(".bx-sources-notice").get_text()
    assert notice == "Ces informations viennent de pages publiques datées de 2019 à 2023, lues le 15 septembre 2026."
    access = next(item for item in article.select("li") if item.get_text().startswith("Comment être reçu"))
    assert access.select_one(".bx-fact-source a")["href"] == "#source-1"
    # the phone, the address and the access rest only on a page of June 2023, over three years before the build
    warning = next(box for box in article.select(".admonition.warning") if "anciennes" in box.get_text())
    assert "Téléphone, Adresse, Comment être reçu (Aide sociale)" in warning.get_text()
    card = article.select_one(".bx-card .bx-card__sources")  # the patient card prints the age of its facts too
    assert card.get_text() == notice


def test_the_csv_names_the_pages_behind_each_fact(built_fixture_site: Path) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((built_fixture_site / "open-data" / "directory.csv").read_text(encoding="utf-8-sig"))))
    row = next(row for row in rows if row["service_id"] == "test-cpas-aide-sociale")
    assert row["sources_phones"] == row["sources_access"] == "https://example.org/test-fixture"
    debts = next(row for row in rows if row["service_id"] == "test-cpas-mediation-dettes")
    assert debts["sources_service"] == "https://example.org/test-fixture-dettes"


def _loaded_dynamically(relative: str) -> bool:
    """Files no page names literally: the search's shards (named from a pattern by search.js), the CMS's
    chunks (named by number in its bundle), the CSV's CSVW metadata (found by its -metadata.json
    name), and what servers and robots ask for by convention."""
    return (relative.startswith("search/") and relative.split("/")[-1].split("-")[0] in ("terms", "docs", "snippets")
            or relative.startswith("admin/") and relative.endswith(".decap-cms.js")
            or relative.endswith("-metadata.json") or relative.endswith("404.html") or relative in ("robots.txt", "index.html"))


def test_every_shipped_file_is_one_a_page_loads_or_links(built_fixture_site: Path) -> None:
    # no Material search worker, no lunr files of Material's, no source maps, no unused theme icon or script
    files = [path for path in built_fixture_site.rglob("*") if path.is_file() and path.suffix not in (".br", ".gz")]
    texts = {path: path.read_text(encoding="utf-8", errors="ignore") for path in files
             if path.suffix in (".html", ".js", ".css", ".json", ".webmanifest", ".xml", ".yml", ".txt")}
    assert not [path for path in files if path.suffix == ".map" or "workers" in path.parts or "lunr" in path.parts]
    unreferenced = [path.relative_to(built_fixture_site).as_posix() for path in files
                    if not any(path.name in text for other, text in texts.items() if other != path)]
    assert [relative for relative in unreferenced if not _loaded_dynamically(relative)] == []
    assert not [path for path in texts if "sourceMappingURL" in texts[path] and "assets" in path.parts]
