"""The directory finder in headless Chromium, on the built fixture site."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from scripts.devtools.probes import FINDER_FIRST_LIST
from scripts.search.index import render_data_script
from tests.browser.pages import change, names, open_finder, open_page, wait_render
from tests.search.worker import read_data_script


@pytest.fixture(scope="module")
def finder_url(sub_path_url: str) -> str:
    return sub_path_url + "fr/directory/finder.html"


ALL = ["CPAS Test Schaerbeek", "Soins *Test* [lien](https://example.org) <b>gras</b> & Cie", "Soins Test Ixelles"]


@pytest.mark.parametrize(("query", "expected"), [
    ("", ALL),
    ("?cat=palliative-home-care", ["Soins Test Ixelles"]),
    ("?lang=en", ["Soins Test Ixelles"]),
    ("?public=adults", ALL),  # services without a public are for everyone
    ("?cost=free", ["Soins Test Ixelles"]),
    ("?access=1", ["Soins Test Ixelles"]),
    ("?commune=21015&mode=located", ["CPAS Test Schaerbeek"]),
    ("?commune=21013", ["Soins *Test* [lien](https://example.org) <b>gras</b> & Cie", "Soins Test Ixelles"]),  # serves Saint-Gilles
    ("?q=revenu&commune=21015", ["CPAS Test Schaerbeek"]),
])
def test_each_filter_from_the_url(browser: Browser, finder_url: str, query: str, expected: list[str]) -> None:
    with open_page(browser) as recorded:
        open_finder(recorded.page, finder_url + query)
        if "q=" in query:
            recorded.page.wait_for_function("() => document.querySelectorAll('.bx-finder__result').length === 1")
        assert sorted(names(recorded.page)) == sorted(expected)
        assert recorded.foreign_requests() == []


def test_counts_and_combination_and_state_restored_on_reload(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url)
        options = page.locator("#bx-finder-cat option").all_inner_texts()
        assert "Équipe de soins palliatifs à domicile (1)" in options and "CPAS (1)" in options
        change(page, lambda: page.select_option("#bx-finder-cat", "public-social-welfare-centre"))
        assert names(page) == ["CPAS Test Schaerbeek"]
        change(page, lambda: page.fill("#bx-finder-place", "Schaarbeek"))  # the commune's Dutch name
        assert names(page) == ["CPAS Test Schaerbeek"]
        assert "commune=21015" in page.url and "cat=public-social-welfare-centre" in page.url
        page.reload()
        page.wait_for_selector("#bx-finder[data-renders]")
        assert page.input_value("#bx-finder-cat") == "public-social-welfare-centre"
        assert page.input_value("#bx-finder-place") == "Schaerbeek"
        assert names(page) == ["CPAS Test Schaerbeek"]


def test_each_choice_renders_the_list_once(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url)
        for choose in (lambda: page.select_option("#bx-finder-cat", "public-social-welfare-centre"),
                       lambda: page.check("#bx-finder input[name=access]")):
            before = int(page.get_attribute("#bx-finder", "data-renders") or "0")
            change(page, choose)
            page.wait_for_timeout(300)  # a second render, if any, would come within a frame or two
            assert int(page.get_attribute("#bx-finder", "data-renders") or "0") == before + 1


def test_postcode_finds_a_commune_and_shared_postcodes_are_explained(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url + "?mode=located")
        change(page, lambda: page.fill("#bx-finder-place", "1050"))
        assert names(page) == ["Soins Test Ixelles"]
        assert page.inner_text("#bx-finder-place-hint") == "Ce code postal couvre aussi : Bruxelles."


def test_empty_result_says_which_filter_to_loosen(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url + "?cat=palliative-home-care&commune=21015&mode=located")
        assert names(page) == []
        status = page.inner_text("#bx-finder-status")
        assert status.startswith("Aucun service ne correspond à tous ces critères. Sans le critère")
        change(page, lambda: page.locator("[data-remove]").click())
        assert len(names(page)) == 1


def test_distance_sort_from_a_commune(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url + "?commune=21001&sort=distance")
        assert names(page)[0].startswith("Soins *Test*")  # located in Anderlecht itself
        distances = [float(t.split(" km")[0].split("· ")[-1].replace(",", ".")) for t in page.locator(".bx-finder__meta").all_inner_texts()]
        assert distances == sorted(distances) and distances[0] == 0.0


def test_distance_sort_from_the_readers_position(browser: Browser, finder_url: str) -> None:
    schaerbeek = {"latitude": 50.8676, "longitude": 4.3737}
    with open_page(browser, geolocation=schaerbeek, permissions=["geolocation"]) as recorded:
        page = recorded.page
        open_finder(page, finder_url)
        change(page, lambda: page.click("#bx-finder-locate"))
        assert names(page)[0] == "CPAS Test Schaerbeek"
        assert recorded.foreign_requests() == []


@pytest.mark.parametrize(("utc", "expected"), [
    (datetime(2026, 12, 21, 15, 30, tzinfo=timezone.utc), True),   # Monday 16:30 in winter (UTC+1): open
    (datetime(2026, 7, 13, 15, 30, tzinfo=timezone.utc), False),   # Monday 17:30 in summer (UTC+2): closed
    (datetime(2026, 7, 13, 8, 30, tzinfo=timezone.utc), True),     # Monday 10:30 in summer: open
    # Around the 2026 switches (Sundays 29 March and 25 October, 01:00 UTC), 07:30 UTC is 08:30 before
    # the opening at 09:00 in winter time and 09:30 after it in summer time: only the offset decides.
    (datetime(2026, 3, 23, 7, 30, tzinfo=timezone.utc), False),   # the Monday before summer time: 08:30, closed
    (datetime(2026, 3, 30, 7, 30, tzinfo=timezone.utc), True),    # the Monday after: 09:30, open
    (datetime(2026, 10, 19, 7, 30, tzinfo=timezone.utc), True),   # the Monday before winter time: 09:30, open
    (datetime(2026, 10, 26, 7, 30, tzinfo=timezone.utc), False),  # the Monday after: 08:30, closed
    (datetime(2026, 12, 25, 10, 0, tzinfo=timezone.utc), False),   # Friday 11:00, but Christmas is a closing day
    (datetime(2026, 12, 26, 10, 0, tzinfo=timezone.utc), False),   # Saturday: no hours
])
def test_open_now_in_brussels_time(browser: Browser, finder_url: str, utc: datetime, expected: bool) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.clock.set_fixed_time(utc)
        open_finder(page, finder_url + "?open=1")
        assert ("Soins Test Ixelles" in names(page)) is expected
        open_finder(page, finder_url + "?cat=palliative-home-care")
        assert page.inner_text(".bx-finder__open") == ("Ouvert" if expected else "Fermé")


def test_keyboard_use(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url)
        page.focus("#bx-finder-cost")
        before = page.get_attribute("#bx-finder", "data-renders")
        page.keyboard.press("ArrowDown")
        wait_render(page, before)
        assert page.input_value("#bx-finder-cost") == "free"
        assert names(page) == ["Soins Test Ixelles"]
        page.focus("input[name=access]")
        before = page.get_attribute("#bx-finder", "data-renders")
        page.keyboard.press("Space")
        wait_render(page, before)
        assert "access=1" in page.url


def test_results_show_phone_and_print_styles(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url + "?cat=palliative-home-care")
        assert page.get_attribute(".bx-finder__phone", "href") == "tel:+3225551234"
        page.emulate_media(media="print")
        assert page.locator(".bx-finder__form").is_hidden()
        assert page.locator(".md-header").is_hidden()
        assert page.locator(".bx-finder__result").first.is_visible()


def test_finder_from_disk(browser: Browser, built_fixture_site: Path) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, (built_fixture_site / "nl" / "directory" / "finder.html").as_uri() + "?commune=21009&mode=located")
        assert names(page) == ["Zorg Test Elsene"]
        page.click(".bx-finder__name")
        page.wait_for_url("**/nl/directory/entries/test-soins-ixelles.html")
        assert recorded.foreign_requests() == []


def test_the_page_asks_for_its_rows_before_its_scripts_have_arrived(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, finder_url)
        rows_asked, search_arrived = page.evaluate("""() => {
            const entries = performance.getEntriesByType('resource');
            const rows = entries.find((e) => e.name.endsWith('/search/fr-finder.js'));
            const search = entries.find((e) => /\\/assets\\/javascripts\\/search\\.[^/]*js$/.test(e.name));
            return [rows.startTime, search.responseEnd];
        }""")
        assert rows_asked < search_arrived  # so search.js cannot have asked for them
        preloaded = page.eval_on_selector_all("link[rel=preload]", "links => links.map((link) => link.href)")
        scripts = page.eval_on_selector_all("script[src]", "scripts => scripts.map((script) => script.src)")
        assert len(preloaded) == 3 and all(href in scripts for href in preloaded)  # each one is run, by the page or search.js
        assert all(recorded.requests.count(href) == 1 for href in preloaded)  # from the preload's download


HOLD_FRAMES = """{
  const held = [], requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => held.push(callback);
  window.__release = () => {
    window.requestAnimationFrame = requestFrame;
    held.splice(0).forEach((callback) => requestFrame(callback));
  };
}"""
"""Hold the page's requestAnimationFrame callbacks until window.__release() is called."""


