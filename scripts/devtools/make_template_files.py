"""Write the starter template documents (ODT, DOCX, PDF) from the field lists below.

Run once by hand when a starter form changes: `.venv/bin/python -m scripts.devtools.make_template_files`.
The output is content that editors may later replace with files from an office program.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

TEMPLATES = Path(__file__).resolve().parents[2] / "content" / "templates"
FIXED_TIME = (2026, 11, 1, 0, 0, 0)

FORMS: dict[str, dict[str, tuple[str, str, list[str]]]] = {
    "fiche-de-liaison": {
        "fr": ("Fiche de liaison domicile", "Modèle d'exemple : à adapter par l'équipe qui l'utilise.", [
            "Nom et prénom du patient", "Date de naissance", "Adresse et commune", "Personne de contact et téléphone",
            "Médecin généraliste", "Intervenants à domicile", "Traitement en cours", "Allergies",
            "Informations utiles pour la continuité des soins", "Rempli par, date et signature"]),
        "nl": ("Verbindingsfiche thuiszorg", "Voorbeeldmodel: aan te passen door het team dat het gebruikt.", [
            "Naam en voornaam van de patiënt", "Geboortedatum", "Adres en gemeente", "Contactpersoon en telefoon",
            "Huisarts", "Zorgverleners aan huis", "Lopende behandeling", "Allergieën",
            "Nuttige informatie voor de continuïteit van de zorg", "Ingevuld door, datum en handtekening"]),
    },
    "demande-interprete": {
        "fr": ("Demande d'interprète social", "Modèle d'exemple : vérifiez le formulaire du service d'interprétariat contacté.", [
            "Service demandeur et personne de contact", "Téléphone et e-mail", "Langue demandée (et variante)",
            "Date, heure de début et durée prévue", "Lieu ou mode (sur place, téléphone, vidéo)",
            "Type d'entretien (médical, social, psychologique)", "Informations utiles pour l'interprète"]),
        "nl": ("Aanvraag sociaal tolk", "Voorbeeldmodel: kijk het formulier van de gecontacteerde tolkendienst na.", [
            "Aanvragende dienst en contactpersoon", "Telefoon en e-mail", "Gevraagde taal (en variant)",
            "Datum, beginuur en verwachte duur", "Plaats of vorm (ter plaatse, telefoon, video)",
            "Soort gesprek (medisch, sociaal, psychologisch)", "Nuttige informatie voor de tolk"]),
    },
    "rapport-de-concertation": {
        "fr": ("Rapport de concertation multidisciplinaire", "Modèle d'exemple : à compléter pendant ou après la réunion.", [
            "Patient (nom, date de naissance)", "Date et lieu de la concertation", "Participants et fonction",
            "Situation et besoins", "Objectifs convenus", "Qui fait quoi, pour quand", "Que faire en cas de crise",
            "Prochaine concertation", "Rapport rédigé par"]),
        "nl": ("Verslag van het multidisciplinair overleg", "Voorbeeldmodel: in te vullen tijdens of na het overleg.", [
            "Patiënt (naam, geboortedatum)", "Datum en plaats van het overleg", "Deelnemers en functie",
            "Situatie en noden", "Afgesproken doelen", "Wie doet wat, tegen wanneer", "Wat te doen bij een crisis",
            "Volgend overleg", "Verslag opgesteld door"]),
    },
    "liste-de-contacts": {
        "fr": ("Liste de contacts du patient à domicile", "Modèle d'exemple : à garder près du téléphone ou dans le carnet de soins.", [
            "Patient", "Médecin généraliste", "Garde de médecine générale", "Infirmier ou infirmière", "Pharmacie",
            "Équipe de soins palliatifs", "Proches à prévenir", "Administrateur ou mandataire éventuel"]),
        "nl": ("Contactlijst van de patiënt thuis", "Voorbeeldmodel: bij de telefoon of in het zorgdossier te bewaren.", [
            "Patiënt", "Huisarts", "Huisartsenwachtdienst", "Thuisverpleegkundige", "Apotheek",
            "Palliatieve thuiszorgequipe", "Te verwittigen naasten", "Eventuele bewindvoerder of lasthebber"]),
    },
}


def _write_zip(path: Path, members: list[tuple[str, str]]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def write_odt(path: Path, title: str, intro: str, fields: list[str]) -> None:
    """Write an OpenDocument text with a title, an intro and one line per field."""
    body = f'<text:h text:outline-level="1">{escape(title)}</text:h><text:p>{escape(intro)}</text:p>'
    body += "".join(f"<text:p>{escape(field)} : ____________________________</text:p>" for field in fields)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    _write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"), ("META-INF/manifest.xml", manifest), ("content.xml", content)])


def write_docx(path: Path, title: str, intro: str, fields: list[str]) -> None:
    """Write a Word document with a title, an intro and one line per field."""
    def paragraph(text: str, bold: bool = False) -> str:
        run_props = "<w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr>" if bold else ""
        return f'<w:p><w:r>{run_props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = paragraph(title, bold=True) + paragraph(intro) + "".join(paragraph(f"{f} : ____________________________") for f in fields)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    _write_zip(path, [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document)])


def write_pdf(path: Path, title: str, intro: str, fields: list[str]) -> None:
    """Write a one-page A4 PDF (Helvetica, WinAnsi) with a title, an intro and one line per field."""
    def literal(text: str) -> str:
        return text.encode("cp1252").decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = [f"BT /F1 18 Tf 56 780 Td ({literal(title)}) Tj ET", f"BT /F1 10 Tf 56 756 Td ({literal(intro)}) Tj ET"]
    for index, field in enumerate(fields):
        y = 720 - index * 44
        lines.append(f"BT /F1 11 Tf 56 {y} Td ({literal(field)}) Tj ET")
        lines.append(f"56 {y - 16} m 540 {y - 16} l S")
    stream = "\n".join(lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(output))


WRITERS = {"fiche-de-liaison": ("odt", write_odt), "demande-interprete": ("docx", write_docx),
           "rapport-de-concertation": ("odt", write_odt), "liste-de-contacts": ("pdf", write_pdf)}


def main() -> None:
    """Write every starter form in both languages."""
    for template_id, languages in FORMS.items():
        extension, writer = WRITERS[template_id]
        folder = TEMPLATES / template_id
        folder.mkdir(parents=True, exist_ok=True)
        for language, (title, intro, fields) in languages.items():
            writer(folder / f"{template_id}.{language}.{extension}", title, intro, fields)


if __name__ == "__main__":
    main()
