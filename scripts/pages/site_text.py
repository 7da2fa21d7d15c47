"""The interface labels that pages use: every `ui('key')` call in the page and theme templates."""

from __future__ import annotations

import re
from typing import get_args

from schemas.organization import Accessibility, AccessMode, CostKind, NewClientsState, Verification
from schemas.taxonomy import CareLevel
from schemas.template import TemplateKind
from scripts import REPO_ROOT
from scripts.browser import BROWSER_CODE

_TEMPLATE_FOLDERS = (REPO_ROOT / "scripts" / "pages" / "templates", REPO_ROOT / "theme" / "overrides", BROWSER_CODE)
_UI_CALL = re.compile(r"""\b(?:ui|label)(?:\(\s*|\[)['"]([a-z0-9_]+)['"]\s*[),\]]""")
"""ui('key') and ui["key"] in templates; label("key") and label("key", {...}) in finder.js."""
_UI_PREFIX_CALL = re.compile(r"""\b(?:ui|label)\(\s*['"]([a-z0-9_]+_)['"]\s*[~+]""")

DYNAMIC_UI_KEYS: dict[str, tuple[str, ...]] = {
    "cost_": get_args(CostKind),
    "access_": get_args(Accessibility),
    "access_mode_": get_args(AccessMode),
    "verification_": get_args(Verification),
    "level_": tuple(str(level) for level in get_args(CareLevel)),
    "finder_level_": tuple(str(level) for level in get_args(CareLevel)),
    "new_clients_": get_args(NewClientsState),
    "template_kind_": get_args(TemplateKind),
}
"""Keys built from a value (`ui('cost_' ~ kind)`): the prefix and every value it takes."""


SEARCH_RESULT_TYPES: dict[str, tuple[str, str]] = {
    "service": ("s", "search_type_service"),
    "dossier": ("d", "search_type_dossier"),
    "template": ("t", "search_type_template"),
    "page": ("p", "search_type_page"),
}
"""Each kind of search result: its one-letter code in the index and the label of the results page's filter."""


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
    # Labels that the entry pages' helpers ask for (scripts/pages/entry_page.py).
    keys.update({"fact_source", "source_undated", "sources_notice", "sources_notice_one_year", "sources_notice_undated",
                 "phone", "address", "opening_hours", "access_how"})
    keys.update("verification_" + value for value in DYNAMIC_UI_KEYS["verification_"])
    keys.update(label for _, label in SEARCH_RESULT_TYPES.values())
    keys.update("template_kind_" + kind for kind in DYNAMIC_UI_KEYS["template_kind_"])  # the search index names each kind
    return tuple(sorted(keys))


REQUIRED_UI_KEYS: tuple[str, ...] = _collect_keys()
"""Every interface label the site shows: content/ui.yaml must define each in both languages."""
