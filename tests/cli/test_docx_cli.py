"""`newslint check` on Word documents: findings placed by paragraph and character, never a byte
written, bad documents an error of their own, the cache and the reports."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess

import pytest

from click.testing import CliRunner
from newslint.cli import main
from word_documents import article_document, docx, saved

RULES = "dateline,date-consistency,quote-attribution,credit-line,quote-marks,spelling-consistency"


def run(*args, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["check", "--select", RULES, *args], input=stdin, catch_exceptions=False)


def write(path, document) -> bytes:
    data = saved(document)
    path.write_bytes(data)
    return data


def test_findings_are_placed_by_paragraph_and_character(tmp_path):
    data = write(tmp_path / "artikel.docx", article_document())
    result = run("--format", "json", "--no-cache", str(tmp_path / "artikel.docx"))
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    paragraphs = [p.text.replace("\n", " ") for p in docx.Document(io.BytesIO(data)).paragraphs]
    found = {d["rule"]: d for d in report["findings"]}
    assert set(found) == {"dateline", "date-consistency", "quote-attribution"}
    for finding in report["findings"]:
        line = paragraphs[finding["line"] - 1]
        assert finding["end_line"] == finding["line"]
        assert line[finding["column"] - 1 : finding["end_column"] - 1], finding
    quote = found["quote-attribution"]
    assert paragraphs[quote["line"] - 1][quote["column"] - 1 :].startswith("„Wir sind sehr zufrieden.“")
    assert "fix" not in found["dateline"] and found["dateline"]["suggestion"] == "Köln (dpa) – "


def test_fix_and_diff_never_touch_a_docx(tmp_path):
    path = tmp_path / "artikel.docx"
    data = write(path, article_document())
    before = os.stat(path)
    for options in (["--fix"], ["--fix", "--unsafe-fixes"]):
        result = run(*options, str(path))
        assert result.exit_code == 1, result.output
        assert "dateline" in result.stdout and "Fixed" not in result.stdout
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before.st_mtime_ns
    result = run("--diff", "--unsafe-fixes", str(path))
    assert result.exit_code == 0 and result.stdout == "" and "No fixes to apply" in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["artikel.docx"]  # no temporary file left either


def test_standard_input_comes_back_unchanged(tmp_path):
    data = saved(article_document())
    result = CliRunner().invoke(main, ["check", "--select", RULES, "--fix", "--stdin-filename", "a.docx", "-"],
                                input=data, catch_exceptions=False)
    assert result.stdout_bytes == data
    assert "a.docx:4:1: dateline" in result.stderr  # the report goes to standard error, named by --stdin-filename


def test_bad_documents_are_errors_and_the_others_are_checked(tmp_path):
    write(tmp_path / "gut.docx", article_document())
    (tmp_path / "kaputt.docx").write_bytes(b"kein zip")
    empty = docx.Document()
    empty.add_paragraph("")
    write(tmp_path / "vorlage.docx", empty)
    result = run("--no-cache", str(tmp_path))  # the walk: the empty template is passed over
    assert result.exit_code == 2
    assert "kaputt.docx: not a .docx document (not a zip file)" in result.stderr
    assert "vorlage.docx" not in result.output
    assert "gut.docx:4:1: dateline" in result.stdout
    named = run("--no-cache", str(tmp_path / "vorlage.docx"), str(tmp_path / "gut.docx"))
    assert named.exit_code == 2 and "vorlage.docx: no text in the document's body" in named.stderr
    assert "gut.docx:4:1: dateline" in named.stdout


def test_over_the_size_limit_is_an_error(tmp_path):
    write(tmp_path / "artikel.docx", article_document())
    (tmp_path / "newslint.toml").write_text("max-file-size = 20000\n", encoding="utf-8")
    result = run("--no-cache", str(tmp_path / "artikel.docx"))
    assert result.exit_code == 2 and "larger than the limit of 20000 bytes" in result.stderr
    size = len((tmp_path / "artikel.docx").read_bytes())
    (tmp_path / "newslint.toml").write_text(f"max-file-size = {size + 100}\n", encoding="utf-8")
    result = run("--no-cache", str(tmp_path / "artikel.docx"))  # the file fits, what it unpacks to not
    assert result.exit_code == 2 and "the document unpacks to" in result.stderr


def test_a_changed_document_is_checked_again_with_the_cache(tmp_path):
    """The cache keys a .docx by its bytes: a change of style alone (same text) is seen."""
    path = tmp_path / "artikel.docx"

    def document(style: str):
        made = docx.Document()
        made.add_heading("Regierung beschließt Reform", 0)
        made.add_paragraph("Berlin (dpa) - Die Regierung hat eine Reform beschlossen.", style=style)
        made.add_paragraph("Sie gilt ab Januar.")
        return made

    cache = ["--cache-dir", str(tmp_path / "cache")]
    write(path, document("Normal"))
    assert "artikel.docx:2:1: dateline" in run(*cache, str(path)).stdout
    assert "artikel.docx:2:1: dateline" in run(*cache, str(path)).stdout  # from the cache
    write(path, document("Heading 2"))  # now a subheading: no dateline there
    assert "dateline" not in run(*cache, str(path)).stdout


def test_reports_show_the_text_made_from_the_document(tmp_path):
    write(tmp_path / "artikel.docx", article_document())
    for cached in ([], ["--cache-dir", str(tmp_path / "cache")], ["--cache-dir", str(tmp_path / "cache")]):
        report = tmp_path / "report.html"
        result = run(*cached, "--format", "html", "--output", str(report), str(tmp_path / "artikel.docx"))
        assert result.exit_code == 1, result.output
        page = report.read_text(encoding="utf-8")
        assert "Oberbürgermeisterin Müller" in page and "PK" not in page
        assert "positions are paragraph:character" in page
        sarif = json.loads(run(*cached, "--format", "sarif", str(tmp_path / "artikel.docx")).stdout)
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
        assert any(region.get("snippet", {}).get("text", "").startswith("Köln (dpa) -") for region in regions)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_changed_document_counts_as_changed_whole_since_a_commit(tmp_path, monkeypatch):
    """git cannot say which paragraphs of a .docx changed: all of them count."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "Test")
    write(tmp_path / "alt.docx", article_document())
    write(tmp_path / "neu.docx", article_document())
    git("add", ".")
    git("commit", "-q", "-m", "first")
    changed = article_document()
    changed.add_paragraph("Ein neuer letzter Satz.")
    write(tmp_path / "neu.docx", changed)
    result = run("--no-cache", "--changed-since", "HEAD", "alt.docx", "neu.docx")
    assert "neu.docx:4:1: dateline" in result.stdout and "alt.docx" not in result.stdout


