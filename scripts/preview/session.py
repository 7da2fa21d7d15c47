"""The preview's rebuilds: first what the open page shows, then the rest in the background.

A changed directory entry is re-read alone, every rule of `make validate` runs again, and its
page and vCard are rendered in both languages (about a second at 2,000 services per language).
Then, in a background thread, every page is rendered again and those whose Markdown changed
(lists, dossiers) are rebuilt; the search index, the open data, the root pages and the CMS's
configuration follow. Any
other content change renders every page and rebuilds the changed ones; a change to the theme,
the templates, the browser scripts or mkdocs.yml, or to what the mkdocs configuration holds,
runs the whole build. A content problem leaves the last good site in place.
"""

from __future__ import annotations

import filecmp
import os
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from schemas.common import LANGUAGES, Language
from scripts import REPO_ROOT
from scripts.content.errors import ContentError, Problem, print_problems
from scripts.content.load import display_path
from scripts.editors.admin import write_admin
from scripts.opendata.publish import write_open_data
from scripts.pages import urls
from scripts.pages.render import LanguageSite, SiteItem, render_site
from scripts.pipeline import build_site
from scripts.preview.loading import ContentCache
from scripts.preview.pages import LanguagePages, NeedsFullBuild, render_organization
from scripts.search.index import write_search_files
from scripts.site.mkdocs_site import SiteBuildError
from scripts.site.root_pages import write_root_pages
from scripts.site.webapp import write_web_app_files
from scripts.site.write import staging_area

if TYPE_CHECKING:
    from scripts.content.loaded import Content

RELOAD_GRACE_SECONDS = 2.0
"""How long the background work waits for the open page to reload before it takes the processor."""
CONTENT_SUFFIXES = {".yaml", ".md", ".csv"}
MKDOCS_FIX = "correct the link or text that mkdocs names (make build stops on the same message)"

_Job = tuple[int, "Content", "dict[Language, LanguageSite] | None"]
"""The change's generation, its content, and its pages when they were all rendered already."""


