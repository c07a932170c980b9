"""`newslint check` on HTML articles and on files of unknown types."""

from __future__ import annotations

from click.testing import CliRunner
from newslint.cli import main

PAGE = """<html><body><main>
<h1>Brücke eröffnet</h1>
<p>Köln – Der Bürgermeister eröffnete die Brücke. „Das ist ein großer Tag, sagte er.</p>
<!-- newslint: disable=quote-marks -->
<p>Er sagte: „Wir feiern.</p>
<p>(dpa)</p>
</main></body></html>
"""


def run(*args):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def test_findings_in_html_point_at_the_file_and_comments_suppress(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(PAGE, encoding="utf-8")
    result = run(str(page))
    assert result.exit_code == 1, result.output
    findings = [line for line in result.stdout.splitlines() if "quote-marks" in line]
    line, column = (int(n) for n in findings[0].split(":")[1:3])
    assert PAGE.split("\n")[line - 1][column - 1] == "„"
    assert (line, column) == (3, 51)
    assert len(findings) == 1  # the one on line 5 is suppressed


def test_a_directory_takes_html_and_an_unknown_type_named_is_an_error(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run(str(tmp_path))
    assert "a.html" in result.stdout and "notes.pdf" not in result.output
    result = run(str(tmp_path / "notes.pdf"), str(tmp_path / "a.html"))
    assert result.exit_code == 2
    assert f"newslint: {tmp_path / 'notes.pdf'}: unknown file type '.pdf'" in result.stderr
    assert "a.html:3:51: quote-marks" in result.stdout


def test_the_cache_keeps_the_findings_of_one_text_in_two_formats_apart(tmp_path):
    cache = tmp_path / "cache"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.html").write_text(PAGE, encoding="utf-8")
    (articles / "b.txt").write_text(PAGE, encoding="utf-8")  # the same text, read as plain text
    uncached = run("--no-cache", "--format", "json", str(articles / "b.txt")).stdout
    run("--cache-dir", str(cache), str(articles / "a.html"))
    cached = run("--cache-dir", str(cache), "--format", "json", str(articles / "b.txt")).stdout
    assert cached == uncached
    assert "a.html" not in cached


def test_a_page_without_prose_is_passed_over_in_a_walk_and_an_error_when_named(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    menu = tmp_path / "menu.html"
    menu.write_text("<html><body><nav><a href='/'>Start</a></nav><div>Impressum</div></body></html>", encoding="utf-8")
    walked = run(str(tmp_path))
    assert walked.exit_code == 1 and "menu.html" not in walked.stdout + walked.stderr
    assert "a.html:3:51: quote-marks" in walked.stdout
    told = run("-v", str(tmp_path))
    assert "menu.html" in told.stderr and "no headline or paragraph" in told.stderr
    named = run(str(menu))
    assert named.exit_code == 2
    assert f"{menu}: no headline or paragraph (<h1>, <p>) in this page" in named.stderr
    quotes = CliRunner().invoke(main, ["quotes", str(tmp_path)], catch_exceptions=False)
    assert quotes.exit_code == 0 and "menu.html" not in quotes.output
