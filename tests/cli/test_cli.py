"""The command line: output formats, exit codes and bad input (with the fake rule `fake-word`)."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from newslint import __version__
from newslint.article.formats import SUFFIXES
from newslint.cli import main

GOOD = "Titel\nAlles ist gut.\n"
BAD = "Titel\nEin Fehler im Text.\n"


@pytest.fixture
def run(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_clean_article_exits_0(run, tmp_path):
    write(tmp_path / "good.txt", GOOD)
    result = run("check", "good.txt")
    assert result.exit_code == 0
    assert result.output == "No findings; 1 file checked.\n"


def test_finding_exits_1_with_a_text_line(run, tmp_path):
    write(tmp_path / "bad.txt", BAD)
    result = run("check", "bad.txt")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "bad.txt:2:5: fake-word [warning] „Fehler“ found"
    assert lines[-1] == "Found 1 finding (1 warning) in 1 of 1 file checked."


def test_json_output_follows_the_contract(run, tmp_path):
    write(tmp_path / "articles" / "bad.txt", BAD)
    write(tmp_path / "articles" / "good.md", "# Titel\n\nAlles gut.\n")
    result = run("check", "--format", "json", "articles", "missing.txt")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["version"] == __version__
    assert document["findings"] == [{
        "path": os.path.join("articles", "bad.txt"), "rule": "fake-word", "severity": "warning",
        "line": 2, "column": 5, "end_line": 2, "end_column": 11,
        "message": "„Fehler“ found", "suggestion": "Richtig",
    }]
    assert document["errors"] == [{"path": "missing.txt", "message": "no such file or directory"}]
    assert document["summary"] == {"files": 2, "findings": 1}


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_threshold(run, tmp_path, fail_on, code):
    write(tmp_path / "bad.txt", BAD)
    assert run("check", "--fail-on", fail_on, "bad.txt").exit_code == code


def test_severity_from_configuration_counts_for_fail_on(run, tmp_path):
    write(tmp_path / "bad.txt", BAD)
    write(tmp_path / "newslint.toml", "[fake-word]\nseverity = 'info'\n")
    result = run("check", "bad.txt")
    assert result.exit_code == 0
    assert "[info]" in result.output


def test_select_and_ignore(run, tmp_path, another_rule):
    write(tmp_path / "bad.txt", BAD)
    assert run("check", "--ignore", "fake-word", "bad.txt").exit_code == 0
    assert run("check", "--select", "fake-word", "bad.txt").exit_code == 1
    result = run("check", "--select", "fake-wrod", "bad.txt")
    assert result.exit_code == 2
    assert "unknown rule 'fake-wrod'; did you mean 'fake-word'?" in result.stderr


def test_select_and_ignore_are_repeatable(run, tmp_path, another_rule):
    write(tmp_path / "bad.txt", BAD + "Zzyzx.\n")  # one finding of each rule

    def rules(*args):
        result = run("check", "--format", "json", *args, "bad.txt")
        return sorted({f["rule"] for f in json.loads(result.stdout)["findings"]})

    assert rules("--select", "fake-word", "--select", "fake-other") == ["fake-other", "fake-word"]
    assert rules("--select", "fake-word", "--select", "fake-other", "--ignore", "fake-other") == ["fake-word"]
    both_ignored = run("check", "--select", "fake-word,fake-other", "--ignore", "fake-word", "--ignore", "fake-other",
                       "bad.txt")
    assert both_ignored.exit_code == 2 and "--ignore removes every rule that --select names" in both_ignored.stderr


def test_config_option_and_rule_options(run, tmp_path):
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "house.toml", "[fake-word]\nword = 'gut'\n")
    assert run("check", "--config", "house.toml", "good.txt").exit_code == 1
    assert run("check", "--config", "nowhere.toml", "good.txt").exit_code == 2


def test_config_option_takes_a_tool_newslint_table_copied_from_pyproject(run, tmp_path):
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "house.toml", "[tool.newslint.fake-word]\nword = 'gut'\n")
    result = run("check", "--config", "house.toml", "good.txt")
    assert result.exit_code == 1, result.stderr
    assert "unknown key" not in result.stderr


def test_broken_configuration_is_exit_2_naming_file_and_key(run, tmp_path):
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "newslint.toml", "selcet = ['fake-word']\n")
    result = run("check", "good.txt")
    assert result.exit_code == 2
    assert "newslint.toml: unknown key 'selcet'; did you mean 'select'?" in result.stderr


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("latin1.txt", "Titel\nÜber Pjöngjang.\n".encode("cp1252"),
         "not valid UTF-8 (byte 0xDC on line 2); it looks like ISO-8859-1"),
        ("mac.txt", "Titel\rZeile\r\rÜber Pjöngjang.\r".encode("cp1252"), "(byte 0xDC on line 4)"),
        ("quotes.txt", "Titel\n„Zitat“ über Köln.\n".encode("cp1252"), "it looks like WINDOWS-1252"),
        ("utf16.txt", "Titel\nText.\n".encode("utf-16"), "file is UTF-16, not UTF-8"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"\n  \n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("front.md", b"---\ntitle: [x\n---\nText.\n", "front matter, line 3"),
    ],
)
def test_bad_input_is_named_and_the_others_are_still_checked(run, tmp_path, name, content, message):
    write(tmp_path / name, content)
    write(tmp_path / "bad.txt", BAD)
    result = run("check", "--format", "json", name, "bad.txt")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"newslint: {name}: ")
    assert message in result.stderr
    assert len(json.loads(result.stdout)["findings"]) == 1


def test_huge_file_is_refused_without_reading_it(run, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run("check", "huge.txt")
    assert result.exit_code == 2
    assert "huge.txt: file is 50.0 MB, larger than the limit of 10.0 MB" in result.stderr


def test_directory_without_articles(run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", "empty")
    assert result.exit_code == 2
    known = ", ".join("*" + suffix for suffix in SUFFIXES)  # every format's, from the one list
    assert f"empty: no articles ({known}) in this directory" in result.stderr
    assert "*.txt, *.md" in known


def test_directories_skip_hidden_and_build_folders(run, tmp_path):
    write(tmp_path / "site" / "a.md", "# Titel\n\nEin Fehler.\n")
    write(tmp_path / "site" / ".git" / "b.md", BAD)
    write(tmp_path / "site" / "node_modules" / "c.txt", BAD)
    write(tmp_path / "site" / "notes.rst", BAD)
    result = run("check", "--format", "json", "site")
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == [os.path.join("site", "a.md")]


def test_stdin(run):
    result = run("check", "-", input=BAD)
    assert result.exit_code == 1
    assert result.output.startswith("-:2:5: fake-word")
    result = run("check", "--stdin-filename", "a.md", "-", input="---\ntitle: Ein Fehler\n---\nText.\n")
    assert result.output.startswith("a.md:2:12: fake-word")  # named as --stdin-filename says


@pytest.mark.parametrize("format_name", ["json", "sarif", "junit", "github"])
def test_stdin_filename_names_the_findings_and_errors_in_every_report(run, format_name):
    result = run("check", "--format", format_name, "--stdin-filename", "site/x.txt", "-", input=BAD)
    assert result.exit_code == 1 and "site/x.txt" in result.stdout
    assert '"-"' not in result.stdout and "file=-," not in result.stdout
    broken = run("check", "--format", "json", "--stdin-filename", "site/x.json", "-", input="{bad")
    assert broken.exit_code == 2
    assert json.loads(broken.stdout)["errors"][0]["path"] == "site/x.json"
    assert broken.stderr.startswith("newslint: site/x.json: invalid JSON")


def test_a_baseline_of_standard_input_names_it_and_serves_it_again(run, tmp_path):
    write(tmp_path / "a.txt", BAD)
    recorded = run("check", "--write-baseline", "base.json", "--stdin-filename", "a.txt", "-", input=BAD)
    assert recorded.exit_code == 0
    assert [f["path"] for f in json.loads((tmp_path / "base.json").read_text("utf-8"))["findings"]] == ["a.txt"]
    assert run("check", "--baseline", "base.json", "a.txt").exit_code == 0  # the file itself
    assert run("check", "--baseline", "base.json", "--stdin-filename", "a.txt", "-", input=BAD).exit_code == 0
    assert run("check", "--baseline", "base.json", "-", input=BAD).exit_code == 1  # unnamed: another file


def test_the_help_names_every_format_a_directory_takes(run):
    text = " ".join(run("check", "--help").output.split())
    assert "*.txt and *.md" not in text
    described = text[: text.index("Options:")]
    assert all(suffix in described.replace(",", " ").replace(")", " ").split() for suffix in SUFFIXES), described


def test_no_paths_and_bad_options_are_usage_errors(run):
    assert run("check").exit_code == 2
    assert run("check", "--published", "gestern", "x.txt").exit_code == 2
    assert run("check", "--format", "xml", "x.txt").exit_code == 2


def test_output_file(run, tmp_path):
    write(tmp_path / "bad.txt", BAD)
    result = run("check", "--format", "json", "--output", "report.json", "bad.txt")
    assert result.exit_code == 1
    assert result.output == ""
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["findings"] == 1


def test_rules_and_explain(run):
    assert run("rules").output.split() == ["fake-word", "warning", "built-in", "Flags", "a", "configured", "word."]
    result = run("explain", "fake-word")
    assert "## What it does" in result.output
    result = run("explain", "fake-wort")
    assert result.exit_code == 2
    assert "did you mean 'fake-word'?" in result.stderr


@pytest.mark.parametrize("finding", ["unknown-suppression", "unused-suppression"])
def test_explain_knows_the_findings_about_suppression_comments(run, finding):
    result = run("explain", finding)
    assert result.exit_code == 0
    assert result.output.startswith(f"{finding}\n\nA suppression comment ")
    assert "Remove the comment" in result.output or "remove the comment" in result.output


def test_console_script_version_and_missing_file(tmp_path):
    command = [sys.executable, "-c", "from newslint.cli import main; main()"]
    version = subprocess.run(command + ["--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"newslint {__version__}"
    missing = subprocess.run(command + ["check", str(tmp_path / "missing.txt")],
                             capture_output=True, text=True)
    assert missing.returncode == 2
    assert missing.stderr == f"newslint: {tmp_path / 'missing.txt'}: no such file or directory\n"


@pytest.mark.parametrize("format_name", ["text", "json", "github"])
def test_check_keeps_no_file_it_has_reported(run, tmp_path, monkeypatch, format_name):
    """The report of a file is written when it is done; nothing of it stays for the rest of the run."""
    import weakref

    from newslint.engine import batch
    from newslint.engine.finding import Diagnostic, FileResult

    alive = []

    def results(engine, paths, *args, **kwargs):
        for number in range(500):
            assert all(ref() is None for ref in alive[:-3]), f"file {number}: reported files are still held"
            path = f"a{number}.txt"
            result = FileResult(path, [Diagnostic(path, "fake-word", "warning", 2, 5, 2, 11, "„Fehler“ found",
                                                  "Richtig", 10, 16)] * 20)
            alive.append(weakref.ref(result))
            yield result
            del result

    monkeypatch.setattr(batch, "iter_results", results)
    result = run("check", "--no-cache", "--format", format_name, "--output", "report", "x.txt")
    assert result.exit_code == 1
    assert (tmp_path / "report").read_text(encoding="utf-8").count("a499.txt") == 20
