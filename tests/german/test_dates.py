"""Date expressions: what `newslint.german.dates` finds, with which values and offsets."""

import datetime as dt
import time

import pytest
from newslint.article.model import parse
from newslint.german.dates import days_in_month, placements


def _dates(sentence, lang="de", path="article.txt"):
    text = f"Titel\n{sentence}\n"
    article = parse(path, text, lang=lang)
    return text, article.dates


def _values(expression):
    return (expression.text, expression.day, expression.month, expression.year, expression.weekday,
            expression.relative, expression.shift, expression.direction)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Miller sprach am Donnerstag (20. Juni) in Washington.",
         ("Donnerstag (20. Juni)", 20, 6, None, 3, None, None, 0)),
        ("Die Wahl ist am Donnerstag, 20. Juni 2024.",
         ("Donnerstag, 20. Juni 2024", 20, 6, 2024, 3, None, None, 0)),
        ("Die Wahl ist am Donnerstag, den 20. Juni.",
         ("Donnerstag, den 20. Juni", 20, 6, None, 3, None, None, 0)),
        ("Am Donnerstagabend (20. Juni) kam es zu Protesten.",
         ("Donnerstagabend (20. Juni)", 20, 6, None, 3, None, None, 0)),
        ("Es geschah am 20. Juni, einem Donnerstag, in Kiel.",
         ("20. Juni, einem Donnerstag", 20, 6, None, 3, None, None, 0)),
        ("Es geschah am 20.06.2024 in Kiel.", ("20.06.2024", 20, 6, 2024, None, None, None, 0)),
        ("Es geschah am 20.6. in Kiel.", ("20.6.", 20, 6, None, None, None, None, 0)),
        ("Es geschah am Mittwoch (26.06) in Kiel.", ("Mittwoch (26.06)", 26, 6, None, 2, None, None, 0)),
        ("Am Sonnabend, dem 3. Jänner 2015, schneite es.",
         ("Sonnabend, dem 3. Jänner 2015", 3, 1, 2015, 5, None, None, 0)),
        ("Er kam am 1. Feber 2016 an.", ("1. Feber 2016", 1, 2, 2016, None, None, None, 0)),
        ("Die Frist endet am 20. Jan. 2025.", ("20. Jan. 2025", 20, 1, 2025, None, None, None, 0)),
        ("Das hatte er am gestrigen Mittwoch gesagt.",
         ("gestrigen Mittwoch", None, None, None, 2, "gestrigen", -1, 0)),
        ("Heute, Donnerstag, beginnt der Gipfel.",
         ("Heute, Donnerstag", None, None, None, 3, "Heute", 0, 0)),
        ("Gestern (19. Juni) war es ruhig.", ("Gestern (19. Juni)", 19, 6, None, None, "Gestern", -1, 0)),
        ("Er reist am kommenden Montag (24. Juni) ab.",
         ("kommenden Montag (24. Juni)", 24, 6, None, 0, "kommenden", None, 1)),
        ("Am vergangenen Freitag, dem 14. Juni, wurde gewählt.",
         ("vergangenen Freitag, dem 14. Juni", 14, 6, None, 4, "vergangenen", None, -1)),
        ("Er kommt am Freitag.", ("Freitag", None, None, None, 4, None, None, 0)),
    ],
)
def test_german_expressions(sentence, expected):
    text, found = _dates(sentence)
    assert [_values(expression) for expression in found] == [expected]
    expression = found[0]
    assert text[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The vote was on Thursday, June 20, 2024.",
         ("Thursday, June 20, 2024", 20, 6, 2024, 3, None, None, 0)),
        ("He spoke on Thursday (20 June) in Washington.",
         ("Thursday (20 June)", 20, 6, None, 3, None, None, 0)),
        ("It happened on June 20, a Thursday.", ("June 20, a Thursday", 20, 6, None, 3, None, None, 0)),
        ("He said so yesterday (Wednesday).",
         ("yesterday (Wednesday)", None, None, None, 2, "yesterday", -1, 0)),
        ("They meet next Monday (June 24).",
         ("next Monday (June 24)", 24, 6, None, 0, "next", None, 1)),
    ],
)
def test_english_expressions(sentence, expected):
    _, found = _dates(sentence, lang="en")
    assert [_values(expression) for expression in found] == [expected]