def _rows_with_copies(rows_script: Path, copies: int) -> str:
    """Return the fixture's finder rows with each organisation copied under new ids."""
    text = rows_script.read_text(encoding="utf-8")
    data = json.loads(read_data_script(text))
    org = data["fields"]["row"].index("org")
    data["rows"] = [[*row[:org], f"{row[org]}-{copy}", *row[org + 1:]] for copy in range(copies) for row in data["rows"]]
    return render_data_script("__bxFinderData", "fr", data)


def _serve_long_list(page: Page, built_fixture_site: Path) -> None:
    """Serve the fixture's finder rows with each organisation copied 30 times: 90 organisations."""
    rows = _rows_with_copies(built_fixture_site / "search" / "fr-finder.js", copies=30)
    page.route("**/search/fr-finder.js", lambda route: route.fulfill(body=rows, content_type="text/javascript"))


def test_a_long_list_shows_its_first_screenful_then_the_rest(browser: Browser, finder_url: str, built_fixture_site: Path) -> None:
    with open_page(browser, service_workers="block") as recorded:  # the worker's requests escape page.route
        page = recorded.page
        _serve_long_list(page, built_fixture_site)
        page.add_init_script(FINDER_FIRST_LIST)
        open_finder(page, finder_url)
        first = page.evaluate("() => window.__finderFirstList")
        assert first["busy"] == "true" and len(first["names"]) == 20
        page.wait_for_selector("#bx-finder-results:not([aria-busy])")
        every = names(page)
        assert len(every) == 90 and every[:20] == first["names"]


