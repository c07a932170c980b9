"""Configuration: discovery, validation with helpful messages, per-file ignores."""

import datetime as dt

import pytest
from newslint.engine.config import (
    ConfigError,
    build_config,
    find_config_file,
    glob_match,
    load_config,
)
from newslint.engine.registry import rules_by_id


def test_newslint_toml_is_found_walking_up(tmp_path):
    (tmp_path / "newslint.toml").write_text('lang = "de"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config_file(str(deep)) == str(tmp_path / "newslint.toml")


def pyproject_below_a_newslint_toml(tmp_path, content: str):
    """A folder with a pyproject.toml of `content`, inside one with a newslint.toml."""
    (tmp_path / "newslint.toml").write_text("")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text(content)
    return inner


def test_pyproject_without_a_newslint_table_is_passed_over(tmp_path):
    inner = pyproject_below_a_newslint_toml(tmp_path, "[tool.other]\nx = 1\n")
    assert find_config_file(str(inner)) == str(tmp_path / "newslint.toml")
    (inner / "pyproject.toml").write_text("[tool.newslint]\nlang = 'de'\n")
    assert find_config_file(str(inner)) == str(inner / "pyproject.toml")


def test_pyproject_table_is_read(fake_rule, tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[tool.newslint]\npublished = 2024-06-21\nselect = ['fake-word']\n"
        "[tool.newslint.fake-word]\nseverity = 'error'\nword = 'Pjönjang'\n"
    )
    config = load_config(str(path), rules_by_id())
    assert config.published == dt.date(2024, 6, 21)
    assert config.select == ("fake-word",)
    settings = config.rules["fake-word"]
    assert settings.severity == "error"
    assert settings.options.word == "Pjönjang"


@pytest.mark.parametrize(
    "table, message",
    [
        ({"selct": ["fake-word"]}, "unknown key 'selct'; did you mean 'select'?"),
        ({"select": ["fake-wrd"]}, "unknown rule 'fake-wrd'; did you mean 'fake-word'?"),
        ({"fake-word": {"wrod": "x"}}, "unknown option 'wrod'; did you mean 'word'?"),
        ({"fake-word": {"word": 3}}, "word: expected text, got 3"),
        ({"fake-word": {"severity": "fatal"}}, "severity must be one of error, warning, info"),
        ({"fake-wrd": {"severity": "error"}}, "unknown key 'fake-wrd'; did you mean 'fake-word'?"),
        ({"published": "21.06.2024"}, "published: '21.06.2024' is not a date"),
        ({"per-file-ignores": {"*.md": ["nope"]}}, "unknown rule 'nope'"),
        ({"report-unused-suppressions": "yes"}, "report-unused-suppressions: expected true or false, got 'yes'"),
        ({"report-unused-suppression": True},
         "unknown key 'report-unused-suppression'; did you mean 'report-unused-suppressions'?"),
        ({"exclude": ["drafts/", "[z-a]"]}, "exclude: '[z-a]' is not a gitignore pattern (bad character range z-a)"),
    ],
)
def test_bad_configuration_names_the_key(fake_rule, table, message):
    with pytest.raises(ConfigError) as error:
        build_config(table, rules_by_id(), where="newslint.toml")
    assert str(error.value).startswith("newslint.toml")
    assert message in str(error.value)


@pytest.mark.parametrize("name", ["house.toml", "newslint.toml"])
def test_a_standalone_file_may_hold_a_tool_newslint_table_copied_from_pyproject(fake_rule, tmp_path, name):
    path = tmp_path / name
    path.write_text(
        "[project]\nname = 'redaktion'\n[tool.ruff]\nline-length = 100\n"
        "[tool.newslint]\npublished = 2024-06-21\nselect = ['fake-word']\n"
        "[tool.newslint.fake-word]\nseverity = 'error'\nword = 'Pjönjang'\n"
    )
    config = load_config(str(path), rules_by_id())
    assert config.published == dt.date(2024, 6, 21)
    assert config.select == ("fake-word",)
    assert (config.rules["fake-word"].severity, config.rules["fake-word"].options.word) == ("error", "Pjönjang")


@pytest.mark.parametrize(
    "content, message",
    [
        # settings in two places: which would win is anyone's guess
        ("lang = 'de'\n[tool.newslint]\nselect = ['fake-word']\n",
         "house.toml: 'lang' stands at the top level beside a [tool.newslint] table; write newslint's settings "
         "in one place"),
        # a [tool.…] table of another tool only: say where newslint's settings go
        ("[tool.ruff]\nline-length = 100\n",
         "house.toml: unknown key 'tool': this file has no [tool.newslint] table; write newslint's settings at "
         "the top level of the file (or under [tool.newslint], as in pyproject.toml)"),
        ("[tool]\nnewslint = 'alles'\n", "house.toml: tool.newslint must be a table of settings"),
        # a mistake inside the table names the table
        ("[tool.newslint]\nselct = ['fake-word']\n",
         "house.toml: [tool.newslint]: unknown key 'selct'; did you mean 'select'?"),
    ],
)
def test_a_tool_table_in_a_standalone_file_that_cannot_be_meant_is_an_error(fake_rule, tmp_path, content, message):
    path = tmp_path / "house.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as error:
        load_config(str(path), rules_by_id())
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)


def test_invalid_toml_names_the_file(fake_rule, tmp_path):
    path = tmp_path / "newslint.toml"
    path.write_text("select = [\n")
    with pytest.raises(ConfigError, match="newslint.toml: not valid TOML"):
        load_config(str(path), rules_by_id())


