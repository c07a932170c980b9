"""Word documents for the tests, made with python-docx: a realistic German article, and zips
with parts of their own (hostile or broken documents)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

docx = pytest.importorskip("docx", reason="python-docx is needed to make Word documents")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def article_document():
    """A German article as an editor writes it in Word: a kicker, the title, a subtitle, body
    paragraphs with „…“ quotations and a heading, a table, a header and footer and a comment."""
    document = docx.Document()
    document.add_paragraph("Verkehr")  # the kicker above the headline
    document.add_heading("Köln eröffnet die Brücke über den Rhein", 0)
    document.add_paragraph("Nach vier Jahren Bauzeit fahren wieder Straßenbahnen über den Fluss.", style="Subtitle")
    body = document.add_paragraph("Köln (dpa) - Oberbürgermeisterin Müller hat die Brücke am Montag, ")
    body.add_run("1. März 2005").bold = True
    body.add_run(", eröffnet. „Das ist ein großer Tag für die Stadt“, sagte sie.")
    document.add_paragraph("")
    document.add_heading("Kosten höher als geplant", 2)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Kosten"
    table.cell(0, 1).text = "„Tabelle ohne Ende"
    broken = document.add_paragraph("Die Brücke kostete 120 Millionen Euro.")
    broken.add_run().add_break()
    broken.add_run("„Wir sind sehr zufrieden.“")
    document.add_paragraph("(dpa)")
    document.sections[0].header.paragraphs[0].text = "Kopfzeile „nie geschlossen"
    document.sections[0].footer.paragraphs[0].text = "Fußzeile „nie geschlossen"
    document.add_comment(body.runs[0], text="Kommentar „nie geschlossen", author="Redaktion")
    properties = document.core_properties
    properties.created = dt.datetime(2024, 6, 20, 16, 0)
    properties.modified = dt.datetime(2024, 6, 21, 8, 30)
    properties.language = "de-DE"
    return document


def saved(document) -> bytes:
    """A python-docx document's .docx bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    """The parts of a .docx, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def zipped(parts: dict[str, bytes | str]) -> bytes:
    """A zip of these parts (compressed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


def with_body(body_xml: str, prolog: str = "") -> bytes:
    """A valid .docx whose word/document.xml is `prolog` and a body of `body_xml`."""
    parts = members(saved(docx.Document()))
    parts["word/document.xml"] = f'{prolog}<w:document {W}><w:body>{body_xml}</w:body></w:document>'
    return zipped(parts)


def paragraph(text: str, style: str | None = None) -> str:
    """A <w:p> of one run (XML-escaped by the caller), in the style with this id."""
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def seed_document():
    """The sample Word article `seeds/110_article.docx`: its header and table are not read, and its
    dateline has a hyphen instead of the dash. Written with:
    python tests/support/word_documents.py seeds/110_article.docx"""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "ENTWURF – Sperrfrist 12 Uhr"
    document.add_heading("Münster baut sein Radwegenetz aus", 0)
    document.add_paragraph("Bis 2030 sollen 80 Kilometer neue Radwege entstehen.", style="Subtitle")
    document.add_paragraph(
        "Münster (dpa) - Der Stadtrat von Münster hat am Mittwoch (19. Juni) beschlossen, das "
        "Radwegenetz deutlich zu erweitern. „Wir wollen, dass Kinder sicher zur Schule fahren können“, "
        "sagte Oberbürgermeister Markus Lewe nach der Sitzung.")
    document.add_heading("Kosten", 2)
    document.add_paragraph(
        "Die Stadt rechnet mit Kosten von rund 60 Millionen Euro. Ein Teil soll aus Fördermitteln "
        "des Landes Nordrhein-Westfalen kommen, erklärte die Kämmerin.")
    table = document.add_table(rows=2, cols=2)
    for row, (year, kilometres) in enumerate((("2025", "20 km"), ("2030", "80 km"))):
        table.cell(row, 0).text, table.cell(row, 1).text = year, kilometres
    document.add_paragraph("(dpa)")
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = "Radwegenetz Münster", "jk", "Lokalredaktion"
    properties.created, properties.modified = dt.datetime(2024, 6, 20, 11, 5), dt.datetime(2024, 6, 20, 15, 30)
    properties.revision = 7
    properties.language = "de-DE"
    return document


if __name__ == "__main__":
    import sys

    with open(sys.argv[1], "wb") as seed:
        seed.write(saved(seed_document()))
