"""`--format json`: one JSON object with the findings, the errors and a summary.

A finding with a fix carries `"fix": {"applicability": "safe"|"unsafe", "edits": [{"line",
"column", "end_line", "end_column", "replacement"}]}` (absent without one); after `--fix` the
summary says how many findings were fixed (`"fixed"`).

Written as the results come (see `newslint.reports.STREAMING`), each finding at once, with the
same bytes as `json.dumps(document, ensure_ascii=False, indent=2)` of the whole document.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

from newslint import __version__
from newslint.reports import Tally, rendered


def write(results, out, color: bool = False) -> None:
    out.write('{\n  "version": ' + json.dumps(__version__) + ',\n  "findings": [')
    tally = Tally()
    errors = []
    separator = "\n"
    for result in tally.counting(results):
        if result.error is not None:
            errors.append({"path": result.path, "message": result.error})
        for d in result.diagnostics:
            out.write(separator + _finding(d.as_json()))
            separator = ",\n"
    out.write("\n  ]" if tally.findings else "]")
    summary = {"files": tally.files, "findings": tally.findings}
    if tally.fixing:
        summary["fixed"] = tally.fixed
    end = {"errors": errors, "summary": summary}
    out.write("," + json.dumps(end, ensure_ascii=False, indent=2)[1:] + "\n")


def render(results: list, color: bool = False) -> str:
    return rendered(write, results, color)


def _finding(fields: dict) -> str:
    """A finding as an element of the findings list, indented as json.dumps(indent=2) does."""
    return "    {\n" + ",\n".join(f"      {encode_basestring(key)}: {_value(value)}"
                                  for key, value in fields.items()) + "\n    }"


def _value(value) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)  # as json.dumps writes it
    if value is None:
        return "null"
    # a fix: its lines indented as deep as the finding's fields (no JSON string holds a newline)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n      ")
