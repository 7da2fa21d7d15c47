"""The loaded content: typed models plus where each came from."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from schemas.bassin import Bassin
from schemas.common import Language, LocalizedText
from schemas.commune import Commune
from schemas.dossier import DossierFrontMatter
from schemas.helpline import Helpline
from schemas.organization import Address, Organization, Service
from schemas.site import Site
from schemas.taxonomy import Category, CategoryGroup, Taxonomy
from schemas.template import Template
from scripts.content.yaml_source import YamlDocument


@dataclass(frozen=True)
class OrganizationEntry:
    """A directory entry and the YAML it was read from."""

    model: Organization
    document: YamlDocument


@dataclass(frozen=True)
class DossierPage:
    """One language version of a dossier."""

    meta: DossierFrontMatter
    language: Language
    body: str
    body_first_line: int
    document: YamlDocument


@dataclass(frozen=True)
class TemplateEntry:
    """A template's metadata and the folder holding its files."""

    model: Template
    folder: Path
    document: YamlDocument


@dataclass
class Content:
    """Everything under content/, validated file by file."""

    root: Path
    site: Site
    ui: dict[str, LocalizedText]
    taxonomy: Taxonomy
    communes: dict[int, Commune]
    postcodes: dict[str, set[int]]
    bassins: list[Bassin]
    helplines: list[Helpline]
    organizations: list[OrganizationEntry] = field(default_factory=list)
    dossiers: dict[str, dict[Language, DossierPage]] = field(default_factory=dict)
    templates: list[TemplateEntry] = field(default_factory=list)
    settings_documents: dict[str, YamlDocument] = field(default_factory=dict)
    """The parsed site.yaml, ui.yaml and taxonomy.yaml, by file name."""
    _services: list[tuple[Organization, Service]] | None = field(default=None, repr=False)
    _address_bassins: dict[tuple[int, str], list[Bassin]] = field(default_factory=dict, repr=False)
    _shown_categories: list[Category] | None = field(default=None, repr=False)

    def release_sources(self) -> None:
        """Drop what each file's parsed YAML holds for reporting problems (its data and the place of
        every field), keeping its path: once the content is valid, nothing reads them, and at
        10,000 services they are half the content's memory."""
        documents = [entry.document for entry in self.organizations] + [entry.document for entry in self.templates]
        documents += [page.document for pages in self.dossiers.values() for page in pages.values()]
        for document in documents:
            document.data, document.text = None, ""

    def get_category(self, category_id: str) -> Category:
        """Return a category by id."""
        return next(c for c in self.taxonomy.categories if c.id == category_id)

    def get_group(self, group_id: str) -> CategoryGroup:
        """Return a category group by id."""
        return next(g for g in self.taxonomy.groups if g.id == group_id)

    def get_services(self) -> list[tuple[Organization, Service]]:
        """Return every service with its organisation, in id order."""
        if self._services is None:
            pairs = [(entry.model, service) for entry in self.organizations for service in entry.model.services]
            self._services = sorted(pairs, key=lambda pair: pair[1].id)
        return self._services

    def shown_categories(self) -> list[Category]:
        """Return the categories readers see: those with a service (the others stay in the taxonomy for editors).
        The published content holds no example entry (tests/content/test_sources.py), so each shown category has a real service."""
        if self._shown_categories is None:
            used = {category for _, service in self.get_services() for category in service.categories}
            self._shown_categories = [category for category in self.taxonomy.categories if category.id in used]
        return self._shown_categories

    def shown_groups(self) -> list[CategoryGroup]:
        """Return the groups that hold a category readers see."""
        groups = {category.group for category in self.shown_categories()}
        return [group for group in self.taxonomy.groups if group.id in groups]

    def public_site_url(self) -> str | None:
        """Return the site's public address: SITE_URL at build time, else site_url in content/site.yaml."""
        return os.environ.get("SITE_URL") or self.site.site_url

    def get_bassin(self, bassin_id: str) -> Bassin:
        """Return a bassin by id."""
        return next(b for b in self.bassins if b.id == bassin_id)

    def address_bassins(self, address: Address) -> list[Bassin]:
        """Return the bassin of an address: one when its commune or postcode decides, else every
        bassin sharing the commune ("several bassins": the sources do not decide, never a guess).
        Memoised by commune and postcode: pages, finder rows, search and exports all ask."""
        key = (address.commune, address.postcode)
        if key not in self._address_bassins:
            sharing = self.commune_bassins(address.commune)
            decided = [b for b in sharing if any(part.commune == address.commune and address.postcode in part.postcodes for part in b.parts)]
            self._address_bassins[key] = [b for b in sharing if address.commune in b.communes] or decided or sharing
        return self._address_bassins[key]

    def commune_bassins(self, nis_code: int) -> list[Bassin]:
        """Return the bassins a commune belongs to, wholly or in part."""
        return [b for b in self.bassins if nis_code in b.communes or any(part.commune == nis_code for part in b.parts)]

    def ui_text(self, key: str, language: Language) -> str:
        """Return an interface label in the given language."""
        return self.ui[key].get(language)
