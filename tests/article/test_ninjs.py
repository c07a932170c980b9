"""The ninjs reader (`.json`): blocks, metadata and positions in the file, through JSON escapes and
the markup and character references of an HTML body; and JSON that is no article or is broken."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslint.article import model
from newslint.article.formats import jsontext
from newslint.engine.source import InputError, NotAnArticle
from paths import DATA

WIRE = DATA / "ninjs" / "wire-1.x.json"  # ninjs 1.x: escapes, body_html with entities and nested markup
AGENCY = DATA / "ninjs" / "agency-2.x.json"  # ninjs 2.x: headlines, descriptions, a plain-text body


def read(path):
    text = path.read_text(encoding="utf-8")
    return text, model.parse(str(path), text)


def written_as(file_text: str, offset: int, character: str) -> bool:
    """Whether the file writes `character` at `offset`: as itself, as a JSON escape, as an HTML
    character reference (in JSON escapes or not), or — for the space and line break the article
    puts between words and blocks — as white space, markup or the end of a JSON string."""
    rest = file_text[offset:offset + 40]
    if rest.startswith(character):
        return True
    if rest.startswith("\\"):
        escape = rest[:12] if rest.startswith("\\ud") else rest[:6] if rest.startswith("\\u") else rest[:2]
        decoded = json.loads(f'"{escape}"')
        return decoded == character or (character in " \n" and decoded.isspace())
    if rest.startswith("&"):
        return html.unescape(rest[:rest.index(";") + 1]) == character
    return character in " \n" and (rest[0].isspace() or rest[0] in '<"')


def test_a_ninjs_1_article_has_its_headline_teaser_and_html_body():
    _text, article = read(WIRE)
    kinds = [(block.kind, block.text) for block in article.blocks]
    assert kinds[0] == ("headline", "Neue Rheinbrücke in Köln eröffnet")  # written with \u escapes
    assert kinds[1] == ("teaser", "Nach vier Jahren Bauzeit ist die Brücke frei – für Autos, Räder und die Stadtbahn.")
    assert kinds[2] == ("paragraph", "Köln (dpa) – Die Oberbürgermeisterin hat am Donnerstag (20. Juni) die neue "
                                     "Brücke eröffnet. „Das ist ein großer Tag für die Stadt“, sagte sie.")
    assert kinds[3] == ("subheading", "Kosten & Termine")
    assert kinds[4] == ("paragraph", "Die Brücke kostete 48 Millionen Euro – mehr als geplant. Der Stadtrat nannte "
                                     "die Planung \"mutig\".")
    assert kinds[5] == ("paragraph", "„Wir haben lange darauf gewartet.")  # nested <strong><em>
    assert len(kinds) == 7
    assert article.published.isoformat() == "2024-06-20"  # versioncreated, not firstcreated
    assert article.lang == "de"
    assert article.meta.author == "Von Anna Berg, dpa"
    assert "Anna Berg" not in article.text  # the byline is no credit line, `located` no dateline


def test_a_ninjs_2_article_takes_the_main_headline_the_summary_and_the_plain_body():
    _text, article = read(AGENCY)
    kinds = [(block.kind, block.text) for block in article.blocks]
    assert kinds[0] == ("headline", "Lawine im Ötztal: Skitourengeher unverletzt geborgen")
    assert kinds[1] == ("teaser", "Die Bergrettung war mit 40 Leuten im Einsatz.")  # not the caption
    assert kinds[2] == ("paragraph", "Sölden – Ein Skitourengeher ist am Sonntag im Ötztal von einer Lawine "
                                     "mitgerissen worden. Der 34-Jährige konnte sich nach Angaben der Polizei selbst "
                                     "befreien.")  # a line break inside a paragraph is a space
    assert [kind for kind, _text in kinds[3:]] == ["paragraph"] * 3
    assert kinds[-1][1].endswith("(APA)")
    assert article.published.isoformat() == "2024-03-10"  # firstcreated: there is no versioncreated
    assert article.lang == "de-AT"
    assert "Hubschrauber" not in article.text


@pytest.mark.parametrize("path", [WIRE, AGENCY], ids=["1.x", "2.x"])
def test_every_character_of_the_article_is_placed_where_the_file_writes_it(path):
    text, article = read(path)
    assert article.file_text == text
    assert len(article.source.offsets) == len(article.text) + 1
    for index, character in enumerate(article.text):
        assert written_as(text, article.file_offset(index), character), (index, character)
    for block in article.blocks:  # a block ends where its last character ends in the file
        end = article.file_offset(block.end)
        assert written_as(text, article.file_offset(block.end - 1), block.text[-1])
        assert text[end] in '"<\\ &' or text[end].isspace()


def test_escaped_and_referenced_characters_span_their_escape_in_the_file():
    text, article = read(WIRE)
    eszett = article.text.index("ß")
    assert text[article.file_offset(eszett):article.file_offset(eszett + 1)] == "&szlig;"
    umlaut = article.text.index("ü")
    assert text[article.file_offset(umlaut):article.file_offset(umlaut + 1)] == "\\u00fc"
    quote = article.text.index('"mutig"')
    assert text[article.file_offset(quote):article.file_offset(quote + 7)] == '\\"mutig\\"'
    line, column = article.position(article.text.index("Kosten"))
    assert text.split("\n")[line - 1][column - 1:].startswith("Kosten &amp; Termine")


def test_ninjs_3_camel_case_and_an_html_entry_of_bodies():
    document = {"uri": "urn:x", "versionCreated": "2025-01-07T09:00:00Z", "language": "de",
                "bylines": [{"byline": "Anna Berg", "role": "author"}, {"byline": "Ben Cohn"}],
                "headlines": [{"value": "Titel"}],
                "bodies": [{"role": "main", "contentType": "text/plain", "value": "Nur Text."},
                           {"role": "html", "contentType": "text/html", "value": "<p>Erster &bdquo;Absatz&ldquo;.</p>"}]}
    article = model.parse("a.json", json.dumps(document))
    assert [(b.kind, b.text) for b in article.blocks] == [("headline", "Titel"), ("paragraph", "Erster „Absatz“.")]
    assert article.published.isoformat() == "2025-01-07"
    assert article.meta.author == "Anna Berg, Ben Cohn"


def test_white_space_around_the_document_keeps_positions():
    text = '\n\n  {"headline": "Titel", "body_text": "Ein Satz."}\n'
    article = model.parse("a.json", text)
    assert article.position(article.paragraphs[0].start) == (3, text.split("\n")[2].index("Ein") + 1)


def test_an_html_body_without_markup_is_read_as_text():
    article = model.parse("a.json", '{"headline": "Titel", "body_html": "Erster Absatz.\\n\\nZweiter &amp; letzter."}')
    assert [b.text for b in article.paragraphs] == ["Erster Absatz.", "Zweiter &amp; letzter."]


def test_html_without_paragraph_tags_is_one_paragraph():
    text = ('{"headline": "T", "description_html": "Der <b>B\\u00fcrgermeister</b> er&ouml;ffnet.", '
            '"body_html": "Erste Zeile.<br>Zweite Zeile. <p>Absatz.</p>"}')
    article = model.parse("a.json", text)
    assert article.teaser.text == "Der Bürgermeister eröffnet."
    assert [b.text for b in article.paragraphs] == ["Erste Zeile. Zweite Zeile.", "Absatz."]
    assert text[article.file_offset(article.teaser.start):].startswith("Der <b>")
    assert text[article.file_offset(article.paragraphs[0].start):].startswith("Erste")


@pytest.mark.parametrize("document, why", [
    ('{"name": "newslint", "version": "1.0.0", "dependencies": {}}', "not a ninjs document"),
    ('{"uri": "urn:x", "type": "picture", "headline": "Ein Foto", "renditions": {}}', "without a text body"),
    ('[{"headline": "Titel"}]', "not a ninjs document"),
    ('"Titel"', "not a ninjs document"),
    ('{"headline": "Titel", "body": "Ein Satz."}', "not a ninjs document"),  # a record: JSON Lines only
    ('{"headline": "Titel", "body_html": "<script>var a = 1;</script>"}', "holds no paragraph"),
])
def test_json_that_is_no_ninjs_article_is_not_an_article(document, why):
    with pytest.raises(NotAnArticle, match=why):
        model.parse("package.json", document)


@pytest.mark.parametrize("document, message", [
    ('{\n  "headline": "Titel"\n  "body_text": "Text."\n}', "invalid JSON: Expecting ',' delimiter (line 3, column 3)"),
    ('{"headline": "Tit', "invalid JSON: Unterminated string starting at (line 1, column 14)"),
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply (more than 100 levels)"),
    ('{"headline": "T", "body_text": "x", "x": ' + "[" * 150 + "]" * 150 + "}",
     "JSON nested too deeply (more than 100 levels)"),
])
def test_broken_or_hostile_json_is_an_input_error_that_says_where(document, message):
    with pytest.raises(InputError) as raised:
        model.parse("a.json", document)
    assert not isinstance(raised.value, NotAnArticle)
    assert str(raised.value) == message


def test_a_large_document_is_read():
    body = "\\n\\n".join(f"Absatz {n} über die Brücke." for n in range(20_000))
    article = model.parse("big.json", '{"headline": "Titel", "body_text": "' + body + '"}')
    assert len(article.paragraphs) == 20_000
    last = article.paragraphs[-1]
    assert article.source.text[article.file_offset(last.start):].startswith("Absatz 19999 über")


@given(st.text(), st.booleans())
def test_each_decoded_character_is_placed_at_itself_or_its_escape(value, ascii_only):
    literal = json.dumps(value, ensure_ascii=ascii_only)
    text = '{"k": ' + literal + "}"
    located = jsontext.located(text)["k"]
    placed = jsontext.placed(text, located)
    assert placed.text == value
    assert len(placed.offsets) == len(value) + 1
    assert placed.offsets[-1] == len(text) - 2  # the closing quotation mark
    for index, character in enumerate(value):
        offset = placed.offsets[index]
        width = placed.offsets[index + 1] - offset
        assert json.loads('"' + text[offset:offset + width] + '"') == character


_KEYS = st.sampled_from(["headline", "headlines", "description_text", "description_html", "descriptions",
                         "body_text", "body_html", "body_xhtml", "bodies", "value", "role", "contenttype",
                         "contentType", "versioncreated", "firstcreated", "language", "byline", "by", "bylines",
                         "located", "body", "type"])
_TEXTS = st.text(alphabet=st.sampled_from('aä „“"\\\n<p></p>&amp;&#252;<br>\u2028'), max_size=30)
_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | _TEXTS,
                       lambda children: st.lists(children, max_size=3) | st.dictionaries(_KEYS, children, max_size=4),
                       max_leaves=12)


_BODIES = st.sampled_from(["body_text", "body_html", "description_html", "descriptions", "bodies", "headlines"])
_ENTRIES = st.lists(st.fixed_dictionaries({"value": _TEXTS}, optional={"role": st.sampled_from(["main", "html"]),
                                                                        "contenttype": st.just("text/html")}),
                    max_size=3)


@given(st.dictionaries(_KEYS, _VALUES, max_size=6), st.dictionaries(_BODIES, _TEXTS | _ENTRIES, max_size=3),
       st.booleans())
def test_any_json_is_an_article_placed_in_the_file_or_an_input_error(document, ninjs, ascii_only):
    text = json.dumps({"headline": "Titel", **document, **ninjs}, ensure_ascii=ascii_only, indent=1)
    for path in ("a.json", "a.jsonl"):
        try:
            found = model.parse_each(path, text.replace("\n", " ") if path.endswith("l") else text)
        except InputError:
            continue
        for article in found:
            if isinstance(article, InputError):
                continue
            assert len(article.source.offsets) == len(article.text) + 1
            assert all(0 <= offset <= len(article.source.text) for offset in article.source.offsets)
            for block in article.blocks:
                assert block.text == article.text[block.start:block.end] and block.text.strip() == block.text
