"""What editors should look at: untranslated texts, facts checked too long ago, example entries, coverage."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from schemas.common import LANGUAGES
from schemas.commune import Commune
from schemas.organization import Organization
from scripts.content.dates import MAX_AGE_MONTHS, is_due_soon, is_outdated, months_before
from scripts.content.loaded import Content
from scripts.content.yaml_source import FieldPath, YamlDocument, dotted
from scripts.editors.coverage import Coverage, format_coverage, measure_coverage

MIN_WORDS_TO_TRANSLATE = 3
"""A text identical in both languages is reported from this many words (short ones are often names)."""


@dataclass(frozen=True)
class Finding:
    """One thing to look at, where it is, and what about it."""

    path: str
    line: int
    field: str
    detail: str

    def format(self) -> str:
        """Return the finding as `path:line: field: detail`."""
        return f"{self.path}:{self.line}: {self.field}: {self.detail}"


@dataclass
class ContentReport:
    """Every finding, by section."""

    today: date
    coverage: Coverage
    pending_translations: list[Finding] = field(default_factory=list)
    identical_texts: list[Finding] = field(default_factory=list)
    outdated: list[Finding] = field(default_factory=list)
    due_soon: list[Finding] = field(default_factory=list)
    examples: list[Finding] = field(default_factory=list)
    helplines: list[Finding] = field(default_factory=list)
    old_facts: list[Finding] = field(default_factory=list)
    not_actionable: list[Finding] = field(default_factory=list)
    numbers_differ: list[Finding] = field(default_factory=list)
    unquoted_numbers: list[Finding] = field(default_factory=list)
    forms: list[Finding] = field(default_factory=list)
    coverage: Coverage | None = None

    def as_json(self) -> dict[str, Any]:
        """Return the report as plain data (for --format json)."""
        data = asdict(self)
        data["today"] = self.today.isoformat()
        return data


FACT_MAX_AGE_YEARS = {"phones": 2, "hours": 2, "address": 2, "access": 2, "description": 4, "service": 4}
"""How old the newest page stating a fact may be before editors look for a newer one, by kind of fact."""

HELPLINE_MAX_AGE_MONTHS = 6
"""A helpline's number and hours are checked again after this many months."""

FORM_MAX_AGE_MONTHS = 6
"""An official form's page (its version, its rules) is checked again after this many months."""


def _finding(document: YamlDocument, loc: FieldPath, detail: str) -> Finding:
    return Finding(document.path, document.locate(loc)[0], dotted(loc) or "(file)", detail)


def _identical_texts(data: Any, loc: FieldPath) -> list[tuple[FieldPath, str]]:
    """Return the {fr, nl} texts whose two versions are the same sentence."""
    if isinstance(data, dict):
        if set(data) == set(LANGUAGES) and isinstance(data["fr"], str) and data["fr"] == data["nl"]:
            return [(loc, data["fr"])] if len(re.findall(r"[^\W\d_]+", data["fr"])) >= MIN_WORDS_TO_TRANSLATE else []
        return [found for key, value in data.items() for found in _identical_texts(value, loc + (key,))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in _identical_texts(value, loc + (index,))]
    return []


def _check_date(report: ContentReport, document: YamlDocument, loc: FieldPath, checked: date) -> None:
    age = f"{checked.isoformat()}, more than {MAX_AGE_MONTHS} months ago"
    if is_outdated(checked, report.today):
        report.outdated.append(_finding(document, loc, f"checked on {age}: check it again at the source"))
    elif is_due_soon(checked, report.today):
        report.due_soon.append(_finding(document, loc, f"checked on {checked.isoformat()}: due for a new check within a month"))


def _fact_kind(fact: str) -> str:
    """Return the kind of a fact for its age limit: a service's access, a service, or the fact itself."""
    if fact.endswith(".access"):
        return "access"
    return fact if fact in FACT_MAX_AGE_YEARS else "service"