def test_a_filter_change_while_the_list_grows_shows_only_the_new_results(browser: Browser, finder_url: str, built_fixture_site: Path) -> None:
    with open_page(browser, service_workers="block") as recorded:
        page = recorded.page
        _serve_long_list(page, built_fixture_site)
        page.add_init_script(HOLD_FRAMES)  # the first list stops growing after its first screenful
        open_finder(page, finder_url)
        assert page.get_attribute("#bx-finder-results", "aria-busy") == "true"
        before = page.get_attribute("#bx-finder", "data-renders")
        page.select_option("#bx-finder-cat", "palliative-home-care")
        page.wait_for_function("n => document.querySelector('#bx-finder').getAttribute('data-renders') !== n", arg=before, polling=100)
        page.evaluate("() => window.__release()")  # the old list's next batch and the new list's, in that order
        page.wait_for_selector("#bx-finder-results:not([aria-busy])")
        assert names(page) == ["Soins Test Ixelles"] * 30


def test_finder_data_that_cannot_load_is_said_in_the_readers_language(browser: Browser, finder_url: str) -> None:
    with open_page(browser, service_workers="block") as recorded:
        page = recorded.page
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.route("**/search/fr-finder.js", lambda route: route.abort())
        page.goto(finder_url)
        status = page.locator("#bx-finder-status")
        status.filter(has_text="Le répertoire n'a pas pu se charger").wait_for()
        assert "search_error" not in status.inner_text() and "finder_" not in status.inner_text()
        assert any("did not load" in error for error in errors)


def test_a_bug_in_the_first_render_is_shown_and_logged_not_taken_for_a_load_failure(
    browser: Browser, finder_url: str, built_fixture_site: Path
) -> None:
    data = json.loads(read_data_script((built_fixture_site / "search" / "fr-finder.js").read_text(encoding="utf-8")))
    places = data["fields"]["row"].index("places")
    data["rows"][0][places] = None  # a row the code cannot read
    broken = render_data_script("__bxFinderData", "fr", data)
    with open_page(browser, service_workers="block") as recorded:
        page = recorded.page
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.route("**/search/fr-finder.js", lambda route: route.fulfill(body=broken, content_type="text/javascript"))
        page.goto(finder_url)
        page.locator("#bx-finder-status").filter(has_text="Une erreur empêche d'afficher la liste").wait_for()
        assert any(error.startswith("finder:") and "TypeError" in error for error in errors)


# ---- The reader's words: a need recognised, one slip forgiven, words that find nothing ----

@pytest.mark.parametrize("typed", ["soins palliatifs", "paliatif", "SOINS PALLIATIFS Ixelles"])
def test_words_that_name_a_need_become_a_need_filter_the_reader_can_remove(browser: Browser, finder_url: str, typed: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, f"{finder_url}?q={typed}")
        page.locator("#bx-finder-need").filter(has_text="Équipe de soins palliatifs à domicile").wait_for()
        assert names(page) == ["Soins Test Ixelles"]
        before = page.get_attribute("#bx-finder", "data-renders")
        page.get_by_role("button", name="Chercher les mots tels quels").click()
        wait_render(page, before)
        assert page.locator("#bx-finder-need").is_hidden()
        assert "literal=1" in page.url


