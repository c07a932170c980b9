"""Which language a stretch of text is in, by its small words: German, or another one.

A quotation in English, French, Italian, Spanish, Portuguese or Dutch inside a German article
(a quoted tweet, a motto) is quoted verbatim, marks and all. `foreign(text)` tells such a
stretch from German by counting the function words of each language it uses; a name or a single
word gives no evidence, so it stays German.
"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"\p{L}+")
_FUNCTION_WORDS = {
    "de": """der die das den dem des ein eine einen einem einer und oder aber nicht ist sind war
        wird werden wir ihr sie er es ich du mit von zu für auf aus bei nach über unter vor
        dass auch noch nur schon sich so wie im am zum zur hat haben kein keine""",
    "en": """the and or but not is are was were be been will would we you they he she it i of to
        in on for with at by from this that these those there here what who have has had do
        does did our your their my his her its an can could should""",
    "fr": """le la les un une des et ou mais ne pas est sont était nous vous ils elle il je de du
        au aux pour avec dans sur ce cette qui que""",
    "it": """il lo gli la le un una e o ma non è sono era noi voi loro di del della per con che
        questo questa""",
    "es": """el los las un una y o pero no es son era nosotros ellos de del para con que esto
        esta por""",
    "pt": """o os as um uma e ou mas não é são era nós eles de do da para com que isto esta""",
    "nl": """de het een en of maar niet is zijn was wij jullie zij ik van voor met op dat dit
        wordt""",
}
_WORDS_OF = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
#: each function word: the languages it is a function word of
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS_OF.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
#: function words of another language needed, and more of them than German ones
_EVIDENCE = 2


def foreign(text: str, lang: str = "de") -> bool:
    """Whether `text` is clearly in another language than `lang` (German by default)."""
    return language_of(text, lang) != lang[:2].lower()


def language_of(text: str, lang: str = "de") -> str:
    """The language `text` is clearly in, by its function words; `lang` when nothing is clear."""
    lang = lang[:2].lower()
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < _EVIDENCE:
        return lang
    own = _WORDS_OF.get(lang, frozenset())
    own_count, counts = 0, dict.fromkeys(_WORDS_OF, 0)  # one pass over the words for every language
    for word in words:
        if word in own:
            own_count += 1  # a function word of `lang` is no evidence of another language
        else:
            for other in _LANGUAGES_OF.get(word, ()):
                counts[other] += 1
    best, best_count = lang, own_count
    for other, count in counts.items():
        if other != lang and count >= _EVIDENCE and count > best_count:
            best, best_count = other, count
    return best
