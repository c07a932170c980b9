"""Reading an XML file safely into a small tree whose text keeps its places in the file.

The parser is defusedxml's hardened expat parser: a document that declares entities (the
"billion laughs" bomb, an external entity naming a file or a URL) is refused before anything is
expanded, no external DTD or entity is ever loaded (nothing is read from the network or the
disk), and a document nested deeper than `MAX_DEPTH` elements or with more than `MAX_NODES`
elements and runs of text is refused (a file within the size limit but made of little else than
markup or references would otherwise take many times its size in memory).
Every refusal and every well-formedness error is an `InputError` that says what is wrong (a
malformed document with its line and column).

Text is kept as it is decoded (character references and the predefined entities decoded, CDATA
as written), in `Text` pieces that know where they are in the file, so a reader can build an
article's text and place each of its characters in the file (`newslint.article.model.Source`).
The HTML named entities (`&nbsp;`, `&auml;`) are decoded where a document type declaration lets
them stand, as in NITF files that name the NITF DTD.
"""

from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from newslint.engine.lines import line_starts
from newslint.engine.source import InputError, NotAnArticle

#: elements nested deeper than this are refused (no news document comes near it)
MAX_DEPTH = 200
#: documents with more elements and runs of text (each reference, each line is a run) than this are refused
MAX_NODES = 1_000_000
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);")
_ENTITIES = {name: chr(point) for name, point in html.entities.name2codepoint.items()}


@dataclass(slots=True)
class Text:
    """A run of decoded text, from `start` to `end` in the file. `exact`: the run is written in
    the file as it reads (its characters are at start, start + 1, …); otherwise it is one
    reference (`&#252;`, `&amp;`) or one CRLF line break, and all its characters are at `start`."""

    text: str
    start: int
    end: int
    exact: bool


@dataclass(slots=True)
class Element:
    """An element: its local `name`, its namespace `uri`, its attributes (by local name, and
    `xml:lang`), and its children in order (elements and text)."""

    name: str
    uri: str
    attributes: dict[str, str]
    start: int  # where its start tag is in the file
    children: list[Element | Text] = field(default_factory=list)

    def elements(self, *names: str) -> list[Element]:
        """The child elements with one of `names` (all of them without names)."""
        return [c for c in self.children if isinstance(c, Element) and (not names or c.name in names)]

    def first(self, *path: str) -> Element | None:
        """The first element down a path of child names (`first("head", "title")`), or None."""
        found: Element | None = self
        for name in path:
            found = next(iter(found.elements(name)), None)
            if found is None:
                return None
        return found

    def text(self) -> str:
        """All the text inside, decoded, with its whitespace runs as single spaces, trimmed."""
        return joined(self.pieces())

    def pieces(self, skipped: frozenset[str] = frozenset()) -> list[Text]:
        """The text inside, in order, leaving out the elements named in `skipped`; a line break
        element (`<br/>`) is a space."""
        found: list[Text] = []
        stack: list[Element | Text] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                found.append(node)
            elif node.name == "br":
                found.append(Text(" ", node.start, node.start, False))
            elif node.name not in skipped:
                stack.extend(reversed(node.children))
        return found


def joined(pieces: list[Text]) -> str:
    """The text of some runs, its whitespace runs as single spaces, trimmed."""
    return " ".join("".join(piece.text for piece in pieces).split())


class _Builder:
    """The parser's target: builds the tree, and places each text run in the file."""

    def __init__(self, text: str, roots: frozenset[str] | None) -> None:
        self._text = text
        self._roots = roots
        self.expat = None  # the expat parser underneath: where the current event is
        self._starts = line_starts(text)
        self._open: list[Element] = []
        self._count = 0
        self.root: Element | None = None

    def _offset(self) -> int:
        return self._starts[self.expat.CurrentLineNumber - 1] + self.expat.CurrentColumnNumber

    def _count_node(self) -> None:
        self._count += 1
        if self._count > MAX_NODES:
            raise InputError(f"XML refused: more than {MAX_NODES:,} elements and runs of text")

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self._count_node()
        if len(self._open) >= MAX_DEPTH:
            raise InputError(f"XML refused: elements nested deeper than {MAX_DEPTH} levels")
        uri, name = _split(tag)
        element = Element(name, uri, {_split(key)[1] if key != XML_LANG else "xml:lang": value
                                      for key, value in attributes.items()}, self._offset())
        if self._open:
            self._open[-1].children.append(element)
        elif self._roots is not None and name not in self._roots:
            raise _OtherDocument(name)
        else:
            self.root = element
        self._open.append(element)

    def end(self, _tag: str) -> None:
        self._open.pop()

    def data(self, data: str) -> None:
        if not self._open:
            return
        self._count_node()
        start = self._offset()
        text = self._text
        reference = _REFERENCE.match(text, start) if len(data) == 1 else None
        if reference:  # &#252; &amp; &nbsp;
            piece = Text(data, start, reference.end(), False)
        elif text.startswith(data, start):
            piece = Text(data, start, start + len(data), True)
        else:  # expat reads CRLF as LF
            piece = Text(data, start, start + 2, False)
        self._open[-1].children.append(piece)

    def close(self) -> Element | None:
        return self.root


class _OtherDocument(Exception):
    """The root element is not one asked for: the rest of the document is not read."""


def _split(tag: str) -> tuple[str, str]:
    """(namespace URI, local name) of an expat name such as `{uri}name`."""
    if tag.startswith("{"):
        uri, _, name = tag[1:].partition("}")
        return uri, name
    return "", tag


def read_tree(text: str, roots: frozenset[str] | None = None, kind: str = "") -> Element:
    """The root element of the XML document `text`. Raises InputError (see the module docstring),
    and NotAnArticle ("not a `kind` document"), as soon as it is read, for a root element whose
    local name is not in `roots` (when given): the rest of such a document is not read."""
    builder = _Builder(text, roots)
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser
    builder.expat.buffer_text = False  # one call per run of text: each run is placed on its own
    parser.entity.update(_ENTITIES)
    try:
        parser.feed(text)
        parser.close()
    except _OtherDocument as error:
        raise NotAnArticle(f"not a {kind} document (its root element is <{error}>)") from None
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise InputError(f"XML refused: it declares an external entity '{error.name}' "
                             f"({error.sysid or error.pubid}); nothing outside the file is read") from None
        raise InputError(f"XML refused: it declares an entity '{error.name}' (<!ENTITY>); entity "
                         "declarations are not expanded (they can be an XML bomb)") from None
    except ExternalReferenceForbidden as error:
        raise InputError(f"XML refused: it refers to an external resource ({error.sysid or error.pubid}); "
                         "nothing outside the file is read") from None
    except DefusedXmlException as error:
        raise InputError(f"XML refused: {error}") from None
    except ParseError as error:
        line, column = error.position
        reason = str(error).rsplit(": line ", 1)[0]
        raise InputError(f"malformed XML on line {line}, column {column + 1}: {reason}") from None
    if builder.root is None:
        raise InputError("malformed XML: no root element")
    return builder.root
