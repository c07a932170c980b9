"""`newslint quotes`: each quote of an article with the speaker newslint attributes it to.

A fact-checker's view of an article: the direct quotes and the quoted words inside sentences
("partial"), each with its speaker (or none) and how the speaker was found (see
`newslint.german.attribution`). With `include_other`, titles, names, terms and scare quotes are listed too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from newslint import __version__
from newslint.german.attribution import DIRECT, OTHER

_SHOWN = 70  # characters of a quote shown in the text listing


@dataclass(frozen=True)
class QuoteEntry:
    path: str
    kind: str
    text: str
    start: tuple[int, int]  # (line, column), 1-based
    end: tuple[int, int]  # just past the closing mark
    speaker: str | None
    speaker_start: tuple[int, int] | None
    speaker_end: tuple[int, int] | None
    form: str | None

    def as_json(self) -> dict:
        speaker = None
        if self.speaker is not None:
            speaker = {
                "text": self.speaker,
                "line": self.speaker_start[0],
                "column": self.speaker_start[1],
                "end_line": self.speaker_end[0],
                "end_column": self.speaker_end[1],
            }
        return {
            "path": self.path,
            "line": self.start[0],
            "column": self.start[1],
            "end_line": self.end[0],
            "end_column": self.end[1],
            "kind": self.kind,
            "text": self.text,
            "speaker": speaker,
            "attribution": self.form,
        }


def list_quotes(article, display: str, include_other: bool = False) -> list[QuoteEntry]:
    """The quotes of an article, in order, with their speakers."""
    entries = []
    for attribution in article.attributions:
        if attribution.kind == OTHER and not include_other:
            continue
        quotation, speaker = attribution.quotation, attribution.speaker
        entries.append(
            QuoteEntry(
                path=display,
                kind=attribution.kind,
                text=quotation.text,
                start=article.position(quotation.start),
                end=article.position(quotation.end),
                speaker=speaker.text if speaker else None,
                speaker_start=article.position(speaker.start) if speaker else None,
                speaker_end=article.position(speaker.end) if speaker else None,
                form=attribution.form,
            )
        )
    return entries


def render_text(entries: list[QuoteEntry], files: int) -> str:
    lines = []
    for entry in entries:
        text = " ".join(entry.text.split())
        if len(text) > _SHOWN:
            text = text[: _SHOWN - 1].rstrip() + "…"
        if entry.speaker is None:
            who = "no speaker"
        else:
            who = f"{' '.join(entry.speaker.split())} ({entry.form}, {entry.speaker_start[0]}:{entry.speaker_start[1]})"
        lines.append(f"{entry.path}:{entry.start[0]}:{entry.start[1]}: {entry.kind} „{text}“ — {who}")
    lines.append(_summary(entries, files))
    return "\n".join(lines) + "\n"


def render_json(entries: list[QuoteEntry], errors: list[tuple[str, str]], files: int) -> str:
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


def _unattributed(entries: list[QuoteEntry]) -> int:
    return sum(1 for e in entries if e.kind == DIRECT and e.speaker is None)


def _summary(entries: list[QuoteEntry], files: int) -> str:
    direct = sum(1 for e in entries if e.kind == DIRECT)
    quotes = "quote" if len(entries) == 1 else "quotes"
    checked = f"{files} {'file' if files == 1 else 'files'}"
    return (
        f"{len(entries)} {quotes} ({direct} direct, {_unattributed(entries)} of them without a speaker) "
        f"in {checked}."
    )
