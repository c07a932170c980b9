"""`newslint audit`: JSON Lines records, tasks, the map/reduce Summary, the report and the command
(in this process and on a local process pool; the Dask runs are in test_audit_dask.py)."""

import datetime as dt
import json
import os

import pytest
from audit_archive import EXPECTED_RULES, EXPECTED_SUMMARY, FIELDS, write_archive
from click.testing import CliRunner
from fake_reports import use_fake_rules
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from newslint.audit import audit
from newslint.audit.inputs import FileBatch, LineRange, Unreadable, plan, read_lines
from newslint.audit.records import RecordError, field_names, paragraphs, parse_record
from newslint.audit.summary import EXAMPLES, Summary, merge
from newslint.audit.work import Settings
from newslint.cli import main
from newslint.engine.finding import Diagnostic
from newslint.engine.runner import RunOptions

# -- records --------------------------------------------------------------------------------


def test_record_becomes_a_plain_text_article():
    record = parse_record(json.dumps({
        "id": 4711, "headline": " Kabinett beschließt Haushalt ", "teaser": "Die Einigung kam\nspät.",
        "body": "Berlin – Das Kabinett hat\nden Haushalt beschlossen.\n\nDie Opposition kritisiert ihn.",
        "date": "2024-06-21T18:30:00+02:00", "author": "Anna Berg", "lang": "de",
    }).encode())
    assert record.text == ("Kabinett beschließt Haushalt\nDie Einigung kam spät.\n"
                           "Berlin – Das Kabinett hat den Haushalt beschlossen.\n"
                           "Die Opposition kritisiert ihn.\n")
    assert record.published == dt.date(2024, 6, 21)
    assert record.authors == ("Anna Berg",)
    assert (record.lang, record.id) == ("de", "4711")


@pytest.mark.parametrize("body, expected", [
    ("Eins.\nZwei.\nDrei.", ["Eins.", "Zwei.", "Drei."]),  # no blank lines: a paragraph per line
    ("Eins,\numbrochen.\n\n\nZwei.", ["Eins, umbrochen.", "Zwei."]),
    ("  Eins.\r\n\r\nZwei.  ", ["Eins.", "Zwei."]),
])
def test_body_paragraphs(body, expected):
    assert paragraphs(body) == expected


def test_configured_and_nested_field_names():
    fields = field_names(["headline=title", "author=meta.byline", "date=published_at"])
    record = parse_record(json.dumps({
        "title": "Titel", "body": "Text.", "published_at": "2023-01-02",
        "meta": {"byline": ["Anna Berg", "Ben Cohn", "Anna Berg"]},
    }).encode(), fields)
    assert record.text.startswith("Titel\nText.")
    assert record.published == dt.date(2023, 1, 2)
    assert record.authors == ("Anna Berg", "Ben Cohn")


@pytest.mark.parametrize("pairs, message", [
    (["headline"], "expected KEY=NAME"),
    (["titel=title"], "unknown key 'titel'"),
    (["body="], "expected KEY=NAME"),
])
def test_bad_field_mapping(pairs, message):
    with pytest.raises(ValueError) as raised:
        field_names(pairs)
    assert message in str(raised.value)


@pytest.mark.parametrize("line, message", [
    (b'{"headline": "Titel", "body": "Text."', "invalid JSON"),
    (b'["Titel", "Text."]', "expected a JSON object, found a list"),
    (b'{"headline": "Titel"}', "no body (field 'body' or 'text')"),
    (b'{"headline": "Titel", "body": "   "}', "no body"),
    (b'{"body": "Text."}', "no headline (field 'headline' or 'title')"),
    (b'{"headline": "Titel", "body": "Text.", "date": "21.06.2024"}', "is not a date"),
    (b'{"headline": "Titel", "body": "Text.", "date": "2024-02-30"}', "is not a date"),
    (b'{"headline": "Titel", "body": 42}', "field 'body' should be text, found a number"),
    (b'{"headline": "Titel", "body": "Text.", "author": [1]}', "field 'author' should be text"),
    (b'{"headline": "Titel", "body": "Text \xfc."}', "not valid UTF-8"),
])
def test_bad_records_say_why(line, message):
    with pytest.raises(RecordError) as raised:
        parse_record(line)
    assert message in str(raised.value)


# -- tasks ----------------------------------------------------------------------------------


