"""The date-consistency rule: weekdays, dates and the publication date agree."""

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from newslint.article.model import parse
from newslint.engine.testing import assert_findings, findings
from newslint.german.dates import WEEKDAYS_DE, WEEKDAYS_EN
from newslint.rules.date_consistency import Options, check
from paths import SAMPLE

RULE = "date-consistency"
MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
             "Oktober", "November", "Dezember")


def _article(sentence: str) -> str:
    return f"Gipfel in Berlin\nBerlin – {sentence}\n"


def _check(text, published=None, lang="de", **options):
    article = parse("article.txt", text, published=published, lang=lang)
    return list(check(article, Options(**options)))


# -- table-driven cases -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, published, flagged",
    [
        # a wrong weekday, the year from the publication date or written
        ("Miller sprach am Mittwoch (20. Juni) in Washington.", "2024-06-21", "Mittwoch"),
        ("Die Wahl ist am Freitag, 20. Juni 2024.", None, "Freitag"),
        ("Die Wahl ist am Freitag, den 20.06.2024.", None, "Freitag"),
        ("Es geschah am 20. Juni, einem Mittwoch, in Kiel.", "2024-06-21", "Mittwoch"),
        ("Am Mittwochabend (20. Juni) kam es zu Protesten.", "2024-06-21", "Mittwochabend"),
        ("Am Sonntag, dem 3. Januar 2015, schneite es.", None, "Sonntag"),
        # an article of early January: "29. Dezember" is the previous year's (a Friday in 2023)
        ("Am Samstag (29. Dezember) schneite es.", "2024-01-03", "Samstag"),
        # dates that do not exist
        ("Die Frist endet am 31. April.", "2024-06-21", "31. April"),
        ("Die Frist endet am 31.04.2024.", None, "31.04.2024"),
        ("Die Frist endete am 29. Februar 2023.", None, "29. Februar 2023"),
        # relative references against the publication date (2024-06-21 is a Friday)
        ("Das hatte er am gestrigen Mittwoch gesagt.", "2024-06-21", "Mittwoch"),
        ("Heute, Donnerstag, beginnt der Gipfel.", "2024-06-19", "Donnerstag"),
        ("Er reist am kommenden Montag (24. Juni) ab.", "2024-06-25", "kommenden Montag (24. Juni)"),
        ("Am vergangenen Freitag (28. Juni) wurde gewählt.", "2024-06-21", "vergangenen Freitag (28. Juni)"),
        ("Gestern (19. Juni) war es ruhig.", "2024-06-21", "Gestern (19. Juni)"),
    ],
)
def test_flagged(sentence, published, flagged):
    (finding,) = findings(_article(sentence), rule=RULE, published=published)
    column = len("Berlin – ") + sentence.index(flagged) + 1
    assert (finding.line, finding.column, finding.end_column) == (2, column, column + len(flagged))


