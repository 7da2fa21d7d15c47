"""Orientation in Chromium: the bassin facet, first line first, how-to-get-in filters, the patient card."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser
from pypdf import PdfReader

from scripts.devtools.static_server import serve_site
from tests.browser.pages import change, names, open_filters, open_finder, open_page
from tests.conftest import SITE_ADDRESS

PHONE = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SITE_URL = SITE_ADDRESS


def option_counts(page: object, name: str) -> dict[str, int]:
    """Return {value: count} of a finder select's options ("Sud (2)")."""
    texts = page.eval_on_selector_all(  # type: ignore[attr-defined]
        f"select[name={name}] option", "options => options.map(o => [o.value, o.textContent])")
    return {value: int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in texts if value}


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_bassin_facet_narrows_and_counts_add_up(browser: Browser, sub_path_url: str, device: dict[str, object], language: str) -> None:
    with open_page(browser, **device) as recorded:
        page = recorded.page
        open_finder(page, f"{sub_path_url}{language}/directory/finder.html")
        assert len(names(page)) == 3  # organisations; the CPAS has two services
        services = int(page.inner_text("#bx-finder-status").split()[0])
        counts = option_counts(page, "bassin")
        assert sum(counts.values()) == services == 4
        assert counts == {"nord": 0, "nord-est": 2, "centre-ouest": 1, "sud": 1, "sud-est": 0, "several": 0}
        open_filters(page)  # on a phone the filters are folded
        change(page, lambda: page.select_option("select[name=bassin]", "nord-est"))
        assert names(page) == ["CPAS Test Schaerbeek" if language == "fr" else "OCMW Test Schaarbeek"]
        assert page.locator(".bx-finder__result .bx-finder__services li").count() == 2  # one result, its two services
        assert "bassin=nord-est" in page.url
        # a mobile viewport zooms out to fit what overflows: compare with the device's width, not innerWidth
        assert page.evaluate("document.documentElement.scrollWidth") <= device["viewport"]["width"]  # type: ignore[index]
        assert recorded.foreign_requests() == []


def test_first_line_comes_before_a_nearer_specialised_service_and_says_so(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        # Both serve Saint-Gilles: the palliative team (level 2) in Ixelles is nearer than the family help (level 1) in Anderlecht.
        open_finder(page, f"{sub_path_url}fr/directory/finder.html?commune=21013")
        assert [name[:10] for name in names(page)] == ["Soins *Tes", "Soins Test"]
        assert "la première ligne d'abord, puis par distance" in page.inner_text("#bx-finder-status")
        levels = page.locator(".bx-finder__level").all_inner_texts()
        assert levels == ["Première ligne", "Spécialisé"]
        change(page, lambda: page.select_option("select[name=sort]", "distance"))
        assert [name[:10] for name in names(page)] == ["Soins Test", "Soins *Tes"]
        assert "sort=distance" in page.url
        open_finder(page, f"{sub_path_url}fr/directory/finder.html?cat=public-social-welfare-centre")
        assert "porte d'entrée" in page.locator(".bx-finder__level").first.inner_text()


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_walk_in_and_without_papers_filters_survive_the_url_round_trip(browser: Browser, sub_path_url: str, language: str) -> None:
    cpas = "CPAS Test Schaerbeek" if language == "fr" else "OCMW Test Schaarbeek"
    with open_page(browser, **PHONE) as recorded:
        page = recorded.page
        finder = f"{sub_path_url}{language}/directory/finder.html"
        open_finder(page, finder)
        open_filters(page)
        change(page, lambda: page.check("input[name=walkin]"))
        assert names(page) == [cpas]
        open_filters(page)
        change(page, lambda: page.check("input[name=papers]"))
        assert names(page) == [cpas]
        assert "walkin=1" in page.url and "papers=1" in page.url
        saved = page.url
        page.goto("about:blank")
        open_finder(page, saved)
        assert page.is_checked("input[name=walkin]") and page.is_checked("input[name=papers]")
        assert names(page) == [cpas]
        open_filters(page)
        change(page, lambda: page.check("input[name=interp]"))
        assert names(page) == [cpas]
        assert page.text_content("[data-count=interp]") == "(1)"  # its box is folded again


@pytest.fixture(scope="module")
def site_with_url(built_site_with_address: Path) -> Path:
    """The fixture content built with a public address (site_url), so that cards carry a QR code."""
    return built_site_with_address


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_patient_card_prints_on_one_a5_page_with_a_qr_code_to_the_entry(browser: Browser, site_with_url: Path, language: str) -> None:
    entry = f"{language}/directory/entries/test-cpas-schaerbeek.html"
    with serve_site(site_with_url, prefix="/") as url, open_page(browser) as recorded:
        page = recorded.page
        page.goto(url + entry)
        button = page.locator("[data-bx-print-card]")
        assert button.is_visible()
        page.evaluate("() => { window.print = () => {}; }")  # the dialog itself cannot open headless
        button.click()
        assert page.evaluate("document.documentElement.classList.contains('bx-printing-card')")
        pdf = page.pdf(prefer_css_page_size=True)
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 1
        width, height = (float(value) * 25.4 / 72 for value in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == (148, 210)  # A5, in millimetres
        text = " ".join(reader.pages[0].extract_text().split())
        assert "02 555 00 00" in text and ("Carte d'identité" in text if language == "fr" else "Identiteitskaart" in text), text
        assert ("Centre Antipoisons" if language == "fr" else "Antigifcentrum") in text, text
        page.emulate_media(media="print")
        page.evaluate("() => document.documentElement.classList.add('bx-printing-card')")  # printing to PDF fired afterprint
        image = Image.open(io.BytesIO(page.locator(".bx-card__qr svg").screenshot(scale="device")))
        decoded = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
        assert decoded == [SITE_URL + entry]
        assert recorded.foreign_requests() == []


def test_chosen_category_shows_its_groups_difference_text(browser: Browser, sub_path_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, f"{sub_path_url}nl/directory/finder.html?cat=palliative-home-care")
        box = page.locator("#bx-finder-difference")
        assert box.is_visible()
        assert box.inner_text().startswith("Palliatieve zorg: wat is het verschil?")
        box.locator("a").click()
        page.wait_for_url("**/nl/directory/categories/palliative-home-care.html")
        assert "Bronnen" in page.locator(".admonition.question").inner_text()
        open_finder(page, f"{sub_path_url}nl/directory/finder.html")
        assert not page.locator("#bx-finder-difference").is_visible()
