"""What the directory covers: located services per commune, organisations and services per need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from scripts.content.loaded import Content

MIN_LOCATED_SERVICES_PER_COMMUNE = 3
"""A commune is covered once this many real services have an address in it (issue 25)."""

CPAS_CATEGORY = "public-social-welfare-centre"


@dataclass(frozen=True)
class CommuneCoverage:
    """One commune: how many real services have an address in it, and its CPAS (serving it, with an address or not)."""

    nis_code: int
    name: str
    located_services: int
    has_cpas: bool
    cpas_located: bool

    @property
    def covered(self) -> bool:
        """True when the commune has its CPAS and enough located services."""
        return self.has_cpas and self.located_services >= MIN_LOCATED_SERVICES_PER_COMMUNE


@dataclass(frozen=True)
class CategoryCoverage:
    """One category of need: how many real organisations and services offer it."""

    category: str
    group: str
    organizations: int
    services: int


@dataclass(frozen=True)
class Coverage:
    """The directory's coverage, counted over real organisations only (never example entries)."""

    organizations: int
    services: int
    communes: list[CommuneCoverage]
    categories: list[CategoryCoverage]
    dutch_speaking_organizations: int
    """Organisations whose entry states Dutch as a working language (of the organisation, a service or a location's staff)."""


def measure_coverage(content: Content) -> Coverage:
    """Count the real services per commune and the real organisations and services per category."""
    real = [entry.model for entry in content.organizations if not entry.model.example]
    located: dict[int, set[str]] = defaultdict(set)
    cpas_served: set[int] = set()
    cpas_located: set[int] = set()
    category_orgs: dict[str, set[str]] = defaultdict(set)
    category_services: dict[str, int] = defaultdict(int)
    for org in real:
        for service in org.services:
            communes = {location.address.commune for location in org.service_locations(service)}
            for nis_code in communes:
                located[nis_code].add(service.id)
            if CPAS_CATEGORY in service.categories:
                cpas_located |= communes
                cpas_served |= set(service.area_served) if service.area_served != "region" else set()
            for category in service.categories:
                category_orgs[category].add(org.id)
                category_services[category] += 1
    cpas_served |= cpas_located
    communes = [CommuneCoverage(nis_code, commune.name_fr, len(located[nis_code]), nis_code in cpas_served, nis_code in cpas_located)
                for nis_code, commune in sorted(content.communes.items())]
    categories = [CategoryCoverage(category.id, category.group, len(category_orgs[category.id]), category_services[category.id])
                  for category in content.taxonomy.categories]
    dutch = sum(1 for org in real if "nl" in org.languages or any("nl" in service.languages for service in org.services)
                or any("nl" in location.staff_languages for location in org.locations))
    return Coverage(len(real), sum(len(org.services) for org in real), communes, categories, dutch)


def _cpas_state(commune: CommuneCoverage) -> str:
    if commune.cpas_located:
        return "with an address"
    return "without an address" if commune.has_cpas else "MISSING"


def format_coverage(coverage: Coverage) -> list[str]:
    """Return the coverage as report lines: the totals, each commune, each category."""
    short = [commune.name for commune in coverage.communes if not commune.covered]
    lines = [f"Coverage: {coverage.organizations} real organisations, {coverage.services} services; "
             f"{coverage.dutch_speaking_organizations} organisations state Dutch as a working language",
             f"  Communes short of their CPAS or {MIN_LOCATED_SERVICES_PER_COMMUNE} located services: "
             f"{len(short)}{' (' + ', '.join(short) + ')' if short else ''}"]
    lines += [f"  {commune.name} ({commune.nis_code}): {commune.located_services} located service(s), "
              f"CPAS {_cpas_state(commune)}" for commune in coverage.communes]
    lines += [f"  need {category.group}/{category.category}: {category.organizations} organisations, {category.services} services"
              + ("" if category.services else " (not shown to readers)") for category in coverage.categories]
    return lines
