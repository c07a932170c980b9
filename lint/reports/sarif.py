"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Rules carry their documentation (and, as `helpUri`, the page of it: the `docs-url` setting, a
style rule's own `link`), results their level (error, warning, note), a region with
start and end line and column (counted in Unicode code points, as the run declares), a fix's
edits as `fixes` (one replacement per edit; its applicability, safe or unsafe, in the fix's
properties), and a partial fingerprint that does not depend on the line number (the
baseline's fingerprint, see `newslint.engine.baseline`), so a finding is tracked across commits.
Files that could not be checked are tool execution notifications.
"""

from __future__ import annotations

import json
import os
import pathlib
from urllib.parse import quote

from newslint import __version__
from newslint.engine.baseline import fingerprints, normal_path
from newslint.reports import quoted

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "newslint/v1"
SRCROOT = "%SRCROOT%"


def render(results: list, color: bool = False, links=None) -> str:
    """The SARIF log; `links(rule_id)`: where a rule's documentation is (its descriptor's helpUri)."""
    descriptors, index = _rules(results, links)
    sarif_results = []
    notifications = []
    for result in results:
        if result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(result.path)}}],
            })
        occurrences: dict[str, int] = {}
        for diagnostic, fp in zip(result.diagnostics, fingerprints(result)):
            occurrences[fp] = occurrences.get(fp, 0) + 1
            sarif_results.append(_result(diagnostic, result.text, index, f"{fp}:{occurrences[fp]}"))
    run = {
        "tool": {"driver": {
            "name": "newslint",
            "version": __version__,
            "rules": descriptors,
        }},
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
        "originalUriBaseIds": {SRCROOT: {"uri": pathlib.Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def artifact(path: str) -> dict:
    """An artifactLocation: relative paths against %SRCROOT%, absolute ones as file URIs."""
    if os.path.isabs(path):
        return {"uri": pathlib.Path(path).as_uri()}
    return {"uri": quote(normal_path(path)), "uriBaseId": SRCROOT}


def _rules(results: list, links=None) -> tuple[list[dict], dict[str, int]]:
    """Descriptors of the registered rules (and of any other rule in the results), and their index;
    each with its documentation's `helpUri` where `links` knows it."""
    from newslint.engine.registry import all_rules

    descriptors = []
    for rule in all_rules():
        what = rule.doc.sections.get("What it does", "").strip()
        descriptors.append({
            "id": rule.id,
            "name": rule.id,
            "shortDescription": {"text": rule.summary or rule.id},
            "fullDescription": {"text": what or rule.summary or rule.id},
            "help": {"text": rule.doc.text or rule.id, "markdown": rule.doc.text or rule.id},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        })
    known = {descriptor["id"] for descriptor in descriptors}
    for result in results:
        for diagnostic in result.diagnostics:
            if diagnostic.rule not in known:
                known.add(diagnostic.rule)
                descriptors.append({"id": diagnostic.rule, "shortDescription": {"text": diagnostic.rule}})
    for descriptor in descriptors:
        link = links(descriptor["id"]) if links is not None else None
        if link:
            descriptor["helpUri"] = link
    return descriptors, {descriptor["id"]: n for n, descriptor in enumerate(descriptors)}


def _result(diagnostic, text: str | None, index: dict[str, int], fingerprint: str) -> dict:
    region = {
        "startLine": diagnostic.line,
        "startColumn": diagnostic.column,
        "endLine": diagnostic.end_line,
        "endColumn": diagnostic.end_column,
    }
    if text is not None:
        region["snippet"] = {"text": text[diagnostic.start : diagnostic.end]}
    location = {"physicalLocation": {"artifactLocation": artifact(diagnostic.path), "region": region}}
    result = {
        "ruleId": diagnostic.rule,
        "ruleIndex": index[diagnostic.rule],
        "level": LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }
    if diagnostic.fix is not None:
        result["fixes"] = [_fix(diagnostic)]
    return result


def _fix(diagnostic) -> dict:
    """A finding's fix as a SARIF fix: each edit a replacement of its region."""
    fix = diagnostic.fix
    replacements = [{
        "deletedRegion": {"startLine": edit.line, "startColumn": edit.column,
                          "endLine": edit.end_line, "endColumn": edit.end_column},
        "insertedContent": {"text": edit.replacement},
    } for edit in fix.edits]
    if len(fix.edits) == 1 and not fix.edits[0].replacement:
        description = "Remove the text"
    elif len(fix.edits) == 1:
        description = f"Write {quoted(fix.edits[0].replacement)}"
    elif diagnostic.suggestion is not None:
        description = f"Write {quoted(diagnostic.suggestion)}"
    else:
        description = f"{len(fix.edits)} edits"
    return {
        "description": {"text": f"{description} ({fix.applicability} fix)"},
        "artifactChanges": [{"artifactLocation": artifact(diagnostic.path), "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }
