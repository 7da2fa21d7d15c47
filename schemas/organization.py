"""A directory entry: one organisation with its locations and services (after HSDS 3.0)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, get_args

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import AfterValidator, BeforeValidator, EmailStr, Field, model_validator
from pydantic_core import PydanticCustomError

from schemas.common import (
    ContentModel,
    LocalizedTerms,
    LocalizedText,
    PastDate,
    Slug,
    Source,
    Text,
    WebUrl,
    YesNo,
)

Weekday = Literal["mo", "tu", "we", "th", "fr", "sa", "su"]
"""A day of the week, as its two first letters in English."""

WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)

CLOCK_REGEX = r"([01][0-9]|2[0-3]):[0-5][0-9]|24:00"
"""A time of day as HH:MM on 24 hours (24:00 ends a day): the model and the CMS's form check it."""


def _parse_clock(value: str) -> str:
    if not re.fullmatch(CLOCK_REGEX, value):
        raise PydanticCustomError(
            "clock_time",
            "expected a time as HH:MM (24 hours) but received '{value}'",
            {"value": value, "fix": 'write the time with two digits each side, in quotes: "09:00", "17:30"'},
        )
    return value


ClockTime = Annotated[str, AfterValidator(_parse_clock)]
"""A time of day, "HH:MM" on 24 hours, Europe/Brussels time."""


def clock_minutes(value: str) -> int:
    """Return the minutes since midnight of an "HH:MM" time."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _check_phone(value: str) -> str:
    try:
        parsed = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException as error:
        raise PydanticCustomError(
            "phone", "'{value}' is not a phone number", {"value": value, "fix": 'write it as "+32 2 123 45 67" or "02 123 45 67"'}
        ) from error
    if not (phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number_for_region(parsed, "BE")):
        raise PydanticCustomError(
            "phone",
            "'{value}' is not a valid phone number (wrong number of digits or unknown prefix)",
            {"value": value, "fix": "check the number against the organisation's website; Brussels numbers are 02 and 7 digits"},
        )
    return value


PhoneNumber = Annotated[str, AfterValidator(_check_phone)]
"""A phone number, Belgian by default ("02 123 45 67"), international ("+32 ...") or a Belgian short number ("107", "1733")."""


def tel_target(number: str) -> str:
    """Return what a tel: link dials: the international form, or a short number's digits."""
    parsed = phonenumbers.parse(number, "BE")
    if phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return "".join(character for character in number if character.isdigit())


def _check_language_code(value: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError) as error:
        raise PydanticCustomError(
            "language_code",
            "'{value}' is not a language code",
            {"value": value, "fix": "use the two-letter ISO 639-1 code: fr, nl, en, de, ar, tr, es..."},
        ) from error
    if not re.fullmatch(r"[a-z]{2,3}", value):
        raise PydanticCustomError(
            "language_code",
            "'{value}' is not a plain language code",
            {"value": value, "fix": "use the two-letter ISO 639-1 code in lowercase: fr, nl, en..."},
        )
    return value


LanguageCode = Annotated[str, AfterValidator(_check_language_code)]
"""An ISO 639-1 language code (fr, nl, en, ar...)."""


class Phone(ContentModel):
    """A phone number with what it is for."""

    number: PhoneNumber
    """The number, as people dial it ("02 123 45 67")."""
    label: LocalizedText | None = None
    """What the number is for (reception, emergencies at night...)."""


class Opening(ContentModel):
    """One opening period on some weekdays."""

    days: list[Weekday] = Field(min_length=1)
    """Weekdays this period applies to: mo, tu, we, th, fr, sa, su."""
    opens: ClockTime
    """Opening time, "HH:MM"."""
    closes: ClockTime
    """Closing time, "HH:MM" (later than opens; "24:00" for midnight)."""

    @model_validator(mode="after")
    def _opens_before_closes(self) -> Opening:
        if clock_minutes(self.opens) >= clock_minutes(self.closes):
            raise PydanticCustomError(
                "hours_order",
                "opens at {opens} but closes at {closes}: the closing time must be later",
                {"opens": self.opens, "closes": self.closes, "fix": "swap the two times, or split a night period at 24:00"},
            )
        return self


