"""The quotes of an article with the speakers newslint attributes them to, for `newslint quotes`.

A fact-checker's view of an article: the direct quotes and the quoted words inside sentences
("partial"), each with its speaker (or none) and how the speaker was found (see
`newslint.german.attribution`). With `include_other`, titles, names, terms and scare quotes are listed too.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.german.attribution import OTHER


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
