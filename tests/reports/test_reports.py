"""Report formats for CI: SARIF (against the official schema), GitHub annotations, JUnit XML,
statistics and --output, each parsed back and compared with the findings."""

import json
import re
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from fake_reports import ARTICLE, check, use_fake_rules
from newslint.cli import main
from newslint.engine.finding import FileResult
from newslint.reports import FORMATS, render
from newslint.reports.github import escape_data, escape_property
from paths import DATA

SCHEMA = DATA / "sarif-schema-2.1.0.json"


@pytest.fixture
def rules(monkeypatch):
    return use_fake_rules(monkeypatch)


@pytest.fixture
def results(rules):
    found = check({"articles/nordkorea.txt": ARTICLE, "articles/sauber.txt": "Titel\nAlles gut. (dpa)\n"})
    found.append(FileResult("articles/kaputt.txt", error="not valid UTF-8 (byte 0xFC on line 2)"))
    return found


def all_diagnostics(results):
    return [d for result in results for d in result.diagnostics]


def test_fake_rules_find_what_the_reports_need(results):
    rules = [d.rule for d in all_diagnostics(results)]
    assert rules.count("fake-spelling") == 2 and "fake-credit" in rules and "fake-span" in rules
    assert rules.count("fake-dash") == 2


# -- SARIF --------------------------------------------------------------------------------------

def sarif(results):
    return json.loads(render("sarif", results))


def test_sarif_is_valid_against_the_official_schema(results):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(sarif(results)))
    assert errors == []


def test_sarif_results_match_the_findings(results):
    run = sarif(results)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    diagnostics = all_diagnostics(results)
    assert len(run["results"]) == len(diagnostics)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for entry, d in zip(run["results"], diagnostics):
        location = entry["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": d.path, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            d.line, d.column, d.end_line, d.end_column)
        assert entry["ruleId"] == d.rule and entry["level"] == levels[d.severity]
        assert entry["message"]["text"] == d.message
        assert run["tool"]["driver"]["rules"][entry["ruleIndex"]]["id"] == d.rule
        assert region["snippet"]["text"] == ARTICLE[d.start : d.end]
        if d.fix is None:
            assert "fixes" not in entry
        else:
            (fix,) = entry["fixes"]
            assert fix["properties"] == {"applicability": d.fix.applicability}
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"] == location["artifactLocation"]
            assert [(r["deletedRegion"], r["insertedContent"]["text"]) for r in change["replacements"]] == [
                ({"startLine": e.line, "startColumn": e.column, "endLine": e.end_line, "endColumn": e.end_column},
                 e.replacement) for e in d.fix.edits]
    assert {d.fix.applicability for d in diagnostics if d.fix} == {"safe", "unsafe"}
    assert not run["invocations"][0]["executionSuccessful"]
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"].startswith("not valid UTF-8")


def test_sarif_rules_come_from_the_rule_docs(rules, results):
    descriptors = {r["id"]: r for r in sarif(results)["runs"][0]["tool"]["driver"]["rules"]}
    assert list(descriptors) == [rule.id for rule in rules]
    for rule in rules:
        descriptor = descriptors[rule.id]
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["markdown"] == rule.doc.text
        assert descriptor["fullDescription"]["text"] == rule.doc.sections["What it does"]
    assert descriptors["fake-credit"]["defaultConfiguration"]["level"] == "note"


def test_sarif_columns_count_code_points_not_utf16_units(rules):
    text = "Titel 😀\n😀😀 Pjönjang meldet sich.\n"
    region = sarif(check({"emoji.txt": text}))["runs"][0]["results"][0]["locations"][0]
    region = region["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 4, 12)


def test_sarif_uris_are_escaped_and_absolute_paths_are_file_uris(rules, tmp_path):
    text = "Titel\nPjönjang meldet sich.\n"
    absolute = str(tmp_path / "Über uns.txt")
    results = check({"Aus der Welt/Übersicht #1.txt": text, absolute: text})
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif(results)["runs"][0]["results"]]
    uris = [uri for number, uri in enumerate(uris) if uri not in uris[:number]]
    assert len(uris) == 2
    assert uris[0] == {"uri": "Aus%20der%20Welt/%C3%9Cbersicht%20%231.txt", "uriBaseId": "%SRCROOT%"}
    assert uris[1]["uri"].startswith("file:///") and uris[1]["uri"].endswith("/%C3%9Cber%20uns.txt")


def fingerprints_of(text, rules_path="a.txt"):
    return [r["partialFingerprints"]["newslint/v1"] for r in sarif(check({rules_path: text}))["runs"][0]["results"]]


def test_sarif_fingerprints_survive_lines_inserted_above(rules):
    before = fingerprints_of(ARTICLE)
    headline, rest = ARTICLE.split("\n", 1)
    after = fingerprints_of(headline + "\nEin neuer Vorspann - eingefügt.\n\n" + rest)
    assert len(after) == len(before) + 1
    assert set(before) <= set(after)
    assert len(set(before)) == len(before), "fingerprints tell findings apart"


