"""The service worker's precache list and version, the manifests and their icons, in a built site."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from scripts.site.security import PAGE_POLICY
from scripts.site.service_worker import precache_size, precached_files, search_data_files, shell_files, site_version


def test_worker_precaches_the_shell_of_both_languages(built_fixture_site: Path) -> None:
    shell = precached_files(built_fixture_site)
    for language in ("fr", "nl"):
        for page in ("index.html", "directory/finder.html", "search.html", "dossiers/index.html", "documents/index.html", "offline.html", "list.html"):
            assert f"{language}/{page}" in shell
    assert all((built_fixture_site / path).is_file() for path in shell)
    assert any(re.search(r"/page\.[0-9a-f]{10}\.js$", path) for path in shell), "the fingerprinted page script"
    assert not any(path.startswith(("admin/", "open-data/")) for path in shell), "saved when used, not at install"
    # the patient's list's data and QR library, and the search and finder data (they fit the budget) of both languages
    search = sorted(path for path in shell if path.startswith("search/"))
    assert {"search/fr-list.js", "search/nl-list.js", "search/qrcode.js", "search/engine.js", "search/fr.js", "search/nl-finder.js"} <= set(search)
    assert [path for path in search_data_files(built_fixture_site) if path not in shell] == []
    # above the budget (a directory of 10,000 services), the search data is saved when used, not at install
    small = shell_files(built_fixture_site, search_budget=1000)
    assert not set(search_data_files(built_fixture_site)) & set(small) and "search/qrcode.js" in small and "fr/list.html" in small
    raw, sent = precache_size(built_fixture_site)
    assert 0 < sent < raw < 2_000_000


def test_worker_version_is_the_site_content(built_fixture_site: Path, tmp_path: Path) -> None:
    version = site_version(built_fixture_site)
    assert f'const VERSION = "{version}"' in (built_fixture_site / "sw.js").read_text(encoding="utf-8")
    copy = tmp_path / "site"
    copy.mkdir()
    (copy / "index.html").write_text("a", encoding="utf-8")
    first = site_version(copy)
    (copy / "index.html").write_text("b", encoding="utf-8")
    assert site_version(copy) != first


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_manifest_and_icons(built_fixture_site: Path, language: str) -> None:
    manifest = json.loads((built_fixture_site / language / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["lang"], manifest["start_url"], manifest["scope"]) == (language, "index.html", "./")
    assert manifest["name"] and manifest["short_name"] == "Brusano"
    sizes = {}
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO((built_fixture_site / language / icon["src"]).resolve().read_bytes()))
        sizes[(icon["sizes"], icon["purpose"])] = image.size
    assert sizes == {("192x192", "any"): (192, 192), ("512x512", "any"): (512, 512), ("512x512", "maskable"): (512, 512)}
    maskable = Image.open(built_fixture_site / "icons" / "maskable-512.png").convert("RGBA")
    assert maskable.getpixel((5, 5))[3] == 255, "a maskable icon fills its square"


@pytest.mark.parametrize("page", ["fr/index.html", "nl/dossiers/test-palliatif.html", "fr/offline.html"])
def test_pages_link_the_manifest_and_carry_the_policy(built_fixture_site: Path, page: str) -> None:
    soup = BeautifulSoup((built_fixture_site / page).read_text(encoding="utf-8"), "html.parser")
    assert soup.find("link", rel="manifest")["href"].endswith("manifest.webmanifest")
    assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"] == PAGE_POLICY
    assert not [script for script in soup.find_all("script") if not script.get("src") and script.get("type") != "application/json"]
    assert soup.find("style") is None and soup.find(style=True) is None
