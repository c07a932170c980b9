"""JSON read with the place of its texts in the file, for the readers of JSON formats.

`loads` decodes a document with the standard library (its C decoder) and says what is wrong with
broken or hostile JSON as an `InputError` (line and column; nesting deeper than `MAX_DEPTH`).
`located` decodes it once more so that each string value is a `Located` string that knows where
its literal lies, and `placed` gives the place in the file of each of its characters: a character
written as an escape (`\\u00fc`, `\\n`, `\\"`) is placed at its backslash, a surrogate pair
(`\\ud83d\\ude00`) at the first one.
"""

from __future__ import annotations

import json
from json.decoder import scanstring
from json.scanner import py_make_scanner

import regex
from newslint.engine.source import InputError

#: the deepest nesting of objects and lists read; news documents need a handful of levels
MAX_DEPTH = 100

_WHITE_SPACE = regex.compile(r"[ \t\r\n]*")
_ESCAPE = regex.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")


class Located(str):
    """A string value of a JSON document; `start` and `end` are the offsets of its literal in the
    file, quotation marks included."""

    start: int
    end: int


class Placed:
    """A text and, for each of its characters and one past the last, an offset in the file."""

    __slots__ = ("text", "offsets")

    def __init__(self, text: str, offsets: list[int]) -> None:
        self.text = text
        self.offsets = offsets

    def cut(self, start: int, end: int) -> Placed:
        """The part from `start` to `end` (offsets of `text`)."""
        return Placed(self.text[start:end], self.offsets[start : end + 1])


def loads(text: str, one_line: bool = False):
    """The value of a JSON document, or InputError saying what is wrong with it (where: line and
    column, or with `one_line` the column)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"column {error.colno}" if one_line else f"line {error.lineno}, column {error.colno}"
        raise InputError(f"invalid JSON: {error.msg} ({where})") from None
    except RecursionError:
        raise InputError(f"JSON nested too deeply (more than {MAX_DEPTH} levels)") from None
    if _depth(value) > MAX_DEPTH:
        raise InputError(f"JSON nested too deeply (more than {MAX_DEPTH} levels)")
    return value


def _depth(value) -> int:
    """How deeply objects and lists nest in a decoded value (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, level)
        if level <= MAX_DEPTH:
            stack.extend((child, level + 1) for child in item if isinstance(child, (dict, list)))
    return deepest


class _LocatingDecoder(json.JSONDecoder):
    """The standard decoder, its pure-Python scanner with string values made `Located`."""

    def __init__(self) -> None:
        super().__init__()
        self.parse_string = _located_string
        self.scan_once = py_make_scanner(self)


def _located_string(text: str, end: int, strict: bool = True):
    value, after = scanstring(text, end, strict)
    found = Located(value)
    found.start, found.end = end - 1, after
    return found, after


_DECODER = _LocatingDecoder()  # it keeps nothing from one document to the next


def located(text: str, start: int = 0):
    """The JSON value that begins at `start` of `text` (a document `loads` has accepted), its
    string values `Located` in `text`."""
    start = _WHITE_SPACE.match(text, start).end()
    value, _end = _DECODER.raw_decode(text, start)
    return value


def placed(text: str, value: Located) -> Placed:
    """A located string value with the place in `text` of each of its characters."""
    first, last = value.start + 1, value.end - 1  # inside the quotation marks
    if "\\" not in text[first:last]:
        return Placed(str(value), list(range(first, last + 1)))
    offsets: list[int] = []
    position = first
    for escape in _ESCAPE.finditer(text, first, last):
        offsets.extend(range(position, escape.start()))
        offsets.append(escape.start())
        position = escape.end()
    offsets.extend(range(position, last + 1))
    return Placed(str(value), offsets)
