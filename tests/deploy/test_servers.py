"""The recipes of deploy/, run in the real servers over the built fixture site, at the root and under /brusano/."""

from __future__ import annotations

import gzip
import http.client
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from playwright.sync_api import Browser

from tests.deploy.servers import DEPLOY, find_binary, run_server

POLICIES = dict(line.split(": ", 1) for line in (DEPLOY / "policies.txt").read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()",
}
LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sourceFile + ":" + event.lineNumber);
});"""


@pytest.fixture(scope="module", params=[(s, p) for s in ("nginx", "apache", "apache-htaccess", "caddy") for p in ("/", "/brusano/")], ids=str)
def served(request: pytest.FixtureRequest, built_fixture_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site served by one server with its recipe, under one prefix; yields the base URL."""
    server, prefix = request.param
    if find_binary(server) is None:
        pytest.skip(f"{server} is not installed and scripts/devtools/setup_debian_packages.sh could not install it (root or sudo needed)")
    with run_server(server, built_fixture_site, tmp_path_factory.mktemp(server), prefix) as url:
        yield url


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET url as is (no decompression, no redirect); return status, lower-cased headers and body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    """Return body as the browser reads it."""
    encoding = headers.get("content-encoding", "identity")
    return brotli.decompress(body) if encoding == "br" else gzip.decompress(body) if encoding == "gzip" else body


def our_script(site: Path) -> str:
    return next(p for p in sorted(site.glob("fr/assets/javascripts/search.*.js")) if re.search(r"\.[0-9a-f]{10}\.js$", p.name)).relative_to(site).as_posix()


def test_pages_answer_with_the_security_headers(served: str, built_fixture_site: Path) -> None:
    for path in ("", "fr/", "nl/index.html", "fr/directory/finder.html", "nl/dossiers/test-palliatif.html"):
        status, headers, body = fetch(served + path, "br, gzip")
        assert status == 200, path
        assert headers["content-type"].startswith("text/html"), path
        assert headers["content-security-policy"] == POLICIES["site"], path
        assert {name: headers.get(name) for name in SECURITY} == SECURITY, path
        assert headers["cache-control"] == "no-cache", path
        assert b"</html>" in decoded(headers, body), path


def test_scripts_come_precompressed_as_the_browser_asks(served: str, built_fixture_site: Path) -> None:
    script = our_script(built_fixture_site)
    original = (built_fixture_site / script).read_bytes()
    for accepted, expected in (("br, gzip, deflate", "br"), ("gzip", "gzip"), (None, "identity")):
        status, headers, body = fetch(served + script, accepted)
        assert status == 200
        assert headers.get("content-encoding", "identity") == expected, accepted
        assert headers["content-type"].split(";")[0] in ("application/javascript", "text/javascript")
        assert "accept-encoding" in headers.get("vary", "").lower(), accepted
        assert headers["cache-control"] == IMMUTABLE
        assert decoded(headers, body) == original
    assert fetch(served + script, "br")[2] == (built_fixture_site / (script + ".br")).read_bytes(), "the build's twin, as is"


def test_cache_headers_by_kind(served: str, built_fixture_site: Path) -> None:
    material = next(built_fixture_site.glob("fr/assets/stylesheets/main.*.min.css")).relative_to(built_fixture_site).as_posix()
    brusano = next(built_fixture_site.glob("nl/assets/stylesheets/brusano.*.css")).relative_to(built_fixture_site).as_posix()
    assert fetch(served + material)[1]["cache-control"] == IMMUTABLE
    assert fetch(served + brusano)[1]["cache-control"] == IMMUTABLE
    for path in ("search/fr.js", "open-data/directory.json", "sw.js", "fr/manifest.webmanifest"):
        status, headers, _ = fetch(served + path, "gzip")
        assert status == 200 and headers["cache-control"] == "no-cache", path
    assert fetch(served + "fr/manifest.webmanifest")[1]["content-type"].startswith("application/manifest+json")


def test_missing_pages_answer_404_in_their_language(served: str, built_fixture_site: Path) -> None:
    cases = {"fr/nulle-part.html": "fr/404.html", "nl/dossiers/nergens.html": "nl/404.html", "ailleurs/page.html": "404.html"}
    for path, page in cases.items():
        for accepted in ("br, gzip", None):
            status, headers, body = fetch(served + path, accepted)
            assert status == 404, path
            assert decoded(headers, body) == (built_fixture_site / page).read_bytes(), (path, accepted)
            assert headers["content-security-policy"] == POLICIES["site"], path
            assert headers.get("x-content-type-options") == "nosniff", path


def test_the_admin_gets_its_own_policy(served: str) -> None:
    status, headers, _ = fetch(served + "admin/")
    assert status == 200 and headers["content-security-policy"] == POLICIES["admin"]
    assert fetch(served + "admin/config.yml")[1]["content-security-policy"] == POLICIES["admin"]


def test_page_kinds_load_in_chromium_without_a_violation(served: str, built_fixture_site: Path, browser: Browser) -> None:
    entry = sorted(built_fixture_site.glob("fr/directory/entries/*.html"))[0].relative_to(built_fixture_site).as_posix()
    pages = ["fr/index.html", "nl/directory/finder.html", "fr/search.html?q=test", "nl/dossiers/test-palliatif.html", entry]
    context = browser.new_context()
    context.add_init_script(LISTEN)
    violations: list[str] = []
    try:
        page = context.new_page()
        for path in pages:
            response = page.goto(served + path)
            assert response is not None and response.status == 200, path
            page.wait_for_load_state("load")
            page.wait_for_timeout(200)
            violations += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
    finally:
        context.close()
    assert violations == []
