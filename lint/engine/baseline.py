"""Baselines: record today's findings, then report only the new ones.

A finding's identity is its fingerprint: a hash of its path, its rule, the text it flags and a
little of the same line around it. Line numbers take no part, so edits above or below a finding
do not make it new; rewording the flagged passage does. Findings with the same fingerprint in one
file are counted, so a third copy of a baselined finding is new. SARIF's partialFingerprints use
the same fingerprint, so GitHub code scanning follows a finding the way a baseline does.

A baseline file is JSON, sorted so that it diffs well:

    {"newslint-baseline": 1,
     "findings": [{"path": "archive/a.txt", "rule": "credit-line",
                   "fingerprint": "5f0c1a9e2b7d4c38", "text": "(dpa", "count": 1}]}

Paths are stored as given on the command line (normalised), so run newslint from the same
directory when writing and when using a baseline.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter

from newslint.engine.finding import Diagnostic

VERSION = 1
CONTEXT = 24  # characters of the finding's own line(s) taken on each side


class BaselineError(Exception):
    """A baseline file that cannot be read; the message says why."""


def normal_path(path: str) -> str:
    """The path as a baseline stores it: normalised, with forward slashes."""
    return path if path == "-" else os.path.normpath(path).replace(os.sep, "/")


def fingerprint(diagnostic: Diagnostic, text: str | None) -> str:
    """A finding's identity within its file, independent of its line number.

    `text` is the article's text; without it the message stands in for the flagged passage.
    """
    if text is None:
        passage = diagnostic.message
    else:
        start, end = diagnostic.start, diagnostic.end
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[max(line_start, start - CONTEXT) : start]
        after = text[end : min(line_end, end + CONTEXT)]
        passage = "\x1f".join(" ".join(part.split()) for part in (before, text[start:end], after))
    key = "\x1e".join((normal_path(diagnostic.path), diagnostic.rule, passage))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def fingerprints(result) -> list[str]:
    """The fingerprints of a FileResult's diagnostics, in order."""
    return [fingerprint(d, result.text) for d in result.diagnostics]


def write(path: str, results: list) -> int:
    """Record the findings of a run in a baseline file; returns how many."""
    counts: Counter[tuple[str, str, str]] = Counter()
    excerpts: dict[tuple[str, str, str], str] = {}
    for result in results:
        for diagnostic, fp in zip(result.diagnostics, fingerprints(result)):
            key = (normal_path(diagnostic.path), diagnostic.rule, fp)
            counts[key] += 1
            if result.text is not None:
                excerpts.setdefault(key, result.text[diagnostic.start : diagnostic.end][:80])
    findings = [
        {"path": p, "rule": r, "fingerprint": f, "text": excerpts.get((p, r, f), ""), "count": n}
        for (p, r, f), n in sorted(counts.items())
    ]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"newslint-baseline": VERSION, "findings": findings}, handle,
                  ensure_ascii=False, indent=1)
        handle.write("\n")
    return sum(counts.values())


def load(path: str) -> Counter[tuple[str, str, str]]:
    """Read a baseline file: how often each (path, rule, fingerprint) was recorded."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BaselineError(f"{path}: cannot read the baseline ({error})") from None
    if not isinstance(document, dict) or document.get("newslint-baseline") != VERSION:
        raise BaselineError(f"{path}: not a newslint baseline (version {VERSION})")
    counts: Counter[tuple[str, str, str]] = Counter()
    try:
        for entry in document["findings"]:
            counts[(entry["path"], entry["rule"], entry["fingerprint"])] += int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError) as error:
        raise BaselineError(f"{path}: broken baseline entry ({error!r})") from None
    return counts


def new_findings(results: list, baseline: Counter[tuple[str, str, str]]) -> list:
    """The results with the findings recorded in the baseline left out."""
    left = baseline.copy()
    filtered = []
    for result in results:
        kept = []
        for diagnostic, fp in zip(result.diagnostics, fingerprints(result)):
            key = (normal_path(diagnostic.path), diagnostic.rule, fp)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(diagnostic)
        filtered.append(dataclasses.replace(result, diagnostics=kept))
    return filtered
