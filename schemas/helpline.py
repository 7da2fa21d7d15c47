"""Phone lines to call when services are closed or in an emergency (content/helplines.yaml)."""

from __future__ import annotations

from pydantic import Field

from schemas.common import ContentModel, LocalizedText, PastDate, Slug, Source
from schemas.organization import LanguageCode, PhoneNumber


class Helpline(ContentModel):
    """One helpline: who may call, when, in which languages, what it costs, and its source."""

    id: Slug
    """Identifier (`garde-medecine-generale`)."""
    number: PhoneNumber
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
