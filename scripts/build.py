"""`make build`: validate, render, build each language with mkdocs, index, then swap the site in."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from schemas.common import LANGUAGES, WebUrl
from scripts import REPO_ROOT
from scripts.check import load_valid_content, print_problems
from scripts.content.errors import ContentError, Problem
from scripts.editors.admin import write_admin
from scripts.opendata.publish import write_open_data
from scripts.pages.render import render_site
from scripts.search.index import write_search_files
from scripts.site.compress import write_compressed_twins
from scripts.site.fingerprint import fingerprint_assets
from scripts.site.mkdocs_site import SiteBuildError, build_language
from scripts.site.root_pages import write_root_pages
from scripts.site.service_worker import write_service_worker
from scripts.site.webapp import write_web_app_files
from scripts.site.write import staging_area, swap_into_place


@dataclass
class StageTimes:
    """Seconds spent in each stage, in order."""

    seconds: dict[str, float] = field(default_factory=dict)
    search_file_sizes: dict[str, int] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str, quiet: bool) -> Iterator[None]:
        """Time a stage and show its progress on standard error."""
        if not quiet:
            print(f"  {name}...", end="", flush=True, file=sys.stderr)
        started = time.perf_counter()
        yield
        self.seconds[name] = time.perf_counter() - started
        if not quiet:
            print(f" {self.seconds[name]:.2f} s", file=sys.stderr)


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
    content_root: Path, output: Path, *, quiet: bool = False, material_search: bool = False, compress: bool = True
) -> StageTimes:
    """Build the whole bilingual site into output; on any error, output is left as it was.

    material_search builds the same pages with Material's own search plugin as well, for the
    benchmark's comparison row; the published site never uses it. compress=False skips the
    `.br`/`.gz` twins (Brotli 11 is the slowest stage; the preview needs none); our CSS and JS
    are fingerprinted either way, so that every build names them as the published site does.

    Raises:
        ContentError: the content has problems (nothing is written).
        SiteBuildError: mkdocs reported a warning or an error.
    """
    ensure_source_date_epoch()
    times = StageTimes()
    with times.stage("validate content", quiet):
        content = load_valid_content(content_root)
    site_url = content.public_site_url()
    if site_url is not None and site_url != content.site.site_url:
        _check_site_url_variable(site_url)
    if site_url is None and not quiet:
        print("  note: no site address (site_url in content/site.yaml, or make build SITE_URL=https://...): "
              "no sitemap.xml, and patient cards are printed without a QR code", file=sys.stderr)
    with times.stage("render pages", quiet):
        sites = render_site(content)
    with staging_area(output.parent) as staging:
        new_site = staging / "site"
        for language in LANGUAGES:
            with times.stage(f"mkdocs build ({language})", quiet):
                build_language(content, sites[language], staging, new_site / language, material_search=material_search)
        with times.stage("search index", quiet):
            times.search_file_sizes = write_search_files(content, new_site, REPO_ROOT / "node_modules")
        with times.stage("open data", quiet):
            write_open_data(content, new_site)
        with times.stage("root pages, sitemap", quiet):
            write_root_pages(content, sites, new_site, site_url)
        with times.stage("editors' admin", quiet):
            write_admin(content, new_site, REPO_ROOT / "node_modules")
        with times.stage("web app manifests, icons", quiet):
            write_web_app_files(content, new_site)
        with times.stage("fingerprints", quiet):
            fingerprint_assets(new_site)
        with times.stage("service worker", quiet):
            write_service_worker(new_site)
        if compress:
            with times.stage("compressed twins", quiet):
                write_compressed_twins(new_site, cache=REPO_ROOT / "build" / ".twins-cache")
        with times.stage("swap into place", quiet):
            swap_into_place(new_site, output)
    return times


def main(argv: list[str] | None = None) -> int:
    """Build the site and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=REPO_ROOT / "content", help="content folder")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "site", help="site folder to replace")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="format of content problems")
    parser.add_argument("--report", type=Path, help="write stage times, search file sizes and peak memory as JSON")
    parser.add_argument("--material-search", action="store_true", help="also enable Material's search (benchmark only)")
    parser.add_argument("--no-compress", dest="compress", action="store_false", help="write no .br/.gz twins (faster)")
    args = parser.parse_args(argv)
    print(f"Building {args.output}", file=sys.stderr)
    try:
        times = build_site(args.content, args.output, material_search=args.material_search, compress=args.compress)
    except ContentError as error:
        print_problems(error.problems, args.format)
        return 1
    except SiteBuildError as error:
        print(f"\nmkdocs reported problems; the previous site is unchanged:\n{error}", file=sys.stderr)
        return 1
    print(f"Site written to {args.output} in {sum(times.seconds.values()):.1f} s", file=sys.stderr)
    if args.report:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        report = {"seconds": times.seconds, "search_file_sizes": times.search_file_sizes, "peak_memory_mib": peak_kib / 1024}
        args.report.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
