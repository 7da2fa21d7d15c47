"""Validation: every trap in tests/content/bad/ fails with its exact file, line, field and message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import check
from tests.conftest import REPO

BAD = REPO / "tests" / "content" / "bad"
BAD_CASES = sorted(path.name for path in BAD.iterdir())


def run_check(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> tuple[int, list[str]]:
    """Run `make validate` on a content folder; return the exit status and the printed lines."""
    status = check.main(["--content", str(root), *extra])
    captured = capsys.readouterr()
    return status, (captured.err + captured.out).splitlines()


def test_starter_content_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_check(capsys, REPO / "content")
    assert status == 0, "\n".join(lines)
    assert lines[0].startswith("content is valid: ")


def test_fixture_content_is_valid(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    status, lines = run_check(capsys, scratch_content)
    assert status == 0, "\n".join(lines)


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_content_is_reported_exactly(capsys: pytest.CaptureFixture[str], scratch_content: Path, case: str) -> None:
    case_dir = BAD / case
    shutil.copytree(case_dir, scratch_content, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expect.txt"))
    status, lines = run_check(capsys, scratch_content)
    problems = [line for line in lines if line.startswith("content/")]
    expected = (case_dir / "expect.txt").read_text(encoding="utf-8").splitlines()
    assert status == 1
    assert problems == expected
    fixes = [lines[lines.index(problem) + 1] for problem in problems]
    assert all(fix.startswith("    fix: ") and len(fix) > 15 for fix in fixes)
    assert lines[-1] == f"{len(problems)} problem(s) found; nothing was written."


def test_all_problems_of_all_files_are_reported_at_once(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    for case in ("duplicate-key", "phone", "postcode-commune", "script-tag"):
        shutil.copytree(BAD / case, scratch_content, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expect.txt"))
    status, lines = run_check(capsys, scratch_content)
    assert status == 1
    assert {line.split(":")[0] for line in lines if line.startswith("content/")} == {
        "content/directory/dup.yaml", "content/directory/phone.yaml",
        "content/directory/postcode.yaml", "content/dossiers/script.fr.md",
    }


def test_github_format_prints_annotations(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    shutil.copytree(BAD / "phone", scratch_content, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expect.txt"))
    status, lines = run_check(capsys, scratch_content, "--format", "github")
    assert status == 1
    assert lines[0] == (
        "::error file=content/directory/phone.yaml,line=5,col=19::phones[0].number: '02 12' is not a valid phone "
        "number (wrong number of digits or unknown prefix). Fix: check the number against the organisation's "
        "website; Brussels numbers are 02 and 7 digits"
    )


def test_template_over_size_limit(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    big = scratch_content / "templates" / "modele-test" / "modele-test.fr.pdf"
    with big.open("ab") as handle:
        handle.truncate(11 * 1024 * 1024)
    status, lines = run_check(capsys, scratch_content)
    assert status == 1
    assert lines[0] == (
        "content/templates/modele-test/template.yaml:14:14: files.fr[0]: the file weighs 11.0 MB, over the 10 MB limit"
    )


def test_template_symlink_outside_folder(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    target = scratch_content / "templates" / "modele-test" / "modele-test.fr.pdf"
    target.unlink()
    target.symlink_to(scratch_content / "site.yaml")
    status, lines = run_check(capsys, scratch_content)
    assert status == 1
    assert "files.fr[0]: 'modele-test.fr.pdf' points outside the template's folder" in lines[0]


def test_missing_ui_label(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    ui = scratch_content / "ui.yaml"
    kept = [line for line in ui.read_text(encoding="utf-8").splitlines() if not line.startswith("nav_home:")]
    ui.write_text("\n".join(kept) + "\n", encoding="utf-8")
    status, lines = run_check(capsys, scratch_content)
    assert status == 1
    assert "content/ui.yaml:1:1: nav_home: this interface label is missing" in lines


def test_missing_commune_list_points_at_the_project_file(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    (scratch_content / "communes.csv").unlink()
    status, lines = run_check(capsys, scratch_content)
    assert status == 1
    assert lines[:2] == [
        "content/communes.csv:1:1: (file): this file is missing",
        "    fix: restore it from git: git checkout -- content/communes.csv",
    ]