class OpeningException(ContentModel):
    """A day with other hours than usual (public holiday, closure)."""

    date: date
    """The day (YYYY-MM-DD)."""
    closed: bool = False
    """True when closed all day."""
    opens: ClockTime | None = None
    """Opening time that day, when not closed."""
    closes: ClockTime | None = None
    """Closing time that day, when not closed."""
    note: LocalizedText | None = None
    """Why the hours differ (public holiday...)."""

    @model_validator(mode="after")
    def _closed_or_hours(self) -> OpeningException:
        has_hours = self.opens is not None and self.closes is not None
        if self.closed == has_hours or (self.opens is None) != (self.closes is None):
            raise PydanticCustomError(
                "exception_hours",
                "an exception is either closed: true, or has both opens and closes",
                {"fix": "write closed: true for a closed day, or give opens and closes"},
            )
        if has_hours and clock_minutes(self.opens or "") >= clock_minutes(self.closes or ""):
            raise PydanticCustomError(
                "hours_order",
                "opens at {opens} but closes at {closes}: the closing time must be later",
                {"opens": self.opens, "closes": self.closes, "fix": "swap the two times"},
            )
        return self


class OpeningHours(ContentModel):
    """Regular weekly hours and their exceptions, in Europe/Brussels time."""

    regular: list[Opening] = []
    """Weekly periods. Two periods on one day must not overlap."""
    exceptions: list[OpeningException] = []
    """Days with other hours (holidays, closures)."""
    note: LocalizedText | None = None
    """Anything the table cannot say ("by appointment", "24/7 by phone")."""

    @model_validator(mode="after")
    def _no_overlap(self) -> OpeningHours:
        for day in WEEKDAYS:
            periods = sorted(
                (clock_minutes(p.opens), clock_minutes(p.closes), p) for p in self.regular if day in p.days
            )
            for (_, first_end, first), (second_start, _, second) in zip(periods, periods[1:], strict=False):
                if second_start < first_end:
                    raise PydanticCustomError(
                        "hours_overlap",
                        "on {day} the period {a} overlaps the period {b}",
                        {
                            "day": day,
                            "a": f"{first.opens}-{first.closes}",
                            "b": f"{second.opens}-{second.closes}",
                            "fix": "make one period end before the next one starts, or merge them",
                        },
                    )
        return self


class Address(ContentModel):
    """A postal address in the Region; the street name is bilingual in Brussels."""

    street: LocalizedText
    """Street name in French and in Dutch, without the number."""
    number: Text
    """House number, with box if any ("12", "12 bte 3")."""
    postcode: Annotated[str, Field(pattern=r"^1[0-2][0-9]{2}$")]
    """Postcode (1000 to 1299), in quotes: "1050"."""
    commune: int
    """NIS code of the commune (21001 to 21019); see content/communes.csv."""


REGION_BOUNDS = {"lat": (50.76, 50.92), "lon": (4.24, 4.48)}
"""A box around the Brussels-Capital Region (WGS 84)."""


class Coordinates(ContentModel):
    """A point in WGS 84 degrees, inside the Region."""

    lat: float
    """Latitude, about 50.76 to 50.92 in the Region."""
    lon: float
    """Longitude, about 4.24 to 4.48 in the Region."""

    @model_validator(mode="after")
    def _inside_region(self) -> Coordinates:
        (lat_min, lat_max), (lon_min, lon_max) = REGION_BOUNDS["lat"], REGION_BOUNDS["lon"]
        if not (lat_min <= self.lat <= lat_max and lon_min <= self.lon <= lon_max):
            raise PydanticCustomError(
                "outside_region",
                "the point {lat}, {lon} is outside the Brussels-Capital Region",
                {"lat": self.lat, "lon": self.lon, "fix": "check that lat (about 50.8) and lon (about 4.35) are not swapped, or remove coordinates"},
            )
        return self


Accessibility = Literal["full", "partial", "none", "unknown"]
"""Wheelchair access: full, partial, none or unknown."""


