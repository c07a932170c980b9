"""The JSON bodies of `POST /v1/check` and `POST /v1/fix`, read and checked field by field.

An article is sent as `text`, or, in a binary format (a Word .docx), as `document`: the file's
bytes in base64. A document is only checked, never fixed (a fix would have to be written into it).

A body that is not JSON is a `BadRequest` with status 400; one with an unknown field, a missing
`text` or a field of the wrong kind has status 422. Each message names the field and says what it
must be.
"""

from __future__ import annotations

import base64
import binascii
import json

from newslint.engine.config import ConfigError, parse_date
from newslint.serve.checking import DOCUMENT_FORMATS, FORMATS, Article

FIX_FIELDS = ("text", "format", "name", "published", "select", "ignore", "unsafe")
CHECK_FIELDS = (*FIX_FIELDS[:-1], "document")


class BadRequest(Exception):
    """A request the service cannot take: `status` and a message saying what is wrong."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def read_article(body: bytes, fields: tuple[str, ...] = CHECK_FIELDS) -> tuple[Article, dict]:
    """The article a body asks to check, and the body's fields. Raises BadRequest."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadRequest(400, f"the request body is not UTF-8 (byte {error.start})") from None
    except ValueError as error:
        raise BadRequest(400, f"the request body is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise BadRequest(422, "the request body must be a JSON object with at least a field 'text'")
    if "document" in data and "document" not in fields:
        raise BadRequest(422, "a document (.docx) is never fixed: a fix would have to be written into it; "
                              "POST it to /v1/check")
    unknown = [name for name in data if name not in fields]
    if unknown:
        raise BadRequest(422, f"unknown field '{unknown[0]}'; the fields are {', '.join(fields)}")
    if "text" in data and "document" in data:
        raise BadRequest(422, "send the field 'text' or the field 'document', not both")
    if "text" not in data and "document" not in data:
        raise BadRequest(422, "the field 'text' is missing: the article to check, as a string")
    name = _string(data, "name") if data.get("name") is not None else None
    if "document" in data:
        text = _document(data)
        article_format = _format(data, name, DOCUMENT_FORMATS)
    else:
        text = _string(data, "text")
        article_format = _format(data, name, FORMATS)
    published = None
    if data.get("published") is not None:
        try:
            published = parse_date(_string(data, "published"), "published")
        except ConfigError as error:
            raise BadRequest(422, str(error)) from None
    select = _rule_ids(data, "select") if data.get("select") is not None else None
    ignore = _rule_ids(data, "ignore") if data.get("ignore") is not None else ()
    return Article(text, article_format, name, published, select, ignore), data


def unsafe(data: dict) -> bool:
    value = data.get("unsafe", False)
    if not isinstance(value, bool):
        raise BadRequest(422, "the field 'unsafe' must be true or false")
    return value


def _string(data: dict, name: str) -> str:
    value = data[name]
    if not isinstance(value, str):
        raise BadRequest(422, f"the field '{name}' must be a string, not {_kind(value)}")
    if name != "text" and ("\x00" in value or len(value) > 500):
        raise BadRequest(422, f"the field '{name}' must be a short line of text")
    return value


def _format(data: dict, name: str | None, formats: tuple[str, ...]) -> str:
    """The article's format among `formats`: the field `format`, else the name's suffix when it is
    one of them, else the first. A name of the other kind (`a.docx` sent as text) is refused."""
    if data.get("format") is None:
        suffix = name.rpartition(".")[2].lower() if name and "." in name else ""
        if suffix in formats or suffix not in (*FORMATS, *DOCUMENT_FORMATS):
            return suffix if suffix in formats else formats[0]
        value, given = suffix, f"the name '{name}': "
    else:
        value, given = _string(data, "format"), ""
    if value not in formats:
        if value in DOCUMENT_FORMATS:
            raise BadRequest(422, f"{given}a {value} article is sent as the field 'document' (the file in base64), "
                                  "not as text")
        if value in FORMATS:
            raise BadRequest(422, f"{given}a {value} article is sent as the field 'text', not as a document")
        raise BadRequest(422, f"the field 'format' must be one of {', '.join(formats)}, not '{value}'")
    return value


def _document(data: dict) -> bytes:
    """The bytes of the field `document` (base64)."""
    value = data["document"]
    if not isinstance(value, str):
        raise BadRequest(422, f"the field 'document' must be the file's bytes in base64, not {_kind(value)}")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BadRequest(422, "the field 'document' is not valid base64") from None


def _rule_ids(data: dict, name: str) -> tuple[str, ...]:
    value = data[name]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadRequest(422, f"the field '{name}' must be a list of rule ids (strings), not {_kind(value)}")
    return tuple(item.strip() for item in value if item.strip())


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)
