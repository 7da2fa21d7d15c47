"""The CMS configuration follows the models and the content: no field missing, none that would drop data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from schemas.bassin import Bassins
from schemas.dossier import DossierFrontMatter
from schemas.helpline import Helplines
from schemas.organization import Organization
from schemas.site import Site
from schemas.taxonomy import Taxonomy
from schemas.template import Template
from scripts.content.loaded import Content
from scripts.content.yaml_source import ContentLoader
from scripts.editors.admin import ADMIN_FOLDER
from scripts.editors.cms_config import cms_config
from scripts.editors.local_cms import LOCAL_API_URL
from scripts.pipeline import load_site_content
from tests.conftest import REPO, write_scratch_content

Widget = dict[str, Any]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return load_site_content(write_scratch_content(tmp_path_factory.mktemp("cms")))


@pytest.fixture(scope="module")
def config(content: Content) -> dict[str, Any]:
    return cms_config(content, LOCAL_API_URL)


def _collection(config: dict[str, Any], name: str) -> Widget:
    return next(collection for collection in config["collections"] if collection["name"] == name)


def _settings_file(config: dict[str, Any], name: str) -> Widget:
    return next(file for file in _collection(config, "settings")["files"] if file["name"] == name)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """Return the model a field holds (directly, in a list or optional), if any."""
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _nested_model(argument)
        if found is not None:
            return found
    return None


def _assert_fields_match(model: type[BaseModel], widgets: list[Widget], where: str, *, optional_parent: bool) -> None:
    by_name = {widget["name"]: widget for widget in widgets}
    assert list(by_name) == list(model.model_fields), f"{where}: fields differ from {model.__name__}'s"
    for name, info in model.model_fields.items():
        widget = by_name[name]
        assert widget["required"] is (info.is_required() and not optional_parent), f"{where}.{name}: required"
        if info.description:
            assert widget["hint"] == " ".join(info.description.split()), f"{where}.{name}: hint is not the docstring"
        nested = _nested_model(info.annotation)
        if nested is not None and "fields" in widget and nested.__name__ not in ("LocalizedText", "LocalizedTerms", "TemplateFiles"):
            # An optional block's fields may stay empty in the form; a list item's are required again.
            in_optional_block = widget["widget"] == "object" and (optional_parent or not info.is_required())
            _assert_fields_match(nested, widget["fields"], f"{where}.{name}", optional_parent=in_optional_block)


@pytest.mark.parametrize(("model", "locate"), [
    (Organization, lambda config: _collection(config, "organisations")["fields"]),
    (Template, lambda config: _collection(config, "templates")["fields"]),
    (DossierFrontMatter, lambda config: [w for w in _collection(config, "dossiers")["fields"] if w["name"] != "body"]),
    (Taxonomy, lambda config: _settings_file(config, "taxonomy")["fields"]),
    (Helplines, lambda config: _settings_file(config, "helplines")["fields"]),
    (Bassins, lambda config: _settings_file(config, "bassins")["fields"]),
    (Site, lambda config: _settings_file(config, "site")["fields"]),
], ids=lambda value: getattr(value, "__name__", ""))
def test_every_model_field_has_its_widget(config: dict[str, Any], model: type[BaseModel], locate: Any) -> None:
    _assert_fields_match(model, locate(config), model.__name__, optional_parent=False)


def _unknown_keys(data: Any, widgets: list[Widget], where: str) -> list[str]:
    """Return the data's keys that no widget shows: the CMS would drop them on save."""
    by_name = {widget["name"]: widget for widget in widgets}
    missing = []
    for key, value in data.items():
        if key not in by_name:
            missing.append(f"{where}.{key}")
            continue
        widget = by_name[key]
        if "fields" in widget and isinstance(value, dict):
            missing += _unknown_keys(value, widget["fields"], f"{where}.{key}")
        elif "fields" in widget and isinstance(value, list):
            for index, item in enumerate(value):
                missing += _unknown_keys(item, widget["fields"], f"{where}.{key}[{index}]")
    return missing


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=ContentLoader)  # noqa: S506 - the content's safe loader


