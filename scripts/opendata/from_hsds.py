"""Import Open Referral HSDS 3.0 or 3.1 data (JSON, or the CSV datapackage) into content/directory YAML.

Every record that cannot be mapped is reported with the reason, so that a real directory can be
loaded and its gaps fixed: addresses outside the Brussels-Capital Region, numbers that are not
phone numbers, schedules that are not weekly, services without a known category. HSDS has one
text per field: unless the file carries our `x_brusano` translations, the text is copied into
both languages and the report lists it as to be translated. HSDS 3.1 only adds optional fields to
3.0, so one mapping reads both; a JSON document that declares another version is refused.

The command is `python -m scripts.hsds_import` (scripts/hsds_import.py).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import ValidationError

from schemas.organization import Coordinates, Organization
from scripts.content.loaded import Content
from scripts.content.yaml_source import dump_yaml

HSDS_VERSIONS = ("3.0", "3.1")
"""The HSDS versions read, with their patch releases (3.1.2)."""
ICAL_DAYS = {"MO": "mo", "TU": "tu", "WE": "we", "TH": "th", "FR": "fr", "SA": "sa", "SU": "su"}


@dataclass
class ImportReport:
    """What was imported, and every record or field that could not be."""

    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "service"


def read_services(source: Path) -> list[dict[str, Any]]:
    """Return HSDS services (service_full form) from a JSON file or a CSV datapackage."""
    if source.name == "datapackage.json" or source.is_dir():
        return _services_from_datapackage(source if source.is_dir() else source.parent)
    data = json.loads(source.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        _check_version(data, source)
    if isinstance(data, dict) and "contents" in data:
        return list(data["contents"])
    return data if isinstance(data, list) else [data]


def _check_version(document: dict[str, Any], source: Path) -> None:
    """Refuse a document whose `version` (the HSDS API root's field, which our export carries) is not 3.0 or 3.1."""
    version = str(document.get("version", ""))
    if version and not any(version == known or version.startswith(f"{known}.") for known in HSDS_VERSIONS):
        raise ValueError(f"{source}: version: expected HSDS {' or '.join(HSDS_VERSIONS)} but the file declares {version!r}")


def _services_from_datapackage(folder: Path) -> list[dict[str, Any]]:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in package["resources"]:
        path = folder / resource["path"]
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as handle:
                tables[resource["name"]] = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(handle)]

    def rows(name: str, key: str, value: str) -> list[dict[str, Any]]:
        return [dict(row) for row in tables.get(name, []) if row.get(key) == value]

    organizations = {row["id"]: row for row in tables.get("organization", [])}
    terms = {row["id"]: row for row in tables.get("taxonomy_term", [])}
    services = []
    for service in tables.get("service", []):
        full: dict[str, Any] = dict(service)
        full["organization"] = dict(organizations.get(service.get("organization_id", ""), {}))
        full["organization"]["phones"] = rows("phone", "organization_id", full["organization"].get("id", "-"))
        full["phones"] = rows("phone", "service_id", service["id"])
        full["languages"] = rows("language", "service_id", service["id"])
        full["schedules"] = rows("schedule", "service_id", service["id"])
        full["attributes"] = [dict(a, taxonomy_term=terms.get(a.get("taxonomy_term_id", ""), {})) for a in rows("attribute", "link_id", service["id"])]
        full["service_at_locations"] = []
        for link in rows("service_at_location", "service_id", service["id"]):
            location = next((dict(loc) for loc in tables.get("location", []) if loc["id"] == link.get("location_id")), {})
            location["addresses"] = rows("address", "location_id", location.get("id", "-"))
            location["schedules"] = rows("schedule", "location_id", location.get("id", "-"))
            location["accessibility"] = rows("accessibility", "location_id", location.get("id", "-"))
            full["service_at_locations"].append(dict(link, location=location))
        services.append(full)
    return services


def _localized(record: dict[str, Any], name: str, report: ImportReport, label: str, owner: str) -> dict[str, str] | None:
    text = (record.get(name) or "").strip()
    if not text:
        return None
    translated = (record.get("x_brusano") or {}).get("translations", {}).get("nl", {}).get(name)
    if translated is None:
        warning = f"{label}: {owner} {name}: copied into both languages, to be translated into Dutch"
        if warning not in report.warnings:
            report.warnings.append(warning)
    return {"fr": text, "nl": translated or text}


def _commune_for(content: Content, address: dict[str, Any]) -> tuple[int | None, str]:
    postcode = str(address.get("postal_code", "")).strip()
    nis = (address.get("x_brusano") or {}).get("commune_nis")
    if nis in content.communes:
        return nis, postcode
    candidates = sorted(content.postcodes.get(postcode, set()))
    city = (address.get("city") or "").strip().lower()
    named = [n for n in candidates if city in (content.communes[n].name_fr.lower(), content.communes[n].name_nl.lower())]
    chosen = named or candidates
    return (chosen[0] if chosen else None), postcode


