"""Simple front matter is read without YAML, with the same values, places and errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslint.article import frontmatter
from newslint.engine.source import InputError


def outcome(text, fast):
    """What parse_front_matter gives, with (fast) or without the path for simple front matter."""
    saved = frontmatter._simple_pairs
    if not fast:
        frontmatter._simple_pairs = lambda source: None
    try:
        return "ok", frontmatter.parse_front_matter(text)
    except InputError as error:
        return "error", str(error)
    finally:
        frontmatter._simple_pairs = saved


@pytest.mark.parametrize(
    "lines, simple",
    [
        (['title: "Raketentest in Nordkorea"', "date: 2024-06-21"], True),
        (["title: Raketentest in Nordkorea", "teaser: Pjöngjang testet erneut.", "lang: de"], True),
        (["title: 'Kiews Bürgermeister (parteilos) warnt'", "author: Anna Schmidt"], True),
        (['title: ""', "date: 2024-13-40"], True),  # an empty title; a date that is none
        (["date: 0000-00-00"], True),
        (['title: "Er sagte: „Wir kommen.“"'], True),
        (["title: Yes"], False),  # YAML reads it as true
        (["title: null"], False),
        (["on: Montag"], False),
        (["title: 2024"], False),  # a number
        (["title: Wort: mit Doppelpunkt"], False),
        (['title: "mit \\"Escape\\""'], False),
        (["title: Wort # Kommentar"], False),
        (["title: [Liste]"], False),
        (["title: eins", "title: zwei"], False),  # a key given twice
        (["title:\tTab"], False),
        ([], False),
    ],
)
def test_simple_front_matter_reads_as_yaml_does(lines, simple):
    text = "---\n" + "".join(line + "\n" for line in lines) + "---\nText.\n"
    source = text[4 : text.index("---\nText")]
    assert (frontmatter._simple_pairs(source) is not None) == simple
    assert outcome(text, fast=True) == outcome(text, fast=False)


def test_places_of_simple_values_are_places_in_the_file():
    text = '---\ntitle: "Raketentest in Nordkorea"\nteaser: Pjöngjang testet.\n---\nText.\n'
    result = frontmatter.parse_front_matter(text)
    start, end = result.spans["title"]
    assert text[start:end] == "Raketentest in Nordkorea"
    start, end = result.spans["teaser"]
    assert text[start:end] == "Pjöngjang testet."


KEYS = st.sampled_from(["title", "teaser", "date", "author", "lang", "tags", "on", "Null", "x_y"])
VALUES = st.one_of(
    st.sampled_from(['"Ein Titel"', "'Ein Titel'", "Ein Titel", "2024-06-21", "2024-02-30", "yes",
                     "~", '""', "'it''s'", "Wort: mit", "Ä (b), c!", "0123", "1.5", "Über „Zitat“",
                     "-Liste", "{a: b}", "'a' b", "abc   "]),
    st.text(alphabet="aZ ä:#'\"-,.!?()[]{}&*|>%@`\\\t0123456789–„“", max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(KEYS, st.sampled_from([" ", "  ", ""]), VALUES), max_size=4))
def test_any_front_matter_reads_as_yaml_does(pairs):
    text = "---\n" + "".join(f"{key}:{gap}{value}\n" for key, gap, value in pairs) + "---\nText.\n"
    assert outcome(text, fast=True) == outcome(text, fast=False)