def test_english_weekday_of_another_event_stays_apart():
    _, found = _dates("The summit ended on June 20, Friday's talks follow.", lang="en")
    assert [(expression.text, expression.weekday) for expression in found] == [
        ("June 20", None), ("Friday", 4)
    ]


def test_english_forms_are_not_read_in_a_german_article():
    _, found = _dates("The vote was on Thursday, June 20, 2024.")
    assert found == ()


def test_weekday_span_covers_the_weekday_word():
    text, found = _dates("Am Mittwochabend, den 19. Juni, kam es zu Protesten.")
    start, end = found[0].weekday_span
    assert text[start:end] == "Mittwochabend"
    start, end = found[0].date_span
    assert text[start:end] == "19. Juni"


@pytest.mark.parametrize(
    "sentence, texts",
    [
        # the weekday belongs to another event than the date
        ("Miller sagte am Donnerstag, das Treffen vom 20. Juni sei gescheitert.", ["Donnerstag", "20. Juni"]),
        ("Am Donnerstag wurde bekannt, dass am 20. Juni gewählt wird.", ["Donnerstag", "20. Juni"]),
        ("Bis zum 20. Juni. Am Freitag folgt der Rest.", ["20. Juni", "Freitag"]),
        ("Der Gipfel endete am 20. Juni, Freitag geht es weiter.", ["20. Juni", "Freitag"]),
        ("Donnerstag und Freitag (20. und 21. Juni) wird verhandelt.", ["Donnerstag", "Freitag", "21. Juni"]),
        # a surname, not a relative reference
        ("Das sagte gestern Freitag im Landtag.", ["Freitag"]),
        # not dates
        ("Um 14.30 Uhr lag die Rate bei 1.20.5 und der Server bei 192.168.1.1.", []),
        ("Er wurde am 20. Spieltag eingewechselt, 3.000 Fans jubelten.", []),
        ("Sonntags ist das Freitagsgebet nicht.", []),
        ("Version 2.6.32 und 10.13. Platz.", []),
    ],
)
def test_what_does_not_belong_together_stays_apart(sentence, texts):
    _, found = _dates(sentence)
    assert [expression.text for expression in found] == texts
    assert all(expression.day is None or expression.weekday is None for expression in found)


def test_markdown_offsets_are_offsets_in_the_file():
    text = "---\ntitle: Test\ndate: 2024-06-21\n---\nAm Donnerstag (20. Juni) kam er.\n"
    article = parse("a.md", text)
    (expression,) = article.dates
    assert text[expression.start : expression.end] == "Donnerstag (20. Juni)"


def test_dates_in_code_are_not_read():
    text = "# Titel\n\nIm Text steht `Freitag (20. Juni)` als Code.\n"
    assert parse("a.md", text).dates == ()


@pytest.mark.parametrize(
    "month, year, days",
    [(2, 2023, 28), (2, 2024, 29), (2, 1900, 28), (2, 2000, 29), (2, None, 29), (4, 2024, 30), (12, None, 31)],
)
def test_days_in_month(month, year, days):
    assert days_in_month(month, year) == days


@pytest.mark.parametrize(
    "day, month, published, expected",
    [
        (29, 12, dt.date(2024, 1, 3), dt.date(2023, 12, 29)),
        (2, 1, dt.date(2023, 12, 28), dt.date(2024, 1, 2)),
        (20, 6, dt.date(2024, 6, 21), dt.date(2024, 6, 20)),
        (29, 2, dt.date(2023, 12, 1), dt.date(2024, 2, 29)),
    ],
)
def test_placements_start_with_the_nearest_year(day, month, published, expected):
    assert placements(day, month, published)[0] == expected


def test_no_29_february_around_a_year_without_leap_years_near():
    assert placements(29, 2, dt.date(2022, 6, 1)) == []


@pytest.mark.parametrize(
    "line",
    ["1" * 100_000, "1." * 50_000, "Montag" * 20_000, "20. " * 25_000, "gestern, " * 12_000,
     "20.6." * 20_000, "Donnerstag, den " * 7_000, "(20.06" * 20_000, " " * 100_000],
)
def test_long_repetitive_lines_take_no_time(line):
    # backtracking that grew with the square of the length would take minutes here
    started = time.perf_counter()
    found = parse("a.txt", f"Titel\n{line}\n").dates
    assert isinstance(found, tuple)
    assert time.perf_counter() - started < 2.0
