"""Open data exports, parsed back: JSON, CSV, vCard, and HSDS 3.1 against the official schemas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import vobject

from schemas.organization import Organization
from scripts.opendata.json_stream import json_chunks
from scripts.opendata.to_hsds import validate_hsds_service


def test_json_export_round_trips_into_the_model(built_fixture_site: Path) -> None:
    document = json.loads((built_fixture_site / "open-data" / "directory.json").read_text(encoding="utf-8"))
    assert document["metadata"]["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert len(document["metadata"]["generated"]) == 10
    organizations = [Organization.model_validate_json(json.dumps(entry)) for entry in document["organizations"]]
    assert sorted(org.id for org in organizations) == ["test-cpas-schaerbeek", "test-echappement-anderlecht", "test-soins-ixelles"]
    assert len(document["communes"]) == 19


def test_csv_export_opens_as_utf8_table(built_fixture_site: Path) -> None:
    raw = (built_fixture_site / "open-data" / "directory.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # byte-order mark: spreadsheets then read é and ë right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4  # one row per service
    row = next(r for r in rows if r["service_id"] == "test-soins-palliatifs")
    assert row["service_name_fr"] == "Équipe palliative à domicile"
    assert row["commune_nl"] == "Elsene" and row["postcode"] == "1050"
    assert row["phones"] == "02 555 12 34" and row["area_served"] == "21009 21013"
    metadata = json.loads((built_fixture_site / "open-data" / "directory.csv-metadata.json").read_text(encoding="utf-8"))
    assert metadata["dc:license"].endswith("/by/4.0/")
    assert [column["name"] for column in metadata["tableSchema"]["columns"]] == list(rows[0].keys())


def test_vcard_imports(built_fixture_site: Path) -> None:
    card = vobject.readOne((built_fixture_site / "nl" / "directory" / "entries" / "test-soins-ixelles.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "Zorg Test Elsene"
    assert card.tel.value == "+3225551234"
    assert card.adr.value.city == "Elsene" and card.adr.value.code == "1050" and card.adr.value.street == "Teststraat 1"
    assert card.email.value == "info@example.org"
    assert "Voorbeeldfiche" not in card.note.value and "gecontroleerde" in card.note.value  # example notice


def test_hsds_export_validates_against_official_schemas(built_fixture_site: Path) -> None:
    document = json.loads((built_fixture_site / "open-data" / "hsds-services.json").read_text(encoding="utf-8"))
    assert document["version"] == "3.1" and document["total_items"] == 4
    for service in document["contents"]:
        assert validate_hsds_service(service) == []
    service = next(s for s in document["contents"] if s["x_brusano"]["id"] == "test-soins-palliatifs")
    assert service["name"] == "Équipe palliative à domicile"
    assert service["x_brusano"]["translations"]["nl"]["name"] == "Palliatieve thuisequipe"
    location = service["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "1050" and location["addresses"][0]["country"] == "BE"
    assert [s["byday"] for s in location["schedules"]] == ["MO,TU,WE,TH,FR", "MO,TU,WE,TH,FR"]


def test_hsds_export_fills_fields_new_in_3_1(built_fixture_site: Path) -> None:
    """3.1's attribute.label carries the category's name, and additional_urls the pages that state the service."""
    text = (built_fixture_site / "open-data" / "hsds-services.json").read_text(encoding="utf-8")
    assert ": null" not in text  # empty optional fields are left out, never null
    services = {service["x_brusano"]["id"]: service for service in json.loads(text)["contents"]}
    debts = services["test-cpas-mediation-dettes"]
    assert [(url["url"], url["label"]) for url in debts["additional_urls"]] == [
        ("https://example.org/test-fixture-dettes", "Test fixture, debt mediation")]
    assert all(attribute["label"] == attribute["taxonomy_term"]["name"] for service in services.values() for attribute in service["attributes"])


def test_hsds_validation_reports_a_broken_service(built_fixture_site: Path) -> None:
    document = json.loads((built_fixture_site / "open-data" / "hsds-services.json").read_text(encoding="utf-8"))
    broken = dict(document["contents"][0], status="open", id="not-a-uuid", additional_urls=[{"id": "not-a-uuid"}])
    errors = validate_hsds_service(broken)
    assert any(error.startswith("status:") for error in errors)
    assert any(error.startswith("id:") for error in errors)
    assert "additional_urls/0: 'url' is a required property" in errors  # a 3.1 field: the 3.0 schemas would not see it
    assert "additional_urls/0/id: 'not-a-uuid' is not a 'uuid'" in errors


def test_editor_notes_are_never_published(built_fixture_site: Path) -> None:
    """The fixture entry's editor_notes marker appears in no built file: no page, export or search file."""
    holding = [path for path in built_fixture_site.rglob("*")
               if path.is_file() and path.suffix not in (".br", ".gz") and b"NOTE-FOR-EDITORS-ONLY" in path.read_bytes()]
    assert holding == []


@pytest.mark.parametrize("items", [[], [{"b": [1, {"c": "é\n"}], "a": None}], [{"x": 1}, [2, 3], "quatre"]])
def test_json_written_piece_by_piece_is_the_json_of_the_whole(items: list[object]) -> None:
    document = {"z": {"nested": [1, 2]}, "contents": None, "a": "premier"}
    whole = json.dumps({**document, "contents": items}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert "".join(json_chunks(document, "contents", iter(items))) == whole
