"""Content hashes in the names of our own stylesheets and scripts, so that hosts can cache them for a year.

A fingerprinted file is renamed `<stem>.<hash>.<ext>` and every reference to it, in HTML, CSS and
JavaScript (the service worker included), is rewritten. References are relative URLs (mkdocs
writes them so, and the site works from any sub-path and from file://), so each one is resolved
from the folder of the file that holds it and rewritten only if it lands on a renamed file.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from fnmatch import fnmatchcase
from pathlib import Path

FINGERPRINTED = ("*/assets/javascripts/*.js", "*/assets/stylesheets/*.css")
"""Our page scripts and stylesheets in each language folder (theme/overrides/, scripts/browser/).

`search/*.js` (engine, indexes, snippets) keeps its name: tests/browser/test_search.py and
scripts/bench.py look for `search/fr.js` and `search/engine.js` by name. Adding `"search/*.js"`
here is enough to fingerprint them too (the page names them in its data-bx-search JSON, rewritten
like any other reference); until then hosts serve them with `no-cache` (revalidated by ETag)."""

ALREADY_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$|\.[0-9a-f]{10}\.(js|css)$")
"""Material's own `bundle.<hash>.min.js`, `main.<hash>.min.css`, `palette.<hash>.min.css`, and ours."""

NOT_OURS = ("*/assets/javascripts/lunr/*", "*/assets/javascripts/workers/*")
"""Material's lunr-languages and search worker, shipped but never loaded by our pages."""

REFERRING_SUFFIXES = (".html", ".css", ".js")
"""Files whose text may name a fingerprinted file."""

HASH_LENGTH = 10
"""Hex digits of SHA-256 in a name: 40 bits, no collision among a site's few dozen assets."""


class FingerprintError(Exception):
    """Two fingerprinted files name each other, so neither hash can be final (a bug, not a content error)."""


def fingerprint_assets(site: Path) -> dict[str, str]:
    """Rename our CSS and JS files of site with their content hash and rewrite every reference.

    Returns:
        The old path of each renamed file and its new one, relative to site (POSIX form).
    """
    assets = sorted(relative for relative in _relative_files(site) if _is_fingerprinted(relative))
    if not assets:
        return {}
    pattern = _reference_pattern(assets)
    names = {posixpath.basename(asset) for asset in assets}
    renamed: dict[str, str] = {}
    pending = {relative: (site / relative).read_text(encoding="utf-8") for relative in assets}
    while pending:
        ready = [relative for relative, text in pending.items() if not _references(pattern, relative, text, set(pending) - {relative})]
        if not ready:
            raise FingerprintError(f"these files name each other, so none can be hashed first: {sorted(pending)}")
        for relative in ready:
            text = _rewrite(pattern, relative, pending.pop(relative), renamed)
            renamed[relative] = _hashed_name(relative, text.encode("utf-8"))
            (site / relative).unlink()
            (site / renamed[relative]).write_text(text, encoding="utf-8", newline="\n")
    for relative in _relative_files(site):
        if relative.endswith(REFERRING_SUFFIXES) and relative not in renamed.values():
            path = site / relative
            text = path.read_text(encoding="utf-8")
            if not any(name in text for name in names):
                continue  # a quick test first: Decap's 5 MB bundle names none of them
            rewritten = _rewrite(pattern, relative, text, renamed)
            if rewritten != text:
                path.write_text(rewritten, encoding="utf-8", newline="\n")
    return renamed


def _relative_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def _is_fingerprinted(relative: str) -> bool:
    return (
        any(fnmatchcase(relative, pattern) for pattern in FINGERPRINTED)
        and not any(fnmatchcase(relative, pattern) for pattern in NOT_OURS)
        and not ALREADY_FINGERPRINTED.search(relative)
    )


def _hashed_name(relative: str, data: bytes) -> str:
    stem, extension = posixpath.splitext(relative)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}{extension}"


def _reference_pattern(assets: list[str]) -> re.Pattern[str]:
    """Match one of the assets' file names where a URL may end (a query or fragment may follow).

    Only the names are searched for: a regex of literal alternatives scans a page five times
    faster than one that tries a URL at every position. `_url_ending_at` reads the folders before
    a name backwards from it.
    """
    names = "|".join(sorted({re.escape(posixpath.basename(asset)) for asset in assets}))
    return re.compile(rf"(?:{names})(?=[?#\"'\s)\\]|$)")


_URL_CHARACTERS = frozenset("_.-/")
"""With letters and digits, what a relative URL's folders are made of."""
_FOLDERS = re.compile(r"(?:[\w.\-]+/)*")


def _url_ending_at(text: str, name: re.Match[str]) -> str | None:
    """Return the relative URL that ends with a matched file name, or None when the name is part of
    another word or of a URL that is not relative folders (`//host/...`, `https:...`)."""
    start = name.start()
    while start > 0 and (text[start - 1] in _URL_CHARACTERS or text[start - 1].isalnum()):
        start -= 1
    folders = text[start:name.start()]
    return text[start:name.end()] if _FOLDERS.fullmatch(folders) else None


def resolve_reference(referrer: str, url: str) -> str:
    """Return the site path a relative URL in the file `referrer` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(referrer), url))


def _references(pattern: re.Pattern[str], referrer: str, text: str, targets: set[str]) -> bool:
    urls = (_url_ending_at(text, match) for match in pattern.finditer(text))
    return any(url is not None and resolve_reference(referrer, url) in targets for url in urls)


def _rewrite(pattern: re.Pattern[str], referrer: str, text: str, renamed: dict[str, str]) -> str:
    """Replace each URL of text that resolves to a renamed file with the URL of its new name."""
    pieces, copied = [], 0
    for match in pattern.finditer(text):
        url = _url_ending_at(text, match)
        new = None if url is None else renamed.get(resolve_reference(referrer, url))
        if new is not None:
            pieces += [text[copied:match.start()], posixpath.basename(new)]
            copied = match.end()
    return "".join(pieces) + text[copied:] if pieces else text
