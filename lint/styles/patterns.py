"""Patterns of style rules: compiled once per run, searched with a time limit per article.

Patterns are regular expressions as Vale reads them, compiled with the `regex` module in
multi-line mode (Vale's `(?m)`), case-insensitive where the rule says `ignorecase`; word
boundaries (`\\b`) are Unicode's, so „Übergriff“ is a word like „Angriff“. An invalid pattern is
a `StyleError` naming it and what is wrong with it.

A list of tokens matches as Vale's one alternation, `\\b(?:Kiew|Kyjiw|…)\\b`, does: leftmost first,
never overlapping. Its literal words — most of a house style's tokens — are not searched for one
by one, nor tried at every position of the text as an alternation of hundreds would be: they are
looked up among the words of the article, which are gathered once per article and shared by all
rules (an index, like an automaton over words); only the tokens found there are located. The
tokens that are patterns are compiled once each and searched each on its own (see `Alternation`).
Every search has a deadline: a pattern that backtracks catastrophically raises `TimeoutError`
when the rule's time for the article is up, and the rule reports that instead of stalling the run.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import regex
from newslint.styles.rule_file import StyleError

#: a token made of these characters only is a literal string, not a pattern (`.`, `?`, `*`,
#: `+`, `(`, `[`, `{`, `|`, `^`, `$` and `\\` make a pattern)
# these are the standard library's: compiled much faster at start-up than with `regex`; the word
# characters are its too, like the article's words (see `_ARTICLE_WORDS`)
_LITERAL = re.compile(r"[^.?*+()\[\]{}|^$\\]+")
_WORD_CHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
#: up to this many required literals, a rule asks for each instead of scanning for all at once
_FEW_LITERALS = 4
# the standard library's engine gathers an article's words faster; it tells combining marks from
# word characters, which only NFD text has, so `\b` may see a word where it sees two: a miss then
_ARTICLE_WORDS = re.compile(r"\w+")
#: punctuation that stands around words (stripped before a word is taken whole)
_AROUND_WORDS = ".,;:!?()[]{}„“”‚‘’'\"»«‹›–—-/…*"
#: a `^`, `$`, `\A`, `\Z`, `\z` or `\G`: the pattern depends on where its text starts and ends
_ANCHORS = re.compile(r"(?<!\\)(?:\\\\)*(?:[$^]|\\[AZzG])")


def compile_pattern(pattern: str, ignorecase: bool, where: str) -> regex.Pattern:
    """Compile a pattern of a rule (multi-line, as in Vale); a StyleError names it when invalid."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as error:
        raise StyleError(f"{where}: invalid pattern '{pattern}': {error}") from None


def anchored(pattern: str) -> bool:
    """Whether a pattern has anchors, so that it must see each part of a scope as a text of its own."""
    return _ANCHORS.search(pattern) is not None


def is_word(text: str, index: int) -> bool:
    """Whether text[index] is a word character (what `\\b` tells from the rest); False outside."""
    return 0 <= index < len(text) and _WORD_CHAR.match(text, index) is not None


class Deadline:
    """When a rule's time on an article is up; `left()` for the next search's timeout."""

    __slots__ = ("ends",)

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left


