"""lunr.py (build time) and lunr.js + lunr-languages (browser) agree: same words, same results."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.build import build_site
from scripts.check import load_valid_content
from scripts.devtools.bench_corpus import generate_corpus
from scripts.devtools.static_server import serve_site
from scripts.search.index import build_search_index, write_search_files
from scripts.search.pipeline import WORD_CHARACTERS, build_query, load_stop_words, split_words, stem
from tests.browser.pages import open_page
from tests.conftest import REPO

LUNR_LANGUAGES = REPO / "node_modules" / "lunr-languages"


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


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A 300-service synthetic corpus, built: (content folder, site folder)."""
    workspace = tmp_path_factory.mktemp("parity")
    content_root = generate_corpus(workspace, services=300, dossiers=20, templates=10)
    site = workspace / "site"
    build_site(content_root, site, quiet=True)
    return content_root, site


def _queries(bodies: list[str], language: str) -> list[str]:
    rng = random.Random(11)
    vocabulary = sorted({word for body in bodies[:80] for word in split_words(body) if len(word) > 3 and word.isalpha()})
    singles = rng.sample(vocabulary, 40)
    prefixes = [word[: rng.randint(2, 5)] for word in rng.sample(vocabulary, 15)]
    pairs = [" ".join(rng.sample(vocabulary, 2)) for _ in range(15)]
    fixed = {
        "fr": ["médecin généraliste", "medecin generaliste", "l'hôpital", "hopitaux", "soins palliatifs ", "CPAS Schaarbeek",
               "ocmw", "MRS", "maison de repos", "personnes âgées", "de la", "1030", "xyzzy", "aide-ménagère", "Ixelles"],
        "nl": ["huisarts", "ziekenhuizen", "palliatieve zorg", "palliatief", "woonzorgcentrum", "OCMW Elsene", "coördinatie",
               "coordinatie", "de het", "1050", "xyzzy", "thuisverpleging ", "Schaerbeek", "wijkgezondheidscentrum", "CPAS"],
    }[language]
    return fixed + singles + prefixes + pairs


@pytest.fixture(scope="module")
def small_chunk_site(synthetic_site: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic site again, its index cut into chunks of a few terms (hundreds of them)."""
    content_root, site = synthetic_site
    copy = shutil.copytree(site, tmp_path_factory.mktemp("small-chunks") / "site")
    shutil.rmtree(copy / "search")
    write_search_files(load_valid_content(content_root), copy, REPO / "node_modules", chunk_characters=300)
    return copy


def _lunr_py_results(content_root: Path, language: str) -> dict[str, list[tuple[float, str]]]:
    """Each query's (-score, ref) pairs from lunr.py over the whole, unsharded index."""
    built = build_search_index(load_valid_content(content_root), language)
    index = built.builder.build()
    queries = _queries([document.body for document in built.documents], language)
    return {text: sorted((-round(r["score"], 9), r["ref"]) for r in index.query(build_query(index.create_query(), text, language)))
            for text in queries}


def _browser_results(browser: Browser, site: Path, language: str, queries: list[str]) -> tuple[dict[str, list[tuple[float, str]]], list[str]]:
    """Each query's (-score, ref) pairs from lunr.js in Chromium, and the search files it requested."""
    with serve_site(site, prefix="/") as url, open_page(browser) as recorded:
        recorded.page.goto(f"{url}{language}/index.html")
        actual_raw = recorded.page.evaluate(
            """async (queries) => {
                const out = {};
                for (const q of queries) { out[q] = (await bxSearch.query(q, 100000)).results.map(r => [r.score, r.ref]); }
                return out;
            }""",
            queries,
        )
        requests = [request for request in recorded.requests if "/search/" in request]
    return {text: sorted((-round(score, 9), ref) for score, ref in pairs) for text, pairs in actual_raw.items()}, requests


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
    texts += [f"{d.title} {d.keywords} {d.body}" for d in build_search_index(load_valid_content(REPO / "content"), language).documents]
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
