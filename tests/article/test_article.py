"""The article model: blocks, prose and offsets of .txt and .md articles."""

import datetime as dt

import pytest
from newslint.article.model import parse
from newslint.engine.source import InputError

SAMPLE = "seeds/000_2f1474f60fdc96d6.txt"


def kinds(article):
    return [block.kind for block in article.blocks]


def test_sample_article_structure():
    with open(SAMPLE, encoding="utf-8") as handle:
        article = parse(SAMPLE, handle.read())
    assert kinds(article)[:4] == ["headline", "teaser", "paragraph", "paragraph"]
    assert article.blocks[2].text.startswith("Pjönjang – ")
    subheadings = [b.text for b in article.blocks if b.kind == "subheading"]
    assert subheadings == [
        "Abkommen zwischen Moskau und Pjöngjang: USA sehen Verstoß gegen UN-Sanktionen",
        "Als Antwort auf Waffenlieferungen an die Ukraine: Russland droht mit Präzisionswaffen für Nordkorea",
        "USA besorgt über Putins Besuch in Vietnam",
    ]
    assert article.blocks[-1].text.endswith("(erpe/dpa/AFP)")


def test_block_offsets_point_into_the_file():
    text = "Titel\nTeaser mit Satz.\n\n  Berlin – Ein Absatz.  \nZwischentitel\nNoch ein Absatz.\n"
    article = parse("a.txt", text)
    for block in article.blocks:
        assert text[block.start : block.end] == block.text
    assert kinds(article) == ["headline", "teaser", "paragraph", "subheading", "paragraph"]


def test_line_two_with_a_dateline_is_the_body_not_the_teaser():
    article = parse("a.txt", "Titel\nBerlin (dpa) – Ein Satz.\nNoch einer.\n")
    assert kinds(article) == ["headline", "paragraph", "paragraph"]


def test_positions_count_unicode_characters_from_one():
    text = "Überschrift\n„Zitat“ und Pjöngjang.\n"
    article = parse("a.txt", text)
    offset = text.index("Pjöngjang")
    assert article.position(offset) == (2, 13)
    assert article.position(0) == (1, 1)


def test_crlf_line_endings_keep_offsets():
    text = "Titel\r\nEin Absatz.\r\nZweiter Absatz.\r\n"
    article = parse("a.txt", text)
    assert [b.text for b in article.blocks] == ["Titel", "Ein Absatz.", "Zweiter Absatz."]
    assert article.position(text.index("Zweiter")) == (3, 1)



@pytest.mark.parametrize("break_", ["\r", "\r\n", "\n"])
def test_cr_lf_and_crlf_all_end_a_line(break_):
    text = break_.join(["Titel", "Berlin – Ein Absatz.", "", "Zweiter Absatz. (dpa)", ""])
    article = parse("a.txt", text)
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("headline", "Titel"), ("paragraph", "Berlin – Ein Absatz."), ("paragraph", "Zweiter Absatz. (dpa)")]
    assert article.position(text.index("Zweiter")) == (4, 1)
    assert article.position(text.index("Ein")) == (2, 10)
    assert article.text == text  # as on disk


def test_lone_cr_in_markdown_front_matter_and_body():
    text = "---\rtitle: Putin in Pjöngjang\r---\r\rErster Absatz.\r\r## Zwischentitel\rZweiter Absatz.\r"
    article = parse("a.md", text)
    assert article.meta.title == "Putin in Pjöngjang"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("headline", "Putin in Pjöngjang"), ("paragraph", "Erster Absatz."),
        ("subheading", "Zwischentitel"), ("paragraph", "Zweiter Absatz.")]
    assert article.position(text.index("Zweiter")) == (8, 1)
    assert len(article.prose) == len(text)

MARKDOWN = """---
title: "Putin in Pjöngjang"
teaser: Der Kreml-Chef reist weiter.
date: 2024-06-21
author: erpe
lang: de
---
# Ein Titel im Text

Der **Kreml-Chef** besucht [Pjöngjang](https://example.org/pjoengjang) und `code hier`.
![Bild](bilder/putin.jpg)

<!-- ein Kommentar mit Pjönjang -->
## Zwischentitel

- Erster Punkt, mit <span>HTML</span>.
- Zweiter Punkt.

```
Code mit Pjönjang
```

> Ein Zitat im Block,
> über zwei Zeilen.
"""


@pytest.fixture
def markdown_article():
    return parse("a.md", MARKDOWN)


def test_markdown_front_matter(markdown_article):
    meta = markdown_article.meta
    assert meta.title == "Putin in Pjöngjang"
    assert meta.date == dt.date(2024, 6, 21)
    assert markdown_article.published == dt.date(2024, 6, 21)
    assert meta.author == "erpe"
    assert markdown_article.headline.text == "Putin in Pjöngjang"
    assert markdown_article.teaser.text == "Der Kreml-Chef reist weiter."


def test_markdown_blocks_and_prose(markdown_article):
    article = markdown_article
    assert kinds(article) == ["headline", "teaser", "subheading", "paragraph", "subheading",
                              "paragraph", "paragraph", "paragraph"]
    paragraph = article.blocks[3].text
    assert "Kreml-Chef" in paragraph and "**" not in paragraph
    assert "example.org" not in paragraph and "Pjöngjang" in paragraph
    assert "code hier" not in paragraph and "bilder" not in article.prose
    assert "Pjönjang" not in article.prose  # neither the comment nor the code block
    assert "span" not in article.blocks[5].text
    assert article.blocks[-1].text.split() == "Ein Zitat im Block, über zwei Zeilen.".split()


def test_markdown_prose_has_the_length_and_lines_of_the_file(markdown_article):
    article = markdown_article
    assert len(article.prose) == len(article.text)
    assert article.prose.count("\n") == article.text.count("\n")
    for block in article.blocks:
        start, end = block.start, block.end
        assert article.prose[start:end] == block.text or block.kind in ("headline", "teaser")
        assert article.text[start] == article.prose[start]


def test_markdown_word_positions_are_positions_in_the_file(markdown_article):
    article = markdown_article
    word = next(w for w in article.words if w.text == "Pjöngjang" and w.start > MARKDOWN.index("# Ein"))
    assert article.text[word.start : word.end] == "Pjöngjang"
    line, column = article.position(word.start)
    assert MARKDOWN.split("\n")[line - 1][column - 1 :].startswith("Pjöngjang")


def test_markdown_without_front_matter_takes_the_first_heading_as_headline():
    article = parse("a.md", "# Titel\n\nEin Absatz.\n\n# Noch ein Titel\n")
    assert kinds(article) == ["headline", "paragraph", "subheading"]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("---\ntitle: x\nEin Absatz.\n", "no closing '---'"),
        ("---\ntitle: [unclosed\n---\nText.\n", "front matter, line 3: did not find"),
        ("---\n- a\n- b\n---\nText.\n", "expected 'key: value'"),
        ("---\ndate: 2024-13-45\n---\nText.\n", "line 2: date '2024-13-45' is not a date"),
        ("---\ntitle: !!python/object/apply:os.system ['true']\n---\nText.\n", "front matter"),
    ],
)
def test_broken_front_matter_is_an_input_error(text, reason):
    with pytest.raises(InputError, match=reason.replace("[", r"\[")):
        parse("a.md", text)


def test_front_matter_values_that_are_not_verbatim_are_not_blocks():
    article = parse("a.md", "---\ntitle: \"Ein \\\"Titel\\\"\"\n---\nText.\n")
    assert article.meta.title == 'Ein "Titel"'
    assert kinds(article) == ["paragraph"]