class Words:
    """The words (runs of word characters) of a text, gathered once and shared by every rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._exact: set[str] | None = None
        self._lower: set[str] | None = None
        self._lower_text: str | None = None

    @property
    def exact(self) -> set[str]:
        """Every run of word characters of the text. Most are what stands between spaces, once
        the punctuation around it is gone; only the rest (E-Mail, dpa/AFP) are read as runs."""
        if self._exact is None:
            words = {chunk.strip(_AROUND_WORDS) for chunk in self.text.split()}
            for chunk in [chunk for chunk in words if not chunk.isalnum()]:
                words.discard(chunk)
                words.update(_ARTICLE_WORDS.findall(chunk))
            self._exact = words
        return self._exact

    @property
    def lower(self) -> set[str]:
        if self._lower is None:
            self._lower = {word.lower() for word in self.exact}
        return self._lower

    @property
    def lower_text(self) -> str | None:
        """The text in lower case when that keeps every offset (it does not for „İ“), else None."""
        if self._lower_text is None:
            lowered = self.text.lower()
            self._lower_text = lowered if len(lowered) == len(self.text) else ""
        return self._lower_text or None


class LiteralGate:
    """Which of some literals a text holds, found in one scan of the standard library's engine.

    A pattern whose required literal (see `required_literal`) a text does not hold is not
    searched there. Asking the text for each literal costs a pass per literal; one alternation of
    them all is one pass, with the standard library's quick look for their first characters. A
    literal that the scan's matches hide (it starts inside one of them) is looked for there, so
    the answer is exact."""

    def __init__(self, literals: set[str]) -> None:
        self.literals = sorted(literals, key=len, reverse=True)  # at one place, the longest first
        self._pattern = re.compile("|".join(re.escape(literal) for literal in self.literals)) if literals else None
        self._prefixes = {literal: [other for other in self.literals if literal.startswith(other)]
                          for literal in self.literals}
        self._by_first: dict[str, list[str]] = {}  # by their first character
        for literal in self.literals:
            self._by_first.setdefault(literal[0], []).append(literal)

    def any(self, text: str) -> bool:
        if len(self.literals) <= _FEW_LITERALS:
            return any(literal in text for literal in self.literals)
        return self._pattern.search(text) is not None

    def present(self, text: str) -> set[str]:
        if len(self.literals) <= _FEW_LITERALS:  # a few: asking for each is quicker than a scan
            return {literal for literal in self.literals if literal in text}
        found: set[str] = set()
        by_first = self._by_first
        for match in self._pattern.finditer(text):
            found.update(self._prefixes[match.group()])  # itself, and the shorter ones it begins with
            for position in range(match.start() + 1, match.end()):
                for other in by_first.get(text[position], ()):
                    if other not in found and text.startswith(other, position):
                        found.add(other)
        return found


class _Everything:
    """What a text holds when it cannot be asked (its lower case would move offsets): anything."""

    def __contains__(self, item) -> bool:
        return True


_EVERYTHING = _Everything()


@dataclass(frozen=True)
class Literal:
    """A token that is a plain string, found through the article's words."""

    text: str  # as written, lower case when the match ignores case
    index: int  # its place among the tokens
    key_word: str  # its longest word: an article without that word (as a whole word) cannot hold it


