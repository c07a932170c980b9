"""Markdown bodies: find the blocks, and blank out the markup that is not prose.

Blanking replaces characters by spaces (newlines stay), so the prose that rules see has the same
length as the file and every offset in it is an offset into the file. Code, HTML comments and tags,
link targets, image references, URLs and markup characters are blanked. Code is what Vale's
Markdown scoping leaves out too: fenced and indented code blocks (CommonMark's: a line indented by
four columns, a tab reaching the fourth, where no paragraph, list item or HTML block goes on), code
spans, and the content of the HTML elements `<code>`, `<tt>`, `<pre>`, `<script>` and `<style>`.
"""

from __future__ import annotations

import re

import regex

# The line patterns are plain ASCII: the standard library's engine runs them with less overhead
# per call than `regex`, which the inline pattern needs (possessive repetition on Python 3.10).

# A comment, an element of code with its content (it ends at its closing tag, and gives up at the
# next opening one, so unclosed tags are each read once), or any other tag.
_COMMENT_OR_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(code|tt|pre|script|style)\b[^<>\n]*>[^<]*(?:<(?!/?\1\b)[^<]*)*</\1\s*>"
    r"|</?[A-Za-z][^<>\n]*>",
    re.DOTALL | re.IGNORECASE,
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_QUOTE_PREFIX = re.compile(r" {0,3}(?:>[ \t]?)+")
_LIST_MARKER = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_INDENT = re.compile(r"[ \t]*")

# A link target "(...)": it ends at the first ")" and never runs into the next "](", so that a
# line full of unclosed links is read in linear time (as are all the patterns here).
_TARGET = r"\((?:[^\])\n]|\](?!\())*+\)"
# Inline markup: each alternative names what to blank (the whole match or parts around the text).
_INLINE = regex.compile(
    r"""
      (?P<all>(`+).+?(?<!`)\2(?!`))                          # code span
    | (?P<all>!\[(?:[^\]\n!]|!(?!\[))*+\](?:{target}|\[[^\]\n]*\]))  # image
    | (?P<open>\[)(?=[^\[\]\n]*+\](?:\(|\[))                 # link text opens
    | (?P<all>\]{target}|\]\[[^\]\n]*\])                      # link target or reference
    | (?P<all><(?:https?|ftp|mailto):[^<>\s]*+>|<[^<>\s@]+@[^<>\s]+>)  # autolink
    | (?P<all>\bhttps?://[^\s<>\]\[)(]+)                      # bare URL
    | (?P<all>\*{1,3}(?=\S)|(?<=\S)\*{1,3})                  # emphasis
    | (?P<all>(?<![\p{L}\p{N}])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\p{L}\p{N}]))
    | (?P<all>~~)                                           # strikethrough
    | (?P<all>\\(?=[\\`*_{}\[\]()\#+\-.!|~<>"']))           # backslash escape
    | (?P<all>\|)                                           # table cell border
    """.replace("{target}", _TARGET),
    regex.VERBOSE | regex.DOTALL,
)
#: a character that every alternative of `_INLINE` but the bare URL ("://") needs: most
#: paragraphs have none, and this search is much cheaper than trying `_INLINE` everywhere
_INLINE_CHARACTER = re.compile(r"[`!\[\]<*_~\\|]")


