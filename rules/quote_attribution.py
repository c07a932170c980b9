"""Direct quotes without a speaker.

## What it does
Finds direct quotes that nobody said: a quotation standing as its own sentence (or after a
colon) with no speaker in the forms German news uses — after the quote („…“, sagte X. / „…“, so X.
/ „…“, teilte X mit.), before it with a colon (X sagte: „…“, also in a chain such as „Niederlage
in Wien – Trainer Löw: „…““), "laut X", "X zufolge", "nach Angaben von X", "hieß es in …", "wie X
sagte", a pronoun (er, sie, der 71-Jährige), the source in parentheses right after the quote
(„…“ (Stiftung Warentest)), or the next sentence („…“ Das sagte X am Montag. / „…“ Mit diesen
Worten wandte sich X an den Richter. / „…“ Mit diesem Satz beginnt der Roman.).

The sentence just before the quote in its paragraph names the speaker too when its main clause
says what its subject said, demanded, warned, announced or how it reacted: „Die Gewerkschaft
reagierte empört. „…““, „Der Minister kündigte Widerstand an. „…““, „Die Opposition übte scharfe
Kritik. „…““, „Die Forderung der Gewerkschaft ist klar. „…““, „Der Trainer war bedient. „…““,
„Wirtz hielt dagegen. „…““ — and „Er warnte vor Panik. „…““ when someone is named before the
pronoun. A lasting state names no speaker („Die USA sind besorgt. „…““). One or two sentences of
reported speech in the subjunctive may stand between („Die Ärztin warnte vor der Krankheit.
Masern seien keine harmlose Kinderkrankheit. „…““), unless the quote starts a line of its own.
A quote in the first person takes the subject of the sentence before when that is a person named
in full, and the only one it names so („Katja Brunner hat den Shop geschlossen. „Mir reicht's.““);
a quote that says „ich“ also a surname alone or a pronoun pointing back to someone named
(„Er selbst blieb bescheiden. „Ich habe meinen Job gemacht.““). A sentence that reports no speech („Die Gewerkschaft
tagte in Berlin.“), a verb of saying only in a subordinate clause, a passive that names no one
(„Zur Eröffnung wurde der Plan kritisiert.“) or the last sentence of the paragraph before do not
attribute the quote. A quote that follows an attributed quote in the same paragraph takes that
speaker. A quotation that runs over several paragraphs needs its speaker once. The words of
saying are read in Swiss spelling too, with „ss“ for „ß“ („Der Quartierverein äussert
Bedenken. «…»“, „hiess es“).

Titles, names, terms and scare quotes („Cassini“, „Fars“, „die Zeitung „Le Monde““) and quoted
words inside a sentence (sprach von „kreativer Buchführung“) are not direct speech and are never
flagged; neither are quotes in headlines and subheadings, which the body attributes. `newslint
quotes FILE` lists every quote with the speaker newslint found.

## Why is this bad?
A direct quote that nobody said is a serious defect in journalism: the reader cannot judge the
words, and the article cannot be checked.

## Example
```text
Nordkorea erhält Waffen
Pjöngjang – Russland will Nordkorea mit Waffen beliefern.
„Das würde die koreanische Halbinsel destabilisieren.“ Die USA arbeiten mit Südkorea zusammen.
```

## Use instead
```text
Nordkorea erhält Waffen
Pjöngjang – Russland will Nordkorea mit Waffen beliefern.
„Das würde die koreanische Halbinsel destabilisieren“, mahnte US-Sprecher Matthew Miller.
```

## Fix safety
- No fix: who said a quote, only the writer knows.

## Options
None: the verbs and forms of attribution are those of German newsroom style.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from newslint.engine.finding import Finding

ID = "quote-attribution"
SEVERITY = "error"
_UNCHECKED_BLOCKS = ("headline", "subheading")


@dataclass(frozen=True)
class Options:
    pass


def check(article, options: Options) -> Iterator[Finding]:
    from newslint.german.attribution import DIRECT

    continuing = False  # the quotation goes on from the paragraph before: flagged once, there
    for attribution in article.attributions:
        follows, continuing = continuing, attribution.quotation.continued
        if attribution.kind != DIRECT or attribution.speaker is not None or follows:
            continue
        quotation = attribution.quotation
        block = article.block_at(quotation.start)
        if block is None or block.kind in _UNCHECKED_BLOCKS:
            continue
        yield Finding(quotation.start, quotation.end, _message(quotation.text))


def _message(text: str) -> str:
    words = text.split()
    shown = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
    return (
        f"Direct quote „{shown}“ has no speaker; "
        "say who said it („…“, sagte X. or X sagte: „…“)"
    )
