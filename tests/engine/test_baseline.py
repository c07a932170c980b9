"""Baselines: recorded findings stay quiet when lines move; new ones are reported."""

import json

import pytest
from click.testing import CliRunner
from fake_reports import ARTICLE, check, use_fake_rules
from newslint.cli import main
from newslint.engine import baseline


@pytest.fixture(autouse=True)
def rules(monkeypatch):
    return use_fake_rules(monkeypatch)


def record(tmp_path, files):
    path = tmp_path / "baseline.json"
    baseline.write(str(path), check(files))
    return baseline.load(str(path))


def new(files, recorded):
    return [(d.path, d.line, d.rule) for r in baseline.new_findings(check(files), recorded) for d in r.diagnostics]


def insert_after_headline(text, lines):
    headline, rest = text.split("\n", 1)
    return headline + "\n" + lines + rest


def test_nothing_is_new_in_the_recorded_state(tmp_path):
    recorded = record(tmp_path, {"a.txt": ARTICLE})
    assert sum(recorded.values()) == len(check({"a.txt": ARTICLE})[0].diagnostics) == 6
    assert new({"a.txt": ARTICLE}, recorded) == []


@pytest.mark.parametrize("inserted", [
    "Ein ganz neuer Absatz.\n\n",
    "\n\n\n",
    "Pjöngjang – Zwei Zeilen.\nUnd noch eine.\n",
])
def test_lines_inserted_above_do_not_make_findings_new(tmp_path, inserted):
    recorded = record(tmp_path, {"a.txt": ARTICLE})
    moved = insert_after_headline(ARTICLE, inserted)
    lines_before = [d.line for d in check({"a.txt": ARTICLE})[0].diagnostics]
    lines_after = [d.line for d in check({"a.txt": moved})[0].diagnostics]
    assert lines_after != lines_before  # the findings did move
    assert new({"a.txt": moved}, recorded) == []


def test_a_new_finding_is_reported_even_next_to_old_ones(tmp_path):
    recorded = record(tmp_path, {"a.txt": ARTICLE})
    edited = insert_after_headline(ARTICLE, "Pjönjang hat einen neuen Sprecher - sagt Seoul.\n")
    assert new({"a.txt": edited}, recorded) == [("a.txt", 2, "fake-spelling"), ("a.txt", 2, "fake-dash")]


def test_rewording_the_flagged_passage_makes_it_new(tmp_path):
    recorded = record(tmp_path, {"a.txt": ARTICLE})
    edited = ARTICLE.replace("Pjönjang – Die Rakete", "Pjönjang – Eine Rakete")
    assert new({"a.txt": edited}, recorded) == [("a.txt", 4, "fake-spelling")]


def test_duplicates_are_counted(tmp_path):
    line = "Pjönjang – Neue Meldung.\n"
    text = "Titel\n" + line + "Zwischenzeile (dpa)\n" + line
    recorded = record(tmp_path, {"a.txt": text})
    assert new({"a.txt": text}, recorded) == []
    tripled = text + "Zwischenzeile\n" + line
    assert new({"a.txt": tripled}, recorded) == [("a.txt", 6, "fake-spelling")]


def test_the_same_finding_in_another_file_is_new(tmp_path):
    recorded = record(tmp_path, {"a.txt": ARTICLE})
    assert len(new({"b.txt": ARTICLE}, recorded)) == 6
    assert new({"./a.txt": ARTICLE}, recorded) == []  # the same path, written differently


def test_the_baseline_file_is_readable_and_sorted(tmp_path):
    record(tmp_path, {"b.txt": ARTICLE, "a.txt": "Titel\nPjönjang. (dpa)\n"})
    document = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert document["newslint-baseline"] == 1
    keys = [(entry["path"], entry["rule"], entry["fingerprint"]) for entry in document["findings"]]
    assert keys == sorted(keys)
    assert document["findings"][0] == {"path": "a.txt", "rule": "fake-spelling",
                                       "fingerprint": document["findings"][0]["fingerprint"],
                                       "text": "Pjönjang", "count": 1}


@pytest.mark.parametrize("content, message", [
    (None, "no such baseline file"),
    ("{not json", "cannot read the baseline"),
    ('{"findings": []}', "not a newslint baseline"),
    ('{"newslint-baseline": 1, "findings": [{"path": "a.txt"}]}', "broken baseline entry"),
])
def test_bad_baseline_files_are_named(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match=message):
        baseline.load(str(path))


def test_command_line_adoption_on_an_old_archive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "alt.txt").write_text(ARTICLE, encoding="utf-8")

    def run(*args):
        return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)

    written = run("--write-baseline", "newslint-baseline.json", "archive")
    assert written.exit_code == 0
    assert "recorded 6 findings in newslint-baseline.json" in written.stderr
    assert run("archive").exit_code == 1
    quiet = run("--baseline", "newslint-baseline.json", "--format", "json", "archive")
    assert quiet.exit_code == 0 and json.loads(quiet.output)["findings"] == []

    (archive / "alt.txt").write_text(insert_after_headline(ARTICLE, "Neu - und falsch.\n"), encoding="utf-8")
    found = run("--baseline", "newslint-baseline.json", "--format", "json", "archive")
    assert found.exit_code == 1
    assert [(f["line"], f["rule"]) for f in json.loads(found.output)["findings"]] == [(2, "fake-dash")]

    missing = run("--baseline", "nowhere.json", "archive")
    assert missing.exit_code == 2 and "nowhere.json: no such baseline file" in missing.stderr
    both = run("--baseline", "newslint-baseline.json", "--write-baseline", "b.json", "archive")
    assert both.exit_code == 2 and "cannot be combined" in both.stderr