def _location(content: Content, link: dict[str, Any], number: int, report: ImportReport, label: str) -> dict[str, Any] | None:
    location = link.get("location") or {}
    addresses = [a for a in location.get("addresses", []) if a.get("address_type", "physical") != "virtual"]
    if not addresses:
        report.skipped.append(f"{label}: location {location.get('id', number)}: no postal address")
        return None
    address = addresses[0]
    nis, postcode = _commune_for(content, address)
    if nis is None or str(address.get("country", "BE")).upper() not in ("BE", "BEL"):
        report.skipped.append(f"{label}: location {location.get('id', number)}: address {address.get('address_1')!r}, "
                              f"{postcode} {address.get('city')!r} ({address.get('country')}) is not in the Brussels-Capital Region")
        return None
    street_fr = str(address.get("address_1", "")).strip()
    street_nl = ((address.get("x_brusano") or {}).get("translations", {}).get("nl", {}).get("address_1") or street_fr)
    split_fr = re.match(r"^(.*?)[ ,]+(\d+\S*(?: (?:bte|bus|box) \S+)?)$", street_fr)
    split_nl = re.match(r"^(.*?)[ ,]+(\d+\S*(?: (?:bte|bus|box) \S+)?)$", street_nl)
    result: dict[str, Any] = {
        "id": f"site-{number + 1}",
        "address": {
            "street": {"fr": split_fr.group(1) if split_fr else street_fr, "nl": split_nl.group(1) if split_nl else street_nl},
            "number": split_fr.group(2) if split_fr else "s/n",
            "postcode": postcode,
            "commune": nis,
        },
    }
    if location.get("latitude") not in (None, "") and location.get("longitude") not in (None, ""):
        point = {"lat": float(location["latitude"]), "lon": float(location["longitude"])}
        try:
            Coordinates.model_validate(point)
            result["coordinates"] = point
        except ValidationError:
            report.warnings.append(f"{label}: location {location.get('id', number)}: the point {point['lat']}, {point['lon']} "
                                   "is outside the Region, left out (the commune's reference point is used)")
    hours = _hours(location.get("schedules", []), report, label)
    if hours:
        result["hours"] = {"regular": hours}
    return result


def _hours(schedules: list[dict[str, Any]], report: ImportReport, label: str) -> list[dict[str, Any]]:
    periods = []
    for schedule in schedules:
        days = [ICAL_DAYS.get(day.strip()) for day in str(schedule.get("byday", "")).split(",") if day.strip()]
        opens, closes = str(schedule.get("opens_at", ""))[:5], str(schedule.get("closes_at", ""))[:5]
        if schedule.get("freq") != "WEEKLY" or not days or None in days or not re.fullmatch(r"\d\d:\d\d", opens) or not re.fullmatch(r"\d\d:\d\d", closes):
            report.warnings.append(f"{label}: schedule {schedule.get('id')}: not a plain weekly schedule "
                                   f"(freq={schedule.get('freq')}, byday={schedule.get('byday')}), left out")
            continue
        periods.append({"days": days, "opens": opens, "closes": closes})
    return periods


def _phones(records: list[dict[str, Any]], report: ImportReport, label: str) -> list[dict[str, Any]]:
    phones: list[dict[str, Any]] = []
    for record in records:
        number = str(record.get("number", "")).strip().strip('"')
        if any(phone["number"] == number for phone in phones):
            continue
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(number, "BE"))
        except phonenumbers.NumberParseException:
            valid = False
        if not valid:
            report.warnings.append(f"{label}: phone {number!r} is not a valid phone number, left out")
            continue
        phones.append({"number": number})
    return phones


def _with_date(record: dict[str, Any], name: str) -> dict[str, Any]:
    """Return a copy of a JSON record with its ISO date field read as a date."""
    return {**record, **({name: date.fromisoformat(record[name])} if record.get(name) else {})}


