"""Read YAML strictly, remembering the line and column of every value.

PyYAML accepts duplicate keys, tabs, anchors and YAML 1.1 surprises (`9:30` is a
number, `no` is false) without a word: each of these is reported here instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from scripts.content.errors import Problems

Position = tuple[int, int]
FieldPath = tuple[str | int, ...]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class ContentLoader(yaml.CSafeLoader):
    """libyaml's safe loader with YAML 1.2-like scalars: only true/false are booleans, no base-60 numbers."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT, _FLOAT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ContentLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false|True|False|TRUE|FALSE)$"), list("tTfF"))
ContentLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
ContentLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789.")
)


class _PlainDumper(yaml.SafeDumper):
    """Write repeated values out in full: content files may not use anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """Return data as content YAML (no anchors or aliases, keys in the given order)."""
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100)


@dataclass
class YamlDocument:
    """Parsed YAML data, and the position of every field path, found from its text when first asked."""

    path: str
    data: Any
    text: str = field(default="", repr=False)
    first_line: int = 1
    unreadable: set[FieldPath] = field(default_factory=set)
    """Field paths whose value could not be read (already reported)."""
    _positions: dict[FieldPath, Position] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[FieldPath, Position]:
        """Return the line and column of every field path (read again from the text: most valid
        files are never asked, and keeping them all took a third of the content's memory)."""
        if self._positions is None:
            self._positions = {}
            loader = ContentLoader(self.text)
            try:
                node = loader.get_single_node()
                if node is not None:  # no text once the sources are released
                    _construct(node, (), self, loader, Problems(), self.first_line, self._positions)  # problems already reported
            finally:
                loader.dispose()
        return self._positions

    def locate(self, loc: FieldPath) -> Position:
        """Return the position of the deepest known part of a field path."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)


def decode_utf8(raw: bytes, path: str, problems: Problems) -> str | None:
    """Return the text of a file, or None after reporting bytes that are not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        problems.add(
            path, line, column, "(file)",
            f"byte 0x{raw[error.start]:02x} is not UTF-8 text",
            "save the file as UTF-8 in your editor (accents such as é, ë must be typed again if they look wrong)",
        )
        return None


def parse_yaml(text: str, path: str, problems: Problems, first_line: int = 1) -> YamlDocument | None:
    """Parse YAML text; report every trap; return None when the text cannot be used."""
    if not text.strip():
        problems.add(path, first_line, 1, "(file)", "the file is empty", "write the content, or delete the file")
        return None
    if not _check_tabs(text, path, problems, first_line) or not _check_anchors(text, path, problems, first_line):
        return None
    loader = ContentLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line if mark else 0) + first_line
        column = (mark.column if mark else 0) + 1
        reason = getattr(error, "problem", None) or str(error)
        problems.add(
            path, line, column, "(file)", f"this is not valid YAML: {reason}",
            "check the indentation (spaces only, aligned under the key above) and that quotes are closed",
        )
        return None
    finally:
        loader.dispose()
    if node is None:
        problems.add(path, first_line, 1, "(file)", "the file is empty", "write the content, or delete the file")
        return None
    document = YamlDocument(path=path, data=None, text=text, first_line=first_line)
    document.data = _construct(node, (), document, loader, problems, first_line)
    return document


def _check_tabs(text: str, path: str, problems: Problems, first_line: int) -> bool:
    clean = True
    for number, line in enumerate(text.splitlines()):
        if "\t" in line:
            clean = False
            problems.add(
                path, number + first_line, line.index("\t") + 1, "(file)",
                "a tab character is used; YAML indentation must be spaces",
                "replace the tab with spaces (set your editor to insert spaces)",
            )
    return clean


def _check_anchors(text: str, path: str, problems: Problems, first_line: int) -> bool:
    try:
        for event in yaml.parse(text, Loader=ContentLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.add(
                    path, event.start_mark.line + first_line, event.start_mark.column + 1, "(file)",
                    "anchors (&) and aliases (*) are not allowed in content files (the first one is here)",
                    "write each value out in full where it is needed",
                )
                return False
    except yaml.YAMLError:
        pass  # the composer reports the syntax error with its position
    return True


def _construct(
    node: yaml.Node, loc: FieldPath, document: YamlDocument, loader: ContentLoader, problems: Problems, first_line: int,
    positions: dict[FieldPath, Position] | None = None,
) -> Any:
    """Build Python data from a node, reporting duplicate keys and values that cannot be read, and
    recording the position of every field path into positions when it is given."""
    if positions is not None:
        positions[loc] = (node.start_mark.line + first_line, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _construct_scalar(key_node, loc, document, loader, problems, first_line)
            line = key_node.start_mark.line + first_line
            if key in first_seen:
                problems.add(
                    document.path, line, key_node.start_mark.column + 1, dotted(loc + (str(key),)),
                    f"the key {key!r} appears twice (first on line {first_seen[key]})",
                    "keep only one of the two lines",
                )
                continue
            first_seen[key] = line
            result[key] = _construct(value_node, loc + (key,), document, loader, problems, first_line, positions)
            if positions is not None and not isinstance(value_node, yaml.ScalarNode):
                # A nested block starts on the next line: point at its key instead.
                positions[loc + (key,)] = (line, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, loc + (index,), document, loader, problems, first_line, positions)
            for index, item in enumerate(node.value)
        ]
    return _construct_scalar(node, loc, document, loader, problems, first_line)


def _construct_scalar(
    node: yaml.Node, loc: FieldPath, document: YamlDocument, loader: ContentLoader, problems: Problems, first_line: int
) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        problems.add(
            document.path, node.start_mark.line + first_line, node.start_mark.column + 1, dotted(loc),
            "a key must be a plain word", "write the key as a single word followed by a colon",
        )
        return None
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError) as error:
        document.unreadable.add(loc)
        problems.add(
            document.path, node.start_mark.line + first_line, node.start_mark.column + 1, dotted(loc),
            f"the value {node.value!r} cannot be read ({getattr(error, 'problem', None) or error})",
            "write dates as YYYY-MM-DD with a real day, and put other text in quotes",
        )
        return None


def dotted(loc: FieldPath) -> str:
    """Return a field path as editors read it: services[0].name.fr."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"

