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
from newslint.engine.lines import line_span

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
        line_start, line_end = line_span(text, start, end)
        before = text[max(line_start, start - CONTEXT) : start]
        after = text[end : min(line_end, end + CONTEXT)]
        passage = "\x1f".join(" ".join(part.split()) for part in (before, text[start:end], after))
    key = "\x1e".join((normal_path(diagnostic.path), diagnostic.rule, passage))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def fingerprints(result) -> list[str]:
    """The fingerprints of a FileResult's diagnostics, in order."""
    return [fingerprint(d, result.text) for d in result.diagnostics]


class Recorder:
    """A run's findings for a baseline, taken as the results pass (see `recording`), then written."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.excerpts: dict[tuple[str, str, str], str] = {}

    def add(self, result) -> None:
        for diagnostic, fp in zip(result.diagnostics, fingerprints(result)):
            key = (normal_path(diagnostic.path), diagnostic.rule, fp)
            self.counts[key] += 1
            if result.text is not None:
                self.excerpts.setdefault(key, result.text[diagnostic.start : diagnostic.end][:80])

    def recording(self, results):
        """The results, passed on as they come, each recorded."""
        for result in results:
            self.add(result)
            yield result

    def write(self, path: str) -> int:
        """Write the baseline file; returns how many findings it records."""
        findings = [
            {"path": p, "rule": r, "fingerprint": f, "text": self.excerpts.get((p, r, f), ""), "count": n}
            for (p, r, f), n in sorted(self.counts.items())
        ]
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"newslint-baseline": VERSION, "findings": findings}, handle,
                      ensure_ascii=False, indent=1)
            handle.write("\n")
        return sum(self.counts.values())


def write(path: str, results) -> int:
    """Record the findings of a run in a baseline file; returns how many."""
    recorder = Recorder()
    for result in results:
        recorder.add(result)
    return recorder.write(path)


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


def new_findings(results, baseline: Counter[tuple[str, str, str]], names: dict[str, str] | None = None):
    """The results with the findings recorded in the baseline left out, one by one as they come.
    `names`: the name under which the findings of a result's path are recorded, where it is
    another (standard input, `-`, is recorded under its --stdin-filename)."""
    left = baseline.copy()
    for result in results:
        recorded = result.named(names[result.path]) if names and result.path in names else result
        kept = []
        for diagnostic, fp in zip(result.diagnostics, fingerprints(recorded)):
            key = (normal_path(recorded.path), diagnostic.rule, fp)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(diagnostic)
        yield dataclasses.replace(result, diagnostics=kept)
