"""Word documents (.docx), read with python-docx: the body's paragraphs, one line each.

The text newslint makes of a document has one line per paragraph of the body, in order (empty
paragraphs too), so a finding's line is the paragraph's number and its column the character in
it. A line break inside a paragraph becomes a space and a tab stays a tab: every character is one
character. Paragraphs inside content controls are read; tables, text boxes, headers, footers,
footnotes and comments are not, nor text deleted with tracked changes (inserted text is read),
captions (the Caption style) and a content control's placeholder text: their lines are empty.

The blocks are those of a `.txt` article of these lines (`newslint.article.model.line_blocks`),
with Word's styles: the first paragraph in the Title style (else in a Heading style) is the
headline (else the first paragraph; short paragraphs above it, a kicker, are subheadings), further
Title and Heading paragraphs are subheadings, and a paragraph in the Subtitle style right below
the headline is the teaser; a style based on one of these counts as it. The publication date, for
a run that gives none (`--published`, `published`), is the day of the document's last save (core
property `modified`, else `created`; none when no editor ever saved it), the language its core
property `language` when set.

The article carries a `Source` whose text is the text made here: findings are placed in it and
no fix is ever applied, so a .docx is never written.

Bad input is an InputError: a file that is not a zip (an encrypted document is an OLE container),
a zip with encrypted entries, one that unpacks to more than the size limit (a zip bomb: the zip's
sizes are checked before anything is unpacked, and Python's zipfile never unpacks more than an
entry's stated size), one without a Word document, and XML that lxml refuses. python-docx parses
with lxml's `XMLParser(resolve_entities=False)` and lxml's defaults (no DTD loaded, no network,
no huge trees: deeper than 256 levels is an error), so no entity is expanded and nothing is
fetched. A document without text is not an article (`NotAnArticle`): an empty template.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from newslint.engine.source import InputError, NotAnArticle, megabytes

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: elements whose content is not the paragraph's text as Word shows it in the body
_HIDDEN = frozenset({_W + "del", _W + "moveFrom", _W + "txbxContent", _W + "pPr", _W + "rPr", _FALLBACK})
#: elements that stand for a character
_CHARACTERS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-"}
#: block-level elements whose children are read as the body's (content controls, custom XML)
_CONTAINERS = {_W + "sdt": _W + "sdtContent", _W + "customXml": None}
_PARAGRAPH_STYLE = f"{_W}pPr/{_W}pStyle"
_PLACEHOLDER = f"{_W}sdtPr/{_W}showingPlcHdr"  # a content control that shows its placeholder text
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # an OLE compound file: an encrypted .docx, or a .doc
_STYLES = {"title": "title", "subtitle": "teaser", "caption": "caption"}  # and "heading N": "heading"


def parse(path: str, data: bytes, published: dt.date | None = None, lang: str = "de",
          max_size: int | None = None):
    """The Article of a .docx file's bytes (see the module docstring)."""
    from newslint.article.frontmatter import FrontMatter
    from newslint.article.model import Article, Source, line_blocks

    document = _open(data, max_size)
    kinds = _style_kinds(document)
    paragraphs = []
    for p, shown in _paragraphs(document.element.body):
        style = p.find(_PARAGRAPH_STYLE)
        kind = kinds.get(style.get(_W + "val") if style is not None else None, kinds[None])
        paragraphs.append((_text(p) if shown and kind != "caption" else "", kind))
    text = "\n".join(content for content, _kind in paragraphs)
    lines, styled, position = [], [], 0
    for content, kind in paragraphs:
        stripped = content.strip()
        if stripped:
            start = position + len(content) - len(content.lstrip())
            lines.append((start, start + len(stripped), stripped))
            styled.append(kind)
        else:
            lines.append(None)
            styled.append(None)
        position += len(content) + 1
    top = "title" if "title" in styled else "heading"  # the headline's style: Title, else a Heading
    marked = [("headline" if kind == top else "subheading") if kind in ("title", "heading") else kind
              for kind in styled]
    if all(line is None for line in lines):
        raise NotAnArticle("no text in the document's body (tables, headers and footers are not read)")
    saved, language = _properties(document)
    return Article(path, text, text, line_blocks(lines, marked), FrontMatter(lang=language),
                   published or saved, lang, source=Source(text, range(len(text) + 1)))


