"""Build each language's search index with lunr.py and write it in a compact, sharded form.

The browser does not download lunr's serialized index: its weight vectors are more than half
of it and can be recomputed exactly. The compact form holds the terms, the term frequencies per
field and document, and the field lengths; shards.py cuts it into a small root and chunks that
the worker (browser/worker.js) loads as words are typed, and computes lunr's weights from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from bs4 import BeautifulSoup
from lunr.builder import Builder
from markdown.extensions.toc import slugify

from schemas.common import LANGUAGES, Language
from scripts.browser import WORKER_SCRIPTS, join_browser_code
from scripts.content.loaded import Content
from scripts.pages import urls
from scripts.pages.site_text import SEARCH_RESULT_TYPES
from scripts.search.finder_rows import finder_data
from scripts.search.list_data import list_data
from scripts.search.pipeline import PIPELINES, split_words
from scripts.search.shards import CHUNK_CHARACTERS, shard_index
from scripts.site.write import TreeWriter

FIELDS: tuple[tuple[str, int], ...] = (("title", 10), ("keywords", 5), ("body", 1))
"""Indexed fields and their boosts."""

SNIPPET_SOURCE_LENGTH = 400
"""How much of each text the snippets file keeps: the browser shows about 160 characters of it,
around the first typed word it finds."""


@dataclass(frozen=True)
class SearchDocument:
    """One searchable item and what a result shows of it."""

    kind: str
    title: str
    url: str
    place: str
    keywords: str
    body: str
    shown_title: str = ""
    """The title a result line shows, when it differs from the indexed one (a dossier section shows
    its dossier's title before the heading, but only the heading is indexed as its title)."""
    item_id: str = ""
    """The service's id, for a service (a result line offers to add it to the patient's list)."""

    def snippet(self) -> str:
        """Return the start of the body that a result's snippet is cut from, ending at a word."""
        text = " ".join(self.body.split())
        if len(text) <= SNIPPET_SOURCE_LENGTH:
            return text
        return text[:SNIPPET_SOURCE_LENGTH].rsplit(" ", 1)[0] + "…"


def collect_documents(content: Content, language: Language) -> list[SearchDocument]:
    """Return every page a reader can reach, in a stable order: services first (the finder's rows
    are aligned with them), then dossiers by section, templates, and the other pages."""
    documents = [_service_document(content, language, org, service) for org, service in content.get_services()]
    for dossier_id, pages in sorted(content.dossiers.items()):
        if language in pages:
            documents += _dossier_documents(content, language, dossier_id, pages[language])
    for template in content.templates:
        model = template.model
        audiences = [a.name.get(language) for a in content.taxonomy.audiences if a.id in model.audiences]
        names = [*model.keywords.get(language), content.ui_text(f"template_kind_{model.kind}", language), *audiences]
        if model.issuer:
            names.append(model.issuer.get(language))
        documents.append(
            SearchDocument("template", model.title.get(language), urls.html_path(urls.template_path(model.id)), "",
                           " ".join(names), " ".join([model.description.get(language), *model.steps.get(language)]))
        )
    return documents + _page_documents(content, language)


def _dossier_documents(content: Content, language: Language, dossier_id: str, page: Any) -> list[SearchDocument]:
    """Return a dossier's opening (title, summary, text before the first heading) and one document
    per "## " section, whose result opens the dossier at that heading."""
    url = urls.html_path(urls.dossier_path(dossier_id))
    categories = [content.get_category(c).name.get(language) for c in page.meta.categories]
    parts = re.split(r"^## +(.+?)\s*$", page.body, flags=re.MULTILINE)
    documents = [SearchDocument("dossier", page.meta.title, url, "", " ".join([page.meta.summary, *categories]), _markdown_text(parts[0]))]
    anchors: dict[str, int] = {}
    for heading, text in zip(parts[1::2], parts[2::2], strict=True):
        anchor = slugify(heading, "-")
        anchors[anchor] = anchors.get(anchor, -1) + 1
        unique = anchor if anchors[anchor] == 0 else f"{anchor}_{anchors[anchor]}"
        documents.append(SearchDocument("dossier", heading, f"{url}#{unique}", "", "", _markdown_text(text), f"{page.meta.title} — {heading}"))
    return documents


def _page_documents(content: Content, language: Language) -> list[SearchDocument]:
    """Return the pages that are neither services, dossiers nor templates: needs, communes, bassins,
    helplines and the section pages."""
    def ui(key: str) -> str:
        return content.ui_text(key, language)

    def page(path: str, title: str, keywords: str, body: str) -> SearchDocument:
        return SearchDocument("page", title, urls.html_path(path), "", keywords, body)

    documents = [
        page(urls.home_path(), content.site.name.get(language), ui("nav_home"), content.site.tagline.get(language)),
        page(urls.directory_path(), ui("directory_title"), ui("nav_directory"), ui("directory_intro")),
        page(urls.finder_path(), ui("finder_title"), "", ui("finder_intro")),
        page(urls.dossier_list_path(), ui("dossiers_title"), ui("nav_dossiers"), ui("home_dossiers_text")),
        page(urls.template_list_path(), ui("home_templates_title"), ui("nav_templates"), ui("home_templates_text")),
        page(urls.helplines_path(), ui("helplines_title"), " ".join(line.name.get(language) for line in content.helplines),
             " ".join(f"{line.number} {line.who.get(language)}" for line in content.helplines)),
        page(urls.bassin_list_path(), ui("bassins_title"), " ".join(b.name.get(language) for b in content.bassins), ui("bassins_intro")),
    ]
    shown = content.shown_categories()
    for group in content.shown_groups():
        for category in (c for c in shown if c.group == group.id):
            documents.append(page(urls.category_path(category.id), category.name.get(language),
                                  " ".join([group.name.get(language), *category.synonyms.get(language)]), category.description.get(language)))
    for commune in sorted(content.communes.values(), key=lambda c: c.name(language)):
        documents.append(page(urls.commune_path(commune.nis_code), commune.name(language),
                              " ".join([commune.name_fr, commune.name_nl, *commune.postcodes]), ui("located_in_commune")))
    for bassin in content.bassins:
        communes = [content.communes[nis] for nis in bassin.communes + [part.commune for part in bassin.parts]]
        documents.append(page(urls.bassin_path(bassin.id), bassin.name.get(language),
                              " ".join([bassin.name.fr, bassin.name.nl, *(c.name(language) for c in communes)]), ui("bassin_intro")))
    return documents


def _service_document(content: Content, language: Language, org: Any, service: Any) -> SearchDocument:
    communes = [content.communes[location.address.commune] for location in org.locations]
    words: list[str] = []
    for category_id in service.categories:
        category = content.get_category(category_id)
        words += [category.name.get(language), *category.synonyms.get(language)]
    words += [a.name.get(language) for a in content.taxonomy.audiences if a.id in service.audiences]
    words += [name for commune in communes for name in (commune.name_fr, commune.name_nl)]
    words += [location.address.postcode for location in org.locations]
    bassins = [content.address_bassins(location.address) for location in org.locations]
    words += [name for found in bassins if len(found) == 1 for name in (found[0].name.fr, found[0].name.nl)]
    words += [*service.keywords.get(language), org.name.get(language)]
    return SearchDocument(
        "service",
        service_title(service.name.get(language), org.name.get(language)),
        urls.html_path(urls.organization_path(org.id)),
        ", ".join(sorted({commune.name(language) for commune in communes})),
        " ".join(words),
        f"{service.description.get(language)} {org.description.get(language)}",
        item_id=service.id,
    )


def service_title(service_name: str, organization_name: str) -> str:
    """Return a service's result title, each name once ("Aide sociale — CPAS d'Ixelles"; the
    organisation alone when one name holds the other)."""
    service_folded, organization_folded = service_name.casefold(), organization_name.casefold()
    if service_folded in organization_folded:
        return organization_name
    if organization_folded in service_folded:
        return service_name
    return f"{service_name} — {organization_name}"


def _markdown_text(body: str) -> str:
    html = markdown.markdown(body, extensions=["admonition", "tables", "pymdownx.superfences", "pymdownx.tabbed"])
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    return re.sub(r"\s+", " ", text).strip()


def document_ref(position: int) -> str:
    """Return a document's short ref: its position in base 36."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        position, remainder = divmod(position, 36)
        text = digits[remainder] + text
        if position == 0:
            return text


def build_lunr_builder(documents: list[SearchDocument], language: Language) -> Builder:
    """Return a lunr.py Builder holding every document (call .build() for the Index)."""
    builder = Builder()
    index_pipeline, search_pipeline = PIPELINES[language]
    builder.pipeline.add(*index_pipeline)
    builder.search_pipeline.add(*search_pipeline)
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for position, document in enumerate(documents):
        builder.add({
            "id": document_ref(position),
            "title": split_words(document.title),
            "keywords": split_words(document.keywords),
            "body": split_words(document.body),
        })
    return builder


URL_PREFIXES = {"s": "directory/entries/", "d": "dossiers/", "t": "documents/", "p": ""}
"""Where each type's pages live: the store keeps only the page's name (and a dossier section's #anchor)."""


def compact_index(builder: Builder, documents: list[SearchDocument], language: Language) -> dict[str, Any]:
    """Return the compact index: terms, postings, field lengths, and what a result line shows.

    A term's postings are, per field holding it: the field's position, the number of documents,
    then for each document the distance from the previous one (counted from -1, so always >= 1),
    written negative and followed by the term frequency when that frequency is not 1.
    """
    refs = [document_ref(position) for position in range(len(documents))]
    field_names = [name for name, _ in FIELDS]
    terms = sorted(builder.inverted_index)
    postings = []
    for term in terms:
        entry: list[int] = []
        for field_position, field_name in enumerate(field_names):
            docs = sorted(int(ref, 36) for ref in builder.inverted_index[term][field_name])
            if not docs:
                continue
            entry += [field_position, len(docs)]
            previous = -1
            for doc in docs:
                frequency = builder.field_term_frequencies[f"{field_name}/{refs[doc]}"][term]
                entry += [doc - previous] if frequency == 1 else [previous - doc, frequency]
                previous = doc
        postings.append(entry)
    store = []
    for document in documents:
        kind = SEARCH_RESULT_TYPES[document.kind][0]
        prefix = URL_PREFIXES[kind]
        page, _, anchor = document.url.partition("#")
        if not page.startswith(prefix) or not page.endswith(".html"):
            raise ValueError(f"unexpected URL for a {document.kind}: {document.url}")
        store.append([kind, document.shown_title or document.title, page[len(prefix):-5] + (f"#{anchor}" if anchor else ""), document.place,
                      *([document.item_id] if document.item_id else [])])
    return {
        "version": 2,
        "language": language,
        "fields": [list(field) for field in FIELDS],
        "terms": terms,
        "postings": postings,
        "lengths": [[builder.field_lengths[f"{name}/{ref}"] for ref in refs] for name in field_names],
        "paths": URL_PREFIXES,
        "store": store,
    }


def render_data_script(variable: str, key: str, data: Any) -> str:
    """Return a script that hands JSON text to the page under window[variable][key] (fetch() is
    refused on file://, a <script> is not)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"(window.{variable}=window.{variable}||{{}})[{json.dumps(key)}]={json.dumps(text)};\n"


@dataclass(frozen=True)
class LanguageIndex:
    """A language's search files, and the lunr.py builder and documents they came from."""

    scripts: dict[str, str]
    """Each file's script, by name under search/ ("fr.js", "fr-finder.js", "fr/terms-0.js"...)."""
    builder: Builder
    """lunr.py's builder with every document added: the files need only its postings and lengths
    (the parity tests build lunr's own Index from it)."""
    documents: list[SearchDocument]


def build_search_index(content: Content, language: Language, *, chunk_characters: int = CHUNK_CHARACTERS) -> LanguageIndex:
    """Return a language's root, term chunks, document and snippet blocks, and the finder's rows."""
    documents = collect_documents(content, language)
    builder = build_lunr_builder(documents, language)
    files = shard_index(compact_index(builder, documents, language), [document.snippet() for document in documents],
                        chunk_characters=chunk_characters)
    scripts = {f"{name}.js": render_data_script("__bxSearchParts", name, data) for name, data in files.items() if name != language}
    scripts[f"{language}.js"] = render_data_script("__bxSearchData", language, files[language])
    finder = finder_data(content, language)
    check_rows_match_documents(finder, documents)
    scripts[f"{language}-finder.js"] = render_data_script("__bxFinderData", language, finder)
    scripts[f"{language}-list.js"] = render_data_script("__bxListData", language, list_data(content, language))
    return LanguageIndex(scripts, builder, documents)


def check_rows_match_documents(finder: dict[str, Any], documents: list[SearchDocument]) -> None:
    """Check that finder row i is search document i, the same service (the finder's text filter keeps
    the rows whose positions the search returns): same organisation page, same title."""
    fields = {name: position for position, name in enumerate(finder["fields"]["row"])}
    rows = finder["rows"]
    services = [document for document in documents if document.kind == "service"]
    if len(services) != len(rows) or any(document.kind != "service" for document in documents[:len(rows)]):
        raise ValueError(f"finder rows: {len(rows)} rows but {len(services)} service documents, or services not first")
    for position, (row, document) in enumerate(zip(rows, documents, strict=False)):
        expected = (service_title(row[fields["name"]], row[fields["orgName"]]), urls.html_path(urls.organization_path(row[fields["org"]])))
        if (document.title, document.url) != expected:
            raise ValueError(f"finder row {position} is {expected} but search document {position} is {(document.title, document.url)}")


ENGINE_SOURCES = (
    "lunr/lunr.min.js",
    "lunr-languages/min/lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.fr.min.js",
    "lunr-languages/min/lunr.nl.min.js",
)
"""npm files that run in the search worker, in order, before our WORKER_SCRIPTS."""


QR_LIBRARY = "qrcode-generator/dist/qrcode.js"
"""The QR code library the patient's list draws its link with (Kazuhiko Arase, MIT), served as search/qrcode.js."""


def render_engine_script(node_modules: Path) -> str:
    """Return search/engine.js: the worker's code as a string, made into a Blob worker by search.js."""
    missing = [name for name in ENGINE_SOURCES if not (node_modules / name).is_file()]
    if missing:
        raise FileNotFoundError(f"npm packages are not installed ({', '.join(missing)}): run `make build`")
    parts = [(node_modules / name).read_text(encoding="utf-8") for name in ENGINE_SOURCES]
    parts.append(join_browser_code(WORKER_SCRIPTS))
    source = ";\n".join(parts)
    return f"window.__bxSearchEngine={json.dumps(source)};\n"


def write_search_files(content: Content, site_dir: Path, node_modules: Path, *, chunk_characters: int = CHUNK_CHARACTERS) -> dict[str, int]:
    """Write search/engine.js and each language's search files (see shards.py); return their sizes."""
    writer = TreeWriter(site_dir)
    sizes = {}
    engine = render_engine_script(node_modules)
    writer.write_text(urls.search_asset_path("engine.js"), engine)
    sizes["engine.js"] = len(engine.encode("utf-8"))
    qr_library = node_modules / QR_LIBRARY
    if not qr_library.is_file():
        raise FileNotFoundError(f"{qr_library} is missing: run `make build`, which installs the npm packages")
    writer.copy_file(urls.search_asset_path("qrcode.js"), qr_library)
    for language in LANGUAGES:
        sizes |= _write_language_files(writer, content, language, chunk_characters)
    return sizes


def _write_language_files(writer: TreeWriter, content: Content, language: Language, chunk_characters: int) -> dict[str, int]:
    """Write one language's search files and return their sizes (its index is gone when the next one is built)."""
    sizes = {}
    for name, script in sorted(build_search_index(content, language, chunk_characters=chunk_characters).scripts.items()):
        writer.write_text(urls.search_asset_path(name), script)
        sizes[name] = len(script.encode("utf-8"))
    return sizes
