"""lunr.py (build time) and lunr.js + lunr-languages (browser) agree: same words, same results."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.devtools.static_server import serve_site
from scripts.pipeline import load_site_content
from scripts.search.index import build_search_index
from scripts.search.pipeline import WORD_CHARACTERS, build_query, load_stop_words, split_words, stem
from tests.browser.pages import open_page
from tests.conftest import REPO
from tests.search.worker import count_kept_words, query_site, run_worker

LUNR_LANGUAGES = REPO / "node_modules" / "lunr-languages"
DROPDOWN_LIMIT = 8
"""How many results the header's list asks for (search.js)."""


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_shipped_stop_words_and_word_characters_match_lunr_languages(language: str) -> None:
    source = (LUNR_LANGUAGES / f"lunr.{language}.js").read_text(encoding="utf-8")
    stop_words = re.search(rf"lunr\.{language}\.stopWordFilter = lunr\.generateStopWordFilter\('([^']*)'", source)
    assert stop_words is not None
    assert load_stop_words(language) == frozenset(stop_words.group(1).split())
    characters = re.search(rf'lunr\.{language}\.wordCharacters = "([^"]*)"', source)
    assert characters is not None
    assert characters.group(1).encode("ascii").decode("unicode_escape") == WORD_CHARACTERS


def test_words_split_on_spaces_hyphens_apostrophes() -> None:
    assert split_words("L'hôpital d’Ixelles, centre-ville") == ["l", "hôpital", "d", "ixelles,", "centre", "ville"]


def _queries(bodies: list[str], language: str) -> list[str]:
    rng = random.Random(11)
    vocabulary = sorted({word for body in bodies[:80] for word in split_words(body) if len(word) > 3 and word.isalpha()})
    singles = rng.sample(vocabulary, 40)
    prefixes = [word[: rng.randint(2, 5)] for word in rng.sample(vocabulary, 15)]
    pairs = [" ".join(rng.sample(vocabulary, 2)) for _ in range(15)]
    fixed = {
        "fr": ["médecin généraliste", "medecin generaliste", "l'hôpital", "hopitaux", "soins palliatifs ", "CPAS Schaarbeek",
               "ocmw", "MRS", "maison de repos", "personnes âgées", "de la", "1030", "xyzzy", "aide-ménagère", "Ixelles",
               "so*ns ", "m*decin "],  # a "*" inside a word: a wildcard for lunr
        "nl": ["huisarts", "ziekenhuizen", "palliatieve zorg", "palliatief", "woonzorgcentrum", "OCMW Elsene", "coördinatie",
               "coordinatie", "de het", "1050", "xyzzy", "thuisverpleging ", "Schaerbeek", "wijkgezondheidscentrum", "CPAS",
               "pal*tief ", "zieken*uis "],
    }[language]
    return fixed + singles + prefixes + pairs


def _lunr_py_results(content_root: Path, language: str) -> dict[str, list[tuple[float, str]]]:
    """Each query's (-score, ref) pairs from lunr.py over the whole, unsharded index."""
    built = build_search_index(load_site_content(content_root), language)
    index = built.builder.build()
    queries = _queries([document.body for document in built.documents], language)
    return {text: sorted((-round(r["score"], 9), r["ref"]) for r in index.query(build_query(index.create_query(), text, language)))
            for text in queries}


def _browser_results(browser: Browser, site: Path, language: str, queries: list[str]) -> tuple[dict[str, list[tuple[float, str]]], list[str]]:
    """Each query's (-score, ref) pairs from lunr.js in Chromium, and the search files it requested."""
    found, requests = query_site(browser, site, language, queries)
    return {text: sorted((-round(score, 9), ref) for score, ref in pairs) for text, pairs in found.items()}, requests


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_browser_results_equal_lunr_py_results(browser: Browser, synthetic_site: tuple[Path, Path], language: str) -> None:
    content_root, site = synthetic_site
    expected = _lunr_py_results(content_root, language)
    actual, _ = _browser_results(browser, site, language, list(expected))
    mismatches = [text for text in expected if actual[text] != expected[text]]
    assert mismatches == []
    assert sum(1 for text in expected if expected[text]) >= len(expected) * 0.8, "too few queries found anything"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_small_chunks_give_the_scores_of_the_whole_index(browser: Browser, synthetic_site: tuple[Path, Path],
                                                         small_chunk_site: Path, language: str) -> None:
    content_root, _ = synthetic_site
    chunks = len(list((small_chunk_site / "search" / language).glob("terms-*.js")))
    assert chunks > 200
    expected = _lunr_py_results(content_root, language)
    actual, requests = _browser_results(browser, small_chunk_site, language, list(expected))
    assert [text for text in expected if actual[text] != expected[text]] == []
    loaded = {request for request in requests if f"/search/{language}/terms-" in request}
    assert 0 < len(loaded) < chunks  # only the chunks of the words asked for


