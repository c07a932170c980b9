"""`newslint check --fix`, `--unsafe-fixes` and `--diff` with the real rules: what is written,
what is left alone byte for byte, standard input, baselines and suppressions, reports."""

import codecs
import json
import os
import stat

import pytest
from click.testing import CliRunner
from newslint.cli import main
from newslint.engine.runner import Engine

ARTICLE = ('Gipfel in China\nPeking - Auch Beijing verfolge die Gespräche, sagte der Sprecher am Mittwoch '
           '(20. Juni). Der Verband sieht "eine echte Chance". (DPA)\n')
SAFE = ('Gipfel in China\nPeking – Auch Peking verfolge die Gespräche, sagte der Sprecher am Mittwoch '
        '(20. Juni). Der Verband sieht „eine echte Chance“. (dpa)\n')
UNSAFE = SAFE.replace("Mittwoch", "Donnerstag")
CLEAN = "Gipfel in China\nPeking – Die Gespräche gehen weiter. (dpa)\n"

MARKDOWN = """---
title: Gipfel in "China"
date: 2024-06-21
author: Jana Beispiel
---

# Gipfel in China

<!-- Notiz: "Beijing" bleibt hier stehen -->

Peking - Auch **Beijing** verfolge die Gespräche, sagte der Sprecher am Mittwoch (20. Juni).
Der Verband sieht "eine echte Chance" in `"Beijing"` und [Beijing](https://example.org/"Beijing").

<!-- newslint: disable-next-line=spelling-consistency -->
Ein Beijing hier bleibt, wie es ist. (DPA)
"""


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))

    def invoke(*args, input=None):
        return CliRunner().invoke(main, ["check", "--ignore", "grammar", "--published", "2024-06-21", *args],
                                  input=input, catch_exceptions=False)

    return invoke


def article(tmp_path, name="a.txt", content=ARTICLE):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# -- --fix ----------------------------------------------------------------------------------------

