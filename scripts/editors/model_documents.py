"""Our document models as files: an A4 PDF with a form field per line, and an OpenDocument text with a table to fill.

Both are written from the model's sections in content/templates/<id>/template.yaml, in each language,
with the same bytes for the same content (no clock in the files), so a test can tell whether the
committed files still match their source.
"""

from __future__ import annotations

import calendar
import io
import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from odf.dc import Title
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from schemas.common import Language
from schemas.template import Template

MARGIN = 18 * mm
FIELD_HEIGHT = 7 * mm
LINE = 4.6 * mm
FOOTER = {"fr": "{title} · modèle de {issuer}, version {version} · licence {licence} · sources : voir la page du modèle",
          "nl": "{title} · model van {issuer}, versie {version} · licentie {licence} · bronnen: zie de pagina van het model"}
"""The line at the foot of every page: what the document is, whose, which version, its licence."""


def model_file_names(model: Template, language: Language) -> tuple[str, str]:
    """Return the PDF and ODT names of a model in a language ("fiche-de-liaison.fr.pdf", "...odt")."""
    return f"{model.id}.{language}.pdf", f"{model.id}.{language}.odt"


def _footer(model: Template, language: Language) -> str:
    issuer = model.issuer.get(language) if model.issuer else ""
    return FOOTER[language].format(title=model.title.get(language), issuer=issuer, version=model.version or "",
                                   licence=model.licence or "")


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


