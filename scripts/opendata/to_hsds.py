"""Open Referral HSDS 3.1: export of the directory, validated against the official JSON Schemas.

HSDS has one text per field and fixed-offset time zones: French goes in the standard fields, and
each object carries the Dutch text and the Europe/Brussels time zone in an `x_brusano` extension.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from schemas.organization import Access, Location, Organization, Service
from scripts import REPO_ROOT
from scripts.content.loaded import Content
from scripts.opendata.exports import hsds_id, metadata
from scripts.opendata.json_stream import json_chunks

HSDS_VERSION = "3.1"
"""The HSDS version of the export, declared in the document's `version` (as the HSDS API's root does)."""
HSDS_SCHEMAS = REPO_ROOT / "schemas" / "hsds-3.1"
"""The official HSDS 3.1 schemas (openreferral/specification, branch 3.1-dev; CC BY-SA 4.0; see its README)."""
WEEKDAYS_ICAL = {"mo": "MO", "tu": "TU", "we": "WE", "th": "TH", "fr": "FR", "sa": "SA", "su": "SU"}


def _translations(**texts: Any) -> dict[str, Any]:
    return {"x_brusano": {"translations": {"nl": {name: text.nl for name, text in texts.items() if text is not None}}}}


def _phones(org: Organization, owner: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"id": hsds_id("phone", f"{org.id}/{index}"), "number": phone.number, **owner,
         **({"description": phone.label.fr} if phone.label else {})}
        for index, phone in enumerate(org.phones)
    ]


def _schedules(location: Location, owner: dict[str, str]) -> list[dict[str, Any]]:
    if location.hours is None:
        return []
    return [
        {"id": hsds_id("schedule", f"{owner['location_id']}/{index}"), **owner, "freq": "WEEKLY",
         "byday": ",".join(WEEKDAYS_ICAL[day] for day in period.days), "opens_at": period.opens,
         "closes_at": period.closes, "x_brusano": {"timezone": "Europe/Brussels"}}
        for index, period in enumerate(location.hours.regular)
    ]


def _location(content: Content, org: Organization, location: Location) -> dict[str, Any]:
    location_id = hsds_id("location", f"{org.id}/{location.id}")
    address = location.address
    commune = content.communes[address.commune]
    result: dict[str, Any] = {
        "id": location_id, "location_type": "physical", "organization_id": hsds_id("organization", org.id),
        "name": (location.name or org.name).fr,
        "addresses": [{
            "id": hsds_id("address", f"{org.id}/{location.id}"), "location_id": location_id,
            "address_1": f"{address.street.fr} {address.number}", "city": commune.name_fr,
            "state_province": "Région de Bruxelles-Capitale", "postal_code": address.postcode, "country": "BE",
            "address_type": "physical",
            "x_brusano": {"commune_nis": commune.nis_code, "translations": {"nl": {
                "address_1": f"{address.street.nl} {address.number}", "city": commune.name_nl}}},
        }],
        "accessibility": [{"id": hsds_id("accessibility", f"{org.id}/{location.id}"), "location_id": location_id,
                           "description": f"wheelchair: {location.wheelchair_access}"}],
        "schedules": _schedules(location, {"location_id": location_id}),
        "languages": [{"id": hsds_id("language", f"{org.id}/{location.id}/{code}"), "location_id": location_id, "code": code}
                      for code in location.staff_languages],
        "x_brusano": {"bassins": [bassin.id for bassin in content.address_bassins(address)]},
    }
    if location.coordinates:
        result.update(latitude=location.coordinates.lat, longitude=location.coordinates.lon)
    return result


def _organization(org: Organization) -> dict[str, Any]:
    organization_id = hsds_id("organization", org.id)
    result = {"id": organization_id, "name": org.name.fr, "description": org.description.fr,
              "phones": _phones(org, {"organization_id": organization_id}),
              **_translations(name=org.name, description=org.description)}
    result["x_brusano"]["id"] = org.id
    result["x_brusano"].update(verification=org.verification, sources=[source.model_dump(mode="json", exclude_none=True) for source in org.sources])
    if org.website:
        result["website"] = org.website
    if org.email:
        result["email"] = org.email
    return result


ACCEPTED_FR = {"accepts_undocumented": "personnes sans titre de séjour", "accepts_urgent_medical_aid": "aide médicale urgente (AMU)",
               "accepts_uninsured": "personnes sans mutuelle"}


def _access_fields(content: Content, access: Access, local_id: str, service_id: str) -> dict[str, Any]:
    """Return the HSDS fields of how to get in: application_process, eligibility_description,
    interpretation_services and required_documents (French; the full record is in x_brusano.access)."""
    fields: dict[str, Any] = {}
    process = [", ".join(content.ui_text(f"access_mode_{mode}", "fr") for mode in access.modes)] if access.modes else []
    process += [text.fr for text in (access.referral_by, access.details) if text is not None]
    if process:
        fields["application_process"] = ". ".join(process)
    accepted = [f"{label} : {'oui' if getattr(access, name) else 'non'}" for name, label in ACCEPTED_FR.items()
                if getattr(access, name) is not None]
    if accepted:
        fields["eligibility_description"] = " ; ".join(accepted)
    if access.interpreting:
        fields["interpretation_services"] = access.interpreting.fr
    if access.documents:
        fields["required_documents"] = [{"id": hsds_id("required_document", local_id), "service_id": service_id,
                                         "document": access.documents.fr}]
    return fields


def _additional_urls(org: Organization, service: Service, service_id: str) -> list[dict[str, Any]]:
    """Return the public pages that state the service, as HSDS 3.1 `additional_urls` labelled with their titles."""
    return [{"id": hsds_id("url", f"{service.id}/{source.url}"), "service_id": service_id, "url": source.url,
             **({"label": source.title} if source.title else {})}
            for source in org.sources if service.id in source.supports]


def export_service(content: Content, org: Organization, service: Service) -> dict[str, Any]:
    """Return one service in HSDS 3.1 form, with its organisation and locations nested."""
    service_id = hsds_id("service", service.id)
    located = org.service_locations(service)
    areas = ["Région de Bruxelles-Capitale"] if service.area_served == "region" else [
        content.communes[nis].name_fr for nis in service.area_served]
    result: dict[str, Any] = {
        "id": service_id, "organization_id": hsds_id("organization", org.id), "name": service.name.fr,
        "description": service.description.fr, "status": "active", "last_modified": f"{org.last_verified.isoformat()}T00:00:00Z",
        "organization": _organization(org),
        "service_at_locations": [
            {"id": hsds_id("service_at_location", f"{service.id}/{location.id}"), "service_id": service_id,
             "location_id": hsds_id("location", f"{org.id}/{location.id}"), "location": _location(content, org, location)}
            for location in located
        ],
        "languages": [{"id": hsds_id("language", f"{service.id}/{code}"), "service_id": service_id, "code": code}
                      for code in (service.languages or org.languages)],
        "service_areas": [{"id": hsds_id("service_area", f"{service.id}/{name}"), "service_id": service_id, "name": name}
                          for name in areas],
        "attributes": [
            {"id": hsds_id("attribute", f"{service.id}/{category}"), "link_id": service_id, "link_type": "service",
             "link_entity": "service", "taxonomy_term_id": hsds_id("taxonomy_term", category),
             "label": content.get_category(category).name.fr,
             "taxonomy_term": {"id": hsds_id("taxonomy_term", category), "code": category,
                               "name": content.get_category(category).name.fr,
                               "description": content.get_category(category).description.fr,
                               "taxonomy": "brusano"}}
            for category in service.categories
        ],
        **_translations(name=service.name, description=service.description),
    }
    result["x_brusano"].update(id=service.id, categories=service.categories, audiences=service.audiences)
    if urls := _additional_urls(org, service, service_id):
        result["additional_urls"] = urls
    if service.access:
        result.update(_access_fields(content, service.access, service.id, service_id))
        result["x_brusano"]["access"] = service.access.model_dump(mode="json", exclude_none=True)
    if service.cost:
        result["cost_options"] = [{"id": hsds_id("cost_option", service.id), "service_id": service_id,
                                   "option": service.cost.kind, **({"amount_description": service.cost.details.fr} if service.cost.details else {})}]
        result["x_brusano"]["cost"] = service.cost.kind
    return result


def export_hsds(content: Content) -> Iterator[str]:
    """Return every service as HSDS 3.1 JSON, in pieces (a paginated service list with one page)."""
    pairs = content.get_services()
    document = {"version": HSDS_VERSION, "total_items": len(pairs), "total_pages": 1, "page_number": 1, "size": len(pairs),
                "first_page": True, "last_page": True, "empty": not pairs, "x_brusano": {"metadata": metadata(content)}}
    return json_chunks(document, "contents", (export_service(content, org, service) for org, service in pairs))


@lru_cache(maxsize=1)
def _registry() -> Registry:
    resources = []
    for path in sorted(HSDS_SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def validate_hsds_service(service: dict[str, Any]) -> list[str]:
    """Return the HSDS schema errors of one exported service (empty when it is valid)."""
    schema = json.loads((HSDS_SCHEMAS / "service.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(service)]
