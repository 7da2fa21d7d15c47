"""The built site in a real headless Chromium: over HTTP under a sub-path, and from file://."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.pages import open_page, run_axe

AXE_PAGES = [
    "index.html", "dossiers/test-palliatif.html", "documents/modele-test.html", "directory/entries/test-soins-ixelles.html",
    "directory/finder.html", "search.html?q=soins",
]


def test_download_over_http(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser, accept_downloads=True) as recorded:
        recorded.page.goto(sub_path_url + "fr/documents/modele-test.html")
        with recorded.page.expect_download() as download:
            recorded.page.locator("article a[download]").first.click()
        assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")


def test_language_switcher_over_http_under_a_sub_path(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(sub_path_url + "fr/dossiers/test-palliatif.html")
        assert page.locator("html").get_attribute("lang") == "fr"
        page.get_by_role("link", name="Nederlands").click()
        page.wait_for_url(sub_path_url + "nl/dossiers/test-palliatif.html")
        assert page.locator("h1").first.inner_text().startswith("Testdossier palliatief")
        assert page.locator("html").get_attribute("lang") == "nl"
        stylesheet_loaded = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
        assert stylesheet_loaded == "sticky"
        assert recorded.foreign_requests() == []


def test_language_chooser_remembers_the_choice(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(sub_path_url)
        page.get_by_role("link", name="Nederlands").click()
        page.wait_for_url(sub_path_url + "nl/index.html")
        page.goto(sub_path_url + "index.html")
        page.wait_for_url(sub_path_url + "nl/index.html")
        page.goto(sub_path_url + "index.html?choose")
        assert page.locator("main a.lang").count() == 2


def test_missing_page_under_a_sub_path_links_home(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        response = page.goto(sub_path_url + "nl/gone.html")
        assert response is not None and response.status == 404
        page.get_by_role("link", name="Terug naar de startpagina").click()
        page.wait_for_url(sub_path_url + "nl/index.html")


def test_missing_deep_page_links_home_when_the_site_address_is_known(browser: Browser, built_site_with_address: Path) -> None:
    """A not-found page shown at any depth finds its files and the home page from the site's address."""
    from scripts.devtools.static_server import serve_site

    with serve_site(built_site_with_address, prefix="/brusano/") as url, open_page(browser) as recorded:
        page = recorded.page
        response = page.goto(url + "nl/gone/deeper/page.html")
        assert response is not None and response.status == 404
        assert page.evaluate("() => getComputedStyle(document.querySelector('header')).backgroundColor") == "rgb(11, 92, 117)"
        page.get_by_role("link", name="Terug naar de startpagina").click()
        page.wait_for_url(url + "nl/index.html")


def test_site_opened_from_disk(browser: Browser, built_fixture_site: Path) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto((built_fixture_site / "fr" / "index.html").as_uri())
        page.get_by_role("link", name="Lire les dossiers").click()
        page.wait_for_url("**/fr/dossiers/index.html")
        assert page.url.endswith("/fr/dossiers/index.html")
        page.locator("article").get_by_role("link", name="Dossier de test palliatif", exact=True).click()
        page.wait_for_url("**/fr/dossiers/test-palliatif.html")
        page.get_by_role("link", name="Nederlands").click()
        page.wait_for_url("**/nl/dossiers/test-palliatif.html")
        assert page.url.endswith("/nl/dossiers/test-palliatif.html")
        page.goto((built_fixture_site / "nl" / "documents" / "modele-test.html").as_uri())
        download_url = page.locator("article a[download]").first.evaluate("a => a.href")
        assert Path(download_url.removeprefix("file://")).read_bytes().startswith(b"%PDF-")
        assert recorded.foreign_requests() == []


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violation(browser: Browser, sub_path_url: str, language: str, path: str) -> None:
    with open_page(browser) as recorded:
        recorded.page.goto(f"{sub_path_url}{language}/{path}", wait_until="networkidle")
        recorded.page.wait_for_timeout(200)  # the finder and the results page render after loading the index
        assert run_axe(recorded.page) == []
        assert recorded.foreign_requests() == []


def test_language_chooser_is_accessible(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        recorded.page.goto(sub_path_url + "index.html?choose")
        assert run_axe(recorded.page) == []
