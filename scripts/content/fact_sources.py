"""Which page backs which fact of a directory entry, and how old those pages are (the rules behind the
sources that readers see beside each fact, and behind `make report`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schemas.common import Source
from schemas.organization import Organization
from scripts.content.dates import months_before

OLD_SOURCE_YEARS = 3
"""A fact that rests only on pages older than this is flagged to readers."""

ACTIONABLE_FACTS = ("phones", "address", "hours")
"""The entry's facts a reader acts on (with each service's access), shown with their sources."""


@dataclass(frozen=True)
class NumberedSource:
    """A source with its number in the entry's list (1, 2...), as readers see it."""

    number: int
    source: Source


def fact_sources(org: Organization, fact: str) -> list[NumberedSource]:
    """Return the entry's sources that support a fact, numbered as in its list."""
    return [NumberedSource(number, source) for number, source in enumerate(org.sources, start=1) if fact in source.supports]


def newest_page_date(sources: list[NumberedSource]) -> date | None:
    """Return the newest date shown by the pages, or None when none shows a date."""
    dates = [numbered.source.date for numbered in sources if numbered.source.date is not None]
    return max(dates) if dates else None


def facts_on_old_pages(org: Organization, today: date, facts: tuple[str, ...]) -> list[str]:
    """Return the facts (of `facts` that the entry publishes) whose pages all show a date older than
    OLD_SOURCE_YEARS (undated pages are not counted as old: their age is unknown)."""
    published = org.published_facts()
    limit = months_before(today, OLD_SOURCE_YEARS * 12)
    old = []
    for fact in facts:
        sources = fact_sources(org, fact)
        if fact in published and sources and all(s.source.date is not None and s.source.date < limit for s in sources):
            old.append(fact)
    return old


def pages_years(org: Organization) -> tuple[int, int] | None:
    """Return the first and last years the entry's dated pages show, or None when none is dated."""
    years = sorted(source.date.year for source in org.sources if source.date is not None)
    return (years[0], years[-1]) if years else None


def last_read(org: Organization) -> date | None:
    """Return the last day one of the entry's pages was read."""
    days = [source.read for source in org.sources if source.read is not None]
    return max(days) if days else None
