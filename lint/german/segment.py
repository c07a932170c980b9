"""Words and sentences of an article, with their offsets.

The sentence splitter is small and German-aware. A full stop does not end a sentence after an
ordinal ("am 20. Juni", "im 19. Jahrhundert"; but a year ends its sentence: "seit 2022."), an
abbreviation ("Dr.", "z. B.", "u. a.", "Nr.") or
an initial ("Donald J. Trump"), nor before a lower-case word. A quotation that ends with a full
stop, question or exclamation mark ends the sentence with its closing mark ("„Wir kommen.“ Dann …"),
but not when a comma and the attribution follow ("„Wir kommen?“, fragte er.").
Sentences never cross block boundaries.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex
from newslint.german.calendar_words import MONTH_ABBREVIATIONS, MONTH_NAMES
from newslint.german.latin import NOT_LATIN, latin_class

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‑'’][\p{L}\p{M}\p{N}]+)*")
#: `WORD` in the standard library's quicker engine, for text in Latin script (see `newslint.german.latin`)
_LATIN_WORD = re.compile(
    f"{latin_class('L N')}{latin_class('L M N')}*(?:[-‑'’]{latin_class('L M N')}+)*"
)

# possessive and anchored at the start of a run of punctuation, so that a long run is read once;
# what follows the space can start a sentence
_CANDIDATE_END = regex.compile(
    r"(?<![.!?…])[.!?…]++[“”\"»«‘’'\)\]]*+(?=\s++([\p{Lu}\p{N}„“\"»«‚‘(\[–—-])(\S?))"
    # a full stop with no space after it, between a word and a capitalised word: "Papst.Der"
    r"|(?<=\p{Ll}{3})\.(?=(\p{Lu})\p{Ll}{2})"
)
_LAST_SPACE = regex.compile(r"(?r)\s")

#: the marks that open a quotation („“ opens in English and Swiss text)
OPENING_MARKS = "„“\"»«‚‘"
MONTHS = frozenset(MONTH_NAMES + tuple(name for name, _ in MONTH_ABBREVIATIONS))
_ORDINAL_NOUNS = frozenset(
    "Jahrhundert Jahrtausend Jahrestag Geburtstag Todestag Platz Rang Runde Spieltag Etappe Liga "
    "Bundesliga Klasse Stock Etage Mal Tag Woche Stelle Sitzung Amtszeit Legislaturperiode Auflage "
    "Ausgabe Kapitel Mai".split()
)
_ORDINAL_CONTEXT = frozenset(
    "am im zum zur vom beim der die das dem den des seit bis ab ihr ihre ihrem ihren sein seine "
    "seinem seinen ein eine einem einen".split()
)
ABBREVIATIONS = frozenset(
    """Abb Abs Abt Adm Anm Art Aufl Bd Bde Bsp bspw bzw ca Chr Co Corp dgl Dipl Dir Dr Dres Drs etc
    ev evtl Fa Fam ff Fr Frl geb Gebr gegr Gen ggf Gov Hbf Hg hl Hr Hrn Hrsg Ing Inc inkl Jh Jhd
    Jr jun Kap Kfm kath Kl Komm Kr lat lt Ltd max Mio Mr Mrd Mrs Ms Mt mind min Mon Nachf nachm Nr
    Nrn op Pf Pfd Pkt Pl Pol Pr Prof Prov Red Reg rk Rep röm sen Sen sog Sp spez St Std Str
    Tel Tsd usw Univ vgl Vors vs Wwe zit zzgl amerik dt engl franz frz griech ital jap lat
    niederl poln russ schwed span türk ehem einschl""".split()
)


class Span(NamedTuple):
    """A stretch of the article's prose: `text` runs from `start` to `end`.

    A named tuple, not a dataclass: an article has hundreds of words and tuples are made fastest.
    """

    start: int
    end: int
    text: str


def word_pattern(text: str, start: int, end: int):
    """`WORD`, or for text[start:end] in Latin script its twin in the standard library's quicker engine."""
    return WORD if NOT_LATIN.search(text, start, end) else _LATIN_WORD


def words_between(text: str, start: int, end: int) -> list[Span]:
    """The words of text[start:end]: letters and digits, with inner hyphens and apostrophes."""
    new = tuple.__new__  # what `Span(…)` calls, without the call of its own `__new__` per word
    return [new(Span, (match.start(), match.end(), match[0]))
            for match in word_pattern(text, start, end).finditer(text, start, end)]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split text[start:end] into sentences, trimmed of surrounding white space."""
    end = len(text) if end is None else end
    found = []
    sentence_start = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        if match.end() >= end or not _ends_sentence(text, sentence_start, match):
            continue
        found.append(_trimmed(text, sentence_start, match.end()))
        sentence_start = match.end()
    if text[sentence_start:end].strip():
        found.append(_trimmed(text, sentence_start, end))
    return [span for span in found if span.text]


def _ends_sentence(text: str, sentence_start: int, match) -> bool:
    following = match.group(1) or match.group(3)
    if following in OPENING_MARKS and match.group(2).islower():
        return False  # „ist und bleibt …“: a quotation that goes on with the sentence
    punctuation = match.group()
    if punctuation[0] != ".":
        return True
    if punctuation[1:2] == ".":  # an ellipsis written as dots ends a sentence
        return True
    if len(punctuation) > 1 and punctuation[1] in "“”\"»«‘’'":
        return True  # a quotation that ends with its sentence
    stop = match.start()
    window = max(sentence_start, stop - 40)
    space = _LAST_SPACE.search(text, window, stop)  # the token before the full stop starts after it
    # (no punctuation stands right before the full stop; a full stop alone is its own token)
    token = text[space.end() if space else window : stop] or "."
    bare = token.lstrip("(„“\"»«‚‘[")
    if not bare:
        return True
    if bare.isdigit():
        return not _is_ordinal(text, match, sentence_start)
    if bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
        return False
    if "." in bare and all(len(part) <= 2 for part in bare.split(".")):
        return False  # "z.B.", "u.a.", "U.S."
    return True


def _is_ordinal(text: str, match, sentence_start: int) -> bool:
    """A number before a full stop is an ordinal ("am 20. Juni"), not the end of a sentence."""
    following = WORD.match(text, match.start(1))
    next_word = following.group() if following else ""
    if next_word in MONTHS or next_word in _ORDINAL_NOUNS:
        return True
    previous = WORD.findall(text[max(sentence_start, match.start() - 30) : match.start()])
    if previous and _YEAR.fullmatch(previous[-1]) and not (len(previous) >= 2 and previous[-2] in _ORDINAL_DETERMINERS):
        return False  # „die Preise seit 2022. Geschäftsführer …“: a year ends the sentence (not „die 2000. Folge“)
    return len(previous) >= 2 and previous[-2] in _ORDINAL_CONTEXT


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
#: the words of `_ORDINAL_CONTEXT` that stand only before an ordinal, never before a year
_ORDINAL_DETERMINERS = _ORDINAL_CONTEXT - frozenset("am im zum zur vom beim seit bis ab".split())


def _trimmed(text: str, start: int, end: int) -> Span:
    segment = text[start:end]
    stripped = segment.strip()
    offset = start + segment.find(stripped)  # after the white space it starts with
    return Span(offset, offset + len(stripped), stripped)
