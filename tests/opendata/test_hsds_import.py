"""HSDS 3.0 and 3.1 import: the official examples (JSON and CSV), a Brussels record, a round trip, the version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts import hsds_import
from scripts.opendata import from_hsds
from scripts.opendata.to_hsds import validate_hsds_service
from scripts.pipeline import build_site, load_site_content
from tests.conftest import REPO

EXAMPLES = REPO / "tests" / "fixtures" / "hsds-3.0" / "examples"
EXAMPLES_3_1 = REPO / "tests" / "fixtures" / "hsds-3.1" / "examples"
NOT_IN_BRUSSELS = (
    "service ac148810-d857-441c-9679-408f346de14b ('Community Counselling'): location 3a19ff88-4620-4d17-9830-ac1d859eb5d5: "
    "address '1-30 Main Street', ABC 1234 'MyCity' (US) is not in the Brussels-Capital Region"
)


NO_LOCATION = "service ac148810-d857-441c-9679-408f346de14b ('Community Counselling'): no location in the Brussels-Capital Region"


@pytest.mark.parametrize(("source", "reason"), [
    (EXAMPLES / "service_full.json", NOT_IN_BRUSSELS),
    (EXAMPLES / "service_list.json", NO_LOCATION),  # the list form carries no locations
    (EXAMPLES / "csv" / "datapackage.json", NOT_IN_BRUSSELS),
    (EXAMPLES_3_1 / "service_full.json", NOT_IN_BRUSSELS),  # 3.1 adds fields the mapping does not need
], ids=["3.0-full", "3.0-list", "3.0-csv", "3.1-full"])
def test_official_examples_are_reported_record_by_record(capsys: pytest.CaptureFixture[str], tmp_path: Path, source: Path, reason: str) -> None:
    status = hsds_import.main([str(source), "--output", str(tmp_path / "out"), "--category", "mental-health-service"])
    output = capsys.readouterr().out
    assert status == 1
    assert f"  - {reason}" in output.splitlines()
    assert output.splitlines()[-1] == "0 file(s) written"


@pytest.mark.parametrize("examples", [EXAMPLES, EXAMPLES_3_1], ids=["3.0", "3.1"])
def test_example_moved_to_brussels_imports_with_what_to_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, scratch_content: Path, examples: Path,
) -> None:
    service = json.loads((examples / "service_full.json").read_text(encoding="utf-8"))
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    address.update(address_1="Rue de Test 12", postal_code="1050", city="Ixelles", country="BE", address_type="physical")
    source = tmp_path / "brussels.json"
    source.write_text(json.dumps(service), encoding="utf-8")
    status = hsds_import.main([str(source), "--content", str(scratch_content), "--category", "mental-health-service"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0] == "imported: 1"
    assert "  - service ac148810-d857-441c-9679-408f346de14b ('Community Counselling'): service name: copied into both languages, to be translated into Dutch" in lines
    assert any("the point 100.0, 101.0 is outside the Region, left out" in line for line in lines)
    written = sorted((scratch_content / "directory").glob("example-organization-inc-*.yaml"))
    assert len(written) == 1
    content = load_site_content(scratch_content)  # the imported file passes validation
    imported = next(entry.model for entry in content.organizations if entry.model.id == written[0].stem)
    assert imported.locations[0].address.commune == 21009
    assert imported.locations[0].address.street.fr == "Rue de Test" and imported.locations[0].address.number == "12"


@pytest.mark.parametrize("version", ["3.0", "3.1", "3.1.2", ""])
def test_documents_of_hsds_3_0_and_3_1_are_read(tmp_path: Path, version: str) -> None:
    source = tmp_path / "services.json"
    source.write_text(json.dumps({"version": version, "contents": [{"id": "s"}]}), encoding="utf-8")
    assert from_hsds.read_services(source) == [{"id": "s"}]


def test_another_hsds_version_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "services.json"
    source.write_text(json.dumps({"version": "2.0", "contents": []}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"services.json: version: expected HSDS 3.0 or 3.1 but the file declares '2.0'$"):
        from_hsds.read_services(source)


def test_the_import_command_says_which_version_it_refuses_without_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "services.json"
    source.write_text(json.dumps({"version": "2.0", "contents": []}), encoding="utf-8")
    assert hsds_import.main([str(source), "--output", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip().endswith("expected HSDS 3.0 or 3.1 but the file declares '2.0'")


def test_round_trip_export_import_build_export(tmp_path: Path, built_fixture_site: Path, scratch_content: Path) -> None:
    exported = built_fixture_site / "open-data" / "hsds-services.json"
    original = {entry.model.id: entry.model for entry in load_site_content(scratch_content).organizations}
    shutil.rmtree(scratch_content / "directory")
    content_before = load_site_content(REPO / "content")  # taxonomy and communes for the mapping
    organizations, report = from_hsds.import_services(content_before, from_hsds.read_services(exported))
    assert report.skipped == [] and report.warnings == []
    from_hsds.write_organizations(organizations, scratch_content / "directory")
    imported = {entry.model.id: entry.model for entry in load_site_content(scratch_content).organizations}
    assert sorted(imported) == sorted(original)
    for org_id, model in original.items():
        again = imported[org_id]
        assert (again.name, again.description, again.example, again.website, again.email) == (model.name, model.description, model.example, model.website, model.email)
        assert [p.number for p in again.phones] == [p.number for p in model.phones]
        assert [(loc.address, loc.coordinates) for loc in again.locations] == [(loc.address, loc.coordinates) for loc in model.locations]
        assert [loc.hours.regular if loc.hours else [] for loc in again.locations] == [loc.hours.regular if loc.hours else [] for loc in model.locations]
        assert [(s.id, s.name, s.description, s.categories) for s in again.services] == [(s.id, s.name, s.description, s.categories) for s in model.services]
    site = tmp_path / "site"
    build_site(scratch_content, site, quiet=True)
    for service in json.loads((site / "open-data" / "hsds-services.json").read_text(encoding="utf-8"))["contents"]:
        assert validate_hsds_service(service) == []
