"""HTML articles: the first <h1> is the headline, <h2>–<h6> are subheadings, each <p> a paragraph.

When the page has an <article> or <main> element, only what is inside it is read. Nothing inside
<script>, <style>, <nav>, <header>, <footer>, <aside>, <form> or <template> is ever checked.
The publication date is the first `<time datetime>` or `<meta property="article:published_time">`
(or `name="date"`), the language `<html lang>`. Positions are offsets into the file as it is: the
prose is the file with all markup blanked, and
character references (`&amp;`) are blanked too, so no offset moves. Read with the standard
library's `html.parser`, which never loads anything. A page with no headline and no paragraph is
not an article (`NotAnArticle`): passed over in a directory's walk, an error when named.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import regex
from newslint.article.frontmatter import FrontMatter
from newslint.article.markdown import blank
from newslint.engine.lines import line_starts
from newslint.engine.source import NotAnArticle

_SKIPPED = frozenset("script style nav header footer aside form template noscript".split())
_BLOCKS = {"h1": "headline", "h2": "subheading", "h3": "subheading", "h4": "subheading",
           "h5": "subheading", "h6": "subheading", "p": "paragraph"}
_DATE_META = frozenset({"article:published_time", "date", "dc.date", "DC.date"})
_CONTAINER = regex.compile(r"<(?:article|main)\b", regex.IGNORECASE)


class _Reader(HTMLParser):
    """Collects the text ranges of each block (kind, [(start, end), ...], and those of its character
    references `&amp;`, `&#252;`) in document order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._starts = line_starts(text)
        self._contained = _CONTAINER.search(text) is None  # no <article>/<main>: the whole page
        self._container_depth = 0
        self._skipped_depth = 0
        self._block: tuple[str, list[tuple[int, int]], list[tuple[int, int]]] | None = None
        self._block_tag = ""
        self.blocks: list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]] = []
        self.lang: str | None = None
        self.date: dt.date | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html" and attributes.get("lang"):
            self.lang = attributes["lang"].strip()
        elif self.date is None and tag == "time":
            self.date = _date(attributes.get("datetime"))
        elif self.date is None and tag == "meta" and _DATE_META & {attributes.get("property"), attributes.get("name")}:
            self.date = _date(attributes.get("content"))
        if tag in ("article", "main"):
            self._container_depth += 1
        elif tag in _SKIPPED:
            self._skipped_depth += 1
        elif tag in _BLOCKS:  # a headline or paragraph ends any that is still open, as in HTML
            self._end_block()
            self._block = (_BLOCKS[tag], [], [])
            self._block_tag = tag

    def handle_endtag(self, tag):
        if tag in ("article", "main"):
            self._container_depth = max(0, self._container_depth - 1)
        elif tag in _SKIPPED:
            self._skipped_depth = max(0, self._skipped_depth - 1)
        elif tag == self._block_tag:
            self._end_block()

    def close(self):
        super().close()
        self._end_block()  # a paragraph still open at the end of the file ends there

    def _end_block(self) -> None:
        if self._block is not None and self._block[1]:
            self.blocks.append(self._block)
        self._block, self._block_tag = None, ""

    def _reading(self) -> bool:
        return self._block is not None and not self._skipped_depth and (self._contained or self._container_depth)

    def handle_data(self, data):
        if self._reading():
            start = self._offset()
            self._block[1].append((start, start + len(data)))

    def handle_entityref(self, name):
        self._reference("&", name)

    def handle_charref(self, name):
        self._reference("&#", name)

    def _reference(self, opening: str, name: str) -> None:
        if self._reading():
            start = self._offset()
            end = start + len(opening) + len(name)
            self._block[2].append((start, end + (self.rawdata[end:end + 1] == ";")))


def _date(value: str | None) -> dt.date | None:
    """The date at the start of an ISO 8601 value (`2024-03-01T10:00+01:00`), or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_page(text: str) -> _Reader:
    """The blocks of a page (`blocks`: kind, the ranges of its text, the ranges of its character
    references), its language (`lang`) and date (`date`)."""
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return reader


def parse(path: str, text: str, published: dt.date | None = None, lang: str = "de"):
    """The Article of an HTML file's text (see the module docstring)."""
    from newslint.article.model import Article, Block

    reader = read_page(text)
    kept = sorted(r for _kind, ranges, _references in reader.blocks for r in ranges)
    gaps, position = [], 0
    for start, end in kept:
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    if position < len(text):
        gaps.append((position, len(text)))
    prose = blank(text, gaps)
    blocks = []
    for kind, ranges, _references in reader.blocks:
        start, end = ranges[0][0], ranges[-1][1]
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if kind == "headline" and any(b.kind == "headline" for b in blocks):
            kind = "subheading"
        blocks.append(Block(kind, start, end, prose[start:end]))
    if not blocks:
        raise NotAnArticle("no headline or paragraph (<h1>, <p>) in this page")
    return Article(path, text, prose, blocks, FrontMatter(date=reader.date, lang=reader.lang), published, lang)
