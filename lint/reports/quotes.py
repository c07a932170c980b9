"""The listing of `newslint quotes`: each quote with its speaker, as text or JSON.

Takes the entries (`QuoteEntry`) of `newslint.german.quote_listing` (path, kind, text, positions,
speaker and the form of its attribution).
"""

from __future__ import annotations

import json

from newslint import __version__
from newslint.reports import printable

DIRECT = "direct"  # the kind of a quote that stands as its own sentence
_SHOWN = 70  # characters of a quote shown in the text listing


def render_text(entries: list, files: int) -> str:
    lines = []
    for entry in entries:
        text = " ".join(entry.text.split())
        if len(text) > _SHOWN:
            text = text[: _SHOWN - 1].rstrip() + "…"
        if entry.speaker is None:
            who = "no speaker"
        else:
            who = f"{' '.join(entry.speaker.split())} ({entry.form}, {entry.speaker_start[0]}:{entry.speaker_start[1]})"
        lines.append(printable(f"{entry.path}:{entry.start[0]}:{entry.start[1]}: {entry.kind} „{text}“ — {who}"))
    lines.append(_summary(entries, files))
    return "\n".join(lines) + "\n"


def render_json(entries: list, errors: list[tuple[str, str]], files: int) -> str:
    document = {
        "version": __version__,
        "quotes": [entry.as_json() for entry in entries],
        "errors": [{"path": path, "message": message} for path, message in errors],
        "summary": {
            "files": files,
            "quotes": len(entries),
            "direct": sum(1 for e in entries if e.kind == DIRECT),
            "direct_without_speaker": _unattributed(entries),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _unattributed(entries: list) -> int:
    return sum(1 for e in entries if e.kind == DIRECT and e.speaker is None)


def _summary(entries: list, files: int) -> str:
    direct = sum(1 for e in entries if e.kind == DIRECT)
    quotes = "quote" if len(entries) == 1 else "quotes"
    checked = f"{files} {'file' if files == 1 else 'files'}"
    return (
        f"{len(entries)} {quotes} ({direct} direct, {_unattributed(entries)} of them without a speaker) "
        f"in {checked}."
    )
