"""Read every file under content/ into typed models, reporting each problem at its line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from schemas.bassin import Bassins
from schemas.common import LANGUAGES
from schemas.commune import Commune
from schemas.dossier import DossierFrontMatter
from schemas.helpline import Helplines
from schemas.organization import Organization
from schemas.site import Site, UiStrings
from schemas.taxonomy import Taxonomy
from schemas.template import Template
from scripts.content.dossier_sources import SOURCES_HEADING, citation_problems
from scripts.content.errors import Problems
from scripts.content.loaded import Content, DossierPage, OrganizationEntry, TemplateEntry
from scripts.content.model_errors import validate_document
from scripts.content.safety import find_unsafe_markup
from scripts.content.yaml_source import FieldPath, YamlDocument, decode_utf8, dotted, parse_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


def load_content(root: Path, problems: Problems) -> Content | None:
    """Return the content of every file that passed its own checks; None when a site-wide file failed."""
    documents: dict[str, YamlDocument] = {}
    site = _load_model(root, "site.yaml", Site, "site.json", problems, documents)
    ui = _load_model(root, "ui.yaml", UiStrings, "ui.json", problems, documents)
    taxonomy = _load_model(root, "taxonomy.yaml", Taxonomy, "taxonomy.json", problems, documents)
    bassins = _load_model(root, "bassins.yaml", Bassins, "bassins.json", problems, documents)
    helplines = _load_model(root, "helplines.yaml", Helplines, "helplines.json", problems, documents)
    communes = _load_communes(root, problems)
    postcodes = _load_postcodes(root, problems)
    organizations = _load_organizations(root, problems)
    dossiers = _load_dossiers(root, problems)
    templates = load_templates(root, problems)
    if site is None or ui is None or taxonomy is None or bassins is None or helplines is None:
        return None
    return Content(
        root=root,
        site=site,
        ui=ui.root,
        taxonomy=taxonomy,
        communes=communes,
        postcodes=postcodes,
        bassins=bassins.bassins,
        helplines=helplines.helplines,
        organizations=organizations,
        dossiers=dossiers,
        templates=templates,
        settings_documents=documents,
    )


def display_path(root: Path, path: Path) -> str:
    """Return a path as editors see it in the repository (content/...)."""
    return (Path(root.name) / path.relative_to(root)).as_posix()


def read_yaml_file(root: Path, path: Path, problems: Problems) -> YamlDocument | None:
    """Parse one YAML file, reporting every trap."""
    shown = display_path(root, path)
    text = decode_utf8(path.read_bytes(), shown, problems)
    document = None if text is None else parse_yaml(text, shown, problems)
    if document is not None:
        _check_text_values(document, problems)
    return document


PLACEHOLDER = "TODO"
"""How `make new` marks what an editor must fill in; no value may start with it."""
PLACEHOLDER_FIX = "replace it with the real value, taken from a public source (see CONTRIBUTING.md)"


def _check_text_values(document: YamlDocument, problems: Problems) -> None:
    """Report text values that hold markup able to run script, or a placeholder left by `make new`.

    A placeholder's field is marked unreadable: its type error would only repeat the problem."""
    for loc, value in _strings(document.data, ()):
        found = [(message, "remove the HTML; write plain text, and links as https:// addresses") for _, _, message in find_unsafe_markup(value)]
        if value.lstrip().startswith(PLACEHOLDER):
            found.append((f"placeholder left: {value!r}", PLACEHOLDER_FIX))
            document.unreadable.add(loc)
        for message, fix in found:
            line, column = document.locate(loc)
            problems.add(document.path, line, column, dotted(loc), message, fix)


def _strings(data: Any, loc: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))


def _load_model(
    root: Path, name: str, model: type[ModelT], schema: str, problems: Problems, documents: dict[str, YamlDocument]
) -> ModelT | None:
    path = root / name
    if not path.is_file():
        problems.add(f"{root.name}/{name}", 1, 1, "(file)", "this file is missing", f"create it (see schemas/{schema})")
        return None
    document = read_yaml_file(root, path, problems)
    if document is None:
        return None
    documents[name] = document
    return validate_document(model, document, problems, schema)


def _load_organizations(root: Path, problems: Problems) -> list[OrganizationEntry]:
    entries = []
    for path in sorted((root / "directory").glob("*")):
        if path.suffix != ".yaml":
            _report_stray_file(root, path, "directory entries are .yaml files", problems)
            continue
        document = read_yaml_file(root, path, problems)
        model = document and validate_document(Organization, document, problems, "organization.json")
        if document and model:
            check_id_matches_name(document, model.id, path.stem, problems)
            entries.append(OrganizationEntry(model, document))
    return entries


def _load_dossiers(root: Path, problems: Problems) -> dict[str, dict[Any, DossierPage]]:
    dossiers: dict[str, dict[Any, DossierPage]] = {}
    for path in sorted((root / "dossiers").glob("*")):
        stem, _, language = path.stem.rpartition(".")
        if path.suffix != ".md" or language not in LANGUAGES:
            _report_stray_file(root, path, "dossiers are named <id>.fr.md and <id>.nl.md", problems)
            continue
        page = _load_dossier_page(root, path, language, problems)
        if page:
            check_id_matches_name(page.document, page.meta.id, stem, problems)
            dossiers.setdefault(page.meta.id, {})[page.language] = page
    return dossiers


