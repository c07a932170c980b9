"""Date expressions in an article: weekdays, dates and relative references, with their offsets.

German (every article whose language is not English):
"am Donnerstag (20. Juni)", "Donnerstag, 20. Juni 2024", "Donnerstag, den 20. Juni",
"Donnerstagabend (20. Juni)", "am 20. Juni, einem Donnerstag", "20.06.2024", "20.6.",
"Mittwoch (26.06)", Sonnabend, Jänner and Feber; relative references "am gestrigen Mittwoch",
"heute, Donnerstag", "gestern (19. Juni)", "am kommenden Montag (24. Juni)",
"am vergangenen Freitag".
English (language "en…"): "Thursday, June 20", "Thursday 20 June 2024", "on June 20, a Thursday",
"yesterday (Wednesday)", "next Monday (June 24)", "last Friday".

A weekday belongs to a date only when nothing but a comma, a parenthesis or an article ("den",
"dem") stands between them, or, after the date, a parenthesis or a comma and an article ("am
20. Juni, einem Donnerstag"), so a weekday near the date of another event ("am 20. Juni, Freitag
geht es weiter") is not taken for that date's weekday. "heute", "gestern" and the like belong to a weekday or date only
through a comma or a parenthesis ("heute, Donnerstag", "gestern (Mittwoch)").

The year of a date without one comes from the publication date: `placements` gives the date in the
publication's year and its neighbours, nearest first, so "29. Dezember" in an article of early
January is the previous year's.

Every pattern is a sequence of bounded pieces without nested repetition, and the pieces between
two matches are checked only when they are short, so scanning is linear in the text's length.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from newslint.german.calendar_words import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_VARIANTS,
    MONTHS,
    MONTHS_EN,
    WEEKDAY_NAMES,
    WEEKDAY_VARIANTS,
    WEEKDAYS_EN,
)
from newslint.german.calendar_words import WEEKDAYS as WEEKDAYS_DE

_WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(WEEKDAYS_DE)}
_WEEKDAY_NUMBERS.update({name.lower(): number for number, name in enumerate(WEEKDAYS_EN)})
_WEEKDAY_NUMBERS.update({name.lower(): number for name, number in WEEKDAY_VARIANTS})

_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTH_NUMBERS.update({name.lower(): number for name, number in MONTH_VARIANTS + MONTH_ABBREVIATIONS})
_MONTH_NUMBERS.update({name.lower(): number for number, name in enumerate(MONTHS_EN, 1)})
_MONTH_NUMBERS.update({"mar": 3, "oct": 10, "dec": 12})

# days from the publication date, and the direction of "kommenden"/"vergangenen"
_SHIFTS = {
    "vorgestern": -2, "vorgestrigen": -2, "gestern": -1, "gestrigen": -1, "heute": 0,
    "heutigen": 0, "morgen": 1, "morgigen": 1, "übermorgen": 2, "übermorgigen": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1,
}
_DIRECTIONS = {
    "kommenden": 1, "vergangenen": -1, "vorigen": -1,
    "next": 1, "coming": 1, "this coming": 1, "last": -1, "this past": -1,
}

_DAY = r"(?P<day>0?[1-9]|[12][0-9]|3[01])"
_YEAR = r"(?P<year>1[0-9]{3}|2[0-9]{3})(?![0-9])"


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _months(names: str, abbreviations: str) -> str:
    """A month's name, or its abbreviation with or without a full stop."""
    return rf"(?:{_alternatives(names.split())})(?!\w)|(?:{_alternatives(abbreviations.split())})\.?(?!\w)"


_GERMAN_MONTHS = _months(" ".join(MONTH_NAMES), " ".join(name for name, _ in MONTH_ABBREVIATIONS))
_ENGLISH_MONTHS = _months(" ".join(MONTHS_EN), "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec")

def _tokens(first_characters: str, *alternatives: str) -> re.Pattern:
    """One pattern for the alternatives; the leading character class lets the search skip fast."""
    return re.compile(rf"(?=[{first_characters}])(?<!\w)(?:{'|'.join(alternatives)})")


