"""The patient's list in Chromium: added from the finder and an entry page, kept on the device, printed
on one A4 page in either language, shared by a link whose QR code decodes to it, and working offline."""

from __future__ import annotations

import io
import re
from pathlib import Path

import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from scripts.devtools.static_server import free_port, serve_site
from tests.browser.pages import open_finder, open_page, run_axe, type_query

CPAS = "directory/entries/test-cpas-schaerbeek.html"
PHONE = {"viewport": {"width": 320, "height": 740}, "is_mobile": True, "has_touch": True}


def _list_ids(page: Page) -> list[str]:
    return page.evaluate("() => JSON.parse(localStorage.getItem('bx-list') || '[]').map(item => item.id)")


def _fill_the_list(page: Page, url: str) -> None:
    """Add a service from each of the three places, as a helpdesk agent does: an entry page, the search results, the finder."""
    page.goto(url + "fr/" + CPAS)
    buttons = page.locator("button[data-bx-add]")
    expect(buttons).to_have_count(2)
    buttons.nth(0).click()
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "true")
    expect(buttons.nth(1)).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".bx-list-link")).to_have_attribute("data-count", "1")
    page.goto(url + "fr/search.html?q=dettes")
    page.locator(".bx-search-page__results button[data-bx-add]").first.click()
    expect(page.locator(".bx-list-link")).to_have_attribute("data-count", "2")
    open_finder(page, url + "fr/directory/finder.html?q=palliatif")
    page.locator(".bx-finder__result button[data-bx-add]").first.click()
    expect(page.locator(".bx-list-link")).to_have_attribute("data-count", "3")


