"""The categories of need and service, and the publics served."""

from __future__ import annotations

from pydantic import Field

from schemas.common import ContentModel, LocalizedTerms, LocalizedText, Slug


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


class CategoryGroup(ContentModel):
    """A group of categories (home care, palliative care, mental health...)."""

    id: Slug
    """Stable identifier of the group."""
    name: LocalizedText
    """Name shown to readers."""


class Audience(ContentModel):
    """A public that a service is for (children, elderly people, professionals...)."""

    id: Slug
    """Stable identifier, used by services, dossiers and templates."""
    name: LocalizedText
    """Name shown to readers."""


class Taxonomy(ContentModel):
    """The file content/taxonomy.yaml: groups, categories and publics."""

    groups: list[CategoryGroup] = Field(min_length=1)
    """Groups of categories, in the order the site lists them."""
    categories: list[Category] = Field(min_length=1)
    """Categories of need and service."""
    audiences: list[Audience] = Field(min_length=1)
    """Publics that services, dossiers and templates are for."""
