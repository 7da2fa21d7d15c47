"""The front matter of a thematic dossier (content/dossiers/<id>.<lang>.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.common import ContentModel, PastDate, Slug, Text


class DossierFrontMatter(ContentModel):
    """The YAML block between the two `---` lines at the top of a dossier file."""

    id: Slug
    """Identifier shared by the French and the Dutch file; it must equal the file name."""
    title: Text
    """Title of the page."""
    summary: Text
    """One or two sentences shown in lists and search results."""
    audiences: list[Slug] = []
    """Publics the dossier is for (ids from content/taxonomy.yaml)."""
    categories: list[Slug] = []
    """Related categories: their services are listed under the dossier."""
    templates: list[Slug] = []
    """Related templates (ids of folders in content/templates/)."""
    services: list[Slug] = []
    """Related services shown first (service ids from content/directory/)."""
    reviewed: PastDate
    """The day the text was last reviewed (YYYY-MM-DD)."""
    translation: Literal["complete", "pending"] = "complete"
    """"pending" when the other language's file does not exist yet: readers get a notice."""
    order: int = Field(default=100, ge=0)
    """Position in the list of dossiers (smaller first)."""
