"""IPTC ninjs articles (`.json`): news in JSON, versions 1.x, 2.x and 3.x.

The headline is `headline` (1.x) or the `headlines` entry with the role "main" (else the first);
the teaser `description_text` (else the text of `description_html`), or in 2.x and 3.x the
`descriptions` entry with a teaser's role ("summary", "teaser", "lead", "abstract", "main") or the
only one. The body is `body_html` or `body_xhtml` (else `body_text`), or the HTML entry of
`bodies` (else the first). HTML is read as `newslint.article.formats.html` reads a page: each
`<p>` a paragraph, `<h1>`–`<h6>` subheadings, the text before the first of them a paragraph too
(an HTML body without any markup is read as text). Plain text has its paragraphs separated by
blank lines, or by line breaks when there is no blank line. The publication date is
`versioncreated` (else `firstcreated`; `versionCreated`, `firstCreated` in 3.x), the language
`language`, the author `byline` (1.x), `by` or the entries of `bylines`. `located` and the
byline are no prose: they are not checked.

Every character of the article has its place in the file (through JSON escapes, and through the
markup and character references of an HTML body), so findings point into the file. A JSON file
that is not a ninjs text document (no headline and no body: a `package.json`, a picture item) is
`NotAnArticle`; broken JSON is an `InputError` naming line and column.
"""

from __future__ import annotations

import datetime as dt
from html import unescape

import regex
from newslint.article.formats import jsontext
from newslint.article.formats.assembly import Assembly, join
from newslint.article.formats.html import read_page
from newslint.article.formats.jsontext import Located, Placed
from newslint.article.formats.records import BODY_NAMES, paragraph_spans
from newslint.article.frontmatter import FrontMatter
from newslint.article.model import Article
from newslint.engine.source import NotAnArticle

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_TEASER_ROLES = ("summary", "teaser", "lead", "abstract", "main")
_BREAK = regex.compile(r"<(?:br|p|div|li|h[1-6])\b", regex.IGNORECASE)


def is_ninjs(data) -> bool:
    """Whether a decoded JSON value is a ninjs document with a headline or a body (an object
    with a `headline` and a `body` or `text` is an export's record: see
    `newslint.article.formats.records`)."""
    return isinstance(data, dict) and (
        any(key in data for key in ("headlines", "bodies", "body_text", "body_html", "body_xhtml"))
        or ("headline" in data and not any(key in data for key in BODY_NAMES)))


def parse(path: str, text: str, published: dt.date | None = None, lang: str = "de") -> Article:
    """The Article of a ninjs file's text (see the module docstring)."""
    data = jsontext.loads(text)
    if not is_ninjs(data):
        raise NotAnArticle("not a ninjs document (no headline, headlines, body_text, body_html or bodies)")
    return article(path, text, jsontext.located(text), published, lang)


def article(path: str, text: str, document: dict, published: dt.date | None, lang: str) -> Article:
    """The Article of a ninjs document decoded from `text` (its strings `Located` there)."""
    headline = _headline(document)
    body, html = _body(document)
    if body is None:
        raise NotAnArticle("a ninjs item without a text body (body_text, body_html or bodies)")
    assembly = Assembly()
    if headline is not None:
        assembly.add("headline", jsontext.placed(text, headline))
    teaser, teaser_html = _teaser(document)
    if teaser is not None:
        placed = jsontext.placed(text, teaser)
        html_teaser = teaser_html and "<" in teaser  # markup to read, not text called HTML
        assembly.add("teaser", join([part for _kind, part in _html_blocks(placed)]) if html_teaser else placed)
    placed = jsontext.placed(text, body)
    if html and "<" in body:
        for kind, part in _html_blocks(placed):
            assembly.add("subheading" if kind == "headline" and len(assembly) else kind, part)
    else:
        assembly.add_lines([placed.cut(start, end) for start, end in paragraph_spans(placed.text)])
    if not assembly.has_prose():
        raise NotAnArticle("a ninjs item whose body holds no paragraph")
    meta = FrontMatter(date=_date(document), lang=_text(document, "language"), author=_author(document))
    return assembly.article(path, text, meta, published, lang)