def test_plan_cuts_exports_into_line_ranges_and_numbers_every_article(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text("".join(f'{{"n": {n}}}\n' for n in range(1, 6)), encoding="utf-8")
    (tmp_path / "desk").mkdir()
    for name in ("a.txt", "b.md", "c.txt"):
        (tmp_path / "desk" / name).write_text("Titel\nText.\n", encoding="utf-8")
    tasks = plan([str(export), str(tmp_path / "desk"), str(tmp_path / "fehlt.txt")], batch=2)
    assert [type(task) for task in tasks] == [LineRange] * 3 + [FileBatch] * 2 + [Unreadable]
    assert [task.seq for task in tasks] == [0, 2, 4, 5, 7, 8]
    assert [(task.first_line, task.size) for task in tasks[:3]] == [(1, 2), (3, 2), (5, 1)]
    lines = [(number, json.loads(line)["n"]) for task in tasks[:3] for number, line in read_lines(task)]
    assert lines == [(n, n) for n in range(1, 6)]
    assert [os.path.basename(p) for task in tasks[3:5] for p in task.paths] == ["a.txt", "b.md", "c.txt"]
    assert tasks[5].message == "no such file or directory"


def test_an_export_in_a_folder_is_read_as_an_export_and_once(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text("Titel\nText.\n", encoding="utf-8")
    export = tmp_path / "desk" / "export.jsonl"
    export.write_text('{"headline": "Titel", "body": "Text."}\n' * 3, encoding="utf-8")
    tasks = plan([str(tmp_path / "desk"), str(export)], batch=10)
    assert [type(task) for task in tasks] == [FileBatch, LineRange]
    assert [task.paths for task in tasks[:1]] == [(str(tmp_path / "desk" / "a.txt"),)]
    assert (tasks[1].path, tasks[1].size) == (str(export), 3)


def test_json_that_holds_no_article_is_passed_over_in_a_folder_and_an_error_when_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text("Titel\nBerlin – Ein Satz. (dpa)\n", encoding="utf-8")
    (tmp_path / "desk" / "manifest.json").write_text('{"name": "desk", "files": 2}\n', encoding="utf-8")
    walked = CliRunner().invoke(main, ["audit", "--format", "json", "desk"], catch_exceptions=False)
    assert walked.exit_code == 0, walked.output
    assert json.loads(walked.stdout)["summary"]["articles"] == 1
    assert "manifest.json" not in walked.output
    named = CliRunner().invoke(main, ["audit", "--format", "json", "desk/manifest.json", "desk"], catch_exceptions=False)
    assert named.exit_code == 2
    assert json.loads(named.stdout)["errors"][0]["location"] == "desk/manifest.json"


def test_a_record_is_audited_as_plain_text_in_its_export(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export.jsonl").write_text(
        '{"headline": "Titel", "body": "Berlin – Ein Satz. (dpa)\\n\\nZweiter Satz.", "date": "2024-06-03"}\n',
        encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", "--format", "json", "export.jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["articles"] == 1


# -- the Summary: map and reduce ------------------------------------------------------------

RULES = ("spelling", "dash", "credit")
article_model = st.tuples(
    st.sampled_from([None, dt.date(2024, 5, 2), dt.date(2024, 6, 9)]),
    st.lists(st.sampled_from(["Anna Berg", "Ben Cohn"]), max_size=2, unique=True),
    st.lists(st.sampled_from(RULES), max_size=3),
    st.dictionaries(st.sampled_from(["Pjöngjang", "Pjönjang", "Seoul"]), st.integers(1, 3), max_size=2),
    st.booleans(),  # an input that could not be audited
)


def _summary(articles, start=0):
    summary = Summary()
    for seq, (published, authors, rules, forms, broken) in enumerate(articles, start):
        if broken:
            summary.add_error(seq, f"a{seq}.txt", "empty file, no article to check")
            continue
        diagnostics = [Diagnostic(f"a{seq}.txt", rule, "warning", 1, n + 1, 1, n + 2, f"{rule}!", None, n, n + 1)
                       for n, rule in enumerate(rules)]
        summary.add_article(seq, f"a{seq}.txt", published, tuple(authors), diagnostics,
                            (forms, {}), lambda d: {"excerpt": "x"})
    return summary


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(article_model, max_size=40), st.data())
def test_merging_parts_in_any_order_gives_the_summary_of_the_whole(articles, data):
    whole = _summary(articles)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(articles)), max_size=5)))
    bounds = [0, *cuts, len(articles)]
    parts = [_summary(articles[a:b], a) for a, b in zip(bounds, bounds[1:])]
    shuffled = data.draw(st.permutations(parts))
    assert merge(*shuffled) == whole
    assert whole.articles + whole.errors == len(articles)
    assert sum(whole.findings.values()) == sum(len(a[2]) for a in articles if not a[4])
    assert len(whole.error_examples) == whole.errors  # every failed input is named


# -- the audit, in this process ----------------------------------------------------------------


