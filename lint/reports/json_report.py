"""`--format json`: one JSON object with the findings, the errors and a summary."""

from __future__ import annotations

import json

from newslint import __version__
from newslint.reports import counts


def render(results: list, color: bool = False) -> str:
    files, findings = counts(results)
    document = {
        "version": __version__,
        "findings": [d.as_json() for result in results for d in result.diagnostics],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error is not None],
        "summary": {"files": files, "findings": findings},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
