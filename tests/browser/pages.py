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
    page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
