"""Netlify's and Cloudflare Pages' _headers and _redirects, which no test can run: parsed, and applied as each host documents."""

from __future__ import annotations

import re

import pytest

from tests.deploy.servers import DEPLOY
from tests.deploy.test_servers import IMMUTABLE, POLICIES, SECURITY


def read_rules(host: str, prefix: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return each rule's path (with prefix) and its header lines; `! Name` is (name, None-like '!')."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in (DEPLOY / host / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((prefix.rstrip("/") + line, []))
        elif line.strip().startswith("!"):
            rules[-1][1].append((line.strip()[1:].strip().lower(), "!"))
        else:
            name, value = line.strip().split(": ", 1)
            rules[-1][1].append((name.lower(), value))
    return rules


def matches(pattern: str, path: str) -> bool:
    return re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), path) is not None


def headers_for(host: str, prefix: str, path: str) -> dict[str, str]:
    """Apply the rules that match path: Netlify keeps the last value, Cloudflare joins them unless detached."""
    headers: dict[str, str] = {}
    for pattern, lines in read_rules(host, prefix):
        if not matches(pattern, path):
            continue
        for name, value in lines:
            if value == "!":
                headers.pop(name, None)
            elif host == "cloudflare-pages" and name in headers:
                headers[name] += ", " + value
            else:
                headers[name] = value
    return headers


@pytest.mark.parametrize("prefix", ["/", "/brusano/"])
@pytest.mark.parametrize("host", ["netlify", "cloudflare-pages"])
def test_headers_match_the_servers(host: str, prefix: str) -> None:
    expected = {
        "": (POLICIES["site"], "no-cache"), "fr/index.html": (POLICIES["site"], "no-cache"), "sw.js": (POLICIES["site"], "no-cache"),
        "nl/manifest.webmanifest": (POLICIES["site"], "no-cache"), "search/fr.js": (POLICIES["site"], "no-cache"),
        "fr/assets/javascripts/search.0123456789.js": (POLICIES["site"], IMMUTABLE),
        "nl/assets/stylesheets/main.01234567.min.css": (POLICIES["site"], IMMUTABLE),
        "admin/": (POLICIES["admin"], "no-cache"), "admin/decap-cms.js": (POLICIES["admin"], "no-cache"),
    }
    for path, (policy, cache) in expected.items():
        headers = headers_for(host, prefix, prefix + path)
        assert headers == {**SECURITY, "content-security-policy": policy, "cache-control": cache}, (host, path)


def test_netlify_404s_by_language() -> None:
    rules = [line.split() for line in (DEPLOY / "netlify" / "_redirects").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert rules == [["/fr/*", "/fr/404.html", "404"], ["/nl/*", "/nl/404.html", "404"], ["/*", "/404.html", "404"]]