def _sources(service: dict[str, Any], organization: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the record's web pages as sources: the service's page, else the organisation's site."""
    url = service.get("url") or organization.get("url") or organization.get("website")
    return [{"url": url, "title": f"HSDS {service.get('id')}"}] if url else []


def _access(service: dict[str, Any], report: ImportReport, label: str) -> dict[str, Any]:
    """Return how to get in: our own record when the export was ours, else the HSDS text fields."""
    extension = service.get("x_brusano") or {}
    if extension.get("access"):
        access = dict(extension["access"])
        if "new_clients" in access:
            access["new_clients"] = _with_date(access["new_clients"], "checked")
        return access
    access: dict[str, Any] = {}
    for hsds_field, name in (("application_process", "details"), ("interpretation_services", "interpreting")):
        if text := _localized(service, hsds_field, report, label, "service"):
            access[name] = text
    documents = "; ".join(document.get("document", "") for document in service.get("required_documents", []) if document.get("document"))
    if documents:
        access["documents"] = _localized({"documents": documents}, "documents", report, label, "service")
    return access


def map_service(content: Content, service: dict[str, Any], report: ImportReport, default_category: str | None) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """Return (organisation id, organisation fields, service fields), or None after reporting why not."""
    label = f"service {service.get('id')} ({service.get('name')!r})"
    extension = service.get("x_brusano") or {}
    known = {category.id for category in content.taxonomy.categories}
    codes = extension.get("categories") or [(a.get("taxonomy_term") or {}).get("code") for a in service.get("attributes", [])]
    categories = [code for code in codes if code in known] or ([default_category] if default_category else [])
    for code in codes:
        if code not in known:
            report.warnings.append(f"{label}: category {code!r} is not in content/taxonomy.yaml")
    if not categories:
        report.skipped.append(f"{label}: no category of content/taxonomy.yaml (give one with --category)")
        return None
    locations = [loc for number, link in enumerate(service.get("service_at_locations", []))
                 if (loc := _location(content, link, number, report, label))]
    if not locations:
        report.skipped.append(f"{label}: no location in the Brussels-Capital Region")
        return None
    organization = service.get("organization") or {}
    org_extension = organization.get("x_brusano") or {}
    org_id = org_extension.get("id") or _slug(f"{organization.get('name', service.get('name'))}-{str(organization.get('id', ''))[:8]}")
    name = _localized(organization, "name", report, label, "organisation") or _localized(service, "name", report, label, "service")
    verified = str(service.get("assured_date") or service.get("last_modified") or date.today().isoformat())[:10]
    org_fields = {
        "id": org_id,
        "verification": org_extension.get("verification") or ("example" if org_extension.get("example") else "public-source"),
        "name": name,
        "description": _localized(organization, "description", report, label, "organisation") or name,
        **({"website": organization["website"]} if organization.get("website") else {}),
        **({"email": organization["email"]} if organization.get("email") else {}),
        "phones": _phones(organization.get("phones", []) + service.get("phones", []), report, label),
        "languages": sorted({lang["code"] for lang in service.get("languages", []) if lang.get("code")}),
        "locations": locations,
        "last_verified": min(date.fromisoformat(verified), date.today()),
        "sources": [_with_date(source, "read") for source in org_extension.get("sources", [])] or _sources(service, organization),
    }
    service_fields = {
        "id": extension.get("id") or _slug(f"{org_id}-{service.get('name')}"),
        "name": _localized(service, "name", report, label, "service"),
        "description": _localized(service, "description", report, label, "service") or _localized(service, "name", report, label, "service"),
        "categories": categories,
        **({"audiences": extension["audiences"]} if extension.get("audiences") else {}),
        **({"cost": {"kind": extension["cost"]}} if extension.get("cost") else {}),
        **({"access": access} if (access := _access(service, report, label)) else {}),
    }
    return org_id, org_fields, service_fields


def import_services(content: Content, services: list[dict[str, Any]], default_category: str | None = None) -> tuple[dict[str, dict[str, Any]], ImportReport]:
    """Return {organisation id: organisation YAML data} and the report."""
    report = ImportReport()
    organizations: dict[str, dict[str, Any]] = {}
    for service in services:
        mapped = map_service(content, service, report, default_category)
        if mapped is None:
            continue
        org_id, org_fields, service_fields = mapped
        organization = organizations.setdefault(org_id, {**org_fields, "services": []})
        organization["services"].append(service_fields)
        organization.setdefault("_sources", []).append(service.get("id"))
    for org_id, organization in list(organizations.items()):
        sources = organization.pop("_sources")
        try:
            _source_every_fact(organization)
            Organization.model_validate(organization)
        except ValidationError as error:
            report.skipped.append(f"organisation {org_id}: does not pass validation once mapped: {error.errors()[0]['msg']}")
            del organizations[org_id]
            continue
        report.imported += [f"service {source} -> content/directory/{org_id}.yaml" for source in sources]
    return organizations, report


def _source_every_fact(organization: dict[str, Any]) -> None:
    """Give a foreign record's pages (sources without supports: not our own export) every fact the
    record publishes, read today: the facts come from that record."""
    facts = list(Organization.model_validate(organization).published_facts())
    for source in organization["sources"]:
        if not source.get("supports"):
            source["supports"] = facts
            source.setdefault("read", date.today())


def write_organizations(organizations: dict[str, dict[str, Any]], output: Path) -> list[Path]:
    """Write one YAML file per organisation; return the paths."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for org_id, organization in sorted(organizations.items()):
        path = output / f"{org_id}.yaml"
        text = dump_yaml(organization)
        path.write_text("# Imported from HSDS: check the texts and translations before publishing.\n" + text, encoding="utf-8")
        written.append(path)
    return written

