"""What editors should look at: untranslated texts, facts checked too long ago, example entries."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from schemas.common import LANGUAGES
from scripts.content.dates import MAX_AGE_MONTHS, is_due_soon, is_outdated, months_before
from scripts.content.loaded import Content
from scripts.content.yaml_source import FieldPath, YamlDocument, dotted

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
    pending_translations: list[Finding] = field(default_factory=list)
    identical_texts: list[Finding] = field(default_factory=list)
    outdated: list[Finding] = field(default_factory=list)
    due_soon: list[Finding] = field(default_factory=list)
    examples: list[Finding] = field(default_factory=list)
    helplines: list[Finding] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """Return the report as plain data (for --format json)."""
        data = asdict(self)
        data["today"] = self.today.isoformat()
        return data


HELPLINE_MAX_AGE_MONTHS = 6
"""A helpline's number and hours are checked again after this many months."""


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


def build_report(content: Content, today: date) -> ContentReport:
    """Return what editors should look at in the content, as of a day."""
    report = ContentReport(today)
    documents = [entry.document for entry in content.organizations] + [entry.document for entry in content.templates]
    documents += [page.document for pages in content.dossiers.values() for page in pages.values()]
    documents += list(content.settings_documents.values())
    for document in sorted(documents, key=lambda document: document.path):
        for loc, text in _identical_texts(document.data, ()):
            report.identical_texts.append(_finding(document, loc, f"the same text in French and Dutch: {text[:60]!r}"))
    for entry in content.organizations:
        _check_date(report, entry.document, ("last_verified",), entry.model.last_verified)
        if entry.model.example:
            report.examples.append(_finding(entry.document, ("verification",), "an example entry, not a real organisation, is published"))
    helplines = content.settings_documents["helplines.yaml"]
    for index, line in enumerate(content.helplines):
        if line.last_verified < months_before(report.today, HELPLINE_MAX_AGE_MONTHS):
            report.helplines.append(_finding(helplines, ("helplines", index, "last_verified"),
                                             f"{line.number} checked on {line.last_verified.isoformat()}, more than "
                                             f"{HELPLINE_MAX_AGE_MONTHS} months ago: check its number and hours on the official page"))
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
)


def format_report(report: ContentReport) -> str:
    """Return the report as text, one section per kind of finding."""
    lines = [f"Content report, {report.today.isoformat()}"]
    for attribute, title in SECTIONS:
        findings: list[Finding] = getattr(report, attribute)
        lines += ["", f"{title}: {len(findings)}"] + [f"  {finding.format()}" for finding in findings]
    lines += ["", "Cross-references: every broken reference is an error of `make validate`; none is allowed as a warning."]
    return "\n".join(lines) + "\n"
