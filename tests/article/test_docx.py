"""The .docx reader: one line per paragraph of the body, blocks from Word's styles, dates and
language from the core properties, and every kind of bad or hostile document a clear error."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import re
import threading
import time
import zipfile

import pytest
from newslint.article import model
from newslint.engine.testing import findings
from newslint.engine.source import InputError, NotAnArticle
from word_documents import W, article_document, docx, members, paragraph, saved, with_body, zipped

BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def shown(document_paragraph) -> str:
    """A python-docx paragraph's text as one line: a line break is a space."""
    return document_paragraph.text.replace("\n", " ")


def test_each_line_is_a_paragraph_of_the_body_in_order():
    data = saved(article_document())
    article = model.parse("artikel.docx", data)
    expected = [shown(p) for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert article.text.split("\n") == expected
    assert article.text == article.prose == article.file_text


def test_blocks_follow_the_styles():
    article = model.parse("artikel.docx", saved(article_document()))
    kinds = [(block.kind, block.text[:24]) for block in article.blocks]
    assert kinds == [
        ("subheading", "Verkehr"),  # the kicker above the headline
        ("headline", "Köln eröffnet die Brücke"),
        ("teaser", "Nach vier Jahren Bauzeit"),
        ("paragraph", "Köln (dpa) - Oberbürgerm"),
        ("subheading", "Kosten höher als geplant"),
        ("paragraph", "Die Brücke kostete 120 M"),
        ("paragraph", "(dpa)"),
    ]


def test_positions_are_paragraph_and_character():
    data = saved(article_document())
    article = model.parse("artikel.docx", data)
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    offset = article.text.index("„Das ist")
    line, column = article.position(offset)
    assert (line, column) == (4, 91)
    assert shown(paragraphs[line - 1])[column - 1:].startswith("„Das ist ein großer Tag")
    quote = article.text.index("„Wir sind")  # after a line break inside the paragraph
    line, column = article.position(quote)
    assert shown(paragraphs[line - 1])[column - 1:] == "„Wir sind sehr zufrieden.“"


def test_headers_footers_comments_and_tables_are_never_checked():
    article = model.parse("artikel.docx", saved(article_document()))
    assert "Kopfzeile" not in article.text and "Fußzeile" not in article.text
    assert "Kommentar" not in article.text and "Tabelle" not in article.text
    # each of them has a quotation mark never closed
    assert findings(saved(article_document()), "quote-marks", path="artikel.docx") == []


def test_findings_carry_no_fix_so_nothing_is_written():
    article = model.parse("artikel.docx", saved(article_document()))
    assert article.source is not None and article.source.text == article.text
    data = saved(article_document())
    dateline = findings(data, "dateline", path="artikel.docx")
    dates = findings(data, "date-consistency", path="artikel.docx")
    assert [(d.line, d.column, d.suggestion) for d in dateline] == [(4, 1, "Köln (dpa) – ")]
    assert [(d.line, d.column) for d in dates] == [(4, 59)]  # „Montag, 1. März 2005“: a Tuesday
    assert article.text.split("\n")[3][58:].startswith("Montag")
    assert all(d.fix is None for d in dateline + dates)  # the same .txt article's have fixes
    text = "\n".join(line for line in article.text.split("\n")[1:] if line)  # as .txt, without the kicker
    assert findings(text, "dateline", path="artikel.txt")[0].fix is not None


def test_date_is_the_last_save_unless_the_run_gives_one_and_language_is_the_documents():
    data = saved(article_document())
    article = model.parse("artikel.docx", data)
    assert article.published == dt.date(2024, 6, 21) and article.lang == "de-DE"
    assert model.parse("artikel.docx", data, published=dt.date(2024, 6, 22)).published == dt.date(2024, 6, 22)
    document = article_document()
    document.core_properties.language = ""
    assert model.parse("a.docx", saved(document), lang="de").lang == "de"


def test_a_document_no_editor_saved_has_no_date():
    """python-docx keeps its template's dates (2013): they are not the article's."""
    document = docx.Document()
    document.add_heading("Titel", 0)
    document.add_paragraph("Am Montag (9. Januar) tagt der Rat.")
    assert document.core_properties.modified.year == 2013
    assert model.parse("a.docx", saved(document)).published is None
    document.core_properties.last_modified_by = "Redaktion"  # saved by someone: the date counts
    assert model.parse("a.docx", saved(document)).published == dt.date(2013, 12, 23)


def test_a_document_without_core_properties_has_no_date_or_language():
    parts = members(saved(article_document()))
    del parts["docProps/core.xml"]
    parts["_rels/.rels"] = re.sub(rb'<Relationship [^>]*core-properties[^>]*/>', b"", parts["_rels/.rels"])
    article = model.parse("a.docx", zipped(parts), lang="de")
    assert article.published is None and article.lang == "de"  # python-docx would say: today


def test_tracked_changes_content_controls_text_boxes_captions_and_placeholders():
    body = (
        paragraph("Titel der Meldung", "Title")
        + f'<w:p><w:r><w:t xml:space="preserve">Der Rat hat </w:t></w:r><w:del w:id="1" w:author="a">'
        f'<w:r><w:delText>gestern </w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r>'
        f'<w:t xml:space="preserve">am Mittwoch </w:t></w:r></w:ins><w:r><w:t>beschlossen.</w:t></w:r>'
        f'<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>Kasten</w:t></w:r></w:p></w:txbxContent></w:drawing>'
        f'</w:r></w:p>'
        + f'<w:sdt><w:sdtContent>{paragraph("Im Inhaltssteuerelement.")}</w:sdtContent></w:sdt>'
        + f'<w:tbl><w:tr><w:tc>{paragraph("In der Tabelle.")}</w:tc></w:tr></w:tbl>'
        + f'<w:p><w:r><w:t>Eins</w:t><w:tab/><w:t>zwei</w:t></w:r></w:p>'
        + paragraph("Der Bürgermeister bei der Eröffnung. Foto: dpa", "Caption")
        + f'<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{paragraph("Vorspann hier eingeben")}'
        f'</w:sdtContent></w:sdt>'
        + f'<w:p><w:r><w:t xml:space="preserve">Ort: </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>'
        f'<w:sdtContent><w:r><w:t>Klicken Sie hier</w:t></w:r></w:sdtContent></w:sdt></w:p>'
    )
    article = model.parse("a.docx", with_body(body))
    assert article.text.split("\n") == ["Titel der Meldung", "Der Rat hat am Mittwoch beschlossen.",
                                         "Im Inhaltssteuerelement.", "Eins\tzwei", "", "", "Ort: "]


def test_headline_when_styles_say_nothing_or_prose_comes_first():
    plain = with_body(paragraph("Stadt baut neue Brücke") + paragraph("Köln – Die Stadt baut eine Brücke."))
    assert [b.kind for b in model.parse("a.docx", plain).blocks] == ["headline", "paragraph"]
    late = with_body(paragraph("Köln – Die Stadt baut eine Brücke.") + paragraph("Zwischentitel", "Title")
                     + paragraph("Sie kostet viel Geld."))
    assert [b.kind for b in model.parse("a.docx", late).blocks] == ["headline", "subheading", "paragraph"]


def test_the_title_is_the_headline_before_any_heading():
    data = with_body(paragraph("Politik", "Heading1") + paragraph("Rat beschließt Haushalt", "Title")
                     + paragraph("Berlin – Der Rat hat den Haushalt beschlossen.") + paragraph("Debatte", "Heading2")
                     + paragraph("Sie dauerte lange."))
    kinds = [(b.kind, b.text) for b in model.parse("a.docx", data).blocks]
    assert kinds[:2] == [("subheading", "Politik"), ("headline", "Rat beschließt Haushalt")]
    assert kinds[3] == ("subheading", "Debatte")
    only_headings = with_body(paragraph("Rat beschließt Haushalt", "Heading1")
                              + paragraph("Berlin – Der Rat hat den Haushalt beschlossen.")
                              + paragraph("Debatte", "Heading2") + paragraph("Sie dauerte lange."))
    kinds = [b.kind for b in model.parse("a.docx", only_headings).blocks]
    assert kinds == ["headline", "paragraph", "subheading", "paragraph"]


def test_a_style_based_on_a_heading_is_a_heading():
    document = docx.Document()
    style = document.styles.add_style("Zwischenzeile", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    document.add_heading("Titel", 0)
    document.add_paragraph("Köln – Erster Absatz.")
    document.add_paragraph("Ein langer Satz, der in diesem Stil eine Zwischenzeile ist.", style="Zwischenzeile")
    document.add_paragraph("Letzter Absatz.")
    kinds = [b.kind for b in model.parse("a.docx", saved(document)).blocks]
    assert kinds == ["headline", "paragraph", "subheading", "paragraph"]


@pytest.mark.parametrize(("data", "message"), [
    (b"Das ist kein Word-Dokument.", "not a .docx document (not a zip file)"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512, "encrypted (password-protected) document or an old .doc"),
    (zipped({"[Content_Types].xml": "<Types/>", "word/other.xml": "<x/>"}), "the zip has no word/document.xml"),
    (b"PK\x03\x04" + b"\0" * 40, "not a .docx document (not a zip file)"),
])
def test_a_file_that_is_no_word_document_is_a_clear_error(data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        model.parse("a.docx", data)


def test_an_encrypted_zip_entry_is_refused():
    data = bytearray(saved(article_document()))
    for start in range(len(data) - 4):  # the general-purpose flag of every header: bit 0, encrypted
        if data[start:start + 4] in (b"PK\x03\x04", b"PK\x01\x02"):
            flag = start + (6 if data[start + 2] == 3 else 8)
            data[flag] |= 1
    with pytest.raises(InputError, match="encrypted"):
        model.parse("a.docx", bytes(data))


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    parts = members(saved(docx.Document()))
    parts["word/media/image1.png"] = b"\0" * (64 * 1024 * 1024)
    data = zipped(parts)
    assert len(data) < 200_000
    began = time.perf_counter()
    with pytest.raises(InputError, match=r"unpacks to 64\.\d MB, more than the limit of 10\.0 MB"):
        model.parse("a.docx", data, max_size=10 * 1024 * 1024)
    assert time.perf_counter() - began < 2


def test_xml_entities_are_never_expanded_nor_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'
    with pytest.raises(InputError, match="not a readable Word document: .*amplification"):
        model.parse("a.docx", with_body(paragraph("Titel &l9;"), bomb))
    external = f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    article = model.parse("a.docx", with_body(paragraph("Titel &x; Ende"), external))
    assert "GEHEIM" not in article.text and article.text == "Titel  Ende"


def test_nothing_is_fetched_from_the_network():
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"NETZ")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/x"
        prolog = f'<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "{url}" [<!ENTITY x SYSTEM "{url}">]>'
        article = model.parse("a.docx", with_body(paragraph("Titel &x;"), prolog))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert hits == [] and "NETZ" not in article.text


def test_deep_nesting_and_broken_xml_are_clear_errors():
    deep = "<w:sdt><w:sdtContent>" * 3000 + paragraph("Text") + "</w:sdtContent></w:sdt>" * 3000
    with pytest.raises(InputError, match="not a readable Word document: .*depth"):
        model.parse("a.docx", with_body(deep))
    parts = members(saved(docx.Document()))
    parts["word/document.xml"] = f"<w:document {W}><w:body><w:p>"
    with pytest.raises(InputError, match="not a readable Word document"):
        model.parse("a.docx", zipped(parts))


def test_a_document_without_text_is_not_an_article():
    document = docx.Document()
    document.add_paragraph("")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Nur in der Tabelle."
    with pytest.raises(NotAnArticle, match="no text in the document's body"):
        model.parse("vorlage.docx", saved(document))


def test_a_docx_given_as_text_is_refused():
    with pytest.raises(InputError, match="read from its file"):
        model.parse("a.docx", "Titel\nText.")


def test_the_zip_member_sizes_bound_what_is_unpacked():
    """zipfile unpacks no more than an entry's stated size: a stated size that lies is an error."""
    data = saved(article_document())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        size = package.getinfo("word/document.xml").file_size
    assert data.count(size.to_bytes(4, "little")) == 2  # in its local header and the central directory
    lied = data.replace(size.to_bytes(4, "little"), (100).to_bytes(4, "little"))
    with pytest.raises(InputError):
        model.parse("a.docx", lied)


def test_the_sample_document_is_what_its_maker_writes():
    from paths import SEEDS
    from word_documents import seed_document

    sample = model.parse("110_article.docx", (SEEDS / "110_article.docx").read_bytes())
    assert sample.text == model.parse("made.docx", saved(seed_document())).text
    assert "ENTWURF" not in sample.text and "2030\t" not in sample.text
    assert [b.kind for b in sample.blocks] == ["headline", "teaser", "paragraph", "subheading", "paragraph", "paragraph"]


def test_styles_based_on_each_other_in_a_circle_end():
    document = docx.Document()
    document.add_paragraph("Stadt baut neue Brücke")
    document.add_paragraph("Köln – Die Stadt baut eine Brücke.", style="Quote")
    parts = members(saved(document))
    styles = parts["word/styles.xml"].decode("utf-8")
    for first, second in (("Normal", "Quote"), ("Quote", "Normal")):  # Normal ← Quote ← Normal …
        opening = f'w:styleId="{first}"><w:name w:val="{first}"/>'
        assert opening in styles
        styles = re.sub(rf'(w:styleId="{first}"><w:name w:val="{first}"/>)(<w:basedOn w:val="[^"]*"/>)?',
                        rf'\1<w:basedOn w:val="{second}"/>', styles)
    parts["word/styles.xml"] = styles
    article = model.parse("a.docx", zipped(parts))
    assert [b.kind for b in article.blocks] == ["headline", "paragraph"]
