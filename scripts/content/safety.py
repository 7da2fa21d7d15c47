"""Find markup in contributed text that could run script in a reader's browser."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "iframe", "frame", "object", "embed", "applet", "style", "link", "meta", "base", "form", "svg", "math"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"}

_SCRIPT_SCHEME = re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|<)([a-z][a-z0-9+.\-]*):", re.IGNORECASE | re.MULTILINE)


class _TagScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        column = offset + 1
        if tag in FORBIDDEN_TAGS:
            self.found.append((line, column, f"the HTML tag <{tag}> is not allowed"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, column, f"the HTML attribute {name}= (an event handler) is not allowed"))
            elif name in URL_ATTRIBUTES and value and not _is_safe_url(value):
                self.found.append((line, column, f"the link {value[:40]!r} uses a scheme that is not allowed"))


def _is_safe_url(value: str) -> bool:
    cleaned = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", cleaned)
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


def find_unsafe_markup(text: str) -> list[tuple[int, int, str]]:
    """Return (line, column, message) for each unsafe tag, attribute or link in a text."""
    if not any(marker in text for marker in "<:&"):
        return []  # no tag, no scheme, no entity: nothing can run (the common case, made fast)
    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    found = list(scanner.found)
    for match in _MARKDOWN_LINK.finditer(text):
        scheme = match.group(1).lower()
        if scheme not in SAFE_SCHEMES and scheme not in ("javascript", "vbscript"):
            found.append((*_position(text, match.start(1)), f"the link scheme {match.group(1)}: is not allowed"))
    for match in _SCRIPT_SCHEME.finditer(re.sub(r"&#?\w+;", lambda m: html.unescape(m.group(0)), text)):
        found.append((*_position(text, match.start()), "a javascript: or vbscript: link is not allowed"))
    return sorted(set(found))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
