"""Inline suppression comments, in Markdown, HTML, XML and plain-text articles.

Markdown: `<!-- newslint: disable=RULE[,RULE] -->` turns rules off from its line until
`<!-- newslint: enable=RULE -->` (or the end of the file); `<!-- newslint: disable-next-line=RULE -->`
turns them off for the line after the comment; HTML and XML (NewsML-G2, NITF) files take the same
comments, and a comment's line is a line of the file. Plain text (`.txt`): the same directives on a line
of their own after `#`, such as `# newslint: disable-next-line=RULE`; the article model leaves
such lines out of the article (they are no headline, no paragraph, never checked). Without `=RULE`,
a directive applies to all rules. A rule's old ids (its `ALIASES`) work as well as its id, and a
style rule (`Style.Rule`) is named by its id.

A run reports what is wrong with the directives as findings of their own: a rule name that no rule
has (`UNKNOWN`, always) and, when asked (`--report-unused-suppressions`, or
`report-unused-suppressions = true` in the configuration), a suppression that suppressed nothing
(`UNUSED`, as ruff's RUF100).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from dataclasses import dataclass, field

from newslint.engine.lines import line_number, line_starts, with_line_feeds

ALL = "*"
#: the ids of the engine's own findings about suppression comments
UNKNOWN = "unknown-suppression"
UNUSED = "unused-suppression"
#: what `newslint explain` says of them
EXPLANATIONS = {
    UNKNOWN: "A suppression comment names a rule that does not exist (default severity: error, always "
             "reported).\n\nA misspelt rule id would otherwise suppress nothing in silence. Correct the "
             "name (the message suggests the closest rule id) or remove the comment; `newslint rules` lists "
             "the rules.",
    UNUSED: "A suppression comment suppressed nothing in this run (default severity: warning; reported "
            "with --report-unused-suppressions, or report-unused-suppressions = true in the configuration)."
            "\n\nThe finding it was written for has gone: the text was "
            "put right, or the rule no longer reports it. Remove the comment, so that it does not hide a "
            "later finding on that line.",
}

_ACTIONS = r"(disable-next-line|disable|enable)"
_MARKDOWN = re.compile(rf"<!--\s*newslint:\s*{_ACTIONS}(?:\s*=\s*([\w\-.,\s]+?))?\s*-->")
_PLAIN = re.compile(rf"^[ \t]*#[ \t]*newslint:[ \t]*{_ACTIONS}(?:[ \t]*=[ \t]*([\w\-., \t]+?))?[ \t]*(?=\r?$)",
                    re.MULTILINE)
_SYNTAXES = {"markdown": _MARKDOWN, "plain": _PLAIN}
_COMMENTS = {"markdown": "<!-- newslint: disable-next-line={} -->", "plain": "# newslint: disable-next-line={}"}


def syntax_of(path: str) -> str | None:
    """The suppression syntax of an article's format: "markdown", "plain" (.txt) or None (none)."""
    from newslint.article.formats import format_of

    # HTML and XML comments: the Markdown syntax
    return {"markdown": "markdown", "html": "markdown", "xml": "markdown", "plain": "plain"}.get(format_of(path))


def comment_for(path: str, rule_id: str) -> str | None:
    """The line a writer adds before a line of the article at `path` to suppress `rule_id` on it,
    in the syntax of the article's format; None for a format without one."""
    syntax = syntax_of(path)
    return _COMMENTS[syntax].format(rule_id) if syntax else None


def directive_lines(text: str) -> list[tuple[int, int]]:
    """The spans (start, end, line breaks left out) of the lines of a plain text that are suppression
    directives: not part of the article."""
    if "newslint:" not in text:
        return []
    return [(match.start(), match.end()) for match in _PLAIN.finditer(with_line_feeds(text))]


@dataclass(eq=False)
class Suppression:
    """One rule named by one directive: off from line `first` to line `last` (for `enable`, a
    mention only: first = last = 0). `start`/`end` are the name's offsets in the text."""

    name: str
    first: int
    last: int
    start: int
    end: int


