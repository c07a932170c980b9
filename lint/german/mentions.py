"""Proper names in articles: the name-like words of an article and where they stand.

`mentions(article)` finds the name-like words of an article: capitalised words and parts of
hyphenated words ("Peking" in "Peking-Reise"), with a note of whether an article or determiner
stands before them, which marks a common noun ("die Regierung") rather than a name.
`name_forms(article)` is the cheap first look at the same words, without positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Collection, Iterable

import regex
from newslint.german.calendar_words import MONTH_NAMES, WEEKDAY_NAMES
from newslint.german.latin import NOT_LATIN, latin_class
from newslint.german.word_forms import MIN_STEM, UMLAUTS

#: a name word, or a part of a hyphenated word: an upper-case letter, then three letters or more
_NAME_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}]{3,}(?![\p{L}\p{M}\p{N}])")


# The standard library's engine finds name words several times faster than `regex`; for text in
# Latin script, `newslint.german.latin` spells out the Unicode categories it needs.
_UPPER, _LETTER, _WORD_CHARACTER = latin_class("Lu"), latin_class("L M"), latin_class("L M N")
#: `_NAME_WORD` for text with nothing outside `LATIN`; its upper-case letter comes first so that
#: the search skips to the next one quickly
_LATIN_NAME_WORD = re.compile(
    f"{_UPPER}(?<!{_WORD_CHARACTER}{_UPPER}){_LETTER}{{3,}}(?!{_WORD_CHARACTER})"
)


def _name_words(text: str, start: int, end: int):
    """`_NAME_WORD`, or the same in the quicker engine when text[start:end] allows (and the
    character before it, which the look-behind sees)."""
    return _NAME_WORD if NOT_LATIN.search(text, max(start - 1, 0), end) else _LATIN_NAME_WORD




#: words before a common noun, not (usually) before a name: articles, determiners, contractions
DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    keines im am zum zur vom beim ins ans aufs dieser diese dieses diesem diesen jeder jede jedes
    jedem jeden jener jene jenes jenem jenen mein meine meinen meinem meiner dein deine sein seine
    seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem
    unserer euer eure welche welcher welches welchen welchem solche solcher solchen""".split()
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")

#: capitalised words that are never names here: months and days ("März" is not "Marí")
NOT_NAMES = frozenset(MONTH_NAMES + WEEKDAY_NAMES)



@dataclass(frozen=True, slots=True)
class Mention:
    """A name-like word of an article: `text` from `start` to `end`.

    `determined` is true when an article or determiner stands before it ("die Regierung"), a sign
    of a common noun.
    """

    start: int
    end: int
    text: str
    determined: bool = False




# -- mentions -------------------------------------------------------------------------------


def name_forms(article) -> set[str]:
    """The distinct name-like words of an article, cheaply: what `mentions` would find, before
    leaving out sentence-initial ordinary words."""
    if not article.blocks:
        return set()
    start, end = article.blocks[0].start, article.blocks[-1].end
    prose = article.prose  # the text of the blocks; the rest is blanked
    found = set(_name_words(prose, start, end).findall(prose, start, end))
    found -= NOT_NAMES
    found -= set(filter(str.isupper, found))
    return found


def mentions(article, only: Collection[str] | None = None) -> list[Mention]:
    """The name-like words of an article, in order: capitalised words and parts of hyphenated
    words, of four letters or more, without digits and not all in capitals; `only` those
    forms when given.

    A capitalised word that the article also writes in lower case ("Weiter"/"weiter") is an
    ordinary word at the start of a sentence, not a name, and is left out.
    """
    prose = article.prose
    lower = _LowerCase(article)
    found: list[Mention] = []
    for block in article.blocks:
        pattern = _name_words(prose, block.start, block.end)
        if only is None or len(only) > _FEW_FORMS:
            matches = pattern.finditer(prose, block.start, block.end)
        else:  # a few forms asked for (most articles): looked for alone, not among every name word
            matches = matches_of(pattern, prose, block.start, block.end, only)
        for match in matches:
            text = match.group()
            if only is not None and text not in only:
                continue
            if text.isupper() or text in NOT_NAMES or lower.written(text):
                continue
            words, index = article.words_around(match.start(), _DETERMINER_REACH)
            last_part = match.end() == words[index].end
            determined = last_part and _after_determiner(prose, words, index)
            found.append(Mention(match.start(), match.end(), text, determined))
    return found