def _check_fact_ages(report: ContentReport, document: YamlDocument, org: Organization) -> None:
    """Report each published fact whose newest dated page is older than its kind's limit."""
    for fact, loc in org.published_facts().items():
        years = FACT_MAX_AGE_YEARS.get(_fact_kind(fact))
        dates = [source.date for source in org.sources if fact in source.supports and source.date is not None]
        if years is None or not dates or len(dates) < sum(fact in source.supports for source in org.sources):
            continue  # an undated page may be current: its age is unknown
        newest = max(dates)
        if newest < months_before(report.today, years * 12):
            report.old_facts.append(_finding(document, loc, f"{fact}: its newest page is dated {newest.isoformat()}, "
                                                            f"more than {years} years ago: find a newer page or ask the organisation"))


def _numbers_differ(data: Any, loc: FieldPath) -> list[tuple[FieldPath, str]]:
    """Return the French/Dutch pairs whose numbers (phones, hours, dates, amounts) are not the same."""
    if isinstance(data, dict) and set(data) == set(LANGUAGES) and all(isinstance(text, str) for text in data.values()):
        # compared as sets, without "00" (9h / 9u00, 7 jours sur 7 / 7 dagen per week are the same), and
        # with a thousands separator dropped (1 800 / 1.800 are the same number)
        numbers = {language: sorted(set(re.findall(r"\d+", re.sub(r"(?<=\d)[ .\u202f](?=\d{3}\b)", "", text).replace(" ", ""))) - {"00"})
                   for language, text in data.items()}
        return [] if len({tuple(found) for found in numbers.values()}) == 1 else [(loc, " / ".join(" ".join(n) for n in numbers.values()))]
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    return [found for key, value in children for found in _numbers_differ(value, loc + (key,))]


def _quotes(org: Organization, fact: str) -> list[str] | None:
    """Return the page's words of every source supporting a fact; None when one of them has no quote (unknown)."""
    quotes = [source.quote for source in org.sources if fact in source.supports]
    return None if not quotes or any(quote is None for quote in quotes) else [quote for quote in quotes if quote]


def _shown_in(value: str, words: str) -> bool:
    """True when the words show a house number or postcode (its first part, "6" of "6 (3e étage)"; "123a" as "123 A")."""
    first = re.match(r"\d+\s*[a-zA-Z]?(?![a-zA-Z])", value)
    pattern = r"\s*".join(re.escape(char) for char in (first.group(0).replace(" ", "") if first else value))
    return re.search(rf"(?<![\w]){pattern}(?![\w])", words, re.IGNORECASE) is not None


def _unquoted_numbers(org: Organization, communes: dict[int, Commune]) -> list[tuple[FieldPath, str]]:
    """Return the phones, house numbers and postcodes that the quoted words of their sources do not show
    (a postcode is shown by the commune's name when the page gives no postcode)."""
    missing: list[tuple[FieldPath, str]] = []
    phone_quotes = _quotes(org, "phones")
    if phone_quotes is not None:
        digits = " ".join(re.sub(r"\D", "", quote) for quote in phone_quotes)
        missing += [(("phones", index, "number"), f"{phone.number} is not in the words quoted from its sources")
                    for index, phone in enumerate(org.phones) if re.sub(r"\D", "", phone.number)[-8:] not in digits]
    address_quotes = _quotes(org, "address")
    if address_quotes is not None:
        words = " ".join(address_quotes)
        for index, location in enumerate(org.locations):
            address = location.address
            commune = communes[address.commune]
            named = any(name.lower() in words.lower() for name in (commune.name_fr, commune.name_nl))
            if address.number and not _shown_in(address.number, words):
                missing.append((("locations", index, "address", "number"), f"{address.number} is not in the words quoted from its sources"))
            if address.postcode and not (_shown_in(address.postcode, words) or named):
                missing.append((("locations", index, "address", "postcode"), f"{address.postcode} is not in the words quoted from its sources, "
                                                                              "nor the commune's name"))
    return missing