@contextmanager
def _dated(model: Template) -> Iterator[None]:
    """Date the PDF with the model's version date through SOURCE_DATE_EPOCH, the reproducible-builds convention
    reportlab follows (a build sets it to the commit's time; the model's own date must win)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    day = model.date or model.checked
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm((day.year, day.month, day.day, 0, 0, 0)))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def model_pdf(model: Template, language: Language) -> bytes:
    """Return the model as an A4 PDF whose every field is a fillable text box."""
    with _dated(model):
        return _model_pdf(model, language)


def _model_pdf(model: Template, language: Language) -> bytes:
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, invariant=1, lang=f"{language}-BE")
    pdf.setTitle(model.title.get(language))
    pdf.setAuthor(model.issuer.get(language) if model.issuer else "")
    pdf.setSubject(model.description.get(language))
    width, height = A4
    usable = width - 2 * MARGIN
    y = height - MARGIN
    page = 1

    def footer() -> None:
        pdf.setFont("Helvetica", 7)
        pdf.drawString(MARGIN, 10 * mm, f"{_footer(model, language)} · {page}")

    def room(needed: float) -> None:
        nonlocal y, page
        if y - needed < 18 * mm:
            footer()
            pdf.showPage()
            page += 1
            y = height - MARGIN

    pdf.setFont("Helvetica-Bold", 15)
    pdf.drawString(MARGIN, y - 15, model.title.get(language))
    y -= 24
    pdf.setFont("Helvetica", 9)
    for line in _wrap(model.description.get(language), "Helvetica", 9, usable):
        pdf.drawString(MARGIN, y - 9, line)
        y -= LINE
    y -= 3 * mm
    number = 0
    for section in model.sections:
        room(8 * mm + LINE + FIELD_HEIGHT)
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(MARGIN, y - 11, section.title.get(language))
        y -= 7 * mm
        for label in section.fields:
            number += 1
            room(LINE + FIELD_HEIGHT + 2 * mm)
            pdf.setFont("Helvetica", 8.5)
            pdf.drawString(MARGIN, y - 8.5, label.get(language))
            y -= LINE
            pdf.acroForm.textfield(name=f"field_{number:02d}", tooltip=label.get(language), x=MARGIN, y=y - FIELD_HEIGHT,
                                   width=usable, height=FIELD_HEIGHT, fontSize=9, borderWidth=0.6,
                                   borderColor=None, fillColor=None, forceBorder=True)
            y -= FIELD_HEIGHT + 2 * mm
    footer()
    pdf.save()
    return buffer.getvalue()


def _odt_styles(document: OpenDocumentText, language: Language) -> dict[str, Style]:
    country = "BE"
    base = Style(name="Standard", family="paragraph")
    base.addElement(TextProperties(fontfamily="Liberation Sans", fontsize="10pt", language=language, country=country))
    document.styles.addElement(base)
    styles = {
        "title": Style(name="Title", family="paragraph", parentstylename=base),
        "heading": Style(name="Heading", family="paragraph", parentstylename=base),
        "small": Style(name="Small", family="paragraph", parentstylename=base),
        "cell": Style(name="Cell", family="table-cell"),
        "label": Style(name="LabelColumn", family="table-column"),
        "answer": Style(name="AnswerColumn", family="table-column"),
    }
    styles["title"].addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    styles["heading"].addElement(TextProperties(fontsize="12pt", fontweight="bold"))
    styles["heading"].addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.15cm"))
    styles["small"].addElement(TextProperties(fontsize="8pt"))
    styles["cell"].addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.12cm"))
    styles["label"].addElement(TableColumnProperties(columnwidth="6.5cm"))
    styles["answer"].addElement(TableColumnProperties(columnwidth="10.5cm"))
    for name in ("title", "heading", "small"):
        document.styles.addElement(styles[name])
    for name in ("cell", "label", "answer"):
        document.automaticstyles.addElement(styles[name])
    return styles


def model_odt(model: Template, language: Language) -> bytes:
    """Return the model as an OpenDocument text: a heading per section and a two-column table to fill."""
    document = OpenDocumentText()
    document.meta.addElement(Title(text=model.title.get(language)))
    styles = _odt_styles(document, language)
    document.text.addElement(P(stylename=styles["title"], text=model.title.get(language)))
    document.text.addElement(P(text=model.description.get(language)))
    for index, section in enumerate(model.sections, start=1):
        document.text.addElement(H(outlinelevel=1, stylename=styles["heading"], text=section.title.get(language)))
        table = Table(name=f"Section{index}")
        table.addElement(TableColumn(stylename=styles["label"]))
        table.addElement(TableColumn(stylename=styles["answer"]))
        for label in section.fields:
            row = TableRow()
            for text in (label.get(language), ""):
                cell = TableCell(stylename=styles["cell"], valuetype="string")
                cell.addElement(P(text=text))
                row.addElement(cell)
            table.addElement(row)
        document.text.addElement(table)
    document.text.addElement(P(stylename=styles["small"], text=_footer(model, language)))
    buffer = io.BytesIO()
    document.write(buffer)
    return _without_clock(buffer.getvalue())


def _without_clock(odt: bytes) -> bytes:
    """Return the ODT with fixed dates in its metadata and archive, so the same content gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(odt))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "meta.xml":
                data = re.sub(rb"<(meta:creation-date|dc:date)>[^<]*</\1>", rb"", data)
                data = re.sub(rb"<meta:generator>[^<]*</meta:generator>", rb"<meta:generator>odfpy</meta:generator>", data)
            if info.filename.endswith(".xml"):
                data = _sorted_namespaces(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return output.getvalue()


def _sorted_namespaces(xml: bytes) -> bytes:
    """Return the XML with its root element declaring only the namespaces it uses, in name order (odfpy
    declares every namespace any earlier document of the process used, in a varying order)."""
    match = re.search(rb"<([\w:-]+)((?:\s+xmlns:[\w-]+=\"[^\"]*\")+)", xml)
    if match is None:
        return xml
    rest = xml[: match.start(2)] + xml[match.end(2):]
    used = set(re.findall(rb"[<\s/]([\w-]+):[\w-]+", rest))
    declarations = sorted(declaration for declaration in re.findall(rb"xmlns:([\w-]+)=\"[^\"]*\"", match.group(2)) if declaration in used)
    text = dict(re.findall(rb"xmlns:([\w-]+)=(\"[^\"]*\")", match.group(2)))
    return xml[: match.start(2)] + b"".join(b" xmlns:" + prefix + b"=" + text[prefix] for prefix in declarations) + xml[match.end(2):]


def write_model_files(model: Template, folder: Path) -> list[Path]:
    """Write a model's PDF and ODT in both languages into its folder; return the paths."""
    written = []
    for language in ("fr", "nl"):
        pdf_name, odt_name = model_file_names(model, language)
        for name, data in ((pdf_name, model_pdf(model, language)), (odt_name, model_odt(model, language))):
            (folder / name).write_bytes(data)
            written.append(folder / name)
    return written
