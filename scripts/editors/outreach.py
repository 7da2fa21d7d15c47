"""`make outreach`: for each real organisation, the sheet "Ce que nous publions sur vous" and a mail-merge list.

The sheet lists every fact the site publishes about the organisation, each with the pages it rests
on, and asks the organisation to confirm or correct it. Its answer is recorded in the entry as
`verification: confirmed` with `confirmation: {by, how, on}`; readers then see the date.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from schemas.common import LANGUAGES, Language, Source
from schemas.organization import Organization
from scripts.content.fact_sources import fact_sources
from scripts.content.loaded import Content
from scripts.pages.helpers import PageHelpers

TEMPLATES = Path(__file__).parent / "templates"

SHEET_TEXT: dict[Language, dict[str, str]] = {
    "fr": {
        "title": "Ce que nous publions sur vous",
        "intro": "Le site de Brusano aide les professionnels de première ligne et les citoyens bruxellois à trouver "
                 "l'aide qui convient, près du lieu de vie. Voici, ligne par ligne, ce qu'il publie sur {name}, "
                 "et la page publique d'où vient chaque information.",
        "ask": "Merci de vérifier chaque ligne. Corrigez ce qui est faux ou ancien, barrez ce qui ne doit pas être "
               "publié, ajoutez ce qui manque (un téléphone, des horaires, comment être reçu) et renvoyez-nous cette "
               "feuille ou une réponse par courriel. Une fois votre réponse reçue, la fiche indique aux lecteurs : "
               "« confirmée par l'organisation le » suivi de la date.",
        "fact": "Information", "value": "Ce que nous publions", "sources": "Pages d'où elle vient",
        "undated": "page non datée", "read": "lue le {date}", "sheet_date": "Feuille du {date}", "yes": "oui",
        "description": "Présentation", "website": "Site web", "email": "Courriel", "phones": "Téléphone",
        "address": "Adresse", "hours": "Horaires", "languages": "Langues", "service": "Service :",
        "access": "Comment être reçu", "confirm": "Confirmé par (nom, fonction) : ..................................  "
                                                 "Date : ..............  Signature : ....................",
    },
    "nl": {
        "title": "Wat wij over u publiceren",
        "intro": "De site van Brusano helpt eerstelijnsprofessionals en Brusselaars de juiste hulp te vinden, dicht bij "
                 "de woonplaats. Hieronder staat, regel per regel, wat de site over {name} publiceert, en de openbare "
                 "pagina waar elk gegeven vandaan komt.",
        "ask": "Wilt u elke regel nakijken? Verbeter wat fout of verouderd is, schrap wat niet gepubliceerd mag worden, "
               "vul aan wat ontbreekt (een telefoonnummer, openingsuren, hoe men terechtkan) en stuur ons dit blad of een "
               "antwoord per e-mail terug. Zodra uw antwoord binnen is, lezen de lezers op de fiche: \"bevestigd door de "
               "organisatie op\" met de datum.",
        "fact": "Gegeven", "value": "Wat wij publiceren", "sources": "Pagina's waar het vandaan komt",
        "undated": "ongedateerde pagina", "read": "gelezen op {date}", "sheet_date": "Blad van {date}", "yes": "ja",
        "description": "Voorstelling", "website": "Website", "email": "E-mail", "phones": "Telefoon",
        "address": "Adres", "hours": "Openingsuren", "languages": "Talen", "service": "Dienst:",
        "access": "Hoe men terechtkan", "confirm": "Bevestigd door (naam, functie): ..................................  "
                                                  "Datum: ..............  Handtekening: ....................",
    },
}
"""The sheet's own words in each language (it is a letter to the organisation, not a page of the site)."""

CSV_COLUMNS = ("organisation_id", "organisation", "language", "email", "phone", "website", "file", "facts", "sources")
"""The mail-merge list: whom to send each sheet to, in which language, and the sheet's file."""


@dataclass(frozen=True)
class SheetRow:
    """One published fact on the sheet: what it is, its value as published, and its pages."""

    label: str
    value: str
    sources: list[str]


@dataclass(frozen=True)
class Sheet:
    """One organisation's sheet: its file name, languages and the facts listed."""

    org: Organization
    languages: tuple[Language, ...]
    file: str
    fact_count: int


