"""The forms and models: every hosted file opened with a real reader, our models in step with their source, the report, the link check."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from odf import table, text
from odf.opendocument import load
from odf.style import TextProperties
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from scripts import check_links
from scripts.content.loaded import TemplateEntry
from scripts.editors.model_documents import model_odt, model_pdf
from scripts.pipeline import load_site_content
from tests.conftest import REPO

CONTENT = load_site_content(REPO / "content")
MODELS = [entry for entry in CONTENT.templates if entry.model.kind == "model"]
OFFICIAL = [entry for entry in CONTENT.templates if entry.model.kind != "model"]


def test_the_site_offers_official_forms_and_models_of_its_own_and_no_example() -> None:
    assert len(OFFICIAL) >= 10, [entry.model.id for entry in OFFICIAL]
    assert len(MODELS) >= 4, [entry.model.id for entry in MODELS]
    assert not [entry.model.id for entry in CONTENT.templates if entry.model.example]
    for entry in OFFICIAL:  # a reader can act: the issuer's page, who fills it and what to do
        model = entry.model
        assert model.official_page and model.issuer and model.steps.fr and model.steps.nl, model.id


def _hosted(entries: list[TemplateEntry]) -> Iterator[tuple[TemplateEntry, str, Path]]:
    for entry in entries:
        for language in ("fr", "nl"):
            for name in entry.model.files.get(language) if entry.model.files else []:
                yield entry, language, entry.folder / name


@pytest.mark.parametrize(("entry", "language", "path"), list(_hosted(CONTENT.templates)), ids=lambda value: getattr(value, "name", ""))
def test_every_hosted_file_opens_with_a_real_reader_in_its_language(entry: TemplateEntry, language: str, path: Path) -> None:
    model = entry.model
    labels = [label.get(language) for section in model.sections for label in section.fields]
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        assert 1 <= len(reader.pages) <= 3
        assert all(abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1 for page in reader.pages)
        assert str(reader.trailer["/Root"]["/Lang"]) == f"{language}-BE"
        if model.kind == "model":  # a fillable box per field, named by its label
            fields = reader.get_fields() or {}
            assert [field.get("/TU") for field in fields.values()] == labels
            assert model.title.get(language) in reader.pages[0].extract_text()
    elif path.suffix == ".odt":
        document = load(str(path))
        headings = [str(heading) for heading in document.getElementsByType(text.H)]
        assert headings == [section.title.get(language) for section in model.sections]
        assert len(document.getElementsByType(table.TableRow)) == len(labels)
        assert language in {properties.getAttribute("language") for properties in document.styles.getElementsByType(TextProperties)}
    else:
        pytest.fail(f"{path.name}: no reader for this format")


@pytest.mark.parametrize("entry", MODELS, ids=lambda entry: entry.model.id)
def test_our_models_files_are_written_from_their_sections(entry: TemplateEntry) -> None:
    # `make template-files` writes the same bytes from the same sections: a changed label without new files fails here
    model = entry.model
    assert model.sections and model.licence == "CC BY 4.0" and model.sources
    for language in ("fr", "nl"):
        assert (entry.folder / f"{model.id}.{language}.pdf").read_bytes() == model_pdf(model, language)
        assert (entry.folder / f"{model.id}.{language}.odt").read_bytes() == model_odt(model, language)


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802 (the standard library's name)
        self.send_response(200 if self.path == "/form.pdf" else 405 if self.path == "/no-head" else 404)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200 if self.path in ("/form.pdf", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_check_links_reports_an_official_page_that_is_gone(capsys: pytest.CaptureFixture[str], scratch_content: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    entry = scratch_content / "templates" / "modele-test" / "template.yaml"
    entry.write_text(entry.read_text(encoding="utf-8") + f"official_page: {{fr: {base}/no-head, nl: {base}/gone}}\nfile_url: {{fr: {base}/form.pdf, nl: {base}/form.pdf}}\n",
                     encoding="utf-8")
    try:
        status = check_links.main(["--content", str(scratch_content), "--timeout", "5"])
    finally:
        server.shutdown()
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines == [f"content/templates/modele-test/template.yaml: {base}/gone: HTTP 404", "3 addresses checked in " + lines[-1].split(" in ", 1)[1]]
    assert lines[-1].endswith(": 1 failed")
