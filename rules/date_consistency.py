"""Weekdays, dates and the publication date agree.

## What it does
Checks every date the article gives together with a weekday ("am Donnerstag (20. Juni)",
"Donnerstag, 20. Juni 2024", "Donnerstagabend, den 20.06.2024", "am 20. Juni, einem Donnerstag")
against the calendar, and flags:

- a weekday that does not fall on its date; the message names the date's weekday;
- a date that does not exist ("31. April", "29. Februar 2023");
- relative references that contradict the publication date: "am gestrigen Mittwoch" in an
  article published on a Friday, "heute, Donnerstag" on a Wednesday, "am kommenden Montag
  (24. Juni)" when 24 June is not ahead, "am vergangenen Freitag (28. Juni)" when it is.

A date without a year takes it from the publication date (front matter `date`, `--published`
or the configuration's `published`), in the year that puts it nearest: "Freitag (29. Dezember)"
in an article of early January is the previous year's. Without a year and without a publication
date the rule checks only what the article contradicts itself: the same date given two
weekdays, or weekdays that cannot both be right ("Donnerstag (20. Juni)" and later
"Freitag (22. Juni)"). Today's date is never used.

A weekday belongs to a date only when nothing but a comma, a parenthesis or "den"/"dem"
("einem" after the date) stands between them, so "am Donnerstag" next to the date of another
event is left alone. English articles (`lang: en`) are read in English: "Thursday, June 20",
"yesterday (Wednesday)", "next Monday (June 24)".

## Why is this bad?
A weekday that does not match its date is a factual error readers spot at once, and it leaves
them unsure which of the two is right. Wrong "gestern" or "heute" usually means a text was
updated or reused on another day without being adjusted.

## Example
```text published=2024-06-21
Miller warnt vor Waffenlieferungen
Washington – Der Sprecher äußerte sich am Mittwoch (20. Juni) in Washington.
```

## Use instead
```text published=2024-06-21
Miller warnt vor Waffenlieferungen
Washington – Der Sprecher äußerte sich am Donnerstag (20. Juni) in Washington.
```

## Fix safety
- Unsafe: the weekday respelled to fit its date („Mittwoch (20. Juni)“ → „Donnerstag
  (20. Juni)“), always: the weekday may be right and the date wrong, only the writer knows
  which.
- No fix: a date that does not exist; a date that a relative word contradicts.

## Options
- `check-relative` (default `true`): check "gestern", "heute", "morgen", "am gestrigen …",
  "am kommenden …" and "am vergangenen …" against the publication date. Turn it off where
  articles are written for a later day than the one they are dated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.engine.finding import Edit, Finding, Fix
from newslint.german.calendar_words import MONTHS_EN, WEEKDAYS_EN
from newslint.german.calendar_words import WEEKDAYS as WEEKDAYS_DE

if TYPE_CHECKING:
    from newslint.german.dates import DateExpression

ID = "date-consistency"
SEVERITY = "warning"

# a date without a year within this distance of publication may be in the year before or after it
# too ("14. August" in March: last August's or next?); a weekday that fits either is accepted
_NEAR = dt.timedelta(days=300)
# when no year is known, two dates are compared in each position of the leap-year cycle
_CYCLE = (2021, 2022, 2023, 2024)
_MAX_COMPARED = 40
_SHIFT_WORDS = {-2: "the day before yesterday", -1: "yesterday", 1: "tomorrow",
                2: "the day after tomorrow"}


@dataclass(frozen=True)
class Options:
    check_relative: bool = True


def check(article, options: Options) -> Iterator[Finding]:
    from newslint.german.dates import is_english

    published = article.published
    names = WEEKDAYS_EN if is_english(article.lang) else WEEKDAYS_DE
    anchor = None  # the first weekday with an explicit year that is right
    unplaced = []  # weekdays with a date but no year, and no publication date to give one
    named = {}  # (day, month, year as written) -> the first weekday given that fits the calendar
    for expression in article.dates:
        if expression.day is None:
            if options.check_relative and published and expression.shift is not None:
                finding = _relative_weekday(expression, published, names)
                if finding:
                    yield finding
            continue
        if not expression.exists:
            yield _impossible(expression, expression.year)
            continue
        if expression.year is None and published is None:
            if expression.weekday is not None:
                unplaced.append(expression)
            continue
        dates = _dates(expression, published)
        if not dates:
            yield _impossible(expression, published.year)
            continue
        if expression.weekday is not None:
            matching = [date for date in dates if date.weekday() == expression.weekday]
            if not matching:
                yield _wrong_weekday(expression, dates[0], published, names)
                continue
            dates = matching
            if expression.year is not None and anchor is None:
                anchor = expression
            first = named.setdefault((expression.day, expression.month, expression.year), expression)
            if first.weekday != expression.weekday:  # both fit: the date is far from publication
                yield _same_date(article, first, expression, names)
                continue
        if options.check_relative and published:
            finding = _relative_date(expression, dates, published)
            if finding:
                yield finding
    yield from _contradictions(article, anchor, unplaced, names)


def _dates(expression: DateExpression, published: dt.date | None) -> list[dt.date]:
    """The dates the expression may mean: its year's, else those near the publication date."""
    from newslint.german.dates import placements

    if expression.year is not None:
        return [dt.date(expression.year, expression.month, expression.day)]
    dates = placements(expression.day, expression.month, published)
    near = [date for date in dates if abs(date - published) <= _NEAR]
    return near or dates[:1]


