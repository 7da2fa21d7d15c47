"""Orientation in the model: bassins, care levels, how to get in, helplines; each bad value reported at its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from schemas.organization import Address
from scripts import build
from scripts.content.errors import Problems
from scripts.content.load import load_content
from scripts.editors.report import build_report
from scripts.opendata.to_hsds import export_service, validate_hsds_service
from tests.content.test_validation import run_check


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _address(postcode: str, commune: int) -> Address:
    return Address.model_validate({"street": {"fr": "Rue", "nl": "Straat"}, "number": "1", "postcode": postcode, "commune": commune})


def test_bassin_comes_from_the_commune_or_a_deciding_postcode_never_a_guess(scratch_content: Path) -> None:
    content = load_content(scratch_content, Problems())
    assert content is not None
    ids = lambda address: [bassin.id for bassin in content.address_bassins(address)]  # noqa: E731
    assert ids(_address("1030", 21015)) == ["nord-est"]
    assert ids(_address("1020", 21004)) == ["nord"]  # Laeken
    assert ids(_address("1000", 21004)) == ["nord", "centre-ouest", "sud"]  # several bassins: the sources do not decide
    assert ids(_address("1050", 21004)) == ["nord", "centre-ouest", "sud"]
    assert [bassin.id for bassin in content.commune_bassins(21009)] == ["sud"]


CASES = [
    ("bassins.yaml", "communes: [21003, 21008, 21010, 21011]", "communes: [21003, 21008, 21010, 21011, 21099]",
     "content/bassins.yaml:10:44: bassins[0].communes[4]: unknown commune NIS code 21099"),
    ("bassins.yaml", 'postcodes: ["1020", "1120", "1130"]', 'postcodes: ["1020", "1120", "1190"]',
     "content/bassins.yaml:13:37: bassins[0].parts[0].postcodes[2]: 1190 is not a postcode of Bruxelles"),
    ("taxonomy.yaml", "    level: 2\n    name: {fr: Plate-forme", "    level: 5\n    name: {fr: Plate-forme",
     "content/taxonomy.yaml:"),
    ("directory/test-cpas-schaerbeek.yaml", "modes: [walk-in, appointment]", "modes: [walk-in, drop-in]",
     "content/directory/test-cpas-schaerbeek.yaml:20:24: services[0].access.modes[1]: Input should be 'walk-in', 'appointment', 'referral' or 'prescription'"),
    ("directory/test-cpas-schaerbeek.yaml", "checked: 2026-11-02", "checked: 2999-11-02",
     "content/directory/test-cpas-schaerbeek.yaml:26:47: services[0].access.new_clients.checked: the date 2999-11-02 is in the future"),
    ("directory/test-cpas-schaerbeek.yaml", "modes: [walk-in, appointment]\n", "modes: [walk-in, appointment]\n      referral_by: {fr: Le médecin., nl: De arts.}\n",
     "content/directory/test-cpas-schaerbeek.yaml:19:5: services[0].access: referral_by is given but modes does not contain referral"),
    ("directory/test-cpas-schaerbeek.yaml", 'sources:\n  - url: https://example.org/test-fixture\n    title: Test fixture\n    date: 2023-06-01\n    read: 2026-09-15\n    supports: [description, phones, address, languages, test-cpas-aide-sociale, test-cpas-aide-sociale.access]\n  - url: https://example.org/test-fixture-dettes\n    title: Test fixture, debt mediation\n    read: 2026-09-15\n    supports: [test-cpas-mediation-dettes]\n'
     '  - url: https://example.org/test-fixture-annual-report\n    title: Test fixture, an annual report that shows only its month\n'
     '    date: 2019-03\n    read: 2026-09-15\n    supports: [description]\n',
     "sources: []\n", "content/directory/test-cpas-schaerbeek.yaml:33:1: sources: a real entry needs at least one source"),
    ("directory/test-cpas-schaerbeek.yaml", "date: 2023-06-01", "date: 2026-10-01",
     "content/directory/test-cpas-schaerbeek.yaml:32:16: last_verified: last_verified 2026-09-15 is older than sources[0], dated 2026-10-01"),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES, ids=[
    "unknown-commune", "postcode-elsewhere", "level", "access-mode", "future-check", "referral-without-mode", "no-source", "source-newer"])
def test_bad_orientation_values_are_reported_with_line_field_and_fix(
        capsys: pytest.CaptureFixture[str], scratch_content: Path, file: str, old: str, new: str, expected: str) -> None:
    _replace(scratch_content / file, old, new)
    status, lines = run_check(capsys, scratch_content)
    problems = [line for line in lines if line.startswith("content/")]
    assert status == 1
    assert len(problems) == 1 and problems[0].startswith(expected), "\n".join(lines)
    assert lines[lines.index(problems[0]) + 1].startswith("    fix: ")


def test_a_commune_left_out_of_every_bassin_is_reported(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    _replace(scratch_content / "bassins.yaml", "communes: [21002, 21005, 21018, 21019]", "communes: [21002, 21005, 21018]")
    status, lines = run_check(capsys, scratch_content)
    assert status == 1
    assert "content/bassins.yaml:1:1: bassins: Woluwe-Saint-Pierre (21019) is in no bassin" in lines


def test_helpline_unchecked_for_six_months_is_in_the_report(scratch_content: Path) -> None:
    content = load_content(scratch_content, Problems())
    assert content is not None
    checked = content.helplines[0].last_verified
    assert build_report(content, checked).helplines == []
    late = build_report(content, date(checked.year + 1, checked.month, 1))
    assert [finding.field for finding in late.helplines] == [f"helplines[{i}].last_verified" for i in range(len(content.helplines))]
    assert "check its number and hours on the official page" in late.helplines[0].detail


def test_hsds_export_maps_how_to_get_in_and_stays_valid(scratch_content: Path) -> None:
    content = load_content(scratch_content, Problems())
    assert content is not None
    org, service = next(pair for pair in content.get_services() if pair[0].id == "test-cpas-schaerbeek")
    exported = export_service(content, org, service)
    assert validate_hsds_service(exported) == []
    assert exported["application_process"].startswith("sans rendez-vous, sur rendez-vous. Permanence")
    assert exported["eligibility_description"] == "personnes sans titre de séjour : oui ; aide médicale urgente (AMU) : oui"
    assert exported["interpretation_services"] == "Interprète sur demande."
    assert exported["required_documents"][0]["document"] == "Carte d'identité si vous en avez une."
    assert exported["service_at_locations"][0]["location"]["x_brusano"]["bassins"] == ["nord-est"]


def test_build_without_site_url_says_cards_have_no_qr_code(capsys: pytest.CaptureFixture[str], scratch_content: Path, tmp_path: Path) -> None:
    assert build.main(["--content", str(scratch_content), "--output", str(tmp_path / "site")]) == 0
    assert "no sitemap.xml, and patient cards are printed without a QR code" in capsys.readouterr().err
    entry = tmp_path / "site" / "fr" / "directory" / "entries" / "test-cpas-schaerbeek.html"
    assert "bx-card__qr" not in entry.read_text(encoding="utf-8")
