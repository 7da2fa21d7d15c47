"""Every built page is valid HTML for the Nu HTML Checker (vnu, from npm's vnu-jar, run on Java)."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

from tests.conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(site: Path) -> list[dict[str, object]]:
    """Return the Nu HTML Checker's errors over every HTML page of a built site."""
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
        capture_output=True, text=True, check=False,
    )
    errors = [message for message in json.loads(result.stderr)["messages"] if message.get("type") == "error"]
    assert result.returncode == (1 if errors else 0), result.stderr[-500:]
    return errors


def test_the_checker_reports_an_invalid_page(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><input type="checkbox" autocomplete="off"></body></html>',
        encoding="utf-8")
    assert [error["message"][:30] for error in vnu_errors(tmp_path)] == ["Attribute “autocomplete” is on"]


def test_every_page_is_valid_html(built_fixture_site: Path) -> None:
    errors = vnu_errors(built_fixture_site)
    summary = Counter(str(error["message"])[:120] for error in errors)
    assert errors == [], "\n".join(f"{count} × {message}" for message, count in summary.most_common(20))
