"""An existing .vale.ini, read as Vale reads it: StylesPath, MinAlertLevel, Vocab, glob sections."""

import textwrap

import pytest
from style_kit import kit  # noqa: F401 (a fixture)

TEXT = "Titel\nSehr gut, Kiew und Schwarzafrika.\n"
BUILT_IN = 'ignore = ["spelling-consistency", "quote-attribution", "quote-marks", "date-consistency", ' \
           '"credit-line", "dateline", "grammar"]\n'


@pytest.fixture
def vale(kit):
    """A Vale set-up: styles in vale/styles, a .vale.ini beside them, newslint pointing at it."""
    kit.styles = kit.root / "vale" / "styles"
    kit.styles.mkdir(parents=True)
    kit.rule("Sehr", "extends: existence\nmessage: '%s'\nlevel: suggestion\ntokens: [Sehr]\n", style="House")
    kit.rule("Kiew", "extends: substitution\nmessage: \"'%s', not '%s'\"\nswap: {Kiew: Kyjiw}\n", style="House")
    kit.rule("Spelling", "extends: spelling\nmessage: x\n", style="House")
    kit.vocab("Newsroom", reject="Schwarzafrika\n")

    def ini(text: str) -> None:
        (kit.root / ".vale.ini").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        (kit.root / "newslint.toml").write_text('vale-config = ".vale.ini"\n' + BUILT_IN, encoding="utf-8")

    kit.ini = ini
    return kit


def rules_found(kit, path="article.md", text=TEXT):
    return [f[2] for f in kit.found(text, path=path)]


def test_styles_path_based_on_styles_vocab_and_min_alert_level(vale):
    vale.ini("""
        StylesPath = vale/styles
        MinAlertLevel = suggestion
        Vocab = Newsroom

        [*]
        BasedOnStyles = House
    """)
    assert rules_found(vale) == ["House.Sehr", "House.Kiew", "Vale.Avoid"]
    vale.ini("""
        StylesPath = "vale/styles"  # the default MinAlertLevel is suggestion
        Vocab = Newsroom
        [*]
        BasedOnStyles = House
    """)
    assert rules_found(vale) == ["House.Sehr", "House.Kiew", "Vale.Avoid"]
    vale.ini("""
        StylesPath = vale/styles
        MinAlertLevel = warning
        Vocab = Newsroom
        [*]
        BasedOnStyles = House
    """)
    assert rules_found(vale) == ["House.Kiew", "Vale.Avoid"]


def test_glob_sections_and_rule_switches(vale):
    vale.ini("""
        StylesPath = vale/styles
        MinAlertLevel = suggestion

        [*.{md,txt}]
        BasedOnStyles = House
        House.Sehr = NO

        [*.md]
        House.Kiew = error

        [archive/*.txt]
        House.Sehr = YES
    """)
    assert rules_found(vale, "article.md") == ["House.Kiew"]
    result, _engine = vale.check(TEXT, path="article.md")
    assert [d.severity for d in result.diagnostics] == ["error"]
    result, _engine = vale.check(TEXT, path="article.txt")
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("House.Kiew", "warning")]
    assert rules_found(vale, "archive/old.txt") == ["House.Sehr", "House.Kiew"]


def test_a_rule_switched_on_alone(vale):
    vale.ini("""
        StylesPath = vale/styles
        [*]
        House.Kiew = YES
    """)
    assert rules_found(vale) == ["House.Kiew"]


def test_the_configurations_severity_wins_over_the_ini(vale):
    vale.ini("""
        StylesPath = vale/styles
        MinAlertLevel = warning
        [*]
        BasedOnStyles = House
        House.Kiew = error
    """)
    (vale.root / "newslint.toml").write_text(
        'vale-config = ".vale.ini"\n' + BUILT_IN + '[House.Kiew]\nseverity = "info"\n', encoding="utf-8")
    result, _engine = vale.check(TEXT)
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("House.Kiew", "info")]


def test_a_rule_that_does_not_exist_is_a_notice(vale):
    vale.ini("""
        StylesPath = vale/styles
        MinAlertLevel = warning
        [*]
        BasedOnStyles = House
        House.Nope = NO
        Gone.Rule = YES
        House.Kiew = maybe
    """)
    result, engine = vale.check(TEXT)
    assert result.error is None and engine.load_errors() == []
    ini = vale.root / ".vale.ini"
    notices = engine.style_notices()
    assert f"{ini}:7: 'House.Kiew = maybe' is not YES, NO or a level; House.Kiew is off, as in Vale" in notices
    assert f"{ini}: [*] names the rule 'House.Nope', which does not exist" in notices
    assert any(n.startswith(f"{ini}: style 'Gone' not found") for n in notices), notices
    assert [d.rule for d in result.diagnostics] == []  # House.Kiew is off; House.Sehr is a suggestion


def test_vale_built_in_style(vale):
    vale.ini("""
        StylesPath = vale/styles
        MinAlertLevel = suggestion
        [*]
        BasedOnStyles = Vale
    """)
    result, engine = vale.check("Titel\nDas ist ist gut.\n")
    assert [d.rule for d in result.diagnostics] == ["Vale.Repetition"]
    assert [rule_id for rule_id, _reason, _required in engine.skipped_rules()] == ["Vale.Spelling"]


@pytest.mark.parametrize("text, message", [
    ("StylesPath = styles\nthis line is wrong\n", ":2: cannot read 'this line is wrong': expected 'key = value' or '[glob]'"),
    ("[*.md\nBasedOnStyles = House\n", ":1: cannot read '[*.md': a section is written [glob]"),
    ("MinAlertLevel = fatal\n", ":1: MinAlertLevel must be suggestion, warning or error, not 'fatal'"),
    ("StylesPath = a \\\n", ":1: the line ends in '\\' but nothing follows"),
])
def test_an_ini_that_cannot_be_read_names_the_line(vale, text, message):
    (vale.root / ".vale.ini").write_text(text, encoding="utf-8")
    (vale.root / "newslint.toml").write_text('vale-config = ".vale.ini"\n', encoding="utf-8")
    result, engine = vale.check(TEXT)
    assert result.error is None, "the other rules still run"
    assert engine.load_errors() == [f"{vale.root / '.vale.ini'}{message}"]


def test_a_missing_ini(vale):
    (vale.root / "newslint.toml").write_text('vale-config = "missing.ini"\n', encoding="utf-8")
    _result, engine = vale.check(TEXT)
    assert engine.load_errors() == [f"{vale.root / 'missing.ini'}: no such file"]


def test_continued_lines_comments_and_repeated_keys(vale):
    vale.ini("""
        ; a comment
        StylesPath = vale/styles ; and another
        MinAlertLevel = suggestion

        [*]
        BasedOnStyles = \\
           House
        BasedOnStyles = Vale
    """)
    rules = {rule_id for rule_id, _r, _q in vale.check(TEXT)[1].skipped_rules()}
    assert rules == {"House.Spelling", "Vale.Spelling"}


def test_brace_globs():
    from newslint.styles.library import expand_braces

    assert expand_braces("*.{md,txt}") == ["*.md", "*.txt"]
    assert expand_braces("{a,b}/*.{md,txt}") == ["a/*.md", "a/*.txt", "b/*.md", "b/*.txt"]
    assert expand_braces("*") == ["*"]
