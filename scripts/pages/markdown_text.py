"""Safe-by-default Markdown output: every value is escaped unless it is marked as Markdown."""

from __future__ import annotations

import re


class Markdown(str):
    """Text that is already Markdown (generated links, an editor's validated dossier body)."""

    __slots__ = ()


_WHITESPACE = re.compile(r"\s+")
_BACKSLASH_ESCAPED = re.compile(r"([\\`*_{}\[\]()#+!|>-])")


def escape_markdown(value: object) -> str:
    """Return a value as literal text in Markdown: no markup, links or HTML can come out of it."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    text = _WHITESPACE.sub(" ", str(value))  # one line; a separator such as ", " keeps its space
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    text = _BACKSLASH_ESCAPED.sub(r"\\\1", text)
    # A line starting with "1." would become a list item.
    return re.sub(r"^(\s*\d+)\.", r"\1\\.", text)
