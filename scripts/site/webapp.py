"""What makes the site installable on a phone: a web app manifest per language and its icons."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from schemas.common import LANGUAGES, Language
from scripts import REPO_ROOT
from scripts.content.loaded import Content
from scripts.site.write import TreeWriter

ICON_SOURCE = REPO_ROOT / "theme" / "icon-source.png"
"""The one source image of every icon (drawn by scripts/devtools/make_icon_source.py)."""
THEME_COLOUR = "#0b5c75"
BACKGROUND_COLOUR = "#ffffff"
MASKABLE_SCALE = 0.8
"""A maskable icon keeps its drawing in the central circle (80 % of the size) that every mask shows."""
ICONS = (("icons/icon-192.png", 192, "any"), ("icons/icon-512.png", 512, "any"), ("icons/maskable-512.png", 512, "maskable"))
MANIFEST_NAME = "manifest.webmanifest"


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def icon_bytes(size: int, purpose: str) -> bytes:
    """Return one icon: the drawing on transparency ("any") or inside the safe zone on the brand colour."""
    source = Image.open(ICON_SOURCE).convert("RGBA")
    if purpose == "any":
        return _png(source.resize((size, size), Image.Resampling.LANCZOS))
    inner = round(size * MASKABLE_SCALE)
    canvas = Image.new("RGBA", (size, size), THEME_COLOUR)
    offset = (size - inner) // 2
    canvas.alpha_composite(source.resize((inner, inner), Image.Resampling.LANCZOS), (offset, offset))
    return _png(canvas)


def manifest(content: Content, language: Language) -> str:
    """Return a language's web app manifest (its start page and scope are the language's folder)."""
    document = {
        "name": content.site.name.get(language),
        "short_name": content.site.short_name.get(language),
        "description": content.site.tagline.get(language),
        "lang": language,
        "dir": "ltr",
        "start_url": "index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [{"src": f"../{path}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                  for path, size, purpose in ICONS],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_web_app_files(content: Content, site_dir: Path) -> None:
    """Write the icons (once, at the root) and each language's manifest."""
    writer = TreeWriter(site_dir)
    for path, size, purpose in ICONS:
        writer.write_bytes(path, icon_bytes(size, purpose))
    for language in LANGUAGES:
        writer.write_text(f"{language}/{MANIFEST_NAME}", manifest(content, language))