def test_the_list_is_kept_reordered_noted_and_printed_on_one_a4_page(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        _fill_the_list(page, sub_path_url)
        assert _list_ids(page) == ["test-cpas-aide-sociale", "test-cpas-mediation-dettes", "test-soins-palliatifs"]
        expect(page.locator(".bx-list-link")).to_have_text("Ma liste (3)", use_inner_text=True)
        page.goto(sub_path_url + "fr/list.html")
        page.reload()  # kept on the device
        items = page.locator(".bx-list__item h3")
        expect(items).to_have_count(3)
        assert [v for v in run_axe(page) if v["impact"] in ("serious", "critical")] == []
        first = page.locator(".bx-list__item").first
        expect(first.locator("dl")).to_contain_text("Comment être reçu")  # next steps: how to get in, phone, address
        expect(first.locator("a[href^='tel:']")).to_have_attribute("href", "tel:+3225550000")
        first.get_by_role("link", name="Fiche complète").click()
        page.wait_for_url("**/fr/" + CPAS)
        page.go_back()
        page.locator(".bx-list__item").nth(2).get_by_role("button", name="Monter").click()
        expect(items.nth(1)).to_contain_text("Équipe palliative")
        page.locator(".bx-list__item").nth(0).locator("textarea").fill("Rendez-vous mardi 10 h")
        page.get_by_role("button", name="Retirer").nth(2).click()
        expect(items).to_have_count(2)
        assert page.evaluate("() => JSON.parse(localStorage.getItem('bx-list'))[0].note") == "Rendez-vous mardi 10 h"
        share = page.locator(".bx-list__url").input_value()
        assert "#s=test-cpas-aide-sociale,test-soins-palliatifs" in share and "mardi" not in share  # never the note
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        text = pdf.pages[0].extract_text()
        assert len(pdf.pages) == 1 and "Aide sociale" in text and "Qui appeler" in text and "mardi" not in text
        page.get_by_label("Imprimer les notes").check()
        assert "Rendez-vous mardi 10 h" in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
        # for a patient who reads Dutch: the same list printed in Dutch, its link opening the Dutch page
        page.get_by_label("Langue de l'impression :").select_option("nl")
        expect(page.locator(".bx-list__items")).to_contain_text("Sociale hulp")
        dutch = page.locator(".bx-list__url").input_value()
        assert re.search(r"/nl/list\.html#s=test-cpas-aide-sociale,test-soins-palliatifs$", dutch)
        image = Image.open(io.BytesIO(page.locator(".bx-list__qr").screenshot(scale="device")))
        assert [barcode.text for barcode in zxingcpp.read_barcodes(image)] == [dutch]
        assert recorded.foreign_requests() == []


def test_a_shared_link_opens_the_list_in_the_other_language_and_can_be_kept(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(sub_path_url + "nl/list.html#s=test-cpas-aide-sociale,test-soins-palliatifs")
        items = page.locator(".bx-list__item h3")
        expect(items).to_have_count(2)
        expect(items.nth(0)).to_contain_text("Sociale hulp — OCMW Test Schaarbeek")
        assert _list_ids(page) == []  # a link does not overwrite the reader's own list
        page.get_by_role("button", name="Deze lijst bewaren").click()
        assert _list_ids(page) == ["test-cpas-aide-sociale", "test-soins-palliatifs"]
        expect(page.locator(".bx-list-link")).to_have_text("Mijn lijst (2)", use_inner_text=True)


def test_on_a_phone_the_list_fits_and_works_with_the_server_gone(browser: Browser, built_fixture_site: Path) -> None:
    port = free_port()
    context = browser.new_context(**PHONE)  # type: ignore[arg-type]
    page = context.new_page()
    try:
        with serve_site(built_fixture_site, prefix="/brusano/", port=port) as url:
            page.goto(url + "fr/index.html")
            # an empty list takes no room in a phone's header: the search box keeps its width
            expect(page.locator(".bx-list-link")).to_be_hidden()
            assert page.locator("#bx-search-input").bounding_box()["width"] >= 100
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)
            page.wait_for_function("async () => (await caches.keys()).length === 1 && "
                                   "(await (await caches.open((await caches.keys())[0])).match(new URL('list.html', location.href))) !== undefined",
                                   timeout=20_000)
            _fill_the_list(page, url)
        page.goto(url + "fr/list.html")  # the server is gone
        expect(page.locator(".bx-list__item")).to_have_count(3)
        expect(page.locator(".bx-list-link")).to_have_text("Liste (3)", use_inner_text=True)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
        page.get_by_label("Langue de l'impression :").select_option("nl")  # the other language's data, saved at install
        expect(page.locator(".bx-list__items")).to_contain_text("Sociale hulp")
        # search data of both languages saved at install: a word never searched online is found, with its snippet
        page.goto(url + "nl/index.html")
        assert type_query(page, "afbetalingsplan") == ["Schuldbemiddeling — OCMW Test Schaarbeek"]
        expect(page.locator("#bx-search-listbox .bx-result__snippet").first).to_contain_text("afbetalingsplan")
    finally:
        context.close()


def test_keep_for_offline_saves_every_search_file(browser: Browser, built_fixture_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        with serve_site(built_fixture_site, prefix="/brusano/") as url:
            page.goto(url + "fr/search.html")
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)
            # as on a site whose search data is over the install budget: none of it saved yet
            dropped = page.evaluate("""async () => {
                const cache = await caches.open((await caches.keys())[0]);
                const files = (await cache.keys()).map(r => r.url).filter(u => /search\\/(engine|fr|nl)/.test(u) && !/-list\\.js$/.test(u));
                await Promise.all(files.map(u => cache.delete(u)));
                return files.length; }""")
            assert dropped > 5
            page.get_by_role("button", name="Garder pour consulter hors ligne").click()
            expect(page.locator(".bx-keep-offline [role=status]")).to_contain_text("marchent maintenant sans connexion")
            saved = page.evaluate("""async () => {
                const cache = await caches.open((await caches.keys())[0]);
                return (await cache.keys()).map(r => r.url).filter(u => /search\\/(engine|fr|nl)/.test(u) && !/-list\\.js$/.test(u)).length; }""")
            assert saved == dropped
    finally:
        context.close()
