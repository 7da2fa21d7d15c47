"""The site search in headless Chromium, on the built fixture site: HTTP under a sub-path and file://."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.pages import open_page, type_query


@pytest.fixture(scope="module", params=["http", "file"])
def site_url(request: pytest.FixtureRequest, built_fixture_site: Path) -> str:
    """The fixture site's base URL, served under a sub-path or opened from disk."""
    if request.param == "file":
        return built_fixture_site.as_uri() + "/"
    return str(request.getfixturevalue("sub_path_url"))


CASES = [
    ("fr", "hopital", "Dossier de test palliatif"),  # no accent typed, "hôpital" in the text
    ("fr", "l'hôpital", "Dossier de test palliatif"),  # elision split
    ("fr", "palliatif", "Équipe palliative à domicile — Soins Test Ixelles"),
    ("fr", "OCMW", "Aide sociale — CPAS Test Schaerbeek"),  # the other language's jargon
    ("fr", "Schaarbeek", "Aide sociale — CPAS Test Schaerbeek"),  # commune by its Dutch name
    ("fr", "pall", "Équipe palliative à domicile — Soins Test Ixelles"),  # prefix while typing
    ("nl", "patient", "Palliatieve thuisequipe — Zorg Test Elsene"),  # "patiënt" in the text
    ("nl", "soins palliatifs", "Palliatieve thuisequipe — Zorg Test Elsene"),  # cross-language synonym
    ("nl", "Ixelles", "Palliatieve thuisequipe — Zorg Test Elsene"),  # commune by its French name
    ("nl", "ziekenhuis", "Testdossier palliatief"),
    ("nl", "CPAS", "Sociale hulp — OCMW Test Schaarbeek"),
    ("fr", "bassin sud", "Équipe palliative à domicile — Soins Test Ixelles"),  # the bassin of its location
    ("nl", "zorgzone zuid", "Palliatieve thuisequipe — Zorg Test Elsene"),
    ("fr", "zorgzone noord-oost", "Aide sociale — CPAS Test Schaerbeek"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_query_finds_expected_result(browser: Browser, sub_path_url: str, language: str, text: str, expected: str) -> None:
    # ranking does not depend on how the site is served: over HTTP only (file:// has its own tests below)
    with open_page(browser) as recorded:
        recorded.page.goto(f"{sub_path_url}{language}/index.html")
        titles = type_query(recorded.page, text)
        assert expected in titles, titles
        links = recorded.page.locator("#bx-search-listbox [role=option]").evaluate_all(
            "options => options.map(o => new URL(o.dataset.href, location.href).href)")
        assert all(f"/{language}/" in link for link in links)
        assert recorded.foreign_requests() == []


def test_no_result_message(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        recorded.page.goto(f"{site_url}nl/index.html")
        assert type_query(recorded.page, "xyzzyq") == []
        assert recorded.page.inner_text("#bx-search-status").startswith("Geen resultaten voor „xyzzyq”")


def test_index_loads_only_when_the_box_is_focused(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        recorded.page.goto(f"{site_url}fr/index.html")
        recorded.page.wait_for_timeout(300)
        assert not [url for url in recorded.requests if "/search/" in url]
        recorded.page.locator("#bx-search-input").focus()
        recorded.page.wait_for_function("() => window.__bxSearchData && window.__bxSearchData.fr")
        assert any(url.endswith("/search/fr.js") for url in recorded.requests)
        assert not any(url.endswith("/search/nl.js") for url in recorded.requests)


def test_keyboard_navigation_of_results(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}fr/index.html")
        type_query(page, "test")
        box = page.locator("#bx-search-input")
        assert box.get_attribute("aria-expanded") == "true"
        box.press("ArrowDown")
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == "bx-option-1"
        assert page.locator("#bx-option-1").get_attribute("aria-selected") == "true"
        target = page.locator("#bx-option-1").evaluate("o => new URL(o.dataset.href, location.href).href")
        box.press("Enter")
        page.wait_for_url(target)
        page.locator("#bx-search-input").press("Escape")


def test_escape_closes_the_list(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}fr/index.html")
        type_query(page, "soins")
        page.locator("#bx-search-input").press("Escape")
        assert page.locator("#bx-search-input").get_attribute("aria-expanded") == "false"
        assert page.locator(".bx-search__panel").is_hidden()


def test_results_page_deep_link_and_type_filter(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}fr/search.html?q=palliatif&type=d")
        page.wait_for_selector(".bx-search-page__results li")
        titles = page.locator(".bx-search-page__results .bx-result__title").all_inner_texts()
        assert titles == ["Dossier de test palliatif"]
        assert page.locator(".bx-search-page__results .bx-result__type").all_text_contents() == ["Dossier"]
        assert page.get_by_label("Dossier").is_checked()
        assert page.locator("#bx-search-page-input").input_value() == "palliatif"
        page.get_by_label("Tout").check()
        page.wait_for_function("() => document.querySelectorAll('.bx-search-page__results li').length > 1")
        assert "Équipe palliative à domicile — Soins Test Ixelles" in page.locator(".bx-search-page__results .bx-result__title").all_inner_texts()
        assert "type=" not in page.url
        assert recorded.foreign_requests() == []


def test_header_form_without_javascript_goes_to_results_page(browser: Browser, site_url: str) -> None:
    with open_page(browser, java_script_enabled=False) as recorded:
        page = recorded.page
        page.goto(f"{site_url}nl/dossiers/test-palliatif.html")
        page.locator("#bx-search-input").fill("ziekenhuis")
        page.locator("#bx-search-input").press("Enter")
        page.wait_for_url("**/nl/search.html?q=ziekenhuis")
        assert "JavaScript" in page.locator("#bx-search-page").inner_text()


PAGE_KINDS = [
    ("fr", "gezinszorg", "Aide familiale", "directory/categories/family-help.html"),  # a need, by its synonym
    ("nl", "gezinshulp", "Gezinszorg", "directory/categories/family-help.html"),
    ("fr", "fin de vie", "Équipe de soins palliatifs à domicile", "directory/categories/palliative-home-care.html"),
    ("nl", "thuisequipe", "Palliatieve thuiszorgequipe", "directory/categories/palliative-home-care.html"),
    ("fr", "Schaarbeek", "Schaerbeek", "directory/communes/21015.html"),  # a commune by its other name
    ("nl", "1050", "Elsene", "directory/communes/21009.html"),  # and by a postcode
    ("fr", "Elsene", "Ixelles", "directory/communes/21009.html"),
    ("fr", "thematiques", "Dossiers thématiques", "dossiers/index.html"),  # section pages
    ("nl", "thematische", "Thematische dossiers", "dossiers/index.html"),
    ("fr", "repertoire", "Répertoire des services", "directory/index.html"),
    ("fr", "formulaires", "Formulaires et modèles", "documents/index.html"),
    ("nl", "gids", "Gids van de diensten", "directory/index.html"),
    ("nl", "zorgzone zuid", "Zorgzone Zuid", "directory/bassins/sud.html"),
    ("fr", "bassin nord", "Bassin Nord", "directory/bassins/nord.html"),
    ("fr", "antipoisons", "Qui appeler quand tout est fermé", "helplines.html"),
    ("nl", "antigifcentrum", "Wie bellen als alles gesloten is", "helplines.html"),
    ("fr", "liaison", "Dossier de test palliatif — Que faire ?", "dossiers/test-palliatif.html#que-faire"),  # a dossier section
    ("nl", "testverbindingsequipe", "Testdossier palliatief — Wat doen?", "dossiers/test-palliatif.html#wat-doen"),
    ("fr", "modele test", "Modèle de test", "documents/modele-test.html"),  # templates
]


FROM_DISK = [PAGE_KINDS[0], PAGE_KINDS[-2], PAGE_KINDS[-1]]
"""A need, a dossier section and a template: their links also resolve when the site is opened from disk."""


@pytest.mark.parametrize(("language", "text", "title", "target"), PAGE_KINDS)
def test_every_kind_of_page_is_found_in_the_top_three(browser: Browser, sub_path_url: str, language: str, text: str, title: str, target: str) -> None:
    _found_and_opened(browser, sub_path_url, language, text, title, target)


@pytest.mark.parametrize(("language", "text", "title", "target"), FROM_DISK)
def test_a_result_opens_its_page_from_disk(browser: Browser, built_fixture_site: Path, language: str, text: str, title: str, target: str) -> None:
    _found_and_opened(browser, built_fixture_site.as_uri() + "/", language, text, title, target)


def _found_and_opened(browser: Browser, site_url: str, language: str, text: str, title: str, target: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}{language}/index.html")
        titles = type_query(page, text)
        assert title in titles[:3], titles
        option = page.locator("#bx-search-listbox [role=option]").nth(titles.index(title))
        assert option.evaluate("o => new URL(o.dataset.href, location.href).href").endswith(f"/{language}/{target}")
        option.click()
        page.wait_for_url(f"**/{language}/{target}")
        assert recorded.foreign_requests() == []


@pytest.mark.parametrize(("language", "text"), [("fr", "ocmw schaerbeek"), ("nl", "sociale schaarbeek"), ("fr", "aide sociale test")])
def test_the_first_result_of_several_words_holds_every_word(browser: Browser, site_url: str, language: str, text: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}{language}/index.html")
        titles = type_query(page, text)
        # a service of the CPAS (each holds "sociale" through its need's words, and the commune), not the commune's page
        assert titles[0].endswith(("— CPAS Test Schaerbeek", "— OCMW Test Schaarbeek")), titles


STOP_WORD_PHRASES = [
    ("fr", "repas à domicile", "repas domicile"),
    ("fr", "médecin de garde", "médecin garde"),
    ("nl", "zorg voor ouderen", "zorg ouderen"),
    ("nl", "huisarts van wacht", "huisarts wacht"),
]


@pytest.mark.parametrize(("language", "phrase", "words"), STOP_WORD_PHRASES)
def test_a_phrase_lists_what_its_words_without_stop_words_list(browser: Browser, site_url: str, language: str, phrase: str, words: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}{language}/index.html")
        titles = type_query(page, words)
        assert titles
        assert type_query(page, phrase) == titles


def test_a_title_names_each_name_once() -> None:
    from scripts.search.index import service_title

    assert service_title("Garde de médecine générale", "Garde de médecine générale Woluwe-Saint-Pierre") == "Garde de médecine générale Woluwe-Saint-Pierre"
    assert service_title("CPAS de Forest — service social", "CPAS de Forest") == "CPAS de Forest — service social"
    assert service_title("Aide sociale", "CPAS d'Ixelles") == "Aide sociale — CPAS d'Ixelles"


def test_snippet_shows_the_text_around_the_typed_word(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}fr/index.html")
        type_query(page, "aboutissement")
        page.wait_for_selector("#bx-search-listbox .bx-result__snippet mark")
        snippet = page.locator("#bx-search-listbox .bx-result__snippet").first.inner_text()
        assert snippet.startswith("…") and "aboutissement" in snippet and len(snippet) <= 170
        assert page.locator("#bx-search-listbox .bx-result__snippet mark").first.inner_text() == "aboutissement"


SLIPS = [
    ("fr", "palliatfs", "palliatif", "Dossier de test palliatif"),  # a letter missing
    ("fr", "paliatif", "palliatif", "Dossier de test palliatif"),  # a letter missing early
    ("fr", "ixlles", "ixelles", "Équipe palliative à domicile — Soins Test Ixelles"),  # a letter missing in a commune's name
    ("nl", "palliatiegf", "palliatief", "Testdossier palliatief"),  # a letter added
    ("nl", "ziekenhuos", "ziekenhuis", "Testdossier palliatief"),  # a letter wrong
    ("nl", "zieknehuis", "ziekenhuis", "Testdossier palliatief"),  # two letters swapped
]
"""A slip in the first two letters is not forgiven: only the chunks of the terms that begin with them are loaded."""


@pytest.mark.parametrize(("language", "typed", "searched", "expected"), SLIPS)
def test_one_slip_is_forgiven_and_the_list_says_what_it_searched_for(
    browser: Browser, site_url: str, language: str, typed: str, searched: str, expected: str
) -> None:
    with open_page(browser) as recorded:
        recorded.page.goto(f"{site_url}{language}/index.html")
        titles = type_query(recorded.page, typed)
        assert expected in titles[:3]
        assert f"{searched}" in recorded.page.inner_text("#bx-search-status")
        assert recorded.foreign_requests() == []


def test_an_exact_word_is_not_corrected_and_short_words_are_not_either(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}fr/index.html")
        assert type_query(page, "palliatif")
        assert "Résultats pour" not in page.inner_text("#bx-search-status")
        assert type_query(page, "xyzzyq") == []  # nothing near it either
        assert type_query(page, "ixel") != []  # a prefix being typed, as before


def test_the_results_page_says_what_it_searched_for(browser: Browser, site_url: str) -> None:
    with open_page(browser) as recorded:
        page = recorded.page
        page.goto(f"{site_url}fr/search.html?q=palliatfs")
        page.locator(".bx-search-page__status").filter(has_text="Résultats pour « palliatif »").wait_for()
        assert "Dossier de test palliatif" in page.locator(".bx-search-page__results .bx-result__title").all_inner_texts()