LUNR_JS_SCRIPT = """
/* lunr.js itself: lunr.Index.load() of lunr.py's serialized index, queried with the worker's own clauses. */
self.onmessage = (function (receive) {
  return function (event) {
    if (event.data.type !== "lunr") return receive(event);
    var index = lunr.Index.load(JSON.parse(event.data.index)), found = {};
    event.data.texts.forEach(function (text) {
      found[text] = index.query(function (query) { buildQuery(query, text, event.data.language); })
        .map(function (result) { return [result.score, result.ref]; });
    });
    self.postMessage(found);
  };
})(self.onmessage);
"""


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_results_and_order_equal_lunr_js(browser: Browser, synthetic_site: tuple[Path, Path], small_chunk_site: Path, language: str) -> None:
    """lunr.js's scores and, for one word, its very order, ties included (several words: every word's results first);
    the header list's first results are the first of the whole list.

    Scores agree to 9 decimals: lunr adds a query's terms up in the order the index first met them, and
    the sharded index ships its terms sorted (their last bit can differ)."""
    content_root, _ = synthetic_site
    built = build_search_index(load_site_content(content_root), language)
    queries = _queries([document.body for document in built.documents], language)
    message = {"type": "lunr", "index": json.dumps(built.builder.build().serialize()), "texts": queries, "language": language}
    [lunr_js] = run_worker(browser, small_chunk_site, language, LUNR_JS_SCRIPT, [message])
    actual, _ = query_site(browser, small_chunk_site, language, queries)
    rounded = {text: [(round(score, 9), ref) for score, ref in pairs] for text, pairs in actual.items()}
    expected = {text: [(round(score, 9), ref) for score, ref in pairs] for text, pairs in lunr_js.items()}
    assert [text for text in queries if sorted(rounded[text]) != sorted(expected[text])] == []
    one_word = [text for text in queries if count_kept_words(text, language) <= 1]
    assert len(one_word) > 50
    assert [text for text in one_word if [ref for _, ref in rounded[text]] != [ref for _, ref in expected[text]]] == []
    first, _ = query_site(browser, small_chunk_site, language, queries, limit=DROPDOWN_LIMIT)
    assert [text for text in queries if first[text] != actual[text][:DROPDOWN_LIMIT]] == []
    assert len([text for text in queries if len(actual[text]) > DROPDOWN_LIMIT * 16]) >= 5  # the worker's one pass keeping the best


def test_a_whole_word_loads_one_chunk(browser: Browser, small_chunk_site: Path) -> None:
    with serve_site(small_chunk_site, prefix="/") as url, open_page(browser) as recorded:
        recorded.page.goto(f"{url}fr/index.html")
        found = recorded.page.evaluate("async () => (await bxSearch.query('palliatif ', 8)).results")
        requested = [request.rsplit("/search/", 1)[1] for request in recorded.requests if "/search/" in request]
    assert found and all(result["title"] and result["url"].endswith(".html") for result in found)
    assert len([name for name in requested if name.startswith("fr/terms-")]) == 1
    assert "fr-finder.js" not in requested and not any(name.startswith("fr/snippets-") for name in requested)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_stems_equal_lunr_languages(browser: Browser, synthetic_site: tuple[Path, Path], language: str) -> None:
    content_root, site = synthetic_site
    texts = [path.read_text(encoding="utf-8") for path in (REPO / "content" / "dossiers").glob(f"*.{language}.md")]
    texts += [f"{d.title} {d.keywords} {d.body}" for d in build_search_index(load_site_content(REPO / "content"), language).documents]
    words = sorted({word for text in texts for word in split_words(text) if word.isalpha()})
    with serve_site(site, prefix="/") as url, open_page(browser) as recorded:
        recorded.page.goto(f"{url}{language}/index.html")
        recorded.page.evaluate("() => bxSearch.load()")
        browser_stems = recorded.page.evaluate(
            """([words, language]) => new Promise(resolve => {
                const worker = new Worker(URL.createObjectURL(new Blob([window.__bxSearchEngine +
                  ';self.onmessage = e => self.postMessage(e.data.map(w => lunr[' + JSON.stringify(language) + '].stemmer(new lunr.Token(w)).toString()))'])));
                worker.onmessage = e => resolve(e.data);
                worker.postMessage(words);
            })""",
            [words, language],
        )
    different = [(word, expected, stem(word, language)) for word, expected in zip(words, browser_stems, strict=True) if stem(word, language) != expected]
    assert len(words) > 500
    assert different == []
