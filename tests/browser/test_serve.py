"""`make serve` in Chromium: an open page reloads after its entry is saved; a content problem shows
over the page (file, line, field, fix), the last good page stays, and the overlay goes once fixed."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from scripts.preview.process import preview_process
from tests.conftest import write_scratch_content
from tests.editors.test_serve import ENTRY, PAGE, PHONE, replace_in

WAIT_MS = 120_000
"""Generous: the test checks what happens, `make bench` how fast."""


def test_the_open_page_follows_the_saved_entry_and_shows_problems(browser: Browser, tmp_path: Path) -> None:
    content = write_scratch_content(tmp_path)
    entry = content / ENTRY
    with preview_process(content, tmp_path / "preview" / "site") as preview:
        context = browser.new_context()
        page = context.new_page()
        page.goto(preview.url + PAGE)
        article = page.locator("article")
        overlay = page.locator("#bx-preview-problems")
        expect(article).to_contain_text(PHONE)

        replace_in(entry, PHONE, "02 555 98 76")
        expect(article).to_contain_text("02 555 98 76", timeout=WAIT_MS)
        # The re-rendered page still finds its stylesheets and scripts (the preview keeps their names).
        assets = page.eval_on_selector_all("link[rel=stylesheet], script[src]", "els => els.map(e => e.href || e.src)")
        assert assets and all(context.request.get(url).ok for url in assets)

        replace_in(entry, "02 555 98 76", "02 555")
        expect(overlay).to_contain_text(f"content/{ENTRY}:9:", timeout=WAIT_MS)
        expect(overlay).to_have_attribute("role", "alert")
        expect(overlay).to_contain_text("phones[0].number")
        expect(overlay).to_contain_text("fix: check the number")
        expect(article).to_contain_text("02 555 98 76")
        assert "02 555 98 76" in context.request.get(preview.url + PAGE).text()  # the last good page is still served

        replace_in(entry, "02 555", "02 555 11 22")
        expect(overlay).to_have_count(0, timeout=WAIT_MS)
        expect(article).to_contain_text("02 555 11 22", timeout=WAIT_MS)

        replace_in(entry, "02 555 11 22", "02 555")
        expect(overlay).to_be_visible(timeout=WAIT_MS)
        overlay.get_by_role("button", name="Close").click()
        expect(overlay).to_have_count(0)
        context.close()
