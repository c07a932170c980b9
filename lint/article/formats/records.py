"""Records of content-management exports: which field of a JSON object holds what.

A record is a JSON object with the fields `headline`, `teaser`, `body`, `date`, `author`, `lang`
and optionally `id`; other exports name them differently, so the names can be given (dotted names
reach into nested objects: `meta.byline`). The body's paragraphs are separated by blank lines
(line breaks inside one are spaces); a body without blank lines has one paragraph per line.
`newslint check` reads such records in JSON Lines files (`newslint.article.formats.jsonlines`),
`newslint audit` in its exports (`newslint.audit.records`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import regex
from newslint.engine.source import InputError

FIELDS = ("headline", "teaser", "body", "date", "author", "lang", "id")
DEFAULT_FIELDS = tuple((name, name) for name in FIELDS)

_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_BLANK_LINE = regex.compile(r"\n[ \t\r]*\n")
_LINE_BREAK = regex.compile(r"\n")


class RecordError(InputError):
    """A record that cannot be read; the message says why, without file and line."""


@dataclass(frozen=True)
class Fields:
    """What a record holds: its texts as written (not stripped), and what it says about them."""

    headline: str
    teaser: str
    body: str
    published: dt.date | None
    authors: tuple[str, ...]
    lang: str | None
    id: str | None


def is_record(data, fields: tuple[tuple[str, str], ...] = DEFAULT_FIELDS) -> bool:
    """Whether a decoded JSON value looks like a record: an object with a headline or a body."""
    names = dict(fields)
    return isinstance(data, dict) and (value(data, names["headline"]) is not None
                                       or value(data, names["body"]) is not None)


def record_fields(data, fields: tuple[tuple[str, str], ...] = DEFAULT_FIELDS) -> Fields:
    """The fields of a decoded record, or RecordError saying what is wrong with it."""
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, found {json_type(data)}")
    names = dict(fields)
    headline = text(data, names["headline"])
    body = text(data, names["body"])
    if not headline.strip():
        raise RecordError(f"no headline (field '{names['headline']}')")
    if not body.strip():
        raise RecordError(f"no body (field '{names['body']}')")
    record_id = value(data, names["id"])
    return Fields(
        headline=headline,
        teaser=text(data, names["teaser"]),
        body=body,
        published=date(value(data, names["date"]), names["date"]),
        authors=authors(value(data, names["author"]), names["author"]),
        lang=text(data, names["lang"]).strip() or None,
        id=None if record_id is None else str(record_id),
    )


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of a body, in order, blank ones left out: paragraphs
    are separated by blank lines, or by line breaks when the body has no blank line."""
    first = len(body) - len(body.lstrip())
    last = len(body.rstrip())
    breaks = _BLANK_LINE if _BLANK_LINE.search(body, first, last) else _LINE_BREAK
    spans, start = [], first
    for separator in [*breaks.finditer(body, first, last), None]:
        end = separator.start() if separator else last
        if body[start:end].strip():
            spans.append((start, end))
        start = separator.end() if separator else end
    return spans


def value(data: dict, name: str):
    """The value of a (dotted) field, or None."""
    found = data
    for part in name.split("."):
        if not isinstance(found, dict):
            return None
        found = found.get(part)
    return found


def text(data: dict, name: str) -> str:
    """The text of a field as written ("" when it is absent); RecordError when it is not text."""
    found = value(data, name)
    if found is None:
        return ""
    if not isinstance(found, str):
        raise RecordError(f"field '{name}' should be text, found {json_type(found)}")
    return found


def date(found, name: str) -> dt.date | None:
    """The date a field holds (`YYYY-MM-DD`, a time may follow); RecordError when it holds none."""
    if found is None or found == "":
        return None
    match = _ISO_DATE.match(found) if isinstance(found, str) else None
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise RecordError(f"field '{name}': {json.dumps(found, ensure_ascii=False)} is not a date (YYYY-MM-DD)")


def authors(found, name: str) -> tuple[str, ...]:
    """The authors a field names (text or a list of texts)."""
    if found is None:
        return ()
    values = found if isinstance(found, list) else [found]
    if not all(isinstance(item, str) for item in values):
        raise RecordError(f"field '{name}' should be text or a list of texts")
    return tuple(dict.fromkeys(item.strip() for item in values if item.strip()))


def json_type(found) -> str:
    """What a JSON value is, for messages."""
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(found), "a number")
