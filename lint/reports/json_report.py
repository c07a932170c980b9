"""`--format json`: one JSON object with the findings, the errors and a summary.

A finding with a fix carries `"fix": {"applicability": "safe"|"unsafe", "edits": [{"line",
"column", "end_line", "end_column", "replacement"}]}` (absent without one); after `--fix` the
summary says how many findings were fixed (`"fixed"`).
"""

from __future__ import annotations

import json

from newslint import __version__
from newslint.reports import counts


def render(results: list, color: bool = False) -> str:
    files, findings = counts(results)
    summary = {"files": files, "findings": findings}
    if any(result.fixed is not None for result in results):
        summary["fixed"] = sum(result.fixed or 0 for result in results)
    document = {
        "version": __version__,
        "findings": [d.as_json() for result in results for d in result.diagnostics],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error is not None],
        "summary": summary,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
