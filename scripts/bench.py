"""`make bench`: build synthetic corpora at several scales and measure the build and the search.

For each scale it prints validation time, build time per stage (the `.br`/`.gz` twins from the
cache in build/.twins-cache when an earlier run made them), the peak memory of the build's
processes together (PSS, sampled every 0.1 s: scripts/devtools/memory.py), search file sizes
(raw and gzip), and, in headless Chromium on a cold page served with gzip from 127.0.0.1: the
time from the first keystroke to the first result, the bytes transferred before it, and query
latency p50/p95. The same pages are also built with Material's own search, measured the same way,
and indexed by Pagefind (a bench-only dependency, requirements-bench.txt), measured through its JS
API on a bare page of its own (see PAGEFIND_PAGE) with its bytes counted at the same server.
At the scales of --serve-scales it also runs `make serve` on a copy of the corpus and measures, in
Chromium, the seconds from saving an entry's new phone number to the reloaded page showing it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from schemas.common import LANGUAGES
from scripts import REPO_ROOT
from scripts.devtools.bench_corpus import generate_corpus
from scripts.devtools.finder_tasks import TOP, run_tasks, share_met
from scripts.devtools.memory import run_measuring_memory
from scripts.devtools.probes import FINDER_FILTER_SHOWN, FINDER_FIRST_LIST
from scripts.devtools.static_server import SiteRequestHandler, serve_site
from scripts.pipeline import build_site, language_stage, load_site_content
from scripts.preview.process import preview_process
from scripts.site.service_worker import precache_size

COMPRESSIBLE = {".html", ".js", ".css", ".json", ".xml", ".svg"}


class GzipHandler(SiteRequestHandler):
    """Serve text files gzip-compressed when the browser accepts it, as a production host does."""

    cache: dict[str, bytes] = {}

    @classmethod
    def precompress(cls, site_dir: Path) -> None:
        """Compress the site's text files ahead, as a host with static gzip files does."""
        cls.cache = {
            str(path): gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            for path in site_dir.rglob("*") if path.suffix in COMPRESSIBLE and path.is_file()
        }

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = str(path)
            if key not in self.cache:
                self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            self.send_body(self.cache[key], self.guess_type(str(path)), headers={"Content-Encoding": "gzip"})
            return
        super().do_GET()


class CountingHandler(GzipHandler):
    """Count the body bytes the server sends; serve the build's .br twins to a browser that accepts
    Brotli when `brotli_twins` is set (else gzip on the fly, as GzipHandler does)."""

    sent = 0
    brotli_twins = False

    def send_body(self, body: bytes, content_type: str, status: int = 200, headers: dict[str, str] | None = None) -> None:
        type(self).sent += len(body)
        super().send_body(body, content_type, status, headers)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        type(self).sent += len(data)
        outputfile.write(data)

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path.split("?")[0]))
        path = path / "index.html" if path.is_dir() else path
        twin = path.with_name(path.name + ".br")
        if self.brotli_twins and twin.is_file() and "br" in self.headers.get("Accept-Encoding", ""):
            self.send_body(twin.read_bytes(), self.guess_type(str(path)), headers={"Content-Encoding": "br"})
            return
        super().do_GET()


PAGEFIND_PAGE = "pagefind-bench-{language}.html"
"""Pagefind's test page, written by the bench into the built site: a bare page and not one of ours,
because Pagefind runs WebAssembly, which our pages' Content-Security-Policy (no 'wasm-unsafe-eval')
forbids. Its `lang` picks Pagefind's index of that language."""

PAGEFIND_SEARCH = """async (word) => {
    const started = performance.now();
    const pagefind = await import('./pagefind/pagefind.js');
    await pagefind.init();
    const search = await pagefind.search(word);
    await search.results[0].data();
    return performance.now() - started;
}"""
"""From the call to the first result's data, as Pagefind's documentation writes it."""


