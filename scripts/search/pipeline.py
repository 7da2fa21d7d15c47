"""Text processing for search, the same in lunr.py (index) and lunr.js + lunr-languages (browser).

The functions carry lunr-languages' labels (trimmer-fr, stopWordFilter-fr, accentFold-fr,
stemmer-fr, and the -nl ones), so the browser runs lunr-languages' own code under the same
names. The French order is lunr-languages' own; Dutch gets the same accent fold before its
stemmer so that "coordinatie" finds "coördinatie".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.token import Token

from schemas.common import LANGUAGES, Language

DATA = Path(__file__).parent / "stopwords"

WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
    "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e\u2160-\u2188"
    "\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06"
    "\uff21-\uff3a\uff41-\uff5a"
)
"""lunr-languages' wordCharacters (identical for fr and nl); the trimmer adds 0-9, as it does."""

WORD_SEPARATOR = re.compile(r"[\s\-'’‘ʼ`´/]+")
"""Where text splits into words: spaces, hyphens, apostrophes (l'hôpital), slashes. Same in search.js."""

_TRIM_START = re.compile(f"^[^{WORD_CHARACTERS}0-9]+")
_TRIM_END = re.compile(f"[^{WORD_CHARACTERS}0-9]+$")
_FOLDS = (
    ("àáâäÀÁÂÄ", "a"), ("çÇ", "c"), ("éèêëÉÈÊË", "e"), ("îïÎÏ", "i"), ("ôöÔÖ", "o"),
    ("ùûüÙÛÜ", "u"), ("\u0178ÿ", "y"), ("æÆ", "ae"), ("œŒ", "oe"),
)
"""lunr-languages' accentFoldTerm (lunr.fr.js), character for character."""
_FOLD_TABLE = {ord(char): target for chars, target in _FOLDS for char in chars}
_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "nl": snowballstemmer.stemmer("dutch")}
"""The Snowball algorithms of lunr-languages' time: snowballstemmer 2.2 (pinned) gives its stems;
3.x changed French (palais, polonaises) and renamed this Dutch algorithm dutch_porter."""


def split_words(text: str) -> list[str]:
    """Return the lowercase words of a text, as the index and the browser split them."""
    return [word for word in WORD_SEPARATOR.split(text.lower()) if word]


def trim(word: str) -> str:
    """Remove leading and trailing characters that are not letters or digits."""
    return _TRIM_END.sub("", _TRIM_START.sub("", word))


def fold_accents(word: str) -> str:
    """Replace accented letters as lunr-languages' French accent fold does."""
    return word.translate(_FOLD_TABLE)


@lru_cache(maxsize=None)
def load_stop_words(language: Language) -> frozenset[str]:
    """Return lunr-languages' stop words of a language (shipped in scripts/search/stopwords/)."""
    return frozenset((DATA / f"stopwords-{language}.txt").read_text(encoding="utf-8").split())


@lru_cache(maxsize=200_000)
def stem(word: str, language: Language) -> str:
    """Return the Snowball stem of a word, as lunr-languages gives it (memoised: stemming is most of the build time)."""
    return str(_STEMMERS[language].stemWord(word))


def _token_function(label: str, transform: Callable[[str], str]) -> Callable[..., Any]:
    def pipeline_function(token: Token, i: int, tokens: list[Token]) -> Token | None:
        result = token.update(lambda text, metadata=None: transform(text))
        return result if str(result) else None

    Pipeline.register_function(pipeline_function, label)
    return pipeline_function


def _stop_word_function(language: Language) -> Callable[..., Any]:
    stop_words = load_stop_words(language)

    def stop_word_filter(token: Token, i: int, tokens: list[Token]) -> Token | None:
        return None if str(token) in stop_words else token

    Pipeline.register_function(stop_word_filter, f"stopWordFilter-{language}")
    return stop_word_filter


PIPELINES: dict[Language, tuple[list[Callable[..., Any]], list[Callable[..., Any]]]] = {}
"""Per language: (index pipeline, search pipeline) of lunr pipeline functions."""

_accent_fold = _token_function("accentFold-fr", fold_accents)
for _language in LANGUAGES:
    _trimmer = _token_function(f"trimmer-{_language}", trim)
    _stemmer = _token_function(f"stemmer-{_language}", lambda word, _l=_language: stem(word, _l))
    PIPELINES[_language] = (
        [_trimmer, _stop_word_function(_language), _accent_fold, _stemmer],
        [_trimmer, _accent_fold, _stemmer],
    )


def build_query(query: Query, text: str, language: Language) -> Query:
    """Add the clauses of a typed text to a lunr query, as search.js does in the browser.

    Every word is matched through the search pipeline (stemmed, folded); the last word, while
    it is being typed, also matches as a prefix. Stop words are left out when other words remain.
    """
    words = [(word, fold_accents(trim(word))) for word in split_words(text)]
    words = [(word, folded) for word, folded in words if folded]
    stop_words = load_stop_words(language)
    meaningful = [(word, folded) for word, folded in words if trim(word) not in stop_words]
    words = meaningful or words
    typing_last_word = bool(text) and not WORD_SEPARATOR.match(text[-1])
    for position, (word, folded) in enumerate(words):
        query.term(word, use_pipeline=True, boost=10)
        if typing_last_word and position == len(words) - 1 and len(folded) >= 2:
            query.term(folded, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=1)
    return query
