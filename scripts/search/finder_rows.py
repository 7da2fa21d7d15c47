"""What the directory finder needs in the browser, per language: one row per service, and labels.

It travels in its own file, search/<lang>-finder.js, which the finder page preloads. Rows are
aligned with the first documents of the search index (the services).
"""

from __future__ import annotations

from typing import Any, get_args

from babel import Locale

from schemas.common import Language, other_language
from schemas.organization import WEEKDAYS, CostKind, Location, Organization, Service, clock_minutes, tel_target
from scripts.content.loaded import Content
from scripts.pages import urls
from scripts.pages.site_text import SEARCH_RESULT_TYPES

ROW_FIELDS = ("id", "org", "orgName", "name", "cats", "publics", "langs", "cost", "area", "phone", "example", "places", "level",
              "frontDoor", "accessBits")
"""A row's values, in the order rows list them: the finder reads each by name (data.fields.row)."""
PLACE_FIELDS = ("nis", "lat", "lon", "accessible", "hours", "bassin")
"""A place's values (a row's "places"), in order."""
COMMUNE_FIELDS = ("nis", "name", "lat", "lon", "postcodes", "otherName")
"""A commune's values, in order."""
WHEELCHAIR_ACCESSIBLE = ("full", "partial")
"""The wheelchair_access values that the finder's "wheelchair access" box keeps."""


def _values(named: dict[str, Any], fields: tuple[str, ...]) -> list[Any]:
    """Return named's values in the order of fields (the names must be the same)."""
    if named.keys() != set(fields):
        raise ValueError(f"finder data: expected the fields {sorted(fields)} but got {sorted(named)}")
    return [named[name] for name in fields]


def _hours(location: Location) -> list[Any]:
    """Return [[weekday bits (mo=1 ... su=64), opens, closes] ...] and [[date, opens, closes] ...] in minutes."""
    if location.hours is None:
        return [[], []]
    regular = [[sum(1 << WEEKDAYS.index(day) for day in period.days), clock_minutes(period.opens), clock_minutes(period.closes)]
               for period in location.hours.regular]
    exceptions = [[exception.date.isoformat(), *( [-1, -1] if exception.closed else
                   [clock_minutes(exception.opens or ""), clock_minutes(exception.closes or "")])]
                  for exception in location.hours.exceptions]
    return [regular, exceptions]


def _row(content: Content, org: Organization, service: Service, category_index: dict[str, int],
         audience_index: dict[str, int], bassin_index: dict[str, int], language: Language) -> list[Any]:
    locations = org.service_locations(service)
    places = []
    for location in locations:
        commune = content.communes[location.address.commune]
        lat, lon = (location.coordinates.lat, location.coordinates.lon) if location.coordinates else (commune.lat, commune.lon)
        bassins = content.address_bassins(location.address)
        bassin = bassin_index[bassins[0].id] if len(bassins) == 1 else -1
        places.append(_values({"nis": commune.nis_code, "lat": round(lat, 5), "lon": round(lon, 5),
                               "accessible": 1 if location.wheelchair_access in WHEELCHAIR_ACCESSIBLE else 0,
                               "hours": _hours(location), "bassin": bassin}, PLACE_FIELDS))
    phone = [org.phones[0].number, tel_target(org.phones[0].number)] if org.phones else ""
    categories = [content.get_category(c) for c in service.categories]
    spoken = sorted(set(service.languages or org.languages).union(*(location.staff_languages for location in locations)))
    return _values({
        "id": service.id,
        "org": org.id,
        "orgName": org.name.get(language),
        "name": service.name.get(language),
        "cats": [category_index[c] for c in service.categories],
        "publics": [audience_index[a] for a in service.audiences],
        "langs": spoken,
        "cost": service.cost.kind if service.cost else "",
        "area": 0 if service.area_served == "region" else service.area_served,
        "phone": phone,
        "example": 1 if org.example else 0,
        "places": places,
        "level": min(category.level for category in categories),
        "frontDoor": 1 if any(category.front_door for category in categories) else 0,
        "accessBits": _access_bits(service),
    }, ROW_FIELDS)


ACCESS_BITS = {"walk-in": 1, "papers": 2, "interpreting": 4}
"""The finder's access filters, as bits of one number per row."""


def _access_bits(service: Service) -> int:
    """Return the row's access bits: walk-in, without papers or with urgent medical aid, interpreting."""
    access = service.access
    if access is None:
        return 0
    bits = ACCESS_BITS["walk-in"] if "walk-in" in access.modes else 0
    if access.accepts_undocumented or access.accepts_urgent_medical_aid:
        bits |= ACCESS_BITS["papers"]
    if access.interpreting is not None:
        bits |= ACCESS_BITS["interpreting"]
    return bits


def finder_data(content: Content, language: Language) -> dict[str, Any]:
    """Return the finder's rows and labels for one language."""
    categories = content.taxonomy.categories
    shown = content.shown_categories()
    category_index = {category.id: position for position, category in enumerate(categories)}
    audience_index = {audience.id: position for position, audience in enumerate(content.taxonomy.audiences)}
    bassin_index = {bassin.id: position for position, bassin in enumerate(content.bassins)}
    locale = Locale.parse(language)
    codes = sorted({code for entry in content.organizations for code in entry.model.languages}
                   | {code for _, service in content.get_services() for code in service.languages}
                   | {code for entry in content.organizations for location in entry.model.locations for code in location.staff_languages})
    # A postcode shared by two communes (1040, 1050, 1060: Brussels-City and a neighbour) lists
    # first the commune whose own main postcode it is.
    postcode_communes = {
        postcode: sorted(communes, key=lambda nis: (content.communes[nis].postcodes[0] != postcode, nis))
        for postcode, communes in sorted(content.postcodes.items())
    }
    ui = {key: text.get(language) for key, text in content.ui.items() if key.startswith("finder_")}
    return {
        "fields": {"row": ROW_FIELDS, "place": PLACE_FIELDS, "commune": COMMUNE_FIELDS},
        "rows": [_row(content, org, service, category_index, audience_index, bassin_index, language) for org, service in content.get_services()],
        "costs": [[kind, content.ui_text(f"cost_{kind}", language)] for kind in get_args(CostKind)],
        "filterWords": {name: terms.get(language) for name, terms in content.taxonomy.filter_words},
        "serviceType": SEARCH_RESULT_TYPES["service"][0],
        "bassins": [[b.id, b.name.get(language)] for b in content.bassins],
        "accessBits": ACCESS_BITS,
        "entryBase": urls.relative_link(urls.finder_path(), urls.organization_path("x")).removesuffix("x.md"),
        "categoryBase": urls.relative_link(urls.finder_path(), urls.category_path("x")).removesuffix("x.md"),
        "categories": [{"id": c.id, "name": c.name.get(language), "group": c.group, "words": [c.name.get(language), *c.synonyms.get(language)],
                        "shown": c in shown} for c in categories],
        "groups": [{"id": g.id, "name": g.name.get(language), "difference": g.difference.get(language) if g.difference else ""}
                   for g in content.taxonomy.groups],
        "audiences": [[a.id, a.name.get(language)] for a in content.taxonomy.audiences],
        "communes": [_values({"nis": c.nis_code, "name": c.name(language), "lat": c.lat, "lon": c.lon, "postcodes": list(c.postcodes),
                              "otherName": c.name(other_language(language))}, COMMUNE_FIELDS)
                     for c in sorted(content.communes.values(), key=lambda commune: commune.name(language))],
        "postcodes": postcode_communes,
        "languages": [[code, str(locale.languages.get(code, code))] for code in codes],
        "ui": ui,
    }