def test_words_that_find_nothing_say_so_and_offer_the_closest_needs(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, f"{finder_url}?q=paliatiffs")  # two slips: no need recognised, no service found
        page.locator("#bx-finder-status").filter(has_text="Aucun service ne correspond à « paliatiffs »").wait_for()
        suggestion = page.locator("[data-need=palliative-home-care]")
        before = page.get_attribute("#bx-finder", "data-renders")
        suggestion.click()
        wait_render(page, before)
        assert names(page) == ["Soins Test Ixelles"] and "cat=palliative-home-care" in page.url


def _fixture_rows(built_fixture_site: Path) -> dict[str, object]:
    return json.loads(read_data_script((built_fixture_site / "search" / "fr-finder.js").read_text(encoding="utf-8")))


def test_a_service_without_a_place_says_so_and_comes_after_located_ones(browser: Browser, finder_url: str, built_fixture_site: Path) -> None:
    data = _fixture_rows(built_fixture_site)
    fields = data["fields"]["row"]  # type: ignore[index]
    rows = data["rows"]  # type: ignore[index]
    placeless = list(rows[0])
    placeless[fields.index("org")], placeless[fields.index("orgName")] = "sans-lieu", "AAA Sans lieu"
    placeless[fields.index("places")], placeless[fields.index("area")], placeless[fields.index("example")] = [], 0, 0
    served = render_data_script("__bxFinderData", "fr", {**data, "rows": [placeless, *rows[1:]]})
    with open_page(browser, service_workers="block") as recorded:
        page = recorded.page
        page.route("**/search/fr-finder.js", lambda route: route.fulfill(body=served, content_type="text/javascript"))
        open_finder(page, finder_url + "?commune=21015&sort=distance")
        real = [text for text in page.locator(".bx-finder__result").all_inner_texts() if "(exemple)" not in text]
        assert len(real) >= 2 and "AAA Sans lieu" in real[-1] and "pas d'adresse publique · toute la Région" in real[-1]
        body = page.inner_text("#bx-finder")
        assert not any(word in body for word in ("Infinity", "NaN", "undefined", "null"))


def test_example_entries_come_after_every_real_service(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        for query in ("", "?sort=name", "?q=test", "?commune=21015&sort=distance"):
            open_finder(page, finder_url + query)
            examples = ["(exemple)" in text for text in page.locator(".bx-finder__result").all_inner_texts()]
            assert True in examples and False in examples and examples == sorted(examples), query


def test_on_a_phone_the_filters_fold_and_the_first_result_is_on_the_first_screen(browser: Browser, finder_url: str) -> None:
    with open_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True) as recorded:
        page = recorded.page
        open_finder(page, f"{finder_url}?q=soins palliatifs&commune=21009")
        page.locator("#bx-finder-need").wait_for()
        assert page.locator("#bx-finder-more").get_attribute("open") is None
        first = page.locator(".bx-finder__result").first.bounding_box()
        assert first is not None and first["y"] + 24 <= 844
        page.locator("#bx-finder-more summary").click()
        before = page.get_attribute("#bx-finder", "data-renders")
        page.select_option("#bx-finder-cost", "free")
        wait_render(page, before)
        assert page.locator("#bx-finder-more").get_attribute("open") is None  # closed again after the choice
        assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
        assert page.inner_text("#bx-finder-active") == "(1)"
        assert page.locator(".bx-finder__result").first.bounding_box()["y"] + 24 <= 844  # type: ignore[index]


def test_on_a_wide_screen_the_filters_stay_open_without_their_summary(browser: Browser, finder_url: str) -> None:
    with open_page(browser, viewport={"width": 1280, "height": 900}) as recorded:
        page = recorded.page
        open_finder(page, finder_url)
        assert page.locator("#bx-finder-more").get_attribute("open") == ""
        assert page.locator("#bx-finder-more summary").is_hidden()
        assert page.locator("#bx-finder-cat").is_visible()


def test_everyday_words_for_a_filter_set_it_and_the_need_keeps_its_own_words(browser: Browser, finder_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        open_finder(page, f"{finder_url}?q=sans papiers")
        chip = page.locator("#bx-finder-need")
        chip.filter(has_text="critères reconnus : Sans titre de séjour ou avec l'AMU").wait_for()
        assert names(page) == ["CPAS Test Schaerbeek"]  # the only service that receives people without papers
        open_finder(page, f"{finder_url}?q=soins palliatifs gratuit")
        chip.filter(has_text="Équipe de soins palliatifs à domicile").filter(has_text="Gratuit").wait_for()
        assert names(page) == ["Soins Test Ixelles"]
        before = page.get_attribute("#bx-finder", "data-renders")
        page.get_by_role("button", name="Chercher les mots tels quels").click()
        wait_render(page, before)
        assert chip.is_hidden()
