"""Inline suppression comments in Markdown articles.

`<!-- newslint: disable=RULE[,RULE] -->` turns rules off from its line until
`<!-- newslint: enable=RULE -->` (or the end of the file); `<!-- newslint: disable-next-line=RULE -->`
turns them off for the line after the comment. Without `=RULE`, the comment applies to all rules.
A rule's old ids (its `ALIASES`) work as well as its id, and a style rule (`Style.Rule`) is named
by its id.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from newslint.engine.lines import line_number, line_starts

_DIRECTIVE = re.compile(
    r"<!--\s*newslint:\s*(disable-next-line|disable|enable)(?:\s*=\s*([\w\-.,\s]+?))?\s*-->"
)
ALL = "*"


@dataclass(frozen=True)
class Suppressions:
    """Which rules are off on which lines."""

    ranges: tuple[tuple[str, int, int], ...]  # (rule or ALL, first line, last line)

    def covers(self, names: tuple[str, ...], line: int) -> bool:
        """Whether a rule, by any of its `names` (its id and old ids), is off on `line`."""
        index = self._by_name
        return any(_within(index[name], line) for name in (ALL, *names) if name in index)

    @cached_property
    def _by_name(self) -> dict[str, tuple[list[int], list[int]]]:
        """Per rule name: the first and last lines of its ranges, merged and sorted (for bisect)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for name, first, last in self.ranges:
            spans.setdefault(name, []).append((first, last))
        index = {}
        for name, found in spans.items():
            firsts: list[int] = []
            lasts: list[int] = []
            for first, last in sorted(found):
                if lasts and first <= lasts[-1] + 1:
                    lasts[-1] = max(lasts[-1], last)
                else:
                    firsts.append(first)
                    lasts.append(last)
            index[name] = (firsts, lasts)
        return index


def _within(spans: tuple[list[int], list[int]], line: int) -> bool:
    firsts, lasts = spans
    number = bisect.bisect_right(firsts, line) - 1
    return number >= 0 and line <= lasts[number]


def find_suppressions(text: str) -> Suppressions:
    """Read the suppression comments of a Markdown text."""
    if "newslint:" not in text:
        return Suppressions(())
    ranges: list[tuple[str, int, int]] = []
    open_since: dict[str, int] = {}
    starts = line_starts(text)  # computed once: a directive's line is a search in it
    for match in _DIRECTIVE.finditer(text):
        line = line_number(starts, match.start())
        end_line = line_number(starts, match.end())
        names = [n.strip() for n in (match.group(2) or ALL).split(",") if n.strip()]
        action = match.group(1)
        for name in names:
            if action == "disable-next-line":
                ranges.append((name, end_line + 1, end_line + 1))
            elif action == "disable":
                open_since.setdefault(name, line)
            elif name == ALL:
                for other, since in open_since.items():
                    ranges.append((other, since, line))
                open_since.clear()
            elif name in open_since:
                ranges.append((name, open_since.pop(name), line))
    big = len(starts) + 1
    ranges.extend((name, since, big) for name, since in open_since.items())
    return Suppressions(tuple(ranges))
