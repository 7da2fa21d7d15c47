"""`make serve`: a changed entry is re-read alone with the same verdict as `make validate`, its
page comes out as the full build writes it, and the preview serves the last good site while the
content has a problem. The browser side (reload, overlay) is in tests/browser/test_serve.py."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from schemas.common import LANGUAGES
from scripts.content.errors import ContentError
from scripts.pages.render import render_site
from scripts.pipeline import load_site_content
from scripts.preview.loading import ContentCache
from scripts.preview.pages import render_organization
from scripts.preview.process import preview_process

ENTRY = "directory/test-soins-ixelles.yaml"
PHONE = "02 555 12 34"
PAGE = "fr/directory/entries/test-soins-ixelles.html"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def wait_for(condition: Callable[[], bool], timeout: float = 120) -> None:
    """Wait until condition() holds (generous: the tests check what happens, not how fast)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the preview did not get there in time"
        time.sleep(0.1)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def test_a_reloaded_entry_gets_the_verdict_of_make_validate(scratch_content: Path) -> None:
    cache = ContentCache(scratch_content)
    assert cache.load_all().problems == []
    entry = scratch_content / ENTRY
    replace_in(entry, PHONE, "02 555")
    reloaded = cache.reload_organizations({entry})
    with pytest.raises(ContentError) as error:
        load_site_content(scratch_content)
    assert reloaded.content is None
    assert reloaded.problems == error.value.problems
    assert (reloaded.problems[0].path, reloaded.problems[0].field) == ("content/" + ENTRY, "phones[0].number")
    replace_in(entry, "02 555", "02 555 98 76")
    fixed = cache.reload_organizations({entry})
    assert fixed.problems == [] and fixed.content is not None
    assert [e.model for e in fixed.content.organizations] == [e.model for e in load_site_content(scratch_content).organizations]


def test_a_removed_entry_leaves_the_content(scratch_content: Path) -> None:
    cache = ContentCache(scratch_content)
    cache.load_all()
    removed = scratch_content / "directory" / "test-echappement-anderlecht.yaml"
    removed.unlink()
    reloaded = cache.reload_organizations({removed})
    assert reloaded.content is not None
    assert [entry.model.id for entry in reloaded.content.organizations] == ["test-cpas-schaerbeek", "test-soins-ixelles"]


def test_an_entry_page_comes_out_as_the_full_render_writes_it(scratch_content: Path) -> None:
    content = load_site_content(scratch_content)
    sites = render_site(content)
    for language in LANGUAGES:
        full_render = sites[language].items()
        for entry in content.organizations:
            for path, item in render_organization(content, language, entry.model).items():
                assert item == full_render[path], path


def test_the_built_site_holds_no_preview_code(built_fixture_site: Path) -> None:
    marks = (b"/__preview/", b"bx-preview-problems")
    assert [path for path in built_fixture_site.rglob("*") if path.is_file() and any(mark in path.read_bytes() for mark in marks)] == []


def test_the_preview_serves_the_last_good_site_while_the_content_has_a_problem(scratch_content: Path, tmp_path: Path) -> None:
    entry = scratch_content / ENTRY
    with preview_process(scratch_content, tmp_path / "preview" / "site") as preview:
        page_url, status_url = preview.url + PAGE, f"{preview.url}__preview/status?page={PAGE}"
        assert PHONE in fetch(page_url) and 'src="/__preview/client.js"' in fetch(page_url)
        replace_in(entry, PHONE, "02 555 98 76")
        wait_for(lambda: "02 555 98 76" in fetch(page_url))
        replace_in(entry, "02 555 98 76", "02 555")
        wait_for(lambda: json.loads(fetch(status_url))["problems"] != [])
        problem = json.loads(fetch(status_url))["problems"][0]
        assert (problem["path"], problem["field"]) == ("content/" + ENTRY, "phones[0].number") and problem["fix"]
        assert "02 555 98 76" in fetch(page_url)
        assert f"content/{ENTRY}:" in preview.printed() and "phones[0].number" in preview.printed()
        replace_in(entry, "02 555", "02 555 11 22")
        wait_for(lambda: json.loads(fetch(status_url))["problems"] == [] and "02 555 11 22" in fetch(page_url))
        wait_for(lambda: "02 555 11 22" in fetch(preview.url + "open-data/directory.json"))  # the background part