def build_report(content: Content, today: date) -> ContentReport:
    """Return what editors should look at in the content, as of a day."""
    report = ContentReport(today, measure_coverage(content))
    documents = [entry.document for entry in content.organizations] + [entry.document for entry in content.templates]
    documents += [page.document for pages in content.dossiers.values() for page in pages.values()]
    documents += list(content.settings_documents.values())
    for document in sorted(documents, key=lambda document: document.path):
        for loc, text in _identical_texts(document.data, ()):
            report.identical_texts.append(_finding(document, loc, f"the same text in French and Dutch: {text[:60]!r}"))
    for entry in content.organizations:
        org, document = entry.model, entry.document
        _check_date(report, document, ("last_verified",), org.last_verified)
        if org.example:
            report.examples.append(_finding(document, ("verification",), "an example entry, not a real organisation, is published"))
            continue
        _check_fact_ages(report, document, org)
        if not (org.phones or org.locations or org.website or org.email):
            report.not_actionable.append(_finding(document, ("name",), "no phone, address, website or e-mail: a reader cannot act on it"))
        for loc, detail in _unquoted_numbers(org, content.communes):
            report.unquoted_numbers.append(_finding(document, loc, detail + ": check the page, then copy the number as it writes it"))
        for loc, numbers in _numbers_differ(document.data, ()):
            report.numbers_differ.append(_finding(document, loc, f"the numbers differ between French and Dutch: {numbers}"))
    helplines = content.settings_documents["helplines.yaml"]
    for index, line in enumerate(content.helplines):
        if line.last_verified < months_before(report.today, HELPLINE_MAX_AGE_MONTHS):
            report.helplines.append(_finding(helplines, ("helplines", index, "last_verified"),
                                             f"{line.number} checked on {line.last_verified.isoformat()}, more than "
                                             f"{HELPLINE_MAX_AGE_MONTHS} months ago: check its number and hours on the official page"))
    for template in content.templates:
        if template.model.checked < months_before(report.today, FORM_MAX_AGE_MONTHS):
            report.forms.append(_finding(template.document, ("checked",), f"checked on {template.model.checked.isoformat()}, more than "
                                         f"{FORM_MAX_AGE_MONTHS} months ago: open its official page (or its sources) and check the version"))
    for pages in content.dossiers.values():
        for page in pages.values():
            _check_date(report, page.document, ("reviewed",), page.meta.reviewed)
            if page.meta.translation == "pending":
                missing = [language for language in LANGUAGES if language not in pages]
                report.pending_translations.append(_finding(page.document, ("translation",), f"no {'/'.join(missing)} version yet"))
    return report


SECTIONS = (
    ("pending_translations", "Dossiers waiting for their translation"),
    ("identical_texts", "Texts identical in both languages (translate them, or keep them if they are names)"),
    ("outdated", f"Checked more than {MAX_AGE_MONTHS} months ago (readers see a warning on directory entries)"),
    ("due_soon", "Due for a new check within a month"),
    ("examples", "Example entries still published"),
    ("helplines", f"Helplines not checked for {HELPLINE_MAX_AGE_MONTHS} months (numbers and hours change)"),
    ("old_facts", "Facts whose newest page is old (phones, address, hours, access: 2 years; descriptions: 4 years)"),
    ("not_actionable", "Entries a reader cannot act on"),
    ("numbers_differ", "French and Dutch texts whose numbers differ (phones, hours, dates)"),
    ("unquoted_numbers", "Phones, house numbers and postcodes that their sources' quoted words do not show"),
    ("forms", f"Forms and models not checked for {FORM_MAX_AGE_MONTHS} months (official forms change version)"),
)


def format_report(report: ContentReport) -> str:
    """Return the report as text, one section per kind of finding."""
    lines = [f"Content report, {report.today.isoformat()}"]
    for attribute, title in SECTIONS:
        findings: list[Finding] = getattr(report, attribute)
        lines += ["", f"{title}: {len(findings)}"] + [f"  {finding.format()}" for finding in findings]
    lines += ["", *format_coverage(report.coverage)]
    lines += ["", "Cross-references: every broken reference is an error of `make validate`; none is allowed as a warning."]
    return "\n".join(lines) + "\n"
