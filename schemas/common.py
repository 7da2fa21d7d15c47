"""Building blocks shared by every content type."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

Language = Literal["fr", "nl"]
"""A language the site is published in."""

LANGUAGES: tuple[Language, ...] = get_args(Language)
"""Every language of the site, in order: the one place they are listed."""


def other_language(language: Language) -> Language:
    """Return the site's other language (fr ↔ nl)."""
    return "nl" if language == "fr" else "fr"

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class ContentModel(BaseModel):
    """Base of every content model: unknown keys are errors, types are not coerced."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        use_attribute_docstrings=True,
        frozen=True,
    )


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError(
            "empty_text", "this text is empty", {"fix": "write the text, or remove the field if it is optional"}
        )
    if value != value.strip():
        raise PydanticCustomError(
            "text_spaces",
            "this text starts or ends with spaces",
            {"fix": "remove the spaces before and after the text"},
        )
    return value


Text = Annotated[str, AfterValidator(_check_text)]
"""A non-empty text without surrounding spaces."""

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
"""An identifier made of lowercase letters, digits and single hyphens (`cpas-ixelles`)."""


class LocalizedText(ContentModel):
    """A text that readers see, in both languages."""

    fr: Text
    """French text."""
    nl: Text
    """Dutch text."""

    def get(self, language: Language) -> str:
        """Return the text in the given language."""
        return self.fr if language == "fr" else self.nl


class LocalizedTerms(ContentModel):
    """Extra search words (synonyms, jargon, abbreviations) per language."""

    fr: list[Text] = []
    """French words or phrases that should find this item."""
    nl: list[Text] = []
    """Dutch words or phrases that should find this item."""

    def get(self, language: Language) -> list[str]:
        """Return the words in the given language."""
        return self.fr if language == "fr" else self.nl


def _form_answer(value: object) -> object:
    """Read the answers of the editors' form ("true", "false") as booleans."""
    return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value


YesNo = Annotated[bool, BeforeValidator(_form_answer, json_schema_input_type=bool | Literal["true", "false"])]
"""A yes/no fact: true or false (the editors' form writes "true" or "false")."""


def _check_web_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, flags=re.IGNORECASE):
        raise PydanticCustomError(
            "web_url",
            "expected a web address starting with https:// or http:// but received '{value}'",
            {"value": value, "fix": "write the full address, for example https://www.brusano.brussels"},
        )
    return value


WebUrl = Annotated[str, AfterValidator(_check_web_url)]
"""A web address (http or https only)."""


def _check_not_future(value: date) -> date:
    if value > date.today():
        raise PydanticCustomError(
            "future_date",
            "the date {value} is in the future",
            {"value": value.isoformat(), "fix": "write the date on which it was really done (YYYY-MM-DD)"},
        )
    return value


PastDate = Annotated[date, AfterValidator(_check_not_future)]
"""A date (YYYY-MM-DD) that is today or earlier."""


class MonthDate(date):
    """A date a page shows only to the month ("décembre 2018"): held as the month's first day, written YYYY-MM."""

    def isoformat(self) -> str:
        """Return the month as YYYY-MM."""
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


def _parse_page_date(value: object) -> date:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        value = MonthDate(int(value[:4]), int(value[5:]), 1)
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            pass
    if not isinstance(value, date):
        raise PydanticCustomError(
            "page_date",
            "expected the page's date as YYYY-MM-DD or YYYY-MM but received '{value}'",
            {"value": str(value), "fix": "write the date the page shows: 2024-05-02, or 2024-05 when it shows only a month"},
        )
    return _check_not_future(value)


PageDate = Annotated[
    date,
    PlainValidator(_parse_page_date),
    PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$"}),
]
"""The date a page shows: YYYY-MM-DD, or YYYY-MM when the page shows only a month; today or earlier."""


class Source(ContentModel):
    """A public page that facts come from."""

    url: WebUrl
    """The page's address (https://...)."""
    title: Text | None = None
    """The page's title."""
    date: PageDate | None = None
    """The date the page shows (published or updated), when it shows one (YYYY-MM-DD); none: the page is undated."""
    read: PastDate | None = None
    """The day the page was read for the facts it supports (YYYY-MM-DD); required on a directory entry's sources."""
    supports: list[Annotated[str, Field(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*(\.access)?$")]] = []
    """On a directory entry: the facts this page states. The entry's description, website, email, phones,
    address, hours, languages; a service's id (what it does, for whom, its cost) and `<service-id>.access`
    (how to get in)."""
    quote: Text | None = Field(default=None, exclude=True)
    """The page's own words for the facts it supports, for reviewers; never published."""
