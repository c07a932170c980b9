"""The NewsML-G2 and NITF reader: blocks, date and language from the document, positions in the
file on disk, and hostile or broken XML refused with a clear message."""

from __future__ import annotations

import datetime as dt
import socket
import time

import pytest
from newslint.article import model
from newslint.article.formats import format_of
from newslint.article.formats import safe_xml
from newslint.article.formats.safe_xml import MAX_DEPTH
from newslint.engine.runner import Engine, RunOptions
from newslint.engine.source import InputError, NotAnArticle
from paths import DATA

NEWSROOM = DATA / "newsroom"


def read(name: str) -> tuple[str, model.Article]:
    text = (NEWSROOM / name).read_text(encoding="utf-8")
    return text, model.parse(name, text)


def blocks(article) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in article.blocks]


def file_slice(text: str, article, start: int, end: int) -> str:
    return text[article.file_offset(start):article.file_offset(end)]


def assert_placed(text: str, article) -> None:
    """Every character of the article's text stands in the file at its offset: as written, as the
    start of a reference (&#252; &amp;), or as the first of a whitespace run; the line break
    between two blocks where the first ends."""
    for index, character in enumerate(article.text):
        at = article.file_offset(index)
        if character == "\n":
            assert at == article.file_offset(index - 1) + 1 or text[article.file_offset(index - 1)] == "&"
            continue
        if character == " " and text[at].isspace():
            continue
        assert text[at] == character or text[at] == "&", (index, character, text[at:at + 10])
    offsets = article.source.offsets
    assert len(offsets) == len(article.text) + 1
    for block in article.blocks:  # a credit field may stand before the body in the file, so per block
        assert offsets[block.start:block.end + 1] == sorted(offsets[block.start:block.end + 1])
        for index in range(block.start, block.end + 1):  # and back from the file to the text
            assert article.text_offset(article.file_offset(index)) == index


def test_xml_and_nitf_files_are_one_format():
    assert format_of("a/b.XML") == format_of("c.nitf") == "xml"


def test_nitf_blocks_date_and_language_come_from_the_document():
    text, article = read("article.nitf")
    assert blocks(article) == [
        ("headline", "Zürich baut zehn Velorouten"),
        ("teaser", "Die Stadt will bis 2030 fünfzig Kilometer Vorzugsrouten für den Veloverkehr schaffen."),
        ("paragraph", "Zürich – Der Stadtrat hat am Dienstag (16. April) das Netz der Velovorzugsrouten vorgestellt."),
        ("paragraph", "„Wir wollen das sicherste Velonetz der Schweiz“, sagte die Vorsteherin des Tiefbauamts."),
        ("paragraph", "Die Kosten betragen 55\u00a0Millionen Franken."),
        ("paragraph", "(sda)"),  # the tagline, written as a credit line
    ]
    assert article.published == dt.date(2024, 4, 16)  # pubdata's date.publication before date.issue
    assert article.lang == "de-CH"
    for left_out in ("Lea Meier", "Keystone", "ist ist", "Nicht der Teaser"):
        assert left_out not in article.text
    assert_placed(text, article)
    teaser = article.teaser
    assert file_slice(text, article, teaser.start, teaser.end).endswith("f&uuml;r den Veloverkehr schaffen.")


def test_nitf_date_issue_and_title_are_the_fallbacks():
    document = """<nitf><head><title>Titel &amp; Untertitel</title><docdata><date.issue norm="20230105"/></docdata></head>
<body><body.content><p>Ein Absatz.</p></body.content></body></nitf>"""
    article = model.parse("a.nitf", document)
    assert blocks(article) == [("headline", "Titel & Untertitel"), ("paragraph", "Ein Absatz.")]
    assert article.published == dt.date(2023, 1, 5)
    assert article.lang == "de"  # none in the document: the configured one


