"""The categories of need and service, and the publics served."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from schemas.common import ContentModel, LocalizedTerms, LocalizedText, Slug, Source

CareLevel = Literal[0, 1, 2, 3]
"""0 self-help and carers, 1 generalist first line, 2 specialised, 3 hospital or residential."""


class Category(ContentModel):
    """A category of need or of service (the taxonomy)."""

    id: Slug
    """Stable identifier, used by services and dossiers (`palliative-home-care`)."""
    group: Slug
    """The id of the group this category belongs to (one of the groups in the same file)."""
    name: LocalizedText
    """Name shown to readers."""
    description: LocalizedText
    """One sentence that says what the category covers."""
    synonyms: LocalizedTerms = LocalizedTerms()
    """Other words people use for it, in each language (CPAS, OCMW, MR, WZC...)."""
    level: CareLevel
    """0 self-help and carers, 1 generalist first line (direct access), 2 specialised (usually on
    referral), 3 hospital or residential. The finder lists lower levels first."""
    front_door: bool = False
    """True for a first door anyone can walk in to be oriented (CPAS/OCMW, CASG, medical houses)."""


class CategoryGroup(ContentModel):
    """A group of categories (home care, palliative care, mental health...)."""

    id: Slug
    """Stable identifier of the group."""
    name: LocalizedText
    """Name shown to readers."""
    difference: LocalizedText | None = None
    """"What is the difference between ...?": a few sentences, from public definitions."""
    sources: list[Source] = []
    """The public pages the difference text rests on (required with difference)."""

    @model_validator(mode="after")
    def _difference_sourced(self) -> CategoryGroup:
        if self.difference is not None and not self.sources:
            raise PydanticCustomError(
                "missing_source", "a difference text needs its sources",
                {"fix": "add sources: with the url and title of the public pages it rests on"},
            )
        return self


class Audience(ContentModel):
    """A public that a service is for (children, elderly people, professionals...)."""

    id: Slug
    """Stable identifier, used by services, dossiers and templates."""
    name: LocalizedText
    """Name shown to readers."""


class FilterWords(ContentModel):
    """Everyday words that ask for one of the finder's filters rather than a need ("sans papiers")."""

    walkin: LocalizedTerms = LocalizedTerms()
    """Words for services one walks into without an appointment ("sans rendez-vous", "zonder afspraak")."""
    papers: LocalizedTerms = LocalizedTerms()
    """Words for services that receive people without papers or with urgent medical aid ("sans papiers")."""
    free: LocalizedTerms = LocalizedTerms()
    """Words for free services ("gratuit", "gratis")."""


class Taxonomy(ContentModel):
    """The file content/taxonomy.yaml: groups, categories and publics."""

    groups: list[CategoryGroup] = Field(min_length=1)
    """Groups of categories, in the order the site lists them."""
    categories: list[Category] = Field(min_length=1)
    """Categories of need and service."""
    audiences: list[Audience] = Field(min_length=1)
    """Publics that services, dossiers and templates are for."""
    filter_words: FilterWords = FilterWords()
    """Everyday words that the finder reads as one of its filters (the words of a need come first)."""
