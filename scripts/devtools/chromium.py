"""Headless Chromium (Debian's package) driven by Playwright, for the benchmark and the tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, sync_playwright

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
"""Without the background-networking flags, Chromium keeps trying hosts that a closed network refuses."""


def chromium_path() -> str:
    """Return Debian's Chromium; `make test` installs it."""
    path = shutil.which("chromium")
    if path is None:
        raise RuntimeError("chromium is not installed: run `make test`, which installs Debian's package")
    return path


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Start headless Chromium with the flags this machine needs."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()

