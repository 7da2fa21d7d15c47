"""The whole build as a library: validate, render and build each language with mkdocs, index,
then swap the site in. `make build` (scripts/build.py), the preview and the bench call it.

The two languages are rendered and built by mkdocs in two processes at once (mkdocs keeps global
state and is not thread-safe), while this process writes the search index, the open data and the
editors' admin: on two cores the build takes about half the time it took one language after the other.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from schemas.common import LANGUAGES, Language, WebUrl
from scripts import REPO_ROOT
from scripts.content.errors import ContentError, Problem, print_problems
from scripts.content.loaded import Content
from scripts.content.validate import load_valid_content
from scripts.editors.admin import write_admin
from scripts.opendata.publish import write_open_data
from scripts.pages.render import render_language
from scripts.pages.site_text import REQUIRED_UI_KEYS
from scripts.search.index import write_search_files
from scripts.site.compress import write_compressed_twins
from scripts.site.fingerprint import fingerprint_assets
from scripts.site.mkdocs_site import SiteBuildError, build_language
from scripts.site.root_pages import write_root_pages
from scripts.site.service_worker import write_service_worker
from scripts.site.webapp import write_web_app_files
from scripts.site.write import staging_area, swap_into_place

STAGE_LABELS = {
    "validate": "validate content",
    "pages_and_shared_files": "pages, search index, open data, admin",
    "root_pages": "root pages, sitemap",
    "web_app": "web app manifests, icons",
    "service_worker": "service worker",
    "compressed_twins": "compressed twins",
    "swap": "swap into place",
    "search_index": "search index",
    "open_data": "open data",
    "admin": "editors' admin",
    "render_pages": "render pages",
    "mkdocs_build": "mkdocs build",
    "fingerprints": "fingerprints",
}
"""What the build prints for each stage, by the stage's key (the report's keys, which the bench reads)."""


def language_stage(stage: str, language: Language) -> str:
    """Return the key of a stage run once per language ("mkdocs_build.fr")."""
    return f"{stage}.{language}"


def stage_label(key: str) -> str:
    """Return what the build prints for a stage's key ("mkdocs build (fr)" for "mkdocs_build.fr")."""
    stage, _, language = key.partition(".")
    return STAGE_LABELS[stage] + (f" ({language})" if language else "")


@dataclass
class StageTimes:
    """Seconds spent in each stage, by key, in order (they add up to the build's time), and in the work
    that ran side by side inside a stage (each language's process, this process meanwhile)."""

    seconds: dict[str, float] = field(default_factory=dict)
    side_by_side: dict[str, float] = field(default_factory=dict)
    search_file_sizes: dict[str, int] = field(default_factory=dict)
    language_peak_mib: dict[str, float] = field(default_factory=dict)
    """The peak memory of each language's process."""

    @contextmanager
    def stage(self, key: str, quiet: bool) -> Iterator[None]:
        """Time a stage and show its progress on standard error."""
        if not quiet:
            print(f"  {stage_label(key)}...", end="", flush=True, file=sys.stderr)
        started = time.perf_counter()
        yield
        seconds = self.seconds[key] = time.perf_counter() - started
        if not quiet:
            print(f" {seconds:.2f} s", file=sys.stderr)

    def add_side_by_side(self, figures: dict[str, float], quiet: bool) -> None:
        """Keep the seconds of work done side by side within a stage, and show them."""
        self.side_by_side.update(figures)
        if not quiet:
            print("    " + ", ".join(f"{stage_label(key)} {seconds:.2f} s" for key, seconds in figures.items()), file=sys.stderr)


def load_site_content(root: Path) -> Content:
    """Return the content when every file and every rule passes, the site's labels included; raise ContentError otherwise."""
    return load_valid_content(root, REQUIRED_UI_KEYS)


def load_or_report(root: Path) -> Content | None:
    """Return the valid content, or print every problem (as `make validate` does) and return None."""
    try:
        return load_site_content(root)
    except ContentError as error:
        print_problems(error.problems, "text")
        return None


