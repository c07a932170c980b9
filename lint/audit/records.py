"""JSON Lines exports: one article per line, as content management systems export them.

Which field holds what is `newslint.article.formats.records`' (shared with `newslint check`:
an export's `headline`, `body`, … or a simple record's `title` and `text`); other exports name the
fields differently, so the names are configurable (`--field headline=heading`, dotted names reach
into nested objects: `--field author=meta.byline`). A record
becomes the text of a plain-text article — headline line, teaser line, one line per body
paragraph — that the rules check like a `.txt` file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import regex
from newslint.article.formats.records import (
    DEFAULT_FIELDS,
    FIELDS,
    FieldNames,
    RecordError,
    json_type,
    paragraph_spans,
    record_fields,
)

__all__ = ["DEFAULT_FIELDS", "FIELDS", "FieldNames", "Record", "RecordError", "field_names", "paragraphs",
           "parse_record"]

_LINE_BREAKS = regex.compile(r"[ \t]*\r?\n[ \t]*")


@dataclass(frozen=True)
class Record:
    """An exported article: its text as a plain-text article, and what the export says about it."""

    text: str
    published: dt.date | None
    authors: tuple[str, ...]
    lang: str | None
    id: str | None


def field_names(pairs: list[str] | tuple[str, ...]) -> FieldNames:
    """The field mapping from `KEY=NAME` words (a key named is looked for under that name only);
    raises ValueError naming a bad one."""
    mapping = dict(DEFAULT_FIELDS)
    for pair in pairs:
        key, equals, name = pair.partition("=")
        key, name = key.strip(), name.strip()
        if not equals or not name:
            raise ValueError(f"--field {pair}: expected KEY=NAME, e.g. headline=title")
        if key not in mapping:
            raise ValueError(f"--field {pair}: unknown key '{key}'; the keys are {', '.join(FIELDS)}")
        mapping[key] = (name,)
    return tuple(mapping.items())


def parse_record(line: bytes, fields: FieldNames = DEFAULT_FIELDS) -> Record:
    """Turn one line of a JSON Lines export into a Record, or raise RecordError saying why not."""
    try:
        data = json.loads(line)
    except UnicodeDecodeError:
        raise RecordError("not valid UTF-8") from None
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise RecordError("JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, found {json_type(data)}")
    found = record_fields(data, fields)
    lines = [_one_line(found.headline)]
    if found.teaser.strip():
        lines.append(_one_line(found.teaser))
    lines.extend(paragraphs(found.body))
    return Record(
        text="\n".join(lines) + "\n",
        published=found.published,
        authors=found.authors,
        lang=found.lang,
        id=found.id,
    )


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs, one line each (see `newslint.article.formats.records.paragraph_spans`)."""
    return [line for line in (_one_line(body[start:end]) for start, end in paragraph_spans(body)) if line]


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text.strip())
