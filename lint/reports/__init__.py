"""Report formats: each module renders the results of a run as one text.

A format module has `render(results, color=False) -> str`, where `results` is the list of
FileResults of the run in input order. The formats in STREAMING also have `write(results, out,
color=False)`, which takes the results as they come (any iterable, in input order) and writes each
file's part of the report at once, keeping only what the report's end needs (the errors, counts):
a run over any number of files then holds only the files under way. Modules are imported only
when their format is asked for.
The formats in SHOW_TEXT show the articles' text (FileResult.text); for the others, a run may
leave it out. Besides the formats of `newslint check`: the listing of `newslint quotes`
(`quotes`) and the audit dashboard (`dashboard`); the HTML pages share `html_page`.

Output meant for a terminal (text, GitHub annotations in a CI log, the quotes listing, messages on
stderr) passes what comes from articles and file names through `printable`, so that an escape
sequence in an article cannot retitle, recolour or clear the reader's terminal or hide text.

May import: `newslint` itself and `newslint.engine`. Never the analysis, services or the CLI.
"""

from __future__ import annotations

import importlib
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

FORMATS = {
    "text": "newslint.reports.text",
    "json": "newslint.reports.json_report",
    "sarif": "newslint.reports.sarif",
    "github": "newslint.reports.github",
    "junit": "newslint.reports.junit",
    "html": "newslint.reports.html",
}
SHOW_TEXT = ("sarif", "html")  # a snippet per finding; the whole article
STREAMING = ("text", "json", "github")
LINKED = ("sarif", "github")  # formats that link each rule to its documentation (`links`)


class Tally:
    """What a run's results add up to, counted as they pass: files checked, findings, severities,
    fixes to apply and fixes applied."""

    def __init__(self) -> None:
        self.files = 0  # files the rules ran on
        self.findings = 0
        self.files_with_findings = 0
        self.errors = 0  # files with an error
        self.severities: Counter[str] = Counter()
        self.fixes: Counter[str] = Counter()  # findings with a fix, by applicability
        self.fixing = False  # whether the run fixed (--fix)
        self.fixed = 0  # findings fixed
        self.fixed_files = 0

    def add(self, result) -> None:
        self.files += result.checked
        self.errors += result.error is not None
        if result.fixed is not None:
            self.fixing = True
            if result.fixed:
                self.fixed += result.fixed
                self.fixed_files += 1
        if result.diagnostics:
            self.findings += len(result.diagnostics)
            self.files_with_findings += 1
            self.severities.update(d.severity for d in result.diagnostics)
            self.fixes.update(d.fix.applicability for d in result.diagnostics if d.fix is not None)

    def counting(self, results: Iterable) -> Iterator:
        """The results, passed on as they come, each counted."""
        for result in results:
            self.add(result)
            yield result


def render(format_name: str, results: list, color: bool = False) -> str:
    module = importlib.import_module(FORMATS[format_name])
    return module.render(results, color=color)


def write(format_name: str, results: Iterable, out: TextIO, color: bool = False,
          links: Callable[[str], str | None] | None = None) -> None:
    """Write the report of results that come one by one (see STREAMING; other formats take them all first).

    `links(rule_id)` is where a rule's documentation is (or None), for the formats in LINKED."""
    module = importlib.import_module(FORMATS[format_name])
    extra = {"links": links} if format_name in LINKED and links is not None else {}
    if format_name in STREAMING:
        module.write(results, out, color=color, **extra)
    else:
        out.write(module.render(list(results), color=color, **extra))


def rendered(write_report, results: Iterable, color: bool = False) -> str:
    """A streaming format's report as one text (its `render`)."""
    out = io.StringIO()
    write_report(results, out, color=color)
    return out.getvalue()


# C0 and C1 controls (ESC, BEL, backspace, CR, LF, …), DEL, and the bidirectional overrides that
# reorder what a terminal shows
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """`text` with control characters written visibly as escapes (ESC as `\\x1b`, LF as `\\n`)."""
    return _CONTROL.sub(_escaped, text) if _CONTROL.search(text) else text


def _escaped(match: re.Match) -> str:
    character = match.group()
    code = ord(character)
    return _NAMED.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


#: quotation marks: a text that starts or ends with one is not put in quotation marks again
_MARKS = frozenset("„“”‚‘’»«›‹\"'")


def quoted(text: str) -> str:
    """A replacement named in a report: in „…“, unless it starts or ends with a quotation mark
    itself (a quotation in house marks, a lone mark), which reads better bare."""
    return text if text[:1] in _MARKS or text[-1:] in _MARKS else f"„{text}“"


def counts(results: list) -> tuple[int, int]:
    """(files checked, findings) of a run; a file some rule failed on was checked by the others."""
    tally = Tally()
    for result in results:
        tally.add(result)
    return tally.files, tally.findings
