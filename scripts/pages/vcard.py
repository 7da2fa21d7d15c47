"""One vCard per organisation and language, that a phone imports into its contacts."""

from __future__ import annotations

import vobject

from schemas.common import Language
from schemas.organization import Organization, tel_target
from scripts.content.loaded import Content


def render_vcard(content: Content, org: Organization, language: Language) -> str:
    """Return a vCard 3.0 of the organisation, in one language (CRLF lines, as the format wants)."""
    card = vobject.vCard()
    name = org.name.get(language)
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(family=name)
    card.add("org").value = [name]
    country = "Belgique" if language == "fr" else "België"
    for location in org.locations:
        address = location.address
        entry = card.add("adr")
        entry.value = vobject.vcard.Address(
            street=f"{address.street.get(language)} {address.number}",
            city=content.communes[address.commune].name(language),
            code=address.postcode,
            country=country,
        )
        entry.type_param = "WORK"
    for phone in org.phones:
        entry = card.add("tel")
        entry.value = tel_target(phone.number)
        entry.type_param = "WORK"
    if org.email:
        entry = card.add("email")
        entry.value = org.email
        entry.type_param = "INTERNET"
    if org.website:
        card.add("url").value = org.website
    note = content.ui_text("example_text", language) if org.example else org.description.get(language)
    card.add("note").value = note
    return str(card.serialize())
