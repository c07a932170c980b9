"""A report or baseline never overwrites an article: an output path that is one of the inputs, or
that checking a directory of the inputs would find, is refused (exit 2) before anything is written."""

import os

import pytest
from click.testing import CliRunner
from newslint.cli import main

ARTICLE = "Titel\nEin Fehler im Text.\n"


@pytest.fixture
def folder(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "export.jsonl").write_text('{"headline": "Titel", "body": "Text."}\n', encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def contents(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("args, output", [
    (["check", "-o", "a.txt", "a.txt"], "a.txt"),
    (["check", "--output", "./sub/../a.txt", "sub", "a.txt"], "./sub/../a.txt"),
    (["check", "-o", "link.txt", "a.txt"], "link.txt"),  # the same file under another name
    (["check", "-o", "a.txt", "link.txt"], "a.txt"),
    (["check", "--write-baseline", "a.txt", "a.txt"], "a.txt"),
    (["check", "-o", "sub/b.txt", "sub"], "sub/b.txt"),  # found in a directory given
    (["check", "-o", "sub/deeper/c.md", "."], "sub/deeper/c.md"),
    (["check", "-o", "sub/deeper/new.md", "sub"], "sub/deeper/new.md"),  # would be found next time
    (["check", "--write-baseline", "sub/new.txt", "sub"], "sub/new.txt"),
    (["audit", "-o", "a.txt", "a.txt"], "a.txt"),
    (["audit", "-o", "export.jsonl", "export.jsonl", "sub"], "export.jsonl"),
    (["audit", "-o", "sub/b.txt", "sub"], "sub/b.txt"),
    (["audit", "-o", "sub/audit.html", "sub"], "sub/audit.html"),  # HTML is an article format
])
def test_an_output_that_is_an_input_is_refused(folder, args, output):
    before = contents(folder)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"newslint: {output}: ")
    assert "is one of the inputs" in result.stderr or "would be checked as an input" in result.stderr
    assert result.stderr.count("\n") == 1
    assert contents(folder) == before


@pytest.mark.parametrize("args, written", [
    (["check", "-o", "sub/report.json", "--format", "json", "sub"], "sub/report.json"),
    (["check", "-o", "report.txt", "sub"], "report.txt"),  # beside the inputs, not among them
    (["check", "-o", "sub/.reports/report.txt", "sub"], "sub/.reports/report.txt"),  # hidden: never found
    (["check", "--write-baseline", "sub/baseline.json", "sub"], "sub/baseline.json"),
    (["audit", "-o", "audit.html", "sub"], "audit.html"),
])
def test_an_output_beside_or_among_the_inputs_that_is_not_an_article_is_written(folder, args, written):
    (folder / "sub" / ".reports").mkdir()
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    assert (folder / written).is_file()
    assert (folder / "sub" / "b.txt").read_text(encoding="utf-8") == ARTICLE