def index_with_pagefind(site: Path) -> float:
    """Run Pagefind over the built pages of both languages (into site/pagefind/); return its seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", "{fr,nl}/**/*.html", "--quiet"], check=True)
    for language in LANGUAGES:
        page = f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>\n'
        (site / PAGEFIND_PAGE.format(language=language)).write_text(page, encoding="utf-8")
    return time.perf_counter() - started


def measure_pagefind(browser: Any, site: Path, language: str, word: str) -> dict[str, float]:
    """Median over cold runs of the ms from the call to the first result's data, and the KB the
    server sent meanwhile (gzip on the fly for text, Pagefind's own files as they are)."""
    runs = []
    with serve_site(site, handler=CountingHandler) as url:
        CountingHandler.brotli_twins = False
        for _ in range(COLD_RUNS):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + PAGEFIND_PAGE.format(language=language), wait_until="networkidle")
            CountingHandler.sent = 0
            milliseconds = page.evaluate(PAGEFIND_SEARCH, word)
            runs.append({"first_result_ms": milliseconds, "kb": CountingHandler.sent / 1024})
            context.close()
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def measure_search_bytes(browser: Any, site: Path, text: str, *, brotli_twins: bool) -> float:
    """Return the median over cold runs of the KB sent for the first search result (see _search_bytes)."""
    return statistics.median(_search_bytes(browser, site, text, brotli_twins=brotli_twins) for _ in range(COLD_RUNS))


def _search_bytes(browser: Any, site: Path, text: str, *, brotli_twins: bool) -> float:
    """Return the KB the server sends from the first keystroke on a loaded home page to the first
    result (counted at the server: a worker's requests escape the page's resource timing). The
    service worker is blocked here: its precache, measured on its own, would be counted as search."""
    CountingHandler.brotli_twins = brotli_twins
    with serve_site(site, handler=CountingHandler) as url:
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        page.goto(f"{url}fr/index.html", wait_until="networkidle")
        CountingHandler.sent = 0
        page.locator("#bx-search-input").click()
        page.keyboard.type(text)
        page.wait_for_selector("#bx-search-listbox [role=option]", timeout=180_000)
        sent = CountingHandler.sent
        context.close()
    return sent / 1024


INSTRUMENT = """
window.__bench = {start: null, key: null, first: null};
document.addEventListener('focusin', () => { if (window.__bench.start === null) window.__bench.start = performance.now(); }, true);
document.addEventListener('keydown', () => { if (window.__bench.key === null) window.__bench.key = performance.now(); }, true);
new MutationObserver(() => {
  if (window.__bench.first === null && document.querySelector(window.__benchSelector)) window.__bench.first = performance.now();
}).observe(document, {childList: true, subtree: true});
"""


COLD_RUNS = 5


def measure_first_result(browser: Any, url: str, box: str, result_selector: str, text: str) -> dict[str, float]:
    """Median over cold runs of: ms from the first keystroke (and from the click that focuses the
    box, when loading starts) to the first result, and the bytes moved. The reader types once
    the network is idle ("idle"), and, in a second series, as soon as the page has loaded ("load")."""
    figures: dict[str, float] = {}
    for moment, suffix in (("networkidle", ""), ("load", "_at_load")):
        runs = [_cold_run(browser, url, box, result_selector, text, moment) for _ in range(COLD_RUNS)]
        figures.update({key + suffix: statistics.median(run[key] for run in runs) for key in runs[0]})
    return figures


def _cold_run(browser: Any, url: str, box: str, result_selector: str, text: str, moment: str) -> dict[str, float]:
    """Open a page in a fresh context (empty cache), click the search box and type."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.add_init_script(f"window.__benchSelector = {json.dumps(result_selector)};" + INSTRUMENT)
    page.goto(url, wait_until=moment)
    page_bytes = page.evaluate("() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0)")
    page.locator(box).click()
    page.keyboard.type(text)
    page.wait_for_function("() => window.__bench.first !== null", timeout=180_000)
    timing = page.evaluate("() => window.__bench")
    search_bytes = page.evaluate(
        """() => performance.getEntriesByType('resource').filter(e => /search/.test(e.name) && e.responseEnd <= window.__bench.first + 1)
             .reduce((s, e) => s + e.transferSize, 0)"""
    )
    context.close()
    return {
        "first_result_ms": timing["first"] - timing["key"],
        "from_focus_ms": timing["first"] - timing["start"],
        "page_kb": page_bytes / 1024,
        "search_kb": search_bytes / 1024,
    }


def measure_query_latency(browser: Any, url: str, queries: list[str]) -> dict[str, float]:
    """Return p50/p95 of the round trip page → worker → page for each query once the chunks it needs
    are loaded (each query is asked once before it is timed), and the p95 of that first ask."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    first, loaded = page.evaluate(
        """async (queries) => {
            await bxSearch.load();
            const time = async () => {
                const out = [];
                for (const q of queries) { const t = performance.now(); await bxSearch.query(q, 8); out.push(performance.now() - t); }
                return out;
            };
            return [await time(), await time()];
        }""",
        queries,
    )
    context.close()
    return {"p50_ms": statistics.median(loaded), "p95_ms": _p95(loaded), "first_p95_ms": _p95(first)}


