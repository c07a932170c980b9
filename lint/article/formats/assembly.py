"""An article put together out of texts of a structured file, each character with its place there.

A reader of a structured format finds the headline, teaser and paragraphs as texts of the file
(`Placed`: decoded text and each character's offset in the file). `Assembly` tidies each (runs
of spaces and line breaks become one space, placed at the first of them; the ends are stripped),
writes the blocks one per line, as a plain-text article is written, and makes the `Article` with
its `Source`: the line break after a block is placed just past the block's last character, so a
finding that ends with a block ends there in the file too.
"""

from __future__ import annotations

import datetime as dt

import regex
from newslint.article.formats.jsontext import Placed
from newslint.article.frontmatter import FrontMatter
from newslint.article.model import Article, Block, Source, is_subheading

_SPACES = regex.compile(r"[ \t\r\n]{2,}|[\t\r\n]")  # what is not already one space


def tidy(text: Placed) -> Placed:
    """The text with runs of spaces and line breaks made one space and white space stripped at
    the ends."""
    chars, offsets = text.text, text.offsets
    runs = list(_SPACES.finditer(chars))
    if runs:
        parts: list[str] = []
        offsets = []
        position = 0
        for run in runs:
            parts.append(chars[position : run.start()])
            offsets.extend(text.offsets[position : run.start()])
            parts.append(" ")
            offsets.append(text.offsets[run.start()])
            position = run.end()
        parts.append(chars[position:])
        offsets.extend(text.offsets[position:])  # the last one: just past the text
        chars = "".join(parts)
    start = len(chars) - len(chars.lstrip())
    end = len(chars.rstrip())
    if start >= end:
        return Placed("", [text.offsets[-1]])
    if start == 0 and end == len(chars):
        return Placed(chars, offsets)
    return Placed(chars[start:end], offsets[start : end + 1])  # what is stripped begins just past the text


def join(parts: list[Placed]) -> Placed:
    """The texts one after the other."""
    if not parts:
        return Placed("", [0])
    offsets: list[int] = []
    for part in parts:
        offsets.extend(part.offsets[:-1])
    offsets.append(parts[-1].offsets[-1])
    return Placed("".join(part.text for part in parts), offsets)


class Assembly:
    """The blocks of an article, in order, as they are added."""

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._offsets: list[int] = []
        self._blocks: list[Block] = []
        self._length = 0

    def __len__(self) -> int:
        return len(self._blocks)

    def has_prose(self) -> bool:
        """Whether a paragraph has been added."""
        return any(block.kind == "paragraph" for block in self._blocks)

    def add(self, kind: str, text: Placed) -> None:
        """A block of `kind` (see `newslint.article.model.BLOCK_KINDS`); its text is tidied, and
        left out when nothing is left of it."""
        text = tidy(text)
        if not text.text:
            return
        if self._blocks:
            self._texts.append("\n")
            self._offsets.append(self._end)
            self._length += 1
        self._blocks.append(Block(kind, self._length, self._length + len(text.text), text.text))
        self._texts.append(text.text)
        self._offsets.extend(text.offsets[:-1])
        self._length += len(text.text)
        self._end = text.offsets[-1]

    def add_lines(self, texts: list[Placed]) -> None:
        """Paragraphs of plain text: a short one without closing punctuation before another is a
        subheading, as in a `.txt` article."""
        tidied = [part for part in (tidy(text) for text in texts) if part.text]
        for number, text in enumerate(tidied):
            last = number == len(tidied) - 1
            self.add("subheading" if not last and is_subheading(text.text) else "paragraph", text)

    def article(self, path: str, file_text: str, meta: FrontMatter, published: dt.date | None,
                lang: str) -> Article:
        """The Article of the blocks added, read out of `file_text`."""
        text = "".join(self._texts)
        offsets = [*self._offsets, self._end if self._blocks else 0]
        return Article(path, text, text, self._blocks, meta, published, lang, source=Source(file_text, offsets))
