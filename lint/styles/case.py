"""Letter case for `capitalization` checks: Vale's `$title`, `$sentence`, `$lower`, `$upper` or a pattern.

A text passes `$title` or `$sentence` when at least `threshold` (default 0.8) of its words are as
the converted text has them: `$title` in AP style (small words of three letters or fewer stay
lower case) or Chicago style (articles, coordinating conjunctions and prepositions stay lower
case), the first and last word always capitalised; `$sentence` with only its first word
capitalised — and a sentence whose first word is not capitalised fails outright. Words the rule's
exceptions or the vocabulary hold count as right, and so do words in capitals (acronyms). A word
after one ending in an `indicators` suffix (such as ":") may be capitalised; a constant `prefix`
is left out. These are English conventions: German capitalises its nouns, so German styles use
a pattern instead.
"""

from __future__ import annotations

from typing import Callable

import regex
from newslint.styles.patterns import Deadline, compile_pattern

_TOKEN = regex.compile(r"[\p{N}\p{L}*]+\S*")
_NUMBERED = regex.compile(r"\d+\.")
_ARTICLES = {"a", "an", "the"}
_CONJUNCTIONS = {"and", "but", "for", "nor", "or", "so", "yet"}
_SHORT_PREPOSITIONS = {"as", "at", "by", "for", "in", "of", "off", "on", "out", "per", "to", "up", "via", "vs"}
_PREPOSITIONS = _SHORT_PREPOSITIONS | set(
    """about above across after against along amid among around before behind below beneath beside
    besides between beyond despite down during except from inside into like near onto outside over
    past since than through throughout toward towards under underneath until unto upon with within
    without""".split()
)
SMALL_WORDS = {
    "AP": _ARTICLES | _CONJUNCTIONS | {w for w in _PREPOSITIONS if len(w) <= 3},
    "Chicago": _ARTICLES | _CONJUNCTIONS | _PREPOSITIONS,
}


class CaseStyle:
    """One `match` of a capitalization rule: `judge(text)` gives (expected text, whether it passes)."""

    def __init__(self, match: str, style: str, threshold: float, indicators: list[str], prefix: str,
                 where: str) -> None:
        self.match = match
        self.small = SMALL_WORDS.get(style, SMALL_WORDS["AP"])
        self.threshold = threshold
        self.indicators = tuple(indicators)
        self.prefix = prefix
        self.pattern = None if match in ("$title", "$sentence", "$lower", "$upper") else \
            compile_pattern(match, False, f"{where}: match")
        #: whether the expected text is a suggestion (not for a pattern)
        self.suggests = self.pattern is None

    def judge(self, text: str, excepted: Callable[[str], bool], deadline: Deadline) -> tuple[str, bool]:
        """`excepted(word)`: whether the rule's exceptions or the vocabulary hold a word; the
        searches raise TimeoutError when the `deadline` passes."""
        if self.pattern is not None:
            return self.match, self.pattern.search(text, timeout=deadline.left()) is not None or excepted(text)
        if self.match in ("$lower", "$upper"):
            expected = text.lower() if self.match == "$lower" else text.upper()
            return expected, text == expected or excepted(text)
        body = text[len(self.prefix):] if self.prefix and text.startswith(self.prefix) else text
        words = _TOKEN.findall(body)
        if not words:
            return text, True
        if self.match == "$title":
            expected = [self._title(word, number, len(words), excepted) for number, word in enumerate(words)]
        else:
            expected = self._sentence(words, excepted)
        right = 0
        for number, (word, wanted) in enumerate(zip(words, expected)):
            if word == wanted or excepted(word) or (self.match == "$title" and word.isupper()):
                right += 1
            elif self.match == "$sentence" and number == 0:
                return self._joined(text, body, words, expected), False
        return self._joined(text, body, words, expected), right / len(words) >= self.threshold

    def _title(self, word: str, number: int, count: int, excepted: Callable[[str], bool]) -> str:
        if excepted(word) or (word.isupper() and len(word) > 1):
            return word
        if 0 < number < count - 1 and word.lower() in self.small:
            return word.lower()
        return word[:1].upper() + word[1:].lower()

    def _sentence(self, words: list[str], excepted: Callable[[str], bool]) -> list[str]:
        expected = []
        first = 0
        for number, word in enumerate(words):
            after_indicator = number > 0 and words[number - 1].endswith(self.indicators) if self.indicators else False
            if number == first and _NUMBERED.fullmatch(word):
                first += 1  # a numbered list item: the word after the number comes first
                expected.append(word)
            elif excepted(word) or (word.isupper() and len(word) > 1):
                expected.append(word)
            elif number == first or after_indicator:
                expected.append(word[:1].upper() + word[1:].lower() if number == first else word)
            else:
                expected.append(word.lower())
        return expected

    def _joined(self, text: str, body: str, words: list[str], expected: list[str]) -> str:
        """The text with its words replaced by the expected ones (spacing and punctuation kept)."""
        pieces, position = [], 0
        for match, wanted in zip(_TOKEN.finditer(body), expected):
            pieces.append(body[position:match.start()])
            pieces.append(wanted)
            position = match.end()
        pieces.append(body[position:])
        return text[: len(text) - len(body)] + "".join(pieces)