def test_a_baseline_fingerprints_the_text_made_from_the_document(tmp_path):
    write(tmp_path / "artikel.docx", article_document())
    baseline = tmp_path / "baseline.json"
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert run(*cache, "--write-baseline", str(baseline), str(tmp_path / "artikel.docx")).exit_code == 0
    recorded = {f["rule"]: f["text"] for f in json.loads(baseline.read_text(encoding="utf-8"))["findings"]}
    assert recorded["dateline"] == "Köln (dpa) - "  # the text made from the document, not its bytes
    for _ in range(2):  # checked, then from the cache
        result = run(*cache, "--baseline", str(baseline), str(tmp_path / "artikel.docx"))
        assert result.exit_code == 0 and "dateline" not in result.stdout, result.output
    changed = article_document()
    changed.add_paragraph("„Noch ein Zitat ohne Sprecher.“")
    write(tmp_path / "artikel.docx", changed)
    result = run(*cache, "--baseline", str(baseline), str(tmp_path / "artikel.docx"))
    assert result.exit_code == 1 and "quote-attribution" in result.stdout and "dateline" not in result.stdout


def test_standard_input_over_the_size_limit_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    result = run("--stdin-filename", "a.docx", "-", stdin=saved(article_document()))
    assert result.exit_code == 2 and "input is larger than the limit of 1000 bytes" in result.stderr