class Location(ContentModel):
    """A place where the organisation receives people."""

    id: Slug
    """Identifier, unique within the organisation (`main`, `antenne-nord`)."""
    name: LocalizedText | None = None
    """Name of the place when it differs from the organisation's."""
    address: Address
    """Postal address."""
    coordinates: Coordinates | None = None
    """Position, to sort by distance; without it the commune's reference point is used."""
    wheelchair_access: Accessibility = "unknown"
    """Wheelchair access: full, partial, none or unknown."""
    hours: OpeningHours | None = None
    """Opening hours of this place."""
    staff_languages: list[LanguageCode] = []
    """Languages the staff speak at this place, when the source names them (fr, nl, ar, tr...)."""
    nearest_stop: LocalizedText | None = None
    """The nearest public-transport stop, as the source names it ("Flagey (tram 81, bus 38)")."""


CostKind = Literal["free", "reduced", "fee", "reimbursed", "variable"]
"""What a service costs: free, reduced (income-based), fee, reimbursed (by health insurance), variable."""


class Cost(ContentModel):
    """What the service costs the person."""

    kind: CostKind
    """free, reduced (income-based), fee, reimbursed (by health insurance) or variable."""
    details: LocalizedText | None = None
    """More details; never an amount that was not checked at the source."""


AccessMode = Literal["walk-in", "appointment", "referral", "prescription"]
"""How people get in: walk-in (no appointment), appointment, referral (sent by a professional), prescription."""

NewClientsState = Literal["yes", "no", "unknown"]
"""What readers are told of new patients: yes, no, or unknown (not stated, or checked too long ago)."""

NEW_CLIENTS_VALID_MONTHS = 3
"""After this many months, "accepting new patients" is shown as unknown."""


class NewClients(ContentModel):
    """Whether the service takes new patients or clients, and when that was checked."""

    accepting: YesNo
    """True when it takes new patients or clients."""
    checked: PastDate
    """The day it was checked (YYYY-MM-DD); older than three months, readers see "unknown"."""


class Access(ContentModel):
    """How to get in: every field optional, filled only with what the source states."""

    modes: list[AccessMode] = []
    """walk-in, appointment, referral, prescription (one or more)."""
    referral_by: LocalizedText | None = None
    """Who may refer (with referral in modes): "a GP", "the hospital's social service"."""
    details: LocalizedText | None = None
    """When and how ("walk-in on weekday mornings"), in plain words."""
    documents: LocalizedText | None = None
    """What to bring (identity card, health-insurance card, proof of address...)."""
    accepts_undocumented: YesNo | None = None
    """True when people without a residence permit are received."""
    accepts_urgent_medical_aid: YesNo | None = None
    """True when urgent medical aid (AMU / dringende medische hulp) is accepted."""
    accepts_uninsured: YesNo | None = None
    """True when people without health insurance are received."""
    interpreting: LocalizedText | None = None
    """Whether an interpreter can be arranged, and how to book one."""
    new_clients: NewClients | None = None
    """Whether new patients or clients are taken, with the date checked."""

    @model_validator(mode="after")
    def _referral_needs_mode(self) -> Access:
        if self.referral_by is not None and "referral" not in self.modes:
            raise PydanticCustomError(
                "referral_without_mode",
                "referral_by is given but modes does not contain referral",
                {"fix": "add referral to modes, or remove referral_by"},
            )
        if len(set(self.modes)) != len(self.modes):
            raise PydanticCustomError("duplicate_mode", "a mode is listed twice", {"fix": "list each mode once"})
        return self


def _region_alone(value: object) -> object:
    """Read ["region"] (the editors' form picks it from the communes' list) as "region"."""
    return "region" if value == ["region"] else value


class Service(ContentModel):
    """What the organisation offers (one service, one category or more)."""

    id: Slug
    """Identifier, unique in the whole directory (`cpas-ixelles-aide-sociale`)."""
    name: LocalizedText
    """Name shown to readers."""
    description: LocalizedText
    """What the service does, for whom, how to reach it: a few sentences."""
    categories: list[Slug] = Field(min_length=1)
    """Category ids from content/taxonomy.yaml."""
    audiences: list[Slug] = []
    """Publics served (ids from content/taxonomy.yaml); empty means everyone."""
    languages: list[LanguageCode] = []
    """Languages spoken, when different from the organisation's."""
    cost: Cost | None = None
    """What it costs."""
    area_served: Annotated[list[int] | Literal["region"], BeforeValidator(_region_alone)] = "region"
    """NIS codes of the communes served, or "region" for the whole Region."""
    locations: list[Slug] = []
    """Ids of the organisation's locations where it is offered; empty means all."""
    no_public_address: bool = False
    """True when no page says the service receives people at one of the organisation's addresses (by phone,
    at home, at a confidential or unknown place): readers see none of them for it."""
    keywords: LocalizedTerms = LocalizedTerms()
    """Extra search words per language (jargon, abbreviations, the other language's name)."""
    access: Access | None = None
    """How to get in (walk-in, referral, documents, who is accepted), when the source states it."""

    @model_validator(mode="after")
    def _address_or_none(self) -> Service:
        if self.no_public_address and self.locations:
            raise PydanticCustomError(
                "address_or_none",
                "a service with no public address cannot also list locations",
                {"fix": "remove locations, or set no_public_address: false"},
            )
        return self