def test_sarif_fingerprints_change_with_the_flagged_passage(rules):
    before = fingerprints_of(ARTICLE)
    after = fingerprints_of(ARTICLE.replace("Pjönjang – Die Rakete", "Pjönjang – Eine Rakete"))
    assert len(set(before) - set(after)) == 1


# -- GitHub -------------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(value):
    return (value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n")
            .replace("%0D", "\r").replace("%25", "%"))


def parse_github(output):
    parsed = []
    for line in output.splitlines():
        kind, properties, message = COMMAND.match(line).groups()
        fields = dict(item.split("=", 1) for item in properties.split(","))
        parsed.append((kind, {k: unescape(v) for k, v in fields.items()}, unescape(message)))
    return parsed


def test_github_annotations_parse_back_to_the_findings(results):
    parsed = parse_github(render("github", results))
    diagnostics = all_diagnostics(results)
    assert len(parsed) == len(diagnostics) + 1
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for (kind, fields, message), d in zip(parsed, diagnostics):
        assert kind == kinds[d.severity]
        assert fields == {"file": d.path, "line": str(d.line), "col": str(d.column),
                          "endLine": str(d.end_line), "endColumn": str(d.end_column),
                          "title": f"newslint ({d.rule})"}
        if d.fix is None:
            assert message == d.message
        else:  # the fix's replacement is named after the message
            (edit,) = d.fix.edits
            assert message == f"{d.message} ({d.fix.applicability} fix: write „{edit.replacement}“)"
    assert {d.fix.applicability for d in diagnostics if d.fix} == {"safe", "unsafe"}
    assert parsed[-1] == ("error", {"file": "articles/kaputt.txt", "title": "newslint"},
                          "not valid UTF-8 (byte 0xFC on line 2)")


@pytest.mark.parametrize("value, data, prop", [
    ("100% sicher", "100%25 sicher", "100%25 sicher"),
    ("Zeile 1\nZeile 2\r\n", "Zeile 1%0AZeile 2%0D%0A", "Zeile 1%0AZeile 2%0D%0A"),
    ("Berlin, 12:30 Uhr", "Berlin, 12:30 Uhr", "Berlin%2C 12%3A30 Uhr"),
    ("%0A ist kein Umbruch", "%250A ist kein Umbruch", "%250A ist kein Umbruch"),
])
def test_github_escaping(value, data, prop):
    assert escape_data(value) == data
    assert escape_property(value) == prop
    assert unescape(prop) == value


def test_github_paths_with_commas_and_colons_stay_one_property(rules):
    results = check({"a, b: c.txt": "Titel\nPjönjang meldet sich. (dpa)\n"})
    [(kind, fields, message)] = parse_github(render("github", results))
    assert fields["file"] == "a, b: c.txt" and kind == "error"


# -- JUnit --------------------------------------------------------------------------------------

def test_junit_has_one_test_case_per_file_listing_the_findings(results):
    root = ET.fromstring(render("junit", results).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert list(cases) == [r.path for r in results]
    failure = cases["articles/nordkorea.txt"].find("failure")
    expected = [f"{d.path}:{d.line}:{d.column}: {d.rule} [{d.severity}] {d.message}"
                for d in results[0].diagnostics]
    assert failure.text.split("\n") == expected
    assert failure.get("message") == f"{len(expected)} findings"
    assert list(cases["articles/sauber.txt"]) == []
    assert cases["articles/kaputt.txt"].find("error").get("message").startswith("not valid UTF-8")


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold(rules):
    text = "Titel\nPjönjang <b>&amp;</b> \x0b „Zitat“ ]]> - Ende.\n"
    results = check({'a&b<"c>.txt': text})
    root = ET.fromstring(render("junit", results).encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.get("name") == 'a&b<"c>.txt'
    assert len(case.find("failure").text.split("\n")) == len(results[0].diagnostics)


# -- statistics and --output --------------------------------------------------------------------

@pytest.fixture
def run(rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "nordkorea.txt").write_text(ARTICLE, encoding="utf-8")

    def invoke(*args):
        return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)

    return invoke


def test_statistics_count_findings_per_rule(run, rules):
    result = run("--statistics", "articles")
    assert result.exit_code == 1
    rows = [line.split(None, 3) for line in result.output.splitlines()]
    summaries = {rule.id: rule.summary for rule in rules}
    assert [(int(n), rule, severity, summary) for n, rule, severity, summary in rows] == [
        (2, "fake-dash", "warning", summaries["fake-dash"]),
        (2, "fake-spelling", "error", summaries["fake-spelling"]),
        (1, "fake-credit", "info", summaries["fake-credit"]),
        (1, "fake-span", "warning", summaries["fake-span"]),
    ]
    as_json = json.loads(run("--statistics", "--format", "json", "articles").output)
    assert [(row["rule"], row["count"]) for row in as_json] == [(row[1], int(row[0])) for row in rows]
    assert run("--statistics", "--format", "sarif", "articles").exit_code == 2


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_format_can_be_written_to_a_file(run, tmp_path, format_name):
    to_stdout = run("--format", format_name, "articles")
    result = run("--format", format_name, "--output", "out/report", "articles")
    assert (tmp_path / "out").exists() is False and result.exit_code == 2  # no such directory
    result = run("--format", format_name, "--output", "report.out", "articles")
    assert result.exit_code == 1 and result.output == ""
    written = (tmp_path / "report.out").read_text(encoding="utf-8")
    assert written == to_stdout.output and "Pj" in written


def test_html_report_of_standard_input_shows_the_article(rules, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "html", "-o", "r.html", "-"],
                                input="Titel\nPjönjang <meldet> sich.\n", catch_exceptions=False)
    assert result.exit_code == 1
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "standard input" in page and "&lt;meldet&gt; sich." in page and "<meldet>" not in page