@pytest.mark.parametrize(
    "sentence, published",
    [
        ("Miller sprach am Donnerstag (20. Juni) in Washington.", "2024-06-21"),
        ("Miller sprach am Donnerstag (20. Juni) in Washington.", None),
        ("Die Wahl ist am Donnerstag, 20. Juni 2024.", None),
        ("Es geschah am 20. Juni, einem Donnerstag, in Kiel.", "2024-06-21"),
        ("Am Sonnabend, dem 3. Jänner 2015, schneite es.", None),
        ("Am Freitag (29. Dezember) schneite es.", "2024-01-03"),
        ("Am Dienstag (2. Januar) schneite es.", "2023-12-28"),
        ("Die Frist endete am 29. Februar 2024.", None),
        ("Die Frist endet am 30. April.", "2024-06-21"),
        ("Das hatte er am gestrigen Donnerstag gesagt.", "2024-06-21"),
        ("Heute, Mittwoch, beginnt der Gipfel.", "2024-06-19"),
        ("Er reist am kommenden Montag (24. Juni) ab.", "2024-06-21"),
        ("Am vergangenen Freitag (14. Juni) wurde gewählt.", "2024-06-21"),
        ("Gestern (20. Juni) war es ruhig.", "2024-06-21"),
        # relative references need a publication date
        ("Das hatte er am gestrigen Mittwoch gesagt.", None),
        # the weekday belongs to one event, the date to another
        ("Miller sagte am Mittwoch, das Treffen vom 20. Juni sei gescheitert.", "2024-06-21"),
        ("Am Mittwoch wurde bekannt, dass am 20. Juni gewählt wird.", "2024-06-21"),
        ("Mittwoch und Freitag (19. und 21. Juni) wird verhandelt.", "2024-06-21"),
        # a weekday far from publication may be the other year's: 15 December is a Friday in 2023
        ("Am Freitag (15. Dezember) war das noch anders.", "2024-06-21"),
    ],
)
def test_passes(sentence, published):
    assert_findings(_article(sentence), [], rule=RULE, published=published)


def test_message_names_the_dates_weekday_and_suggests_it():
    (finding,) = findings(_article("Am Mittwochabend (20. Juni) kam es zu Protesten."), rule=RULE,
                          published="2024-06-21")
    assert finding.message == ("20 June 2024 (year from the publication date) is a Thursday, "
                               "not a Wednesday: write „Donnerstagabend“")
    assert finding.suggestion == "Donnerstagabend"
    assert (finding.line, finding.column, finding.end_column) == (2, 13, 26)


def test_relative_message_counts_from_publication():
    (finding,) = findings(_article("Das hatte er am gestrigen Mittwoch gesagt."), rule=RULE,
                          published="2024-06-21")
    assert "yesterday, counted from publication on 21 June 2024, is Thursday 20 June" in finding.message
    assert finding.suggestion == "Donnerstag"


def test_impossible_date_message():
    (finding,) = findings(_article("Die Frist endet am 31. April."), rule=RULE)
    assert finding.message == "„31. April“ does not exist: April has 30 days"


def test_check_relative_can_be_turned_off():
    text = _article("Das hatte er am gestrigen Mittwoch gesagt.")
    assert_findings(text, [], rule=RULE, published="2024-06-21", check_relative=False)


def test_the_sample_article_without_publication_date_has_nothing_to_report():
    text = SAMPLE.read_text(encoding="utf-8")
    assert _check(text) == []
    assert _check(text, published=dt.date(2024, 6, 21)) == []
    (finding,) = _check(text, published=dt.date(2025, 6, 21))
    assert finding.suggestion == "Freitag"


def test_front_matter_date_is_the_publication_date():
    text = "---\ntitle: Gipfel\ndate: 2024-06-21\n---\nAm Mittwoch (20. Juni) sprach Miller.\n"
    assert [d.suggestion for d in findings(text, rule=RULE, path="a.md")] == ["Donnerstag"]


# -- without year and publication date: what the article contradicts itself --------------------


def test_same_date_with_two_weekdays():
    text = ("Gipfel\nBerlin – Am Donnerstag (20. Juni) sprach Miller.\n"
            "Lam antwortete am Freitag (20. Juni).\n")
    (finding,) = assert_findings(text, [(3, 19, RULE)], rule=RULE)
    assert finding.message == (
        "line 2 gives 20 June as a Thursday („Donnerstag (20. Juni)“): write „Donnerstag“"
    )


def test_same_date_with_two_weekdays_far_from_publication():
    # 15 December is a Friday in 2023 and a Sunday in 2024: either alone would pass
    text = ("Gipfel\nBerlin – Am Freitag (15. Dezember) sprach Miller.\n"
            "Lam antwortete am Sonntag (15. Dezember).\n")
    (finding,) = assert_findings(text, [(3, 19, RULE)], rule=RULE, published="2024-06-21")
    assert finding.suggestion == "Freitag"