def _properties(document) -> tuple[dt.date | None, str | None]:
    """The day of the document's last save (else of its making) and its language, from its core
    properties; neither when it has none (python-docx would make them up: today, no language). A
    document no editor has saved (made from a template by a tool: `modified` the same as
    `created`, revision 1, no `lastModifiedBy`) has the template's dates: no date."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        properties = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES).core_properties
    except (KeyError, ValueError, AttributeError):  # none, two, or a part that is not core properties
        return None, None
    saved = properties.modified or properties.created
    if properties.modified == properties.created and properties.revision <= 1 and not properties.last_modified_by:
        saved = None  # never saved by an editor: a template's dates, kept by the tool that made it
    return (saved.date() if saved else None), (properties.language or "").strip() or None


def _open(data: bytes, max_size: int | None):
    """The python-docx Document of the bytes, or InputError saying why they are not one."""
    if data.startswith(_OLE):
        raise InputError("an encrypted (password-protected) document or an old .doc file, not a .docx; "
                         "save it as .docx without a password")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError("not a .docx document (not a zip file)") from None
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError("the document is encrypted (password-protected); save it without a password")
    unpacked = sum(member.file_size for member in members)
    if max_size is not None and unpacked > max_size:
        raise InputError(f"the document unpacks to {megabytes(unpacked)}, more than the limit of "
                         f"{megabytes(max_size)} (set max-file-size in the configuration to raise it)")
    if "word/document.xml" not in {member.filename for member in members}:
        raise InputError("not a Word document: the zip has no word/document.xml")
    import docx  # only a run that reads a .docx loads python-docx
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except etree.LxmlError as error:
        raise InputError(f"not a readable Word document: {error}") from None
    except (KeyError, ValueError, zipfile.BadZipFile, EOFError, NotImplementedError, OSError) as error:
        reason = str(error).strip("'\"") or type(error).__name__
        raise InputError(f"not a readable Word document: {reason}") from None


def _paragraphs(container, shown: bool = True):
    """The paragraphs (<w:p>) of the body in order, also inside content controls (not in tables),
    each with whether its text is the writer's (not a content control's placeholder)."""
    for child in container.iterchildren():
        if child.tag == _W + "p":
            yield child, shown
        elif child.tag in _CONTAINERS:
            inner = _CONTAINERS[child.tag]
            own = shown and child.find(_PLACEHOLDER) is None
            for part in (child.iterchildren(inner) if inner else (child,)):
                yield from _paragraphs(part, own)


def _text(element) -> str:
    """A paragraph's text as Word shows it, on one line."""
    pieces: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "t":  # its text, and what follows an entity left unexpanded in it
            pieces.append((child.text or "") + "".join(inner.tail or "" for inner in child))
        elif tag in _CHARACTERS:
            pieces.append(_CHARACTERS[tag])
        elif tag not in _HIDDEN and isinstance(tag, str) and child.find(_PLACEHOLDER) is None:
            pieces.append(_text(child))
    return "".join(pieces).replace("\r", " ").replace("\n", " ")


def _style_kinds(document) -> dict[str | None, str | None]:
    """What each paragraph style (by id; None: the default one) makes of a paragraph: "title",
    "heading" (Heading 1 … 9), "teaser" (Subtitle), "caption" (Caption: not read) or None; a
    style based on one of these counts as it."""
    names, bases, default = {}, {}, None
    for style in document.styles.element.iterchildren(_W + "style"):
        if style.get(_W + "type") != "paragraph":
            continue
        style_id = style.get(_W + "styleId")
        name, based_on = style.find(_W + "name"), style.find(_W + "basedOn")
        names[style_id] = (name.get(_W + "val") or "").lower() if name is not None else ""
        bases[style_id] = based_on.get(_W + "val") if based_on is not None else None
        if style.get(_W + "default") in ("1", "true", "on") and default is None:
            default = style_id
    kinds: dict[str | None, str | None] = {}
    for style_id in names:
        kind, seen, current = None, set(), style_id
        while current in names and kind is None and current not in seen:
            seen.add(current)
            name = names[current]
            kind = _STYLES.get(name) or ("heading" if name.startswith("heading ") else None)
            current = bases[current]
        kinds[style_id] = kind
    kinds[None] = kinds.get(default)
    return kinds
