"""`newslint check` on NewsML-G2 and NITF files: findings placed in the file, comments that
suppress, other XML passed over, broken and hostile files each an error while the others are
checked, and `--fix` leaving XML alone."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from newslint.cli import main
from paths import DATA

NEWSROOM = DATA / "newsroom"
BOMB = ('<!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<nitf><body><body.content><p>&b;&b;&b;</p></body.content></body></nitf>")


def run(*args):
    return CliRunner().invoke(main, ["check", "--no-cache", "--ignore", "grammar", *args], catch_exceptions=False)


def test_findings_point_into_the_xml_file_and_comments_suppress(tmp_path):
    shutil.copy(NEWSROOM / "newsml_nitf.xml", tmp_path / "a.xml")
    text = (tmp_path / "a.xml").read_text(encoding="utf-8")
    result = run("--format", "json", str(tmp_path / "a.xml"))
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [f["rule"] for f in findings] == ["date-consistency", "quote-attribution"]
    lines = text.split("\n")
    for finding, flagged in zip(findings, ("Montag", "„Das ist zu teuer.“")):
        assert lines[finding["line"] - 1][finding["column"] - 1:].startswith(flagged)
        assert lines[finding["end_line"] - 1][:finding["end_column"] - 1].endswith(flagged)
    # the quote under `<!-- newslint: disable-next-line=quote-attribution -->` is not reported
    assert all("gewartet" not in f["message"] for f in findings)


def test_other_xml_is_passed_over_in_a_walk_and_an_error_when_named(tmp_path):
    shutil.copy(NEWSROOM / "article.nitf", tmp_path / "article.nitf")
    (tmp_path / "pom.xml").write_text('<project xmlns="http://maven.apache.org/POM/4.0.0"><x></project>',
                                      encoding="utf-8")
    walked = run(str(tmp_path))
    assert walked.exit_code == 0, walked.output
    assert "pom.xml" not in walked.output and "1 file checked" in walked.output
    told = run("-v", str(tmp_path))
    assert "pom.xml" in told.stderr and "not a NewsML-G2 or NITF document (its root element is <project>)" in told.stderr
    named = run(str(tmp_path / "pom.xml"))
    assert named.exit_code == 2
    assert f"{tmp_path / 'pom.xml'}: not a NewsML-G2 or NITF document" in named.stderr


def test_broken_and_hostile_files_are_errors_and_the_others_are_checked(tmp_path):
    shutil.copy(NEWSROOM / "newsml_nitf.xml", tmp_path / "good.xml")
    (tmp_path / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (tmp_path / "broken.nitf").write_text("<nitf>\n<body><p>offen</body>\n</nitf>", encoding="utf-8")
    (tmp_path / "latin1.xml").write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?><nitf><p>Müller</p></nitf>'
                                          .encode("latin-1"))
    result = run(*(str(tmp_path / name) for name in ("bomb.xml", "broken.nitf", "latin1.xml", "good.xml")))
    assert result.exit_code == 2
    assert f"{tmp_path / 'bomb.xml'}: XML refused: it declares an entity 'a'" in result.stderr
    assert f"{tmp_path / 'broken.nitf'}: malformed XML on line 2, column 17: mismatched tag" in result.stderr
    assert f"{tmp_path / 'latin1.xml'}: not valid UTF-8" in result.stderr
    assert "Traceback" not in result.output
    assert "good.xml:35:84: date-consistency" in result.stdout


def test_fix_never_touches_an_xml_file(tmp_path):
    article = tmp_path / "credit.xml"
    document = ("<nitf><body><body.head><hedline><hl1>Titel</hl1></hedline></body.head><body.content>"
                "<p>Köln – Der Rat tagte am Freitag.</p></body.content>"
                "<body.end><tagline>(DPA)</tagline></body.end></body></nitf>\n")
    article.write_text(document, encoding="utf-8")
    before = article.read_bytes()
    result = run("--fix", "--unsafe-fixes", str(article))
    assert article.read_bytes() == before
    assert result.exit_code == 1
    assert "credit.xml:1:" in result.stdout and "„DPA“: the agency writes itself „dpa“" in result.stdout
