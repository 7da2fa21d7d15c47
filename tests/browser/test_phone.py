"""The reader on a phone: no page scrolls sideways at 320 or 390 px, the search panel stays on the
screen, and the home page's first screen starts the task."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.pages import open_page, run_axe, type_query

WIDTHS = [(320, 640), (390, 844)]
PAGES = [
    "index.html", "directory/index.html", "directory/finder.html", "directory/entries/test-cpas-schaerbeek.html",
    "directory/entries/test-soins-ixelles.html", "directory/categories/palliative-home-care.html", "directory/communes/21015.html",
    "directory/bassins/index.html", "directory/bassins/sud.html", "dossiers/index.html", "dossiers/test-palliatif.html",
    "documents/index.html", "documents/modele-test.html", "search.html", "helplines.html", "404.html",
]


def phone(width: int, height: int) -> dict[str, object]:
    return {"viewport": {"width": width, "height": height}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_no_page_scrolls_sideways(browser: Browser, sub_path_url: str, width: int, height: int) -> None:
    wide = []
    with open_page(browser, **phone(width, height)) as recorded:
        page = recorded.page
        for language in ("fr", "nl"):
            for path in PAGES:
                page.goto(f"{sub_path_url}{language}/{path}")
                # a mobile viewport zooms out to show what overflows: compare with the device width
                if page.evaluate("document.documentElement.scrollWidth") > width:
                    wide.append(f"{language}/{path}")
        page.goto(sub_path_url + "index.html")  # the language chooser
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide.append("index.html")
    assert wide == []


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_search_panel_stays_on_the_screen(browser: Browser, sub_path_url: str, width: int, height: int) -> None:
    with open_page(browser, **phone(width, height)) as recorded:
        page = recorded.page
        page.goto(f"{sub_path_url}fr/index.html")
        assert type_query(page, "ocmw schaerbeek")
        box = page.locator(".bx-search__panel").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        violations = run_axe(page)
        assert violations == [], violations


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_home_first_screen_opens_the_finder_with_need_and_commune(browser: Browser, sub_path_url: str, language: str) -> None:
    with open_page(browser, **phone(390, 844)) as recorded:
        page = recorded.page
        page.goto(f"{sub_path_url}{language}/index.html")
        button = page.locator(".bx-start button").bounding_box()
        assert button is not None and button["y"] + button["height"] <= 844  # on the first screen
        page.fill("#bx-start-q", "palliatif")
        page.select_option("#bx-start-commune", "21009")
        page.click(".bx-start button")
        page.wait_for_selector("#bx-finder[data-renders]")
        assert page.url.endswith(f"/{language}/directory/finder.html?q=palliatif&commune=21009")
        page.wait_for_function("() => document.querySelectorAll('.bx-finder__result').length === 1")
        assert page.input_value("#bx-finder-q") == "palliatif"
        assert page.input_value("#bx-finder-place") == ("Ixelles" if language == "fr" else "Elsene")
        assert recorded.foreign_requests() == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_axe_finds_nothing_on_phone_width_pages(browser: Browser, sub_path_url: str, language: str) -> None:
    found = {}
    with open_page(browser, **phone(320, 640)) as recorded:
        page = recorded.page
        for path in ["index.html", "directory/finder.html", "directory/entries/test-cpas-schaerbeek.html",
                     "dossiers/test-palliatif.html", "directory/bassins/sud.html", "helplines.html", "search.html?q=test"]:
            page.goto(f"{sub_path_url}{language}/{path}")
            page.wait_for_timeout(100)
            violations = run_axe(page)
            if violations:
                found[path] = violations
    assert found == {}
