"""JSON Lines exports: one article per line, as content management systems export them.

A record is a JSON object with the fields `headline`, `teaser`, `body`, `date`, `author`, `lang`
and optionally `id`; other exports name them differently, so the names are configurable
(`--field headline=title`, dotted names reach into nested objects: `--field author=meta.byline`).
A record becomes the text of a plain-text article — headline line, teaser line, one line per body
paragraph — that the rules check like a `.txt` file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import regex

FIELDS = ("headline", "teaser", "body", "date", "author", "lang", "id")
DEFAULT_FIELDS = tuple((name, name) for name in FIELDS)

_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_BLANK_LINE = regex.compile(r"\n[ \t\r]*\n")
_LINE_BREAKS = regex.compile(r"[ \t]*\r?\n[ \t]*")


class RecordError(Exception):
    """A record that cannot be audited; the message says why, without file and line."""


@dataclass(frozen=True)
class Record:
    """An exported article: its text as a plain-text article, and what the export says about it."""

    text: str
    published: dt.date | None
    authors: tuple[str, ...]
    lang: str | None
    id: str | None


def field_names(pairs: list[str] | tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The field mapping from `KEY=NAME` words; raises ValueError naming a bad one."""
    mapping = dict(DEFAULT_FIELDS)
    for pair in pairs:
        key, equals, name = pair.partition("=")
        key, name = key.strip(), name.strip()
        if not equals or not name:
            raise ValueError(f"--field {pair}: expected KEY=NAME, e.g. headline=title")
        if key not in mapping:
            raise ValueError(f"--field {pair}: unknown key '{key}'; the keys are {', '.join(FIELDS)}")
        mapping[key] = name
    return tuple(mapping.items())


def parse_record(line: bytes, fields: tuple[tuple[str, str], ...] = DEFAULT_FIELDS) -> Record:
    """Turn one line of a JSON Lines export into a Record, or raise RecordError saying why not."""
    try:
        data = json.loads(line)
    except UnicodeDecodeError:
        raise RecordError("not valid UTF-8") from None
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, found {_json_type(data)}")
    names = dict(fields)
    headline = _text(data, names["headline"])
    teaser = _text(data, names["teaser"])
    body = _text(data, names["body"])
    if not headline:
        raise RecordError(f"no headline (field '{names['headline']}')")
    if not body:
        raise RecordError(f"no body (field '{names['body']}')")
    lines = [_one_line(headline)]
    if teaser:
        lines.append(_one_line(teaser))
    lines.extend(paragraphs(body))
    record_id = _value(data, names["id"])
    return Record(
        text="\n".join(lines) + "\n",
        published=_date(_value(data, names["date"]), names["date"]),
        authors=_authors(_value(data, names["author"]), names["author"]),
        lang=_text(data, names["lang"]) or None,
        id=None if record_id is None else str(record_id),
    )


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs, one line each.

    Paragraphs are separated by blank lines, and line breaks inside one are spaces; a body without
    blank lines has one paragraph per line.
    """
    body = body.strip()
    if _BLANK_LINE.search(body):
        parts = _BLANK_LINE.split(body)
    else:
        parts = body.split("\n")
    return [line for line in (_one_line(part) for part in parts) if line]


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text.strip())


def _value(data: dict, name: str):
    value = data
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _text(data: dict, name: str) -> str:
    value = _value(data, name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"field '{name}' should be text, found {_json_type(value)}")
    return value.strip()


def _date(value, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    match = _ISO_DATE.match(value) if isinstance(value, str) else None
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise RecordError(f"field '{name}': {json.dumps(value, ensure_ascii=False)} is not a date (YYYY-MM-DD)")


def _authors(value, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in values):
        raise RecordError(f"field '{name}' should be text or a list of texts")
    return tuple(dict.fromkeys(item.strip() for item in values if item.strip()))


def _json_type(value) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
