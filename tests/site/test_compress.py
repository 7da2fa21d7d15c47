"""The last stages: our CSS and JS named by content hash, `.br` and `.gz` twins beside the text files."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import brotli
from bs4 import BeautifulSoup

from scripts.site.compress import MIN_BYTES, TEXT_SUFFIXES, write_compressed_twins
from scripts.site.fingerprint import fingerprint_assets

HASHED = re.compile(r"\.([0-9a-f]{10})\.(js|css)$")


def test_every_text_file_of_1_kb_has_both_twins(built_fixture_site: Path) -> None:
    texts = [p for p in built_fixture_site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.stat().st_size >= MIN_BYTES]
    assert len(texts) > 100 and any(p.parent.name == "admin" for p in texts)
    for path in texts:
        data = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        zipped = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(zipped) == data, path
        # No date (bytes 4-7) and no file name (flag 0x08) in the header: builds stay byte-identical.
        assert zipped[3] & 0x08 == 0 and zipped[4:8] == b"\0\0\0\0", path
    small = [p for p in built_fixture_site.rglob("*.html") if p.stat().st_size < MIN_BYTES]
    assert all(not p.with_name(p.name + ".br").exists() for p in small)
    assert not list(built_fixture_site.rglob("*.png.gz")) and not list(built_fixture_site.rglob("*.br.gz"))


def test_our_scripts_and_styles_are_named_by_their_content(built_fixture_site: Path) -> None:
    ours = [p for p in built_fixture_site.glob("*/assets/*/*") if p.suffix in (".js", ".css") and ".min." not in p.name]
    assert {HASHED.sub(r".\2", p.name) for p in ours} >= {"search.js", "finder.js", "brusano.css"}
    for path in ours:
        assert HASHED.search(path.name), path
        assert HASHED.search(path.name).group(1) == hashlib.sha256(path.read_bytes()).hexdigest()[:10], path


def test_pages_name_the_fingerprinted_files_only(built_fixture_site: Path) -> None:
    for page in [built_fixture_site / "fr" / "index.html", built_fixture_site / "nl" / "dossiers" / "test-palliatif.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        urls = [tag.get("src") or tag.get("href") for tag in soup.select("script[src], link[rel=stylesheet]")]
        ours = [url for url in urls if "assets/" in url and ".min." not in url]
        assert ours and all(HASHED.search(url) for url in ours), urls
        assert all((page.parent / url).resolve().is_file() for url in urls), urls


def _scratch_site(root: Path) -> Path:
    (root / "fr" / "assets" / "javascripts").mkdir(parents=True)
    (root / "fr" / "assets" / "stylesheets").mkdir(parents=True)
    (root / "search").mkdir()
    (root / "fr" / "assets" / "javascripts" / "search.js").write_text("var x = 1;\n", encoding="utf-8")
    (root / "fr" / "assets" / "javascripts" / "bundle.a5f9d56c.min.js").write_text("material\n", encoding="utf-8")
    (root / "fr" / "assets" / "stylesheets" / "brusano.css").write_text("a { color: red }\n", encoding="utf-8")
    (root / "search" / "engine.js").write_text("engine\n", encoding="utf-8")
    (root / "fr" / "index.html").write_text(
        '<link rel="stylesheet" href="assets/stylesheets/brusano.css">\n'
        '<script src="assets/javascripts/search.js?v=1"></script><script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
        '<form data-bx-search=\'{"engine": "./../search/engine.js"}\'></form>\n<p>assets/javascripts/search.json search.js</p>\n',
        encoding="utf-8",
    )
    (root / "sw.js").write_text('const SHELL = ["fr/assets/javascripts/search.js", "search.js"];\n', encoding="utf-8")
    return root


def test_references_resolve_from_the_file_that_holds_them(tmp_path: Path) -> None:
    site = _scratch_site(tmp_path)
    renamed = fingerprint_assets(site)
    search = renamed["fr/assets/javascripts/search.js"]
    assert set(renamed) == {"fr/assets/javascripts/search.js", "fr/assets/stylesheets/brusano.css"}
    assert search == "fr/assets/javascripts/search." + hashlib.sha256(b"var x = 1;\n").hexdigest()[:10] + ".js"
    page = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert f'src="{search[3:]}?v=1"' in page and 'href="' + renamed["fr/assets/stylesheets/brusano.css"][3:] + '"' in page
    assert "bundle.a5f9d56c.min.js" in page and "./../search/engine.js" in page
    assert "<p>assets/javascripts/search.json search.js</p>" in page, "text that names no renamed file stays"
    assert (site / "sw.js").read_text(encoding="utf-8") == f'const SHELL = ["{search}", "search.js"];\n'


def test_twins_from_the_cache_are_the_same_bytes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("<p>Bonjour</p>\n" * 200, encoding="utf-8")
    (site / "small.html").write_text("<p>Hallo</p>\n", encoding="utf-8")
    fresh = write_compressed_twins(site, workers=1)
    first = {p.name: p.read_bytes() for p in site.iterdir()}
    write_compressed_twins(site, cache=tmp_path / "cache", workers=2)
    write_compressed_twins(site, cache=tmp_path / "cache", workers=2)
    assert {p.name: p.read_bytes() for p in site.iterdir()} == first
    assert sorted(first) == ["page.html", "page.html.br", "page.html.gz", "small.html"]
    assert fresh.files == 1 and fresh.brotli < fresh.gzip < fresh.original
