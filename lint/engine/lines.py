"""Lines of a text: CR, LF and CRLF each end a line, wherever positions are computed.

Editors and SARIF viewers take a lone CR (old Mac files, some CMS exports) for a line break; so do
the reports' lines and columns, the article's blocks and the suppression comments. A text keeps its
characters as on disk: `with_line_feeds` gives the same text with each lone CR as LF (same length,
same offsets) for the code that looks for "\\n".
"""

from __future__ import annotations

import bisect
import re

LINE_END = re.compile(r"\r\n?|\n")
LINE_END_BYTES = re.compile(rb"\r\n?|\n")  # the same in undecoded bytes
_LONE_CR = re.compile(r"\r(?!\n)")


def line_starts(text: str) -> list[int]:
    """The offset where each line starts (the first is 0)."""
    if "\r" not in text:  # the usual case, and the quickest search
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return starts
    return [0, *(match.end() for match in LINE_END.finditer(text))]


def line_number(starts: list[int], offset: int) -> int:
    """The 1-based line of a character offset, given the text's `line_starts`."""
    return bisect.bisect_right(starts, offset)


def line_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line(s) around `start`…`end` begin and end, line breaks left out."""
    end = start if end is None else end
    begin = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    stop = LINE_END.search(text, end)
    return begin, len(text) if stop is None else stop.start()


def with_line_feeds(text: str) -> str:
    """The text with each lone CR as LF: a line break for code that looks for "\\n"."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text