def ensure_source_date_epoch() -> None:
    """Pin the build date to the last commit (or 0) so that two builds are byte-identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp or "0"


def _check_site_url_variable(site_url: str) -> None:
    """Check SITE_URL with the rule site.yaml's site_url passes (content/site.yaml is checked on load)."""
    try:
        TypeAdapter(WebUrl).validate_python(site_url)
    except ValidationError as error:
        details = error.errors()[0]
        raise ContentError([Problem("(build)", 1, 1, "SITE_URL", details["msg"], details.get("ctx", {}).get("fix", ""))]) from error


def build_site(
    content_root: Path, output: Path, *, quiet: bool = False, material_search: bool = False, compress: bool = True,
    fingerprint: bool = True,
) -> StageTimes:
    """Build the whole bilingual site into output; on any error, output is left as it was.

    material_search builds the same pages with Material's own search plugin as well, for the
    benchmark's comparison row; the published site never uses it. compress=False skips the
    `.br`/`.gz` twins (the slowest stage on new content; the preview needs none). fingerprint=False
    keeps our CSS and JS under their own names: the preview re-renders single pages later, and
    mkdocs writes those names.

    Raises:
        ContentError: the content has problems (nothing is written).
        SiteBuildError: mkdocs reported a warning or an error (in either language: both are listed).
    """
    ensure_source_date_epoch()
    times = StageTimes()
    with times.stage("validate", quiet):
        content = load_site_content(content_root)
    content.release_sources()
    site_url = content.public_site_url()
    if site_url is not None and site_url != content.site.site_url:
        _check_site_url_variable(site_url)
    if site_url is None and not quiet:
        print("  note: no site address (site_url in content/site.yaml, or make build SITE_URL=https://...): "
              "no sitemap.xml, and patient cards are printed without a QR code", file=sys.stderr)
    with staging_area(output.parent) as staging:
        new_site = staging / "site"
        if not quiet:
            print("  side by side: each language's pages (a process each); search index, open data, admin", file=sys.stderr)
        with times.stage("pages_and_shared_files", quiet):
            options = PageOptions(material_search=material_search, fingerprint=fingerprint)
            page_paths = _build_pages_and_shared_files(content, staging, new_site, times, quiet=quiet, options=options)
        with times.stage("root_pages", quiet):
            write_root_pages(content, page_paths, new_site, site_url)
        with times.stage("web_app", quiet):
            write_web_app_files(content, new_site)
        with times.stage("service_worker", quiet):
            write_service_worker(new_site)
        if compress:
            with times.stage("compressed_twins", quiet):
                write_compressed_twins(new_site, cache=REPO_ROOT / "build" / ".twins-cache")
        with times.stage("swap", quiet):
            swap_into_place(new_site, output)
    return times


@dataclass(frozen=True)
class PageOptions:
    """How each language's pages are built (passed to the forked processes)."""

    material_search: bool = False
    """Also Material's own search (the benchmark's comparison row)."""
    fingerprint: bool = True
    """Our CSS and JS renamed with their content hash."""


def _build_pages_and_shared_files(
    content: Content, staging: Path, new_site: Path, times: StageTimes, *, quiet: bool, options: PageOptions
) -> set[str]:
    """Render and build each language in its own process while this one writes the files that are
    the same for both (search index, open data, admin); then move the languages into new_site.
    Return the docs paths of the pages."""
    global _FORKED_CONTENT
    _FORKED_CONTENT = content  # a forked process inherits it: 10,000 services are never pickled
    # Frozen objects are left out of garbage collection: the forked processes neither scan the
    # content again and again nor copy its memory pages by touching their objects' headers.
    gc.collect()
    gc.freeze()
    try:
        return _fork_languages(content, staging, new_site, times, quiet=quiet, options=options)
    finally:
        gc.unfreeze()
        _FORKED_CONTENT = None


