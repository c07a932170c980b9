"""The seven check types newslint runs, with Vale's keys and semantics (https://vale.sh/docs/topics/styles/).

- `existence`: each match of `tokens` (word-bounded unless `nonword`) and `raw` (appended after
  the tokens with `append`, else put before them) is reported; `%s` is the match.
- `substitution`: each key of `swap` found is reported with its value to write instead
  (`a|b`: alternatives; `$1` takes a group of the key; `capitalize` follows the match's capital);
  a match that already is what the value says is not. `%s` is the value, a second `%s` the match.
- `occurrence`: a unit with more than `max` or fewer than `min` matches of `token` is reported
  once, at its first match; `%s` is the count.
- `repetition`: a match of `tokens` that repeats the one before it (`alpha`: letters only) more
  than `max` times (default: once is too many) is reported, from the first to the repeat.
- `consistency`: for each pair of `either`, once both spellings have occurred in the article,
  each unit where one occurs is reported at its last occurrence.
- `conditional`: each match of `first` that no match of `second` before or in its unit has
  defined (`second`'s groups hold the defined terms) is reported.
- `capitalization`: each span of the scope whose case is not `match` (`$title` in AP or Chicago
  `style`, `$sentence`, `$lower`, `$upper`, or a pattern) is reported, with the expected form.

Common to all: `message` (Go's `%s` and `%[n]s`), `scope`, `limit` (at most so many findings per
article), `exceptions` (a match holding one, as a word, is not reported), `vocab` (false: the
vocabulary's accepted terms are no exceptions) and `action` (`replace`, `edit`: the suggestion;
`remove`). Fixes: a substitution's one value (safe for a key written as the swap has it, see
`Substitution._applicability`), an action's one replacement and `remove` (unsafe); none where the
match does not stand in the file as the rule saw it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import re

import regex
from newslint.engine.finding import Edit, Finding, Fix, RuleError
from newslint.styles.patterns import Alternation, Deadline, Exceptions, Literals, anchored, compile_pattern
from newslint.styles.rule_file import RuleFile
from newslint.styles.scopes import ArticleView, Layout, Scope, Unit

VERB = re.compile(r"%(?:\[(\d+)\])?s|%%")
_GROUP_REFERENCE = re.compile(r"\$(?:(\d+)|\{(\w+)\})")
#: a character that makes a value a pattern, other than `.`
_PATTERN_BEYOND_DOTS = re.compile(r"[?*+()\[\]{}|^$\\]")
#: what Vale calls a phrase: a value that is compared as it is, not as a pattern
def is_phrase(value: str) -> bool:
    """Whether a value is what Vale calls a phrase — letters, digits, spaces and hyphens — and is
    compared as it is, not as a pattern."""
    return all(character.isalnum() or character in " -" for character in value)


def format_message(message: str, *values: str) -> str:
    """Go's `%s` (the next value) and `%[n]s` (the n-th) in a message, as Vale fills them in."""
    position = 0

    def fill(match) -> str:
        nonlocal position
        if match.group() == "%%":
            return "%"
        index = int(match.group(1)) - 1 if match.group(1) else position
        position = index + 1
        return values[index] if 0 <= index < len(values) else ""

    return VERB.sub(fill, message)


def as_sentence(words: list[str]) -> str:
    """'a', 'a' or 'b', 'a', 'b' or 'c': Vale's way of listing alternatives in a message."""
    quoted = [f"'{word}'" for word in words]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + ", or " + quoted[-1]


@dataclass
class Context:
    """What the rules of a style set share when they are compiled: the vocabulary's accepted
    terms; and whether the rule is one of a pack shipped with newslint (see `patterns.Later`)."""

    accepted: Exceptions | None = None
    shipped: bool = False


