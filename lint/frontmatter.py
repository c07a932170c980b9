"""YAML front matter of Markdown articles: `title`, `teaser`, `date`, `author`, `lang`.

Parsed with YAML's safe loader: tags that would construct objects are rejected. The places of the
`title` and `teaser` values in the file are kept, so that rules can check them like the body.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .source import InputError

_OPENING = regex.compile(r"---[ \t]*\r?\n")
_CLOSING = regex.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.MULTILINE)
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
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"front matter, line {line}: date '{text}' is not a date (write YYYY-MM-DD)"
        ) from None
