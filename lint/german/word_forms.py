"""Forms of one word or name: inflectional endings and stems, accents folded, how common a word is.

`stems("Kiews")` gives the form and what is left without each ending it may carry (genitive,
adjectives and inhabitants, plurals and feminine forms: Kiew, Kiews, Kiewer are one name); `fold`
makes spellings that differ only in case and accents alike ("Pjöngjang"/"Pjongjang"); `zipf`
tells how common a word is in German text (the `wordfreq` data, see `newslint.german.frequency`).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: endings of German inflection and word formation, longest first: genitive (Kiews), adjectives
#: and inhabitants (Kiewer, Münchner, Nordkoreaner, Israelis), plurals and feminine forms
SUFFIXES = (
    "erinnen", "ianern", "ianer", "anern", "innen", "ischen", "ischer", "isches", "ischem",
    "aners", "erin", "aner", "ners", "nern", "isch", "ische", "ern", "ers", "ner", "ens", "es",
    "en", "em", "er", "in", "ns", "e", "n", "s",
)
#: the endings by their last letter: a form is tried only against the endings it may carry
_SUFFIXES_BY_LAST_LETTER: dict[str, tuple[str, ...]] = {
    letter: tuple(suffix for suffix in SUFFIXES if suffix.endswith(letter))
    for letter in {suffix[-1] for suffix in SUFFIXES}
}
_PLURAL_SUFFIXES = frozenset(("e", "en", "er", "ern", "n", "in", "innen", "erin", "erinnen"))
#: endings of German common nouns that names hardly have (Regierung, Mannschaft, Nation, …)
NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "sion", "sionen", "ität", "itäten", "ismus", "nisse", "tümer",
)
UMLAUTS = str.maketrans("äöüÄÖÜ", "aouAOU")
MIN_STEM = 4



@lru_cache(maxsize=65536)
def stems(form: str) -> frozenset[str]:
    """The form, and what is left of it without each inflectional ending it may carry."""
    found = {form}
    for suffix in _SUFFIXES_BY_LAST_LETTER.get(form[-1:], ()):
        if form.endswith(suffix) and len(form) - len(suffix) >= MIN_STEM:
            stem = form[: -len(suffix)]
            if not takes(stem, suffix):
                continue
            found.add(stem)
            if suffix in _PLURAL_SUFFIXES:
                found.add(stem.translate(UMLAUTS))  # Wasserstände, Thailänder
    return frozenset(found)



_ENDINGS = frozenset(SUFFIXES)


def with_ending(stem: str, form: str) -> bool:
    """Whether `form` is `stem` with an ending ("Jahr"/"Jahre"): then `stem` is a stem of both,
    found without working out all the stems of either (most close pairs are such)."""
    return (
        len(stem) >= MIN_STEM
        and form.startswith(stem)
        and form[len(stem) :] in _ENDINGS
        and takes(stem, form[len(stem) :])
    )


#: the person and the field of study, one letter apart
_PERSON_AND_FIELD = (("loge", "logie"), ("logen", "logien"))


def person_and_field(a: str, b: str) -> bool:
    """Whether one of two words (in lower case) names the person of the field the other names:
    „stadtökologe“ and „stadtökologie“, two words, not one spelt two ways."""
    return any(
        person_form.endswith(person) and field_form == person_form[: -len(person)] + field
        for person_form, field_form in ((a, b), (b, a))
        for person, field in _PERSON_AND_FIELD
    )


#: the letters a German word ends in before an ending „n“ (Blumen, Regeln, Federn, Bauern)
_BEFORE_N = frozenset("aeiouäöüylr")


def takes(stem: str, ending: str) -> bool:
    """Whether `stem` may carry `ending`: not when the ending would double the stem's last letter
    ("Brownn", "Armeee": a letter typed twice), nor an „n“ after a consonant other than l or r,
    which no German word takes ("Journalistn": a letter left out)."""
    if stem[-1] == ending[0]:
        return False
    return ending not in ("n", "ns") or stem[-1].casefold() in _BEFORE_N



# -- spelling helpers -----------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents: "Pjöngjang" and "Pjongjang" fold alike."""
    text = text.casefold()
    if text.isascii():
        return text
    quick = text.translate(_ACCENTED_LETTERS)
    if quick.isascii():
        return quick
    return _without_accents(text)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: the Latin letters with accents that fold to plain letters, each to what `_without_accents`
#: makes of it ("é": "e"); a word of plain letters and these folds letter by letter, because each
#: of these letters decomposes into a plain letter and marks that stay with it
_ACCENTED_LETTERS = {
    code: folded
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    if not unicodedata.combining(chr(code))
    and (folded := _without_accents(chr(code))).isascii()
    and folded
}


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "de") -> float:
    """How common a word is, on the Zipf scale (0: unknown, 3: once per million words).

    The `wordfreq` data of a language is opened on its first call (see `newslint.german.frequency`).
    """
    from newslint.german import frequency

    return frequency.zipf(word, lang)
