"""Content problems, collected and reported all at once."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, with where it is and how to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    fix: str

    def format(self) -> str:
        """Return the problem as `path:line:column: field: message` and a fix line."""
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}\n    fix: {self.fix}"

    def format_github(self) -> str:
        """Return the problem as a GitHub Actions annotation."""
        text = f"{self.field}: {self.message}. Fix: {self.fix}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.column}::{text}"


@dataclass
class Problems:
    """A collector of problems; the pipeline stops only once everything was checked."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, column: int, field_path: str, message: str, fix: str) -> None:
        """Record one problem."""
        self.items.append(Problem(path, line, column, field_path, message, fix))

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> list[Problem]:
        """Return the problems in file and line order, without repeats."""
        return sorted(set(self.items))


class ContentError(Exception):
    """The content has problems: printed for editors, exit status 1, no traceback."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = problems


def print_problems(problems: list[Problem], output_format: str) -> None:
    """Print problems for a terminal (text) or for a pull request (github)."""
    for problem in problems:
        print(problem.format_github() if output_format == "github" else problem.format(), file=sys.stderr)
    print(f"\n{len(problems)} problem(s) found; nothing was written.", file=sys.stderr)
