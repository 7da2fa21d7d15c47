"""What a change does for readers: the pages added, removed and changed in each language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemas.common import LANGUAGES


@dataclass
class PageChanges:
    """The HTML pages of one language that a change adds, removes or changes."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def _pages(site: Path, language: str) -> dict[str, bytes]:
    folder = site / language
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.html"))} if folder.is_dir() else {}


def compare_sites(before: Path, after: Path) -> dict[str, PageChanges]:
    """Return the page changes of each language between two built sites."""
    changes = {}
    for language in LANGUAGES:
        old, new = _pages(before, language), _pages(after, language)
        changes[language] = PageChanges(
            added=sorted(set(new) - set(old)),
            removed=sorted(set(old) - set(new)),
            changed=sorted(name for name in set(old) & set(new) if old[name] != new[name]),
        )
    return changes


def format_changes(changes: dict[str, PageChanges], shown: int = 30) -> str:
    """Return the changes as Markdown for a pull request's summary."""
    lines = ["## What readers will see", "", "| language | added | removed | changed |", "| --- | --- | --- | --- |"]
    lines += [f"| {language} | {len(c.added)} | {len(c.removed)} | {len(c.changed)} |" for language, c in changes.items()]
    for language, c in changes.items():
        for kind in ("added", "removed", "changed"):
            names: list[str] = getattr(c, kind)
            if names:
                more = f" and {len(names) - shown} more" if len(names) > shown else ""
                lines += ["", f"**{language}, {kind}:** " + ", ".join(f"`{name}`" for name in names[:shown]) + more]
    return "\n".join(lines) + "\n"
