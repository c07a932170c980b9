"""Patterns of style rules: compiled once per run, searched with a time limit per article.

Patterns are regular expressions as Vale reads them, compiled with the `regex` module in
multi-line mode (Vale's `(?m)`), case-insensitive where the rule says `ignorecase`; word
boundaries (`\\b`) are Unicode's, so „Übergriff“ is a word like „Angriff“. An invalid pattern is
a `StyleError` naming it and what is wrong with it.

A list of tokens is matched as Vale's one alternation, `\\b(?:Kiew|Kyjiw|…)\\b`: leftmost first,
never overlapping. Its literal words — most of a house style's tokens — are not searched for one
by one, nor tried at every position of the text as an alternation of hundreds would be: they are
looked up among the words of the article, which are gathered once per article and shared by all
rules (an index, like an automaton over words); only the tokens found there are located. The
tokens that are patterns are searched as one compiled alternation. Every search has a deadline:
a pattern that backtracks catastrophically raises `TimeoutError` when the rule's time for the
article is up, and the rule reports that instead of stalling the run.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import regex
from newslint.styles.rule_file import StyleError

#: a token made of these characters only is a literal string, not a pattern (`.`, `?`, `*`,
#: `+`, `(`, `[`, `{`, `|`, `^`, `$` and `\\` make a pattern)
_LITERAL = regex.compile(r"[^.?*+()\[\]{}|^$\\]+")
_WORD_CHAR = regex.compile(r"\w")
_WORDS = regex.compile(r"\w+")
# the standard library's engine gathers an article's words faster; it tells combining marks from
# word characters, which only NFD text has, so `\b` may see a word where it sees two: a miss then
_ARTICLE_WORDS = re.compile(r"\w+")
_NAMED_GROUP = regex.compile(r"(?<!\\)\(\?P?<(?![=!])")
#: a `^`, `$`, `\A`, `\Z`, `\z` or `\G`: the pattern depends on where its text starts and ends
_ANCHORS = regex.compile(r"(?<!\\)(?:\\\\)*(?:[$^]|\\[AZzG])")


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
        if self._exact is None:
            self._exact = set(_ARTICLE_WORDS.findall(self.text))
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


@dataclass(frozen=True)
class Literal:
    """A token that is a plain string, found through the article's words."""

    text: str  # as written, lower case when the match ignores case
    index: int  # its place among the tokens
    first_word: str  # the word it starts with: an article without it cannot hold the token


class Alternation:
    """Vale's `(?:token|token|…)` of a rule, word-bounded unless `nonword`, with `raw` around it.

    `capture`: each token that is a pattern is a group of its own, so that a match tells which
    token it is (substitution's keys); Vale turns groups inside a token into non-capturing ones
    there. `matches` gives (start, end, token index or -1) in the order of the text.
    """

    def __init__(self, tokens: list[str], ignorecase: bool, bounded: bool, where: str,
                 before: str = "", after: str = "", capture: bool = False) -> None:
        self.ignorecase = ignorecase
        self.bounded = bounded
        self.literals: list[Literal] = []
        patterns: list[tuple[int, str]] = []
        for index, token in enumerate(tokens):
            if not token.strip():
                continue
            if not before and not after and _is_literal(token, bounded):
                text = token.lower() if ignorecase else token
                first = _WORDS.search(text)
                self.literals.append(Literal(text, index, first.group() if first else ""))
            else:
                patterns.append((index, token))
        self._by_first: dict[str, list[Literal]] = {}  # word-bounded literals by their first word
        if bounded:
            for literal in self.literals:
                self._by_first.setdefault(literal.first_word, []).append(literal)
        self.group_tokens: dict[int, int] = {}  # with `capture`: the token of each token's group
        body = ""
        if patterns:
            if capture:
                group = 1
                for index, token in patterns:
                    self.group_tokens[group] = index
                    group += 1 + len(_NAMED_GROUP.findall(token))  # named groups stay groups
                body = "|".join(f"({_uncaptured(token)})" for _index, token in patterns)
            else:
                body = "|".join(token for _index, token in patterns)
            body = rf"\b(?:{body})\b" if bounded else f"(?:{body})"
        elif before or after:
            body = "(?:)"
        source = before + body + after if (body or before or after) else ""
        self.source = source
        try:
            self.pattern = compile_pattern(source, ignorecase, where) if source else None
        except StyleError:
            for part in (before, after, *(token for _index, token in patterns)):
                if part:  # name the token that is wrong, not the whole alternation
                    compile_pattern(part, ignorecase, where)
            raise
        self.anchored = anchored(source) if source else False

    def matches(self, words: Words, start: int, end: int, deadline: Deadline,
                isolated: bool = False) -> list[tuple[int, int, int]]:
        """(start, end, token) of each match in words.text[start:end], leftmost first, not overlapping.

        `isolated`: the pattern sees text[start:end] as a text of its own (where it has anchors)."""
        found = self._literal_matches(words, start, end)
        if self.pattern is not None:
            found += self._pattern_matches(words.text, start, end, deadline, isolated)
        if not found:
            return []
        found.sort(key=lambda match: (match[0], match[0] - match[1]))  # leftmost, then longest
        chosen = []
        reached = -1
        for match in found:
            if match[0] >= reached and (match[1] > match[0] or match[0] > reached):
                chosen.append(match)
                reached = match[1]
        return chosen

    def _pattern_matches(self, text: str, start: int, end: int, deadline: Deadline, isolated: bool) -> list:
        found = []
        groups = self.group_tokens
        offset = 0
        if isolated:
            text, offset, start, end = text[start:end], start, 0, end - start
        for match in self.pattern.finditer(text, start, end, timeout=deadline.left()):
            token = groups.get(match.lastindex, -1) if groups else -1  # the outer group closes last
            found.append((offset + match.start(), offset + match.end(), token))
        return found

    def _literal_matches(self, words: Words, start: int, end: int) -> list:
        if not self.literals:
            return []
        index = self._by_first
        if not self.bounded:  # a token inside a longer word: no word to look up, the search is quick
            candidates = self.literals
        elif len(index) <= len(present := words.lower if self.ignorecase else words.exact):
            candidates = [literal for first, group in index.items() if first in present for literal in group]
        else:
            candidates = [literal for word in present if word in index for literal in index[word]]
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


def _is_literal(token: str, bounded: bool) -> bool:
    """Whether a token is a plain string that the word index can find: without pattern syntax, and,
    when matches are word-bounded, starting and ending with a word character."""
    if _LITERAL.fullmatch(token) is None:
        return False
    return not bounded or (is_word(token, 0) and is_word(token, len(token) - 1))


def _uncaptured(pattern: str) -> str:
    """A pattern whose capturing groups are non-capturing, as Vale makes substitution's keys."""
    return regex.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


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