# -- messages -------------------------------------------------------------------------------


def _day(day: int, month: int) -> str:
    return f"{day} {MONTHS_EN[month - 1]}"


def _full(date: dt.date) -> str:
    return f"{_day(date.day, date.month)} {date.year}"


def _respelled(expression: DateExpression, weekday: int, names) -> str:
    """The expression's weekday word with another weekday ("Mittwochabend" → "Donnerstagabend")."""
    start, end = expression.weekday_span
    written = expression.text[start - expression.start : end - expression.start]
    for name in (*names, "Sonnabend"):
        if written.startswith(name):
            return names[weekday] + written[len(name) :]
    return names[weekday]


def _weekday_finding(
    expression: DateExpression, weekday: int, message: str, names, tail: str = ""
) -> Finding:
    suggestion = _respelled(expression, weekday, names)
    start, end = expression.weekday_span
    # unsafe always: the weekday may be right and the date wrong, only the writer knows
    return Finding(start, end, f"{message}: write „{suggestion}“{tail}", suggestion,
                   Fix.unsafe(Edit(start, end, suggestion)))


def _wrong_weekday(expression: DateExpression, date: dt.date, published: dt.date | None, names) -> Finding:
    source = "" if expression.year is not None else " (year from the publication date)"
    written = WEEKDAYS_EN[expression.weekday]
    message = f"{_full(date)}{source} is a {WEEKDAYS_EN[date.weekday()]}, not a {written}"
    other = _year_that_fits(expression, published) if expression.year is not None else None
    if other is None:
        return _weekday_finding(expression, date.weekday(), message, names)
    message += f" ({_full(other)} is a {written})"
    return _weekday_finding(expression, date.weekday(), message, names, " or correct the year")


def _year_that_fits(expression: DateExpression, published: dt.date | None) -> dt.date | None:
    """The date in a year near publication on which the written weekday falls, if any."""
    from newslint.german.dates import placements

    if published is None:
        return None
    for date in placements(expression.day, expression.month, published):
        if date.weekday() == expression.weekday and abs(date - published) <= _NEAR:
            return date
    return None


def _impossible(expression: DateExpression, year: int | None) -> Finding:
    from newslint.german.dates import days_in_month

    start, end = expression.date_span
    written = expression.text[start - expression.start : end - expression.start]
    if expression.month != 2:
        reason = f"{MONTHS_EN[expression.month - 1]} has {days_in_month(expression.month)} days"
    elif expression.day > 29 or year is None:
        reason = "February has at most 29 days"
    elif expression.year is not None:
        reason = f"{year} is no leap year"
    else:
        reason = f"none of {year - 1}–{year + 1}, the years around publication, is a leap year"
    return Finding(start, end, f"„{written}“ does not exist: {reason}")


def _shifted(published: dt.date, days: int) -> dt.date | None:
    try:
        return published + dt.timedelta(days=days)
    except OverflowError:  # a publication date at the calendar's end
        return None


