"""How style rules search: one automaton for a style set's literals, patterns searched only where
the article holds what they need, and the rules of a set run only where they can find something —
all of it finding exactly what Vale's one alternation per rule finds."""

import random

import pytest
import regex
from newslint.styles.checks import Dispatch
from newslint.styles.patterns import Literals, SearchedText, required_literal
from newslint.styles.scopes import ArticleView
from style_kit import kit  # noqa: F401

ARTICLE = "Titel\n{}\n"


def test_the_automaton_finds_every_place_of_every_literal_overlapping_ones_too():
    text = "Für 5 SFr. statt 4 Fr. in Zürich"
    places = Literals(["Fr.", "SFr.", "Fr", "Zürich", "Kiew"]).find(text)
    assert places == {"SFr.": [6], "Fr": [7, 19], "Fr.": [7, 19], "Zürich": [26]}
    assert all(text.startswith(literal, at) for literal, starts in places.items() for at in starts)
    assert Literals([]).find(text) == {}


def test_a_text_is_read_once_per_automaton_and_its_lower_case_only_when_offsets_stay():
    literals = Literals(["kiew"])
    searched = SearchedText("Nach KIEW")
    assert searched.places(literals, True) == {"kiew": [5]}
    assert searched.places(literals, True) is searched.places(literals, True)
    assert searched.places(literals, False) == {}
    assert SearchedText("İstanbul und Kiew").places(literals, True) is None  # „İ“ lower-cases to two


@pytest.mark.parametrize("pattern, literal", [
    (r"(\d+) Uhr", "Uhr"),              # the space around it is not needed
    (r"\d,\d\s?%", "%"),                # a sign before the longest stretch
    (r"\d+ km²", "km²"),
    (r"\bKiew\b", "Kiew"),
    (r"[abc]def", "def"),               # not what a class may be
    (r"colou?r", "colo"),               # not what a quantifier makes optional
    (r"x{2}abc", "abc"),
    (r"(?i)Peking", "Peking"),
    (r"Kiew|Kyjiw", None),              # either: nothing every match holds
    (r"(?x) Kiew", None),               # verbose: spaces are not what they seem
    (r"\.\d\d\.", None),                # punctuation that every article has
    (r"(\d+)\.(\d+)", None),
])
def test_what_every_match_of_a_pattern_needs(pattern, literal):
    assert required_literal(pattern) == literal


def test_rules_without_anything_they_need_in_the_article_do_not_run(kit):
    kit.rule("Words", "extends: existence\nmessage: '%s'\ntokens:\n  - Kiew\n  - Peking\n")
    kit.rule("Money", "extends: existence\nmessage: '%s'\nnonword: true\ntokens:\n  - '\\d+ ?€'\n")
    kit.rule("Years", "extends: existence\nmessage: '%s'\ntokens:\n  - '\\d{4}'\n")
    engine = kit.engine()
    styles = engine.config_for(str(kit.root / "a.txt")).styles
    dispatch: Dispatch = styles.dispatch
    number = {rule_id: styles.numbers[id(check)] for rule_id, check in zip(sorted(styles.rules), styles.checks)}
    assert dispatch.always == {number["T.Years"]}  # a pattern that needs no literal

    def candidates(text):
        from newslint.article.model import parse

        return {rule for rule, n in number.items() if n in dispatch.candidates(ArticleView(parse("a.txt", text)))}

    assert candidates(ARTICLE.format("Nichts davon.")) == {"T.Years"}
    assert candidates(ARTICLE.format("In Kiew kostet es 5 €.")) == {"T.Words", "T.Money", "T.Years"}
    assert candidates(ARTICLE.format("In Kiewer Cafés")) == {"T.Words", "T.Years"}  # may: the rule decides


def test_a_value_with_dots_is_compared_as_vale_compares_a_pattern(kit):
    kit.rule("Abbreviations", """
        extends: substitution
        message: "'%s' statt '%s'"
        nonword: true
        swap:
          'z\\. ?B\\.': z. B.
    """)
    assert kit.spans(ARTICLE.format("Etwa z.B. hier, z. B. dort.")) == ["z.B."]


def test_ignorecase_literals_in_a_text_whose_lower_case_moves_offsets(kit):
    kit.rule("Cities", "extends: existence\nmessage: '%s'\nignorecase: true\ntokens:\n  - kiew\n  - zürich\n")
    text = ARTICLE.format("İstanbul, KIEW und Zürich.")
    assert kit.spans(text) == ["KIEW", "Zürich"]


def test_a_style_set_finds_what_each_rules_one_alternation_finds(kit):
    """Literal tokens (some inside others, some phrases), patterns with and without a required
    literal, ignorecase and nonword rules in one style set, on many texts made of their pieces:
    each rule finds exactly what `regex` finds with Vale's alternation of its tokens (leftmost,
    the first token in the rule's order that matches there, never overlapping)."""
    rules = {
        "Names": (["Kim Jong Un", "Kim", "Jong", "Seoul", "Seo", "Peking-Reise", "Reise", r"Kiew(?:er)?"], ""),
        "Money": ([r"\d+ ?€", r"€ ?\d+", "EUR", "EURO"], "nonword: true\n"),  # „EURO“: „EUR“ comes first
        "Case": (["kiew", "reise", r"s\w+l"], "ignorecase: true\n"),
        "Years": ([r"\d{4}"], ""),
    }
    for name, (tokens, extra) in rules.items():
        kit.rule(name, f"extends: existence\nmessage: '%s'\n{extra}tokens:\n"
                 + "".join(f"  - '{token}'\n" for token in tokens))
    engine = kit.engine()
    path = str(kit.root / "a.txt")
    config = engine.config_for(path)
    pieces = ["Kim", "Jong", "Un", "Kim Jong Un", "Seoul", "Seoulerin", "SEOUL", "Seo", "Peking-Reise",
              "Reisende", "REISE", "Kiew", "Kiewer", "kiew", "5 €", "€ 12", "€", "EUR", "EURO", "2024",
              "12345", "und", "-", ",", ".", "„", "“", "(", ")", "/"]
    chooser = random.Random(18)
    for _ in range(150):
        text = ARTICLE.format(" ".join(chooser.choice(pieces) for _ in range(chooser.randrange(1, 14))))
        result = engine.check_text(path, text, config, "a.txt")
        assert result.error is None
        for name, (tokens, extra) in rules.items():
            body = "|".join(tokens)  # in the rule's order, as Vale joins them
            pattern = body if "nonword" in extra else rf"\b(?:{body})\b"
            flags = regex.MULTILINE | (regex.IGNORECASE if "ignorecase" in extra else 0)
            expected = [m.span() for m in regex.finditer(pattern, text, flags)]
            found = [(d.start, d.end) for d in result.diagnostics if d.rule == f"T.{name}"]
            assert found == expected, (name, text)
