"""`newslint check` and `newslint quotes` on ninjs (`.json`) and JSON Lines (`.jsonl`) articles:
findings placed in the file, bad files and bad lines each a clear error while the rest is checked,
JSON that is no article passed over, and `--fix` never writing a JSON file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from newslint.cli import main
from paths import DATA

SAMPLES = ("wire-1.x.json", "agency-2.x.json", "export.jsonl")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A folder of the samples, a package.json and a broken .json file."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "desk"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(DATA / "ninjs" / name, folder / name)
    (folder / "package.json").write_text('{"name": "desk", "version": "1.0.0"}\n', encoding="utf-8")
    (folder / "broken.json").write_text('{\n  "headline": "Titel",\n  "body_text" "Text."\n}\n', encoding="utf-8")
    return folder


def findings(output: str) -> list[dict]:
    return json.loads(output)["findings"]


def test_findings_point_into_the_file_on_disk(newsroom):
    result = run("check", "--no-cache", "--format", "json",
                 "--select", "quote-marks,quote-attribution,date-consistency",
                 "desk/wire-1.x.json", "desk/agency-2.x.json", "desk/export.jsonl")
    assert result.exit_code == 2, result.output  # line 3 of the export is broken
    found = findings(result.stdout)
    texts = set()
    for finding in found:
        lines = (newsroom.parent / finding["path"]).read_bytes().decode("utf-8").split("\n")
        at = lines[finding["line"] - 1][finding["column"] - 1:]
        texts.add((finding["path"].split("/")[-1], finding["rule"], finding["line"], at[:12]))
    assert ("wire-1.x.json", "quote-marks", 13, '\\"mutig\\".</') in texts  # straight quotes, escaped
    assert ("wire-1.x.json", "quote-marks", 13, "\\u201eWir ha") in texts  # „ written as an escape
    assert ("wire-1.x.json", "date-consistency", 13, "Mittwoch, 20") in texts
    assert ("agency-2.x.json", "quote-attribution", 19, "„Abseits der") in texts
    assert ("agency-2.x.json", "date-consistency", 19, "Freitag, 9. ") in texts
    assert ("export.jsonl", "quote-marks", 2, "„Wir brauche") in texts  # a record's line
    assert ("export.jsonl", "quote-marks", 1, "\\u00abMit zw") in texts  # «…»: not the house style
    errors = json.loads(result.stdout)["errors"]
    assert errors == [{"path": "desk/export.jsonl",
                       "message": "line 3: invalid JSON: Unterminated string starting at (column 65)"}]


def test_start_and_end_slice_the_file_at_the_flagged_text(newsroom):
    from newslint.engine.runner import Engine, RunOptions

    engine = Engine(RunOptions(select=("date-consistency", "quote-marks")))
    for name in SAMPLES:
        result = engine.check(f"desk/{name}")
        data = (newsroom / name).read_text(encoding="utf-8")
        assert result.text == data
        for diagnostic in result.diagnostics:
            line_start = sum(len(line) + 1 for line in data.split("\n")[:diagnostic.line - 1])
            assert diagnostic.start == line_start + diagnostic.column - 1
            written = data[diagnostic.start:diagnostic.end]
            if diagnostic.rule == "date-consistency":
                assert written in ("Mittwoch", "Freitag")
            assert diagnostic.fix is None  # never applied in a JSON file


def test_a_walk_passes_over_json_that_is_no_article_and_names_the_broken_file(newsroom):
    result = run("check", "--no-cache", "desk")
    assert result.exit_code == 2
    assert "package.json" not in result.output
    assert "newslint: desk/broken.json: invalid JSON: Expecting ':' delimiter (line 3, column 15)" in result.stderr
    assert "newslint: desk/export.jsonl: line 3: invalid JSON" in result.stderr
    assert "desk/agency-2.x.json:19:253: quote-attribution" in result.stdout
    assert "desk/export.jsonl:2:172: quote-marks" in result.stdout
    told = run("check", "--no-cache", "-v", "desk")
    assert "desk/package.json" in told.stderr and "not a ninjs document" in told.stderr
    named = run("check", "--no-cache", "desk/package.json")
    assert named.exit_code == 2
    assert "desk/package.json: not a ninjs document" in named.stderr


def test_fix_never_writes_a_json_file(newsroom):
    before = {path.name: path.read_bytes() for path in newsroom.iterdir()}
    result = run("check", "--no-cache", "--fix", "--unsafe-fixes", "desk")
    assert result.exit_code == 2  # the broken files
    assert {path.name: path.read_bytes() for path in newsroom.iterdir()} == before
    assert "No fixes to apply." in run("check", "--no-cache", "--diff", "desk/wire-1.x.json").stderr


def test_hostile_files_are_each_an_error_and_the_others_are_checked(newsroom):
    (newsroom / "deep.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    (newsroom / "huge.json").write_text('{"headline": "T", "body_text": "' + "x" * 3000 + '"}', encoding="utf-8")
    (newsroom / "newslint.toml").write_text("max-file-size = 2048\n", encoding="utf-8")
    result = run("check", "--no-cache", "desk/deep.json", "desk/huge.json", "desk/agency-2.x.json")
    assert result.exit_code == 2
    assert "desk/deep.json: JSON nested too deeply (more than 100 levels)" in result.stderr
    assert "desk/huge.json: file is 3034 bytes, larger than the limit of 2048 bytes" in result.stderr
    assert "desk/agency-2.x.json:19:253: quote-attribution" in result.stdout
    assert "Traceback" not in result.output


def test_quotes_lists_the_quotes_of_each_record(newsroom):
    result = run("quotes", "--format", "json", "desk/export.jsonl")
    assert result.exit_code == 2  # the broken line
    listed = json.loads(result.stdout)
    quotes = {(entry["line"], entry["text"][:10]) for entry in listed["quotes"]}
    assert {(1, "Mit zwei S"), (5, "Eine Einig")} <= quotes
    assert "line 3: invalid JSON" in result.stderr


def test_a_report_may_be_written_among_json_articles_but_never_over_one(newsroom):
    report = run("check", "--no-cache", "--format", "json", "-o", "desk/report.json", "desk")
    assert report.exit_code == 2 and (newsroom / "report.json").is_file()
    again = run("check", "--no-cache", "--format", "json", "-o", "desk/report.json", "desk")
    assert again.exit_code == 2 and "would be checked" not in again.stderr
    before = (newsroom / "wire-1.x.json").read_bytes()
    over = run("check", "--no-cache", "--format", "json", "-o", "desk/wire-1.x.json", "desk")
    assert over.exit_code == 2 and "desk/wire-1.x.json: would be checked as an input" in over.stderr
    assert (newsroom / "wire-1.x.json").read_bytes() == before


def test_the_byline_and_located_fields_make_no_finding(newsroom):
    result = run("check", "--no-cache", "--format", "json", "--ignore", "grammar",
                 "desk/wire-1.x.json", "desk/agency-2.x.json")
    rules = sorted((f["path"].split("/")[-1], f["rule"]) for f in findings(result.stdout))
    assert rules == [("agency-2.x.json", "date-consistency"), ("agency-2.x.json", "quote-attribution"),
                     ("wire-1.x.json", "date-consistency"), ("wire-1.x.json", "quote-marks"),
                     ("wire-1.x.json", "quote-marks")]  # no credit-line, dateline or spelling finding


def test_check_reads_simple_records_of_id_title_text_and_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("e.jsonl").write_text(
        '{"id": "a1", "title": "Regierung tagt", "text": "Berlin (dpa) – Die Regierung tagte am Montag.", '
        '"date": "2024-06-17"}\n'
        '{"id": "a2", "title": "Kabinett", "text": "Berlin – Er sagte: \\"Wir tagen.\\" (dpa)"}\n'
        '{"id": "a3", "title": "Leer", "text": ""}\n', encoding="utf-8")
    result = run("check", "--no-cache", "--format", "json", "--select", "quote-marks", "e.jsonl")
    assert result.exit_code == 2, result.output  # the record without a text
    report = json.loads(result.stdout)
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [("quote-marks", 2, 63)]
    assert Path("e.jsonl").read_text(encoding="utf-8").split("\n")[1][62:64] == '\\"'
    assert report["errors"] == [{"path": "e.jsonl", "message": "line 3 (id a3): no body (field 'text')"}]
