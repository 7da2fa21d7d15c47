"""The content report, `make new` skeletons, and the notice readers see on old records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import check, new, report
from scripts.pipeline import build_site

FILLED = {
    "organisation": [
        ("name:\n  fr: \"TODO: nom officiel en français\"\n  nl: \"TODO: officiële naam in het Nederlands\"",
         "name:\n  fr: Service de test\n  nl: Testdienst"),
        ("\"TODO: ce que fait l'organisation, en une ou deux phrases\"", "Un service de test."),
        ("\"TODO: wat de organisatie doet, in een of twee zinnen\"", "Een testdienst."),
        ('{fr: "TODO: rue", nl: "TODO: straat"}', "{fr: Rue de Test, nl: Teststraat}"),
        ('number: "TODO"', 'number: "3"'),
        ('postcode: "TODO"', 'postcode: "1050"'),
        ("commune: TODO", "commune: 21009"),
        ('{fr: "TODO: nom du service", nl: "TODO: naam van de dienst"}', "{fr: Soins, nl: Zorg}"),
        ('{fr: "TODO: pour qui, quoi, comment y accéder", nl: "TODO: voor wie, wat, hoe er terecht"}', "{fr: Des soins., nl: Zorg.}"),
        ("categories: [TODO]", "categories: [palliative-home-care]"),
        ("last_verified: TODO", "last_verified: 2026-10-01"),
        ('"TODO: https://... (the page the facts come from)"', "https://example.org/soins"),
        ('"TODO: the page\'s title"', "Page de test"),
        ("read: TODO", "read: 2026-10-01"),
    ],
}


def run(capsys: pytest.CaptureFixture[str], command: object, *args: str) -> tuple[int, list[str]]:
    status = command.main(list(args))  # type: ignore[attr-defined]
    captured = capsys.readouterr()
    return status, (captured.out + captured.err).splitlines()


def test_report_lists_pending_translations_old_records_and_examples(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    status, lines = run(capsys, report, "--content", str(scratch_content), "--today", "2027-10-15")
    assert status == 0
    text = "\n".join(lines)
    assert "Dossiers waiting for their translation: 1\n  content/dossiers/test-seul.fr.md:6: translation: no nl version yet" in text
    # checked 2026-10-01: older than 12 months on 2027-10-15; the templates are not dated facts
    outdated = [line for line in lines if line.startswith("  content/directory/test-soins-ixelles.yaml:31:")]
    assert outdated == ["  content/directory/test-soins-ixelles.yaml:31: last_verified: checked on 2026-10-01, more than 12 months ago: check it again at the source"]
    assert any(line.startswith("Example entries still published: ") and not line.endswith(": 0") for line in lines)


def test_report_due_soon_and_json(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    status, lines = run(capsys, report, "--content", str(scratch_content), "--today", "2027-09-15", "--format", "json")
    data = json.loads("\n".join(lines))
    assert status == 0 and data["today"] == "2027-09-15" and data["outdated"] == []
    assert {item["path"] for item in data["due_soon"]} >= {"content/directory/test-soins-ixelles.yaml"}
    assert all(set(item) == {"path", "line", "field", "detail"} for item in data["due_soon"])


def test_report_finds_texts_left_identical(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    entry = scratch_content / "directory" / "test-soins-ixelles.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace(
        "nl: Palliatieve zorg bij de patiënt thuis.", "nl: Soins palliatifs au domicile des patients."), encoding="utf-8")
    status, lines = run(capsys, report, "--content", str(scratch_content))
    assert status == 0
    assert any(re.match(r"  content/directory/test-soins-ixelles\.yaml:\d+: services\[0\]\.description: the same text", line) for line in lines)


def test_report_lists_old_facts_entries_no_one_can_act_on_and_numbers_that_differ(
        capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    entry = scratch_content / "directory" / "test-cpas-schaerbeek.yaml"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("{fr: Aide sociale de test., nl: Sociale testhulp.}",
                                  "{fr: 'Aide sociale de test, 1 800 dossiers, 6 jours sur 7.', nl: 'Sociale testhulp, 1.800 dossiers, 7 dagen op 7.'}"),
                     encoding="utf-8")
    status, lines = run(capsys, report, "--content", str(scratch_content), "--today", "2026-12-06", "--format", "json")
    data = json.loads("\n".join(lines))
    assert status == 0
    old = {item["detail"].split(":")[0] for item in data["old_facts"] if item["path"].endswith("test-cpas-schaerbeek.yaml")}
    # the phone, the address and the access rest on a page of June 2023 (limit 2 years); the description too, but
    # a description may be 4 years old; the debt service's page is undated, so its age is unknown
    assert {"phones", "address", "test-cpas-aide-sociale.access"} <= old and "description" not in old
    differ = [item["detail"] for item in data["numbers_differ"]]
    assert differ == ["the numbers differ between French and Dutch: 1800 6 7 / 1800 7"]  # 1 800 and 1.800 are one number


def test_report_lists_numbers_their_sources_words_do_not_show(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    entry = scratch_content / "directory" / "test-cpas-schaerbeek.yaml"
    text = entry.read_text(encoding="utf-8")
    quoted = text.replace("    title: Test fixture\n", "    title: Test fixture\n    quote: 'Tél. 02/555.00.01 - Place de Test 2, Schaerbeek'\n", 1)
    entry.write_text(quoted, encoding="utf-8")
    status, lines = run(capsys, report, "--content", str(scratch_content), "--format", "json")
    found = [(item["field"], item["detail"].split(":")[0]) for item in json.loads("\n".join(lines))["unquoted_numbers"]]
    # the phone's digits differ from the page's; the house number is there, and the commune's name stands for the postcode
    assert status == 0 and found == [("phones[0].number", "02 555 00 00 is not in the words quoted from its sources")]
    entry.write_text(quoted.replace("02/555.00.01 - Place de Test 2, Schaerbeek", "02/555.00.00 - Place de Test 12"), encoding="utf-8")
    status, lines = run(capsys, report, "--content", str(scratch_content), "--format", "json")
    found = [item["field"] for item in json.loads("\n".join(lines))["unquoted_numbers"]]
    assert found == ["locations[0].address.number", "locations[0].address.postcode"]  # "12" is not "2"


def test_report_counts_coverage_of_real_services_only(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    status, lines = run(capsys, report, "--content", str(scratch_content), "--format", "json")
    coverage = json.loads("\n".join(lines))["coverage"]
    communes = {commune["name"]: commune for commune in coverage["communes"]}
    categories = {category["category"]: category for category in coverage["categories"]}
    assert status == 0 and coverage["organizations"] == 1 and coverage["services"] == 2  # the two examples do not count
    assert communes["Schaerbeek"] == {"nis_code": 21015, "name": "Schaerbeek", "located_services": 2, "has_cpas": True, "cpas_located": True}
    assert communes["Ixelles"]["located_services"] == 0  # only an example entry has an address there
    assert categories["public-social-welfare-centre"]["organizations"] == 1 and categories["palliative-home-care"]["services"] == 0
    assert coverage["dutch_speaking_organizations"] == 1
    status, lines = run(capsys, report, "--content", str(scratch_content))
    assert "  Communes short of their CPAS or 3 located services: 19 (Anderlecht, " in "\n".join(lines)
    assert "  Schaerbeek (21015): 2 located service(s), CPAS with an address" in lines
    assert "  Uccle (21016): 0 located service(s), CPAS MISSING" in lines


@pytest.mark.parametrize("kind", ["organisation", "dossier", "template"])
def test_new_skeleton_reports_each_placeholder(capsys: pytest.CaptureFixture[str], scratch_content: Path, kind: str) -> None:
    status, lines = run(capsys, new, kind, "nouvel-element", "--content", str(scratch_content))
    assert status == 0 and "Replace every TODO" in "\n".join(lines)
    status, lines = run(capsys, check, "--content", str(scratch_content))
    problems = [line for line in lines if line.startswith("content/")]
    assert status == 1 and problems
    assert all("placeholder left" in line for line in problems), problems
    assert all(lines[lines.index(line) + 1].startswith("    fix: replace it with the real value") for line in problems)
    status, lines = run(capsys, new, kind, "nouvel-element", "--content", str(scratch_content))
    assert status == 1 and "exists already" in lines[-1]


def test_filled_organisation_skeleton_passes_validation(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    run(capsys, new, "organisation", "nouvel-element", "--content", str(scratch_content))
    path = scratch_content / "directory" / "nouvel-element.yaml"
    text = path.read_text(encoding="utf-8")
    for placeholder, value in FILLED["organisation"]:
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
    status, lines = run(capsys, check, "--content", str(scratch_content))
    assert status == 0, "\n".join(lines)


def test_old_record_shows_outdated_notice_in_both_languages(scratch_content: Path, tmp_path: Path) -> None:
    entry = scratch_content / "directory" / "test-soins-ixelles.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("last_verified: 2026-10-01", "last_verified: 2024-03-01"), encoding="utf-8")
    site = tmp_path / "site"
    build_site(scratch_content, site, quiet=True)
    notices = {}
    for language in ("fr", "nl"):
        for name in ("test-soins-ixelles", "test-cpas-schaerbeek"):
            page = BeautifulSoup((site / language / "directory" / "entries" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
            notices[language, name] = [box.get_text(" ", strip=True) for box in page.select(".admonition.warning") if "2024" in box.get_text()]
    assert notices["fr", "test-soins-ixelles"] == [
        "Information peut-être dépassée Information vérifiée le 1 mars 2024 : elle peut ne plus être à jour. "
        "Vérifiez auprès de l'organisation avant d'y orienter quelqu'un."
    ]
    assert notices["nl", "test-soins-ixelles"][0].startswith("Informatie mogelijk verouderd Informatie gecontroleerd op 1 maart 2024")
    assert notices["fr", "test-cpas-schaerbeek"] == notices["nl", "test-cpas-schaerbeek"] == []
