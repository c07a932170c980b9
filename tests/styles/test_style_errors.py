"""Bad styles: one clear line naming the file and the problem, and every other rule still runs."""

import time

import pytest
from style_kit import kit  # noqa: F401 (a fixture)

TEXT = "Titel\nSehr gut, sehr schön.\n"
GOOD = "extends: existence\nmessage: '%s'\ntokens: [sehr]\n"


def errors_with(kit, yaml_text: str, name: str = "Bad") -> list[str]:
    """The load errors when the style holds a good rule and `yaml_text`; the good rule still runs."""
    kit.rule("Good", GOOD)
    kit.rule(name, yaml_text)
    result, engine = kit.check(TEXT)
    assert [d.rule for d in result.diagnostics] == ["T.Good"], "the other rules run"
    return engine.load_errors()


def test_yaml_syntax_error_names_the_file_and_line(kit):
    errors = errors_with(kit, "extends: existence\nmessage: Hallo\ntokens: [a, b]]\n")
    assert len(errors) == 1
    assert errors[0].startswith(str(kit.styles / "T" / "Bad.yml") + ":3: not valid YAML")


@pytest.mark.parametrize("yaml_text, message", [
    ("extends: existance\nmessage: x\ntokens: [a]\n",
     "rule 'T.Bad': unknown check type 'existance'; did you mean 'existence'?"),
    ("extends: grammar\nmessage: x\n", "rule 'T.Bad': unknown check type 'grammar' (check types: existence,"),
    ("extends: existence\nmessage: x\ntokens: [a]\nswap: {a: b}\n",
     "rule 'T.Bad': unknown key 'swap' for a 'existence' check (keys: extends,"),
    ("extends: existence\nmessage: x\ntoken: [a]\n",
     "rule 'T.Bad': unknown key 'token' for a 'existence' check; did you mean 'tokens'?"),
    ("extends: existence\nmessage: x\ntokens: a\n", "rule 'T.Bad': tokens: expected a list, got 'a'"),
    ("extends: existence\nmessage: x\nignorecase: 'yes please'\ntokens: [a]\n",
     "rule 'T.Bad': ignorecase: expected true or false"),
    ("extends: existence\ntokens: [a]\n", "rule 'T.Bad': the key 'message' is missing"),
    ("message: x\ntokens: [a]\n", "rule 'T.Bad': the key 'extends' is missing"),
    ("extends: existence\nmessage: x\n", "rule 'T.Bad': a 'existence' check needs 'tokens' or 'raw'"),
    ("extends: occurrence\nmessage: x\ntoken: a\n", "rule 'T.Bad': a 'occurrence' check needs 'max' or 'min'"),
    ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n",
     "rule 'T.Bad': level must be suggestion, warning or error, not 'fatal'"),
    ("- a\n- b\n", "rule 'T.Bad': expected a map of keys"),
])
def test_unknown_types_keys_and_wrong_values_name_file_rule_and_key(kit, yaml_text, message):
    errors = errors_with(kit, yaml_text)
    assert len(errors) == 1
    assert errors[0].startswith(str(kit.styles / "T" / "Bad.yml") + ": " + message), errors[0]


@pytest.mark.parametrize("yaml_text, pattern", [
    ("extends: existence\nmessage: x\ntokens: [ok, '(unclosed']\n", "(unclosed"),
    ("extends: existence\nmessage: x\nraw: ['[a-']\n", "[a-"),
    ("extends: substitution\nmessage: x\nswap: {'a)': b}\n", "a)"),
    ("extends: occurrence\nmessage: x\nmax: 1\ntoken: '*'\n", "(?:*)"),
    ("extends: conditional\nmessage: x\nfirst: a\nsecond: '(?P<'\n", "(?P<"),
    ("extends: existence\nmessage: x\ntokens: [a]\nexceptions: ['b(']\n", "b("),
])
def test_invalid_patterns_name_the_pattern_and_the_error(kit, yaml_text, pattern):
    errors = errors_with(kit, yaml_text)
    assert len(errors) == 1
    assert f"rule 'T.Bad'" in errors[0] and f"invalid pattern '{pattern}': " in errors[0], errors[0]
    assert errors[0].split(f"'{pattern}': ", 1)[1], "the regex error is given"


def test_a_catastrophic_pattern_is_that_rules_error_for_that_article(kit):
    kit.rule("Good", GOOD)
    kit.rule("Slow", "extends: existence\nmessage: x\nnonword: true\ntokens: ['(a|aa)+$']\n")
    kit.config('styles = ["T"]\nselect = ["T"]\nstyle-timeout = 0.2\n')
    result, engine = kit.check("Titel\nSehr gut, sehr schön. " + "a" * 60 + "!\n")
    assert result.error is not None and result.error.startswith("T.Slow: ")
    assert "took longer than 0.2 s on this article" in result.error
    assert [d.rule for d in result.diagnostics] == ["T.Good"], "the other rules' findings stay"
    result, engine = kit.check(TEXT)
    assert result.error is None and [d.rule for d in result.diagnostics] == ["T.Good"]


@pytest.mark.parametrize("slow", [
    "extends: capitalization\nmessage: x\nscope: sentence\nmatch: '(a|aa)+!b'\n",
    "extends: capitalization\nmessage: x\nscope: sentence\nmatch: $title\nexceptions: ['(a|aa)+!b']\n",
    "extends: existence\nmessage: x\nnonword: true\ntokens: ['a+!']\nexceptions: ['(a|aa)+!b']\n",
])
def test_a_catastrophic_match_or_exception_is_stopped_too(kit, slow):
    kit.rule("Good", GOOD)
    kit.rule("Slow", slow)
    kit.config('styles = ["T"]\nselect = ["T"]\nstyle-timeout = 0.2\n')
    started = time.monotonic()
    result, _engine = kit.check("Titel\nSehr gut, sehr schön.\n" + "a" * 60 + "!\n")
    assert time.monotonic() - started < 10, "stopped at its time, not after minutes"
    assert result.error is not None and result.error.startswith("T.Slow: "), result.error
    assert "took longer than 0.2 s on this article" in result.error
    assert [d.rule for d in result.diagnostics] == ["T.Good"], "the other rules' findings stay"


