"""The five bassins d'aide et de soins / zorgzones of the Region (content/bassins.yaml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from schemas.common import ContentModel, LocalizedText, Slug, Source, WebUrl

Postcode = Annotated[str, Field(pattern=r"^1[0-2][0-9]{2}$")]
"""A Brussels postcode, in quotes: "1020"."""


class CommunePart(ContentModel):
    """A commune split between bassins, and the postcodes whose bassin the sources decide."""

    commune: int
    """NIS code of the split commune (21004 for Bruxelles-Ville)."""
    postcodes: list[Postcode] = []
    """Postcodes that the sources put wholly in this bassin; empty when none decides."""
    area: LocalizedText
    """The part of the commune, in the sources' words ("Laeken, Neder-Over-Heembeek, Haren")."""


class Bassin(ContentModel):
    """One bassin d'aide et de soins (zorgzone): its communes and its own site."""

    id: Slug
    """Identifier (`nord`, `sud-est`)."""
    name: LocalizedText
    """Name in each language (Bassin Sud / Zorgzone Zuid)."""
    communes: list[int] = []
    """NIS codes of the communes wholly in the bassin."""
    parts: list[CommunePart] = []
    """Communes split with other bassins, with the postcodes the sources decide."""
    website: WebUrl
    """The bassin's own site."""
    sources: list[Source] = Field(min_length=1)
    """The public pages that give the bassin's communes."""


class Bassins(ContentModel):
    """The file content/bassins.yaml."""

    bassins: list[Bassin] = Field(min_length=1)
    """The bassins, in the order the site lists them."""
