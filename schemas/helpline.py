"""Phone lines to call when services are closed or in an emergency (content/helplines.yaml)."""

from __future__ import annotations

from typing import Annotated

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from schemas.common import ContentModel, LocalizedText, PastDate, Slug, Source
from schemas.organization import LanguageCode


def _check_dialable(value: str) -> str:
    try:
        parsed = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException as error:
        raise PydanticCustomError(
            "phone", "'{value}' is not a phone number", {"value": value, "fix": 'write it as the official page does: "1733", "070 245 245"'}
        ) from error
    if not (phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number_for_region(parsed, "BE")):
        raise PydanticCustomError(
            "phone",
            "'{value}' is neither a valid Belgian number nor a Belgian short number",
            {"value": value, "fix": "copy the number from the official page of the line"},
        )
    return value


DialableNumber = Annotated[str, AfterValidator(_check_dialable)]
"""A number dialled from Belgium: a full number ("070 245 245") or a short one ("1733", "112")."""


class Helpline(ContentModel):
    """One helpline: who may call, when, in which languages, what it costs, and its source."""

    id: Slug
    """Identifier (`garde-medecine-generale`)."""
    number: DialableNumber
    """The number exactly as its official page writes it."""
    name: LocalizedText
    """Name of the line."""
    who: LocalizedText
    """Who may call, for what (one sentence)."""
    hours: LocalizedText
    """When the line answers, as the source states it."""
    languages: list[LanguageCode] = []
    """Languages answered in, when the source states them."""
    cost: LocalizedText | None = None
    """What a call costs, when the source states it (free number...)."""
    sources: list[Source] = Field(min_length=1)
    """The official pages the number and hours come from."""
    last_verified: PastDate
    """The day the line was last checked against its sources; over six months, `make report` says so."""


class Helplines(ContentModel):
    """The file content/helplines.yaml."""

    helplines: list[Helpline] = Field(min_length=1)
    """The lines, in the order the site lists them (most urgent first)."""