class Alternation:
    """Vale's `(?:token|token|…)` of a rule, word-bounded unless `nonword`, with `raw` around it.

    It finds what the one alternation finds — at the leftmost place where a token matches, the
    first token (in the rule's order) that matches there; matches never overlap — without being
    one: literal tokens come from the article's words, and each token that is a pattern is
    searched on its own. (The `regex` module finds one pattern's required literal quickly, but
    tries every alternative at every position of an alternation: a date rule of 28 patterns ran
    150 times slower as one alternation.) With `raw`, which Vale concatenates with the tokens,
    the rule is one pattern as Vale builds it. `matches` gives (start, end, token index).
    """

    def __init__(self, tokens: list[str], ignorecase: bool, bounded: bool, where: str,
                 before: str = "", after: str = "") -> None:
        self.ignorecase = ignorecase
        self.bounded = bounded
        self.literals: list[Literal] = []
        #: (token index, pattern, a literal every match holds: a text without it is not searched,
        #: whether to look for it in lower case)
        self.patterns: list[tuple[int, regex.Pattern, str | None, bool]] = []
        tokens = [(index, token) for index, token in enumerate(tokens) if token.strip()]
        if before or after:  # raw: one pattern, as Vale builds it
            body = "|".join(token for _index, token in tokens)
            body = (rf"\b(?:{body})\b" if bounded else f"(?:{body})") if tokens else "(?:)"
            self._add_pattern(-1, before + body + after, where, [before, after, *(t for _i, t in tokens)],
                              required_literal(before + after) if not tokens else None)
            tokens = []
        for index, token in tokens:
            if _is_literal(token, bounded):
                text = token.lower() if ignorecase else token
                self.literals.append(Literal(text, index, max(_WORDS.findall(text) or [""], key=len)))
            else:
                self._add_pattern(index, rf"\b(?:{token})\b" if bounded else token, where, [token],
                                  required_literal(token))
        self._by_word: dict[str, list[Literal]] = {}  # word-bounded literals by their longest word
        if bounded:
            for literal in self.literals:
                self._by_word.setdefault(literal.key_word, []).append(literal)
        self.key_words = frozenset(self._by_word)
        self.anchored = any(anchored(pattern.pattern) for _index, pattern, _literal, _lower in self.patterns)
        #: whether a pattern has no required literal: any text may hold a match
        self.ungated = any(literal is None for _index, _pattern, literal, _lower in self.patterns)
        #: (literal, whether in lower case) that some match needs: the patterns' required literals
        #: and the literal tokens found inside words (not word-bounded)
        self.gate_literals = {(literal, lowered) for _i, _p, literal, lowered in self.patterns if literal is not None}
        if not bounded:
            self.gate_literals |= {(literal.text, ignorecase) for literal in self.literals}
        self._gates = {lowered: LiteralGate({literal for literal, low in self.gate_literals if low == lowered})
                       for lowered in (False, True)}

    def _add_pattern(self, index: int, source: str, where: str, parts: list[str], literal: str | None) -> None:
        lowered = literal is not None and (self.ignorecase or "(?i" in source)
        if lowered:
            literal = literal.lower()
        try:
            self.patterns.append((index, compile_pattern(source, self.ignorecase, where), literal, lowered))
        except StyleError:
            for part in parts:
                if part:  # name the token that is wrong, not what newslint made of it
                    compile_pattern(part, self.ignorecase, where)
            raise

    def matches(self, words: Words, start: int, end: int, deadline: Deadline,
                isolated: bool = False) -> list[tuple[int, int, int]]:
        """(start, end, token) of each match in words.text[start:end], leftmost first, not overlapping.

        `isolated`: the patterns see text[start:end] as a text of their own (where they have anchors)."""
        found = self._literal_matches(words, start, end) if self.literals else []
        text = words.text
        present = None
        for index, pattern, literal, lowered in self.patterns:
            if literal is not None:  # what every match needs: where the text lacks it, no search
                if present is None:
                    present = self._present(words)
                if literal not in present[lowered]:
                    continue
            found += _pattern_matches(pattern, index, text, start, end, deadline, isolated)
        if len(found) < 2:
            return found
        found.sort(key=lambda match: (match[0], match[2], match[0] - match[1]))  # leftmost, then first token
        chosen = []
        reached = -1
        for match in found:
            if match[0] >= reached and (match[1] > match[0] or match[0] > reached):
                chosen.append(match)
                reached = match[1]
        return chosen

    def _present(self, words: Words) -> dict[bool, set[str] | _Everything]:
        lower = words.lower_text
        return {False: self._gates[False].present(words.text),
                True: _EVERYTHING if lower is None else self._gates[True].present(lower)}

    def _literal_matches(self, words: Words, start: int, end: int) -> list:
        if not self.literals:
            return []
        index = self._by_word
        if not self.bounded:  # a token inside a longer word: no word to look up, the search is quick
            candidates = self.literals
        else:  # the words both the rule and the article have, intersected at C speed
            present = words.lower if self.ignorecase else words.exact
            candidates = [literal for word in self.key_words & present for literal in index[word]]
        if not candidates:
            return []
        text = words.text
        haystack = words.lower_text if self.ignorecase else text
        if haystack is None:  # lower case would move offsets: ask the pattern instead
            return self._literals_as_pattern(candidates, text, start, end)
        found = []
        for literal in candidates:
            token, length = literal.text, len(literal.text)
            at = haystack.find(token, start, end)
            while at != -1:
                if not self.bounded or (not is_word(text, at - 1) and not is_word(text, at + length)):
                    found.append((at, at + length, literal.index))
                    at = haystack.find(token, at + length, end)
                else:
                    at = haystack.find(token, at + 1, end)
        return found

    def _literals_as_pattern(self, candidates: list[Literal], text: str, start: int, end: int) -> list:
        found = []
        for literal in candidates:
            escaped = regex.escape(literal.text)
            pattern = regex.compile(rf"\b{escaped}\b" if self.bounded else escaped,
                                    regex.IGNORECASE if self.ignorecase else 0)
            found += [(m.start(), m.end(), literal.index) for m in pattern.finditer(text, start, end)]
        return found


_SPECIAL = set(".^$*+?{}[]|()\\")
_VERBOSE = re.compile(r"\(\?[a-zA-Z-]*x")
#: characters every article has: a required literal of nothing else rules nothing out
_EVERYWHERE = " .,;:!?-–()\"'\n"
_QUANTIFIERS = "?*+{"


