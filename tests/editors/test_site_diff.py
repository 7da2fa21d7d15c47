"""The pull-request summary of what readers will see."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.editors.site_diff import compare_sites, format_changes


def test_added_removed_and_changed_pages_per_language(built_fixture_site: Path, tmp_path: Path) -> None:
    after = tmp_path / "after"
    shutil.copytree(built_fixture_site, after)
    (after / "fr" / "nouvelle.html").write_text("<p>nouvelle</p>", encoding="utf-8")
    (after / "nl" / "directory" / "entries" / "test-soins-ixelles.html").unlink()
    page = after / "fr" / "dossiers" / "test-palliatif.html"
    page.write_text(page.read_text(encoding="utf-8").replace("hôpital", "hôpital public"), encoding="utf-8")
    changes = compare_sites(built_fixture_site, after)
    assert (changes["fr"].added, changes["fr"].removed, changes["fr"].changed) == (["nouvelle.html"], [], ["dossiers/test-palliatif.html"])
    assert (changes["nl"].added, changes["nl"].removed, changes["nl"].changed) == ([], ["directory/entries/test-soins-ixelles.html"], [])
    summary = format_changes(changes)
    assert "| fr | 1 | 0 | 1 |" in summary and "| nl | 0 | 1 | 0 |" in summary
    assert "**nl, removed:** `directory/entries/test-soins-ixelles.html`" in summary
    assert compare_sites(built_fixture_site, built_fixture_site)["fr"].changed == []
