"""Cut a language's compact index into the files the browser loads only when it needs them.

- `search/<lang>.js`, the root, loaded when the search box gets the focus: what scoring needs for
  every document (their number, the field lengths and boosts), where each type of document starts,
  and the first term of each chunk;
- `search/<lang>/terms-<n>.js`, the chunks: consecutive runs of the sorted terms with their
  postings, a few KB gzip each; the worker asks for the chunks of the words being typed (and, for
  the word being typed, of every term it begins);
- `search/<lang>/docs-<n>.js`: what a result line shows (title, page, commune), by block of
  documents, loaded for the results shown;
- `search/<lang>/snippets-<n>.js`: the snippets' source texts, by block, loaded after the results.

A term's postings and a document's lengths are whole in one file, so the worker computes lunr's
BM25 weights exactly as lunr does over the full index (tests/search/test_parity.py).
"""

from __future__ import annotations

import json
from typing import Any

CHUNK_CHARACTERS = 12_000
"""Target size of a chunk in JSON characters (about 4 KB gzip); a term whose postings are larger
gets a chunk of its own."""
DOCUMENT_BLOCK = 64
"""Documents per docs-<n>.js file (about 2 KB gzip): a dropdown of 8 results needs at most 8."""
SNIPPET_BLOCK = 32
"""Documents per snippets-<n>.js file (about 5 KB gzip)."""


def chunk_terms(terms: list[str], postings: list[list[int]], chunk_characters: int) -> list[tuple[int, int]]:
    """Return the [start, end) term positions of each chunk, cut when a chunk reaches chunk_characters."""
    bounds, start, size = [], 0, 0
    for position, (term, entry) in enumerate(zip(terms, postings, strict=True)):
        cost = len(term) + len(json.dumps(entry, separators=(",", ":"))) + 4
        if size and size + cost > chunk_characters:
            bounds.append((start, position))
            start, size = position, 0
        size += cost
    if terms:
        bounds.append((start, len(terms)))
    return bounds


def type_ranges(store: list[list[Any]]) -> list[list[Any]]:
    """Return [[type, first position] ...]: documents come grouped by type (services first)."""
    ranges: list[list[Any]] = []
    for position, entry in enumerate(store):
        if not ranges or ranges[-1][0] != entry[0]:
            if any(kind == entry[0] for kind, _ in ranges):
                raise ValueError(f"documents of type {entry[0]!r} are not consecutive (position {position})")
            ranges.append([entry[0], position])
    return ranges


def shard_index(compact: dict[str, Any], snippets: list[str], *, chunk_characters: int = CHUNK_CHARACTERS) -> dict[str, Any]:
    """Return the data of each file, by name under search/ without ".js": the root (the language's
    code), then "<lang>/terms-<n>", "<lang>/docs-<n>" and "<lang>/snippets-<n>"."""
    language, terms, postings, store = compact["language"], compact["terms"], compact["postings"], compact["store"]
    bounds = chunk_terms(terms, postings, chunk_characters)
    root = {
        "version": 3,
        "language": language,
        "fields": compact["fields"],
        "documents": len(store),
        "lengths": compact["lengths"],
        "types": type_ranges(store),
        "paths": compact["paths"],
        "chunks": [terms[start] for start, _ in bounds],
        "blocks": {"docs": DOCUMENT_BLOCK, "snippets": SNIPPET_BLOCK},
    }
    files: dict[str, Any] = {language: root}
    for number, (start, end) in enumerate(bounds):
        files[f"{language}/terms-{number}"] = {"start": start, "terms": terms[start:end], "postings": postings[start:end]}
    for number, start in enumerate(range(0, len(store), DOCUMENT_BLOCK)):
        files[f"{language}/docs-{number}"] = [entry[1:] for entry in store[start:start + DOCUMENT_BLOCK]]
    for number, start in enumerate(range(0, len(snippets), SNIPPET_BLOCK)):
        files[f"{language}/snippets-{number}"] = snippets[start:start + SNIPPET_BLOCK]
    return files
