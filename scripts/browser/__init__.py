"""Our scripts that run in the browser (the .js files of this folder), joined into the files the site serves.

A layer of its own, below the stages: pages (labels, page scripts), search (the worker) and the
preview's watcher read these files.
"""

from __future__ import annotations

from collections.abc import Iterable

from scripts import REPO_ROOT

BROWSER_CODE = REPO_ROOT / "scripts" / "browser"
PAGE_SCRIPTS = {
    "assets/javascripts/search.js": ("text.js", "search.js", "list.js"),
    "assets/javascripts/finder.js": ("finder.js", "card.js"),
}
"""The scripts every page loads (mkdocs.yml's extra_javascript), by docs path: text.js comes first."""
WORKER_SCRIPTS = ("text.js", "worker.js")
"""Our part of search/engine.js, after lunr.js and lunr-languages."""


def join_browser_code(names: Iterable[str]) -> str:
    """Return the named files of BROWSER_CODE, one after the other."""
    return "".join((BROWSER_CODE / name).read_text(encoding="utf-8") for name in names)