# -- terminal escape sequences from articles ------------------------------------------------------

# OSC (set the window title, or an OSC 8 hyperlink), CSI (colour, clear the screen), a backspace
# that hides what comes before it, a bell, C1 controls (8-bit CSI) and a right-to-left override
HOSTILE_CONTROLS = "\x1b]0;pwned\x07 \x1b[2J\x1b[31mrot\x1b[0m ab\x08\x08xy \x9b31m \x85 \u202egnirts \x7f"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_terminal_controls_from_articles_are_shown_escaped_in_text_and_github_output():
    from newslint.engine.finding import Diagnostic

    path = "articles/\x1b[31mrot.txt"
    finding = Diagnostic(path, "quote-marks", "warning", 2, 1, 2, 9, f"„{HOSTILE_CONTROLS}\x00“ is not closed",
                         HOSTILE_CONTROLS, 6, 14)
    results = [FileResult(path, [finding], None, None),
               FileResult("b.txt", error=f"front matter, line 2: bad value {HOSTILE_CONTROLS}")]
    for name in ("text", "github"):
        report = render(name, results)
        assert not CONTROL.search(report), (name, report)
        assert "\\x1b]0;pwned\\x07" in report and "\\x08\\x08xy" in report and "\\u202egnirts" in report, name
        assert "\\x1b[31mrot.txt" in report, name
    text = render("text", results).splitlines()
    assert len(text) == 2  # one line per finding, and the summary


def test_terminal_controls_in_quotes_are_shown_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(f"Titel\nBerlin – „Ein Satz {HOSTILE_CONTROLS} hier.“, sagte er. (dpa)\n",
                                    encoding="utf-8")
    for args in ((), ("--all",)):
        result = CliRunner().invoke(main, ["quotes", *args, "a.txt"])
        assert result.exit_code == 0, result.output
        assert not CONTROL.search(result.stdout), result.stdout
        assert "\\x1b]0;pwned\\x07" in result.stdout


def test_terminal_controls_in_error_messages_on_stderr_are_shown_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "kaputt\x1b]0;pwned\x07.md"
    (tmp_path / name).write_text(f"---\ntitle: [{HOSTILE_CONTROLS}\n---\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", name])
    assert result.exit_code == 2
    assert not CONTROL.search(result.stderr), result.stderr
    assert "kaputt\\x1b]0;pwned\\x07.md" in result.stderr


@pytest.mark.parametrize("format_name", ["text", "json", "github"])
def test_streaming_formats_write_each_file_as_it_comes(rules, format_name):
    import io

    from newslint.reports import STREAMING, write

    assert format_name in STREAMING
    out = io.StringIO()
    files = {f"a{n}.txt": f"Titel\nPjönjang {n} meldet sich - heute.\n" for n in range(3)}
    checked = check(files)

    def results():
        for number, result in enumerate(checked):
            if number:  # the file before is in the report already
                assert f"a{number - 1}.txt" in out.getvalue(), out.getvalue()
            yield result

    write(format_name, results(), out)
    assert out.getvalue() == render(format_name, checked)


def test_a_replacement_in_quotation_marks_is_not_quoted_again():
    from newslint.reports import quoted
    from newslint.reports.github import fix_note
    from newslint.engine.finding import Fix, PlacedEdit

    assert quoted("Pjöngjang") == "„Pjöngjang“"
    assert quoted("„Wir sind bereit.“") == "„Wir sind bereit.“"
    assert quoted("„") == "„" and quoted("“") == "“"

    class Finding:
        fix = Fix.safe(PlacedEdit(30, 31, "„", 2, 31, 2, 32), PlacedEdit(40, 41, "“", 2, 41, 2, 42))

    assert fix_note(Finding()) == " (safe fix: write „ at 2:31, “ at 2:41)"

    class Removal:
        fix = Fix.unsafe(PlacedEdit(30, 42, "", 2, 31, 2, 43))

    assert fix_note(Removal()) == " (unsafe fix: remove it)"