def sheet_languages(org: Organization) -> tuple[Language, ...]:
    """Return the organisation's language when its entry names one of ours alone, else both."""
    ours = tuple(language for language in LANGUAGES if language in org.languages)
    return ours if len(ours) == 1 else LANGUAGES


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _source_line(helpers: PageHelpers, source: Source, words: dict[str, str]) -> str:
    when = helpers.date(source.date) if source.date else words["undated"]
    read = f", {words['read'].format(date=helpers.date(source.read))}" if source.read else ""
    return f"{source.url} ({when}{read})"


def _fact_value(helpers: PageHelpers, org: Organization, fact: str) -> tuple[str, str] | None:
    """Return (label, value) of a published fact, as the site writes it in the language."""
    words = SHEET_TEXT[helpers.language]
    if fact in ("description", "website", "email"):
        value = helpers.t(org.description) if fact == "description" else str(getattr(org, fact))
        return words[fact], value
    if fact == "phones":
        return words[fact], "; ".join(phone.number + (f" ({helpers.t(phone.label)})" if phone.label else "") for phone in org.phones)
    if fact == "address":
        return words[fact], "; ".join(f"{helpers.t(location.address.street)} {location.address.number}, "
                                      f"{location.address.postcode} {helpers.commune_name(location.address.commune)}"
                                      for location in org.locations)
    if fact == "hours":
        lines = [f"{day} {hours}" for location in org.locations if location.hours for day, hours in helpers.week_hours(location.hours)]
        return words[fact], "; ".join(lines)
    if fact == "languages":
        codes = org.languages or [code for location in org.locations for code in location.staff_languages]
        return words[fact], helpers.language_names(sorted(set(codes)))
    service_id, _, access = fact.partition(".")
    service = next(service for service in org.services if service.id == service_id)
    if access and service.access is not None:
        modes = ", ".join(helpers.ui(f"access_mode_{mode}") for mode in service.access.modes)
        parts = [modes] + [helpers.t(part) for part in (service.access.referral_by, service.access.details, service.access.documents) if part]
        return f"{words['access']} ({helpers.t(service.name)})", " ".join(_sentence(part) for part in parts if part)
    return f"{words['service']} {helpers.t(service.name)}", helpers.t(service.description)


def sheet_rows(content: Content, org: Organization, language: Language) -> list[SheetRow]:
    """Return every fact the site publishes about the organisation, with its pages, in one language."""
    helpers = PageHelpers(content, language, "", {})
    words = SHEET_TEXT[language]
    rows = []
    for fact in org.published_facts():
        labelled = _fact_value(helpers, org, fact)
        if labelled is None:
            continue
        pages = [_source_line(helpers, numbered.source, words) for numbered in fact_sources(org, fact)]
        rows.append(SheetRow(labelled[0], labelled[1], pages))
    return rows


def write_outreach(content: Content, output: Path, today_text: dict[Language, str]) -> list[Sheet]:
    """Write one HTML sheet per real organisation and outreach.csv into output; return the sheets."""
    output.mkdir(parents=True, exist_ok=True)
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    template = environment.get_template("outreach_sheet.html.j2")
    sheets = []
    for org in sorted((entry.model for entry in content.organizations if not entry.model.example), key=lambda org: org.id):
        languages = sheet_languages(org)
        pages = [{"language": language, "name": org.name.get(language), "words": SHEET_TEXT[language],
                  "date": today_text[language], "rows": sheet_rows(content, org, language)} for language in languages]
        file = f"{org.id}.html"
        (output / file).write_text(template.render(pages=pages, lang=languages[0]), encoding="utf-8")
        sheets.append(Sheet(org, languages, file, len(pages[0]["rows"])))
    with (output / "outreach.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, CSV_COLUMNS)
        writer.writeheader()
        for sheet in sheets:
            org = sheet.org
            writer.writerow({
                "organisation_id": org.id, "organisation": org.name.get(sheet.languages[0]), "language": " ".join(sheet.languages),
                "email": org.email or "", "phone": org.phones[0].number if org.phones else "", "website": org.website or "",
                "file": sheet.file, "facts": sheet.fact_count, "sources": " ".join(source.url for source in org.sources),
            })
    return sheets