def _p95(durations: list[float]) -> float:
    ordered = sorted(durations)
    return ordered[int(len(ordered) * 0.95) - 1]


def measure_finder(browser: Any, url: str) -> dict[str, float]:
    """Open the finder cold; return the ms from navigation start until its first list (the first
    screenful) is laid out, and p50/p95 of the ms from a category change until the new list's first
    screenful, then the whole list, is laid out. All are read on the page's clock: Playwright's round
    trips to the page (50-150 ms each on a busy machine) are not the page's."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(FINDER_FIRST_LIST)
    page.add_init_script(FINDER_FILTER_SHOWN)
    page.goto(url)
    page.wait_for_function("() => window.__finderFirstList && window.__finderFirstList.laidOutMs !== null", timeout=120_000)
    first_list_ms = page.evaluate("() => window.__finderFirstList.laidOutMs")  # performance.now() counts from navigation start
    values = page.locator("#bx-finder-cat option").evaluate_all("options => options.map(o => o.value)")
    screenful, whole = zip(*(_filter_change_ms(page, value) for value in (values[1:] + [""])[:30]), strict=True)
    context.close()
    return {"first_list_ms": first_list_ms, "update_p50_ms": statistics.median(screenful), "update_p95_ms": _p95(list(screenful)),
            "whole_p50_ms": statistics.median(whole), "whole_p95_ms": _p95(list(whole))}


def _filter_change_ms(page: Any, category: str) -> tuple[float, float]:
    """Choose a category; return the ms from its input event until the new list's first screenful,
    then the whole list, is laid out."""
    page.select_option("#bx-finder-cat", category)
    page.wait_for_function("() => window.__benchFilter.wholeMs !== null && window.__benchFilter.screenfulMs !== null", timeout=120_000)
    probe = page.evaluate("() => window.__benchFilter")
    return float(probe["screenfulMs"] - probe["askedMs"]), float(probe["wholeMs"] - probe["askedMs"])


SAVE_RUNS = 3
PREVIEW_ENTRY = "bench-00000"
PREVIEW_DONE = "Preview up to date"


def measure_preview(browser: Any, workspace: Path, content: Path) -> dict[str, float]:
    """Run the preview on a copy of the corpus, an entry's page open; return the start-up seconds
    and the median seconds from saving a new phone number to the reloaded page (its DOMContentLoaded)."""
    copy = shutil.copytree(content, workspace / "content")
    entry = copy / "directory" / f"{PREVIEW_ENTRY}.yaml"
    numbers = [f"02 555 00 {run:02d}" for run in range(SAVE_RUNS + 1)]
    entry.write_text(entry.read_text(encoding="utf-8") + f"phones:\n- number: {numbers[0]}\n", encoding="utf-8")
    started = time.perf_counter()
    with preview_process(copy, workspace / "site") as preview:
        start_s = time.perf_counter() - started
        page = browser.new_context().new_page()
        page.goto(f"{preview.url}fr/directory/entries/{PREVIEW_ENTRY}.html")
        seconds = []
        for old, new in zip(numbers, numbers[1:], strict=False):
            done = preview.printed().count(PREVIEW_DONE)
            saved = time.time()
            entry.write_text(entry.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
            page.wait_for_function("n => document.querySelector('article') && document.querySelector('article').innerText.includes(n)", arg=new, timeout=120_000)
            shown_ms = page.evaluate("() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
            seconds.append(shown_ms / 1000 - saved)
            deadline = time.monotonic() + 600  # the next save comes once the background work is done
            while preview.printed().count(PREVIEW_DONE) == done and time.monotonic() < deadline:
                time.sleep(0.1)
        page.context.close()
    return {"start_s": start_s, "save_to_reload_s": statistics.median(seconds), "min_s": min(seconds), "max_s": max(seconds)}


def _build(content: Path, output: Path, material: bool) -> dict[str, Any]:
    """Run `make build`'s command; return its report, with the peak PSS of all its processes."""
    report = output.parent / f"report-{output.name}.json"
    command = [sys.executable, "-m", "scripts.build", "--content", str(content), "--output", str(output), "--report", str(report)]
    if material:
        command += ["--material-search", "--no-compress"]  # its twins are never served: GzipHandler compresses
    measured = run_measuring_memory(command, REPO_ROOT)
    if measured.returncode != 0:
        error = subprocess.CalledProcessError(measured.returncode, command, stderr=measured.stderr)
        error.add_note(measured.stderr)  # CalledProcessError's message leaves stderr out
        raise error
    return {**json.loads(report.read_text(encoding="utf-8")), "peak_pss_mib": measured.peak_pss_mib}


