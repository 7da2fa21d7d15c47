"""Skeletons of new content: every required field in both languages, placeholders marked TODO.

`make validate` reports each TODO left (file, line, field) and passes once all are replaced.
"""

from __future__ import annotations

from pathlib import Path

KINDS = ("organisation", "dossier", "template")

_ORGANISATION = """\
# yaml-language-server: $schema=../../schemas/organization.json
# Written by `make new`. Replace every TODO with a fact from a public source (never from
# memory), delete the optional lines you do not use, then run `make validate`.
id: {id}
verification: public-source  # or confirmed, once the organisation has confirmed the entry
name:
  fr: "TODO: nom officiel en français"
  nl: "TODO: officiële naam in het Nederlands"
description:
  fr: "TODO: ce que fait l'organisation, en une ou deux phrases"
  nl: "TODO: wat de organisatie doet, in een of twee zinnen"
# website: https://...
# email: info@...
# phones:
#   - number: "02 ..."
# languages: [fr, nl]  # only the languages the source states
locations:
  - id: main
    address:
      street: {{fr: "TODO: rue", nl: "TODO: straat"}}
      number: "TODO"
      postcode: "TODO"
      commune: TODO  # NIS code, see content/communes.csv (21009 = Ixelles / Elsene)
    # hours:
    #   regular:
    #     - {{days: [mo, tu, we, th, fr], opens: "09:00", closes: "17:00"}}
services:
  - id: {id}-service  # one id per service, unique in the directory
    name: {{fr: "TODO: nom du service", nl: "TODO: naam van de dienst"}}
    description: {{fr: "TODO: pour qui, quoi, comment y accéder", nl: "TODO: voor wie, wat, hoe er terecht"}}
    categories: [TODO]  # ids from content/taxonomy.yaml
    # access:  # only what the source states
    #   modes: [walk-in]  # walk-in, appointment, referral, prescription
    #   documents: {{fr: "...", nl: "..."}}
    #   accepts_undocumented: true
last_verified: TODO  # the day you checked the sources, YYYY-MM-DD
sources:
  - url: "TODO: https://... (the page the facts come from)"
    title: "TODO: the page's title"
    # date: 2026-01-31  # the date the page shows, when it shows one
    read: TODO  # the day you read the page, YYYY-MM-DD
    # the facts this page states (each published fact needs one): description, website, email, phones,
    # address, hours, languages, a service's id, and <service-id>.access for how to get in
    supports: [description, address, {id}-service]
"""

_DOSSIER = """\
---
id: {id}
title: "TODO: {title}"
summary: "TODO: {summary}"
reviewed: TODO
---

TODO: {body}

{citation}

## {sources}

- [TODO: {source_title}](https://...)
"""

_DOSSIER_TEXTS = {
    "fr": {"title": "titre", "summary": "résumé en une phrase", "body": "le texte", "sources": "Sources", "source_title": "titre de la page officielle",
           "citation": "Sources : 1"},
    "nl": {"title": "titel", "summary": "samenvatting in één zin", "body": "de tekst", "sources": "Bronnen", "source_title": "titel van de officiële pagina",
           "citation": "Bronnen: 1"},
}

_TEMPLATE = """\
# yaml-language-server: $schema=../../../schemas/template.json
# Written by `make new`: a model of our own. For an official form, set kind: official-form, remove
# files and licence (unless the issuer allows reuse), and add issuer, official_page and the facts
# (see schemas/template.json). Replace every TODO, then run `make validate`.
id: {id}
kind: model
title: {{fr: "TODO: titre", nl: "TODO: titel"}}
description: {{fr: "TODO: à quoi sert ce modèle", nl: "TODO: waarvoor dit model dient"}}
audiences: [professionals]
steps:
  fr: ["TODO: première étape"]
  nl: ["TODO: eerste stap"]
files: {{fr: [{id}.fr.pdf], nl: [{id}.nl.pdf]}}
licence: CC BY 4.0
checked: TODO
sources:
  - url: "TODO: https://... (a public model this one draws on)"
    title: "TODO: the page's title"
    read: TODO
    supports: [description, steps]
"""


def skeleton_files(kind: str, content_id: str) -> dict[str, str]:
    """Return {path under content/: text} of a new piece of content."""
    if kind == "organisation":
        return {f"directory/{content_id}.yaml": _ORGANISATION.format(id=content_id)}
    if kind == "dossier":
        return {
            f"dossiers/{content_id}.{language}.md": _DOSSIER.format(id=content_id, **texts)
            for language, texts in _DOSSIER_TEXTS.items()
        }
    if kind == "template":
        return {f"templates/{content_id}/template.yaml": _TEMPLATE.format(id=content_id)}
    raise ValueError(f"unknown kind {kind!r}: choose one of {', '.join(KINDS)}")


def write_skeleton(content_root: Path, kind: str, content_id: str) -> list[Path]:
    """Write the skeleton's files; refuse to overwrite anything. Return the files written."""
    files = {content_root / relative: text for relative, text in skeleton_files(kind, content_id).items()}
    existing = [path for path in files if path.exists()]
    if existing:
        raise FileExistsError(f"{existing[0]} exists already: choose another id")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