class Check:
    """A rule file compiled: `findings(view, seconds)` gives its findings on an article."""

    #: whether the vocabulary's accepted terms are exceptions of this type (Vale: not for
    #: occurrence and consistency)
    takes_vocabulary = True

    def __init__(self, rule: RuleFile, context: Context) -> None:
        keys = rule.keys
        self.id = rule.id
        self.path = rule.path
        self.where = rule.where()
        self.message: str = keys["message"]
        self.keys = keys
        self.ignorecase = bool(keys.get("ignorecase", False))
        self.scope = Scope(keys.get("scope") or [], self.where)
        self.limit = int(keys.get("limit") or 0)
        self.action: dict = keys.get("action") or {"name": "", "params": []}
        self.exceptions = Exceptions(keys.get("exceptions") or [], f"{self.where}: exceptions")
        accepted = context.accepted
        self.accepted = accepted if self.takes_vocabulary and keys.get("vocab", True) else None

    #: the tokens an article must hold some of for the rule to find anything (None: no such test;
    #: see `Dispatch`)
    prefilter: Alternation | None = None

    def findings(self, view: ArticleView, seconds: float) -> list[Finding]:
        """The findings on an article, in order; RuleError when the rule's time is up."""
        try:
            found = self.run(self.scope.layout(view), Deadline(seconds))
        except TimeoutError:
            raise RuleError(
                f"{self.path}: a pattern took longer than {seconds:g} s on this article and was "
                "stopped; simplify it (it may backtrack without end)"
            ) from None
        found.sort(key=lambda finding: (finding.start, finding.end))
        return found[: self.limit] if self.limit > 0 else found

    def run(self, layout: Layout, deadline: Deadline) -> list[Finding]:
        raise NotImplementedError

    def excepted(self, text: str, deadline: Deadline) -> bool:
        return self.exceptions.hold(text, deadline) or (self.accepted is not None and self.accepted.hold(text, deadline))

    def alert(self, unit: Unit, start: int, end: int, message: str, suggestion: str | None = None,
              fix: Fix | None = None) -> Finding:
        file_start, file_end = unit.view.file_span(start, end)
        return Finding(file_start, file_end, message, suggestion, fix)

    @staticmethod
    def fix(unit: Unit, start: int, end: int, replacement: str, applicability: str) -> Fix | None:
        """`replacement` written over [start, end) of the view, as a fix — None when that stretch
        does not stand in the article as the rule saw it (markup inside it, a line break)."""
        if not unit.view.written_as_seen(start, end):
            return None
        file_start, file_end = unit.view.file_span(start, end)
        return Fix(applicability, (Edit(file_start, file_end, replacement),))

    def suggested(self, match: str) -> list[str]:
        """What the rule's `action` suggests for a match (Vale's replace and edit)."""
        name, params = self.action["name"], self.action["params"]
        if name == "replace":
            return list(params)
        if name != "edit" or not params:
            return []
        kind, arguments = params[0], params[1:]
        try:
            if kind == "regex" and len(arguments) >= 2:
                replacement = _GROUP_REFERENCE.sub(lambda m: rf"\g<{m.group(1) or m.group(2)}>", arguments[1])
                return [regex.sub(arguments[0], replacement, match)]
            characters = arguments[0] if arguments else " "
            if kind in ("trim", "trim_right", "trim_left"):
                strip = {"trim": str.strip, "trim_right": str.rstrip, "trim_left": str.lstrip}[kind]
                return [strip(match, characters)]
            if kind == "split" and len(arguments) >= 2:
                return [match.split(characters)[int(arguments[1])]]
            if kind == "truncate":
                return [match.split(characters)[0]]
        except (regex.error, IndexError, ValueError):
            return []
        return []

    def action_alert(self, unit: Unit, start: int, end: int, match: str, *values: str) -> Finding:
        """A finding with the message filled with the match (and the action's suggestion). An
        action that makes exactly one replacement of the match, or `remove`s it, is its fix:
        unsafe, for a pattern may match more than its author meant."""
        if self.action["name"] == "remove":
            message = format_message(self.message, match, *values)
            start, end = _with_a_space(unit.view.text, start, end)
            return self.alert(unit, start, end, message, fix=self.fix(unit, start, end, "", "unsafe"))
        suggestions = self.suggested(match) if self.action["name"] else []
        if self.action["name"] and not values:  # Vale: the second `%s` is what the action makes
            values = (suggestions[0] if len(suggestions) == 1 else as_sentence(suggestions) if suggestions else match,)
        message = format_message(self.message, match, *values)
        if len(suggestions) != 1:
            return self.alert(unit, start, end, message)
        return self.alert(unit, start, end, message, suggestions[0],
                          self.fix(unit, start, end, suggestions[0], "unsafe"))