def _gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)) / 1024


def _first_query(content: Path, language: str) -> str:
    """Return a word that the corpus holds: the longest word of the first service's name."""
    entry = yaml.safe_load((content / "directory" / "bench-00000.yaml").read_text(encoding="utf-8"))
    return max(entry["services"][0]["name"][language].split(), key=len).lower()


def _queries(content: Path, language: str) -> list[str]:
    words = sorted({w for p in sorted((content / "dossiers").glob(f"*.{language}.md"))[:20] for w in p.read_text(encoding="utf-8").split() if w.isalpha() and len(w) > 4})
    return [w.lower() for w in words[:60]] + [w.lower()[:3] for w in words[60:100]] + [f"{a} {b}".lower() for a, b in zip(words[100:120], words[120:140], strict=False)]


def run_scale(browser: Any, workspace: Path, services: int, *, serve: bool = False) -> dict[str, Any]:
    """Build and measure one scale (and the preview when serve is set); return its figures."""
    content = generate_corpus(workspace / f"corpus-{services}", services)
    query_fr, query_nl = _first_query(content, "fr"), _first_query(content, "nl")
    started = time.perf_counter()
    load_site_content(content)
    validate_seconds = time.perf_counter() - started
    ours = _build(content, workspace / f"site-{services}", material=False)
    material = _build(content, workspace / f"material-{services}", material=True)
    row: dict[str, Any] = {"services": services, "validate_s": validate_seconds, "ours": ours, "material_build": material}
    site, material_site = workspace / f"site-{services}", workspace / f"material-{services}"
    for language in LANGUAGES:
        files = [site / "search" / f"{language}.js", site / "search" / f"{language}-finder.js",
                 *sorted((site / "search" / language).glob("*.js"))]
        row[f"index_{language}"] = {
            "root": {"raw_kb": files[0].stat().st_size / 1024, "gzip_kb": _gzip_kb(files[0])},
            "all": {"raw_kb": sum(f.stat().st_size for f in files) / 1024, "gzip_kb": sum(_gzip_kb(f) for f in files)},
            "engine": {"gzip_kb": _gzip_kb(site / "search" / "engine.js")},
        }
        material_index = material_site / language / "search" / "search_index.json"
        row[f"material_index_{language}"] = {"raw_kb": material_index.stat().st_size / 1024, "gzip_kb": _gzip_kb(material_index)}
    GzipHandler.precompress(site)
    with serve_site(site, handler=GzipHandler) as url:
        row["browser_fr"] = measure_first_result(browser, f"{url}fr/index.html", "#bx-search-input", "#bx-search-listbox [role=option]", query_fr)
        row["browser_nl"] = measure_first_result(browser, f"{url}nl/index.html", "#bx-search-input", "#bx-search-listbox [role=option]", query_nl)
        row["latency_fr"] = measure_query_latency(browser, f"{url}fr/index.html", _queries(content, "fr"))
        row["finder_fr"] = measure_finder(browser, f"{url}fr/directory/finder.html")
    GzipHandler.precompress(material_site)
    with serve_site(material_site, handler=GzipHandler) as url:
        row["material_fr"] = measure_first_result(browser, f"{url}fr/index.html", ".md-search__input", ".md-search-result__item", query_fr)
    GzipHandler.cache = {}
    row["search_bytes"] = {"gzip_kb": measure_search_bytes(browser, site, query_fr, brotli_twins=False),
                           "brotli_kb": measure_search_bytes(browser, site, query_fr, brotli_twins=True)}
    raw, sent = precache_size(site)
    row["precache"] = {"raw_kb": raw / 1024, "gzip_kb": sent / 1024}
    row["pagefind_index_s"] = index_with_pagefind(site)
    row["pagefind_fr"] = measure_pagefind(browser, site, "fr", query_fr)
    row["pagefind_nl"] = measure_pagefind(browser, site, "nl", query_nl)
    if serve:
        row["preview"] = measure_preview(browser, workspace / f"preview-{services}", content)
    return row


