"""The dateline ends in a spaced en dash and agrees with the credit line: „Berlin (dpa) – “.

## What it does
Finds the dateline that opens the body — a place, optionally the source in parentheses, then a
dash: „Pjöngjang – “, „Berlin (dpa) – “, or in English articles „WASHINGTON (AP) — “ — in the
first paragraph, or with a known agency as its source in one of the two after it (a teaser or a
byline set apart by a blank line; „Alice Weidel (AfD) - …“ is none), and reports:

- a hyphen or another dash where the house style wants the spaced en dash („Berlin (dpa) - “,
  „Berlin—“), with the dateline written right;
- an agency in the dateline that the credit line at the end leaves out, or a dateline and a
  credit line that name different agencies.

It does not judge the spelling of the place: a dateline „Pjönjang – “ above „Pjöngjang“ in the
text is reported by `spelling-consistency`, and the format of the source in parentheses by
`credit-line`.

## Why is this bad?
The dateline is the first thing a reader sees of the text; a hyphen instead of the dash looks
like a typing error, and a dateline that names a different agency than the credit line leaves
the reader — and the agency contract — unsure where the text comes from.

## Example
```text
Russland und Nordkorea schließen Beistandspakt
Pjöngjang (dpa) - Russland und Nordkorea haben einen Beistandspakt unterzeichnet.
Das teilte der Kreml am Mittwoch mit. (AFP)
```

## Use instead
```text
Russland und Nordkorea schließen Beistandspakt
Pjöngjang (dpa) – Russland und Nordkorea haben einen Beistandspakt unterzeichnet.
Das teilte der Kreml am Mittwoch mit. (dpa/AFP)
```

## Fix safety
- Safe: the dash after the dateline, with its spaces, replaced by the spaced house dash
  („Berlin (dpa) - “ → „Berlin (dpa) – “); the place and the source stay as written (the
  source's format is `credit-line`'s fix).
- No fix: a dateline and a credit line that name different agencies.

## Options
- `dash` (default `–`, the en dash): the dash after the dateline, written with a space on each
  side.
- `english-dash` (default `—`, the em dash): the dash for articles whose language is English
  (`lang: en`).
- `agencies` (default: the same list as `credit-line`'s): the agencies a source in parentheses
  may name, each in its own casing. Set the same list for both rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from newslint.engine.finding import Edit, Finding, Fix
from newslint.german.agencies import AGENCIES

ID = "dateline"
SEVERITY = "warning"


@dataclass(frozen=True)
class Options:
    dash: str = "–"
    english_dash: str = "—"
    agencies: tuple[str, ...] = AGENCIES


def check(article, options: Options) -> Iterator[Finding]:
    from newslint.german.credits import sourcing

    found = sourcing(article, options.agencies)
    dateline = found.dateline
    if dateline is None:
        return
    dash = options.english_dash if article.lang.split("-")[0].lower() == "en" else options.dash
    written = _written(article, dateline.dash.start, dateline.dash.end)
    if written != f" {dash} ":
        fixed = dateline.fixed(dash)
        what = "badly spaced dash" if written.strip() == dash else f"„{written.strip()}“"
        # a suggestion would drop Markdown markup inside the dateline („**Berlin** - “)
        plain = article.text[dateline.start : dateline.end] == article.prose[dateline.start : dateline.end]
        yield Finding(dateline.start, dateline.end,
                      f"{what} after the dateline: write „{fixed.rstrip()} …“", fixed if plain else None,
                      _dash_fix(article, dateline.dash.start, dateline.dash.end, f" {dash} "))
    source, credit = dateline.source, found.credit
    if source is None or credit is None or not source.agencies or not credit.agencies:
        return
    missing = [name for name in source.agencies if name not in credit.agencies]
    if len(missing) == len(source.agencies):
        yield Finding(source.start, source.end,
                      f"the dateline names {_names(source.agencies)}, the credit line "
                      f"„{credit.text}“ does not: name the same source in both")
    elif missing:
        yield Finding(source.start, source.end,
                      f"{_names(missing)} from the dateline is missing in the credit line "
                      f"„{credit.text}“: add it there")


def _dash_fix(article, start: int, end: int, dash: str) -> Fix | None:
    """The dash and its spaces replaced, leaving Markdown markup before them („**Berlin** - “)
    in place; none when markup stands among them."""
    text, prose = article.text, article.prose
    while start < end and text[start] != prose[start]:
        start += 1
    if text[start:end] != prose[start:end]:
        return None
    return Fix.safe(Edit(start, end, dash))


def _written(article, start: int, end: int) -> str:
    """The dash with its spaces as written: markup blanked out of the prose does not count."""
    prose, text = article.prose[start:end], article.text[start:end]
    return "".join(char for char, raw in zip(prose, text) if char == raw)


def _names(names) -> str:
    return " and ".join(f"„{name}“" for name in names)