#: up to this many forms asked for, `mentions` looks for each alone (one search of the text each)
_FEW_FORMS = 8


def matches_of(pattern, text: str, start: int, end: int, forms: Collection[str]) -> list:
    """The matches of `pattern` (`_NAME_WORD` or its twin) in text[start:end] that are one of
    `forms`, in order: what `pattern.finditer` finds of them, found by looking for each form
    (a name word is never part of another: no letter stands next to it)."""
    found = []
    for form in forms:
        at = text.find(form, start, end)
        while at >= 0:
            match = pattern.match(text, at, end)
            if match is not None and match.end() == at + len(form):
                found.append(match)
            at = text.find(form, at + 1, end)
    if len(forms) > 1:
        found.sort(key=_match_start)
    return found


def _match_start(match) -> int:
    return match.start()


class _LowerCase:
    """Whether an article writes a word in lower case too: one of its words is the word in lower
    case. The article's words are gathered only when the lower-case spelling of a name stands in
    its text at all (most names never do), or after a few names, so that many take linear time."""

    def __init__(self, article) -> None:
        self._article = article
        self._words: set[str] | None = None
        self._absent: set[str] = set()  # lower-case spellings the text does not hold

    def written(self, word: str) -> bool:
        lowered = word.lower()
        if self._words is None:
            if lowered in self._absent:
                return False
            article = self._article
            if len(self._absent) < _QUICK_LOOKS and (not article.blocks or article.prose.find(
                    lowered, article.blocks[0].start, article.blocks[-1].end) < 0):
                self._absent.add(lowered)
                return False
            self._words = {found.text for found in article.words if found.text[0].islower()}
        return lowered in self._words


#: names looked for in lower case in the text before the article's words are gathered
_QUICK_LOOKS = 8

#: how many words before a name `_after_determiner` looks at
_DETERMINER_REACH = 3


def _after_determiner(prose: str, words, index: int) -> bool:
    """Whether an article or determiner stands before words[index], perhaps with adjectives or
    an ordinal between: "die Regierung", "der letzten Eiszeit", "der Belgrader Innenstadt",
    "das 21. Turnier"."""
    for back in range(index - 1, max(-1, index - 1 - _DETERMINER_REACH), -1):
        before, after = words[back], words[back + 1]
        text = before.text
        if text.lower() in DETERMINERS:
            determiner = True
        elif text.endswith(_ADJECTIVE_ENDINGS) and (text[0].islower() or text.endswith("er")):
            determiner = False
        elif text.isdigit():
            determiner = False
        else:
            return False
        gap = prose[before.end : after.start].strip()
        if gap and not (gap == "." and text.isdigit()):
            return False
        if determiner:
            return True
    return False


def word_forms(forms: Iterable[str], pairs: Iterable[tuple[str, str]]) -> set[str]:
    """The forms that may be forms of the word of a form in `pairs`: those that share its first
    letters (`MIN_STEM` of them, umlauts aside), as forms with a stem in common do. These are
    all the mentions `variant_groups` needs to judge the pairs."""
    heads = {_head(form) for pair in pairs for form in pair}
    return {form for form in forms if _head(form) in heads}


def _head(form: str) -> str:
    return form[:MIN_STEM].translate(UMLAUTS)  # each of its stems starts so (see `stems`)


def may_mention(text: str, start: int, end: int, spellings: frozenset[str]) -> bool:
    """Whether text[start:end] holds the longest word of one of `spellings`: a quick test
    before an exact search for them, which most articles do not need. The longest word is the
    rarest ("Delhi" of "New Delhi", not "New")."""
    return _longest_words(spellings).search(text, start, end) is not None


@lru_cache(maxsize=32)
def _longest_words(spellings: frozenset[str]) -> re.Pattern:
    # the standard library's engine finds one of many plain words faster than `regex`, and faster
    # still when the words are grouped by their first letter: "B(?:agdad|eijing)|K(?:iew|yiv)"
    words = sorted({max(spelling.split(), key=len) for spelling in spellings if spelling.split()})
    return re.compile("|".join(
        re.escape(initial) + "(?:" + "|".join(re.escape(word[1:]) for word in group) + ")"
        for initial, group in groupby(words, key=itemgetter(0))
    ))