def format_table(rows: list[dict[str, Any]]) -> str:
    """Return the figures as a Markdown table."""
    lines = [
        "| services/lang | validate s | render + mkdocs s, fr / nl (side by side) | index build s (both) | build total s (twins s) | peak MiB, all processes (PSS) | index fr: root / all files gzip KB | engine gzip KB | first result ms from keystroke (fr / nl) | from click (fr) | KB before first result (search, counted at the server / page) | query p50 / p95 ms once loaded (p95 asked first, chunks loading) | Material: first result ms from keystroke | Material: KB search | Material index fr gzip KB | speed-up | typing at page load: ours / Material ms, speed-up |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ours = row["ours"]["side_by_side_seconds"]
        index = row["index_fr"]
        first = row["browser_fr"]["first_result_ms"]
        material_first = row["material_fr"]["first_result_ms"]
        lines.append(
            f"| {row['services']} | {row['validate_s']:.2f} | "
            f"{ours[language_stage('render_pages', 'fr')] + ours[language_stage('mkdocs_build', 'fr')]:.1f} / {ours[language_stage('render_pages', 'nl')] + ours[language_stage('mkdocs_build', 'nl')]:.1f} | "
            f"{ours['search_index']:.1f} | {row['ours']['total_seconds']:.1f} ({row['ours']['seconds'].get('compressed_twins', 0):.1f}) | "
            f"{row['ours']['peak_pss_mib']:.0f} | {index['root']['gzip_kb']:.0f} / {index['all']['gzip_kb']:.0f} | "
            f"{index['engine']['gzip_kb']:.0f} | {first:.0f} / {row['browser_nl']['first_result_ms']:.0f} | "
            f"{row['browser_fr']['from_focus_ms']:.0f} | "
            f"{row['search_bytes']['gzip_kb']:.0f} / {row['browser_fr']['page_kb']:.0f} | "
            f"{row['latency_fr']['p50_ms']:.1f} / {row['latency_fr']['p95_ms']:.1f} ({row['latency_fr']['first_p95_ms']:.0f}) | {material_first:.0f} | "
            f"{row['material_fr']['search_kb']:.0f} | {row['material_index_fr']['gzip_kb']:.0f} | {material_first / first:.1f}× | "
            f"{row['browser_fr']['first_result_ms_at_load']:.0f} / {row['material_fr']['first_result_ms_at_load']:.0f}, "
            f"{row['material_fr']['first_result_ms_at_load'] / row['browser_fr']['first_result_ms_at_load']:.1f}× |"
        )
    lines += ["", "| services/lang | finder: first list ms (navigation start to first screenful laid out) | finder: category change to new first screenful laid out, p50 / p95 ms | to whole list laid out, p50 / p95 ms |", "|---|---|---|---|"]
    for row in rows:
        finder = row.get("finder_fr")
        if finder:
            lines.append(f"| {row['services']} | {finder['first_list_ms']:.0f} | {finder['update_p50_ms']:.1f} / {finder['update_p95_ms']:.1f} | "
                         f"{finder['whole_p50_ms']:.1f} / {finder['whole_p95_ms']:.1f} |")
    lines += ["", "| services/lang | KB sent for the first search result: gzip on the fly / Brotli twins | service worker precache KB raw / gzip |", "|---|---|---|"]
    for row in rows:
        if row.get("search_bytes"):
            sent, precache = row["search_bytes"], row["precache"]
            lines.append(f"| {row['services']} | {sent['gzip_kb']:.0f} / {sent['brotli_kb']:.0f} | {precache['raw_kb']:.0f} / {precache['gzip_kb']:.0f} |")
    lines += _comparison_table(rows)
    previews = [row for row in rows if row.get("preview")]
    if previews:
        lines += ["", f"| services/lang | make serve: start s | make serve: save to reloaded page s (median of {SAVE_RUNS}; min / max) |", "|---|---|---|"]
        for row in previews:
            figures = row["preview"]
            lines.append(f"| {row['services']} | {figures['start_s']:.1f} | {figures['save_to_reload_s']:.2f} ({figures['min_s']:.2f} / {figures['max_s']:.2f}) |")
    return "\n".join(lines)


def _comparison_table(rows: list[dict[str, Any]]) -> list[str]:
    """Return ours beside Pagefind, each timed from where its loading starts: our box's focusing
    click (loading starts on focus) and Pagefind's call (its import() and init() included)."""
    lines = [
        "",
        "| services/lang | ours: first result ms from the click that focuses the box (fr / nl) "
        "| ours: KB sent from the click to the first result (fr, counted at the server) "
        "| Pagefind: first result's data ms from the call, import() and init() included (fr / nl) "
        "| Pagefind: KB sent from the call to the first result's data (fr / nl, counted at the server) | Pagefind: index s |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "pagefind_fr" not in row:
            continue
        pagefind_fr, pagefind_nl = row["pagefind_fr"], row["pagefind_nl"]
        lines.append(
            f"| {row['services']} | {row['browser_fr']['from_focus_ms']:.0f} / {row['browser_nl']['from_focus_ms']:.0f} | "
            f"{row['search_bytes']['gzip_kb']:.0f} | {pagefind_fr['first_result_ms']:.0f} / {pagefind_nl['first_result_ms']:.0f} | "
            f"{pagefind_fr['kb']:.0f} / {pagefind_nl['kb']:.0f} | {row['pagefind_index_s']:.1f} |"
        )
    return lines


def measure_finder_tasks(browser: Any, workspace: Path) -> str:
    """Build the real content and run the finder's task set; return the share met per language, and the misses."""
    site = workspace / "real-site"
    build_site(REPO_ROOT / "content", site, quiet=True, compress=False)
    with serve_site(site) as url:
        context = browser.new_context(service_workers="block")
        results = run_tasks(context.new_page(), url)
        context.close()
    lines = [f"| language | tasks | a right organisation in the first {TOP} |", "|---|---|---|"]
    lines += [f"| {language} | {sum(r.language == language for r in results)} | {share_met(results, language):.0%} |" for language in LANGUAGES]
    lines += [f"- missed: {r.language} {r.query!r} ({r.commune or 'no commune'}): {', '.join(r.first)}" for r in results if not r.met]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[200, 2000, 10000], help="services per language")
    parser.add_argument("--serve-scales", type=int, nargs="*", default=[200, 2000], help="scales at which make serve is measured")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "build" / "bench", help="where the table and raw figures go")
    args = parser.parse_args(argv)
    from scripts.devtools.chromium import launch_chromium

    rows = []
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="brusano-bench-") as folder, launch_chromium() as browser:
        tasks = measure_finder_tasks(browser, Path(folder))
        (args.output / "finder-tasks.md").write_text(tasks + "\n", encoding="utf-8")
        print(tasks, file=sys.stderr, flush=True)
        for services in args.scales:
            print(f"scale {services}: generating, building (ours and Material's), measuring...", file=sys.stderr, flush=True)
            rows.append(run_scale(browser, Path(folder), services, serve=services in args.serve_scales))
            (args.output / "results.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
            (args.output / "results.md").write_text(format_table(rows) + "\n", encoding="utf-8")
            print(format_table(rows[-1:]).splitlines()[2], file=sys.stderr, flush=True)
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