def parse_body(text: str, start: int) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """Read the Markdown body of `text` from offset `start`.

    Returns the ranges to blank and the blocks as (kind, start, end), where kind is "heading1"
    (a top-level heading), "subheading" or "paragraph".
    """
    blanks: list[tuple[int, int]] = [m.span() for m in _COMMENT_OR_TAG.finditer(text, start)]
    visible = _blank(text, blanks)
    blocks: list[tuple[str, int, int]] = []
    paragraph: list[int] | None = None  # [start, end] of the open paragraph
    fence: str | None = None
    in_list = False  # since a list item, without a line at the left margin after a blank one
    in_html = False  # since a line of HTML tags only, without a blank line

    def close() -> None:
        nonlocal paragraph
        if paragraph is not None:
            blocks.append(("paragraph", paragraph[0], paragraph[1]))
            paragraph = None

    for line_start, line_end in _lines(visible, start):
        line = visible[line_start:line_end]
        if fence is not None:
            blanks.append((line_start, line_end))
            if line.strip().startswith(fence):
                fence = None
            continue
        if line[:1].isalpha():  # no block markup starts with a letter: a line of prose
            if paragraph is None:
                in_list = False
                paragraph = [line_start, line_end]
            else:
                paragraph[1] = line_end
            continue
        if not line.strip():
            close()
            in_html = line_end > line_start and not text[line_start:line_end].isspace()
            continue
        indent = _indent(text, line_start) if text[line_start] in " \t" else 0  # markup blanked is no indent
        if indent >= 4 and paragraph is None and not in_list and not in_html:
            blanks.append((line_start, line_end))  # a line of an indented code block
            continue
        if indent < 2 and paragraph is None:
            in_list = False
        match = _FENCE.match(line)
        if match:
            close()
            in_list = False
            fence = match.group(1)
            blanks.append((line_start, line_end))
            continue
        match = _HEADING.match(line)
        if match:
            close()
            in_list = False
            blanks.append((line_start, line_start + match.end()))
            closing = _HEADING_CLOSE.search(line, match.end())
            end = line_start + (closing.start() if closing else len(line))
            if closing:
                blanks.append((end, line_end))
            kind = "heading1" if len(match.group(1)) == 1 else "subheading"
            blocks.append((kind, line_start + match.end(), end))
            continue
        if paragraph is not None and _SETEXT.match(line):
            blanks.append((line_start, line_end))
            kind = "heading1" if "=" in line else "subheading"
            blocks.append((kind, paragraph[0], paragraph[1]))
            paragraph = None
            continue
        if _BREAK.match(line) or _LINK_DEFINITION.match(line) or _TABLE_RULE.match(line):
            close()
            blanks.append((line_start, line_end))
            continue
        content_start = line_start
        match = _QUOTE_PREFIX.match(line)
        if match:
            blanks.append((line_start, line_start + match.end()))
            content_start += match.end()
        match = _LIST_MARKER.match(visible, content_start, line_end)
        if match:
            close()
            in_list = True
            blanks.append((content_start, match.end()))
            content_start = match.end()
        if paragraph is None:
            paragraph = [content_start, line_end]
        else:
            paragraph[1] = line_end
    close()

    if not _may_have_inline_markup(visible, start, len(visible)):
        return blanks, blocks  # most articles: no inline markup anywhere
    for _kind, block_start, block_end in blocks:
        if not _may_have_inline_markup(visible, block_start, block_end):
            continue
        for match in _INLINE.finditer(visible, block_start, block_end):
            if match.group("open"):
                blanks.append(match.span("open"))
            else:
                blanks.append(match.span())
    return blanks, blocks


def _indent(text: str, start: int) -> int:
    """The columns the line at `start` is indented by, a tab reaching the next multiple of four."""
    width = 0
    for character in _INDENT.match(text, start).group():
        width = width + 4 - width % 4 if character == "\t" else width + 1
    return width


def _may_have_inline_markup(text: str, start: int, end: int) -> bool:
    return _INLINE_CHARACTER.search(text, start, end) is not None or text.find("://", start, end) >= 0


def blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with the given ranges replaced by spaces (newlines kept)."""
    return _blank(text, ranges)


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    pieces = []
    position = 0
    for start, end in sorted(ranges):
        start = max(start, position)
        if start >= end:
            continue
        pieces.append(text[position:start])
        segment = text[start:end]
        if "\n" not in segment:
            pieces.append(" " * len(segment))
        else:  # each line blanked, the newlines kept
            pieces.append("\n".join(" " * len(line) for line in segment.split("\n")))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _lines(text: str, start: int):
    """(start, end) of each line from `start`, end before the line break."""
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        if newline == -1:
            newline = length
        end = newline - 1 if newline > position and text[newline - 1] == "\r" else newline
        yield position, end
        position = newline + 1
