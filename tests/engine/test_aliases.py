"""A renamed rule keeps its old id (`ALIASES`) working, with a deprecation notice.

The fake rule `fake-word` was once called `old-word` (see conftest.py).
"""

import json

import pytest
from click.testing import CliRunner
from newslint.cli import main
from newslint.engine.config import build_config
from newslint.engine.registry import resolve, rules_by_id
from newslint.engine.runner import Engine, RunOptions

BAD = "Titel\nEin Fehler im Text.\n"


@pytest.fixture
def run(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")

    def invoke(*args):
        return CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args, "a.txt"])

    return invoke


def test_resolve_gives_the_current_id_and_a_notice(fake_rule):
    rules = rules_by_id()
    assert resolve("fake-word", rules) == ("fake-word", None)
    current, notice = resolve("old-word", rules)
    assert current == "fake-word" and "'old-word' is now called 'fake-word'" in notice
    assert resolve("no-such-rule", rules) == ("no-such-rule", None)


def test_old_id_in_the_configuration(fake_rule):
    config = build_config({"old-word": {"severity": "error", "word": "Text"},
                           "per-file-ignores": {"archive/*": ["old-word"]}}, rules_by_id(), where="newslint.toml")
    assert config.rules["fake-word"].severity == "error"
    assert config.rules["fake-word"].options.word == "Text"
    assert config.per_file_ignores == (("archive/*", ("fake-word",)),)
    assert config.notices == ("newslint.toml: rule 'old-word' is now called 'fake-word'; "
                              "'old-word' will stop working in a later version",)


def test_old_id_in_select_and_ignore(run, another_rule):
    result = run("--select", "old-word")
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["fake-word"]
    assert "deprecated: --select: rule 'old-word' is now called 'fake-word'" in result.stderr
    result = run("--ignore", "old-word")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []


def test_old_id_in_the_configuration_file(run, tmp_path, another_rule):
    (tmp_path / "newslint.toml").write_text("ignore = ['old-word']\n", encoding="utf-8")
    result = run()
    assert result.exit_code == 0
    assert "deprecated: " in result.stderr and "newslint.toml" in result.stderr


def test_old_id_in_an_inline_suppression(fake_rule, tmp_path):
    text = "---\ntitle: Titel\n---\n<!-- newslint: disable-next-line=old-word -->\nEin Fehler im Text.\n"
    result = Engine(RunOptions()).check_text("a.md", text, build_config({}, rules_by_id()))
    assert result.error is None and result.diagnostics == []


def test_explain_an_old_id(fake_rule):
    result = CliRunner().invoke(main, ["explain", "old-word"])
    assert result.exit_code == 0
    assert result.stdout.startswith("fake-word (default severity: warning; formerly old-word)")
    assert "deprecated" in result.stderr


def test_an_unknown_id_is_still_an_error(run):
    result = run("--select", "older-word")
    assert result.exit_code == 2 and "unknown rule 'older-word'" in result.stderr