@pytest.fixture
def archive(tmp_path, monkeypatch):
    use_fake_rules(monkeypatch)
    monkeypatch.chdir(tmp_path)
    return write_archive(tmp_path)


def settings_for_archive(batch=2):
    return Settings(RunOptions(), field_names(FIELDS), batch)


def test_audit_counts_rules_months_authors_and_errors(archive):
    report = audit(archive, settings_for_archive(), jobs=1)
    assert report["summary"] == EXPECTED_SUMMARY
    assert {row["rule"]: (row["findings"], row["articles"]) for row in report["rules"]} == EXPECTED_RULES
    assert report["rules"][0]["share"] == 0.5
    assert report["months"] == [
        {"month": "2024-06", "articles": 2, "findings": {"fake-credit": 1, "fake-dash": 1, "fake-spelling": 1}},
        {"month": "2024-07", "articles": 2, "findings": {"fake-dash": 1, "fake-spelling": 1}},
        {"month": "2024-08", "articles": 1, "findings": {}},
    ]
    authors = {row["author"]: (row["articles"], row["findings_per_article"]) for row in report["authors"]}
    assert authors == {"Anna Berg": (3, 1.0), "Ben Cohn": (3, 0.667)}


def test_bad_records_are_errors_naming_file_and_line(archive):
    report = audit(archive, settings_for_archive(), jobs=1)
    export = archive[1]
    assert [(e["location"], e["message"].split(" (")[0]) for e in report["errors"]] == [
        (f"{export}:2", "invalid JSON"),
        (f"{export}:4", "no body"),
        (f"{export}:5", "field 'date': \"16.07.2024\" is not a date"),
    ]


def test_findings_in_records_point_at_the_record(archive):
    report = audit(archive, settings_for_archive(), jobs=1)
    examples = report["examples"]["fake-spelling"]
    assert [(e["location"], e["line"], e["column"], e["excerpt"]) for e in examples] == [
        (os.path.join(archive[0], "2024-06-a.md"), 6, 1, "Pjönjang"),
        (os.path.join(archive[0], "notiz.txt"), 2, 1, "Pjönjang"),
        (f"{archive[1]}:1", 1, 1, "Pjönjang"),
    ]
    assert (examples[2]["id"], examples[2]["record"], examples[2]["block"]) == ("a-1", True, "headline")
    assert "id" not in examples[0] and "record" not in examples[0]


def test_names_spelled_two_ways_across_the_archive(archive):
    report = audit(archive, settings_for_archive(), jobs=1)
    groups = [g for g in report["variants"] if {"Pjönjang", "Pjöngjang"} <= {s["spelling"] for s in g["spellings"]}]
    assert len(groups) == 1, report["variants"]
    spellings = {s["spelling"]: (s["count"], s["examples"]) for s in groups[0]["spellings"]}
    assert spellings["Pjönjang"] == (3, [os.path.join(archive[0], "2024-06-a.md"),
                                         os.path.join(archive[0], "notiz.txt"), f"{archive[1]}:1"])
    assert spellings["Pjöngjang"] == (1, [os.path.join(archive[0], "2024-07-c.md")])
    articles = {s["spelling"]: s["articles"] for s in groups[0]["spellings"]}
    assert articles == {"Pjönjang": 3, "Pjöngjang": 1}


