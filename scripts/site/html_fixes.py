"""A mkdocs hook: small fixes to the HTML that Material writes outside any block we can override.

Material's base.html gives its two checkbox toggles `autocomplete="off"`, which HTML allows only on
text-like inputs (the Nu HTML Checker reports it on every page).
"""

from __future__ import annotations

from typing import Any

_TOGGLES = ('id="__drawer" autocomplete="off"', 'id="__search" autocomplete="off"')


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Return the page's HTML without the invalid attributes."""
    for toggle in _TOGGLES:
        output = output.replace(toggle, toggle.removesuffix(' autocomplete="off"'))
    return output