def required_literal(pattern: str) -> str | None:
    """The longest stretch of plain characters that every match of `pattern` holds, or None.

    Read at the top level only: characters inside groups, classes and lookarounds, before a
    quantifier, and any pattern with a top-level `|` give nothing. A single letter or digit is too
    common to be worth a look, and so is punctuation that every text has; a sign („%“, „€“) is
    not, and of several stretches the one with such a sign, else the longest, is taken. Verbose
    patterns give nothing."""
    if _VERBOSE.search(pattern):
        return None
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    index = 0
    length = len(pattern)
    while index < length:
        character = pattern[index]
        if character == "\\" and index + 1 < length:
            escaped = pattern[index + 1]
            index += 2
            if depth == 0 and not escaped.isalnum():
                run.append(escaped)  # \. \$ \- …: that character
            elif depth == 0:
                runs.append("".join(run))
                run = []  # \d \b \p{…}: not a literal
                if escaped in "pPNxu" and index < length and pattern[index] == "{":
                    index = pattern.find("}", index) + 1 or length
            continue
        if character == "[":
            closing = _class_end(pattern, index)
            if depth == 0:
                runs.append("".join(run))
                run = []
            index = closing + 1
            continue
        if character == "(":
            if depth == 0:
                runs.append("".join(run))
                run = []
            depth += 1
        elif character == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            if character == "|":
                return None
            if character in _QUANTIFIERS:
                if run and character != "+":
                    run.pop()  # the character before is optional or counted
                runs.append("".join(run))
                run = []
                if character == "{":
                    index = pattern.find("}", index) + 1 or length
                    continue
            elif character in _SPECIAL:
                runs.append("".join(run))
                run = []
            else:
                run.append(character)
        index += 1
    runs.append("".join(run))
    useful = [run for run in runs if run and not (len(run) == 1 and run.isalnum()) and run.strip(_EVERYWHERE)]
    if not useful:
        return None  # lone letters, spaces and punctuation: every article has them
    return max(useful, key=_rarity)


def _rarity(literal: str) -> tuple[bool, int]:
    """How rarely a literal occurs in text, roughly: signs such as € $ % ² first, then the longest."""
    return any(not character.isalnum() and character not in _EVERYWHERE for character in literal), len(literal)


def _class_end(pattern: str, start: int) -> int:
    """The index of the `]` that closes the character class opening at `start`."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1  # a leading ] is a member
    while index < len(pattern):
        if pattern[index] == "\\":
            index += 2
            continue
        if pattern[index] == "[":  # a nested class (POSIX or a set operation)
            index = _class_end(pattern, index) + 1
            continue
        if pattern[index] == "]":
            return index
        index += 1
    return len(pattern)


def _pattern_matches(pattern: regex.Pattern, index: int, text: str, start: int, end: int,
                     deadline: Deadline, isolated: bool) -> list[tuple[int, int, int]]:
    offset = 0
    if isolated:  # the span as a text of its own, as Vale gives it to the pattern
        text, offset, start, end = text[start:end], start, 0, end - start
    return [(offset + m.start(), offset + m.end(), index)
            for m in pattern.finditer(text, start, end, timeout=deadline.left())]


def _is_literal(token: str, bounded: bool) -> bool:
    """Whether a token is a plain string that the word index can find: without pattern syntax, and,
    when matches are word-bounded, starting and ending with a word character."""
    if _LITERAL.fullmatch(token) is None:
        return False
    return not bounded or (is_word(token, 0) and is_word(token, len(token) - 1))


class Exceptions:
    """Vale's exceptions of a rule: a match that holds one of them, as a word, is not reported.

    Exceptions are patterns too, case-sensitive unless they start with `(?i)`, whatever the rule's
    `ignorecase`; the accepted terms of the vocabulary join them unless the rule says `vocab: false`.
    """

    def __init__(self, terms: list[str], where: str) -> None:
        terms = sorted({term for term in terms if term.strip()}, key=len, reverse=True)  # longest first
        parts = [f"(?i:{term[4:]})" if term.startswith("(?i)") else f"(?-i:{term})" for term in terms]
        self.terms = tuple(terms)
        self.pattern = None
        if parts:
            try:
                self.pattern = compile_pattern(rf"\b(?:{'|'.join(parts)})\b", False, where)
            except StyleError:
                for term in terms:  # name the one that is wrong
                    compile_pattern(term[4:] if term.startswith("(?i)") else term, False, where)
                raise

    def __bool__(self) -> bool:
        return self.pattern is not None

    def hold(self, text: str) -> bool:
        """Whether `text` holds one of the exceptions."""
        return self.pattern is not None and self.pattern.search(text) is not None