def test_fix_writes_the_safe_fixes_and_reports_the_rest(run, tmp_path):
    path = article(tmp_path)
    result = run("--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == SAFE
    assert result.exit_code == 1  # the unsafe one remains
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a.txt:2:68: date-consistency [warning] [~] 20 June 2024")
    assert lines[1:] == ["Fixed 4 findings in 1 file.",
                         "Found 1 finding (1 warning) in 1 of 1 file checked.",
                         "[~] 1 fixable with --fix --unsafe-fixes."]


def test_unsafe_fixes_too(run, tmp_path):
    path = article(tmp_path)
    result = run("--fix", "--unsafe-fixes", "a.txt")
    assert path.read_text(encoding="utf-8") == UNSAFE
    assert result.exit_code == 0
    assert result.stdout == "Fixed 5 findings in 1 file.\nNo findings; 1 file checked.\n"


def test_a_second_fix_changes_nothing(run, tmp_path):
    path = article(tmp_path)
    run("--fix", "--unsafe-fixes", "a.txt")
    fixed = path.read_bytes()
    modified = path.stat().st_mtime_ns
    result = run("--fix", "--unsafe-fixes", "a.txt")
    assert path.read_bytes() == fixed and path.stat().st_mtime_ns == modified  # not even rewritten
    assert result.exit_code == 0 and "Fixed" not in result.stdout


def test_text_output_marks_fixable_findings_and_counts_them(run, tmp_path):
    article(tmp_path)
    result = run("a.txt")
    marks = [line.split("[warning] ")[1][:3] for line in result.stdout.splitlines()[:5]]
    assert marks == ["[*]", "[*]", "[~]", "[*]", "[*]"]
    assert result.stdout.splitlines()[-1] == "[*] 4 fixable with --fix; [~] 1 more with --fix --unsafe-fixes."


def test_markdown_front_matter_and_markup_stay_as_they_are(run, tmp_path):
    path = article(tmp_path, "b.md", MARKDOWN)
    result = run("--fix", "b.md")
    expected = (MARKDOWN
                .replace("Peking - Auch **Beijing**", "Peking – Auch **Peking**")
                .replace('sieht "eine echte Chance"', "sieht „eine echte Chance“")
                .replace("und [Beijing](", "und [Peking](")
                .replace("(DPA)", "(dpa)"))
    assert path.read_text(encoding="utf-8") == expected
    # the title's quotation marks are in the front matter: reported, not fixed
    assert "b.md:2:18: quote-marks [warning] straight quotation marks" in result.stdout
    assert "Fixed 5 findings in 1 file." in result.stdout


def test_a_suppressed_finding_is_not_fixed(run, tmp_path):
    path = article(tmp_path, "b.md", MARKDOWN)
    run("--fix", "b.md")
    assert "Ein Beijing hier bleibt" in path.read_text(encoding="utf-8")


def test_findings_in_the_baseline_are_not_fixed(run, tmp_path):
    body, credit = ARTICLE[: -len(" (DPA)\n")] + "\n", "(DPA)\n"  # the credit line on its own line
    path = article(tmp_path, content=body + credit)
    assert run("--write-baseline", "baseline.json", "a.txt").exit_code == 0
    path.write_text(body + 'Beobachter in Beijing sprachen von "Fortschritt".\n' + credit, encoding="utf-8")
    result = run("--fix", "--unsafe-fixes", "--baseline", "baseline.json", "a.txt")
    assert path.read_text(encoding="utf-8") == body + "Beobachter in Peking sprachen von „Fortschritt“.\n" + credit
    assert result.exit_code == 0 and "Fixed 2 findings in 1 file." in result.stdout


def test_crlf_byte_order_mark_and_no_final_newline_are_kept(run, tmp_path):
    data = codecs.BOM_UTF8 + ARTICLE.rstrip("\n").replace("\n", "\r\n").encode("utf-8")
    path = article(tmp_path, content=data)
    run("--fix", "a.txt")
    assert path.read_bytes() == codecs.BOM_UTF8 + SAFE.rstrip("\n").replace("\n", "\r\n").encode("utf-8")


def test_permissions_are_kept(run, tmp_path):
    path = article(tmp_path)
    path.chmod(0o640)
    run("--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == SAFE
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_file_changed_while_it_is_fixed_is_left_alone(run, tmp_path, monkeypatch):
    path = article(tmp_path)
    original = Engine.check_text
    calls = []

    def check_and_edit(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:  # the first check of the fixing: the editor saves meanwhile
            path.write_text(ARTICLE + "Ein neuer Absatz der Redakteurin.\n", encoding="utf-8")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "check_text", check_and_edit)
    result = run("--no-cache", "--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == ARTICLE + "Ein neuer Absatz der Redakteurin.\n"
    assert result.exit_code == 2
    assert "newslint: a.txt: changed on disk while it was being fixed; left as it is, run again" in result.stderr
    assert "Fixed" not in result.stdout and "[*] 4 fixable with --fix" in result.stdout


def test_an_unreadable_file_is_reported_and_the_others_fixed(run, tmp_path):
    article(tmp_path)
    article(tmp_path, "kaputt.txt", b"Titel\n\xfc\n")
    result = run("--fix", "a.txt", "kaputt.txt")
    assert result.exit_code == 2 and "newslint: kaputt.txt: not valid UTF-8" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == SAFE


def test_a_file_that_cannot_be_written_is_still_counted_as_checked(run, tmp_path, monkeypatch):
    from newslint.engine import fixes

    def refuse(path, original, text):
        raise PermissionError(13, "the file is read-only")

    article(tmp_path)
    monkeypatch.setattr(fixes, "write_file", refuse)
    result = run("--fix", "a.txt")
    assert result.exit_code == 2
    assert "newslint: a.txt: cannot write the fixes (the file is read-only); left as it is" in result.stderr
    assert "in 1 of 1 file checked." in result.stdout, result.stdout


def test_the_cache_carries_the_fixes(run, tmp_path):
    path = article(tmp_path)
    run("a.txt")  # fills the cache
    assert os.listdir(tmp_path / "cache")
    run("--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == SAFE


# -- --diff ---------------------------------------------------------------------------------------

def test_diff_shows_the_change_and_writes_nothing(run, tmp_path):
    path = article(tmp_path)
    result = run("--diff", "a.txt")
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert result.exit_code == 1
    assert result.stdout == f"--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n Gipfel in China\n-{ARTICLE.splitlines()[1]}\n+{SAFE.splitlines()[1]}\n"
    assert "Would fix 4 findings in 1 file; 1 more with --unsafe-fixes." in result.stderr
    unsafe = run("--diff", "--unsafe-fixes", "a.txt")
    assert f"+{UNSAFE.splitlines()[1]}\n" in unsafe.stdout and "Would fix 5 findings in 1 file." in unsafe.stderr


def test_diff_without_a_change_exits_0(run, tmp_path):
    article(tmp_path, content=CLEAN)
    result = run("--diff", "a.txt")
    assert result.exit_code == 0 and result.stdout == "" and "No fixes to apply." in result.stderr


def test_diff_then_fix_give_the_same_result(run, tmp_path):
    article(tmp_path, "b.md", MARKDOWN)
    diff = run("--diff", "b.md").stdout
    run("--fix", "b.md")
    fixed = (tmp_path / "b.md").read_text(encoding="utf-8")
    for line in diff.splitlines():
        if line.startswith("+") and not line.startswith("+++"):
            assert line[1:] in fixed.splitlines()


# -- standard input -------------------------------------------------------------------------------

def test_fix_on_standard_input_prints_the_fixed_article(run):
    result = run("--fix", "-", input=ARTICLE.encode("utf-8"))
    assert result.stdout_bytes == SAFE.encode("utf-8")
    assert "-:2:68: date-consistency" in result.stderr and "Fixed 4 findings in 1 file." in result.stderr
    assert result.exit_code == 1


def test_standard_input_keeps_its_byte_order_mark_and_line_endings(run):
    data = codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    result = run("--fix", "-", input=data)
    assert result.stdout_bytes == codecs.BOM_UTF8 + SAFE.replace("\n", "\r\n").encode("utf-8")


def test_standard_input_with_nothing_to_fix_comes_back_unchanged(run):
    result = run("--fix", "--stdin-filename", "a.txt", "-", input=CLEAN.encode("utf-8"))
    assert result.stdout_bytes == CLEAN.encode("utf-8") and result.exit_code == 0


def test_standard_input_that_cannot_be_checked_comes_back_as_it_was(run):
    result = run("--fix", "-", input=b"Titel\n\xfc\n")
    assert result.stdout_bytes == b"Titel\n\xfc\n"
    assert result.exit_code == 2 and "not valid UTF-8" in result.stderr


def test_diff_on_standard_input(run):
    result = run("--diff", "-", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 1 and result.stdout.startswith("--- -\n+++ -\n")
    named = run("--diff", "--stdin-filename", "site/a.txt", "-", input=ARTICLE.encode("utf-8"))
    assert named.exit_code == 1 and named.stdout.startswith("--- site/a.txt\n+++ site/a.txt\n")


# -- machine formats ------------------------------------------------------------------------------

def test_json_carries_each_fix_as_the_contract_says(run, tmp_path):
    article(tmp_path)
    document = json.loads(run("--format", "json", "a.txt").stdout)
    by_rule = {finding["rule"]: finding for finding in document["findings"]}
    assert by_rule["spelling-consistency"]["fix"] == {"applicability": "safe", "edits": [
        {"line": 2, "column": 15, "end_line": 2, "end_column": 22, "replacement": "Peking"}]}
    assert by_rule["date-consistency"]["fix"]["applicability"] == "unsafe"
    assert by_rule["quote-marks"]["fix"]["edits"] == [
        {"line": 2, "column": 108, "end_line": 2, "end_column": 109, "replacement": "„"},
        {"line": 2, "column": 126, "end_line": 2, "end_column": 127, "replacement": "“"}]
    assert "summary" in document and "fixed" not in document["summary"]
    missing = json.loads(run("--format", "json", "-", input="Titel\nBerlin – Ohne Quelle.\n").stdout)
    assert "fix" not in missing["findings"][0]  # a missing credit line has no fix


def test_json_after_fix_says_how_many_were_fixed(run, tmp_path):
    article(tmp_path)
    document = json.loads(run("--fix", "--format", "json", "a.txt").stdout)
    assert document["summary"] == {"files": 1, "findings": 1, "fixed": 4}


# -- options that do not go together --------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--unsafe-fixes"], "--unsafe-fixes applies with --fix or --diff"),
    (["--diff", "--format", "json"], "--diff prints a unified diff"),
    (["--diff", "--statistics"], "--diff prints a unified diff"),
    (["--fix", "--write-baseline", "b.json"], "--write-baseline records findings"),
])
def test_options_that_do_not_go_together(run, tmp_path, args, message):
    path = article(tmp_path)
    result = run(*args, "a.txt")
    assert result.exit_code == 2 and message in result.stderr
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_sarif_carries_the_fixes_and_is_valid(run, tmp_path):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    from paths import DATA

    article(tmp_path)
    sarif = json.loads(run("--format", "sarif", "a.txt").stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(sarif)) == []
    findings = json.loads(run("--format", "json", "a.txt").stdout)["findings"]
    results = sarif["runs"][0]["results"]
    assert len(results) == len(findings)
    for result, finding in zip(results, findings):
        (fix,) = result["fixes"]  # every finding of this article has one
        assert fix["properties"]["applicability"] == finding["fix"]["applicability"]
        replacements = fix["artifactChanges"][0]["replacements"]
        assert [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"], r["deletedRegion"]["endColumn"],
                 r["insertedContent"]["text"]) for r in replacements] == [
            (e["line"], e["column"], e["end_column"], e["replacement"]) for e in finding["fix"]["edits"]]
