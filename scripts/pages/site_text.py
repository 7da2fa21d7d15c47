"""The interface labels that pages use: every `ui('key')` call in the page and theme templates."""

from __future__ import annotations

import re

from scripts import REPO_ROOT
from scripts.browser import BROWSER_CODE

_TEMPLATE_FOLDERS = (REPO_ROOT / "scripts" / "pages" / "templates", REPO_ROOT / "theme" / "overrides", BROWSER_CODE)
_UI_CALL = re.compile(r"""\b(?:ui|label)(?:\(\s*|\[)['"]([a-z0-9_]+)['"]\s*[),\]]""")
"""ui('key') and ui["key"] in templates; label("key") and label("key", {...}) in finder.js."""
_UI_PREFIX_CALL = re.compile(r"""\b(?:ui|label)\(\s*['"]([a-z0-9_]+_)['"]\s*[~+]""")

DYNAMIC_UI_KEYS: dict[str, tuple[str, ...]] = {
    "cost_": ("free", "reduced", "fee", "reimbursed", "variable"),
    "access_": ("full", "partial", "none", "unknown"),
    "access_mode_": ("walk-in", "appointment", "referral", "prescription"),
    "verification_": ("example", "public-source", "confirmed"),
    "level_": ("0", "1", "2", "3"),
    "finder_level_": ("0", "1", "2", "3"),
    "new_clients_": ("yes", "no", "unknown"),
}
"""Keys built from a value (`ui('cost_' ~ kind)`): the prefix and every value it takes."""


def _collect_keys() -> tuple[str, ...]:
    keys: set[str] = set()
    for folder in _TEMPLATE_FOLDERS:
        for path in sorted(folder.rglob("*.*")):
            text = path.read_text(encoding="utf-8")
            keys.update(_UI_CALL.findall(text))
            for prefix in _UI_PREFIX_CALL.findall(text):
                keys.update(prefix + value for value in DYNAMIC_UI_KEYS[prefix])
    # Labels that Python code asks for (navigation, "edit this page").
    keys.update({"nav_home", "nav_directory", "nav_dossiers", "nav_templates", "edit_page", "source_file"})
    return tuple(sorted(keys))


REQUIRED_UI_KEYS: tuple[str, ...] = _collect_keys()
"""Every interface label the site shows: content/ui.yaml must define each in both languages."""