def _text(document: dict, key: str) -> str | None:
    found = document.get(key)
    return found.strip() or None if isinstance(found, str) else None


def _author(document: dict) -> str | None:
    """`byline` (1.x), `by` (2.x, 3.x), or the `byline` of each entry of a list `bylines`."""
    entries = document.get("bylines")
    names = [e["byline"].strip() for e in entries if isinstance(e, dict) and isinstance(e.get("byline"), str)] \
        if isinstance(entries, list) else []
    return _text(document, "byline") or _text(document, "by") or ", ".join(filter(None, names)) or None


def _headline(document: dict) -> Located | None:
    if isinstance(document.get("headline"), str):
        return document["headline"]
    return _chosen(document.get("headlines"), ("main",))[0]


def _teaser(document: dict) -> tuple[Located | None, bool]:
    """The teaser, and whether it is HTML."""
    for key, html in (("description_text", False), ("description_html", True)):
        if isinstance(document.get(key), str):
            return document[key], html
    return _chosen(document.get("descriptions"), _TEASER_ROLES, first=False)


def _body(document: dict) -> tuple[Located | None, bool]:
    """The body, and whether it is HTML."""
    for key, html in (("body_html", True), ("body_xhtml", True), ("body_text", False)):
        if isinstance(document.get(key), str):
            return document[key], html
    return _chosen(document.get("bodies"), _HTML_TYPES)


def _chosen(entries, roles: tuple[str, ...], first: bool = True) -> tuple[Located | None, bool]:
    """The value of the entry of a 2.x list (`headlines`, `descriptions`, `bodies`) whose role or
    content type is one of `roles`, else the first (with `first`) or the only one without a role;
    and whether it is HTML."""
    entries = [e for e in entries if isinstance(e, dict) and isinstance(e.get("value"), str)] \
        if isinstance(entries, list) else []
    chosen = next((e for e in entries if _kind(e, "role") in roles or _kind(e, "contenttype") in roles), None)
    if chosen is None and entries and (first or (len(entries) == 1 and "role" not in entries[0])):
        chosen = entries[0]
    return (chosen["value"], _is_html(chosen)) if chosen else (None, False)


def _kind(entry: dict, key: str) -> str:
    """An entry's role or content type (`contenttype`, in 3.x `contentType`), in lower case."""
    found = entry.get(key) or entry.get(key.replace("type", "Type"))
    return found.lower() if isinstance(found, str) else ""


def _is_html(entry: dict) -> bool:
    return (_kind(entry, "contenttype") or _kind(entry, "role")) in _HTML_TYPES


def _html_blocks(html: Placed):
    """(kind, text) of each block of an HTML text: its text and decoded character references,
    markup left out (a line break or a block element inside a block is a space). Text before the
    first block (all of it, in a teaser or body without `<p>`) is a paragraph of its own."""
    html = Placed("<p>" + html.text, html.offsets[:1] * 3 + html.offsets)
    page = read_page(html.text)
    for kind, ranges, references in page.blocks:
        pieces = sorted([*((s, e, False) for s, e in ranges), *((s, e, True) for s, e in references)])
        parts, previous = [], None
        for start, end, reference in pieces:
            if previous is not None and _BREAK.search(html.text, previous, start):
                parts.append(Placed(" ", html.offsets[previous : previous + 2]))
            if reference:
                decoded = unescape(html.text[start:end])
                parts.append(Placed(decoded, [html.offsets[start]] * len(decoded) + [html.offsets[end]]))
            else:
                parts.append(html.cut(start, end))
            previous = end
        yield kind, join(parts)


def _date(document: dict) -> dt.date | None:
    """The date at the start of `versioncreated` (else `firstcreated`), if it is one."""
    for key in ("versioncreated", "versionCreated", "firstcreated", "firstCreated"):
        found = document.get(key)
        if isinstance(found, str):
            try:
                return dt.date.fromisoformat(found.strip()[:10])
            except ValueError:
                continue
    return None
