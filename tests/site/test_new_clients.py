"""'Accepting new patients' is shown only while it is fresh: three months after its check, unknown."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from schemas.organization import Access
from scripts.content.errors import Problems
from scripts.content.load import load_content
from scripts.pages.helpers import PageHelpers


@pytest.mark.parametrize(("built", "expected"), [("2026-11-29", "yes"), ("2027-02-01", "yes"), ("2027-02-03", "unknown")])
def test_new_clients_turns_unknown_after_three_months(monkeypatch: pytest.MonkeyPatch, scratch_content, built: str, expected: str) -> None:
    epoch = int(datetime.combine(date.fromisoformat(built), datetime.min.time(), tzinfo=timezone.utc).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    content = load_content(scratch_content, Problems())
    helpers = PageHelpers(content, "fr", "index.md", {})
    access = Access.model_validate({"new_clients": {"accepting": True, "checked": date(2026, 11, 2)}})
    assert helpers.new_clients(access) == expected
    refused = Access.model_validate({"new_clients": {"accepting": False, "checked": date(2026, 11, 2)}})
    assert helpers.new_clients(refused) == ("no" if expected == "yes" else "unknown")
    assert helpers.new_clients(None) == "unknown"
