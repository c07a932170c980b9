"""Fixes of style rules: a substitution with one replacement, an action that makes one
replacement of the match, and `action: remove`."""

from style_kit import kit  # noqa: F401 (a fixture)

from newslint.engine.fixes import fix_text

ARTICLE = "Titel\n{}\n"
SWAP = """
    extends: substitution
    message: "Schreiben Sie '%s' statt '%s'."
    swap:
      Kiew: Kyjiw
      Weißrussland: Belarus|Weißrussland (Belarus)
"""
PERCENT = """
    extends: substitution
    message: "Schreiben Sie '%s' statt '%s'."
    nonword: true
    swap:
      '(\\d+) ?%': $1 Prozent
"""


def fixes(kit, text: str, path: str = "article.txt") -> list[tuple]:
    """(flagged text, applicability, the text the fix writes there) of each finding that has a fix."""
    result, engine = kit.check(text, path)
    assert result.error is None and engine.load_errors() == [], (result.error, engine.load_errors())
    found = []
    for d in result.diagnostics:
        if d.fix is not None:
            [edit] = d.fix.edits
            found.append((text[edit.start:edit.end], d.fix.applicability, edit.replacement))
    return found


def fixed(kit, text: str, unsafe: bool) -> str:
    engine = kit.engine()
    path = str(kit.root / "article.txt")
    return fix_text(lambda t: engine.check_text(path, t, engine.config_for(path), "article.txt"), text, unsafe).text


def test_a_substitution_of_a_word_as_written_is_a_safe_fix(kit):
    kit.rule("Namen", SWAP)
    text = ARTICLE.format("In Kiew wurde gewählt.")
    assert fixes(kit, text) == [("Kiew", "safe", "Kyjiw")]
    assert fixed(kit, text, unsafe=False) == ARTICLE.format("In Kyjiw wurde gewählt.")


def test_a_substitution_with_alternatives_is_no_fix(kit):
    kit.rule("Namen", SWAP)
    assert fixes(kit, ARTICLE.format("In Weißrussland wurde gewählt.")) == []


def test_a_substitution_by_a_pattern_or_of_another_casing_is_unsafe(kit):
    kit.rule("Prozent", PERCENT)
    assert fixes(kit, ARTICLE.format("Ein Plus von 20 %.")) == [("20 %", "unsafe", "20 Prozent")]
    kit.rule("Prozent", "extends: existence\nmessage: x\ntokens: [nichts]\n")
    kit.rule("Namen", SWAP + "    ignorecase: true\n")
    text = ARTICLE.format("KIEW meldet Regen.")
    assert fixes(kit, text) == [("KIEW", "unsafe", "Kyjiw")]
    assert fixed(kit, text, unsafe=False) == text, "an unsafe fix waits for --unsafe-fixes"
    assert fixed(kit, text, unsafe=True) == ARTICLE.format("Kyjiw meldet Regen.")


def test_markup_inside_the_match_keeps_the_fix_out(kit):
    kit.rule("Namen", SWAP + "    nonword: true\n")
    text = "# Titel\n\nIn Ki*ew* wurde gewählt, in Kiew nicht.\n"
    assert fixes(kit, text, "article.md") == [("Kiew", "safe", "Kyjiw")]


def test_an_action_that_makes_one_replacement_is_an_unsafe_fix(kit):
    kit.rule("Euro", r"""
        extends: existence
        message: "Write '%[2]s' for '%[1]s'."
        nonword: true
        action:
          name: replace
          params: [Euro]
        tokens: ['€']
    """)
    text = ARTICLE.format("Es kostet 20 €.")
    assert fixes(kit, text) == [("€", "unsafe", "Euro")]
    assert fixed(kit, text, unsafe=True) == ARTICLE.format("Es kostet 20 Euro.")


def test_action_remove_takes_the_word_and_the_space_it_would_leave_double(kit):
    kit.rule("Fuell", """
        extends: existence
        message: "'%s' ist ein Füllwort."
        ignorecase: true
        action:
          name: remove
        tokens: [eigentlich]
    """)
    text = ARTICLE.format("Das ist eigentlich gut, und so ist es eigentlich.")
    assert fixes(kit, text) == [("eigentlich ", "unsafe", ""), (" eigentlich", "unsafe", "")]
    assert fixed(kit, text, unsafe=False) == text
    assert fixed(kit, text, unsafe=True) == ARTICLE.format("Das ist gut, und so ist es.")
    result, _engine = kit.check(text)
    assert [d.message for d in result.diagnostics] == ["'eigentlich' ist ein Füllwort."] * 2