@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("archive/**", "archive/2020/a.md", True),
        ("archive/**", "news/a.md", False),
        ("*.txt", "deep/folder/a.txt", True),
        ("news/*.md", "news/a.md", True),
        ("news/*.md", "news/sub/a.md", False),
        ("**/agentur-*.md", "x/y/agentur-1.md", True),
        ("**/agentur-*.md", "agentur-1.md", True),
    ],
)
def test_glob_match(pattern, path, matches):
    assert glob_match(pattern, path) is matches


def test_per_file_ignores_turn_a_rule_off_for_matching_files(fake_rule, tmp_path):
    config = build_config({"per-file-ignores": {"archive/**": ["fake-word"]}}, rules_by_id(),
                          path=str(tmp_path / "newslint.toml"))
    assert not config.enabled("fake-word", str(tmp_path / "archive" / "a.md"))
    assert config.enabled("fake-word", str(tmp_path / "news" / "a.md"))


# -- configurations that cannot be meant ----------------------------------------------------------


@pytest.mark.parametrize("broken", [
    "[tool.newslint]\nselect = ['fake-word'\n",  # a syntax error
    "[tool.newslint]\nlang = 'de'\nlang = 'en'\n",  # a duplicate key
    "[project]\nname = 'x'\n[tool.newslint.fake-word]\nseverity = 'error'\n[project]\n",  # a table twice
])
def test_a_broken_pyproject_that_may_configure_newslint_is_an_error(fake_rule, tmp_path, broken):
    inner = pyproject_below_a_newslint_toml(tmp_path, broken)  # the newslint.toml further up is not taken
    assert find_config_file(str(inner)) == str(inner / "pyproject.toml")
    with pytest.raises(ConfigError, match=r"pyproject.toml: not valid TOML"):
        load_config(find_config_file(str(inner)), rules_by_id())


def test_a_broken_pyproject_without_newslint_in_it_is_passed_over(tmp_path):
    inner = pyproject_below_a_newslint_toml(tmp_path, "[project]\nname = 'x'\nname = 'y'\n")
    assert find_config_file(str(inner)) == str(tmp_path / "newslint.toml")


def test_a_broken_pyproject_fails_the_run_with_exit_2(fake_rule, tmp_path, monkeypatch):
    from click.testing import CliRunner
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nignore = ['fake-word']\nignore = []\n")
    (tmp_path / "a.txt").write_text("Titel\nEin Fehler.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "a.txt"])
    assert result.exit_code == 2
    assert "pyproject.toml: not valid TOML" in result.stderr
    assert "fake-word" not in result.stdout  # the rules did not run with the defaults


@pytest.mark.parametrize("table, message", [
    ({"max-file-size": 0}, "max-file-size: must be at least 1 byte, not 0"),
    ({"max-file-size": -5}, "max-file-size: must be at least 1 byte, not -5"),
    ({"select": []}, "select: no rule named; leave select out to run every rule"),
    ({"select": ["fake-word"], "ignore": ["fake-word"]}, "no rule would run: ignore removes every rule"),
    ({"lang": "klingonisch"}, "lang: unknown language 'klingonisch'"),
    ({"lang": "fr"}, "lang: unknown language 'fr'; newslint knows de, en"),
    ({"lang": ""}, "lang: unknown language ''"),
])
def test_nonsense_settings_are_errors(fake_rule, table, message):
    with pytest.raises(ConfigError) as error:
        build_config(table, rules_by_id(), where="newslint.toml")
    assert str(error.value).startswith("newslint.toml: ")
    assert message in str(error.value)


@pytest.mark.parametrize("lang", ["de", "en", "de-AT", "de_CH", "en-GB", "DE"])
def test_languages_newslint_knows_are_accepted(fake_rule, lang):
    assert build_config({"lang": lang}, rules_by_id()).lang == lang


@pytest.mark.parametrize("table, message", [
    ({"extend-preferred": {"Kyjiw": ["Kiew"], "Kiew": ["Kyjiw"]}}, "„Kiew“ → „Kyjiw“ → „Kiew“"),
    ({"extend-preferred": {"A": ["B"], "B": ["C"], "C": ["A"]}}, "„A“ → „C“ → „B“ → „A“"),
    ({"preferred": {"Peking": ["Beijing"], "Beijing": ["Peking"]}}, "„Beijing“ → „Peking“ → „Beijing“"),
])
def test_a_cyclic_house_list_is_an_error(table, message):
    with pytest.raises(ConfigError) as error:
        build_config({"spelling-consistency": table}, rules_by_id(), where="newslint.toml")
    assert "a cycle" in str(error.value) and message in str(error.value)


def test_turning_a_default_spelling_around_is_no_cycle():
    config = build_config({"spelling-consistency": {"extend-preferred": {"Kyjiw": ["Kiew", "Kiev"]}}}, rules_by_id())
    assert config.rules["spelling-consistency"].options.extend_preferred == {"Kyjiw": ("Kiew", "Kiev")}


@pytest.mark.parametrize("args, message", [
    (["--select", "fake-word", "--ignore", "fake-word"], "no rule would run: --ignore removes every rule"),
    (["--select", ""], "--select: no rule named"),
    (["--select", " , "], "--select: no rule named"),
])
def test_options_that_leave_no_rule_are_usage_errors(fake_rule, tmp_path, monkeypatch, args, message):
    from click.testing import CliRunner
    from newslint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Titel\nEin Fehler.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", *args, "a.txt"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
