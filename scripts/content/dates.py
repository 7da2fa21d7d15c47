"""The dates that content is judged by: the build's date, and when a checked fact gets old."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

MAX_AGE_MONTHS = 12
"""A record or dossier checked longer ago than this is shown as possibly out of date."""


def build_date() -> date:
    """Return the build date, from SOURCE_DATE_EPOCH so that two builds of a commit are identical."""
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    return datetime.fromtimestamp(stamp, tz=timezone.utc).date()


def months_before(day: date, months: int) -> date:
    """Return the same day some months earlier (the month's last day when it is shorter)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def is_outdated(checked: date, today: date) -> bool:
    """Return True when a fact checked on that day is older than MAX_AGE_MONTHS."""
    return checked < months_before(today, MAX_AGE_MONTHS)


def is_due_soon(checked: date, today: date) -> bool:
    """Return True when a fact becomes outdated within a month (but is not yet)."""
    return not is_outdated(checked, today) and checked < months_before(today, MAX_AGE_MONTHS - 1)
