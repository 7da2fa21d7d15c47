"""A form or document model (content/templates/<id>/template.yaml): an official form, an online procedure, or our own model."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.common import ContentModel, LocalizedTerms, LocalizedText, PageDate, PastDate, Slug, Source, Text, WebUrl
from schemas.organization import LanguageCode

TemplateKind = Literal["official-form", "online-procedure", "model"]
"""official-form: a form an authority issues; online-procedure: a step done on an official website, with no
file; model: a document of our own where no official one exists."""

DocumentFormat = Literal["pdf", "docx", "doc", "odt", "online"]
"""The format of the official file (online: there is none, the step is done on a website)."""


class TemplateFiles(ContentModel):
    """The files hosted on the site, per language, named relative to the template's folder (the first is offered first)."""

    fr: list[Text] = Field(min_length=1)
    """French files (.pdf, .odt or .docx) in the same folder."""
    nl: list[Text] = Field(min_length=1)
    """Dutch files (.pdf, .odt or .docx) in the same folder."""

    def get(self, language: str) -> list[str]:
        """Return the file names for the given language."""
        return self.fr if language == "fr" else self.nl


class LocalizedUrl(ContentModel):
    """A web address per language (the same one twice when the page is bilingual)."""

    fr: WebUrl
    """The French page or file."""
    nl: WebUrl
    """The Dutch page or file."""

    def get(self, language: str) -> str:
        """Return the address for the given language."""
        return self.fr if language == "fr" else self.nl


class FormSection(ContentModel):
    """A part of one of our models: a heading and the fields a reader fills in under it."""

    title: LocalizedText
    """The section's heading."""
    fields: list[LocalizedText] = Field(min_length=1)
    """The labels of its fields, in order."""


TEMPLATE_FACTS = ("title", "description", "issuer", "official_page", "file_url", "format", "version", "date", "languages",
                  "filled_by", "signed_by", "sent_to", "deadline", "steps")
"""The facts of an official form that a source must state (named in its supports)."""


class Template(ContentModel):
    """A form or model that professionals fill in, with what a reader needs to use it."""

    id: Slug
    """Identifier; it must equal the folder name."""
    kind: TemplateKind = "model"
    """official-form, online-procedure or model (our own document)."""
    example: bool = False
    """True for a sample written for tests, not a real document: the site says so."""
    title: LocalizedText
    """The document's name, as its issuer writes it."""
    description: LocalizedText
    """What the document is for, in one or two sentences."""
    keywords: LocalizedTerms = LocalizedTerms()
    """The names people use for it ("annexe 1", "wilsverklaring euthanasie"): the search finds them."""
    issuer: LocalizedText | None = None
    """Who issues it (INAMI / RIZIV, SPF Justice / FOD Justitie); for our models, the publisher of the site."""
    official_page: LocalizedUrl | None = None
    """The issuer's page about the form (required for an official form or an online procedure)."""
    file_url: LocalizedUrl | None = None
    """The official file itself, when the issuer links it directly."""
    format: DocumentFormat | None = None
    """The official file's format (pdf, docx, doc, odt) or online."""
    version: Text | None = None
    """The version or legal reference printed on it ("AR du 29 juillet 2019")."""
    date: PageDate | None = None
    """The date of this version (YYYY-MM-DD, or YYYY-MM)."""
    languages: list[LanguageCode] = []
    """The languages in which the issuer publishes it."""
    filled_by: LocalizedText | None = None
    """Who fills it in."""
    signed_by: LocalizedText | None = None
    """Who signs it."""
    sent_to: LocalizedText | None = None
    """Where it goes once filled in."""
    deadline: LocalizedText | None = None
    """By when, when a rule says so."""
    steps: LocalizedTerms = LocalizedTerms()
    """How to use it, step by step (a few short sentences per language)."""
    audiences: list[Slug] = Field(min_length=1)
    """Who uses it (ids from content/taxonomy.yaml)."""
    dossiers: list[Slug] = []
    """Related dossiers (ids)."""
    sections: list[FormSection] = []
    """Our model's sections and fields: `make template-files` writes its PDF and ODT files from them."""
    files: TemplateFiles | None = None
    """The files this site hosts (our models; an official form only where its reuse is stated)."""
    licence: Text | None = None
    """The terms of the hosted files: CC BY 4.0 for our models, the issuer's own words for an official form."""
    checked: PastDate
    """The day the official page (or our model's sources) was last checked (YYYY-MM-DD)."""
    sources: list[Source] = []
    """The pages its facts come from (official forms) or the public models it draws on (our models)."""
    editor_notes: Text | None = Field(default=None, exclude=True)
    """Notes for editors, never published."""

    def published_facts(self) -> list[str]:
        """Return the facts of TEMPLATE_FACTS this entry fills in."""
        filled = {"title": True, "description": True, "steps": bool(self.steps.fr or self.steps.nl)}
        return [fact for fact in TEMPLATE_FACTS if filled.get(fact, getattr(self, fact, None) not in (None, []))]