@dataclass(frozen=True)
class LanguageResult:
    """What a language's process sends back (its pages' paths, not its pages: they would be pickled)."""

    page_paths: set[str]
    seconds: dict[str, float]
    peak_mib: float
    """The process's peak resident memory."""


def _fork_languages(
    content: Content, staging: Path, new_site: Path, times: StageTimes, *, quiet: bool, options: PageOptions
) -> set[str]:
    """Fork a process per language, write the shared files meanwhile, wait for both languages.

    Forking a process that runs threads (the preview's server) is safe here: the child runs only
    our rendering and mkdocs, and takes no lock another thread may hold."""
    with ProcessPoolExecutor(max_workers=len(LANGUAGES), mp_context=multiprocessing.get_context("fork")) as pool:
        jobs = {language: pool.submit(_build_language_pages, language, staging, options) for language in LANGUAGES}
        try:
            here = StageTimes()
            with here.stage("search_index", True):
                times.search_file_sizes = write_search_files(content, new_site, REPO_ROOT / "node_modules")
            with here.stage("open_data", True):
                write_open_data(content, new_site)
            with here.stage("admin", True):
                write_admin(content, new_site, REPO_ROOT / "node_modules")
        except BaseException:
            wait(jobs.values())  # this process's error is the one to report, with its traceback
            raise
        results = _collect_languages(jobs, times, quiet)
        times.add_side_by_side(here.seconds, quiet)
    for language in LANGUAGES:
        (staging / f"pages-{language}" / language).rename(new_site / language)
    return set().union(*(result.page_paths for result in results.values()))


_FORKED_CONTENT: Content | None = None
"""The validated content, set while the languages' processes are forked."""


def _build_language_pages(language: Language, staging: Path, options: PageOptions) -> LanguageResult:
    """Render one language, build it with mkdocs and fingerprint its assets (in a forked process)."""
    content = _FORKED_CONTENT
    assert content is not None, "run in a process forked by _build_pages_and_shared_files"
    times = StageTimes()
    with times.stage(language_stage("render_pages", language), True):
        site = render_language(content, language)
    # Its own folder above the language's, so that fingerprinting sees this language only.
    site_dir = staging / f"pages-{language}" / language
    with times.stage(language_stage("mkdocs_build", language), True):
        build_language(content, site, staging, site_dir, material_search=options.material_search)
    if options.fingerprint:
        with times.stage(language_stage("fingerprints", language), True):
            fingerprint_assets(site_dir.parent)
    return LanguageResult(site.page_paths(), times.seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _collect_languages(jobs: dict[Language, Future[LanguageResult]], times: StageTimes, quiet: bool) -> dict[Language, LanguageResult]:
    """Wait for every language; raise one SiteBuildError listing the problems of both."""
    results: dict[Language, LanguageResult] = {}
    problems: list[str] = []
    for language, job in jobs.items():
        try:
            results[language] = job.result()
        except SiteBuildError as error:
            problems.append(str(error))
            continue
        times.language_peak_mib[language] = results[language].peak_mib
        times.add_side_by_side(results[language].seconds, quiet)
    if problems:
        raise SiteBuildError("\n".join(problems))
    return results


def write_report(path: Path, times: StageTimes) -> None:
    """Write the stage times, search file sizes and each process's peak resident memory as JSON
    (their sum would overstate the build's memory: forked processes share pages; `make bench`
    measures the whole build's, scripts/devtools/memory.py)."""
    own_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {
        "seconds": times.seconds,
        "side_by_side_seconds": times.side_by_side,
        "total_seconds": sum(times.seconds.values()),
        "search_file_sizes": times.search_file_sizes,
        "peak_memory_own_mib": own_mib,
        "peak_memory_languages_mib": times.language_peak_mib,
    }
    path.write_text(json.dumps(report, indent=2), encoding="utf-8")