def _load_dossier_page(root: Path, path: Path, language: Any, problems: Problems) -> DossierPage | None:
    shown = display_path(root, path)
    text = decode_utf8(path.read_bytes(), shown, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        problems.add(
            shown, 1, 1, "(front matter)", "the file does not start with a front matter block",
            "start the file with a line ---, the fields (id, title, summary, reviewed), and a line ---",
        )
        return None
    end = 1 + [line.strip() for line in lines[1:]].index("---")
    document = parse_yaml("\n".join(lines[1:end]), shown, problems, first_line=2)
    if document is not None:
        _check_text_values(document, problems)
    meta = document and validate_document(DossierFrontMatter, document, problems, "dossier.json")
    for number, text in enumerate(lines[end + 1 :], start=end + 2):
        if text.lstrip().startswith(PLACEHOLDER):
            problems.add(shown, number, 1, "(text)", f"placeholder left: {text.strip()[:60]!r}", PLACEHOLDER_FIX)
    if document is None or meta is None:
        return None
    body = "\n".join(lines[end + 1 :])
    for line, column, message in find_unsafe_markup(body):
        problems.add(shown, end + 1 + line, column, "(text)", message, "remove the HTML; write plain Markdown and links that start with https://")
    if not body.strip():
        problems.add(shown, end + 2, 1, "(body)", "the dossier has no text", "write the text below the front matter")
    elif f"## {SOURCES_HEADING[language]}" not in [line.strip() for line in lines[end + 1 :]]:
        problems.add(shown, len(lines), 1, "(sources)", f"the dossier has no \"## {SOURCES_HEADING[language]}\" section",
                     f"end it with a line \"## {SOURCES_HEADING[language]}\" and a list of the official pages its statements rest on: - [Title](https://...)")
    else:
        for line, message, fix in citation_problems(body, language):
            problems.add(shown, end + 1 + line, 1, "(sources)", message, fix)
    return DossierPage(meta, language, body, end + 2, document)


def load_templates(root: Path, problems: Problems) -> list[TemplateEntry]:
    entries = []
    for folder in sorted((root / "templates").glob("*")):
        meta_path = folder / "template.yaml"
        if not folder.is_dir() or not meta_path.is_file():
            _report_stray_file(root, folder, "each template is a folder holding template.yaml and its files", problems)
            continue
        document = read_yaml_file(root, meta_path, problems)
        model = document and validate_document(Template, document, problems, "template.json")
        if document and model:
            check_id_matches_name(document, model.id, folder.name, problems)
            entries.append(TemplateEntry(model, folder, document))
    return entries


def _load_communes(root: Path, problems: Problems) -> dict[int, Commune]:
    communes = {}
    for line, row in _read_csv(root, "communes.csv", problems):
        try:
            commune = Commune.model_validate(
                {
                    "nis_code": int(row["nis_code"]),
                    "name_fr": row["name_fr"],
                    "name_nl": row["name_nl"],
                    "postcodes": tuple(row["postcodes"].split()),
                    "lat": float(row["lat"]),
                    "lon": float(row["lon"]),
                }
            )
        except (ValueError, KeyError, ValidationError) as error:
            problems.add(f"{root.name}/communes.csv", line, 1, "(row)", f"this row cannot be read: {error}", f"restore the file from git: git checkout -- {root.name}/communes.csv")
            continue
        communes[commune.nis_code] = commune
    return communes


def _load_postcodes(root: Path, problems: Problems) -> dict[str, set[int]]:
    postcodes: dict[str, set[int]] = {}
    for _, row in _read_csv(root, "postcodes.csv", problems):
        if not row["nis_code"]:
            continue  # bpost organisation codes (1008 Chamber...) belong to no commune
        postcodes.setdefault(row["postcode"], set()).add(int(row["nis_code"]))
    return postcodes


def _read_csv(root: Path, name: str, problems: Problems) -> list[tuple[int, dict[str, str]]]:
    path = root / name
    shown = f"{root.name}/{name}"
    if not path.is_file():
        problems.add(shown, 1, 1, "(file)", "this file is missing", f"restore it from git: git checkout -- {shown}")
        return []
    text = decode_utf8(path.read_bytes(), shown, problems)
    if text is None:
        return []
    return [(number + 2, row) for number, row in enumerate(csv.DictReader(io.StringIO(text)))]


def check_id_matches_name(document: YamlDocument, model_id: str, name: str, problems: Problems) -> None:
    if model_id != name:
        line, column = document.locate(("id",))
        problems.add(
            document.path, line, column, "id", f"the id {model_id!r} differs from the file name {name!r}",
            f"rename the file to match the id, or write id: {name}",
        )


def _report_stray_file(root: Path, path: Path, expected: str, problems: Problems) -> None:
    problems.add(display_path(root, path), 1, 1, "(file)", "this file is not expected here", f"{expected}; move or delete it")

