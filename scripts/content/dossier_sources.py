"""A dossier's sections cite the pages they rest on: a line "Sources : 1, 3" closes each section.

The numbers are the places of the pages in the dossier's closing "## Sources" list. Every section
states rules a reader acts on, so every section cites, except the list itself and the "what to do"
section, which applies the sections above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas.common import Language

SOURCES_HEADING: dict[Language, str] = {"fr": "Sources", "nl": "Bronnen"}
"""The heading of the section every dossier ends with: the pages its statements rest on."""

ACTION_HEADING: dict[Language, str] = {"fr": "Que faire ?", "nl": "Wat doen?"}
"""The heading of the section that turns the rules above into steps; it may cite nothing of its own."""

_CITATION = re.compile(rf"^(?:{'|'.join(SOURCES_HEADING.values())})\s*:\s*(?P<numbers>\d+(?:\s*,\s*\d+)*)\s*$")
_SOURCE_ITEM = re.compile(r"^- (?P<link>\[[^\]]+\]\([^)\s]+\))(?P<rest>.*)$")


@dataclass
class Section:
    """One part of a dossier's body: the text before the first heading, or a "## " section."""

    heading: str | None
    line: int
    """The section's first line, counted in the body (1 = the body's first line)."""
    cited: list[tuple[int, list[int]]] = field(default_factory=list)
    """The section's citation lines: (line in the body, the source numbers it names)."""
    has_text: bool = False


def citation_line(language: Language, numbers: str) -> str:
    """Return a citation line as the dossiers write it: "Sources : 1, 3" in French, "Bronnen: 1, 3" in Dutch."""
    return f"{SOURCES_HEADING[language]}{' :' if language == 'fr' else ':'} {numbers}"


def _sections(body: str) -> list[Section]:
    sections = [Section(None, 1)]
    for number, line in enumerate(body.split("\n"), start=1):
        if line.startswith("## "):
            sections.append(Section(line[3:].strip(), number))
        elif match := _CITATION.match(line.strip()):
            sections[-1].cited.append((number, [int(value) for value in re.findall(r"\d+", match["numbers"])]))
        elif line.strip():
            if not sections[-1].has_text and sections[-1].heading is None:
                sections[-1].line = number
            sections[-1].has_text = True
    return sections


def source_count(body: str, language: Language) -> int:
    """Return how many pages the dossier's Sources list holds."""
    in_list = False
    count = 0
    for line in body.split("\n"):
        if line.startswith("## "):
            in_list = line[3:].strip() == SOURCES_HEADING[language]
        elif in_list and line.startswith("- "):
            count += 1
    return count


def citation_problems(body: str, language: Language) -> list[tuple[int, str, str]]:
    """Return (line in the body, message, fix) for each section that cites no page or a page the list lacks."""
    count = source_count(body, language)
    problems = []
    citation_fix = (f"end the section with a line \"{citation_line(language, '1, 3')}\" naming the numbers of the pages, "
                    f"in the \"## {SOURCES_HEADING[language]}\" list, that state its rules")
    for section in _sections(body):
        if section.heading in (SOURCES_HEADING[language], ACTION_HEADING[language]) or not section.has_text:
            continue
        name = f"the section \"{section.heading}\"" if section.heading else "the text before the first section"
        if not section.cited:
            problems.append((section.line, f"{name} cites no source", citation_fix))
        for line, numbers in section.cited:
            for number in numbers:
                if not 1 <= number <= count:
                    problems.append((line, f"{name} cites source {number}, but the list holds {count}",
                                     f"use a number from 1 to {count}, or add the page to the \"## {SOURCES_HEADING[language]}\" list"))
    return problems


def link_citations(body: str, language: Language) -> str:
    """Return the body as Markdown in which each citation line links to its numbered page in the Sources list."""
    lines = []
    in_list = False
    number = 0
    for line in body.split("\n"):
        if line.startswith("## "):
            in_list = line[3:].strip() == SOURCES_HEADING[language]
        if match := _CITATION.match(line.strip()):
            links = ", ".join(f"[{value}](#source-{value})" for value in re.findall(r"\d+", match["numbers"]))
            lines += [citation_line(language, links), "{: .bx-section-sources }"]
        elif in_list and (item := _SOURCE_ITEM.match(line)):
            number += 1
            lines.append(f"{number}. {item['link']}{{: #source-{number} }}{item['rest']}")
        else:
            lines.append(line)
    return "\n".join(lines)
