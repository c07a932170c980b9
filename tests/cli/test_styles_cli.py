"""House styles from the command line: findings, exit codes, listing and explaining style rules."""

import json
import textwrap

import pytest
from click.testing import CliRunner
from newslint.cli import main

KIEW = """
    extends: substitution
    message: "Schreibe '%s' statt '%s'."
    link: https://example.org/hausstil#kiew
    level: warning
    swap:
      Kiew: Kyjiw
"""
ARTICLE = "Ukraine\nIn Kiew heulen die Sirenen.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    (tmp_path / "styles" / "Haus").mkdir(parents=True)
    (tmp_path / "styles" / "Haus" / "Kiew.yml").write_text(textwrap.dedent(KIEW), encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('styles-path = "styles"\nstyles = ["Haus"]\nselect = ["Haus"]\n',
                                            encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)


def test_style_findings_in_text_and_json(project):
    result = run("a.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "a.txt:2:4: Haus.Kiew [warning] [*] Schreibe 'Kyjiw' statt 'Kiew'."
    document = json.loads(run("--format", "json", "a.txt").stdout)
    assert document["findings"] == [{
        "path": "a.txt", "rule": "Haus.Kiew", "severity": "warning", "line": 2, "column": 4,
        "end_line": 2, "end_column": 8, "message": "Schreibe 'Kyjiw' statt 'Kiew'.", "suggestion": "Kyjiw",
        "fix": {"applicability": "safe", "edits": [
            {"line": 2, "column": 4, "end_line": 2, "end_column": 8, "replacement": "Kyjiw"}]}}]


def test_a_broken_rule_file_is_one_error_line_exit_2_and_the_rest_runs(project):
    (project / "styles" / "Haus" / "Kaputt.yml").write_text("extends: existence\nmessage: x\ntokens: ['(']\n",
                                                           encoding="utf-8")
    result = run("a.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"newslint: {project / 'styles' / 'Haus' / 'Kaputt.yml'}: rule 'Haus.Kaputt': "
        "invalid pattern '(': missing ) at position 1"]
    assert "Haus.Kiew" in result.stdout


def test_a_type_newslint_does_not_run_is_a_notice_and_an_error_when_required(project):
    (project / "styles" / "Haus" / "Spelling.yml").write_text("extends: spelling\nmessage: x\n", encoding="utf-8")
    result = run("a.txt")
    assert result.exit_code == 1
    reason = f"{project / 'styles' / 'Haus' / 'Spelling.yml'}: Vale's 'spelling' checks are not run by newslint"
    assert f"newslint: Haus.Spelling skipped: {reason}" in result.stderr.splitlines()
    result = run("--require", "Haus.Spelling", "a.txt")
    assert result.exit_code == 2
    assert f"newslint: Haus.Spelling is required but cannot run: {reason}" in result.stderr.splitlines()


def test_a_catastrophic_pattern_is_an_error_of_the_article_and_the_run_goes_on(project):
    (project / "styles" / "Haus" / "Langsam.yml").write_text(
        "extends: existence\nmessage: x\nnonword: true\ntokens: ['(a|aa)+$']\n", encoding="utf-8")
    (project / "newslint.toml").write_text(
        'styles-path = "styles"\nstyles = ["Haus"]\nselect = ["Haus"]\nstyle-timeout = 0.2\n', encoding="utf-8")
    (project / "b.txt").write_text("Titel\nIn Kiew " + "a" * 60 + "!\n", encoding="utf-8")
    result = run("a.txt", "b.txt")
    assert result.exit_code == 2
    [error] = result.stderr.splitlines()
    assert error.startswith(f"newslint: b.txt: Haus.Langsam: {project / 'styles' / 'Haus' / 'Langsam.yml'}: "
                            "a pattern took longer than 0.2 s on this article")
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:2]] == ["a.txt", "b.txt"]


def test_an_unknown_style_rule_and_an_unreadable_vale_ini(project):
    result = run("--select", "Haus.Kiw", "a.txt")
    assert result.exit_code == 2
    assert result.stderr == "newslint: --select: unknown rule 'Haus.Kiw'; did you mean 'Haus.Kiew'?\n"
    (project / ".vale.ini").write_text("StylesPath = styles\n[*\n", encoding="utf-8")
    (project / "newslint.toml").write_text('vale-config = ".vale.ini"\n', encoding="utf-8")
    result = run("--select", "credit-line", "a.txt")
    assert result.exit_code == 2
    assert f"newslint: {project / '.vale.ini'}:2: cannot read '[*': a section is written [glob]" in result.stderr
    assert "credit-line" in result.stdout


def test_rules_lists_style_rules_with_their_source(project):
    result = CliRunner().invoke(main, ["rules"])
    line = result.stdout.splitlines()[-1]
    assert line.split() == ["Haus.Kiew", "warning", "style", "styles/Haus/Kiew.yml", "Schreibe", "'…'", "statt",
                            "'…'."]


def test_explain_a_style_rule(project):
    result = CliRunner().invoke(main, ["explain", "Haus.Kiew"])
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Haus.Kiew (default severity: warning; style styles/Haus/Kiew.yml)")
    for line in ("Message: Schreibe '%s' statt '%s'.", "Level: warning (newslint: warning)",
                 "Check: substitution", "Scope: text", f"Source: {project / 'styles' / 'Haus' / 'Kiew.yml'}",
                 "Link: https://example.org/hausstil#kiew"):
        assert line in text.splitlines(), line


def test_explain_a_rule_of_a_shipped_pack_that_is_not_turned_on(project):
    result = CliRunner().invoke(main, ["explain", "newsroom-de.Datum"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("newsroom-de.Datum (default severity: warning; style ")
    assert "Check: substitution" in lines
    assert any(line.startswith("Source: ") and line.endswith("newsroom-de/Datum.yml") for line in lines)
    assert lines[-1] == '(Shipped with newslint; turn it on with styles = ["newsroom-de"] under [tool.newslint].)'
    result = CliRunner().invoke(main, ["explain", "newsroom-de.Datm"])
    assert result.exit_code == 2
    assert "did you mean 'newsroom-de.Datum'?" in result.output


def test_explain_with_another_configuration(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = CliRunner().invoke(main, ["explain", "--config", str(elsewhere / "none.toml"), "Haus.Kiew"])
    assert result.exit_code == 2
    result = CliRunner().invoke(main, ["explain", "--config", str(project / "newslint.toml"), "Haus.Kiew"])
    assert result.exit_code == 0