def test_transliteration_and_casing_variants_across_the_archive(tmp_path):
    """The archive groups what `check` groups in one article, with the articles of each spelling."""
    texts = {
        "a.txt": "Russland\nDmitri Medwedew droht. Medwedew sagte, man werde reagieren. (dpa)\n",
        "b.txt": "Russland\nMedwedew reist nach Minsk. (dpa)\n",
        "c.txt": "Russland\nMedvedev warnte den Westen. (AFP)\n",
        "d.txt": "Technik\nYouTube löscht Videos. (dpa)\n",
        "e.txt": "Technik\nYoutube sperrt Konten. (dpa)\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = audit([str(tmp_path)], Settings(RunOptions(select=("spelling-consistency",))), jobs=1)
    found = {frozenset(s["spelling"] for s in g["spellings"]): {s["spelling"]: (s["count"], s["articles"])
                                                               for s in g["spellings"]}
             for g in report["variants"]}
    assert found[frozenset({"Medwedew", "Medvedev"})] == {"Medwedew": (3, 2), "Medvedev": (1, 1)}
    assert found[frozenset({"YouTube", "Youtube"})] == {"YouTube": (1, 1), "Youtube": (1, 1)}
    groups = {g["name"]: g for g in report["variants"]}
    assert groups["YouTube"]["preferred"] == "YouTube" and groups["Medwedew"]["preferred"] == "Medwedew"


def test_deselecting_spelling_consistency_leaves_names_out(archive):
    report = audit(archive, Settings(RunOptions(select=("fake-dash",)), field_names(FIELDS)), jobs=1)
    assert report["variants"] == []
    assert [row["rule"] for row in report["rules"]] == ["fake-dash"]


def test_batches_do_not_change_the_report(archive):
    reports = [audit(archive, settings_for_archive(batch), jobs=1) for batch in (1, 3, 200)]
    assert reports[0] == reports[1] == reports[2]


def test_process_pool_gives_the_report_of_one_process(tmp_path, monkeypatch):
    """With the real rules: the pool's workers build their own engines."""
    paths = write_archive(tmp_path)
    one = audit(paths, settings_for_archive(), jobs=1)
    pool = audit(paths, settings_for_archive(), jobs=2)
    assert one["summary"]["articles"] == 6
    assert pool == one


# -- the command ----------------------------------------------------------------------------


def invoke(*args):
    return CliRunner().invoke(main, ["audit", *args], catch_exceptions=False)


def test_command_writes_json_and_exits_2_for_bad_records(archive, tmp_path):
    result = invoke(*archive, *(f"--field={pair}" for pair in FIELDS), "--jobs", "1")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["summary"] == EXPECTED_SUMMARY
    assert f"newslint: {archive[1]}:2: invalid JSON" in result.stderr
    assert "audited 6 articles" in result.stderr


def test_command_writes_the_dashboard_for_an_html_file(archive, tmp_path):
    result = invoke(archive[0], "-o", "audit.html", "-j", "1")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "audit.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="timeline"' in page


def test_every_input_that_could_not_be_audited_is_named_in_json_and_html(tmp_path, monkeypatch):
    use_fake_rules(monkeypatch)
    monkeypatch.chdir(tmp_path)
    lines = ['{"headline": "Titel", "body": "Text. (dpa)"}'] + ["kaputt"] * 25
    (tmp_path / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("export.jsonl", "--jobs", "1", "--batch", "4")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [error["location"] for error in report["errors"]] == [f"export.jsonl:{n}" for n in range(2, 27)]
    named = [line for line in result.stderr.splitlines() if "export.jsonl:" in line]
    assert len(named) == EXAMPLES  # stderr summarises
    assert "… and 15 more inputs that could not be audited (all are in the report)" in result.stderr
    invoke("export.jsonl", "--jobs", "1", "-o", "audit.html")
    page = (tmp_path / "audit.html").read_text(encoding="utf-8")
    listed = page.split('<ul id="errors">')[1].split("</ul>")[0]
    assert listed.count("<li>") == 25 and "export.jsonl:26" in listed


@pytest.mark.parametrize("args, message", [
    ((), "no paths given"),
    (("-",), "not standard input"),
    (("x.jsonl", "--field", "titel=title"), "unknown key 'titel'"),
    (("x.jsonl", "--select", "fake-spelin"), "did you mean 'fake-spelling'"),
])
def test_command_usage_errors(archive, args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_excerpts_of_an_article_read_out_of_xml_are_its_decoded_text(tmp_path):
    item = tmp_path / "item.xml"
    item.write_text('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>Gipfel in '
                    'Pj&#246;ngjang</headline></contentMeta><contentSet><inlineXML><html><body>\n'
                    '<p>Pjöngjang – In <em>Pj&#246;njang</em> trafen sich die beiden. (dpa)</p></body></html>'
                    '</inlineXML></contentSet></newsItem>', encoding="utf-8")
    report = audit([str(item)], Settings(RunOptions(ignore=("grammar",)), field_names(FIELDS), 2), jobs=1)
    (example,) = report["examples"]["spelling-consistency"]
    assert (example["line"], example["excerpt"], example["block"]) == (2, "Pjönjang", "paragraph")


def test_simple_records_of_title_and_text_are_read_without_field_names():
    record = parse_record(json.dumps({"id": "a1", "title": "Regierung tagt", "text": "Berlin – Sie tagte.\n\nLange.",
                                      "date": "2024-06-17"}).encode())
    assert record.text == "Regierung tagt\nBerlin – Sie tagte.\nLange.\n"
    assert (record.published, record.id) == (dt.date(2024, 6, 17), "a1")
    named = parse_record(b'{"title": "Titel", "headline": "Schlagzeile", "text": "T.", "body": "B."}')
    assert named.text == "Schlagzeile\nB.\n"  # the first name present: headline before title, body before text
    with pytest.raises(RecordError, match=r"no headline \(field 'title'\)"):
        parse_record(b'{"headline": "H", "body": "B."}', field_names(["headline=title"]))
