"""Content kept loaded between rebuilds: a changed directory entry is re-read alone."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from schemas.organization import Organization
from scripts.content.errors import Problem, Problems
from scripts.content.load import check_id_matches_name, display_path, load_content, read_yaml_file
from scripts.content.loaded import Content, OrganizationEntry
from scripts.content.model_errors import validate_document
from scripts.content.validate import check_content
from scripts.pages.site_text import REQUIRED_UI_KEYS


@dataclass(frozen=True)
class Loaded:
    """The outcome of a (re)load: the valid content, or the problems that stop it."""

    content: Content | None
    problems: list[Problem]


class ContentCache:
    """Every file's own problems and every valid directory entry, by the path editors see."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base: Content | None = None
        self.entries: dict[str, OrganizationEntry] = {}
        self.file_problems: dict[str, list[Problem]] = {}

    def load_all(self) -> Loaded:
        """Read every file, as `make build` does."""
        problems = Problems()
        self.base = load_content(self.root, problems)
        self.entries = {entry.document.path: entry for entry in self.base.organizations} if self.base else {}
        grouped: dict[str, list[Problem]] = defaultdict(list)
        for problem in problems.items:
            grouped[problem.path].append(problem)
        self.file_problems = dict(grouped)
        return self._checked()

    def reload_organizations(self, paths: set[Path]) -> Loaded:
        """Re-read these directory entries (added, edited or removed) and check everything again."""
        for path in sorted(paths):
            shown = display_path(self.root, path)
            self.entries.pop(shown, None)
            problems = Problems()
            entry = _read_organization(self.root, path, problems) if path.is_file() else None
            if entry is not None:
                self.entries[shown] = entry
            self.file_problems[shown] = problems.items
        return self._checked()

    def _checked(self) -> Loaded:
        """Return the content with the cross-file rules of `make validate` applied."""
        problems = Problems([problem for found in self.file_problems.values() for problem in found])
        if self.base is None:
            return Loaded(None, problems.sorted())
        entries = [self.entries[path] for path in sorted(self.entries)]
        content = replace(self.base, organizations=entries, _services=None, _address_bassins={})
        check_content(content, REQUIRED_UI_KEYS, problems)
        return Loaded(None, problems.sorted()) if problems else Loaded(content, [])


def _read_organization(root: Path, path: Path, problems: Problems) -> OrganizationEntry | None:
    """Return one directory entry, reporting its problems as `make validate` does."""
    document = read_yaml_file(root, path, problems)
    model = document and validate_document(Organization, document, problems, "organization.json")
    if not (document and model):
        return None
    check_id_matches_name(document, model.id, path.stem, problems)
    return OrganizationEntry(model, document)
