"""Inline suppression comments in Markdown and plain-text articles, and the findings about them:
rule names no rule has, suppressions that suppress nothing."""

import json

import pytest
from click.testing import CliRunner
from newslint.article.model import parse
from newslint.cli import main
from newslint.engine.runner import Engine, RunOptions
from newslint.engine.suppression import comment_for
from newslint.engine.testing import findings

ARTICLE = """---
title: Titel
---
Ein Fehler hier.

<!-- newslint: disable-next-line=fake-word -->
Ein Fehler, unterdrückt.

<!-- newslint: disable=fake-word -->
Noch ein Fehler, unterdrückt.
<!-- newslint: enable=fake-word -->
Wieder ein Fehler.

<!-- newslint: disable -->
Ein Fehler, alle Regeln aus.
"""


def test_comments_turn_rules_off_where_they_say(fake_rule):
    found = findings(ARTICLE, rule="fake-word", path="a.md")
    assert [d.line for d in found] == [4, 12]




@pytest.mark.parametrize("path, text, lines", [
    ("a.txt", "Titel\n<!-- newslint: disable-next-line=fake-word -->\nEin Fehler.\n", [3]),  # text in .txt
    ("a.md", "Titel\n\n<!-- newslint: disable-next-line=fake-other -->\nEin Fehler.\n", [4]),  # another rule
    ("a.txt", "Titel\n#MeToo: Ein Fehler.\n", [2]),  # a hashtag is article text
    ("a.txt", "Titel\r# newslint: disable-next-line=fake-word\rEin Fehler.\rEin Fehler.\r", [4]),  # lone CRs
])
def test_what_is_not_suppressed(another_rule, path, text, lines):
    assert [d.line for d in findings(text, rule="fake-word", path=path)] == lines


PLAIN = """# newslint: disable-next-line=fake-word
Ein Fehler in der Überschrift, unterdrückt
Ein Fehler hier.

# newslint: disable-next-line=fake-word
Ein Fehler, unterdrückt.
#newslint: disable=old-word
Noch ein Fehler, unterdrückt.
  # newslint: enable=old-word
Wieder ein Fehler.
# newslint: disable
Ein Fehler, alle Regeln aus.
"""


def test_plain_text_directives_turn_rules_off_where_they_say(fake_rule):
    assert [d.line for d in findings(PLAIN, rule="fake-word", path="a.txt")] == [3, 10]


def test_plain_text_directives_are_not_part_of_the_article():
    article = parse("a.txt", PLAIN)
    assert article.headline.text == "Ein Fehler in der Überschrift, unterdrückt"
    assert all("newslint" not in block.text for block in article.blocks)
    assert "newslint" not in article.prose and len(article.prose) == len(PLAIN)
    assert [block.kind for block in article.blocks][:2] == ["headline", "teaser"]


def test_a_directive_line_in_another_file_type_is_text():
    article = parse("a.text", "Titel\n# newslint: disable\nText.\n")
    assert "# newslint: disable" in [block.text for block in article.blocks]




@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_an_unknown_rule_is_an_error_of_its_own(fake_rule, path):
    comment = comment_for(path, "fake-wrod")
    text = f"Titel\n\n{comment}\nEin Fehler.\n"
    found = findings(text, path=path)
    unknown = [d for d in found if d.rule == "unknown-suppression"]
    assert len(unknown) == 1 and unknown[0].severity == "error" and unknown[0].line == 3
    assert unknown[0].message == "unknown rule 'fake-wrod' in a suppression comment; did you mean 'fake-word'?"
    assert text.splitlines()[2][unknown[0].column - 1 : unknown[0].end_column - 1] == "fake-wrod"
    assert [d.line for d in found if d.rule == "fake-word"] == [4]  # nothing was suppressed


def test_old_ids_and_enable_are_known(fake_rule):
    text = "Titel\n# newslint: disable=old-word\nText.\n# newslint: enable=fake-word\n"
    assert findings(text, path="a.txt") == []


def unused(text, path="a.txt", **options):
    engine = Engine(RunOptions(report_unused_suppressions=True, **options))
    result = engine.check_text(path, text, engine.config_for(path))
    return [(d.line, d.rule, d.message) for d in result.diagnostics if d.rule != "fake-word"]


def test_unused_suppressions_are_reported_when_asked(fake_rule):
    text = ("Titel\n# newslint: disable-next-line=fake-word\nAlles gut.\n"
            "# newslint: disable-next-line=fake-word\nEin Fehler.\n# newslint: disable\nAlles gut.\n")
    assert unused(text) == [
        (2, "unused-suppression", "the suppression of 'fake-word' suppresses nothing here; remove it"),
        (6, "unused-suppression", "the suppression of all rules suppresses nothing here; remove it"),
    ]
    assert [d.rule for d in findings(text, path="a.txt")] == []  # not asked: not reported


def test_unused_suppressions_of_rules_that_did_not_run_are_not_reported(another_rule):
    text = "Titel\n<!-- newslint: disable-next-line=fake-word -->\nAlles gut.\n"
    assert unused(text, path="a.md", select=("fake-other",)) == []
    assert [rule for _line, rule, _message in unused(text, path="a.md")] == ["unused-suppression"]


def test_comment_for_each_format():
    assert comment_for("a/b.md", "credit-line") == "<!-- newslint: disable-next-line=credit-line -->"
    assert comment_for("b.TXT", "credit-line") == "# newslint: disable-next-line=credit-line"
    assert comment_for("b.json", "credit-line") is None


def test_report_unused_suppressions_on_the_command_line(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Titel\n# newslint: disable-next-line=fake-word\nAlles gut.\n", "utf-8")
    runner = CliRunner()
    quiet = runner.invoke(main, ["check", "--format", "json", "a.txt"])
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["findings"] == []
    loud = runner.invoke(main, ["check", "--format", "json", "--report-unused-suppressions", "a.txt"])
    assert loud.exit_code == 1, loud.output
    assert [f["rule"] for f in json.loads(loud.stdout)["findings"]] == ["unused-suppression"]


@pytest.mark.parametrize("setting, args, reported", [
    ("report-unused-suppressions = true\n", [], True),
    ("report-unused-suppressions = true\n", ["--no-report-unused-suppressions"], False),  # the flag wins
    ("report-unused-suppressions = false\n", ["--report-unused-suppressions"], True),
    ("report-unused-suppressions = false\n", [], False),
])
def test_report_unused_suppressions_in_the_configuration(fake_rule, tmp_path, monkeypatch, setting, args, reported):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Titel\n# newslint: disable-next-line=fake-word\nAlles gut.\n", "utf-8")
    (tmp_path / "newslint.toml").write_text(setting, "utf-8")
    for _ in range(2):  # afresh, then from the cache
        result = CliRunner().invoke(main, ["check", "--format", "json", *args, "a.txt"])
        assert result.exit_code == (1 if reported else 0), result.output
        rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
        assert rules == (["unused-suppression"] if reported else [])


def test_the_cache_tells_a_changed_setting(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Titel\n# newslint: disable-next-line=fake-word\nAlles gut.\n", "utf-8")
    codes = []
    for value in ("false", "true", "false"):
        (tmp_path / "newslint.toml").write_text(f"report-unused-suppressions = {value}\n", "utf-8")
        codes.append(CliRunner().invoke(main, ["check", "a.txt"]).exit_code)
    assert codes == [0, 1, 0]