def test_newsml_with_inline_nitf():
    text, article = read("newsml_nitf.xml")
    assert blocks(article)[:4] == [
        ("headline", "Neue Brücke über den Rhein eröffnet"),
        ("teaser", "Nach vier Jahren Bauzeit ist die Rheinbrücke in Köln fertig – und teurer als geplant."),
        ("paragraph", "Köln (dpa) – Die Oberbürgermeisterin hat am Freitag (1. März) die neue Brücke eröffnet. "
                      "„Ein großer Tag für Köln & die Region“, sagte sie."),
        ("paragraph", "Die Brücke kostete 48 Millionen Euro. Sie ist <500 m> lang & vierspurig."),  # CDATA as is
    ]
    assert ("subheading", "Kritik der Anwohner") in blocks(article)
    assert ("paragraph", "Text mit Link. Am Montag, 1. März 2024, war es ruhig.") in blocks(article)
    assert article.published == dt.date(2024, 3, 1)  # versionCreated, not contentCreated
    assert article.lang == "de"
    for left_out in ("Anna Schmidt", "\ndpa", "https://"):  # by, the bare creditline, markup
        assert left_out not in article.text
    assert_placed(text, article)
    headline = article.headline
    assert file_slice(text, article, headline.start, headline.end) == "Neue Brücke &#252;ber den Rhein eröffnet"
    nested = article.text.index("Text mit Link.")
    assert file_slice(text, article, nested, nested + len("Text mit Link.")) == (
        'Text <em>mit <a href="https://example.org/brücke">Link</a></em>.')


def test_newsml_message_reads_its_first_text_item_with_xhtml():
    text, article = read("newsml_xhtml.xml")
    assert blocks(article) == [
        ("headline", "Pjöngjang und Moskau schließen Pakt"),  # the body's <h1> repeats it: read once
        ("paragraph", "Pjöngjang – Russland und Nordkorea haben am Donnerstag (20. Juni) einen Beistandspakt "
                      "unterzeichnet."),
        ("subheading", "Reaktionen"),
        ("paragraph", "Der Kreml teilte mit, der Vertrag sei „historisch“. In Pjönjang feierten Tausende."),
        ("paragraph", "(AFP/dpa)"),  # the creditline, written as a credit line
    ]
    assert article.published == dt.date(2024, 6, 21)
    assert article.lang == "de-AT"  # the inline content's xml:lang
    assert "Nicht gelesen" not in article.text and "Foto" not in article.text
    assert_placed(text, article)


def test_newsml_falls_back_to_content_created_and_the_language_tag():
    document = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>
<contentCreated>2022-12-24T20:00:00Z</contentCreated><language tag="de-DE"/><headline>Bescherung</headline>
</contentMeta><contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Andere Zeile</h1>
<p>Es schneite.</p><ul><li>Erstens.</li></ul></body></html></inlineXML></contentSet></newsItem>"""
    article = model.parse("item.xml", document)
    assert article.published == dt.date(2022, 12, 24)
    assert article.lang == "de-DE"
    assert blocks(article) == [("headline", "Bescherung"), ("subheading", "Andere Zeile"),
                               ("paragraph", "Es schneite."), ("paragraph", "Erstens.")]


def test_positions_with_crlf_line_ends_and_umlauts_point_at_the_bytes_on_disk(tmp_path):
    text = (NEWSROOM / "newsml_nitf.xml").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.xml"
    path.write_bytes(text.encode("utf-8"))
    result = Engine(RunOptions(ignore=("grammar",))).check(str(path))
    assert result.error is None
    on_disk = path.read_bytes()
    lines = on_disk.split(b"\r\n")
    found = {d.rule: d for d in result.diagnostics}
    assert set(found) == {"date-consistency", "quote-attribution"}  # the other quote is suppressed
    for diagnostic, flagged in ((found["date-consistency"], "Montag"), (found["quote-attribution"], "„Das ist zu teuer.“")):
        assert text[diagnostic.start:diagnostic.end] == flagged
        assert len(text[:diagnostic.start].encode("utf-8")) == on_disk.index(flagged.encode("utf-8"))
        line = lines[diagnostic.line - 1].decode("utf-8")
        assert line[diagnostic.column - 1:].startswith(flagged)
        assert diagnostic.fix is None


def test_newsml_with_plain_text_inline_has_a_paragraph_per_line():
    document = ('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>Titel</headline>'
                '</contentMeta><contentSet><inlineXML contenttype="text/plain">\nErster Absatz &amp; mehr.\n\n'
                '  Zweiter Absatz.\n</inlineXML></contentSet></newsItem>')
    article = model.parse("plain.xml", document)
    assert blocks(article) == [("headline", "Titel"), ("paragraph", "Erster Absatz & mehr."),
                               ("paragraph", "Zweiter Absatz.")]
    assert_placed(document, article)


@pytest.mark.parametrize("document, reason", [
    ('<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>',
     "its root element is <project>"),
    ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url></urlset>',
     "its root element is <urlset>"),
    ('<rss version="2.0"><channel><title>Nachrichten</title><item><title>Eins</title></item></channel></rss>',
     "its root element is <rss>"),
    ('<project><unclosed></project>', "its root element is <project>"),  # the rest is not read
    ('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>Foto</headline></contentMeta>'
     '<contentSet><remoteContent href="https://example.org/a.jpg"/></contentSet></newsItem>', "without a text item"),
    ("<nitf><head><title> </title></head><body><body.content><media><media-caption>Bild</media-caption></media>"
     "</body.content></body></nitf>", "no headline or paragraph"),
])
def test_xml_of_another_kind_is_not_an_article(document, reason):
    with pytest.raises(NotAnArticle, match=reason):
        model.parse("other.xml", document)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE nitf [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>"""