def _with_a_space(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a match to remove, with the space that would be left double: the one after it
    („sehr gut“ of „ist sehr gut“), or at the end of a clause the one before it."""
    if text[end : end + 1] == " " and (start == 0 or text[start - 1].isspace()):
        return start, end + 1
    if text[start - 1 : start] == " ":
        return start - 1, end
    return start, end


def pattern_finder(pattern, deadline: Deadline, isolated: bool):
    """`find` for `Layout.matches` from a compiled pattern: (start, end, match) triples."""

    def find(view, start: int, end: int) -> list:
        if isolated:  # the span as a text of its own, as Vale gives it to the pattern
            text = view.text[start:end]
            return [(start + m.start(), start + m.end(), m) for m in pattern.finditer(text, timeout=deadline.left())]
        return [(m.start(), m.end(), m) for m in pattern.finditer(view.text, start, end, timeout=deadline.left())]

    return find


def alternation_finder(alternation: Alternation, deadline: Deadline):
    def find(view, start: int, end: int) -> list:
        return alternation.matches(view.searched, start, end, deadline, isolated=alternation.anchored)

    return find


class Existence(Check):
    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        keys = rule.keys
        tokens, raw = keys.get("tokens") or [], "".join(keys.get("raw") or [])
        append = bool(keys.get("append", False))
        bounded = bool(tokens) and not keys.get("nonword", False)
        self.tokens = self.prefilter = Alternation(tokens, self.ignorecase, bounded, self.where,
                                                   before="" if append else raw, after=raw if append else "",
                                                   later=context.shipped)

    def run(self, layout, deadline):
        found = []
        for unit, matches in layout.matches(alternation_finder(self.tokens, deadline), self.tokens.anchored):
            text = unit.view.text
            for start, end, _token in matches:
                observed = text[start:end].strip()
                if not self.excepted(observed, deadline):
                    found.append(self.action_alert(unit, start, end, text[start:end]))
        return found


class Substitution(Check):
    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        swap = rule.keys["swap"]
        self.keys_in_order = sorted(swap, key=len, reverse=True)  # the longest first, as Vale
        self.expected = [swap[key] for key in self.keys_in_order]
        self.capitalize = bool(rule.keys.get("capitalize", False))
        self.tokens = self.prefilter = Alternation(self.keys_in_order, self.ignorecase,
                                                   not rule.keys.get("nonword", False), self.where,
                                                   later=context.shipped)

    def run(self, layout, deadline):
        found = []
        for unit, matches in layout.matches(alternation_finder(self.tokens, deadline), self.tokens.anchored):
            text = unit.view.text
            for start, end, token in matches:
                observed = text[start:end].strip()
                expected = self._expected(token, observed)
                if _same(expected, observed) or self.excepted(observed, deadline):
                    continue
                message = self.message
                alternatives = expected.split("|")
                if self.action["name"] == "replace":
                    alternatives = list(self.action["params"]) or alternatives
                    expected = as_sentence(alternatives)
                    message = _unquoted_value(message)
                suggestion = alternatives[0] if len(alternatives) == 1 else None
                fix = None
                if suggestion is not None:
                    inner = start + len(text[start:end]) - len(text[start:end].lstrip())
                    fix = self.fix(unit, inner, inner + len(observed), suggestion, self._applicability(token, observed))
                found.append(self.alert(unit, start, end, format_message(message, expected, observed), suggestion, fix))
        return found

    def _applicability(self, token: int, observed: str) -> str:
        """Safe when the match is the key as the style writes it — a word or phrase, not a pattern
        that may match more than its author meant, nor another casing of it; else unsafe."""
        key = self.keys_in_order[token]
        if self.tokens.pattern_of(token) is not None or self.action["name"] == "replace":
            return "unsafe"
        return "safe" if observed == key or (self.capitalize and observed == key[:1].upper() + key[1:]) else "unsafe"

    def _expected(self, token: int, observed: str) -> str:
        expected = self.expected[token]
        if self.capitalize and observed[:1].isupper():
            expected = "|".join(value[:1].upper() + value[1:] for value in expected.split("|"))
        if _GROUP_REFERENCE.search(expected):  # "$1": a group of the key
            pattern = self.tokens.pattern_of(token)
            if pattern is None:  # a literal key: no groups
                return expected
            replacement = _GROUP_REFERENCE.sub(lambda m: rf"\g<{m.group(1) or m.group(2)}>", expected)
            try:
                expected = pattern.sub(replacement, observed)
            except (regex.error, IndexError):
                pass
        return expected


def _same(expected: str, observed: str) -> bool:
    """Whether the match already is what the value says: equal, or (a pattern) matching it."""
    if expected == observed or is_phrase(expected):
        return expected == observed
    if not _PATTERN_BEYOND_DOTS.search(expected):  # „5. Januar 2024“: each `.` is any character
        return len(expected) == len(observed) and all(
            want == seen or (want == "." and seen != "\n") for want, seen in zip(expected, observed))
    try:
        return regex.fullmatch(f"(?:{expected})", observed) is not None
    except regex.error:
        return expected == observed


def _unquoted_value(message: str) -> str:
    """With `action: replace`, the alternatives come quoted: one pair of quotes around `%s` goes."""
    for quoted in ("'%s'", '"%s"'):
        if message.count(quoted) == 2:
            return message.replace(quoted, "%s", 1)
    return message


class Occurrence(Check):
    takes_vocabulary = False

    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        token = rule.keys["token"]
        self.pattern = compile_pattern(f"(?:{token})", self.ignorecase, self.where)
        self.isolated = anchored(token)
        self.max = int(rule.keys.get("max") or 0)
        self.min = int(rule.keys.get("min") or 0)

    def run(self, layout, deadline):
        found = []
        for unit, matches in layout.matches(pattern_finder(self.pattern, deadline, self.isolated),
                                              self.isolated):
            count = len(matches)
            if not ((self.max > 0 and count > self.max) or (self.min > 0 and count < self.min)):
                continue
            first = next(((start, end) for start, end, _m in matches if end > start), None)
            start, end = first or (unit.spans[0][0], unit.spans[0][0])
            found.append(self.alert(unit, start, end, format_message(self.message, str(count))))
        return found


class Repetition(Check):
    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        tokens = "|".join(rule.keys["tokens"])
        self.pattern = compile_pattern(f"({tokens})", self.ignorecase, self.where)
        self.alpha = bool(rule.keys.get("alpha", False))
        self.max = int(rule.keys.get("max") or 0)

    def run(self, layout, deadline):
        found = []
        for unit, matches in layout.matches(pattern_finder(self.pattern, deadline, False), False):
            text = unit.view.text
            previous, previous_start, count = "", 0, 0
            for start, end, _match in matches:
                current = text[start:end].strip()
                same = current.lower() == previous.lower() if self.ignorecase else current == previous
                hit = bool(current) and same and (not self.alpha or current.isalpha())
                count = count + 1 if hit else 0
                if hit and count > self.max:
                    stretch = text[previous_start:end]
                    if "\n" not in stretch and not self.excepted(stretch, deadline):
                        found.append(self.alert(unit, previous_start, end, format_message(self.message, current)))
                        count = 0
                previous, previous_start = current, start
        return found


class Consistency(Check):
    takes_vocabulary = False

    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        bounded = not rule.keys.get("nonword", False)
        self.pairs = [Alternation([one, other], self.ignorecase, bounded, f"{self.where}: either")
                      for one, other in rule.keys["either"].items()]

    def run(self, layout, deadline):
        found = []
        for pair in self.pairs:
            seen: set[int] = set()
            for unit, matches in layout.matches(alternation_finder(pair, deadline), pair.anchored):
                seen.update(token for _start, _end, token in matches)
                if matches and len(seen) == 2:
                    start, end, _token = matches[-1]
                    found.append(self.action_alert(unit, start, end, unit.view.text[start:end]))
        return found


class Conditional(Check):
    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        self.first = compile_pattern(rule.keys["first"], self.ignorecase, f"{self.where}: first")
        self.second = compile_pattern(rule.keys["second"], self.ignorecase, f"{self.where}: second")

    def run(self, layout, deadline):
        found = []
        defined: set[str] = set()
        definitions = layout.matches(pattern_finder(self.second, deadline, False), False)
        uses = layout.matches(pattern_finder(self.first, deadline, False), False)
        for (unit, defining), (_unit, used) in zip(definitions, uses):
            defined.update(group for _s, _e, match in defining for group in match.groups() if group)
            for start, end, match in used:
                term = match.group()
                if term not in defined and not self.excepted(term, deadline):
                    found.append(self.action_alert(unit, start, end, term))
        return found


class Capitalization(Check):
    def __init__(self, rule: RuleFile, context: Context) -> None:
        super().__init__(rule, context)
        from newslint.styles import case

        keys = rule.keys
        self.case = case.CaseStyle(keys["match"], keys.get("style", "AP"), float(keys.get("threshold") or 0.8),
                                   keys.get("indicators") or [], keys.get("prefix", ""), self.where)

    def run(self, layout, deadline):
        found = []
        for unit in layout.units:
            text = unit.view.text
            for start, end in unit.spans:
                span = text[start:end]
                stripped = span.strip()
                if not stripped:
                    continue
                start += len(span) - len(span.lstrip())
                end = start + len(stripped)
                expected, right = self.case.judge(stripped, partial(self.excepted, deadline=deadline), deadline)
                if not right:
                    message = format_message(self.message, stripped, expected)
                    found.append(self.alert(unit, start, end, message, expected if self.case.suggests else None))
        return found


class Dispatch:
    """Which rules of a style set may find something in an article, decided once for all of them.

    Most rules of a house style find nothing in most articles: none of their literal tokens is
    there, and none of what their patterns need. One automaton of all of those (see
    `newslint.styles.patterns.Literals`; one more for the rules that ignore case) reads the
    article once; a rule none of whose literals it found does not run, and the rules that run
    take their literals' places from the same reading. A rule whose tokens say nothing of what a
    match needs (a pattern without a required literal, a rule that counts or compares, `raw`
    scope) always runs."""

    def __init__(self, checks: list[Check]) -> None:
        self.always: set[int] = set()
        self._owners: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
        for number, check in enumerate(checks):
            tokens = check.prefilter
            if tokens is None:
                self.always.add(number)
                continue
            for literal, lowered in tokens.needs:
                self._owners[lowered].setdefault(literal, []).append(number)
            if check.scope.raw or tokens.ungated:
                self.always.add(number)
        self._finders = {lowered: Literals(owners) for lowered, owners in self._owners.items()}
        for check in checks:
            if check.prefilter is not None:
                check.prefilter.share(self._finders)

    def candidates(self, view: ArticleView) -> set[int]:
        """The numbers of the rules that may find something in the article (computed once)."""
        found = view.dispatched.get(id(self))
        if found is not None:
            return found
        found = set(self.always)
        for lowered, owners in self._owners.items():
            if owners:
                places = view.doc.searched.places(self._finders[lowered], lowered)
                for literal in owners if places is None else places:
                    found.update(owners[literal])
        view.dispatched[id(self)] = found
        return found


TYPES = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "consistency": Consistency,
    "conditional": Conditional,
    "capitalization": Capitalization,
}


def compile_check(rule: RuleFile, context: Context) -> Check:
    """The check a rule file defines, compiled (StyleError when a pattern is invalid)."""
    return TYPES[rule.extends](rule, context)
