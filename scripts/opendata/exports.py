"""Open data: the whole directory as JSON, CSV (with CSVW metadata), HSDS 3.1 JSON, and vCards."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from typing import Any

from schemas.common import LANGUAGES
from schemas.organization import Organization, Service
from scripts.content.dates import build_date
from scripts.content.loaded import Content
from scripts.opendata.json_stream import json_chunks
from scripts.pages import urls

LICENCE = "https://creativecommons.org/licenses/by/4.0/"
UUID_NAMESPACE = uuid.UUID("6f0d6c1e-3c52-4f43-9a63-2f1d9c0b5e10")
"""Fixed namespace: the same content id always gives the same HSDS UUID."""
CSV_COLUMNS = (
    "service_id", "organization_id", "verification", "organization_name_fr", "organization_name_nl",
    "service_name_fr", "service_name_nl", "description_fr", "description_nl", "categories", "audiences",
    "street_fr", "street_nl", "number", "postcode", "commune_nis", "commune_fr", "commune_nl", "latitude", "longitude",
    "bassins", "phones", "email", "website", "languages", "staff_languages", "cost", "wheelchair_access", "area_served",
    "access_modes", "referral_by_fr", "referral_by_nl", "access_details_fr", "access_details_nl", "documents_fr", "documents_nl",
    "accepts_undocumented", "accepts_urgent_medical_aid", "accepts_uninsured", "interpreting_fr", "interpreting_nl",
    "accepting_new_clients", "new_clients_checked", "last_verified", "sources",
    "sources_description", "sources_phones", "sources_address", "sources_hours", "sources_service", "sources_access", "page_fr", "page_nl",
)
"""The columns of the CSV; sources_<fact> lists the pages that state that fact (service: the row's service; access: how to get in)."""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _both(text: Any, prefix: str) -> dict[str, str]:
    return {f"{prefix}_{language}": text.get(language) if text is not None else "" for language in LANGUAGES}


def location_bassin_ids(content: Content, org: Organization) -> dict[str, list[str]]:
    """Return each location's bassin ids (several when the sources do not decide)."""
    return {location.id: [bassin.id for bassin in content.address_bassins(location.address)] for location in org.locations}


def hsds_id(kind: str, local_id: str) -> str:
    """Return the stable UUID of a directory object in the HSDS export."""
    return str(uuid.uuid5(UUID_NAMESPACE, f"{kind}:{local_id}"))


def metadata(content: Content) -> dict[str, Any]:
    """Return the metadata block shared by the exports."""
    return {
        "title": {language: content.site.name.get(language) for language in LANGUAGES},
        "licence": LICENCE,
        "licence_name": "CC BY 4.0",
        "generated": build_date().isoformat(),
        "attribution": "Brusano; communes: FPS BOSA BeST Address (CC BY 4.0)",
    }


def export_json(content: Content) -> Iterator[str]:
    """Return the directory as JSON, in pieces: our own model, both languages, with metadata."""
    document = {
        "metadata": metadata(content),
        "bassins": [bassin.model_dump(mode="json") for bassin in content.bassins],
        "location_bassins": {f"{entry.model.id}/{location_id}": bassins for entry in content.organizations
                             for location_id, bassins in location_bassin_ids(content, entry.model).items()},
        "categories": [category.model_dump(mode="json") for category in content.taxonomy.categories],
        "communes": [commune.model_dump(mode="json") for commune in content.communes.values()],
    }
    return json_chunks(document, "organizations", (entry.model.model_dump(mode="json") for entry in content.organizations))


def _address_columns(content: Content, location: Any) -> dict[str, str]:
    if location is None:
        return {name: "" for name in ("street_fr", "street_nl", "number", "postcode", "commune_nis", "commune_fr", "commune_nl",
                                      "latitude", "longitude", "bassins", "wheelchair_access", "staff_languages")}
    commune = content.communes[location.address.commune]
    return {
        "street_fr": location.address.street.fr, "street_nl": location.address.street.nl,
        "number": location.address.number, "postcode": location.address.postcode,
        "commune_nis": str(commune.nis_code), "commune_fr": commune.name_fr, "commune_nl": commune.name_nl,
        "latitude": str(location.coordinates.lat) if location.coordinates else "",
        "longitude": str(location.coordinates.lon) if location.coordinates else "",
        "bassins": " ".join(bassin.id for bassin in content.address_bassins(location.address)),
        "wheelchair_access": location.wheelchair_access, "staff_languages": " ".join(location.staff_languages),
    }


def _access_columns(service: Service) -> dict[str, str]:
    access = service.access
    new_clients = access.new_clients if access else None
    return {
        "access_modes": " ".join(access.modes) if access else "",
        **_both(access and access.referral_by, "referral_by"), **_both(access and access.details, "access_details"),
        **_both(access and access.documents, "documents"), **_both(access and access.interpreting, "interpreting"),
        "accepts_undocumented": _yes_no(access.accepts_undocumented if access else None),
        "accepts_urgent_medical_aid": _yes_no(access.accepts_urgent_medical_aid if access else None),
        "accepts_uninsured": _yes_no(access.accepts_uninsured if access else None),
        "accepting_new_clients": _yes_no(new_clients.accepting if new_clients else None),
        "new_clients_checked": new_clients.checked.isoformat() if new_clients else "",
    }


def _fact_source_columns(org: Organization, service: Service) -> dict[str, str]:
    """Return, for each fact of the row, the URLs of the pages that state it."""
    facts = {"description": "description", "phones": "phones", "address": "address", "hours": "hours",
             "service": service.id, "access": f"{service.id}.access"}
    return {f"sources_{column}": " ".join(source.url for source in org.sources if fact in source.supports) for column, fact in facts.items()}


def _csv_row(content: Content, org: Organization, service: Service) -> dict[str, str]:
    located = org.service_locations(service)
    location = located[0] if located else None
    page = urls.html_path(urls.organization_path(org.id))
    return {
        "service_id": service.id, "organization_id": org.id, "verification": org.verification,
        "organization_name_fr": org.name.fr, "organization_name_nl": org.name.nl,
        "service_name_fr": service.name.fr, "service_name_nl": service.name.nl,
        "description_fr": service.description.fr, "description_nl": service.description.nl,
        "categories": " ".join(service.categories), "audiences": " ".join(service.audiences),
        **_address_columns(content, location),
        "phones": " ; ".join(phone.number for phone in org.phones), "email": org.email or "",
        "website": org.website or "", "languages": " ".join(service.languages or org.languages),
        "cost": service.cost.kind if service.cost else "",
        "area_served": "region" if service.area_served == "region" else " ".join(map(str, service.area_served)),
        **_access_columns(service),
        "last_verified": org.last_verified.isoformat(), "sources": " ".join(source.url for source in org.sources),
        **_fact_source_columns(org, service),
        "page_fr": f"fr/{page}", "page_nl": f"nl/{page}",
    }


def export_csv(content: Content) -> str:
    """Return one row per service, UTF-8 with a byte-order mark so that spreadsheets read accents."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for org, service in content.get_services():
        writer.writerow(_csv_row(content, org, service))
    return "\ufeff" + buffer.getvalue()


def export_csv_metadata(content: Content) -> str:
    """Return the W3C CSVW metadata of the CSV: licence, date and column titles."""
    document = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": "directory.csv",
        "dc:title": metadata(content)["title"]["fr"],
        "dc:license": LICENCE,
        "dc:modified": build_date().isoformat(),
        "tableSchema": {"columns": [{"name": column, "titles": column} for column in CSV_COLUMNS]},
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"

