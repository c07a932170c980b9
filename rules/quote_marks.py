"""Quotation marks without a partner, wrongly nested, or not in the house style.

## What it does
Checks every quotation mark of the article:

- an opening mark without its closing partner in its paragraph, and a closing mark that nothing
  opened;
- a quotation inside a quotation with the outer marks (write ‚…‘ inside „…“);
- a pair that mixes styles („…" or „…”) and, with a house style set, quotations in another style
  (»…«, «…», “…”, straight "…") — with the quotation rewritten in the house style as suggestion.

A quotation in another language (a quoted English tweet: "We will win this war") is quoted
verbatim and keeps its own marks; the house style applies to German text. Its own words tell its
language, not the German text after it; a few words („Game Changer“) tell none and count as
German. The rewrite offered as
suggestion has no space inside the new marks and turns straight quotation marks inside the
quotation, double or single, into the inner marks („Das ist ‚absurd‘.“); an apostrophe stays.

Apostrophes (geht’s, ’Ndrangheta) are not quotation marks. A quotation that runs over several
paragraphs follows the news convention: every paragraph but the last leaves it open, and the next
paragraph starts with the opening mark again („Erster Absatz … / „Zweiter Absatz.“, sagte er.).
Only when the next paragraph does not reopen it is the opening mark flagged as unclosed.

## Why is this bad?
A quote that never closes leaves the reader guessing where the speaker's words end and the
reporter's begin; mixed quotation styles look careless and break house style.

## Example
```text
Parlament tagt
Berlin – Die Ministerin sagte: „Wir werden das Gesetz ändern.
Die Opposition sprach von "Wortbruch".
```

## Use instead
```text
Parlament tagt
Berlin – Die Ministerin sagte: „Wir werden das Gesetz ändern.“
Die Opposition sprach von „Wortbruch“.
```

## Fix safety
- Safe: the quotation's marks in the house style (with `style = "any"`: in the style the
  article uses first), as the suggestion shows it: no space inside the new marks, straight marks
  inside it as inner marks; only marks and those spaces change.
- No fix: a mark without its partner (which one is missing, and where, only the writer knows).

## Options
- `style`: the house style — `"german"` („…“ with ‚…‘ inside, the default), `"guillemets"`
  (»…« with ›…‹ inside), `"swiss"` («…» with ‹…› inside), or `"any"` (no house style: only a mix
  of styles within one article is flagged, against the style the article uses first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from newslint.engine.finding import Edit, Finding, Fix

ID = "quote-marks"
SEVERITY = "warning"

STYLES = {
    "german": (("„", "“"), ("‚", "‘")),
    "guillemets": (("»", "«"), ("›", "‹")),
    "swiss": (("«", "»"), ("‹", "›")),
}
_PARTNER = {"„": "“", "‚": "‘", "»": "«", "«": "»", "›": "‹", "‹": "›", "“": "”", "‘": "’", '"': '"'}
_OPENERS = {"“": "„", "”": "“", "‘": "‚", "’": "‘", "«": "»", "»": "«", "‹": "›", "›": "‹", '"': '"'}
_DOUBLE = frozenset("„“”»«\"")


@dataclass(frozen=True)
class Options:
    style: str = "german"

    def __post_init__(self) -> None:
        if self.style not in (*STYLES, "any"):
            raise ValueError(f"style must be one of {', '.join([*STYLES, 'any'])}, not '{self.style}'")


def check(article, options: Options) -> Iterator[Finding]:
    scan = article.quotes
    for stray in scan.stray:
        if stray.problem == "unclosed":
            closing = _PARTNER.get(stray.mark, stray.mark)
            yield Finding(
                stray.offset, stray.offset + 1,
                f"{stray.mark} opens a quotation that is never closed in its paragraph; "
                f"close it with {closing} (a quote over several paragraphs reopens with {stray.mark})",
            )
        else:
            opening = _OPENERS.get(stray.mark, stray.mark)
            yield Finding(
                stray.offset, stray.offset + 1,
                f"{stray.mark} closes a quotation that was never opened; open it with {opening} or remove it",
            )
    if not scan.quotations:
        return  # many articles quote no one
    german = article.lang.lower().startswith("de")
    house = STYLES.get(options.style)
    if house is None:
        first = next((q for q in scan.quotations if q.depth == 0 and q.opening != '"'), None)
        house = _style_of(first.opening) if first is not None else None
    any_style = options.style == "any"
    outer: list = []  # the quotations that hold the current one, innermost last
    known: dict[int, bool] = {}  # a quotation's start: whether it or one around it is in another language
    for quotation in scan.quotations:  # in order of their start
        while outer and outer[-1].end <= quotation.start:
            outer.pop()
        parent = outer[-1] if outer else None
        outer.append(quotation)
        finding = _judge(quotation, parent, house, german, any_style, article.text)
        if finding is not None and not _in_another_language(outer, article.lang, known):
            yield finding  # a quotation in another language is quoted verbatim, marks and all


def _in_another_language(outer: list, lang: str, known: dict[int, bool]) -> bool:
    """Whether the innermost of `outer` (quotations, each inside the one before) or one around it
    is in another language than `lang`: its first words tell. Each quotation's answer is kept in
    `known` (by its start), so that every quotation is looked at once at most."""
    from newslint.german.languages import foreign

    level = len(outer) - 1
    while level >= 0 and outer[level].start not in known:
        level -= 1
    answer = level >= 0 and known[outer[level].start]
    for quotation in outer[level + 1:]:
        start, end = quotation.inner
        answer = answer or foreign(quotation.source[start : min(end, start + _LANGUAGE_SAMPLE)], lang)
        known[quotation.start] = answer
    return answer


def _style_of(opening: str):
    for style in STYLES.values():
        if style[0][0] == opening:
            return style
    return None


def _judge(quotation, parent, house, german: bool, any_style: bool, file: str) -> Finding | None:
    opening, closing = quotation.opening, quotation.closing
    expected = (house[1] if quotation.depth else house[0]) if house else None
    if parent is None and expected is not None and opening == expected[0] and closing in (expected[1], ""):
        return None  # most quotations: in the house style, not inside another
    pair = f"{opening}…{closing or ''}"
    if parent is not None and opening in _DOUBLE and parent.opening in _DOUBLE:
        if house:
            inner_open, inner_close = house[1]
            return _finding(quotation, f"a quotation inside a quotation takes {inner_open}…{inner_close}, not {pair}", house[1], _inner_of(house[1]), file)
    if closing and closing != _PARTNER.get(opening):
        right = expected or (opening, _PARTNER.get(opening, closing))
        return _finding(quotation, f"{pair} mixes quotation styles; write {right[0]}…{right[1]}", right, _inner_of(right), file)
    if expected is None:
        return None
    if (opening, closing or expected[1]) == expected:
        return None
    if opening == '"' and german and not any_style:
        return _finding(quotation, f'straight quotation marks "…" in German text; write {expected[0]}…{expected[1]}', expected, _inner_of(expected), file)
    if any_style:
        if quotation.depth == 0 and opening != '"':
            return _finding(quotation, f"{pair} differs from the article's other quotations; write {expected[0]}…{expected[1]}", expected, _inner_of(expected), file)
        return None
    return _finding(quotation, f"{pair} differs from the house style {expected[0]}…{expected[1]}", expected, _inner_of(expected), file)


def _inner_of(marks: tuple[str, str]) -> tuple[str, str]:
    """The marks of a quotation inside one in `marks` (German ‚…‘ when the style is unknown)."""
    for outer, inner in STYLES.values():
        if marks == outer:
            return inner
        if marks == inner:
            return outer
    return STYLES["german"][1]


def _finding(quotation, message: str, marks: tuple[str, str], inner: tuple[str, str], file: str) -> Finding:
    """A finding on the whole quotation, with the quotation in `marks` as suggestion and fix: no
    space inside the new marks, and straight quotation marks inside it as `inner` marks."""
    suggestion = None  # for a very long quotation: the message names the marks to write
    if quotation.end - quotation.start <= _LONGEST_SUGGESTION:
        text = _STRAIGHT_PAIR.sub(lambda m: inner[0] + m.group(m.lastindex) + inner[1], quotation.text)
        if quotation.closing:
            suggestion = marks[0] + text.strip() + marks[1]
        else:
            suggestion = marks[0] + text.lstrip()
    return Finding(quotation.start, quotation.end, message, suggestion, _mark_edits(quotation, file, marks, inner))


def _mark_edits(quotation, file: str, marks: tuple[str, str], inner: tuple[str, str]) -> Fix:
    """The suggestion as edits of the marks alone: the new marks take in the spaces just inside
    them and straight quotation marks inside become `inner` marks; the words stay as written
    (`file` is the article's text: Markdown markup next to a mark is no space and stays)."""
    start, end = quotation.inner
    opening_end = start
    while opening_end < end and file[opening_end].isspace():
        opening_end += 1
    closing_start = end
    while quotation.closing and closing_start > opening_end and file[closing_start - 1].isspace():
        closing_start -= 1
    edits = [Edit(quotation.start, opening_end, marks[0])]
    if quotation.end - quotation.start <= _LONGEST_SUGGESTION:  # a longer one's inner pairs are
        # found as quotations of their own: looking into every one would take quadratic time
        for pair in _STRAIGHT_PAIR.finditer(quotation.source, opening_end, closing_start):
            edits += [Edit(pair.start(), pair.start() + 1, inner[0]), Edit(pair.end() - 1, pair.end(), inner[1])]
    if quotation.closing:
        edits.append(Edit(closing_start, quotation.end, marks[1]))
    return Fix.safe(*edits)


#: straight quotation marks inside a quotation: "…", or '…' that is no apostrophe (none of its
#: marks touches a letter outside: „Peter's“, „'90er“ stay)
_STRAIGHT_PAIR = re.compile(r'"([^"\n]*)"|(?<!\w)\'(?=\S)([^\'\n]*?)(?<=\S)\'(?!\w)')


# the characters of a quotation whose words tell its language (its own words only: the German
# text after a short English quotation must not outvote it)
_LANGUAGE_SAMPLE = 300
# a quotation rewritten as the suggestion is useful up to a long paragraph, and no longer
_LONGEST_SUGGESTION = 1000
