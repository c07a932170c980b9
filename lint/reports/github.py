"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=a.txt,line=3,col=1,endLine=3,endColumn=9,title=newslint (rule): DOCS-URL::message

The title names the rule and the page of its documentation (the `docs-url` setting; a style
rule's own `link`).

Severities become `error`, `warning` and `notice`. A finding with a fix names the replacement
at the end of its message: `(safe fix: write „Pjöngjang“)`, or `(unsafe fix: …)` for one that
only `--unsafe-fixes` applies; a fix of several edits names each with its place
(`write „ at 2:31, “ at 2:41`; a replacement that starts or ends with a quotation mark
stands bare). Values are escaped as the Actions runner
expects: `%`, CR and LF everywhere, and also `:` and `,` in the properties; control characters
from articles and file names are written visibly first (see `newslint.reports.printable`), since
the log viewer would obey escape sequences. A fix that removes text says `remove it`. Written as
the results come.
"""

from __future__ import annotations

from newslint.reports import printable, quoted, rendered

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict, message: str) -> str:
    fields = ",".join(f"{key}={escape_property(printable(str(value)))}" for key, value in properties.items())
    return f"::{name} {fields}::{escape_data(printable(message))}"


def write(results, out, color: bool = False, links=None) -> None:
    """`links(rule_id)`: where a rule's documentation is (or None), named in each annotation's title."""
    for result in results:
        if result.error is not None:
            out.write(command("error", {"file": result.path, "title": "newslint"}, result.error) + "\n")
        for d in result.diagnostics:
            properties = {
                "file": d.path,
                "line": d.line,
                "col": d.column,
                "endLine": d.end_line,
                "endColumn": d.end_column,
                "title": title(d.rule, links),
            }
            out.write(command(COMMANDS[d.severity], properties, d.message + fix_note(d)) + "\n")


def render(results: list, color: bool = False, links=None) -> str:
    return rendered(lambda results, out, color: write(results, out, color, links), results, color)


def title(rule_id: str, links=None) -> str:
    """An annotation's title: the rule, and where its documentation is when known."""
    link = links(rule_id) if links is not None else None
    return f"newslint ({rule_id}): {link}" if link else f"newslint ({rule_id})"


def fix_note(d) -> str:
    """What a finding's fix writes, to end its message with ('' without a fix)."""
    if d.fix is None:
        return ""
    edits = d.fix.edits
    if len(edits) == 1 and not edits[0].replacement:
        return f" ({d.fix.applicability} fix: remove it)"
    if len(edits) == 1:
        written = quoted(edits[0].replacement)
    else:
        written = ", ".join(f"{quoted(edit.replacement)} at {edit.line}:{edit.column}" for edit in edits)
    return f" ({d.fix.applicability} fix: write {written})"
