"""NewsML-G2 and NITF articles (`.xml`, `.nitf`): the IPTC's XML formats for news.

The root element decides: `newsItem` (NewsML-G2), `newsMessage` (NewsML-G2: its first news item
with text is read, the others are not), or `nitf`. Any other XML file (a `pom.xml`, a sitemap,
an RSS feed) is not an article (`NotAnArticle`), found out from its root element alone.

NewsML-G2: the headline is `contentMeta/headline`, the teaser `contentMeta/description` (with no
role or the role summary), the body `contentSet/inlineXML`: NITF (read as below), XHTML
(`<h1>` a headline when the item has none, `<h2>`–`<h6>` subheadings, `<p>` and `<li>`
paragraphs) or plain text (a paragraph per line). The publication date is `itemMeta/versionCreated`, else `contentMeta/contentCreated`;
the language `xml:lang` of the inline content, else of the item, else `contentMeta/language/@tag`.

NITF: the headline is `body.head/hedline/hl1`, else `head/title`; the teaser `hl2` of the
hedline, else `body.head/abstract`; the paragraphs each `<p>` (and `<li>`) of `body.content`, also
inside `<block>`, with `<hl2>` there a subheading. The date is `head/pubdata/@date.publication`,
else `head/docdata/date.issue/@norm`; the language `xml:lang` of `<nitf>`.

A credit line written as in print, in parentheses („(dpa)“), in NITF's `body.end/tagline` or
NewsML-G2's `contentMeta/creditline`, is the article's last paragraph, checked as a credit line
ending a plain-text article. Bylines, dateline elements, a credit named bare (`dpa`), tables,
media and their captions are not prose and are not checked.

The article's text is the prose, decoded (character references, entities, CDATA), each run of
whitespace one space, one block per line; each character keeps its place in the file
(`newslint.article.model.Source`), so findings point into the file as it is on disk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newslint.article.formats.safe_xml import Element, Text, joined, read_tree
from newslint.article.frontmatter import FrontMatter
from newslint.engine.source import NotAnArticle

_ROOTS = frozenset({"newsItem", "newsMessage", "nitf"})
_BLOCKS = {"p": "paragraph", "li": "paragraph", "hl1": "headline", "h1": "headline", "hl2": "subheading",
           **{f"h{level}": "subheading" for level in range(2, 7)}}
#: never prose: left out wherever they are
_SKIPPED = frozenset("""media media-caption media-producer table figure figcaption img object iframe
    script style nav aside header footer form byline dateline tagline fn note pre""".split())
#: whitespace that is not a single space: what becomes one space
_COLLAPSE = re.compile(r"[\t\r\n][ \t\r\n]*| [ \t\r\n]+")
_DATE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")


@dataclass
class _Parts:
    """What a document says, as runs of text in the file."""

    headline: list[Text] | None = None
    teaser: list[Text] | None = None
    body: list[tuple[str, list[Text]]] = field(default_factory=list)
    credit: list[Text] | None = None
    date: dt.date | None = None
    lang: str | None = None


def parse(path: str, text: str, published: dt.date | None = None, lang: str = "de"):
    """The Article of a NewsML-G2 or NITF file's text (see the module docstring)."""
    root = read_tree(text, _ROOTS, "NewsML-G2 or NITF")
    parts = _nitf(root) if root.name == "nitf" else _newsml(root)
    return _article(path, text, parts, published, lang)


# -- NewsML-G2 ------------------------------------------------------------------------------


def _newsml(root: Element) -> _Parts:
    items = [root] if root.name == "newsItem" else [
        item for item_set in root.elements("itemSet") for item in item_set.elements("newsItem")]
    found = next(((item, inline) for item in items if (inline := _inline(item)) is not None), None)
    if found is None:
        raise NotAnArticle("a NewsML-G2 document without a text item (no contentSet/inlineXML with text)")
    item, inline = found
    content = next(iter(inline.elements()), None)
    if content is None:  # plain text: a paragraph per line
        parts = _Parts(body=_lines(inline.pieces()))
    elif content.name == "nitf":
        parts = _nitf(content)
    else:
        body = content.first("body") if content.name == "html" else content
        parts = _Parts(body=_blocks(body or content))
    meta = item.first("contentMeta") or Element("contentMeta", "", {}, 0)
    headline = meta.first("headline")
    if headline is not None:  # the body's own headline goes when it repeats it, else is a subheading
        parts.headline = headline.pieces()
        parts.body = [(kind if kind != "headline" else "subheading", pieces) for kind, pieces in parts.body
                      if kind != "headline" or joined(pieces) != joined(parts.headline)]
    summary = next((d for d in meta.elements("description")
                    if d.attributes.get("role", "").rpartition(":")[2] in ("", "summary")), None)
    if summary is not None:
        parts.teaser = summary.pieces()
    credit = meta.first("creditline")
    if parts.credit is None and credit is not None and _in_parentheses(credit.pieces()):
        parts.credit = credit.pieces()
    created = item.first("itemMeta", "versionCreated") or meta.first("contentCreated")
    parts.date = (_date(created.text()) if created is not None else None) or parts.date
    language = meta.first("language")
    parts.lang = (inline.attributes.get("xml:lang") or parts.lang or item.attributes.get("xml:lang")
                  or (language.attributes.get("tag") if language is not None else None))
    return parts


