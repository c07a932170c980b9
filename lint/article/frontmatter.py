"""YAML front matter of Markdown articles: `title`, `teaser`, `date`, `author`, `lang`.

Parsed with YAML's safe loader: tags that would construct objects are rejected. The places of the
`title` and `teaser` values in the file are kept, so that rules can check them like the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from newslint.engine.config import as_date
from newslint.engine.source import InputError

_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_TEXT_FIELDS = ("title", "teaser", "author", "lang")


@dataclass(frozen=True)
class FrontMatter:
    """What the front matter says, and where the body starts."""

    end: int = 0
    title: str | None = None
    teaser: str | None = None
    date: dt.date | None = None
    author: str | None = None
    lang: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def parse_front_matter(text: str) -> FrontMatter:
    """Split off and parse the front matter at the start of `text`, if there is one."""
    opening = _OPENING.match(text)
    if not opening:
        return FrontMatter()
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError("front matter: the opening '---' on line 1 has no closing '---'")
    source = text[opening.end() : closing.start()]
    first_line = 2
    simple = _simple_pairs(source)
    if simple is not None:
        return _front_matter(simple, opening.end(), closing.end(), first_line)
    node, data = _load(source, first_line)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter: expected 'key: value' lines, found a " + type(data).__name__)
    values: dict[str, object] = {}
    spans: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value if node is not None else ():
        key = key_node.value
        value = data.get(key)
        line = first_line + key_node.start_mark.line
        if key in _TEXT_FIELDS and value is not None:
            if not isinstance(value, (str, int, float)):
                raise InputError(f"front matter, line {line}: '{key}' must be text")
            values[key] = str(value)
            span = _value_span(source, value_node, str(value))
            if span:
                spans[key] = (opening.end() + span[0], opening.end() + span[1])
        elif key == "date" and value is not None:
            values[key] = _as_date(value, line)
    return FrontMatter(end=closing.end(), spans=spans, **values)


#: a line of the common simple front matter, which YAML reads as a text: `key: plain words`,
#: `key: "quoted"` or `key: 2024-06-21` (no escapes, comments, colons or flow syntax)
_SIMPLE_LINE = regex.compile(
    r"([A-Za-z_][A-Za-z0-9_-]*):[ ]+"
    r"(?:\"([^\"\\]*)\"|'([^']*)'|(\d{4}-\d\d-\d\d|\p{L}[\p{L}\p{N} ,.!?()'–—-]*?))[ ]*"
)
#: plain words that YAML reads as something else than text (true, false, null)
_NOT_TEXT = frozenset("yes no true false on off null y n".split())


def _simple_pairs(source: str) -> list[tuple[int, str, int, str]] | None:
    """The (line, key, offset, text) of each line when the front matter is that simple, else None
    (the YAML loader reads it then): the same values, places and errors, without YAML."""
    if not source.endswith("\n"):
        return None
    pairs = []
    offset = 0
    for number, line in enumerate(source[:-1].split("\n")):
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            return None
        key = match.group(1)
        group = next(g for g in (2, 3, 4) if match.group(g) is not None)
        value = match.group(group)
        if key.lower() in _NOT_TEXT or not value.isprintable() or (
            group == 4 and value.lower() in _NOT_TEXT
        ):
            return None
        pairs.append((number, key, offset + match.start(group), value))
        offset += len(line) + 1
    if len({key for _, key, _, _ in pairs}) < len(pairs):
        return None  # a key given twice
    return pairs


def _front_matter(pairs, start: int, end: int, first_line: int) -> FrontMatter:
    values: dict[str, object] = {}
    spans: dict[str, tuple[int, int]] = {}
    for number, key, offset, value in pairs:
        if key in _TEXT_FIELDS:
            values[key] = value
            spans[key] = (start + offset, start + offset + len(value))
        elif key == "date":
            values[key] = _as_date(value, first_line + number)
    return FrontMatter(end=end, spans=spans, **values)


def _load(source: str, first_line: int):
    import yaml

    loader = _loader_class()(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f", line {first_line + mark.line}" if mark else ""
        reason = error.problem or error.context or "not valid YAML"
        raise InputError(f"front matter{where}: {reason}") from None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise InputError(f"front matter: {error}") from None
    finally:
        loader.dispose()
    return node, data


@lru_cache(maxsize=None)
def _loader_class():
    """YAML's safe loader (the C one when available), with dates left as text for our own check."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        first: [(tag, pattern) for tag, pattern in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    return type("FrontMatterLoader", (base,), {"yaml_implicit_resolvers": resolvers})


def _value_span(source: str, node, value: str) -> tuple[int, int] | None:
    """Where a scalar's text stands in the source, when it stands there verbatim."""
    start, end = node.start_mark.index, node.end_mark.index
    if getattr(node, "style", None) in ('"', "'"):
        start, end = start + 1, end - 1
    if source[start:end] == value:
        return start, end
    return None


def _as_date(value: object, line: int) -> dt.date:
    date = as_date(value)
    if date is None:
        raise InputError(
            f"front matter, line {line}: date '{str(value).strip()}' is not a date (write YYYY-MM-DD)"
        )
    return date