"""The finder's data: named fields, every value a model accepts reaches the finder and has a label,
and row i is search document i."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import get_args

import pytest
from bs4 import BeautifulSoup

from schemas.common import LANGUAGES
from schemas.organization import Accessibility, AccessMode, CostKind, NewClientsState, Verification
from schemas.taxonomy import CareLevel
from scripts.editors.coverage import measure_coverage
from scripts.opendata.exports import export_csv
from scripts.opendata.to_hsds import export_service
from scripts.pages.entry_page import render_entry_page
from scripts.pages.helpers import PageHelpers
from scripts.pages.site_text import DYNAMIC_UI_KEYS, REQUIRED_UI_KEYS, SEARCH_RESULT_TYPES
from scripts.pipeline import load_site_content
from scripts.search.finder_rows import COMMUNE_FIELDS, PLACE_FIELDS, ROW_FIELDS, finder_data
from scripts.search.index import check_rows_match_documents, collect_documents
from scripts.search.list_data import list_data
from tests.conftest import write_scratch_content

MODEL_LISTS = {
    "cost_": get_args(CostKind),
    "access_": get_args(Accessibility),
    "access_mode_": get_args(AccessMode),
    "verification_": get_args(Verification),
    "level_": tuple(str(level) for level in get_args(CareLevel)),
    "new_clients_": get_args(NewClientsState),
}
"""Each value list a model accepts, and the prefix of the labels its values take."""


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return load_site_content(write_scratch_content(tmp_path_factory.mktemp("finder-data")))


@pytest.mark.parametrize("prefix", sorted(MODEL_LISTS))
def test_every_value_a_model_accepts_has_a_label_in_both_languages(content, prefix: str) -> None:  # type: ignore[no-untyped-def]
    assert DYNAMIC_UI_KEYS[prefix] == MODEL_LISTS[prefix]
    for value in MODEL_LISTS[prefix]:
        assert prefix + value in REQUIRED_UI_KEYS
        assert all(content.ui[prefix + value].get(language) for language in LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cost_kind_is_a_finder_choice_with_its_label(content, language: str) -> None:  # type: ignore[no-untyped-def]
    data = finder_data(content, language)  # type: ignore[arg-type]
    assert [kind for kind, _ in data["costs"]] == list(get_args(CostKind))
    assert all(text and not text.startswith("cost_") for _, text in data["costs"])
    assert data["serviceType"] == SEARCH_RESULT_TYPES["service"][0]


def test_rows_places_and_communes_name_their_fields(content) -> None:  # type: ignore[no-untyped-def]
    data = finder_data(content, "fr")
    assert data["fields"] == {"row": ROW_FIELDS, "place": PLACE_FIELDS, "commune": COMMUNE_FIELDS}
    assert all(len(row) == len(ROW_FIELDS) for row in data["rows"])
    places = [place for row in data["rows"] for place in row[ROW_FIELDS.index("places")]]
    assert places and all(len(place) == len(PLACE_FIELDS) for place in places)
    assert all(len(commune) == len(COMMUNE_FIELDS) for commune in data["communes"])


def test_row_i_is_search_document_i(content) -> None:  # type: ignore[no-untyped-def]
    data = finder_data(content, "fr")
    documents = collect_documents(content, "fr")
    check_rows_match_documents(data, documents)
    swapped = [documents[1], documents[0], *documents[2:]]
    with pytest.raises(ValueError, match="finder row 0 is"):
        check_rows_match_documents(data, swapped)
    with pytest.raises(ValueError, match="rows but"):
        check_rows_match_documents(data, [replace(documents[0], kind="page"), *documents[1:]])


def test_the_build_refuses_rows_out_of_step_with_the_documents(content, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from scripts.search import index

    monkeypatch.setattr(index, "finder_data", lambda *args: {**finder_data(*args), "rows": finder_data(*args)["rows"][::-1]})
    with pytest.raises(ValueError, match="finder row"):
        index.build_search_index(content, "fr")


def test_the_filter_words_reach_the_finder(content) -> None:  # type: ignore[no-untyped-def]
    data = finder_data(content, "fr")
    assert set(data["filterWords"]) == set(type(content.taxonomy.filter_words).model_fields)
    assert "sans papiers" in data["filterWords"]["papers"]


def test_a_service_without_public_address_shows_none_of_its_organisations(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = write_scratch_content(tmp_path)
    entry = root / "directory" / "test-cpas-schaerbeek.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "    categories: [general-social-work]\n", "    categories: [general-social-work]\n    no_public_address: true\n"), encoding="utf-8")
    content = load_site_content(root)
    org = next(entry.model for entry in content.organizations if entry.model.id == "test-cpas-schaerbeek")
    aid, debts = org.services
    assert org.service_locations(aid) == org.locations and org.service_locations(debts) == []
    rows = {row[ROW_FIELDS.index("id")]: row for row in finder_data(content, "fr")["rows"]}
    assert rows[aid.id][ROW_FIELDS.index("places")] and rows[debts.id][ROW_FIELDS.index("places")] == []
    steps = list_data(content, "fr")["services"]
    assert steps[aid.id]["addresses"] and steps[debts.id]["addresses"] == []
    assert export_service(content, org, debts).get("service_at_locations", []) == []
    assert export_service(content, org, aid)["service_at_locations"]
    schaerbeek = next(commune for commune in measure_coverage(content).communes if commune.nis_code == 21015)
    assert schaerbeek.located_services == 1  # the CPAS's social aid only
    helpers = PageHelpers(content, "fr", "", {})
    located, _, _ = helpers.commune_services(21015)
    assert (org, aid) in located and (org, debts) not in located
    assert str(helpers.service_line(org, debts)).endswith(": sans adresse publique")
    rows = {row["service_id"]: row for row in csv.DictReader(io.StringIO(export_csv(content).lstrip("\ufeff")))}
    assert rows[debts.id]["commune_nis"] == "" and rows[aid.id]["commune_nis"] == "21015"
    items = [" ".join(item.get_text(" ").split()) for item in BeautifulSoup(render_entry_page(content, "fr", org).body, "html.parser").find_all("li")]
    assert "Lieux d'accueil : sans adresse publique" in items
