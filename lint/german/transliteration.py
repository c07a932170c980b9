"""One name written from another script in two ways: "Medwedew"/"Medvedev", "Selenskyj"/"Zelensky".

German press transliteration (dpa, Duden) and the English one differ in regular ways: w/v,
ch/kh, sch/sh, tsch/ch, j/y ("Jelzin"/"Yeltsin", "Pjöngjang"/"Pyongyang"), z/ts, s/z, the
endings -ij/-yj/-i/-y, French ou/u. A name that shows English transliteration (sh, kh, zh, or v
without w) is first written as German would ("Shevchenko" → "Schewtschenko": its ch is German
tsch). `key` writes a name so that these differences vanish, and `same_name(a, b)` says whether
two spellings have the same key and sound alike by the Kölner Phonetik (the `cologne-phonetics`
package), a phonetic code made for German.

Nothing else counts: "Müller"/"Möller" and "Schmidt"/"Schmitt" sound alike but differ in a way
no transliteration explains, so they stay apart (an article can still show them to be one name
when they are one edit apart, see `newslint.german.variants`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newslint.german.word_forms import fold, zipf

#: German and English (and French) ways of writing a sound, longest first, and the letters that
#: stand for one another
_TABLE = {
    "schtsch": "Š", "shch": "Š", "tsch": "Č", "tch": "Č", "sch": "S", "sh": "S", "zh": "Ž",
    "kh": "X", "ch": "X", "gh": "g", "dh": "d", "ts": "s", "tz": "s", "ou": "u",
}
_SOUNDS = re.compile("|".join(sorted(_TABLE, key=len, reverse=True)))
_LETTERS = str.maketrans("qzwj", "ksvy")
_CHANGES = re.compile(r"[qzwj]|[skzgdc]h|t[sz]|ou|[iy]$")  # what `key` changes
#: a name in English transliteration shows itself by these ("Shevchenko", "Khodorkovsky",
#: "Zhukov", "Medvedev" without a w); in it, "ch" is the sound German writes "tsch"
_ENGLISH = re.compile(r"sh|kh|zh|^[^w]*v[^w]*$")
_ENGLISH_SOUNDS = re.compile(r"(?<![st])ch|sh|zh|kh|v")
_AS_GERMAN = {"ch": "tsch", "sh": "sch", "zh": "sch", "kh": "ch", "v": "w"}
_ENDING = re.compile(r"(?:iy|yy|y|i)$")
#: a word this common (Zipf) in German or English is no transliterated name
_COMMON_WORD_ZIPF = 4.5


def key(form: str) -> str:
    """The name with the differences of transliteration written away ("medvedev" for both)."""
    return _key_of_folded(fold(form))


@lru_cache(maxsize=65536)
def _key_of_folded(text: str) -> str:
    text = _SOUNDS.sub(lambda match: _TABLE[match.group()], _as_german(text)).translate(_LETTERS)
    return _ENDING.sub("I", text)


def _as_german(text: str) -> str:
    """A folded name in English transliteration as German transliteration writes it: "sh", "zh"
    → "sch", "kh" → "ch", "ch" → "tsch", "v" → "w" ("shevchenko" → "schewtschenko"); any other
    name as it is."""
    if not _ENGLISH.search(text):
        return text
    return _ENGLISH_SOUNDS.sub(lambda match: _AS_GERMAN[match.group()], text)


def english_way(form: str) -> bool:
    """Whether a name shows English transliteration: "Medvedev", "Khodorkovsky", not "Medwedew"."""
    return bool(_ENGLISH.search(fold(form)))


def grouping(plain: str) -> str:
    """What a folded form is grouped by: its key, found without the table for a form with no
    letter the table changes (it is its own key)."""
    return _key_of_folded(plain) if _CHANGES.search(plain) else plain


@lru_cache(maxsize=65536)
def _sound(form: str) -> str:
    from cologne_phonetics import encode

    return "".join(code for _word, code in encode(_as_german(fold(form))))


def same_name(a: str, b: str) -> bool:
    """Whether two different spellings are one name transliterated two ways."""
    return a != b and key(a) == key(b) and _sound(a) == _sound(b) and not _common_word(a, b)


def _common_word(a: str, b: str) -> bool:
    """Whether a or b is a common word of German or English („Seit“/„Zeit“, „Viel“/„Wiel“,
    „Turkey“/„Türkei“): then they are two words that sound alike, not one name."""
    return max(zipf(a), zipf(b), zipf(a, "en"), zipf(b, "en")) >= _COMMON_WORD_ZIPF


def pairs(forms: Sequence[str], groupings: Sequence[str | None]) -> set[tuple[str, str]]:
    """The pairs of forms that are one name transliterated two ways, in the order given;
    `groupings` holds the `grouping` of each form's `fold`, None for forms of fewer than four
    letters (which are left out)."""
    keys = [found for found in groupings if found is not None]
    if len(set(keys)) == len(keys):
        return set()  # most articles: no two forms share a key (forms that differ in accents alone do)
    by_key: dict[str, list[str]] = {}
    for form, found in zip(forms, groupings):
        if found is not None:
            by_key.setdefault(found, []).append(form)
    found_pairs = set()
    for group in by_key.values():
        for index, a in enumerate(group):
            for b in group[index + 1 :]:
                if a.casefold() != b.casefold() and _sound(a) == _sound(b) and not _common_word(a, b):
                    found_pairs.add((a, b))
    return found_pairs
