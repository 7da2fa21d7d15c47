"""The 19 communes of the Brussels-Capital Region."""

from __future__ import annotations

from pydantic import Field

from schemas.common import ContentModel, Language, Text


class Commune(ContentModel):
    """A commune, keyed by its NIS code (names differ by language)."""

    nis_code: int = Field(ge=21001, le=21019)
    """Statbel NIS code (21001 to 21019)."""
    name_fr: Text
    """Official French name."""
    name_nl: Text
    """Official Dutch name."""
    postcodes: tuple[str, ...]
    """Postcodes found on the commune's addresses."""
    lat: float
    """Latitude of the reference point (mean of the address points)."""
    lon: float
    """Longitude of the reference point."""

    def name(self, language: Language) -> str:
        """Return the commune's name in the given language."""
        return self.name_fr if language == "fr" else self.name_nl
