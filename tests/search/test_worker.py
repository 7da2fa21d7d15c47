"""The search worker's query handling: what a reader types around the words changes nothing, and
each keystroke's query is planned once."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.search.worker import count_kept_words, query_site, run_worker

SAME_RESULTS = {
    "fr": [
        ("aide de soins ", "aide soins "),  # stop words between the words
        ("soins à domicile ", "soins domicile "),
        ("maison de repos ", "maison repos "),
        ("soins & aide ", "soins aide "),  # a word of punctuation only
        ("soins d", "soins"),  # a stop word being typed
        ("soins de", "soins"),  # a stop word, typed to its end
        ("Soins à Domicile ", "soins domicile "),
        ("médecin généraliste ", "medecin generaliste "),
    ],
    "nl": [
        ("hulp aan huis ", "hulp huis "),
        ("zorg voor ouderen ", "zorg ouderen "),
        ("hulp bij het huishouden ", "hulp huishouden "),
        ("zorg - ouderen ", "zorg ouderen "),
        ("zorg voor", "zorg"),  # a stop word, typed to its end
        ("coördinatie thuiszorg ", "coordinatie thuiszorg "),
    ],
}
"""Pairs of texts that must give the same results in the same order (the first ones as typed, the second without what the index leaves out)."""

SAME_WORDS_IN_ANOTHER_ORDER = {
    "fr": [("aide soins ", "soins aide "), ("soins à domicile ", "domicile soins "), ("aide de soins ", "soins et aide ")],
    "nl": [("hulp aan huis ", "huis hulp "), ("zorg voor ouderen ", "ouderen zorg ")],
}


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_stop_words_case_accents_and_punctuation_change_no_result(browser: Browser, synthetic_site: tuple[Path, Path], language: str) -> None:
    _, site = synthetic_site
    pairs = SAME_RESULTS[language]
    found, _ = query_site(browser, site, language, sorted({text for pair in pairs for text in pair}))
    assert all(found[typed] for typed, _ in pairs)
    assert [typed for typed, plain in pairs if found[typed] != found[plain]] == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_word_order_changes_no_result(browser: Browser, synthetic_site: tuple[Path, Path], language: str) -> None:
    """The same results, ranked alike: the order may differ only among equal scores (lunr adds a document's fields in the order they matched)."""
    _, site = synthetic_site
    pairs = SAME_WORDS_IN_ANOTHER_ORDER[language]
    found, _ = query_site(browser, site, language, sorted({text for pair in pairs for text in pair}))

    def ranking(text: str) -> list[tuple[float, str]]:
        return sorted((round(score, 9), ref) for score, ref in found[text])

    assert [first for first, second in pairs if ranking(first) != ranking(second)] == []


COUNTING_SCRIPT = """
(function () {
  /* Count, from a text's first "search" message to its results: the words stemmed, the terms
   * handed over, and the handed-over terms that the hand-overs added to arrays reachable from the
   * worker's state other than the chunks themselves (copies of the loaded terms). */
  var counts = { stemmed: 0, copied: 0, handed: 0 }, handedTerms = new Set(), lastText = null;
  var receive = self.onmessage, post = self.postMessage.bind(self);
  ["stemmer-fr", "stemmer-nl"].forEach(function (label) {
    var stem = lunr.Pipeline.registeredFunctions[label];
    var counted = function (token, i, tokens) { counts.stemmed += 1; return stem(token, i, tokens); };
    counted.label = label;
    lunr.Pipeline.registeredFunctions[label] = counted;
  });
  /* How many items of the arrays reachable from the worker's state, the chunks aside, are handed-over terms. */
  function handedTermsOutsideChunks() {
    var chunks = new Set(state.chunks), visited = new Set(), stack = [state], held = 0;
    while (stack.length) {
      var value = stack.pop();
      if (visited.has(value) || chunks.has(value) || ArrayBuffer.isView(value)) continue;
      visited.add(value);
      var items = value instanceof Map || value instanceof Set ? Array.from(value.entries()).flat() : Object.values(value);
      for (var item of items) {
        if (Array.isArray(value) && handedTerms.has(item)) held += 1;
        if (item !== null && typeof item === "object") stack.push(item);
      }
    }
    return held;
  }
  self.onmessage = function (event) {
    var message = event.data;
    if (message.type === "search" && message.text !== lastText) { counts = { stemmed: 0, copied: 0, handed: 0 }; lastText = message.text; }
    if (message.type !== "chunks") return receive(event);
    Object.keys(message.chunks).forEach(function (n) {
      var terms = JSON.parse(message.chunks[n]).terms;
      counts.handed += terms.length;
      terms.forEach(function (term) { handedTerms.add(term); });
    });
    var before = handedTermsOutsideChunks();
    receive(event);
    counts.copied += handedTermsOutsideChunks() - before;
  };
  self.postMessage = function (message) { if (message.type === "results") message.counts = counts; post(message); };
})();
"""


def _keystrokes(*texts: str) -> list[str]:
    """Return what the search box holds after each key while the texts are typed, one after the other."""
    return [text[:end] for text in texts for end in range(1, len(text) + 1)]


@pytest.mark.parametrize(("language", "texts"), [("fr", ("soins à domicile ", "co", "aide de soins")), ("nl", ("hulp aan huis", "ouderen zorg"))])
def test_a_keystroke_stems_each_word_once(browser: Browser, small_chunk_site: Path, language: str, texts: tuple[str, ...]) -> None:
    keystrokes = _keystrokes(*texts)
    replies = run_worker(browser, small_chunk_site, language, COUNTING_SCRIPT,
                         [{"type": "search", "id": 1, "text": text, "limit": 8} for text in keystrokes])
    assert [reply["type"] for reply in replies] == ["results"] * len(keystrokes)
    assert len([reply for reply in replies if reply["counts"]["handed"]]) >= 4  # keystrokes that loaded chunks, then asked again
    stemmed = {text: reply["counts"]["stemmed"] for text, reply in zip(keystrokes, replies, strict=True)}
    assert stemmed == {text: count_kept_words(text, language) for text in keystrokes}


def test_handing_over_chunks_copies_no_loaded_term(browser: Browser, small_chunk_site: Path) -> None:
    keystrokes = _keystrokes("soins palliatifs ", "re", "co", "de la", "aide")
    replies = run_worker(browser, small_chunk_site, "fr", COUNTING_SCRIPT,
                         [{"type": "search", "id": 1, "text": text, "limit": 8} for text in keystrokes])
    handed = sum(reply["counts"]["handed"] for reply in replies)
    assert len([reply for reply in replies if reply["counts"]["handed"]]) >= 8 and handed > 150
    assert {text: reply["counts"]["copied"] for text, reply in zip(keystrokes, replies, strict=True) if reply["counts"]["copied"]} == {}