def test_entity_expansion_is_refused_at_once():
    began = time.perf_counter()
    with pytest.raises(InputError, match=r"XML refused: it declares an entity 'lol'"):
        model.parse("bomb.xml", BILLION_LAUGHS)
    assert time.perf_counter() - began < 1


def test_external_entities_and_dtds_are_never_read(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("Geheimnis", encoding="utf-8")

    def no_network(*_args, **_kwargs):
        raise AssertionError("the reader went to the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    for declaration in (f'<!ENTITY xxe SYSTEM "file://{secret}">', '<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">'):
        document = f'<!DOCTYPE nitf [{declaration}]><nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>'
        with pytest.raises(InputError, match="XML refused: it declares an external entity 'xxe'") as raised:
            model.parse("xxe.xml", document)
        assert "Geheimnis" not in str(raised.value)
    parameter = ('<!DOCTYPE nitf [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
                 '<nitf><body><body.content><p>Text.</p></body.content></body></nitf>')
    with pytest.raises(InputError, match="XML refused: it declares an external entity 'remote'"):
        model.parse("pe.xml", parameter)
    # a document type naming an outside DTD, as NITF files do, is read without fetching it
    _text, article = read("article.nitf")
    assert article.headline.text == "Zürich baut zehn Velorouten"


def test_deep_and_huge_documents_are_refused(monkeypatch):
    deep = "<nitf>" + "<block>" * (MAX_DEPTH + 5) + "</block>" * (MAX_DEPTH + 5) + "</nitf>"
    with pytest.raises(InputError, match=f"XML refused: elements nested deeper than {MAX_DEPTH} levels"):
        model.parse("deep.xml", deep)
    monkeypatch.setattr(safe_xml, "MAX_NODES", 1000)  # the limit is a million: the same test, quicker
    within = "<nitf><body><body.content>" + "<p>x</p>" * 300 + "</body.content></body></nitf>"
    assert len(model.parse("within.xml", within).paragraphs) == 300
    for many in ("<nitf><body><body.content>" + "<p>x</p>" * 600 + "</body.content></body></nitf>",
                 "<nitf><body><body.content><p>" + "&#65;" * 1000 + "</p></body.content></body></nitf>"):
        with pytest.raises(InputError, match="XML refused: more than 1,000 elements and runs of text"):
            model.parse("many.xml", many)


@pytest.mark.parametrize("document, message", [
    ("<nitf>\n<body><p>offen</body>\n</nitf>", "malformed XML on line 2, column 17: mismatched tag"),
    ("<nitf><p>M&uuml;ller</p></nitf>", "malformed XML on line 1, column 11: undefined entity"),
    ("<nitf><p>Text</p></nitf><zweite/>", "malformed XML on line 1, column 25: junk after document element"),
    ("Kein XML, nur Text.", "malformed XML on line 1, column 1: syntax error"),
])
def test_malformed_xml_names_line_and_column(document, message):
    with pytest.raises(InputError, match=message):
        model.parse("broken.xml", document)
