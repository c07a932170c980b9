"""The prose as a reader sees it: Markdown markup taken out rather than blanked, with the way back.

`prose` keeps every offset of the file by blanking markup with spaces, so "ist **wichtig**." reads
"ist   wichtig  ." there. A reader, LanguageTool and a style rule that looks at spacing or
punctuation must see "ist wichtig." instead. `block_text` gives a block's text so: where markup
was blanked, the gap becomes one space (or nothing inside a word), as a line break does. Anchors
— (offset in the text, offset in the file) — lead back to the file.

`ReadableText` is the whole article so, one block a line, with both ways: `to_file` for what a
pattern found, `from_file` for what the analysis found (sentences, quotations); an article
without markup inside its blocks is read where it stands, in its prose.
"""

from __future__ import annotations

import bisect

import regex

_SPACE = regex.compile(r"\s+")


def block_text(article, block) -> tuple[str, list[tuple[int, int]]]:
    """The block's text as a reader sees it, and anchors (offset in it, offset in the file)."""
    text, prose = article.text, article.prose
    start, end = block.start, block.end
    if text.startswith(block.text, start) and "\n" not in block.text:
        return block.text, [(0, start)]
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    position = start
    for space in _SPACE.finditer(prose, pos=start, endpos=end):
        a, b = space.span()
        original = text[a:b]
        if original == prose[a:b] and "\n" not in original:
            continue
        anchors.append((length, position))
        parts.append(prose[position:a])
        length += a - position
        if any(character.isspace() for character in original):
            anchors.append((length, a))
            parts.append(" ")
            length += 1
        position = b
    anchors.append((length, position))
    parts.append(prose[position:end])
    return "".join(parts), anchors


def to_file(anchors: list[tuple[int, int]], offset: int) -> int:
    """The file offset of an offset into a text with these anchors."""
    index = bisect.bisect_right(anchors, (offset, float("inf"))) - 1
    sent, file = anchors[max(index, 0)]
    return file + offset - sent


class ReadableText:
    """The article's blocks as a reader sees them, one a line: `text`, and the way to the file.

    `blocks` pairs each block of the article with its (start, end) in `text`. When no block has
    markup taken out or a line break inside (a plain-text article, most Markdown ones), `text` is
    the article's prose itself — the blocks where they are in the file, everything else blank —
    and offsets are the file's.
    """

    def __init__(self, article) -> None:
        prose, text = article.prose, article.text
        if all("\n" not in block.text and text.startswith(block.text, block.start) for block in article.blocks):
            self.text = prose
            self.blocks = tuple((block, block.start, block.end) for block in article.blocks)
            self.identity = True
            return
        self.identity = False
        lines: list[str] = []
        anchors: list[tuple[int, int]] = []
        blocks = []
        length = 0
        for block in article.blocks:
            text, own = block_text(article, block)
            anchors.extend((length + at, file) for at, file in own)
            blocks.append((block, length, length + len(text)))
            lines.append(text)
            length += len(text) + 1
        self.text = "\n".join(lines)
        self.blocks = tuple(blocks)
        self._anchors = anchors or [(0, 0)]
        self._in_text = [at for at, _file in self._anchors]
        self._in_file = [file for _at, file in self._anchors]

    def to_file(self, offset: int) -> int:
        """The file offset of an offset into `text`."""
        if self.identity:
            return offset
        index = max(bisect.bisect_right(self._in_text, offset) - 1, 0)
        return self._in_file[index] + offset - self._in_text[index]

    def from_file(self, offset: int) -> int:
        """The offset into `text` of a file offset (of markup taken out: where it was)."""
        if self.identity:
            return offset
        index = max(bisect.bisect_right(self._in_file, offset) - 1, 0)
        at = self._in_text[index] + offset - self._in_file[index]
        if index + 1 < len(self._in_text):
            at = min(at, self._in_text[index + 1])
        return at
