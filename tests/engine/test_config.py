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


def test_pyproject_without_a_newslint_table_is_passed_over(tmp_path):
    (tmp_path / "newslint.toml").write_text("")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert find_config_file(str(inner)) == str(tmp_path / "newslint.toml")
    (inner / "pyproject.toml").write_text("[tool.newslint]\nlang = 'de'\n")
    assert find_config_file(str(inner)) == str(inner / "pyproject.toml")


def test_pyproject_table_is_read(fake_rule, tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[tool.newslint]\npublished = 2024-06-21\nignore = ['fake-word']\n"
        "[tool.newslint.fake-word]\nseverity = 'error'\nword = 'Pjönjang'\n"
    )
    config = load_config(str(path), rules_by_id())
    assert config.published == dt.date(2024, 6, 21)
    assert config.ignore == ("fake-word",)
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
    ],
)
def test_bad_configuration_names_the_key(fake_rule, table, message):
    with pytest.raises(ConfigError) as error:
        build_config(table, rules_by_id(), where="newslint.toml")
    assert str(error.value).startswith("newslint.toml")
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