class PreviewSession:
    """The preview's site folder, its kept state, and the problems that open pages show."""

    def __init__(self, content_root: Path, site_dir: Path, work_dir: Path, *, quiet: bool = False) -> None:
        self.content_root = content_root.resolve()
        self.site_dir = site_dir
        self.work_dir = work_dir
        self.quiet = quiet
        self.cache = ContentCache(self.content_root)
        self.problems: list[Problem] = []
        self.languages: dict[Language, LanguagePages] = {}
        self.content: Content | None = None
        self.generation = 0
        """Counts the changes seen: background work for an older one is dropped."""
        self.page_served = threading.Event()
        self.write_lock = threading.Lock()
        """Held while a served file is written in place: the server reads whole pages only."""
        self._lock = threading.Lock()
        self._unrendered: set[Path] = set()
        self._job: _Job | None = None
        self._job_ready = threading.Condition()
        threading.Thread(target=self._run_background, daemon=True).start()

    def build_everything(self) -> bool:
        """Run the whole build (`make build`'s stages) and set up the kept state; return True when it worked."""
        self.generation += 1
        loaded = self.cache.load_all()
        if self._report(loaded.problems) or loaded.content is None:
            return False
        with self._lock:
            try:
                build_site(self.content_root, self.site_dir, quiet=True, compress=False, fingerprint=False)
            except ContentError as error:
                return not self._report(error.problems)
            except SiteBuildError as error:
                return not self._report([_mkdocs_problem(error)])
            sites = render_site(loaded.content)
            self.work_dir.mkdir(parents=True, exist_ok=True)
            self.languages = {
                language: LanguagePages(loaded.content, sites[language], self.work_dir, self.site_dir / language, self.write_lock) for language in LANGUAGES
            }
            self._unrendered.clear()
            self._accept(loaded.content)
        return True

    def apply(self, changed: set[Path]) -> None:
        """Rebuild what changed files touch."""
        changed = {path.resolve() for path in changed}
        changed = {path for path in changed if path.exists() or self._was_content(path)}
        if not changed:
            return
        self.generation += 1
        entries = {path for path in changed if path.parent == self.content_root / "directory" and path.suffix == ".yaml"}
        if not self.languages or any(not path.is_relative_to(self.content_root) for path in changed):
            self.build_everything()
        elif entries == changed:
            self._update_entries(entries)
        else:
            self._update_content()

    def _was_content(self, path: Path) -> bool:
        """Return True when a path that is gone was read, or reported, by the pipeline (not an editor's temporary file)."""
        if not path.is_relative_to(self.content_root):
            return True
        shown = display_path(self.content_root, path)
        return path.suffix in CONTENT_SUFFIXES or path.relative_to(self.content_root).parts[0] == "templates" or any(p.path == shown for p in self.problems)

    def _update_entries(self, paths: set[Path]) -> None:
        """Render the changed entries' pages and vCards; schedule everything else."""
        self._unrendered |= paths
        loaded = self.cache.reload_organizations(paths)
        if self._report(loaded.problems) or loaded.content is None or self.content is None:
            return
        shown = {display_path(self.content_root, path) for path in self._unrendered}
        kept = {entry.model.id for entry in loaded.content.organizations}
        gone = {entry.model.id for entry in self.content.organizations} - kept
        removed = {path for org_id in gone for path in (urls.organization_path(org_id), urls.vcard_path(org_id))}
        with self._lock:
            try:
                for language, pages in self.languages.items():
                    items: dict[str, SiteItem] = {}
                    for entry in loaded.content.organizations:
                        if entry.document.path in shown:
                            items.update(render_organization(loaded.content, language, entry.model))
                    pages.update(items, removed)
            except SiteBuildError as error:
                self._report([_mkdocs_problem(error)])
                return
            self._unrendered.clear()
            self._accept(loaded.content)
        self._schedule(loaded.content, None)

    def _update_content(self) -> None:
        """Read everything, render every page, rebuild those that changed; schedule the rest."""
        loaded = self.cache.load_all()
        if self._report(loaded.problems) or loaded.content is None:
            return
        sites = render_site(loaded.content)
        try:
            synced = self._sync(loaded.content, sites, self.generation)
        except NeedsFullBuild:
            self.build_everything()
            return
        if synced:
            self._schedule(loaded.content, sites)

    def _sync(self, content: Content, sites: dict[Language, LanguageSite], generation: int) -> bool:
        """Bring every language's pages in line with a whole render; return True when it worked.

        Raises:
            NeedsFullBuild: the mkdocs configuration or the copied files changed.
        """
        with self._lock:
            if generation != self.generation:
                return False
            try:
                for language, pages in self.languages.items():
                    pages.sync(content, sites[language])
            except SiteBuildError as error:
                self._report([_mkdocs_problem(error)])
                return False
            if generation != self.generation:
                # A newer save arrived while these pages were written: its problems, if any, stay shown.
                return False
            self._unrendered.clear()
            self._accept(content)
        return True

    def _accept(self, content: Content) -> None:
        """Record a good state: open pages may reload now."""
        self.content = content
        self.problems = []
        self.page_served.clear()

    def _report(self, problems: list[Problem]) -> bool:
        """Show problems in the terminal and in open pages; return True when there are any."""
        if problems:
            print_problems(problems, "text")
            print("The preview keeps showing the last good build.", file=sys.stderr, flush=True)
        elif self.problems and not self.quiet:
            print("Problems fixed; open pages reload.", file=sys.stderr, flush=True)
        if problems:
            self.problems = problems  # cleared once the fixed pages are written (_accept)
        return bool(problems)

    def report_failure(self, error: Exception) -> None:
        """Show an unexpected error (its traceback is in the terminal) over the open pages."""
        self.problems = [Problem("(build)", 1, 1, "(error)", f"{type(error).__name__}: {error}", "see the traceback in the terminal")]

    def _schedule(self, content: Content, sites: dict[Language, LanguageSite] | None) -> None:
        with self._job_ready:
            self._job = (self.generation, content, sites)
            self._job_ready.notify()

    def _run_background(self) -> None:
        while True:
            with self._job_ready:
                while self._job is None:
                    self._job_ready.wait()
                job, self._job = self._job, None
            try:
                self._finish(job)
            except Exception:  # the preview keeps serving; the traceback shows the bug
                traceback.print_exc()

    def _finish(self, job: _Job) -> None:
        """Render every page (after an entry's change), then write the search index, open data and root pages."""
        generation, content, sites = job
        self.page_served.wait(RELOAD_GRACE_SECONDS)
        if sites is None:
            sites = render_site(content)
            if not self._sync(content, sites, generation):
                return
        with staging_area(self.work_dir) as staging:
            write_search_files(content, staging, REPO_ROOT / "node_modules")
            write_open_data(content, staging)
            write_root_pages(content, sites["fr"].page_paths(), staging, content.public_site_url())
            write_admin(content, staging, REPO_ROOT / "node_modules")  # its selects list the content
            write_web_app_files(content, staging)  # the manifests name the site
            with self._lock:
                if generation != self.generation:
                    return
                _publish(staging, self.site_dir)
        if not self.quiet:
            print("Preview up to date (pages, search index, open data).", file=sys.stderr, flush=True)


def _mkdocs_problem(error: SiteBuildError) -> Problem:
    return Problem("(mkdocs)", 1, 1, "(page)", str(error), MKDOCS_FIX)


def _publish(staging: Path, site_dir: Path) -> None:
    """Move the staged files whose bytes differ into the site (the others keep their date)."""
    for source in sorted(staging.rglob("*")):
        target = site_dir / source.relative_to(staging)
        if source.is_file() and not (target.is_file() and filecmp.cmp(source, target, shallow=False)):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