Verification = Literal["example", "public-source", "confirmed"]
"""example (not a real organisation), public-source (taken from public pages, not yet confirmed
by the organisation) or confirmed (confirmed by the organisation)."""

ConfirmationChannel = Literal["email", "phone", "letter", "visit"]
"""How the organisation answered the sheet "Ce que nous publions sur vous"."""


class Confirmation(ContentModel):
    """The organisation's answer that confirmed its entry (after `make outreach`)."""

    by: Text = Field(exclude=True)
    """Who confirmed: name and role ("Marie Dupont, coordinatrice"); for editors, never published."""
    how: ConfirmationChannel
    """How the answer came: email, phone, letter or visit."""
    on: PastDate
    """The day of the answer (YYYY-MM-DD)."""


class Organization(ContentModel):
    """One directory entry: content/directory/<id>.yaml."""

    id: Slug
    """Identifier; it must equal the file name (`cpas-ixelles` in cpas-ixelles.yaml)."""
    verification: Verification
    """example, public-source (from public pages, not confirmed by the organisation) or confirmed."""
    name: LocalizedText
    """Name of the organisation."""
    description: LocalizedText
    """What the organisation is, in one or two sentences."""
    website: WebUrl | None = None
    """Web site (https://...)."""
    email: EmailStr | None = None
    """Contact e-mail address."""
    phones: list[Phone] = []
    """Phone numbers."""
    languages: list[LanguageCode] = []
    """Languages spoken with the public (ISO 639-1 codes), when the source states them."""
    locations: list[Location] = []
    """Places where people are received; empty when no public address is given (mobile teams)."""
    services: list[Service] = Field(min_length=1)
    """What the organisation offers."""
    last_verified: PastDate
    """The day the entry was last checked against its sources (YYYY-MM-DD)."""
    confirmation: Confirmation | None = None
    """The organisation's answer, when verification is confirmed: who, how and when."""
    sources: list[Source] = []
    """The public pages the facts come from; required unless verification is example."""
    editor_notes: Text | None = Field(default=None, exclude=True)
    """Notes for editors, never published: how the facts were found, what is missing, what to check by phone."""

    def published_facts(self) -> dict[str, tuple[str | int, ...]]:
        """Return each fact this entry publishes, by its name in a source's supports, with the field that holds it."""
        facts: dict[str, tuple[str | int, ...]] = {"description": ("description",)}
        for name in ("website", "email", "phones"):
            if getattr(self, name):
                facts[name] = (name,)
        if self.locations:
            facts["address"] = ("locations",)
        with_hours = [index for index, location in enumerate(self.locations) if location.hours is not None]
        if with_hours:
            facts["hours"] = ("locations", with_hours[0], "hours")
        speaking = [index for index, location in enumerate(self.locations) if location.staff_languages]
        if self.languages or speaking:
            facts["languages"] = ("languages",) if self.languages else ("locations", speaking[0], "staff_languages")
        for index, service in enumerate(self.services):
            facts[service.id] = ("services", index)
            if service.access is not None:
                facts[f"{service.id}.access"] = ("services", index, "access")
        return facts

    def service_locations(self, service: Service) -> list[Location]:
        """Return the locations where a service receives people: those it names, else all, none without a public address."""
        if service.no_public_address:
            return []
        return [location for location in self.locations if not service.locations or location.id in service.locations]

    @property
    def example(self) -> bool:
        """True for a sample entry that is not a real organisation: the site says so."""
        return self.verification == "example"
