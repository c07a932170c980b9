"""Patterns of style rules: compiled once per run, searched with a time limit per article.

Patterns are regular expressions as Vale reads them, compiled with the `regex` module in
multi-line mode (Vale's `(?m)`), case-insensitive where the rule says `ignorecase`; word
boundaries (`\\b`) are Unicode's, so „Übergriff“ is a word like „Angriff“. An invalid pattern is
a `StyleError` naming it and what is wrong with it.

A list of tokens matches as Vale's one alternation, `\\b(?:Kiew|Kyjiw|…)\\b`, does: leftmost first,
never overlapping. Its literal tokens — most of a house style's — are not searched for one by
one, nor tried at every position of the text as an alternation of hundreds would be: every
literal of a style set's rules is found in one pass of an Aho-Corasick automaton over the
article (see `Literals`), built once per run and shared by all its rules. The tokens that are
patterns are compiled once each and searched each on its own, and only where the article holds
what every match of the pattern needs (see `required_literal`, `Alternation`).
Every search has a deadline: a pattern that backtracks catastrophically raises `TimeoutError`
when the rule's time for the article is up, and the rule reports that instead of stalling the run.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import regex
from ahocorasick_rs import AhoCorasick
from newslint.styles.rule_file import StyleError

#: a token made of these characters only is a literal string, not a pattern (`.`, `?`, `*`,
#: `+`, `(`, `[`, `{`, `|`, `^`, `$` and `\\` make a pattern)
# these are the standard library's: compiled much faster at start-up than with `regex`
_LITERAL = re.compile(r"[^.?*+()\[\]{}|^$\\]+")
_WORD_CHAR = re.compile(r"\w")
#: a `^`, `$`, `\A`, `\Z`, `\z` or `\G`: the pattern depends on where its text starts and ends
_ANCHORS = re.compile(r"(?<!\\)(?:\\\\)*(?:[$^]|\\[AZzG])")


def compile_pattern(pattern: str, ignorecase: bool, where: str, later: bool = False) -> regex.Pattern:
    """Compile a pattern of a rule (multi-line, as in Vale); a StyleError names it when invalid.

    `later`: a pattern of a pack shipped with newslint, compiled when first searched (see `Later`)."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    if later:
        return Later(pattern, flags)
    try:
        return regex.compile(pattern, flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as error:
        raise StyleError(f"{where}: invalid pattern '{pattern}': {error}") from None


class Later:
    """A pattern of a shipped pack, compiled when it is first searched.

    The patterns a configuration brings are compiled when its styles load, so that an invalid one
    is an error before any article is checked. Those of the shipped packs are compiled by the
    packs' tests; a run compiles only those that its articles need, which spares a check of a few
    files most of the pack's start-up."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled = None

    def __getattr__(self, name: str):  # finditer, sub, …: those of the compiled pattern
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


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


class Literals:
    """Where some literals occur in a text, found in one pass whatever their number.

    An Aho-Corasick automaton of them all (the `ahocorasick-rs` library), built once per run: a
    style set's rules share one (see `newslint.styles.checks.Dispatch`), so that an article is
    read once for the literal tokens and the required literals of all of them."""

    def __init__(self, literals) -> None:
        self.literals = tuple(sorted(set(literals)))
        self._automaton = AhoCorasick(list(self.literals)) if self.literals else None

    def find(self, text: str) -> dict[str, list[int]]:
        """Where each literal that the text holds starts (overlapping places too), by literal."""
        found: dict[str, list[int]] = {}
        if self._automaton is not None:
            literals = self.literals
            for number, start, _end in self._automaton.find_matches_as_indexes(text, overlapping=True):
                found.setdefault(literals[number], []).append(start)
        return found


class SearchedText:
    """A text that style rules search, with what is found in it once for all of them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower_text: str | None = None
        self._places: dict[tuple[Literals, bool], dict[str, list[int]] | None] = {}

    @property
    def lower_text(self) -> str | None:
        """The text in lower case when that keeps every offset (it does not for „İ“), else None."""
        if self._lower_text is None:
            lowered = self.text.lower()
            self._lower_text = lowered if len(lowered) == len(self.text) else ""
        return self._lower_text or None

    def places(self, literals: Literals, lowered: bool) -> dict[str, list[int]] | None:
        """Where the literals occur (in the lower-case text when `lowered`), found once per set of
        literals; None when the text's lower case would move offsets and cannot be searched."""
        key = (literals, lowered)
        if key not in self._places:
            text = self.lower_text if lowered else self.text
            self._places[key] = None if text is None else literals.find(text)
        return self._places[key]


@dataclass(frozen=True)
class Literal:
    """A token that is a plain string, found by the automaton (see `Literals`)."""

    text: str  # as written, lower case when the match ignores case
    index: int  # its place among the tokens


class Alternation:
    """Vale's `(?:token|token|…)` of a rule, word-bounded unless `nonword`, with `raw` around it.

    It finds what the one alternation finds — at the leftmost place where a token matches, the
    first token (in the rule's order) that matches there; matches never overlap — without being
    one: literal tokens are found by the automaton (see `Literals`), and each token that is a
    pattern is searched on its own. (The `regex` module finds one pattern's required literal
    quickly, but tries every alternative at every position of an alternation: a date rule of 28
    patterns ran 150 times slower as one alternation.) With `raw`, which Vale concatenates with
    the tokens, the rule is one pattern as Vale builds it. `matches` gives (start, end, token index).
    """

    def __init__(self, tokens: list[str], ignorecase: bool, bounded: bool, where: str,
                 before: str = "", after: str = "", later: bool = False) -> None:
        self.ignorecase = ignorecase
        self.bounded = bounded
        self.later = later  # a shipped pack's: patterns compiled when first searched
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
                self.literals.append(Literal(token.lower() if ignorecase else token, index))
            else:
                self._add_pattern(index, rf"\b(?:{token})\b" if bounded else token, where, [token],
                                  required_literal(token))
        self._by_text: dict[str, list[Literal]] = {}
        for literal in self.literals:
            self._by_text.setdefault(literal.text, []).append(literal)
        self.anchored = any(anchored(pattern.pattern) for _index, pattern, _literal, _lower in self.patterns)
        #: whether a pattern has no required literal: any text may hold a match
        self.ungated = any(literal is None for _index, _pattern, literal, _lower in self.patterns)
        #: (literal, whether in lower case): what a text must hold for the rule to match there —
        #: one of its literal tokens, or what one of its patterns needs
        self.needs = {(literal.text, ignorecase) for literal in self.literals}
        self.needs |= {(literal, lowered) for _i, _p, literal, lowered in self.patterns if literal is not None}
        self._finders: dict[bool, Literals] = {}

    def share(self, finders: dict[bool, Literals]) -> None:
        """Find the literals with a style set's automata (which hold this rule's `needs`)."""
        self._finders = finders

    def _places(self, text: SearchedText, lowered: bool) -> dict[str, list[int]] | None:
        finder = self._finders.get(lowered)
        if finder is None:  # a rule on its own: an automaton of its own literals
            finder = self._finders[lowered] = Literals(literal for literal, low in self.needs if low == lowered)
        return text.places(finder, lowered)

    def _add_pattern(self, index: int, source: str, where: str, parts: list[str], literal: str | None) -> None:
        lowered = literal is not None and (self.ignorecase or "(?i" in source)
        if lowered:
            literal = literal.lower()
        try:
            self.patterns.append((index, compile_pattern(source, self.ignorecase, where, self.later), literal, lowered))
        except StyleError:
            for part in parts:
                if part:  # name the token that is wrong, not what newslint made of it
                    compile_pattern(part, self.ignorecase, where)
            raise

    def pattern_of(self, index: int) -> regex.Pattern | None:
        """The compiled pattern of a token that is one (its groups for `$1`), else None."""
        return next((pattern for number, pattern, _literal, _lower in self.patterns if number == index), None)

    def matches(self, text: SearchedText, start: int, end: int, deadline: Deadline,
                isolated: bool = False) -> list[tuple[int, int, int]]:
        """(start, end, token) of each match in text.text[start:end], leftmost first, not overlapping.

        `isolated`: the patterns see text[start:end] as a text of their own (where they have anchors)."""
        found = self._literal_matches(text, start, end) if self.literals else []
        for index, pattern, literal, lowered in self.patterns:
            if literal is not None:  # what every match needs: where the text lacks it, no search
                places = self._places(text, lowered)
                if places is not None and literal not in places:
                    continue
            found += _pattern_matches(pattern, index, text.text, start, end, deadline, isolated)
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

    def _literal_matches(self, text: SearchedText, start: int, end: int) -> list:
        places = self._places(text, self.ignorecase)
        if places is None:  # lower case would move offsets: ask the patterns instead
            return self._literals_as_pattern(text.text, start, end)
        found = []
        mine = self._by_text
        plain = text.text
        for literal, starts in places.items():  # the few literals of the style set that the text holds
            tokens = mine.get(literal)
            if tokens is None:
                continue
            length = len(literal)
            for at in starts:
                if at < start or at + length > end:
                    continue
                if self.bounded and (is_word(plain, at - 1) or is_word(plain, at + length)):
                    continue  # inside a longer word
                found += [(at, at + length, token.index) for token in tokens]
        return found

    def _literals_as_pattern(self, text: str, start: int, end: int) -> list:
        found = []
        for literal in self.literals:
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
    runs = [run.strip() for run in runs]  # what a required literal holds is required too
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
    """Whether a token is a plain string that the automaton can find: without pattern syntax, and,
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

    def hold(self, text: str, deadline: Deadline | None = None) -> bool:
        """Whether `text` holds one of the exceptions (TimeoutError when the `deadline` passes)."""
        return self.pattern is not None and self.pattern.search(
            text, timeout=deadline.left() if deadline is not None else None) is not None
