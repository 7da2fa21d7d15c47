"""The editors' CMS (Decap CMS) configuration, generated from the content models.

Every field of every model becomes a widget chosen by its type: its hint is the field's
docstring, required fields are required, enumerations are selects, and identifiers that point
into the content (categories, publics, communes, dossiers, templates, services) are selects
filled from it. The few choices made by field name (LONG_TEXTS, the labels, list summaries,
dossier fields shared by both languages) are listed here; tests/editors/test_cms_config.py
fails when the forms and the models differ.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from babel import Locale
from pydantic import BaseModel, EmailStr
from pydantic.fields import FieldInfo

from schemas.bassin import Bassins
from schemas.common import LANGUAGES, SLUG_PATTERN, Language, LocalizedTerms, LocalizedText, YesNo
from schemas.dossier import DossierFrontMatter
from schemas.helpline import Helplines
from schemas.organization import CLOCK_REGEX, WEEKDAYS, ClockTime, LanguageCode, Organization, Verification, Weekday
from schemas.site import Site
from schemas.taxonomy import Taxonomy
from schemas.template import Template, TemplateFiles
from scripts.content.loaded import Content
from scripts.editors.cms_labels import FIELD_LABELS

Option = dict[str, Any]
Widget = dict[str, Any]

LONG_TEXTS = frozenset({"description", "difference", "details", "documents", "intro", "audience", "who", "summary",
                        "interpreting", "editor_notes"})
"""Fields whose texts are paragraphs: a text area rather than a one-line box."""

LANGUAGE_LABELS = {code: Locale.parse(code).get_display_name(code).capitalize() for code in LANGUAGES}
"""Each language in its own words ("Français", "Nederlands")."""
WEEKDAY_LABELS = dict(zip(WEEKDAYS, ("lundi / maandag", "mardi / dinsdag", "mercredi / woensdag", "jeudi / donderdag",
                                     "vendredi / vrijdag", "samedi / zaterdag", "dimanche / zondag"), strict=True))
CLOCK_PATTERN = (f"^({CLOCK_REGEX})$", "HH:MM (09:00, 17:30)")
PATTERN_MESSAGES = {
    SLUG_PATTERN: "lettres minuscules, chiffres et tirets / kleine letters, cijfers en koppeltekens",
    r"^1[0-2][0-9]{2}$": "1000-1299",
}
"""What the form says when a value does not match a model's pattern (`make validate` checks it too)."""


@dataclass(frozen=True)
class ContentOptions:
    """The values that identifiers may take, read from the content (the selects' options)."""

    by_field: dict[str, list[Option]] = field(default_factory=dict)
    languages: list[Option] = field(default_factory=list)

    @classmethod
    def from_content(cls, content: Content) -> ContentOptions:
        """Collect the options of every select that points into the content."""
        communes = [{"label": f"{c.name_fr} / {c.name_nl} ({c.nis_code})", "value": c.nis_code}
                    for c in sorted(content.communes.values(), key=lambda commune: commune.name_fr)]
        categories = [{"label": f"{c.name.fr} / {c.name.nl}", "value": c.id} for c in content.taxonomy.categories]
        audiences = [{"label": f"{a.name.fr} / {a.name.nl}", "value": a.id} for a in content.taxonomy.audiences]
        groups = [{"label": f"{g.name.fr} / {g.name.nl}", "value": g.id} for g in content.taxonomy.groups]
        dossiers = sorted(content.dossiers)
        services = [service.id for _, service in content.get_services()]
        by_field = {
            "categories": categories,
            "audiences": audiences,
            "group": groups,
            "commune": communes,
            "communes": communes,
            "area_served": [{"label": "Toute la Région / Het hele Gewest", "value": "region"}, *communes],
            "dossiers": [{"label": dossier, "value": dossier} for dossier in dossiers],
            "templates": [{"label": entry.model.id, "value": entry.model.id} for entry in content.templates],
            "services": [{"label": service, "value": service} for service in services],
        }
        return cls(by_field=by_field, languages=_language_options())


def _language_options() -> list[Option]:
    french = Locale("fr")
    codes = sorted(code for code in french.languages if len(code) == 2)
    return [{"label": f"{french.languages[code]} ({code})", "value": code} for code in codes]


def _label(name: str) -> str:
    return FIELD_LABELS[name]


def _hint(info: FieldInfo | None) -> dict[str, str]:
    return {"hint": " ".join(info.description.split())} if info is not None and info.description else {}


def _full_type(info: FieldInfo) -> Any:
    """Return a field's type with the constraints pydantic moved out of it (Annotated again)."""
    return Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        kept = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(kept) == 1:
            return kept[0]
    return annotation


