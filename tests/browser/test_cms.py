"""The editors' CMS: real Decap CMS in Chromium against decap-server on 127.0.0.1, saving real files."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from scripts import REPO_ROOT
from scripts.check import main as validate
from scripts.content.yaml_source import ContentLoader
from scripts.devtools.static_server import free_port, serve_site
from scripts.editors.admin import write_admin
from scripts.editors.local_cms import decap_server
from scripts.pipeline import load_site_content
from tests.conftest import write_scratch_content

ENTRY = "test-soins-ixelles"


@dataclass
class Cms:
    """An admin page served over HTTP, its local server, and the content folder it writes."""

    page: Page
    content: Path
    hosts: set[str]

    def entry_file(self, entry_id: str = ENTRY) -> Path:
        return self.content / "directory" / f"{entry_id}.yaml"

    def open_entry(self, entry_id: str = ENTRY) -> None:
        self.page.goto(self.page.url.split("#")[0] + f"#/collections/organisations/entries/{entry_id}")
        expect(self.page.get_by_label("Identifiant / Identificatie", exact=True).first).to_have_value(entry_id)

    def expand(self, summary: str) -> None:
        """Open a collapsed list item by the summary it shows."""
        label = self.page.get_by_text(summary, exact=True).first
        label.locator("xpath=preceding-sibling::div[1]//button[1]").click()

    def save(self) -> None:
        self.page.get_by_role("button", name="Publier").first.click()
        self.page.get_by_text("Publier maintenant").click()

    def wait_for_file(self, entry_id: str, needle: str) -> str:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            text = self.entry_file(entry_id).read_text(encoding="utf-8")
            if needle in text:
                return text
            time.sleep(0.2)
        raise AssertionError(f"{entry_id}.yaml never contained {needle!r}:\n{text}")


@pytest.fixture
def cms(browser: Browser, tmp_path: Path) -> Iterator[Cms]:
    """Decap CMS over a scratch copy of the fixture content, signed in to the local server."""
    content = write_scratch_content(tmp_path)
    site = tmp_path / "site"
    with decap_server(tmp_path, free_port()) as api:
        write_admin(load_site_content(content), site, REPO_ROOT / "node_modules", local_backend_url=api)
        with serve_site(site) as url:
            context = browser.new_context(viewport={"width": 1280, "height": 1600})
            page = context.new_page()
            hosts: set[str] = set()
            page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
            page.goto(url + "admin/")
            page.get_by_role("button", name="Se connecter").click()
            expect(page.get_by_text("Répertoire / Gids").first).to_be_visible()
            yield Cms(page, content, hosts)
            context.close()


def test_editor_changes_phone_hours_and_adds_a_service(cms: Cms) -> None:
    cms.open_entry()
    cms.expand("02 555 12 34")
    cms.page.get_by_label("Numéro / Nummer", exact=True).first.fill("02 555 99 88")
    cms.expand("main")
    cms.expand("09:00–12:30")
    cms.page.get_by_label("Ouvre à / Opent om", exact=True).first.fill("08:30")
    cms.page.get_by_role("button", name="Ajouter services").click()
    new_service = cms.page.locator("[class*='listControlItem']").filter(has_text="Besoins (catégories) / Noden (categorieën)").last
    new_service.get_by_label("Identifiant / Identificatie", exact=True).fill("test-soins-conseil")
    for field_name, texts in (("Nom / Naam", ("Conseil palliatif", "Palliatief advies")),
                              ("Description / Beschrijving", ("Conseil par téléphone.", "Advies per telefoon."))):
        group = new_service.locator("[aria-label='object field']").filter(
            has=cms.page.get_by_text(field_name, exact=True)).first
        group.get_by_label("Français").fill(texts[0])
        group.get_by_label("Nederlands").fill(texts[1])
    categories = new_service.locator("[aria-label='select field']").filter(
        has=cms.page.get_by_text("Besoins (catégories) / Noden (categorieën)", exact=True)).first
    categories.locator("input").first.fill("Soins palliatifs à domicile")
    cms.page.keyboard.press("Enter")
    cms.save()

    text = cms.wait_for_file(ENTRY, "test-soins-conseil")
    entry = yaml.load(text, Loader=ContentLoader)  # noqa: S506 - the content's own safe loader
    assert entry["phones"][0]["number"] == "02 555 99 88"
    assert entry["locations"][0]["hours"]["regular"][0] == {"days": ["mo", "tu", "we", "th", "fr"], "opens": "08:30", "closes": "12:30"}
    added = entry["services"][-1]
    assert added["id"] == "test-soins-conseil"
    assert added["categories"] == ["palliative-home-care"]
    assert added["name"] == {"fr": "Conseil palliatif", "nl": "Palliatief advies"}
    assert validate(["--content", str(cms.content)]) == 0
    assert {host.split(":")[0] for host in cms.hosts} == {"127.0.0.1"}, cms.hosts


def test_form_refuses_a_badly_written_time(cms: Cms) -> None:
    before = cms.entry_file().read_text(encoding="utf-8")
    cms.open_entry()
    cms.expand("main")
    cms.expand("09:00–12:30")
    cms.page.get_by_label("Ouvre à / Opent om", exact=True).first.fill("9h")
    cms.save()
    expect(cms.page.get_by_text("HH:MM (09:00, 17:30)").first).to_be_visible()
    assert cms.entry_file().read_text(encoding="utf-8") == before


def test_invalid_phone_saved_by_the_form_is_refused_by_validation(cms: Cms, capsys: pytest.CaptureFixture[str]) -> None:
    cms.open_entry()
    cms.expand("02 555 12 34")
    cms.page.get_by_label("Numéro / Nummer", exact=True).first.fill("02 555")
    cms.save()
    text = cms.wait_for_file(ENTRY, "02 555\n")
    line = next(number for number, row in enumerate(text.splitlines(), start=1) if "02 555" in row)

    assert validate(["--content", str(cms.content)]) == 1
    report = capsys.readouterr().err
    assert f"directory/{ENTRY}.yaml:{line}:" in report
    assert "phones[0].number" in report
    assert "'02 555' is not a valid phone number" in report


def test_dossier_pair_opens_and_saves_both_languages(cms: Cms) -> None:
    cms.page.goto(cms.page.url.split("#")[0] + "#/collections/dossiers/entries/test-palliatif")
    title = cms.page.get_by_label("Titre / Titel", exact=True)
    expect(title.first).to_have_value("Dossier de test palliatif")
    title.first.fill("Dossier de test palliatif, revu")
    cms.save()
    deadline = time.monotonic() + 20
    french = cms.content / "dossiers" / "test-palliatif.fr.md"
    while "revu" not in french.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    text = french.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "title: Dossier de test palliatif, revu\n" in text
    assert "Texte de test sur l'**hôpital**" in text
    assert "id: test-palliatif" in (cms.content / "dossiers" / "test-palliatif.nl.md").read_text(encoding="utf-8")
    assert validate(["--content", str(cms.content)]) == 0


def test_the_dutch_interface_speaks_dutch(browser: Browser, tmp_path: Path) -> None:
    content = write_scratch_content(tmp_path)
    site = tmp_path / "site"
    with decap_server(tmp_path, free_port()) as api:
        write_admin(load_site_content(content), site, REPO_ROOT / "node_modules", local_backend_url=api)
        with serve_site(site) as url:
            page = browser.new_context().new_page()
            page.goto(url + "admin/nl.html")
            page.get_by_role("button", name="Inloggen").click()
            expect(page.get_by_text("Répertoire / Gids").first).to_be_visible()  # the forms' labels stay bilingual
            expect(page.get_by_role("link", name="Inhoud")).to_be_visible()  # Decap's own words are Dutch
            page.context.close()
