"""The finder's task set (finder_tasks.yaml) run in Chromium over a built site: which tasks put a right
organisation among the first three results. Used by `make bench` and tests/search/test_finder_tasks.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

from schemas.common import LANGUAGES

TASKS = Path(__file__).with_name("finder_tasks.yaml")
TOP = 3
"""A task is met when a right organisation is among this many first results."""


@dataclass(frozen=True)
class TaskResult:
    """One task as the finder answered it."""

    language: str
    query: str
    commune: int | None
    answers: tuple[str, ...]
    first: tuple[str, ...]
    """The organisations of the first results, in order."""

    @property
    def met(self) -> bool:
        """True when a right organisation is among the first TOP results."""
        return bool(set(self.first[:TOP]) & set(self.answers))


def load_tasks() -> dict[str, list[dict[str, Any]]]:
    """Return the tasks by language."""
    tasks: dict[str, list[dict[str, Any]]] = yaml.safe_load(TASKS.read_text(encoding="utf-8"))
    return tasks


def run_tasks(page: Any, site_url: str) -> list[TaskResult]:
    """Open the finder for every task (as the home form sends it there) and read its first results."""
    results = []
    for language in LANGUAGES:
        for task in load_tasks()[language]:
            params = {"q": task["q"], **({"commune": task["commune"]} if "commune" in task else {})}
            page.goto(f"{site_url}{language}/directory/finder.html?{urlencode(params)}")
            page.wait_for_function("q => document.querySelector('#bx-finder').dataset.renders && "
                                   "document.querySelector('#bx-finder-q').value === q", arg=task["q"])
            page.wait_for_function("() => !document.querySelector('#bx-finder-status').textContent.includes('…')")
            hrefs = page.locator(".bx-finder__result .bx-finder__name").evaluate_all("links => links.map(l => l.getAttribute('href'))")
            first = tuple(href.rsplit("/", 1)[-1].removesuffix(".html") for href in hrefs[:TOP])
            results.append(TaskResult(language, task["q"], task.get("commune"), tuple(task["answers"]), first))
    return results


def share_met(results: list[TaskResult], language: str) -> float:
    """Return the share of a language's tasks that were met."""
    mine = [result for result in results if result.language == language]
    return sum(result.met for result in mine) / len(mine)