def _base(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _yes_no() -> Widget:
    """A yes/no fact with no answer by default: Decap's boolean widget writes false when
    untouched, so a fact the source does not state would read as "no"."""
    return _select([{"label": "oui / ja", "value": "true"}, {"label": "non / nee", "value": "false"}])


def _pattern(annotation: Any) -> str | None:
    """Return the regular expression a string type's Field(pattern=...) sets, if any."""
    if get_origin(annotation) is not Annotated:
        return None
    return next((meta.pattern for meta in get_args(annotation)[1:] if getattr(meta, "pattern", None)), None)


def _select(options: list[Option] | list[Any], *, multiple: bool = False) -> Widget:
    widget: Widget = {"widget": "select", "options": options}
    if multiple:
        widget["multiple"] = True
    return widget


def _scalar_widget(name: str, annotation: Any, options: ContentOptions) -> Widget:
    """Return the widget of one value (a string, number, date, enumeration or model)."""
    if annotation is LanguageCode:
        return _select(options.languages)
    if name in options.by_field and _base(annotation) in (str, int):
        return _select(options.by_field[name])
    if annotation == YesNo:
        return _yes_no()
    if annotation == ClockTime:
        return {"widget": "string", "pattern": list(CLOCK_PATTERN)}
    pattern = _pattern(annotation)
    if pattern is not None:
        return {"widget": "string", "pattern": [pattern, PATTERN_MESSAGES.get(pattern, pattern)]}
    base = _base(annotation)
    if get_origin(base) is Literal:
        values = get_args(base)
        return _select([{"label": WEEKDAY_LABELS[v], "value": v} for v in values] if base == Weekday else list(values))
    if base is bool:
        return {"widget": "boolean"}
    if base is int:
        return {"widget": "number", "value_type": "int"}
    if base is float:
        return {"widget": "number", "value_type": "float", "step": 0.00001}
    if base is date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
                "picker_utc": True}
    if base is LocalizedText:
        kind = "text" if name in LONG_TEXTS else "string"
        return {"widget": "object", "collapsed": False,
                "fields": [{"name": code, "label": label, "widget": kind} for code, label in LANGUAGE_LABELS.items()]}
    if base is LocalizedTerms:
        return {"widget": "object", "collapsed": True,
                "fields": [{"name": code, "label": label, "widget": "list", "required": False,
                            "hint": "séparés par des virgules / gescheiden door komma's"}
                           for code, label in LANGUAGE_LABELS.items()]}
    if base is TemplateFiles:
        return {"widget": "object", "collapsed": False,
                "fields": [{"name": code, "label": label, "widget": "list", "hint": info.description or "",
                            "field": {"name": "file", "label": label, "widget": "file"}}
                           for (code, label), info in zip(LANGUAGE_LABELS.items(), TemplateFiles.model_fields.values(),
                                                          strict=True)]}
    if isinstance(base, type) and issubclass(base, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": model_fields(base, options)}
    if base is str:
        return {"widget": "text" if name in LONG_TEXTS else "string"}
    if base is EmailStr:
        return {"widget": "string"}
    raise TypeError(f"no CMS widget for the field {name!r} of type {annotation!r}")


def _widget(name: str, annotation: Any, options: ContentOptions) -> Widget:
    annotation = _without_none(annotation)
    if get_origin(_base(annotation)) is list:
        annotation = _base(annotation)  # a list's own constraints (min_length) stay with `make validate`
    if get_origin(_base(annotation)) in (Union, types.UnionType) and name == "area_served":
        # list[int] | "region": one multiple select whose first option is the whole Region.
        return _select(options.by_field[name], multiple=True)
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        item_widget = _scalar_widget(name, item, options)
        if item_widget["widget"] == "select":
            return {**item_widget, "multiple": True}
        if item_widget["widget"] == "object":
            widget: Widget = {"widget": "list", "collapsed": True, "fields": item_widget["fields"]}
            summary = _list_summary(item_widget["fields"])
            return {**widget, "summary": summary} if summary else widget
        return {"widget": "list"}
    return _scalar_widget(name, annotation, options)


def _list_summary(fields: list[Widget]) -> str:
    """Return what a collapsed list item shows: its id, name or first field."""
    names = [widget["name"] for widget in fields]
    if "opens" in names:
        return "{{fields.opens}}–{{fields.closes}}"
    for candidate in ("id", "number", "url", "date", "name"):
        if candidate in names:
            return "{{fields.%s.fr}}" % candidate if _is_localized(fields, candidate) else "{{fields.%s}}" % candidate
    return ""


def _is_localized(fields: list[Widget], name: str) -> bool:
    return any(widget["name"] == name and widget["widget"] == "object" for widget in fields)


def field_widget(name: str, info: FieldInfo, options: ContentOptions) -> Widget:
    """Return the Decap widget of one model field, with its label, hint and whether it is required."""
    widget = {"name": name, "label": _label(name), **_widget(name, _full_type(info), options), **_hint(info)}
    widget["required"] = info.is_required()
    if not widget["required"] and widget["widget"] == "object":
        _relax(widget["fields"])
    return widget


def _relax(fields: list[Widget]) -> None:
    """Let an optional block stay empty: Decap would otherwise demand its inner required fields.
    A block filled in part is still refused by `make validate`, with the field named."""
    for widget in fields:
        widget["required"] = False
        if widget["widget"] == "object":
            _relax(widget["fields"])


def model_fields(model: type[BaseModel], options: ContentOptions) -> list[Widget]:
    """Return the widgets of every field of a model, in the model's order."""
    return [field_widget(name, info, options) for name, info in model.model_fields.items()]


def _yaml_file(name: str, label: str, path: str, model: type[BaseModel], options: ContentOptions) -> Widget:
    return {"name": name, "label": label, "file": path, "fields": model_fields(model, options)}


def _ui_strings_file(content: Content) -> Widget:
    text = {"widget": "object", "collapsed": True,
            "fields": [{"name": code, "label": label, "widget": "string"} for code, label in LANGUAGE_LABELS.items()]}
    return {"name": "ui", "label": "Textes de l'interface / Interfaceteksten", "file": "content/ui.yaml",
            "fields": [{"name": key, "label": key, **text} for key in content.ui]}


def _dossier_fields(options: ContentOptions) -> list[Widget]:
    shared = {"id", "audiences", "categories", "templates", "services", "reviewed", "order"}
    fields = []
    for widget in model_fields(DossierFrontMatter, options):
        fields.append({**widget, "i18n": "duplicate" if widget["name"] in shared else True})
    body = {"name": "body", "label": "Texte / Tekst", "widget": "markdown", "modes": ["raw"], "i18n": True,
            "hint": "Markdown. Terminez par ## Sources (fr) ou ## Bronnen (nl) avec les pages publiques citées."}
    return [*fields, body]


def _backend(content: Content, local_backend_url: str) -> Widget:
    """The production back end: the repository of content/site.yaml, saves as pull requests."""
    repository = content.site.repository_url or ""
    host, _, path = repository.removeprefix("https://").removeprefix("http://").partition("/")
    names = {"github.com": "github", "gitlab.com": "gitlab", "bitbucket.org": "bitbucket"}
    site = content.site
    if host not in names:
        # No public repository yet: the admin page works with the local server only (make edit).
        return {"name": "proxy", "proxy_url": local_backend_url, "branch": site.edit_branch}
    backend: Widget = {"name": names[host], "repo": path.removesuffix(".git").strip("/"), "branch": site.edit_branch}
    if site.cms_oauth_url is not None:
        backend["base_url"] = site.cms_oauth_url
    if site.cms_app_id is not None:
        backend.update(auth_type="pkce", app_id=site.cms_app_id)
    return backend


def cms_config(content: Content, local_backend_url: str, interface: Language = "fr") -> dict[str, Any]:
    """Return the whole Decap CMS configuration for this content, with the local server's API address and
    the language of Decap's own interface (the forms' labels are bilingual either way)."""
    options = ContentOptions.from_content(content)
    backend = _backend(content, local_backend_url)
    config: dict[str, Any] = {
        "backend": backend,
        "local_backend": {"url": local_backend_url, "allowed_hosts": ["localhost", "127.0.0.1"]},
        "locale": interface,
        # Dossiers are <id>.fr.md and <id>.nl.md: one entry in the form, one file per language.
        "i18n": {"structure": "multiple_files", "locales": list(LANGUAGES), "default_locale": "fr"},
        "media_folder": "content/templates",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "organisations", "label": "Répertoire / Gids", "label_singular": "Organisation / Organisatie",
                "folder": "content/directory", "extension": "yaml", "format": "yaml", "create": True,
                "identifier_field": "id", "slug": "{{fields.id}}", "summary": "{{name.fr}} — {{verification}}",
                "sortable_fields": ["id", "last_verified", "verification"], "editor": {"preview": False},
                "view_filters": [{"label": value, "field": "verification", "pattern": value}
                                 for value in get_args(Verification)],
                "fields": model_fields(Organization, options),
            },
            {
                "name": "dossiers", "label": "Dossiers", "label_singular": "Dossier",
                "folder": "content/dossiers", "extension": "md", "format": "frontmatter", "create": True,
                "identifier_field": "id", "slug": "{{fields.id}}", "summary": "{{title}}",
                "i18n": True,
                "fields": _dossier_fields(options),
            },
            {
                "name": "templates", "label": "Modèles / Modellen", "label_singular": "Modèle / Model",
                "folder": "content/templates", "path": "{{slug}}/template", "extension": "yaml", "format": "yaml",
                "create": True, "identifier_field": "id", "slug": "{{fields.id}}", "summary": "{{title.fr}}",
                "media_folder": "", "public_folder": "",
                "fields": model_fields(Template, options),
            },
            {
                "name": "settings", "label": "Réglages / Instellingen", "editor": {"preview": False},
                "files": [
                    _yaml_file("taxonomy", "Besoins et publics / Noden en doelgroepen", "content/taxonomy.yaml",
                               Taxonomy, options),
                    _yaml_file("helplines", "Lignes d'aide / Hulplijnen", "content/helplines.yaml", Helplines, options),
                    _yaml_file("bassins", "Bassins / Zorgzones", "content/bassins.yaml", Bassins, options),
                    _yaml_file("site", "Site", "content/site.yaml", Site, options),
                    _ui_strings_file(content),
                ],
            },
        ],
    }
    if backend["name"] != "proxy":
        config["publish_mode"] = "editorial_workflow"
    return config
