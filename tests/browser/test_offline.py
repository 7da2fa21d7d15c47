"""Offline on a phone: the service worker saves the shell and what the reader opens; once the server is
gone, those pages, the search and the finder still work, and a page never opened gets the offline page
of its language; a new build's worker replaces the old caches."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from scripts.devtools.static_server import free_port, serve_site
from scripts.pipeline import build_site
from tests.browser.pages import open_finder, type_query
from tests.conftest import write_scratch_content

WORDS = {"fr": "palliatif", "nl": "palliatieve"}
DOSSIER_TITLES = {"fr": "Dossier de test palliatif", "nl": "Testdossier palliatief"}
OFFLINE_TITLES = {"fr": "Hors ligne", "nl": "Offline"}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _worker_version(site: Path) -> str:
    match = re.search(r'const VERSION = "([0-9a-f]+)"', (site / "sw.js").read_text(encoding="utf-8"))
    assert match is not None
    return match.group(1)


def _wait_for_caches(page: Page, expected: list[str]) -> None:
    page.wait_for_function("async (names) => JSON.stringify(await caches.keys()) === JSON.stringify(names)",
                           arg=expected, timeout=20_000, polling=200)


def _controlled(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)


def test_offline_reading_and_update(browser: Browser, tmp_path: Path) -> None:
    content = write_scratch_content(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    build_site(content, first, quiet=True, compress=False)
    port = free_port()
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    try:
        with serve_site(first, prefix="/brusano/", port=port) as url:
            _controlled(page, f"{url}fr/index.html")
            _wait_for_caches(page, [f"brusano-{_worker_version(first)}"])
            for language, words in WORDS.items():
                page.goto(f"{url}{language}/index.html")
                assert type_query(page, words) != []
                open_finder(page, f"{url}{language}/directory/finder.html")
                page.goto(f"{url}{language}/dossiers/test-palliatif.html")
        # The server is gone (not the browser's offline switch, which a worker's own requests ignore).
        for language, words in WORDS.items():
            response = page.goto(f"{url}{language}/index.html")
            assert response is not None and response.ok
            assert type_query(page, words) != [], f"{language}: search offline"
            open_finder(page, f"{url}{language}/directory/finder.html")
            assert page.locator(".bx-finder__result").count() > 0, f"{language}: finder offline"
            page.goto(f"{url}{language}/dossiers/test-palliatif.html")
            expect(page.locator("h1")).to_contain_text(DOSSIER_TITLES[language])
            page.goto(f"{url}{language}/directory/entries/test-cpas-schaerbeek.html")  # never opened
            expect(page.locator("h1")).to_contain_text(OFFLINE_TITLES[language])
            expect(page.locator("#bx-offline a", has_text=DOSSIER_TITLES[language])).to_be_visible()

        dossier = content / "dossiers" / "test-palliatif.fr.md"
        dossier.write_text(dossier.read_text(encoding="utf-8").replace(
            "title: Dossier de test palliatif", "title: Dossier de test palliatif, revu"), encoding="utf-8")
        build_site(content, second, quiet=True, compress=False)
        assert _worker_version(second) != _worker_version(first)
        with serve_site(second, prefix="/brusano/", port=port):
            page.goto(f"{url}fr/dossiers/test-palliatif.html")
            expect(page.locator("h1")).to_contain_text("Dossier de test palliatif, revu")
            _wait_for_caches(page, [f"brusano-{_worker_version(second)}"])
    finally:
        context.close()


def test_without_service_workers_the_site_works_as_before(browser: Browser, sub_path_url: str) -> None:
    context = browser.new_context(service_workers="block", **PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{sub_path_url}fr/index.html")
        assert type_query(page, "palliatif") != []
        assert errors == []
        assert page.locator("text=/hors ligne|erreur/i").count() == 0
    finally:
        context.close()
