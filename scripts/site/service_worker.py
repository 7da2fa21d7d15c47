"""The service worker (sw.js at the site's root): its precache list and its version, from the built site."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from schemas.common import LANGUAGES
from scripts import REPO_ROOT
from scripts.site.compress import TWIN_SUFFIXES
from scripts.site.fingerprint import resolve_reference
from scripts.site.webapp import ICONS, MANIFEST_NAME
from scripts.site.write import TreeWriter

TEMPLATE = REPO_ROOT / "theme" / "service-worker.js"
WORKER_NAME = "sw.js"
SHELL_PAGES = ("index.html", "directory/index.html", "directory/finder.html", "search.html", "dossiers/index.html",
               "documents/index.html", "helplines.html", "offline.html", "list.html")
"""Each language's pages saved at install: the home page, the finder, search, the lists, the offline page, the patient's list."""


class _Resources(HTMLParser):
    """Collect the scripts, stylesheets and icons a page loads from its own site."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.found.append(values["src"] or "")
        elif tag == "link" and values.get("rel") in ("stylesheet", "icon", "manifest") and values.get("href"):
            self.found.append(values["href"] or "")


def _page_resources(site_dir: Path, page: str) -> list[str]:
    parser = _Resources()
    parser.feed((site_dir / page).read_text(encoding="utf-8"))
    resolved = (resolve_reference(page, urlsplit(reference).path) for reference in parser.found
                if not urlsplit(reference).scheme and not reference.startswith("/"))
    return [path for path in resolved if (site_dir / path).is_file()]


SEARCH_BUDGET_BYTES = 2_000_000
"""The search, finder and patient's-list data of both languages are saved at install when they weigh no
more than this (the real site's: about 1 MB, 0.25 MB compressed); above it (2,000 or 10,000 services),
each file is saved the first time it is used, and the search page offers to keep them all."""


def search_data_files(site_dir: Path) -> list[str]:
    """Return the files a search, the finder or the patient's list may load, both languages: the engine,
    each index's root, chunks and blocks, the finder's rows and the list's next steps."""
    names = [f"search/{language}{suffix}.js" for suffix in ("", "-finder", "-list") for language in LANGUAGES]
    chunks = [path.relative_to(site_dir).as_posix() for language in LANGUAGES for path in sorted((site_dir / "search" / language).glob("*.js"))]
    return [name for name in ["search/engine.js", *names, *chunks] if (site_dir / name).is_file()]


def shell_files(site_dir: Path, search_budget: int = SEARCH_BUDGET_BYTES) -> list[str]:
    """Return the paths (from the site's root) that the service worker saves at install: the shell, and the
    search data when it fits the budget."""
    pages = ["index.html"] + [f"{language}/{page}" for language in LANGUAGES for page in SHELL_PAGES]
    files = set(pages) | {path for path, _, _ in ICONS} | {f"{language}/{MANIFEST_NAME}" for language in LANGUAGES}
    for page in pages:
        files.update(_page_resources(site_dir, page))
    search = search_data_files(site_dir)
    if sum((site_dir / name).stat().st_size for name in search) <= search_budget:
        files.update(search)
    else:  # the list page's data too (MBs at 10,000 services): saved when the list page first loads it
        files.difference_update(search)
    return sorted(file for file in files if (site_dir / file).is_file())


def site_version(site_dir: Path) -> str:
    """Return a hash of every file of the site: a new build with any change gets a new worker."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != WORKER_NAME and path.suffix not in TWIN_SUFFIXES:
            digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def precached_files(site_dir: Path) -> list[str]:
    """Return the precache list written in a built site's sw.js."""
    match = re.search(r"const SHELL = (\[.*?\]);", (site_dir / WORKER_NAME).read_text(encoding="utf-8"), flags=re.S)
    return json.loads(match.group(1)) if match else []


def precache_size(site_dir: Path) -> tuple[int, int]:
    """Return the bytes the worker saves at install: as files, and as sent gzip-compressed (level 6,
    as servers compress on the fly; the .gz twins are smaller)."""
    contents = [(site_dir / path).read_bytes() for path in precached_files(site_dir)]
    return sum(map(len, contents)), sum(len(gzip.compress(data, compresslevel=6, mtime=0)) for data in contents)


def write_service_worker(site_dir: Path) -> list[str]:
    """Write sw.js at the site's root; return its precache list."""
    shell = shell_files(site_dir)
    code = TEMPLATE.read_text(encoding="utf-8")
    code = code.replace("__VERSION__", site_version(site_dir)).replace("__SHELL__", json.dumps(shell, indent=0))
    code = code.replace("__SEARCH__", json.dumps(search_data_files(site_dir), indent=0))
    TreeWriter(site_dir).write_text(WORKER_NAME, code)
    return shell
