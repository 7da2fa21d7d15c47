"""The interface labels that the site's pages use (keys of content/ui.yaml)."""

from __future__ import annotations

REQUIRED_UI_KEYS: tuple[str, ...] = ()
"""Filled in with the site build: every key a page template asks for."""
