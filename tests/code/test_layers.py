"""The stage rule (a layer imports only the layers below it), checked by import-linter's contract in pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts import REPO_ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
                          cwd=root, env=environment, capture_output=True, text=True, check=False)


def _copy_code(tmp_path: Path) -> Path:
    for name in ("scripts", "schemas"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.json", "*.js"))
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_code_keeps_its_layers() -> None:
    checked = _lint_imports(REPO_ROOT)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_stage_importing_a_later_stage_breaks_the_contract(tmp_path: Path) -> None:
    root = _copy_code(tmp_path)
    with (root / "scripts" / "content" / "dates.py").open("a", encoding="utf-8") as module:
        module.write("\nfrom scripts.site.write import TreeWriter  # noqa: E402,F401\n")
    checked = _lint_imports(root)
    assert checked.returncode == 1
    assert "scripts.content.dates -> scripts.site.write" in checked.stdout


def test_a_command_importing_another_command_breaks_the_contract(tmp_path: Path) -> None:
    root = _copy_code(tmp_path)
    with (root / "scripts" / "report.py").open("a", encoding="utf-8") as module:
        module.write("\nfrom scripts.check import main as validate  # noqa: E402,F401\n")
    checked = _lint_imports(root)
    assert checked.returncode == 1
    assert "scripts.report -> scripts.check" in checked.stdout
