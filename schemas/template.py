"""A downloadable document template (content/templates/<id>/template.yaml)."""

from __future__ import annotations

from pydantic import Field

from schemas.common import ContentModel, LocalizedText, PastDate, Slug, Text


class TemplateFiles(ContentModel):
    """The file of each language, named relative to the template's folder."""

    fr: Text
    """French file (.odt, .docx or .pdf) in the same folder."""
    nl: Text
    """Dutch file (.odt, .docx or .pdf) in the same folder."""

    def get(self, language: str) -> str:
        """Return the file name for the given language."""
        return self.fr if language == "fr" else self.nl


class Template(ContentModel):
    """A form or model that professionals download and fill in."""

    id: Slug
    """Identifier; it must equal the folder name."""
    example: bool = False
    """True for a model written as an example, not an official form: the site says so."""
    title: LocalizedText
    """Title of the document."""
    description: LocalizedText
    """What the document is for and who fills it in."""
    audiences: list[Slug] = Field(min_length=1)
    """Who uses it (ids from content/taxonomy.yaml)."""
    version: Text
    """Version of the document ("1.0", "2024-2")."""
    date: PastDate
    """Date of this version (YYYY-MM-DD)."""
    dossiers: list[Slug] = []
    """Related dossiers (ids)."""
    files: TemplateFiles
    """One file per language."""