class _Spans:
    """The lines that one name is off on (the spans of its suppressions), and the lines on which
    it suppressed a finding. Each question is a binary search, so an article with many directives
    and many findings stays quick."""

    def __init__(self, suppressions: list[Suppression]) -> None:
        spans = sorted((suppression.first, suppression.last) for suppression in suppressions)
        self._firsts = [first for first, _ in spans]
        self._reach = list(accumulate((last for _, last in spans), max))  # the last line off so far
        self._suppressed: list[int] = []  # the lines of the findings suppressed
        self._sorted = True

    def covers(self, line: int) -> bool:
        index = bisect_right(self._firsts, line)
        return index > 0 and self._reach[index - 1] >= line

    def suppress(self, line: int) -> None:
        self._suppressed.append(line)
        self._sorted = False

    def suppressed_between(self, first: int, last: int) -> bool:
        """Whether a finding on a line from `first` to `last` was suppressed."""
        if not self._sorted:
            self._suppressed.sort()
            self._sorted = True
        index = bisect_left(self._suppressed, first)
        return index < len(self._suppressed) and self._suppressed[index] <= last


@dataclass
class Suppressions:
    """The suppression directives of an article, and which of them have suppressed something."""

    mentions: list[Suppression] = field(default_factory=list)  # every name in every directive

    def __post_init__(self) -> None:
        by_name: dict[str, list[Suppression]] = {}
        for mention in self.mentions:
            if mention.first:
                by_name.setdefault(mention.name, []).append(mention)
        self._spans = {name: _Spans(suppressions) for name, suppressions in by_name.items()}

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def covers(self, names: tuple[str, ...], line: int) -> bool:
        """Whether a rule, by any of its `names` (its id and old ids), is off on `line`; the
        suppressions that cover it count as used."""
        covered = False
        for name in (ALL, *names):
            spans = self._spans.get(name)
            if spans is not None and spans.covers(line):
                spans.suppress(line)
                covered = True
        return covered

    def unknown(self, known: Callable[[str], bool]) -> list[Suppression]:
        """The names that no rule has (`known(name)` says whether one does)."""
        return [mention for mention in self.mentions if mention.name != ALL and not known(mention.name)]

    def unused(self, ran: Callable[[str], bool]) -> list[Suppression]:
        """The suppressions that suppressed nothing, of rules that ran (`ran(name)`; all rules for
        a directive without names)."""
        return [mention for mention in self.mentions
                if mention.first and (mention.name == ALL or ran(mention.name))
                and not self._spans[mention.name].suppressed_between(mention.first, mention.last)]


def find_suppressions(text: str, syntax: str = "markdown") -> Suppressions:
    """Read the suppression directives of a text in a syntax of `syntax_of`."""
    if "newslint:" not in text:
        return Suppressions()
    mentions: list[Suppression] = []
    open_ones: dict[str, list[Suppression]] = {}
    starts = line_starts(text)  # computed once: a directive's line is a search in it
    for match in _SYNTAXES[syntax].finditer(with_line_feeds(text)):
        line = line_number(starts, match.start())
        end_line = line_number(starts, match.end(1))
        action = match.group(1)
        for name, start, end in _names(match):
            if action == "disable-next-line":
                mentions.append(Suppression(name, end_line + 1, end_line + 1, start, end))
            elif action == "disable":
                mentions.append(Suppression(name, line, 0, start, end))
                open_ones.setdefault(name, []).append(mentions[-1])
            else:
                mentions.append(Suppression(name, 0, 0, start, end))
                for closed in name, *(open_ones if name == ALL else ()):
                    for suppression in open_ones.pop(closed, ()):
                        suppression.last = line
    for still_open in open_ones.values():
        for suppression in still_open:
            suppression.last = len(starts) + 1
    return Suppressions(mentions)


def _names(match: re.Match) -> list[tuple[str, int, int]]:
    """The rule names of a directive with their offsets; ALL (the directive's span) without any."""
    if match.group(2) is None:
        return [(ALL, match.start(), match.end())]
    found = []
    for name in re.finditer(r"[^,\s]+", match.group(2)):
        found.append((name.group(), match.start(2) + name.start(), match.start(2) + name.end()))
    return found or [(ALL, match.start(), match.end())]
