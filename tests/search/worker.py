"""The site's search worker in Chromium: asked through the page as a reader's box asks it, or run
on its own (the site's engine plus a test's code) and handed the term chunks it asks for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lunr.query import Query
from playwright.sync_api import Browser

from scripts.devtools.static_server import serve_site
from scripts.search.index import FIELDS
from scripts.search.pipeline import build_query
from tests.browser.pages import open_page

Results = dict[str, list[tuple[float, str]]]
"""Each query's (score, ref) pairs, in the order the search gives them."""


def query_site(browser: Browser, site: Path, language: str, queries: list[str], limit: int = 100000) -> tuple[Results, list[str]]:
    """Return each query's best `limit` results through the page's bxSearch.query, and the search files it requested."""
    with serve_site(site, prefix="/") as url, open_page(browser) as recorded:
        recorded.page.goto(f"{url}{language}/index.html")
        found = recorded.page.evaluate(
            """async ([queries, limit]) => {
                const out = {};
                for (const q of queries) { out[q] = (await bxSearch.query(q, limit)).results.map(r => [r.score, r.ref]); }
                return out;
            }""",
            [queries, limit],
        )
        requests = [request for request in recorded.requests if "/search/" in request]
    return {text: [(score, ref) for score, ref in pairs] for text, pairs in found.items()}, requests


def read_data_script(text: str) -> str:
    """Return the JSON text a script of scripts.search.index.render_data_script hands to the page."""
    # (window.__bxSearchParts=window.__bxSearchParts||{})["fr/terms-0"]="<JSON text as a JSON string>";
    return json.loads(text.split("]=", 1)[1].strip().rstrip(";"))  # type: ignore[no-any-return]


def read_term_chunks(site: Path, language: str) -> dict[str, str]:
    """Return the JSON text of each term chunk of a built site, by part name ("fr/terms-0")."""
    return {f"{language}/{path.stem}": read_data_script(path.read_text(encoding="utf-8"))
            for path in (site / "search" / language).glob("terms-*.js")}


def run_worker(browser: Browser, site: Path, language: str, script: str, messages: list[dict[str, Any]]) -> list[Any]:
    """Start a worker from the site's engine followed by `script`, post it the root, then each message; return the replies.

    The worker must answer the root with "ready": any other answer fails the run.

    A message that gets a "need" reply is asked again after the chunks it names are handed over, in
    one "chunks" message, as the page does; the reply kept is the last one.
    """
    with serve_site(site, prefix="/") as url, open_page(browser) as recorded:
        recorded.page.goto(f"{url}{language}/index.html")
        return recorded.page.evaluate(  # type: ignore[no-any-return]
            """async ([script, language, messages, chunks]) => {
                await bxSearch.load();
                const worker = new Worker(URL.createObjectURL(new Blob([window.__bxSearchEngine + ";\\n" + script])));
                let answer = null;
                worker.onmessage = e => answer(e.data);
                worker.onerror = e => answer({ type: "error", message: e.message });
                const ask = m => new Promise(resolve => { answer = resolve; worker.postMessage(m); });
                const loaded = await ask({ type: "load", data: window.__bxSearchData[language] });
                if (loaded.type !== "ready") throw new Error("the worker did not load the root: " + JSON.stringify(loaded));
                const replies = [];
                for (const message of messages) {
                    let reply = await ask(message);
                    while (reply.type === "need") {
                        const handed = {};
                        reply.chunks.forEach(n => { handed[n] = chunks[language + "/terms-" + n]; });
                        worker.postMessage({ type: "chunks", chunks: handed });
                        reply = await ask(message);
                    }
                    replies.push(reply);
                }
                worker.terminate();
                return replies;
            }""",
            [script, language, messages, read_term_chunks(site, language)],
        )


def count_kept_words(text: str, language: str) -> int:
    """Return how many words of a text the query keeps (stop words are left out when other words remain)."""
    return sum(1 for clause in build_query(Query([name for name, _ in FIELDS]), text, language).clauses if clause.use_pipeline)  # type: ignore[arg-type]
