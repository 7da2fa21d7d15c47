"""Turn pydantic validation errors into problems that an editor can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from scripts.content.errors import Problems
from scripts.content.yaml_source import FieldPath, YamlDocument, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)

_TYPE_FIXES = {
    "string_type": "write text here; put numbers such as postcodes or times in quotes (\"1050\", \"09:00\")",
    "int_type": "write a whole number without quotes (for a commune, its NIS code such as 21009)",
    "float_type": "write a decimal number without quotes (50.8466)",
    "bool_type": "write true or false",
    "date_type": "write the date as YYYY-MM-DD without quotes (2026-03-15)",
    "list_type": "write a list: one item per line, each starting with '- '",
    "model_type": "write the nested keys under this one, indented by two spaces",
    "dict_type": "write the nested keys under this one, indented by two spaces",
    "literal_error": "use one of the values listed in the message",
    "string_pattern_mismatch": "see the description of this field in the schema",
    "too_short": "add at least one item",
    "value_error": "see the description of this field in the schema",
}


def without_nulls(data: Any) -> Any:
    """Return data with every `key: null` left out: the editors' form writes an empty optional field
    as null, which means the same as no field (a required one is then reported as missing)."""
    if isinstance(data, dict):
        return {key: without_nulls(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [without_nulls(item) for item in data]
    return data


def validate_document(
    model: type[ModelT], document: YamlDocument, problems: Problems, schema_name: str, *, context: dict[str, Any] | None = None
) -> ModelT | None:
    """Validate parsed data against a model; report each error at its line; return the model or None."""
    try:
        return model.model_validate(without_nulls(document.data), context=context)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            _report(model, document, problems, schema_name, item)
        return None


def _report(model: type[BaseModel], document: YamlDocument, problems: Problems, schema_name: str, item: Any) -> None:
    loc = _clean_loc(tuple(item["loc"]))
    if loc in document.unreadable:
        return
    line, column = document.locate(loc)
    kind = item["type"]
    message = item["msg"]
    ctx = item.get("ctx") or {}
    if kind == "missing":
        message = "this required field is missing"
        fix = f"add `{loc[-1]}:` with its value (see schemas/{schema_name})"
        line, column = document.locate(loc[:-1])
    elif kind == "extra_forbidden":
        message = f"unknown field {loc[-1]!r}"
        fix = _unknown_field_fix(model, loc)
    elif loc and loc[-1] == "email":
        fix = "write one address such as info@example.be"
    elif "fix" in ctx:
        fix = ctx["fix"]
    else:
        fix = _TYPE_FIXES.get(kind, f"see the description of this field in schemas/{schema_name}")
        if kind.endswith("_type") and "input" in item:
            message = f"{message}, but received {item['input']!r}"
    problems.add(document.path, line, column, dotted(loc), message.rstrip("."), fix)


def _clean_loc(loc: FieldPath) -> FieldPath:
    """Drop the union-branch and validator names that pydantic puts into error paths."""
    return tuple(
        part for part in loc
        if isinstance(part, int) or not (part.startswith(("function-", "list[", "literal[")) or part in ("str", "int"))
    )


def _unknown_field_fix(model: type[BaseModel], loc: FieldPath) -> str:
    parent = _model_at(model, loc[:-1])
    if parent is None:
        return "remove this field or correct its spelling"
    allowed = list(parent.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{hint}remove this field or correct its spelling; allowed here: {', '.join(allowed)}"


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """Return the model class that validates the value at a field path."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Return the model class inside Optional[...] or list[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, tuple, typing.Union, types.UnionType):
            candidates = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in candidates if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else (candidates[0] if candidates else None)
        else:
            return annotation
