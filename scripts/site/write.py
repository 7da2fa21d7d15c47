"""The only writer of build output: refuses escaping or duplicate paths, swaps the site in whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath


class UnsafeOutputPath(Exception):
    """A generated path would leave its folder or overwrite another file (a bug, not a content error)."""


def claim_output_path(relative: str, claimed: set[str]) -> PurePosixPath:
    """Return a relative output path once it is known to stay in its folder and to be new; note it as claimed.

    Raises:
        UnsafeOutputPath: the path is absolute, climbs out with "..", is empty, or was claimed before.
    """
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise UnsafeOutputPath(f"refusing to write outside its folder: {relative!r}")
    if relative in claimed:
        raise UnsafeOutputPath(f"refusing to write {relative!r} twice")
    claimed.add(relative)
    return pure


class TreeWriter:
    """Write files below one root, each path once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: set[str] = set()

    def _target(self, relative: str) -> Path:
        pure = claim_output_path(relative, self.written)
        target = self.root.joinpath(*pure.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write_text(self, relative: str, text: str) -> None:
        """Write a UTF-8 text file."""
        self._target(relative).write_text(text, encoding="utf-8", newline="\n")

    def write_chunks(self, relative: str, chunks: Iterable[str]) -> None:
        """Write a UTF-8 text file piece by piece."""
        with self._target(relative).open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(chunks)

    def write_bytes(self, relative: str, data: bytes) -> None:
        """Write a binary file."""
        self._target(relative).write_bytes(data)

    def copy_file(self, relative: str, source: Path) -> None:
        """Copy a file's bytes (not its dates or permissions)."""
        self._target(relative).write_bytes(source.read_bytes())


@contextmanager
def staging_area(parent: Path) -> Iterator[Path]:
    """Yield an empty folder beside the output, removed afterwards whatever happens."""
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_into_place(new_site: Path, target: Path) -> None:
    """Replace target with new_site by renames, so readers never see a half-written site."""
    old = target.with_name(f".old-{target.name}-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new_site.rename(target)
    shutil.rmtree(old, ignore_errors=True)