def test_weekdays_that_cannot_both_be_right():
    text = ("Gipfel\nBerlin – Am Donnerstag (20. Juni) sprach Miller.\n"
            "Am Freitag (22. Juni) antwortete Lam.\nAm Sonntag (23. Juni) reiste er ab.\n")
    (finding,) = assert_findings(text, [(3, 4, RULE)], rule=RULE)
    assert finding.suggestion == "Samstag"


def test_the_weekday_most_others_agree_with_is_the_reference():
    text = ("Gipfel\nBerlin – Am Mittwoch (20. Juni) sprach Miller.\n"
            "Am Samstag (22. Juni) antwortete Lam.\nAm Sonntag (23. Juni) reiste er ab.\n")
    assert_findings(text, [(2, 13, RULE)], rule=RULE)


def test_an_explicit_year_places_the_dates_without_one():
    text = ("Gipfel\nBerlin – Am Donnerstag, 20. Juni 2024, sprach Miller.\n"
            "Am Freitag (22. Juni) antwortete Lam.\n")
    assert [d.suggestion for d in findings(text, rule=RULE)] == ["Samstag"]


def test_consistent_weekdays_across_the_new_year():
    text = ("Gipfel\nBerlin – Am Freitag (29. Dezember) sprach Miller.\n"
            "Am Dienstag (2. Januar) antwortete Lam.\n")
    assert_findings(text, [], rule=RULE)


def test_english_article():
    text = "---\nlang: en\ndate: 2024-06-21\n---\nMiller spoke on Wednesday, June 20, in Washington.\n"
    (finding,) = findings(text, rule=RULE, path="a.md")
    assert finding.suggestion == "Thursday"
    right = text.replace("Wednesday", "Thursday")
    assert findings(right, rule=RULE, path="a.md") == []


# -- properties over random dates -----------------------------------------------------------------


def _german(date: dt.date, weekday: int, form: int, with_year: bool, variants: bool) -> str:
    name = WEEKDAYS_DE[weekday]
    if variants and weekday == 5:
        name = "Sonnabend"
    month = MONTHS_DE[date.month - 1]
    if variants and date.month == 1:
        month = "Jänner"
    year = f" {date.year}" if with_year else ""
    numeric_year = f"{date.year}" if with_year else ""
    return (
        f"am {name} ({date.day}. {month}{year})",
        f"am {name}, {date.day}. {month}{year},",
        f"am {name}abend ({date.day}. {month}{year})",
        f"am {date.day}. {month}{year}, einem {name},",
        f"am {name}, den {date.day:02}.{date.month:02}.{numeric_year}",
        f"am {name}, dem {date.day}.{date.month}.{numeric_year}",
        f"am {name}morgen, {date.day}. {month}{year},",
    )[form]


def _english(date: dt.date, weekday: int, form: int, with_year: bool) -> str:
    name, month = WEEKDAYS_EN[weekday], dt.date(2024, date.month, 1).strftime("%B")
    year = f", {date.year}" if with_year else ""
    return (
        f"on {name}, {month} {date.day}{year},",
        f"on {name} ({date.day} {month}{' ' + str(date.year) if with_year else ''})",
        f"on {month} {date.day}{year}, a {name},",
    )[form]


def _sentence(phrase: str) -> str:
    return _article(f"Die Sitzung fand {phrase} im Rathaus statt.")


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
german_forms = st.integers(min_value=0, max_value=6)
# near publication: within two months, where no other year's date is within the rule's reach
shifts = st.integers(min_value=-60, max_value=60)
wrong_by = st.integers(min_value=1, max_value=6)


@settings(max_examples=300, deadline=None)
@given(date=dates, form=german_forms, variants=st.booleans())
def test_right_weekday_with_year_is_never_flagged(date, form, variants):
    assert _check(_sentence(_german(date, date.weekday(), form, True, variants))) == []


