"""Exclamation marks in the newsroom's own sentences.

## What it does
Flags an exclamation mark outside quotations. What someone said keeps its exclamation marks.

## Why is this bad?
News reports; it does not exclaim. An exclamation mark in the newsroom's own wording reads as
opinion or alarm.

## Example
```text
Hochwasser in Passau
Das Wasser steigt immer weiter!
```

## Use instead
```text
Hochwasser in Passau
Das Wasser steigt weiter. „Wir schaffen das!“, sagte der Bürgermeister.
```

## Options
- `allow-in-headline` (true or false, default false): leave the headline alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.api import Finding

ID = "exclamation-marks"
SEVERITY = "info"


@dataclass(frozen=True)
class Options:
    allow_in_headline: bool = False


def check(article, options: Options):
    quoted = [(quotation.start, quotation.end) for quotation in article.quotes.quotations]
    for block in article.blocks:
        if block.kind == "headline" and options.allow_in_headline:
            continue
        for index, character in enumerate(block.text):
            offset = block.start + index
            if character == "!" and not any(start <= offset < end for start, end in quoted):
                yield Finding(offset, offset + 1, "an exclamation mark in the newsroom's own words", ".")
