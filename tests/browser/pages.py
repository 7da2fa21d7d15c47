"""Pages opened in the session's Chromium with every request recorded, and axe-core checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from tests.conftest import REPO

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"


@dataclass
class RecordedPage:
    """A page and every URL it requested."""

    page: Page
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Return the requests that went anywhere but 127.0.0.1 or the local disk."""
        return [
            url for url in self.requests
            if not url.startswith(("file://", "data:", "blob:")) and urlsplit(url).hostname != "127.0.0.1"
        ]


@contextmanager
def open_page(browser: Browser, **context_options: object) -> Iterator[RecordedPage]:
    """Open a fresh page whose requests are recorded."""
    context = browser.new_context(**context_options)  # type: ignore[arg-type]
    recorded = RecordedPage(context.new_page())
    recorded.page.on("request", lambda request: recorded.requests.append(request.url))
    try:
        yield recorded
    finally:
        context.close()


def run_axe(page: Page) -> list[dict[str, object]]:
    """Run axe-core (WCAG 2.1 A and AA rules, WCAG 2.2 AA target size, best practices); return every violation, of any impact."""
    # As a function (Chromium's own call), not an inline <script>: the pages' policy forbids inline scripts.
    page.evaluate("() => {\n" + AXE_SCRIPT.read_text(encoding="utf-8") + "\n}")
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# ---- The finder and the header search, as a reader uses them ----

def open_finder(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#bx-finder[data-renders]")


def open_filters(page: Page) -> None:
    """Unfold the finder's filters, as a reader does on a narrow screen (they fold again after each choice)."""
    if page.locator("#bx-finder-more").get_attribute("open") is None:
        page.locator("#bx-finder-more summary").click()


def names(page: Page) -> list[str]:
    return page.locator(".bx-finder__result .bx-finder__name").all_inner_texts()


def wait_render(page: Page, before: str | None) -> None:
    page.wait_for_function("n => document.querySelector('#bx-finder').getAttribute('data-renders') !== n", arg=before)


def change(page: Page, action: object) -> None:
    before = page.get_attribute("#bx-finder", "data-renders")
    action()  # type: ignore[operator]
    wait_render(page, before)


def type_query(page: Page, text: str) -> list[str]:
    """Type into the header box like a reader; return the titles of the options shown for that text's whole list."""
    box = page.locator("#bx-search-input")
    box.click()
    box.fill("")
    box.press_sequentially(text, delay=20)
    page.wait_for_function("q => document.querySelector('#bx-search-listbox').dataset.query === q", arg=text)
    page.wait_for_timeout(150)
    return page.locator("#bx-search-listbox [role=option] .bx-result__title").all_inner_texts()