@settings(max_examples=300, deadline=None)
@given(date=dates, form=german_forms, variants=st.booleans(), wrong=wrong_by)
def test_wrong_weekday_with_year_is_flagged_once(date, form, variants, wrong):
    found = _check(_sentence(_german(date, (date.weekday() + wrong) % 7, form, True, variants)))
    assert len(found) == 1
    assert found[0].suggestion.startswith(WEEKDAYS_DE[date.weekday()])


@settings(max_examples=300, deadline=None)
@given(date=dates, form=german_forms, variants=st.booleans(), shift=shifts)
def test_right_weekday_without_year_near_publication_is_never_flagged(date, form, variants, shift):
    published = date + dt.timedelta(days=shift)
    assert _check(_sentence(_german(date, date.weekday(), form, False, variants)), published) == []


@settings(max_examples=300, deadline=None)
@given(date=dates, form=german_forms, variants=st.booleans(), shift=shifts, wrong=wrong_by)
def test_wrong_weekday_without_year_near_publication_is_flagged_once(date, form, variants, shift, wrong):
    published = date + dt.timedelta(days=shift)
    found = _check(_sentence(_german(date, (date.weekday() + wrong) % 7, form, False, variants)), published)
    assert len(found) == 1
    assert str(date.year) in found[0].message


@settings(max_examples=200, deadline=None)
@given(date=dates, form=st.integers(min_value=0, max_value=2), with_year=st.booleans(), shift=shifts,
       wrong=st.integers(min_value=0, max_value=6))
def test_english_weekdays(date, form, with_year, shift, wrong):
    published = date + dt.timedelta(days=shift)
    phrase = _english(date, (date.weekday() + wrong) % 7, form, with_year)
    text = f"Summit in Berlin\nThe meeting took place {phrase} in Berlin.\n"
    assert len(_check(text, published, lang="en")) == (1 if wrong else 0)


@settings(max_examples=200, deadline=None)
@given(published=dates, shift=st.sampled_from([-2, -1, 0, 1, 2]), wrong=st.integers(min_value=0, max_value=6))
def test_relative_weekdays(published, shift, wrong):
    word = {-2: "vorgestrigen", -1: "gestrigen", 0: "heutigen", 1: "morgigen", 2: "übermorgigen"}[shift]
    weekday = ((published + dt.timedelta(days=shift)).weekday() + wrong) % 7
    found = _check(_sentence(f"am {word} {WEEKDAYS_DE[weekday]}"), published)
    assert len(found) == (1 if wrong else 0)


@settings(max_examples=200, deadline=None)
@given(year=st.integers(min_value=1900, max_value=2099), month=st.integers(min_value=1, max_value=12),
       day=st.integers(min_value=29, max_value=31))
def test_dates_that_do_not_exist_are_flagged_once(year, month, day):
    try:
        dt.date(year, month, day)
        exists = True
    except ValueError:
        exists = False
    found = _check(_sentence(f"am {day}. {MONTHS_DE[month - 1]} {year}"))
    assert len(found) == (0 if exists else 1)


@settings(max_examples=200, deadline=None)
@given(date=dates, days=st.integers(min_value=0, max_value=40), wrong=st.integers(min_value=0, max_value=6))
def test_two_weekdays_without_year_agree_or_one_is_flagged(date, days, wrong):
    # without a year, the length of February between the two dates is unknown
    assume(all((date + dt.timedelta(days=i)).strftime("%m-%d") not in ("02-28", "02-29") for i in range(days)))
    later = date + dt.timedelta(days=days)
    first = _german(date, date.weekday(), 0, False, False)
    second = _german(later, (later.weekday() + wrong) % 7, 0, False, False)
    text = f"Gipfel\nBerlin – Es begann {first} in Kiel.\nEs endete {second} in Kiel.\n"
    found = _check(text)
    assert len(found) == (1 if wrong else 0)