_GERMAN_TOKEN = _tokens(
    "0-9MDFSvgkhmüVGKHÜ",
    # a date: "20. Juni", "20. Juni 2024", "20.06.2024", "20.6.", "(20.06)"
    rf"(?<![.,]){_DAY}\.(?:"
    rf" ?(?P<month_name>{_GERMAN_MONTHS})(?: {_YEAR})?"
    rf"|(?P<month>0?[1-9]|1[0-2])(?:\.(?: ?{_YEAR.replace('year', 'numeric_year')})?(?![0-9])|(?=\))))",
    # a weekday, with a relative word before it and a part of the day after it
    r"(?:(?P<relation>(?i:vorgestrigen|gestrigen|heutigen|morgigen|übermorgigen"
    r"|kommenden|vergangenen|vorigen)) )?"
    rf"(?P<weekday>(?P<weekday_name>{_alternatives(WEEKDAY_NAMES)})"
    r"(?:früh|morgen|vormittag|mittag|nachmittag|abend|nacht)?)(?!\w)",
    # an adverb: "heute", "gestern"
    r"(?P<adverb>(?i:vorgestern|gestern|heute|übermorgen)|morgen)(?!\w)",
)


@cache
def _english_token() -> re.Pattern:
    """The tokens of English articles, compiled when the first one comes (few runs have one)."""
    return _tokens(
        "0-9MTWFSJAONDlntcyLNCY",
        rf"(?P<month_name>{_ENGLISH_MONTHS}) {_DAY}(?:st|nd|rd|th)?(?!\w)(?:,? {_YEAR})?",
        rf"{_DAY.replace('day', 'day2')}(?:st|nd|rd|th)? (?:of )?"
        rf"(?P<month_name2>{_ENGLISH_MONTHS})(?:,? {_YEAR.replace('year', 'year2')})?",
        r"(?:(?P<relation>(?i:this coming|this past|coming|next|last)) )?"
        rf"(?P<weekday>(?P<weekday_name>{_alternatives(WEEKDAYS_EN)}))(?!\w)",
        r"(?P<adverb>(?i:yesterday|today|tomorrow))(?!\w)",
    )


# what may stand between two parts of one expression
_GAPS = {
    "de": {
        ("weekday", "date"): re.compile(r"\s*(?:[,(]\s*)?(?:(?:den|dem)\s+)?"),
        ("date", "weekday"): re.compile(
            r"\s*(?:,\s*(?:einem|einen|ein|dem|den)\s+|\(\s*(?:(?:einem|ein)\s+)?"
            r"|[–—-]\s*(?:einem|ein)\s+)"
        ),
        ("adverb", "weekday"): re.compile(r"\s*[,(]\s*"),
        ("adverb", "date"): re.compile(r"\s*[,(]\s*(?:(?:den|dem)\s+)?"),
    },
    "en": {
        ("weekday", "date"): re.compile(r"\s*(?:[,(]\s*)?(?:the\s+)?"),
        ("date", "weekday"): re.compile(r"\s*(?:,\s*an?\s+|\(\s*(?:an?\s+)?)"),
        ("adverb", "weekday"): re.compile(r"\s*[,(]\s*"),
        ("adverb", "date"): re.compile(r"\s*[,(]\s*(?:the\s+)?"),
    },
}
_MAX_GAP = 12


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date, a weekday or both, with a relative word, as written from `start` to `end`.

    `day`, `month` and `year` are as written (`year` None when the text gives none; `day` None
    for a weekday alone); `weekday` is 0 for Monday to 6 for Sunday. `weekday_span` covers the
    weekday's word ("Donnerstagabend"), `date_span` the date. `shift` is the day relative to
    the publication date a word names ("gestern" -1, "heute" 0, "morgen" 1), `direction` says
    whether "kommenden" (1) or "vergangenen" (-1) puts it ahead of or before publication.
    """

    start: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    date_span: tuple[int, int] | None = None
    relative: str | None = None
    shift: int | None = None
    direction: int = 0

    @property
    def exists(self) -> bool:
        """Whether the date is in the calendar (31 April never is, 29 February in leap years)."""
        if self.day is None:
            return True
        return self.day <= days_in_month(self.month, self.year)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "date", "weekday" or "adverb"
    start: int
    end: int
    match: re.Match


def days_in_month(month: int, year: int | None = None) -> int:
    """The month's length; February has 29 days when the year is a leap year or unknown."""
    if month == 2:
        return 29 if year is None or _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def placements(day: int, month: int, published: dt.date) -> list[dt.date]:
    """The date in the publication's year and the years around it, nearest first."""
    found = []
    for year in (published.year - 1, published.year, published.year + 1):
        if dt.MINYEAR <= year <= dt.MAXYEAR and day <= days_in_month(month, year):
            found.append(dt.date(year, month, day))
    return sorted(found, key=lambda date: abs((date - published).days))


def is_english(lang: str) -> bool:
    return lang.lower().startswith("en")


