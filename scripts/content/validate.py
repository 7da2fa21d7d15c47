"""Rules that span files: references, postcodes, unique ids, template files."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from schemas.common import LANGUAGES, other_language
from schemas.organization import Organization
from schemas.template import Template
from scripts.content.errors import ContentError, Problems
from scripts.content.load import load_content
from scripts.content.loaded import Content, DossierPage, OrganizationEntry, TemplateEntry
from scripts.content.yaml_source import FieldPath, YamlDocument, dotted

TEMPLATE_MAX_BYTES = 10 * 1024 * 1024
TEMPLATE_FORMATS = {".odt": "OpenDocument text", ".docx": "Word document", ".pdf": "PDF"}


def load_valid_content(root: Path, required_ui_keys: Iterable[str]) -> Content:
    """Return the content when every file and every cross-file rule passes; raise ContentError otherwise."""
    problems = Problems()
    content = load_content(root, problems)
    if content is not None:
        check_content(content, required_ui_keys, problems)
    if problems or content is None:
        raise ContentError(problems.sorted())
    return content


def check_content(content: Content, required_ui_keys: Iterable[str], problems: Problems) -> None:
    """Report every cross-file problem of the files that passed their own checks."""
    _check_taxonomy(content, problems)
    _check_bassins(content, problems)
    _check_ui(content, required_ui_keys, problems)
    service_ids = _check_unique_services(content, problems)
    for entry in content.organizations:
        _check_organization(content, entry, problems)
    for pages in content.dossiers.values():
        _check_dossier(content, pages, service_ids, problems)
    for template in content.templates:
        _check_template(content, template, problems)


def _add(problems: Problems, document: YamlDocument, loc: FieldPath, message: str, fix: str) -> None:
    line, column = document.locate(loc)
    problems.add(document.path, line, column, dotted(loc), message, fix)


def _check_refs(
    problems: Problems, document: YamlDocument, loc: FieldPath, values: Iterable[Any], known: Iterable[Any], what: str, where: str
) -> None:
    known_set = set(known)
    for index, value in enumerate(values):
        if value not in known_set:
            _add(problems, document, loc + (index,), f"unknown {what} {value!r}", f"use an id listed in {where}")


def _check_taxonomy(content: Content, problems: Problems) -> None:
    document = content.settings_documents["taxonomy.yaml"]
    taxonomy = content.taxonomy
    for kind, items in (("groups", taxonomy.groups), ("categories", taxonomy.categories), ("audiences", taxonomy.audiences)):
        ids = [item.id for item in items]
        for index, item_id in enumerate(ids):
            if ids.index(item_id) != index:
                _add(problems, document, (kind, index, "id"), f"the id {item_id!r} is already used above", "give each one its own id")
    groups = [group.id for group in taxonomy.groups]
    for index, category in enumerate(taxonomy.categories):
        _check_refs(problems, document, ("categories", index, "group"), [category.group], groups, "group", "groups: in this file")


def _check_bassins(content: Content, problems: Problems) -> None:
    """Every commune in exactly one bassin, or split between several with no postcode decided twice."""
    if not content.communes:
        return  # communes.csv could not be read: that problem is reported alone
    document = content.settings_documents["bassins.yaml"]
    ids = [bassin.id for bassin in content.bassins]
    owners: dict[int, list[str]] = {}
    deciders: dict[str, str] = {}
    for index, bassin in enumerate(content.bassins):
        if ids.index(bassin.id) != index:
            _add(problems, document, ("bassins", index, "id"), f"the id {bassin.id!r} is already used above", "give each bassin its own id")
        _check_refs(problems, document, ("bassins", index, "communes"), bassin.communes, content.communes, "commune NIS code", "content/communes.csv")
        for nis_code in bassin.communes:
            owners.setdefault(nis_code, []).append(bassin.id)
        for part_index, part in enumerate(bassin.parts):
            loc: FieldPath = ("bassins", index, "parts", part_index)
            commune = content.communes.get(part.commune)
            if commune is None:
                _add(problems, document, loc + ("commune",), f"unknown commune NIS code {part.commune}", "use a code listed in content/communes.csv")
                continue
            owners.setdefault(part.commune, []).append(f"{bassin.id} (part)")
            for postcode_index, postcode in enumerate(part.postcodes):
                if postcode not in commune.postcodes:
                    _add(problems, document, loc + ("postcodes", postcode_index), f"{postcode} is not a postcode of {commune.name_fr}",
                         f"use one of {', '.join(commune.postcodes)}")
                elif postcode in deciders:
                    _add(problems, document, loc + ("postcodes", postcode_index), f"{postcode} is already given to the bassin {deciders[postcode]}",
                         "a postcode decides one bassin only: remove it from one of them")
                deciders.setdefault(postcode, bassin.id)
    for nis_code, commune in sorted(content.communes.items()):
        found = owners.get(nis_code, [])
        whole = [owner for owner in found if not owner.endswith("(part)")]
        if not found or len(whole) > 1 or (whole and len(found) > 1) or (not whole and len(found) < 2):
            shown = ", ".join(found) or "no bassin"
            problems.add(document.path, 1, 1, "bassins", f"{commune.name_fr} ({nis_code}) is in {shown}",
                         "list each commune under communes: of one bassin, or under parts: of two bassins or more")


def _check_ui(content: Content, required: Iterable[str], problems: Problems) -> None:
    for key in sorted(set(required) - set(content.ui)):
        problems.add(
            f"{content.root.name}/ui.yaml", 1, 1, key, "this interface label is missing",
            f"add {key}: with fr: and nl: texts",
        )


def _check_unique_services(content: Content, problems: Problems) -> set[str]:
    seen: dict[str, str] = {}
    for entry in content.organizations:
        for index, service in enumerate(entry.model.services):
            if service.id in seen:
                _add(
                    problems, entry.document, ("services", index, "id"),
                    f"the service id {service.id!r} is already used in {seen[service.id]}",
                    "service ids are unique in the whole directory: prefix it with the organisation's id",
                )
            seen.setdefault(service.id, entry.document.path)
    return set(seen)


def _check_organization(content: Content, entry: OrganizationEntry, problems: Problems) -> None:
    org, document = entry.model, entry.document
    taxonomy = content.taxonomy
    location_ids = [location.id for location in org.locations]
    for index, location in enumerate(org.locations):
        loc: FieldPath = ("locations", index)
        if location_ids.count(location.id) > 1 and location_ids.index(location.id) != index:
            _add(problems, document, loc + ("id",), f"the location id {location.id!r} is used twice", "give each location its own id")
        _check_address(content, document, loc + ("address",), location.address, problems)
        if location.hours:
            dates = [exception.date for exception in location.hours.exceptions]
            for position, day in enumerate(dates):
                if dates.index(day) != position:
                    _add(problems, document, loc + ("hours", "exceptions", position, "date"), f"the day {day} is listed twice", "keep one exception per day")
    _check_sources(document, org, problems)
    if not org.example:
        _check_fact_sources(document, org, problems)
    categories = [category.id for category in taxonomy.categories]
    audiences = [audience.id for audience in taxonomy.audiences]
    for index, service in enumerate(org.services):
        loc = ("services", index)
        _check_refs(problems, document, loc + ("categories",), service.categories, categories, "category", "content/taxonomy.yaml")
        _check_refs(problems, document, loc + ("audiences",), service.audiences, audiences, "public", "content/taxonomy.yaml (audiences)")
        _check_refs(problems, document, loc + ("locations",), service.locations, location_ids, "location", "this file's locations")
        if service.area_served != "region":
            _check_refs(problems, document, loc + ("area_served",), service.area_served, content.communes, "commune NIS code", "content/communes.csv")


def _check_sources(document: YamlDocument, org: Organization, problems: Problems) -> None:
    """A real entry names its sources, and was checked after the newest of them."""
    if org.verification != "example" and not org.sources:
        _add(problems, document, ("sources",) if "sources" in document.data else ("verification",),
             "a real entry needs at least one source", "add sources: with the url (and title) of the public page the facts come from")
    if org.verification == "confirmed" and org.confirmation is None:
        _add(problems, document, ("verification",), "a confirmed entry does not say who confirmed it, how and when",
             "add confirmation: {by: name and role, how: email (or phone, letter, visit), on: YYYY-MM-DD}")
    if org.verification != "confirmed" and org.confirmation is not None:
        _add(problems, document, ("confirmation",), f"the entry has a confirmation but its verification is {org.verification}",
             "set verification: confirmed, or remove the confirmation")
    for index, source in enumerate(org.sources):
        if source.date is not None and org.last_verified < source.date:
            _add(problems, document, ("last_verified",),
                 f"last_verified {org.last_verified} is older than sources[{index}], dated {source.date}",
                 "check the entry against the newer page and set last_verified to that day")


def _check_fact_sources(document: YamlDocument, org: Organization, problems: Problems) -> None:
    """On a real entry, each source says when it was read and which facts it states; every published fact has one.
    (An entry without sources gets one problem, from _check_sources.)"""
    if not org.sources:
        return
    facts = org.published_facts()
    supported: set[str] = set()
    for index, source in enumerate(org.sources):
        if source.read is None:
            _add(problems, document, ("sources", index, "url"), "the day this page was read is missing",
                 "add read: YYYY-MM-DD under the url (the day you read the page)")
        for position, fact in enumerate(source.supports):
            if fact not in facts:
                _add(problems, document, ("sources", index, "supports", position), f"{fact!r} is not a fact this entry publishes",
                     f"use one of: {', '.join(facts)}")
        supported.update(source.supports)
    for fact, loc in facts.items():
        if fact not in supported:
            _add(problems, document, loc, f"no source supports this fact ({fact})",
                 f"add {fact} to supports: of the source that states it, or remove the fact")


def _check_address(content: Content, document: YamlDocument, loc: FieldPath, address: Any, problems: Problems) -> None:
    commune = content.communes.get(address.commune)
    if commune is None:
        _add(problems, document, loc + ("commune",), f"unknown commune NIS code {address.commune}", "use a code from 21001 to 21019 listed in content/communes.csv")
        return
    if address.commune not in content.postcodes.get(address.postcode, set()):
        names = [content.communes[nis].name_fr for nis in sorted(content.postcodes.get(address.postcode, set()))]
        elsewhere = f" (it belongs to {', '.join(names)})" if names else " (it is no commune's postcode in the Region)"
        _add(
            problems, document, loc + ("postcode",),
            f"the postcode {address.postcode} is not used in {commune.name_fr} / {commune.name_nl}{elsewhere}",
            f"check the address; {commune.name_fr} uses {', '.join(commune.postcodes)}",
        )



def _check_dossier(content: Content, pages: dict[Any, DossierPage], service_ids: set[str], problems: Problems) -> None:
    for page in pages.values():
        document, meta = page.document, page.meta
        other = other_language(page.language)
        if other not in pages and meta.translation != "pending":
            _add(
                problems, document, ("id",), f"the {other.upper()} version of this dossier is missing",
                f"add {Path(document.path).name.replace('.' + page.language + '.', '.' + other + '.')}, or write translation: pending",
            )
        if other in pages and meta.translation == "pending":
            _add(problems, document, ("translation",), "translation: pending but both languages exist", "remove the translation line")
        taxonomy = content.taxonomy
        _check_refs(problems, document, ("categories",), meta.categories, [c.id for c in taxonomy.categories], "category", "content/taxonomy.yaml")
        _check_refs(problems, document, ("audiences",), meta.audiences, [a.id for a in taxonomy.audiences], "public", "content/taxonomy.yaml (audiences)")
        _check_refs(problems, document, ("templates",), meta.templates, [t.model.id for t in content.templates], "template", "content/templates/")
        _check_refs(problems, document, ("services",), meta.services, service_ids, "service", "the service ids of content/directory/")


def _check_template(content: Content, template: TemplateEntry, problems: Problems) -> None:
    document, model = template.document, template.model
    _check_refs(problems, document, ("audiences",), model.audiences, [a.id for a in content.taxonomy.audiences], "public", "content/taxonomy.yaml (audiences)")
    _check_refs(problems, document, ("dossiers",), model.dossiers, content.dossiers, "dossier", "content/dossiers/")
    for language in LANGUAGES:
        for index, name in enumerate(model.files.get(language) if model.files else []):
            message, fix = check_template_file(template.folder, name)
            if message:
                _add(problems, document, ("files", language, index), message, fix)
    if not model.example:
        _check_template_kind(document, model, problems)


def _check_template_kind(document: YamlDocument, model: Template, problems: Problems) -> None:
    """An official form names its issuer, its page and the page behind each fact; our own model is hosted, licensed and sourced."""
    official = model.kind != "model"
    required = {"official_page": "add official_page: {fr: https://..., nl: https://...}, the issuer's page about the form",
                "issuer": "add issuer: {fr: ..., nl: ...}, who publishes the form"} if official else {
                "files": "add files: {fr: [name.fr.pdf], nl: [name.nl.pdf]} in the template's folder",
                "licence": "add licence: CC BY 4.0 (our models are free to reuse with attribution)"}
    for name, fix in required.items():
        if getattr(model, name) is None:
            _add(problems, document, ("kind",), f"{model.kind}: {name} is missing", fix)
    if not model.sources:
        _add(problems, document, ("kind",), f"{model.kind}: no source", "add sources: the official pages (or, for a model, the public models it draws on)")
    if model.kind == "online-procedure" and (model.files or model.format not in (None, "online")):
        _add(problems, document, ("format",), "an online procedure has no file", "set format: online and remove files")
    if model.kind == "official-form" and model.files and model.licence is None:
        _add(problems, document, ("files",), "an official form is hosted here without its reuse terms",
             "link the official page instead, or add licence: with the issuer's own words allowing reuse")
    if official:
        supported = {fact for source in model.sources for fact in source.supports}
        for fact in model.published_facts():
            if fact not in supported:
                _add(problems, document, (fact,), f"no source supports this fact ({fact})",
                     f"add {fact} to supports: of the source that states it, or remove the fact")


def check_template_file(folder: Path, name: str) -> tuple[str, str]:
    """Return (problem, fix) for a template file, or empty strings when it is fine."""
    path = folder / name
    if "/" in name or "\\" in name or name.startswith("."):
        return f"{name!r} is not a plain file name", "put the file in the template's folder and write only its name"
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        return f"{name!r} points outside the template's folder", "copy the real file into the folder"
    if not path.is_file():
        return f"the file {name!r} does not exist", f"add it to {folder.name}/ or correct the name"
    if path.suffix.lower() not in TEMPLATE_FORMATS:
        return f"the file type {path.suffix!r} is not allowed", "save the document as .odt, .docx or .pdf"
    size = path.stat().st_size
    if size > TEMPLATE_MAX_BYTES:
        return f"the file weighs {size / 1048576:.1f} MB, over the {TEMPLATE_MAX_BYTES // 1048576} MB limit", "reduce images or split the document"
    if detect_format(path) != path.suffix.lower():
        return f"the content of {name!r} is not a real {TEMPLATE_FORMATS[path.suffix.lower()]}", "export the document again from your office program with this format"
    return "", ""


def detect_format(path: Path) -> str:
    """Return the extension that a file's content really has (.pdf, .odt, .docx), or ''."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if not zipfile.is_zipfile(path):
        return ""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype") == b"application/vnd.oasis.opendocument.text":
            return ".odt"
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return ".docx"
    return ""

