"""`make outreach`: the sheet "Ce que nous publions sur vous", the mail-merge list, and the confirmation path."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import check, outreach
from scripts.pipeline import build_site

CONFIRMED = "verification: confirmed\nconfirmation: {by: 'Marie Test, directrice', how: email, on: 2026-11-20}\n"


def _write_sheets(capsys: pytest.CaptureFixture[str], content: Path, output: Path) -> str:
    status = outreach.main(["--content", str(content), "--output", str(output), "--today", "2026-12-06"])
    assert status == 0
    return capsys.readouterr().out


def test_every_real_organisation_gets_a_sheet_listing_each_published_fact_with_its_pages(
        capsys: pytest.CaptureFixture[str], scratch_content: Path, tmp_path: Path) -> None:
    printed = _write_sheets(capsys, scratch_content, tmp_path / "outreach")
    assert printed.startswith("1 sheets (7 facts) and outreach.csv written")
    rows = list(csv.DictReader((tmp_path / "outreach" / "outreach.csv").open(encoding="utf-8-sig")))
    assert [(row["organisation_id"], row["language"], row["phone"], row["file"]) for row in rows] == [
        ("test-cpas-schaerbeek", "fr nl", "02 555 00 00", "test-cpas-schaerbeek.html")]  # the two examples get none
    sheet = BeautifulSoup((tmp_path / "outreach" / "test-cpas-schaerbeek.html").read_text(encoding="utf-8"), "html.parser")
    french, dutch = sheet.select("section")
    assert french["lang"] == "fr" and dutch["lang"] == "nl"
    assert french.h1.get_text() == "Ce que nous publions sur vous: CPAS Test Schaerbeek"
    assert dutch.h1.get_text().startswith("Wat wij over u publiceren")
    facts = {row.th.get_text(): [cell.get_text(" ") for cell in row.select("td")] for row in french.select("tbody tr")}
    assert list(facts) == ["Présentation", "Téléphone", "Adresse", "Langues", "Service : Aide sociale",
                           "Comment être reçu (Aide sociale)", "Service : Médiation de dettes"]
    assert facts["Téléphone"][:2] == ["02 555 00 00", "https://example.org/test-fixture (1 juin 2023, lue le 15 septembre 2026)"]
    assert facts["Adresse"][0] == "Place de Test 2, 1030 Schaerbeek"
    assert "mars 2019" in facts["Présentation"][1]  # every page behind the fact, with its own date
    assert facts["Service : Médiation de dettes"][1] == "https://example.org/test-fixture-dettes (page non datée, lue le 15 septembre 2026)"


def test_an_organisation_that_works_in_dutch_gets_its_sheet_in_dutch(
        capsys: pytest.CaptureFixture[str], scratch_content: Path, tmp_path: Path) -> None:
    entry = scratch_content / "directory" / "test-cpas-schaerbeek.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("languages: [fr, nl]", "languages: [nl]"), encoding="utf-8")
    _write_sheets(capsys, scratch_content, tmp_path / "outreach")
    sheet = BeautifulSoup((tmp_path / "outreach" / "test-cpas-schaerbeek.html").read_text(encoding="utf-8"), "html.parser")
    assert [section["lang"] for section in sheet.select("section")] == ["nl"]
    assert sheet.html["lang"] == "nl"


def test_a_confirmed_entry_says_who_how_and_when_and_readers_see_the_date(
        capsys: pytest.CaptureFixture[str], scratch_content: Path, tmp_path: Path) -> None:
    entry = scratch_content / "directory" / "test-cpas-schaerbeek.yaml"
    original = entry.read_text(encoding="utf-8")
    entry.write_text(original.replace("verification: public-source\n", "verification: confirmed\n"), encoding="utf-8")
    assert check.main(["--content", str(scratch_content)]) == 1
    assert "yaml:3:15: verification: a confirmed entry does not say who confirmed it, how and when" in capsys.readouterr().err
    entry.write_text(original.replace("verification: public-source\n", CONFIRMED), encoding="utf-8")
    build_site(scratch_content, tmp_path / "site", quiet=True, compress=False)
    for language, note in (("fr", "fiche confirmée par l'organisation le 20 novembre 2026."),
                           ("nl", "fiche bevestigd door de organisatie op 20 november 2026.")):
        page = BeautifulSoup((tmp_path / "site" / language / "directory" / "entries" / "test-cpas-schaerbeek.html").read_text(encoding="utf-8"), "html.parser")
        assert note in page.select_one("article").get_text()
    published = (tmp_path / "site" / "open-data" / "directory.json").read_text(encoding="utf-8")
    assert '"how": "email"' in published and "2026-11-20" in published
    assert "Marie Test" not in published  # who confirmed stays with the editors