def test_a_style_that_is_not_there(kit):
    kit.rule("Good", GOOD)
    kit.config('styles = ["T", "Missing"]\nselect = ["T"]\n')
    result, engine = kit.check(TEXT)
    assert [d.rule for d in result.diagnostics] == ["T.Good"]
    [error] = engine.load_errors()
    assert error.startswith(f"style 'Missing' not found (looked in {kit.styles}, the styles shipped")
    assert "shipped: newsroom-de" in error


def test_a_styles_path_that_is_not_there(kit):
    kit.root.joinpath("newslint.toml").write_text('styles-path = "nowhere"\nstyles = ["newsroom-de"]\n',
                                                   encoding="utf-8")
    result, engine = kit.check(TEXT)
    assert result.error is None
    assert engine.load_errors() == [f"{kit.root / 'newslint.toml'}: styles-path '{kit.root / 'nowhere'}' is not a folder"]


def test_a_vocabulary_that_is_not_utf8(kit):
    kit.rule("Good", GOOD)
    kit.vocab("House")
    (kit.styles / "config" / "vocabularies" / "House" / "accept.txt").write_bytes(b"Stra\xdfe\n")
    kit.config('styles = ["T"]\nselect = ["T"]\nvocab = ["House"]\n')
    result, engine = kit.check(TEXT)
    assert [d.rule for d in result.diagnostics] == ["T.Good"]
    [error] = engine.load_errors()
    path = kit.styles / "config" / "vocabularies" / "House" / "accept.txt"
    assert error.startswith(f"{path}: not UTF-8 (invalid continuation byte at byte 4)")


def test_an_invalid_pattern_in_a_vocabulary_names_the_line(kit):
    kit.rule("Good", GOOD)
    kit.vocab("House", accept="Kyjiw\n# comment\nKiew(\n")
    kit.config('styles = ["T"]\nselect = ["T"]\nvocab = ["House"]\n')
    _result, engine = kit.check(TEXT)
    [error] = engine.load_errors()
    assert error.startswith(f"{kit.styles / 'config' / 'vocabularies' / 'House' / 'accept.txt'}:3: invalid pattern 'Kiew('")


def test_a_vocabulary_that_is_not_there(kit):
    kit.rule("Good", GOOD)
    kit.config('styles = ["T"]\nselect = ["T"]\nvocab = ["Nope"]\n')
    _result, engine = kit.check(TEXT)
    assert [e.split(" (")[0] for e in engine.load_errors()] == ["vocabulary 'Nope' not found"]


@pytest.mark.parametrize("table, message", [
    ('styles = "T"', "styles: expected a list of names"),
    ("styles-path = 3", "styles-path: expected text, got 3"),
    ("vocab = [1]", "vocab: expected a list of names"),
    ('styles = ["../other/styles/Haus"]', "styles: '../other/styles/Haus' is not a name; name a folder of the styles-path"),
    ('vocab = ["Vocab/Haus"]', "vocab: 'Vocab/Haus' is not a name"),
    ('per-file-styles = ["T"]', "per-file-styles must be a table of glob = [styles]"),
    ("style-timeout = 0", "style-timeout: expected a number of seconds above 0, got 0"),
    ('styles = ["T"]\nselect = ["T.Nope"]', "select: unknown rule 'T.Nope'"),
    ('styles = ["T"]\n[T.Good]\nseverity = "fatal"', "severity must be one of error, warning, info"),
    ('styles = ["T"]\n[T.Good]\ntokens = ["x"]', "unknown option 'tokens'"),
    ('styles = ["T"]\n[T.Goood]\nseverity = "error"', "unknown rule 'T.Goood'; did you mean 'T.Good'?"),
])
def test_configuration_errors_name_the_key(kit, table, message):
    from newslint.engine.config import ConfigError, load_config
    from newslint.engine.registry import rules_by_id

    kit.rule("Good", GOOD)
    path = kit.root / "newslint.toml"
    prefix = "" if table.startswith("styles-path") else 'styles-path = "styles"\n'
    path.write_text(f"{prefix}{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(str(path), rules_by_id())
    assert message in str(raised.value) and str(path) in str(raised.value)


def test_types_newslint_does_not_run_are_rules_that_cannot_run(kit):
    kit.rule("Good", GOOD)
    kit.rule("Spelling", "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nignore: [words.txt]\n")
    kit.rule("Readable", "extends: metric\nmessage: x\nformula: words / sentences\ncondition: '> 8.0'\n")
    result, engine = kit.check(TEXT)
    assert [d.rule for d in result.diagnostics] == ["T.Good"]
    assert engine.load_errors() == []
    skipped = {rule_id: (reason, required) for rule_id, reason, required in engine.skipped_rules()}
    assert skipped == {
        "T.Readable": (f"{kit.styles / 'T' / 'Readable.yml'}: Vale's 'metric' checks are not run by newslint", False),
        "T.Spelling": (f"{kit.styles / 'T' / 'Spelling.yml'}: Vale's 'spelling' checks are not run by newslint", False),
    }
    _result, engine = kit.check(TEXT, require=("T.Spelling",))
    assert ("T.Spelling", skipped["T.Spelling"][0], True) in engine.skipped_rules()
