"""Quotation marks paired into quotations, per block.

Styles: „…“ (German, ‚…‘ inside), »…« (book style), «…» (Swiss and wire copy, ‹…› inside),
“…” and ‘…’ (English), and straight "…". Marks that serve both as opening and closing marks
(“ closes „ but opens an English quotation) are decided by what is open and by their neighbours.
„ closed by a straight " is paired too (the pair is then mixed, which `quote-marks` reports).
An apostrophe (’ in "geht’s", "’Ndrangheta") is not a quotation mark. A mark followed by a space
opens a quotation only where nothing else is open and a mark later in its block closes it
(„sagte: " Das werden wir sehen. "“). Marks that find no partner in their block are reported as
stray, with what is wrong: "unclosed" or "unopened".

A quotation that runs over several paragraphs follows the news convention: each paragraph but the
last leaves it open, and the next paragraph starts with the same opening mark again. Such a piece
is a `Quotation` with `continued=True`, ending at its paragraph's end, without a closing mark.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# the standard library's engine finds a set of characters faster than `regex`
_MARKS = re.compile(r"[„“”‚‘’»«‹›\"]")
# the closing marks each opening mark accepts
_CLOSERS = {
    "„": "“”\"",
    "‚": "‘’",
    "»": "«",
    "«": "»",
    "›": "‹",
    "‹": "›",
    "“": "”",
    "‘": "’",
    '"': '"',
}
_OPEN_BEFORE = " \t\n([{/–—-„‚»«‹›“‘\""


class Quotation(NamedTuple):
    """A pair of quotation marks: `start` is the opening mark, `end` is just past the closing one.

    A `continued` quotation runs on into the next paragraph: it ends at its paragraph's end and
    its `closing` is empty. (A named tuple: an article has thousands, made four times faster than
    a frozen dataclass.)
    """

    start: int
    end: int
    opening: str
    closing: str
    depth: int
    #: the text the offsets point into; `text` is cut from it when asked for, so that thousands
    #: of nested quotations do not each keep a copy of everything inside them
    source: str
    continued: bool = False

    def __repr__(self) -> str:  # without the source: the article's whole text
        return (f"Quotation(start={self.start}, end={self.end}, opening={self.opening!r}, "
                f"closing={self.closing!r}, depth={self.depth}, continued={self.continued})")

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - len(self.closing)

    @property
    def text(self) -> str:
        """What stands between the marks."""
        return self.source[self.start + 1 : self.end - len(self.closing)]


class StrayMark(NamedTuple):
    """A quotation mark without its partner in its block."""

    offset: int
    mark: str
    problem: str  # "unclosed" or "unopened"


class QuoteScan(NamedTuple):
    quotations: tuple[Quotation, ...]
    stray: tuple[StrayMark, ...]


def scan(article) -> QuoteScan:
    """Pair the quotation marks of every block of the article."""
    quotations: list[Quotation] = []
    stray: list[StrayMark] = []
    blocks = article.blocks
    text = article.prose
    for number, block in enumerate(blocks):
        if _MARKS.search(text, block.start, block.end) is None:
            continue  # most blocks: no quotation mark, nothing to pair or to carry on
        unclosed: list[StrayMark] = []
        scan_text(text, block.start, block.end, quotations, unclosed)
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        open_marks = [mark for mark in unclosed if mark.problem == "unclosed"]
        if (
            len(open_marks) == 1
            and following is not None
            and block.kind == following.kind == "paragraph"
            and text[following.start] == open_marks[0].mark
        ):
            mark = open_marks[0]
            unclosed.remove(mark)
            quotations.append(
                Quotation(mark.offset, block.end, mark.mark, "", 0, text, True)
            )
        stray.extend(unclosed)
    quotations.sort(key=lambda q: q.start)
    stray.sort(key=lambda s: s.offset)
    return QuoteScan(tuple(quotations), tuple(stray))


def scan_text(text: str, start: int, end: int, quotations: list, stray: list) -> None:
    """Pair the marks in text[start:end], adding to `quotations` and `stray`."""
    stack: list[tuple[str, int]] = []
    loose: set[int] = set()  # openers with a space after them: stray unless something closes them
    for match in _MARKS.finditer(text, start, end):
        mark, offset = match.group(), match.start()
        before = text[offset - 1] if offset > start else " "
        after = text[offset + 1] if offset + 1 < end else " "
        depth = _open_depth(stack, mark)
        if depth is not None and _may_close(mark, before, after):
            for unclosed, at in stack[depth + 1 :]:
                stray.append(StrayMark(at, unclosed, "unopened" if at in loose else "unclosed"))
            opening, at = stack[depth]
            del stack[depth:]
            quotations.append(
                Quotation(at, offset + 1, opening, mark, depth, text)
            )
        elif mark in _CLOSERS and _may_open(mark, before, after):
            stack.append((mark, offset))
        elif mark in "’‘" and (before.isalnum() or after.isalnum()):
            continue  # an apostrophe ("geht’s", "’Ndrangheta")
        elif mark == '"' and not stack and before.isalnum() and after.isalnum():
            continue
        elif not stack and mark in _CLOSERS and after.isspace() and _may_open(mark, before, "x"):
            stack.append((mark, offset))  # „sagte: " Das …. "“: a space inside the marks
            loose.add(offset)
        else:
            stray.append(StrayMark(offset, mark, "unopened"))
    for mark, at in stack:
        stray.append(StrayMark(at, mark, "unopened" if at in loose else "unclosed"))


_ALL_CLOSERS = frozenset("".join(_CLOSERS.values()))
_MAX_NESTING = 8  # how far down the open quotations a closing mark looks for its partner


def _open_depth(stack: list[tuple[str, int]], mark: str) -> int | None:
    """The innermost open quotation that `mark` can close."""
    if mark not in _ALL_CLOSERS:
        return None
    for depth in range(len(stack) - 1, max(len(stack) - 1 - _MAX_NESTING, -1), -1):
        if mark in _CLOSERS[stack[depth][0]]:
            return depth
    return None


def _may_close(mark: str, before: str, after: str) -> bool:
    if mark in "’‘":  # not an apostrophe inside a word ("geht’s")
        return not (before.isalnum() and after.isalnum())
    if mark in "«»‹›\"":
        return not before.isspace() or not after.isalnum()
    return True


def _may_open(mark: str, before: str, after: str) -> bool:
    if mark == "„":  # only ever an opening mark
        return True
    if after.isspace():
        return False
    if mark in "‘’\"«»‹›“":
        return before in _OPEN_BEFORE
    return True