def test_the_form_shows_every_key_of_the_real_content() -> None:
    content = load_site_content(REPO / "content")
    config = cms_config(content, LOCAL_API_URL)
    missing = []
    for path in sorted((REPO / "content" / "directory").glob("*.yaml")):
        missing += _unknown_keys(_read(path), _collection(config, "organisations")["fields"], path.name)
    for path in sorted((REPO / "content" / "templates").glob("*/template.yaml")):
        missing += _unknown_keys(_read(path), _collection(config, "templates")["fields"], str(path.parent.name))
    for name in ("taxonomy", "helplines", "bassins", "site", "ui"):
        missing += _unknown_keys(_read(REPO / "content" / f"{name}.yaml"), _settings_file(config, name)["fields"], name)
    for page in (page for pages in content.dossiers.values() for page in pages.values()):
        missing += _unknown_keys(page.meta.model_dump(exclude_defaults=True), _collection(config, "dossiers")["fields"], page.meta.id)
    assert missing == []


def test_selects_offer_what_the_content_holds(config: dict[str, Any], content: Content) -> None:
    service = next(w for w in _collection(config, "organisations")["fields"] if w["name"] == "services")
    by_name = {widget["name"]: widget for widget in service["fields"]}
    assert [option["value"] for option in by_name["categories"]["options"]] == [c.id for c in content.taxonomy.categories]
    assert by_name["categories"]["multiple"] is True
    assert by_name["area_served"]["options"][0]["value"] == "region"
    assert sorted(option["value"] for option in by_name["area_served"]["options"][1:]) == list(range(21001, 21020))
    access = {widget["name"]: widget for widget in by_name["access"]["fields"]}
    assert [option["value"] for option in access["accepts_undocumented"]["options"]] == ["true", "false"]


def test_production_backend_opens_pull_requests(content: Content) -> None:
    github = content.site.model_copy(update={"repository_url": "https://github.com/brusano/site", "edit_branch": "main",
                                              "cms_oauth_url": "https://auth.example.org"})
    config = cms_config(replace(content, site=github), LOCAL_API_URL)
    assert config["backend"] == {"name": "github", "repo": "brusano/site", "branch": "main", "base_url": "https://auth.example.org"}
    assert config["publish_mode"] == "editorial_workflow"
    gitlab = content.site.model_copy(update={"repository_url": "https://gitlab.com/brusano/site", "cms_app_id": "abc123"})
    backend = cms_config(replace(content, site=gitlab), LOCAL_API_URL)["backend"]
    assert (backend["name"], backend["auth_type"], backend["app_id"]) == ("gitlab", "pkce", "abc123")


def test_without_a_repository_only_the_local_server_is_offered(content: Content) -> None:
    config = cms_config(content, "http://127.0.0.1:9999/api/v1")
    assert config["backend"] == {"name": "proxy", "proxy_url": "http://127.0.0.1:9999/api/v1", "branch": content.site.edit_branch}
    assert config["local_backend"]["url"] == "http://127.0.0.1:9999/api/v1" and "publish_mode" not in config


def test_build_writes_the_admin_page_with_the_generated_configuration(built_fixture_site: Path, content: Content) -> None:
    admin = built_fixture_site / ADMIN_FOLDER
    written = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert written == cms_config(content, LOCAL_API_URL)
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page and '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in page
    # the same forms with Decap's interface in Dutch: admin/nl.html
    dutch = yaml.safe_load((admin / "config-nl.yml").read_text(encoding="utf-8"))
    assert dutch == {**written, "locale": "nl"} and written["locale"] == "fr"
    assert '<html lang="nl">' in (admin / "nl.html").read_text(encoding="utf-8")
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert not list(admin.glob("*.map"))
