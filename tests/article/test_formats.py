"""The article formats: their list of suffixes, and the HTML reader's blocks and positions."""

from __future__ import annotations

import pytest
from newslint.article import model
from newslint.article.formats import FORMATS, SUFFIXES, format_of, unknown_format
from newslint.engine.source import NotAnArticle

PAGE = """<!DOCTYPE html>
<html><head><title>Titel</title><style>p { color: red }</style>
<script>var s = "Das ist ist falsch.";</script></head>
<body><nav><p>Startseite Menü</p></nav>
<article>
<h1>Bürgermeister eröffnet Brücke &amp; Weg</h1>
<p>Köln – Der Bürgermeister hat die <em>neue</em> Brücke eröffnet. „Ein großer Tag“, sagte er.</p>
<h2>Kosten</h2>
<p>Die Brücke kostete
12 Millionen Euro.</p>
<p>(dpa)</p>
</article>
<footer><p>Impressum</p></footer>
</body></html>
"""


def test_every_suffix_names_one_format():
    assert len(SUFFIXES) == len(set(SUFFIXES))
    assert format_of("a/B.HTML") == "html"
    assert format_of("x.md") == "markdown"
    assert format_of("x.txt") == "plain"
    assert format_of("x.pdf") is None
    assert set(FORMATS) >= {"plain", "markdown", "html"}


def test_unknown_suffix_is_named_and_no_suffix_is_plain_text():
    assert "unknown file type '.pdf'" in unknown_format("dir/report.pdf")
    assert unknown_format("dir/article") is None
    assert unknown_format("dir/.hidden") is None
    assert unknown_format("page.htm") is None


def test_html_blocks_come_from_the_article_only():
    article = model.parse("page.html", PAGE)
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert kinds[0] == ("headline", "Bürgermeister eröffnet Brücke       Weg")
    assert kinds[1][0] == "paragraph" and kinds[1][1].startswith("Köln – Der Bürgermeister hat die ")
    assert ("subheading", "Kosten") in kinds
    assert kinds[-1] == ("paragraph", "(dpa)")
    texts = " ".join(text for _kind, text in kinds)
    assert "Menü" not in texts and "Impressum" not in texts and "ist ist" not in texts
    assert "ist ist" not in article.prose and "color" not in article.prose


def test_html_positions_point_into_the_file():
    article = model.parse("page.html", PAGE)
    assert len(article.prose) == len(PAGE)
    for block in article.blocks:
        assert PAGE[block.start:block.end].replace("&amp;", "     ") .startswith(block.text[:10])
    offset = PAGE.index("„Ein")
    assert article.prose[offset] == "„"
    line, column = article.position(offset)
    assert PAGE.split("\n")[line - 1][column - 1] == "„"
    markup = PAGE.index("<em>")
    assert article.prose[markup:markup + 4] == "    "


def test_html_without_article_element_reads_the_page():
    page = "<html><body>\n<h1>Titel</h1>\n<p>Erster Absatz.</p>\n<h1>Zweite Überschrift</h1>\n</body></html>"
    article = model.parse("p.htm", page)
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("headline", "Titel"), ("paragraph", "Erster Absatz."), ("subheading", "Zweite Überschrift")]


def test_html_with_crlf_keeps_positions():
    page = "<html>\r\n<body>\r\n<h1>Titel</h1>\r\n<p>Ein Satz.</p>\r\n</body></html>"
    article = model.parse("p.html", page)
    paragraph = article.blocks[1]
    assert page[paragraph.start:paragraph.end] == "Ein Satz."
    assert article.position(paragraph.start) == (4, 4)


@pytest.mark.parametrize("page, paragraph", [
    ("<p>" * 100_000 + "Text", "Text"),
    ("<html><body><p>nie geschlossen", "nie geschlossen"),
    ("<p>Erster<p>Zweiter</p>", "Erster"),
    ("\x00\x01<p>binär</p>", "binär"),
])
def test_hostile_html_is_read_without_failing(page, paragraph):
    article = model.parse("bad.html", page)
    assert len(article.prose) == len(page)
    assert article.blocks[0].text == paragraph


def test_html_entities_are_never_expanded():
    page = "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><p>&b;&b;</p>"
    with pytest.raises(NotAnArticle, match="no headline or paragraph"):  # the entities are blanked: no text
        model.parse("bad.html", page)
    assert "aaaa" not in model.parse("ok.html", page.replace("</p>", " Text</p>")).blocks[0].text


def test_html_date_and_language_come_from_the_page():
    page = ('<html lang="de-AT"><head><meta property="article:published_time" content="2024-03-01T10:00:00+01:00">'
            '</head><body><h1>Titel</h1><p>Am Freitag, 1. März 2024, regnete es.</p></body></html>')
    article = model.parse("p.html", page)
    assert article.published.isoformat() == "2024-03-01"
    assert article.lang == "de-AT"
    assert model.parse("p.html", '<p><time datetime="kein Datum">x</time></p>').published is None