#: every expression has a date, which has a digit (in German followed by a full stop: "20. Juni",
#: "20.06.2024"), or a weekday's name ("heute" and "kommenden" alone make none): a block with
#: neither is skipped after these two quick searches
_DIGIT = {"de": re.compile(r"[0-9]\."), "en": re.compile(r"[0-9]")}
_WEEKDAY_NAME = {
    "de": re.compile(_alternatives(WEEKDAY_NAMES)),
    "en": re.compile(_alternatives(WEEKDAYS_EN)),
}
#: the two searches of German in one, twice as quick: a full stop after a digit, found from the full
#: stop (the engine skips to a full stop or a weekday's first letter), or a weekday's name
_GERMAN_DATE_SIGN = re.compile(rf"\.(?<=[0-9]\.)|{_alternatives(WEEKDAY_NAMES)}")


def may_hold_date(prose: str, start: int, end: int, lang: str = "de") -> bool:
    """Whether prose[start:end] has a digit (German: and a full stop after it) or a weekday's name."""
    if lang != "de":
        return _DIGIT[lang].search(prose, start, end) is not None or \
            _WEEKDAY_NAME[lang].search(prose, start, end) is not None
    sign = _GERMAN_DATE_SIGN.search(prose, start, end)
    if sign is not None and sign.start() == start and sign.group() == ".":
        sign = _GERMAN_DATE_SIGN.search(prose, start + 1, end)  # its digit stands before the stretch
    return sign is not None


def scan(article) -> tuple[DateExpression, ...]:
    """Every date expression of every block of the article, in order."""
    lang = "en" if is_english(article.lang) else "de"
    pattern = _english_token() if lang == "en" else _GERMAN_TOKEN
    prose = article.prose
    found: list[DateExpression] = []
    for block in article.blocks:
        if not may_hold_date(prose, block.start, block.end, lang):
            continue
        tokens = map(_token, pattern.finditer(prose, block.start, block.end))
        found.extend(_expressions(article, tokens, _GAPS[lang]))
    return tuple(found)


def _token(match: re.Match) -> _Token:
    if match["weekday"]:
        kind = "weekday"
    elif match["adverb"]:
        kind = "adverb"
    else:
        kind = "date"
    start, end = match.span()
    return _Token(kind, start, end, match)


def _joined(article, first: _Token, second: _Token, gaps) -> bool:
    gap = gaps.get((first.kind, second.kind))
    if gap is None or second.start - first.end > _MAX_GAP:
        return False
    return gap.fullmatch(article.prose, first.end, second.start) is not None


def _expressions(article, tokens, gaps):
    """Neighbouring tokens that belong together become one expression each."""
    group: list[_Token] = []
    for token in tokens:
        if group and _fits(group, token) and _joined(article, group[-1], token, gaps):
            group.append(token)
            continue
        if group:
            expression = _expression(article, group)
            if expression is not None:
                yield expression
        group = [token]
    if group:
        expression = _expression(article, group)
        if expression is not None:
            yield expression


def _fits(group: list[_Token], token: _Token) -> bool:
    """Whether a token may join the group: one of each kind, the adverb first."""
    return all(part.kind != token.kind for part in group) and token.kind != "adverb"


def _expression(article, group: list[_Token]) -> DateExpression | None:
    values: dict = {}
    for token in group:
        match = token.match
        names = match.re.groupindex
        if token.kind == "date":
            second = "day2" in names and match.group("day2")
            day = match.group("day2") if second else match.group("day")
            month_name = match.group("month_name2") if second else match.group("month_name")
            year = match.group("year2") if second else match.group("year")
            if month_name:
                month = _MONTH_NUMBERS[month_name.rstrip(".").lower()]
            else:
                month = int(match.group("month"))
                year = match.group("numeric_year")
            values.update(day=int(day), month=month, year=int(year) if year else None,
                          date_span=(token.start, token.end))
        elif token.kind == "weekday":
            relation = match.group("relation")
            values.update(weekday=_WEEKDAY_NUMBERS[match.group("weekday_name").lower()],
                          weekday_span=match.span("weekday"))
            if relation:
                _relate(values, relation)
        else:
            _relate(values, match.group("adverb"))
    if len(group) == 1 and group[0].kind == "adverb":
        return None
    start, end = group[0].start, group[-1].end
    if article.prose[end : end + 1] == ")" and "(" in article.prose[start:end]:
        end += 1
    return DateExpression(start, end, article.text[start:end], **values)


def _relate(values: dict, word: str) -> None:
    key = word.lower()
    values["relative"] = word
    if key in _SHIFTS:
        values["shift"] = _SHIFTS[key]
    else:
        values["direction"] = _DIRECTIONS[key]
