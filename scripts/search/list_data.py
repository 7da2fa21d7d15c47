"""The patient's list's data: for each service, what the list page shows and prints as next steps.

One script per language (search/<lang>-list.js): the list page loads its own language's, and the
other language's when the reader prints the list for a patient who reads the other one.
"""

from __future__ import annotations

from typing import Any

from schemas.common import LANGUAGES, Language
from schemas.organization import Organization, Service, tel_target
from scripts.content.loaded import Content
from scripts.pages import urls
from scripts.pages.helpers import PageHelpers

LIST_LABELS = ("list_title", "list_empty", "list_remove", "list_up", "list_down", "list_clear", "list_note_label",
               "list_print_notes", "list_print", "list_print_other", "list_share", "list_share_hint", "list_qr",
               "list_from_link", "list_keep", "list_count", "list_missing", "phone", "address", "opening_hours",
               "access_how", "access_documents", "helplines_title", "list_entry", "list_printed_on")
"""The interface labels the list page uses, sent with its data."""


def _next_steps(helpers: PageHelpers, org: Organization, service: Service) -> dict[str, Any]:
    """Return what a reader needs to act on one service: how to get in, what to bring, phone, address, hours."""
    access = service.access
    how = []
    if access is not None:
        how += [helpers.ui("access_mode_" + mode) for mode in access.modes]
        how += [helpers.t(text) for text in (access.referral_by, access.details) if text is not None]
    locations = org.service_locations(service)
    return {
        "org": org.name.get(helpers.language),
        "name": service.name.get(helpers.language),
        "page": urls.html_path(urls.organization_path(org.id)),
        "how": " · ".join(how),
        "bring": helpers.t(access.documents) if access is not None and access.documents is not None else "",
        "phones": [[phone.number, tel_target(phone.number), helpers.t(phone.label)] for phone in org.phones],
        "addresses": [f"{helpers.t(location.address.street)} {location.address.number}, {location.address.postcode} "
                      f"{helpers.commune_name(location.address.commune)}" for location in locations],
        "hours": [[day, text] for location in locations[:1] if location.hours for day, text in helpers.week_hours(location.hours)],
    }


def list_data(content: Content, language: Language) -> dict[str, Any]:
    """Return the list page's data for one language: its labels, every service's next steps, the helplines."""
    helpers = PageHelpers(content, language, "", {})
    return {
        "language": language,
        "labels": {key: helpers.ui(key) for key in LIST_LABELS},
        "services": {service.id: _next_steps(helpers, org, service) for org, service in content.get_services()},
        "helplines": [[line.name.get(language), line.number, line.hours.get(language)] for line in content.helplines],
        "languages": {code: helpers.language_name(code) for code in LANGUAGES},
    }
