"""Inline suppression comments in Markdown articles.

`<!-- newslint: disable=RULE[,RULE] -->` turns rules off from its line until
`<!-- newslint: enable=RULE -->` (or the end of the file); `<!-- newslint: disable-next-line=RULE -->`
turns them off for the line after the comment. Without `=RULE`, the comment applies to all rules.
A rule's old ids (its `ALIASES`) work as well as its id, and a style rule (`Style.Rule`) is named
by its id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
        return any(
            (name == ALL or name in names) and first <= line <= last for name, first, last in self.ranges
        )


def find_suppressions(text: str) -> Suppressions:
    """Read the suppression comments of a Markdown text."""
    if "newslint:" not in text:
        return Suppressions(())
    ranges: list[tuple[str, int, int]] = []
    open_since: dict[str, int] = {}
    for match in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        end_line = text.count("\n", 0, match.end()) + 1
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
    big = text.count("\n") + 2
    ranges.extend((name, since, big) for name, since in open_since.items())
    return Suppressions(tuple(ranges))
