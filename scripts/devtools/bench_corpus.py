"""Generate a synthetic content folder at a chosen scale, for the benchmark and the parity test.

Words are drawn (seeded) from the starter content of each language, so the vocabulary, accents
and word lengths look like the real thing. Every generated entry has `verification: example`.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

from schemas.common import LANGUAGES
from scripts import REPO_ROOT
from scripts.content.dossier_sources import SOURCES_HEADING, citation_line
from scripts.content.yaml_source import dump_yaml

SITE_WIDE_FILES = ("site.yaml", "ui.yaml", "taxonomy.yaml", "bassins.yaml", "helplines.yaml", "communes.csv", "postcodes.csv")
WEEKDAY_SETS = (["mo", "tu", "we", "th", "fr"], ["mo", "we", "fr"], ["tu", "th"], ["sa", "su"])


def _vocabulary(language: str) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO_ROOT / "content" / "dossiers").glob(f"*.{language}.md"))]
    taxonomy = yaml.safe_load((REPO_ROOT / "content" / "taxonomy.yaml").read_text(encoding="utf-8"))
    texts += [c["description"][language] for c in taxonomy["categories"]]
    words = re.findall(r"[^\W\d_]{3,}", " ".join(texts))
    return sorted(set(words))


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def generate_corpus(destination: Path, services: int, dossiers: int = 60, templates: int = 40, seed: int = 7) -> Path:
    """Write a content folder with the given numbers of services, dossiers and templates; return it."""
    rng = random.Random(seed)
    root = destination / "content"
    for name in ("directory", "dossiers", "templates"):
        (root / name).mkdir(parents=True, exist_ok=True)
    for name in SITE_WIDE_FILES:
        shutil.copy(REPO_ROOT / "content" / name, root / name)
    taxonomy = yaml.safe_load((root / "taxonomy.yaml").read_text(encoding="utf-8"))
    categories = [c["id"] for c in taxonomy["categories"]]
    audiences = [a["id"] for a in taxonomy["audiences"]]
    postcodes = {int(line.split(",")[0]): line.split(",")[3].split()[0] for line in (root / "communes.csv").read_text().splitlines()[1:]}
    communes = sorted(postcodes)
    vocabulary = {language: _vocabulary(language) for language in LANGUAGES}
    for number in range(services):
        _write_organization(root, rng, number, categories, audiences, communes, postcodes, vocabulary)
    for number in range(dossiers):
        _write_dossier(root, rng, number, categories, vocabulary)
    sample_file = REPO_ROOT / "content" / "templates" / "liste-de-contacts" / "liste-de-contacts.fr.pdf"
    for number in range(templates):
        _write_template(root, rng, number, sample_file, vocabulary)
    return root


def _text(rng: random.Random, vocabulary: dict[str, list[str]], length: int) -> dict[str, str]:
    return {language: _sentence(rng, words, length) for language, words in vocabulary.items()}


def _access(rng: random.Random) -> dict[str, object]:
    """Return how-to-get-in fields for about half the entries (its own generator: the rest of the
    corpus stays the same as before these fields existed)."""
    if rng.random() < 0.5:
        return {}
    access: dict[str, object] = {"modes": rng.sample(["walk-in", "appointment", "referral", "prescription"], rng.randint(1, 2))}
    if rng.random() < 0.3:
        access["accepts_undocumented"] = True
    if rng.random() < 0.3:
        access["interpreting"] = {"fr": "Sur demande.", "nl": "Op aanvraag."}
    return access


def _write_organization(root: Path, rng: random.Random, number: int, categories: list[str], audiences: list[str],
                        communes: list[int], postcodes: dict[int, str], vocabulary: dict[str, list[str]]) -> None:
    commune = rng.choice(communes)
    slug = f"bench-{number:05d}"
    days = rng.choice(WEEKDAY_SETS)
    organization = {
        "id": slug,
        "verification": "example",
        "name": {language: f"{_sentence(rng, words, 2)[:-1]} {number}" for language, words in vocabulary.items()},
        "description": _text(rng, vocabulary, rng.randint(12, 25)),
        "languages": rng.sample(["fr", "nl", "en", "ar", "tr", "es"], rng.randint(1, 3)),
        "locations": [{
            "id": "main",
            "address": {"street": {"fr": "Rue de l'Exemple", "nl": "Voorbeeldstraat"}, "number": str(number % 200 + 1),
                        "postcode": postcodes[commune], "commune": commune},
            "hours": {"regular": [{"days": days, "opens": "09:00", "closes": "12:30"}, {"days": days, "opens": "13:30", "closes": "17:00"}]},
        }],
        "services": [{
            "id": f"{slug}-service",
            "name": {language: _sentence(rng, words, 3)[:-1] for language, words in vocabulary.items()},
            "description": _text(rng, vocabulary, rng.randint(25, 60)),
            "categories": rng.sample(categories, rng.randint(1, 2)),
            "audiences": rng.sample(audiences, rng.randint(0, 2)),
            "area_served": rng.choice(["region", [commune]]),
        }],
        "last_verified": "2026-10-01",
    }
    access = _access(random.Random(number))
    if access:
        organization["services"][0]["access"] = access
    text = dump_yaml(organization)
    text = text.replace("'2026-10-01'", "2026-10-01")
    (root / "directory" / f"{slug}.yaml").write_text(text, encoding="utf-8")


def _write_dossier(root: Path, rng: random.Random, number: int, categories: list[str], vocabulary: dict[str, list[str]]) -> None:
    related = rng.sample(categories, 2)
    for language, words in vocabulary.items():
        paragraphs = "\n\n".join(_sentence(rng, words, rng.randint(40, 80)) for _ in range(4))
        front = yaml.safe_dump({"id": f"bench-dossier-{number:03d}", "title": _sentence(rng, words, 4)[:-1],
                                "summary": _sentence(rng, words, 15), "categories": related}, allow_unicode=True)
        sources = f"## {SOURCES_HEADING[language]}\n\n- [Example](https://example.org/)\n"
        (root / "dossiers" / f"bench-dossier-{number:03d}.{language}.md").write_text(
            f"---\n{front}reviewed: 2026-10-01\n---\n\n{paragraphs}\n\n{citation_line(language, '1')}\n\n{sources}", encoding="utf-8")


def _write_template(root: Path, rng: random.Random, number: int, sample_file: Path, vocabulary: dict[str, list[str]]) -> None:
    folder = root / "templates" / f"bench-modele-{number:03d}"
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        shutil.copy(sample_file, folder / f"modele.{language}.pdf")
    meta = {"id": folder.name, "example": True, "title": _text(rng, vocabulary, 4), "description": _text(rng, vocabulary, 20),
            "audiences": ["professionals"], "version": "1.0", "files": {"fr": ["modele.fr.pdf"], "nl": ["modele.nl.pdf"]}}
    (folder / "template.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True) + "date: 2026-10-01\nchecked: 2026-10-01\n", encoding="utf-8")