def _relative_weekday(expression: DateExpression, published: dt.date, names) -> Finding | None:
    """„am gestrigen Mittwoch“: the weekday a relative word names, counted from publication."""
    expected = _shifted(published, expression.shift)
    if expected is None or expected.weekday() == expression.weekday:
        return None
    weekday = WEEKDAYS_EN[expected.weekday()]
    if expression.shift == 0:
        message = f"„{expression.relative}“: the publication date, {_full(published)}, is a {weekday}"
    else:
        message = (f"„{expression.relative}“: {_SHIFT_WORDS[expression.shift]}, counted from "
                   f"publication on {_full(published)}, is {weekday} {_day(expected.day, expected.month)}")
    return _weekday_finding(expression, expected.weekday(), message, names)


def _relative_date(expression: DateExpression, dates: list[dt.date], published: dt.date) -> Finding | None:
    """„gestern (19. Juni)“, „am kommenden Montag (24. Juni)“ against the publication date."""
    if expression.shift is not None:
        expected = _shifted(published, expression.shift)
        if expected is None or expected in dates:
            return None
        if expression.shift == 0:
            reason = f"the publication date is {_full(published)}"
        else:
            reason = f"{_SHIFT_WORDS[expression.shift]} is {_full(expected)} (published {_full(published)})"
        reason += f", not {_day(expression.day, expression.month)}"
    elif expression.direction > 0:
        if any(date > published for date in dates):
            return None
        reason = f"{_full(dates[0])} is not ahead of publication on {_full(published)}"
    elif expression.direction < 0:
        if any(date < published for date in dates):
            return None
        reason = f"{_full(dates[0])} is not before publication on {_full(published)}"
    else:
        return None
    return Finding(expression.start, expression.end, f"„{expression.relative}“ does not fit: {reason}")


# -- weekdays without a year ------------------------------------------------------------------


def _contradictions(article, anchor, unplaced: list[DateExpression], names) -> Iterator[Finding]:
    """Weekdays without a year that cannot all be right: judged against the most agreed one."""
    if anchor is None:
        if len(unplaced) < 2:
            return
        anchor = _best_anchor(unplaced)
    for expression in unplaced:
        if expression is anchor:
            continue
        weekdays = _expected_weekdays(anchor, expression)
        if not weekdays or expression.weekday in weekdays:
            continue
        if (anchor.day, anchor.month) == (expression.day, expression.month):
            yield _same_date(article, anchor, expression, names)
            continue
        line = article.position(anchor.start)[0]
        message = (f"if „{anchor.text}“ in line {line} is right, "
                   f"{_day(expression.day, expression.month)} is a {WEEKDAYS_EN[weekdays[0]]}")
        yield _weekday_finding(expression, weekdays[0], message, names)


def _same_date(article, first: DateExpression, expression: DateExpression, names) -> Finding:
    line = article.position(first.start)[0]
    message = (f"line {line} gives {_day(first.day, first.month)} as a {WEEKDAYS_EN[first.weekday]} "
               f"(„{first.text}“)")
    return _weekday_finding(expression, first.weekday, message, names)


def _best_anchor(unplaced: list[DateExpression]) -> DateExpression:
    candidates = unplaced[:_MAX_COMPARED]

    def agreements(anchor):
        return sum(other.weekday in _expected_weekdays(anchor, other) for other in candidates)

    return max(candidates, key=agreements)  # the first of the best on ties


def _expected_weekdays(anchor: DateExpression, other: DateExpression) -> list[int]:
    """The weekdays `other` can have if `anchor` is right, in the years the two may fall in."""
    from newslint.german.dates import days_in_month, placements

    years = (anchor.year,) if anchor.year is not None else _CYCLE
    weekdays = []
    for year in years:
        if anchor.day > days_in_month(anchor.month, year):
            continue
        first = dt.date(year, anchor.month, anchor.day)
        around = placements(other.day, other.month, first)
        if not around:
            continue
        weekday = (anchor.weekday + (around[0] - first).days) % 7
        if weekday not in weekdays:
            weekdays.append(weekday)
    return weekdays
