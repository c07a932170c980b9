"""Records of content-management exports: which field of a JSON object holds what.

A record is a JSON object with the fields `headline`, `teaser`, `body`, `date`, `author`, `lang`
and optionally `id`; the simple records that data sets and scrapers write, `{"id", "title", "text",
"date"}`, are read too (`title` is the headline, `text` the body, when there is no `headline` or
`body`). Other exports name the fields differently, so the names can be given (dotted names reach
into nested objects: `meta.byline`); a key can be looked for under several names, the first one
present wins. The body's paragraphs are separated by blank lines (line breaks inside one are
spaces); a body without blank lines has one paragraph per line.
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

#: key -> the names it is looked for under, in order; a field mapping as `record_fields` takes it
FieldNames = tuple[tuple[str, tuple[str, ...]], ...]

#: the names of an export's record, then those of a simple `{"id", "title", "text", "date"}` record
DEFAULT_FIELDS: FieldNames = tuple((key, {"headline": (key, "title"), "body": (key, "text")}.get(key, (key,)))
                                   for key in FIELDS)

#: the names of a record's body, which a ninjs document does not have
BODY_NAMES = dict(DEFAULT_FIELDS)["body"]

_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_BLANK_LINE = regex.compile(r"\n[ \t\r]*\n")
_LINE_BREAK = regex.compile(r"\n")


class RecordError(InputError):
    """A record that cannot be read; the message says why, without file and line. `id` is the
    record's id, when it has one."""

    id: str | None = None


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


def is_record(data, fields: FieldNames = DEFAULT_FIELDS) -> bool:
    """Whether a decoded JSON value looks like a record: an object with a headline or a body under
    the first of their names, or with both under any (a data set's `{"title", "url"}` is none)."""
    if not isinstance(data, dict):
        return False
    names = dict(fields)
    headline, body = (found(data, names[key])[1] is not None for key in ("headline", "body"))
    return (headline and body) or any(value(data, names[key][0]) is not None for key in ("headline", "body"))


def record_fields(data, fields: FieldNames = DEFAULT_FIELDS) -> Fields:
    """The fields of a decoded record, or RecordError saying what is wrong with it (and naming
    the record's id)."""
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, found {json_type(data)}")
    names = dict(fields)
    record_id = found(data, names["id"])[1]
    record_id = None if record_id is None else str(record_id)
    try:
        headline = text(data, names["headline"])
        body = text(data, names["body"])
        if not headline.strip():
            raise RecordError(f"no headline (field {named(data, names['headline'])})")
        if not body.strip():
            raise RecordError(f"no body (field {named(data, names['body'])})")
        return Fields(
            headline=headline,
            teaser=text(data, names["teaser"]),
            body=body,
            published=date(*found(data, names["date"])),
            authors=authors(*found(data, names["author"])),
            lang=text(data, names["lang"]).strip() or None,
            id=record_id,
        )
    except RecordError as error:
        error.id = record_id
        raise


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


def found(data: dict, names: tuple[str, ...]) -> tuple[str, object]:
    """The first of the (dotted) `names` that holds a value, and the value; the first name and
    None when none does."""
    for name in names:
        held = value(data, name)
        if held is not None:
            return name, held
    return names[0], None


def named(data: dict, names: tuple[str, ...]) -> str:
    """The field of a key, for messages: the one present ('body'), else every name it is looked
    for under ('body' or 'text')."""
    name, held = found(data, names)
    return f"'{name}'" if held is not None else " or ".join(f"'{name}'" for name in names)


def text(data: dict, names: tuple[str, ...]) -> str:
    """The text of a field as written ("" when it is absent); RecordError when it is not text."""
    name, held = found(data, names)
    if held is None:
        return ""
    if not isinstance(held, str):
        raise RecordError(f"field '{name}' should be text, found {json_type(held)}")
    return held


def date(name: str, held) -> dt.date | None:
    """The date a field holds (`YYYY-MM-DD`, a time may follow); RecordError when it holds none."""
    if held is None or held == "":
        return None
    match = _ISO_DATE.match(held) if isinstance(held, str) else None
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise RecordError(f"field '{name}': {json.dumps(held, ensure_ascii=False)} is not a date (YYYY-MM-DD)")


def authors(name: str, held) -> tuple[str, ...]:
    """The authors a field names (text or a list of texts)."""
    if held is None:
        return ()
    values = held if isinstance(held, list) else [held]
    if not all(isinstance(item, str) for item in values):
        raise RecordError(f"field '{name}' should be text or a list of texts")
    return tuple(dict.fromkeys(item.strip() for item in values if item.strip()))


def json_type(found) -> str:
    """What a JSON value is, for messages."""
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(found), "a number")
