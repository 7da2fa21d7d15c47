"""Under a strict Content-Security-Policy sent as a header (as the server recipes do), every page kind
works (search, finder, language switch) with no violation: no inline script or style, no other host."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from scripts.devtools.static_server import SiteRequestHandler, serve_site
from scripts.site.security import HEADER_POLICY
from tests.browser.pages import RecordedPage, change, open_finder, open_page, type_query

VIOLATION_LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sourceFile + ":" + event.lineNumber);
});
"""

PAGE_KINDS = ["index.html", "directory/index.html", "directory/categories/palliative-home-care.html",
              "directory/communes/21009.html", "directory/entries/test-soins-ixelles.html",
              "directory/bassins/index.html", "helplines.html", "dossiers/test-palliatif.html",
              "dossiers/index.html", "documents/index.html", "documents/modele-test.html", "search.html",
              "directory/finder.html", "missing-page.html"]


class StrictPolicyHandler(SiteRequestHandler):
    """The test server sends the header policy with every response."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", HEADER_POLICY)
        super().end_headers()


@pytest.fixture(scope="module")
def strict_url(built_fixture_site: Path) -> Iterator[str]:
    with serve_site(built_fixture_site, prefix="/brusano/", handler=StrictPolicyHandler) as url:
        yield url


@contextmanager
def watched_page(browser: Browser) -> Iterator[tuple[RecordedPage, list[str]]]:
    """Open a page that records policy violations and console messages."""
    with open_page(browser) as recorded:
        console: list[str] = []
        recorded.page.add_init_script(VIOLATION_LISTENER)
        recorded.page.on("console", lambda message: console.append(message.text))
        yield recorded, console


def _violations(page: Page, console: list[str]) -> list[str]:
    return page.evaluate("window.__violations") + [line for line in console if "Content Security Policy" in line]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_page_kind_loads_without_a_violation(browser: Browser, strict_url: str, language: str) -> None:
    with watched_page(browser) as (recorded, console):
        page, seen = recorded.page, []
        for path in PAGE_KINDS:
            response = page.goto(f"{strict_url}{language}/{path}")
            assert response is not None and response.status == (404 if path == "missing-page.html" else 200), path
            page.wait_for_load_state("load")
            seen += [f"{path}: {violation}" for violation in _violations(page, console)]
            console.clear()
        page.goto(f"{strict_url}index.html?choose")
        seen += [f"chooser: {violation}" for violation in _violations(page, console)]
        assert seen == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_search_finder_and_language_switch_work_under_the_policy(browser: Browser, strict_url: str, language: str) -> None:
    with watched_page(browser) as (recorded, console):
        page = recorded.page
        page.goto(f"{strict_url}{language}/index.html")
        assert type_query(page, "palliatif" if language == "fr" else "palliatieve") != []
        open_finder(page, f"{strict_url}{language}/directory/finder.html")
        before = page.locator(".bx-finder__result").count()
        change(page, lambda: page.select_option("#bx-finder-cat", "palliative-home-care"))
        assert 0 < page.locator(".bx-finder__result").count() <= before
        finder_violations = _violations(page, console)
        page.locator(".bx-language__link").click()
        page.wait_for_url(f"**/{'nl' if language == 'fr' else 'fr'}/directory/finder.html")
        assert finder_violations + _violations(page, console) == []
        assert recorded.foreign_requests() == []
