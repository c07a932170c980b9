"""Report formats: each module renders the results of a run as one text.

A format module has `render(results, color=False) -> str`, where `results` is the list of
FileResults of the run in input order. Modules are imported only when their format is asked for.
The formats in SHOW_TEXT show the articles' text (FileResult.text); for the others, a run may
leave it out. Besides the formats of `newslint check`: the listing of `newslint quotes`
(`quotes`) and the audit dashboard (`dashboard`); the HTML pages share `html_page`.

May import: `newslint` itself and `newslint.engine`. Never the analysis, services or the CLI.
"""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "newslint.reports.text",
    "json": "newslint.reports.json_report",
    "sarif": "newslint.reports.sarif",
    "github": "newslint.reports.github",
    "junit": "newslint.reports.junit",
    "html": "newslint.reports.html",
}
SHOW_TEXT = ("sarif", "html")  # a snippet per finding; the whole article


def render(format_name: str, results: list, color: bool = False) -> str:
    module = importlib.import_module(FORMATS[format_name])
    return module.render(results, color=color)


def counts(results: list) -> tuple[int, int]:
    """(files checked, findings) of a run."""
    checked = sum(1 for result in results if result.error is None)
    return checked, sum(len(result.diagnostics) for result in results)
