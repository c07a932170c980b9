"""The JSON Lines reader (`.jsonl`, `.ndjson`): an article per line (ninjs or an export's record),
placed in its line of the file; a line that cannot be read is an error naming it."""

from __future__ import annotations

import pytest
from newslint.article import model
from newslint.article.formats.records import paragraph_spans
from newslint.audit.records import paragraphs
from newslint.engine.source import InputError, NotAnArticle
from paths import DATA

EXPORT = DATA / "ninjs" / "export.jsonl"  # a ninjs line, two records, a broken line, a blank line


def test_each_line_is_an_article_and_a_broken_line_an_error_in_its_place():
    text = EXPORT.read_text(encoding="utf-8")
    found = model.parse_each(str(EXPORT), text)
    assert len(found) == 4
    ninjs, kiew, broken, peking = found
    assert str(broken) == "line 3: invalid JSON: Unterminated string starting at (column 65)"
    assert isinstance(broken, InputError)
    assert [(b.kind, b.text) for b in ninjs.blocks][:2] == [
        ("headline", "Osterstau vor dem Gotthard"),
        ("paragraph", "Göschenen – Vor dem Gotthard-Strassentunnel stauten sich am Ostermontag die Autos auf 15 "
                      "Kilometern.")]
    assert ninjs.lang == "de-CH" and ninjs.published.isoformat() == "2024-04-01"
    assert [b.kind for b in kiew.blocks] == ["headline", "paragraph", "paragraph", "paragraph"]  # no teaser
    assert kiew.published.isoformat() == "2024-06-12" and kiew.meta.author == "Ben Cohn"
    assert peking.headline.text == "Handelsgespräche in Peking"
    for number, article in ((1, ninjs), (2, kiew), (5, peking)):
        assert article.file_text == text
        for block in article.blocks:
            line, column = article.position(block.start)
            assert line == number
            written = text.split("\n")[line - 1][column - 1:]
            assert written.startswith(block.text[0]) or written.startswith("\\u")


def test_names_are_checked_within_a_record_only():
    text = EXPORT.read_text(encoding="utf-8")
    kiew = model.parse_each(str(EXPORT), text)[1]
    assert "Peking" not in kiew.text and "Gotthard" not in kiew.text


def test_a_file_of_other_records_is_not_an_article_and_one_of_them_an_error():
    with pytest.raises(NotAnArticle, match="no line is a ninjs document or a record"):
        model.parse_each("data.jsonl", '{"prompt": "a", "completion": "b"}\n{"prompt": "c", "completion": "d"}\n')
    found = model.parse_each("mixed.ndjson", '{"prompt": "a"}\n{"headline": "Titel", "body": "Ein Satz. (dpa)"}\n')
    assert str(found[0]) == "line 1: neither a ninjs document nor a record with a headline and a body"
    assert found[1].headline.text == "Titel"


@pytest.mark.parametrize("line, message", [
    ('{"headline": "Titel", "body": "Text.", "date": "16.07.2024"}', "line 1: field 'date': \"16.07.2024\" is not a date"),
    ('{"headline": "Titel", "body": ""}', "line 1: no body (field 'body')"),
    ('{"headline": ["Titel"], "body": "Text."}', "line 1: field 'headline' should be text, found a list"),
    ("[" * 5000, "line 1: JSON nested too deeply"),
])
def test_a_record_that_cannot_be_read_says_why(line, message):
    found = model.parse_each("a.jsonl", line + '\n{"headline": "Gut", "body": "Ein Satz."}\n')
    assert str(found[0]).startswith(message)
    assert found[1].headline.text == "Gut"


def test_one_article_of_a_file_of_several_is_refused_by_parse():
    with pytest.raises(InputError, match="holds 4 records, one article per line"):
        model.parse(str(EXPORT), EXPORT.read_text(encoding="utf-8"))
    single = model.parse("one.jsonl", '{"headline": "Titel", "body": "Ein Satz."}\n')
    assert single.paragraphs[0].text == "Ein Satz."


@pytest.mark.parametrize("body, expected", [
    ("Erster Absatz mit\nZeilenumbruch.\n\nZweiter.", ["Erster Absatz mit Zeilenumbruch.", "Zweiter."]),
    ("Zeile eins.\nZeile zwei.\n", ["Zeile eins.", "Zeile zwei."]),
    ("\n\n  Nur einer.\n  Noch.  ", ["Nur einer.", "Noch."]),
])
def test_paragraphs_of_a_body_are_the_same_for_check_and_audit(body, expected):
    assert paragraphs(body) == expected
    assert [" ".join(body[start:end].split()) for start, end in paragraph_spans(body)] == expected


SIMPLE = ('{"id": "a1", "title": "Regierung tagt", "text": "Berlin (dpa) – Die Regierung tagte am Montag.", '
          '"date": "2024-06-17"}\n'
          '{"id": 7, "title": "Zweiter Artikel", "text": "Köln – Ein \\"Satz\\".\\n\\nNoch einer."}\n'
          '{"id": "a3", "title": "Ohne Text", "text": " "}\n')


def test_simple_records_of_title_and_text_are_articles_as_audit_reads_them():
    first, second, broken = model.parse_each("e.jsonl", SIMPLE)
    assert [(b.kind, b.text) for b in first.blocks] == [
        ("headline", "Regierung tagt"), ("paragraph", "Berlin (dpa) – Die Regierung tagte am Montag.")]
    assert first.published.isoformat() == "2024-06-17"
    assert [b.text for b in second.paragraphs] == ['Köln – Ein "Satz".', "Noch einer."]
    for number, article in ((1, first), (2, second)):
        for block in article.blocks:
            line, column = article.position(block.start)
            assert line == number
            assert SIMPLE.split("\n")[line - 1][column - 1:].startswith(block.text[:4])
    assert str(broken) == "line 3 (id a3): no body (field 'text')"


def test_a_data_set_of_titles_is_no_article():
    with pytest.raises(NotAnArticle, match="no line is a ninjs document or a record"):
        model.parse_each("links.jsonl", '{"title": "Startseite", "url": "https://example.org"}\n')


def test_a_record_s_id_is_named_when_it_cannot_be_read():
    found = model.parse_each("e.jsonl", '{"id": 42, "headline": "Titel", "date": "17.06.2024", "body": "Text."}\n'
                                        '{"headline": "Gut", "body": "Ein Satz."}\n')
    assert str(found[0]) == "line 1 (id 42): field 'date': \"17.06.2024\" is not a date (YYYY-MM-DD)"
