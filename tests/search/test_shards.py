"""The sharded index holds the whole compact index: cut into chunks, blocks and a root, nothing lost."""

from __future__ import annotations

import pytest

from scripts.search.shards import DOCUMENT_BLOCK, SNIPPET_BLOCK, chunk_terms, shard_index, type_ranges


def _compact(terms: int, documents: int) -> dict[str, object]:
    kinds = ["s"] * (documents - 3) + ["d", "t", "p"]
    return {
        "language": "fr",
        "fields": [["title", 10], ["keywords", 5], ["body", 1]],
        "terms": [f"term{number:04d}" for number in range(terms)],
        "postings": [[2, 2, number % 7 + 1, 1] for number in range(terms)],
        "lengths": [[1] * documents, [2] * documents, [3] * documents],
        "paths": {"s": "directory/entries/", "d": "dossiers/", "t": "documents/", "p": ""},
        "store": [[kind, f"Title {position}", f"page-{position}", ""] for position, kind in enumerate(kinds)],
    }


def test_shards_reassemble_into_the_compact_index() -> None:
    compact = _compact(terms=500, documents=150)
    snippets = [f"text {position}" for position in range(150)]
    files = shard_index(compact, snippets, chunk_characters=400)
    root = files["fr"]
    chunks = [files[f"fr/terms-{number}"] for number in range(len(root["chunks"]))]
    assert len(chunks) > 10
    assert [term for chunk in chunks for term in chunk["terms"]] == compact["terms"]
    assert [entry for chunk in chunks for entry in chunk["postings"]] == compact["postings"]
    assert [chunk["start"] for chunk in chunks] == [compact["terms"].index(first) for first in root["chunks"]]  # type: ignore[attr-defined]
    docs = [entry for number in range(-(-150 // DOCUMENT_BLOCK)) for entry in files[f"fr/docs-{number}"]]
    assert docs == [entry[1:] for entry in compact["store"]]  # type: ignore[attr-defined]
    assert [text for number in range(-(-150 // SNIPPET_BLOCK)) for text in files[f"fr/snippets-{number}"]] == snippets
    assert root["documents"] == 150 and root["lengths"] == compact["lengths"]
    assert root["types"] == [["s", 0], ["d", 147], ["t", 148], ["p", 149]]


def test_a_term_larger_than_a_chunk_gets_a_chunk_of_its_own() -> None:
    terms = ["a", "b", "c"]
    postings = [[2, 1, 1], [2, 200, *([1] * 200)], [2, 1, 1]]
    assert chunk_terms(terms, postings, 100) == [(0, 1), (1, 2), (2, 3)]
    assert chunk_terms(terms, postings, 10_000) == [(0, 3)]
    assert chunk_terms([], [], 100) == []


def test_types_must_come_grouped() -> None:
    with pytest.raises(ValueError, match="documents of type 's' are not consecutive"):
        type_ranges([["s", "", "", ""], ["d", "", "", ""], ["s", "", "", ""]])