def _inline(item: Element) -> Element | None:
    """The first `contentSet/inlineXML` of a news item that holds markup, else the first that
    holds text, if any."""
    content_set = item.first("contentSet")
    inlines = content_set.elements("inlineXML") if content_set is not None else []
    return (next((inline for inline in inlines if inline.elements()), None)
            or next((inline for inline in inlines if inline.text()), None))


# -- NITF -----------------------------------------------------------------------------------


def _nitf(root: Element) -> _Parts:
    parts = _Parts(lang=root.attributes.get("xml:lang"))
    head = root.first("head")
    body = root.first("body")
    top = body.first("body.head") if body is not None else None
    headline = top.first("hedline", "hl1") if top is not None else None
    if headline is None and head is not None:
        headline = head.first("title")
    if headline is not None:
        parts.headline = headline.pieces(_SKIPPED)
    teaser = (top.first("hedline", "hl2") or top.first("abstract")) if top is not None else None
    if teaser is not None:
        parts.teaser = teaser.pieces(_SKIPPED)
    content = body.first("body.content") if body is not None else None
    if content is not None:
        parts.body = _blocks(content)
    tagline = body.first("body.end", "tagline") if body is not None else None
    if tagline is not None and _in_parentheses(tagline.pieces()):
        parts.credit = tagline.pieces()
    if head is not None:
        pubdata, issued = head.first("pubdata"), head.first("docdata", "date.issue")
        parts.date = ((_date(pubdata.attributes.get("date.publication")) if pubdata is not None else None)
                      or (_date(issued.attributes.get("norm")) if issued is not None else None))
    return parts


# -- blocks and the article -----------------------------------------------------------------


def _blocks(container: Element) -> list[tuple[str, list[Text]]]:
    """The blocks inside an element, in order: (kind, its text)."""
    found = []
    stack = list(reversed(container.elements()))
    while stack:
        element = stack.pop()
        if element.name in _BLOCKS:
            found.append((_BLOCKS[element.name], element.pieces(_SKIPPED)))
        elif element.name not in _SKIPPED:
            stack.extend(reversed(element.elements()))
    return found


def _lines(pieces: list[Text]) -> list[tuple[str, list[Text]]]:
    """The lines of a plain text, each a paragraph (blank ones come to nothing)."""
    found: list[tuple[str, list[Text]]] = [("paragraph", [])]
    for piece in pieces:
        if piece.text == "\n":
            found.append(("paragraph", []))
        else:
            found[-1][1].append(piece)
    return found


def _in_parentheses(pieces: list[Text]) -> bool:
    """Whether a credit field is written as a credit line in print: „(dpa)“."""
    written = joined(pieces)
    return written.startswith("(") or written.endswith(")")


def _date(value: str | None) -> dt.date | None:
    """The date at the start of an ISO 8601 value (`2024-03-01T10:00:00+01:00`, `20240301T100000`)."""
    match = _DATE.match(value.strip()) if value else None
    try:
        return dt.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def _run(pieces: list[Text]) -> tuple[str, list[int], int]:
    """A block's text (each whitespace run one space, trimmed), the file offset of each of its
    characters, and the file offset just past its last one."""
    raw = "".join(piece.text for piece in pieces)
    offsets: list[int] = []
    for piece in pieces:
        if piece.exact:
            offsets.extend(range(piece.start, piece.end))
        else:
            offsets.extend([piece.start] * len(piece.text))
    if _COLLAPSE.search(raw):  # each run of whitespace becomes its first character, as a space
        written, placed, position = [], [], 0
        for run in _COLLAPSE.finditer(raw):
            written += (raw[position:run.start()], " ")
            placed += offsets[position:run.start() + 1]
            position = run.end()
        written.append(raw[position:])
        placed += offsets[position:]
        raw, offsets = "".join(written), placed
    first = len(raw) - len(raw.lstrip(" "))
    last = len(raw.rstrip(" "))
    if first >= last:
        return "", [], 0
    return raw[first:last], offsets[first:last], _after(pieces, offsets[last - 1])


def _after(pieces: list[Text], offset: int) -> int:
    """The file offset just past the character at `offset` (past the whole reference for one)."""
    for piece in reversed(pieces):
        if piece.start <= offset < piece.end:
            return offset + 1 if piece.exact else piece.end
    return offset + 1


def _article(path: str, text: str, parts: _Parts, published: dt.date | None, lang: str):
    from newslint.article.model import Article, Block, Source

    sections = []
    if parts.headline is not None:
        sections.append(("headline", parts.headline))
    if parts.teaser is not None:
        sections.append(("teaser", parts.teaser))
    headline_seen = parts.headline is not None
    for kind, pieces in parts.body:
        if kind == "headline":
            kind = "subheading" if headline_seen else "headline"
            headline_seen = True
        sections.append((kind, pieces))
    if parts.credit is not None:
        sections.append(("paragraph", parts.credit))
    chunks: list[str] = []
    offsets: list[int] = []
    blocks = []
    position = end = 0
    for kind, pieces in sections:
        written, placed, block_end = _run(pieces)
        if not written:
            continue
        if chunks:  # one block per line: the line break is placed where the block before ends
            chunks.append("\n")
            offsets.append(end)
            position += 1
        blocks.append(Block(kind, position, position + len(written), written))
        chunks.append(written)
        offsets.extend(placed)
        position += len(written)
        end = block_end
    if not blocks:
        raise NotAnArticle("no headline or paragraph in this document")
    offsets.append(end)
    prose = "".join(chunks)
    return Article(path, prose, prose, blocks, FrontMatter(date=parts.date, lang=parts.lang), published, lang,
                   source=Source(text, offsets))
