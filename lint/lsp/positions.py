"""Positions as the protocol counts them: 0-based lines and UTF-16 code units within a line.

The engine counts characters (code points) from the start of the text; an editor counts UTF-16
code units from the start of the line, so „…“ and umlauts are one unit each, an emoji two, and a
combining accent one of its own. Lines end at CR, LF or CRLF on both sides (see
`newslint.engine.lines`).
"""

from __future__ import annotations

from lsprotocol import types

from newslint.engine.lines import line_number, line_starts


def utf16_length(text: str) -> int:
    """How many UTF-16 code units the text takes."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


class Positions:
    """Converts between the engine's character offsets and the protocol's positions in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def position(self, offset: int) -> types.Position:
        """The protocol position of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        line = line_number(self.starts, offset) - 1
        return types.Position(line, utf16_length(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of a protocol position; past a line's end is its end, as the
        protocol asks."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(position.line, 0)]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        units = 0
        for index, character in enumerate(line):
            if units >= position.character:
                return start + index
            units += 2 if ord(character) > 0xFFFF else 1
        return start + len(line)
