"""`newslint quotes`: each quote with its speaker, as text and JSON."""

import json
import os

from click.testing import CliRunner
from newslint.cli import main
from paths import SEEDS

SAMPLE = os.path.join(SEEDS, "000_2f1474f60fdc96d6.txt")
ARTICLE = (
    "Titel\nBerlin – Ein Bericht.\n"
    "„Wir kommen“, sagte Anna Berger am Montag. Die Opposition sprach von „Wortbruch“.\n"
    "„Das wird teuer.“ Die Sonde „Cassini“ fliegt.\n"
)


def run(*args):
    return CliRunner().invoke(main, ["quotes", *args])


def test_text_lists_each_quote_with_its_speaker(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"{path}:3:1: direct „Wir kommen“ — Anna Berger (after, 3:21)"
    assert lines[1] == f"{path}:3:70: partial „Wortbruch“ — Die Opposition (sentence, 3:44)"
    assert lines[2] == f"{path}:4:1: direct „Das wird teuer.“ — no speaker"
    assert lines[3] == "3 quotes (2 direct, 1 of them without a speaker) in 1 file."


def test_all_lists_titles_and_names_too(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("--all", str(path))
    assert any("other „Cassini“ — no speaker" in line for line in result.output.splitlines())


def test_json_has_positions_speakers_and_a_summary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("--format", "json", str(path))
    assert result.exit_code == 0
    document = json.loads(result.output)
    first = document["quotes"][0]
    assert first == {
        "path": str(path), "line": 3, "column": 1, "end_line": 3, "end_column": 13,
        "kind": "direct", "text": "Wir kommen",
        "speaker": {"text": "Anna Berger", "line": 3, "column": 21, "end_line": 3, "end_column": 32},
        "attribution": "after",
    }
    assert document["quotes"][2]["speaker"] is None
    assert document["summary"] == {"files": 1, "quotes": 3, "direct": 2, "direct_without_speaker": 1}
    assert document["errors"] == []


def test_the_sample_article_attributes_every_quote():
    document = json.loads(run("--format", "json", SAMPLE).output)
    speakers = [(q["kind"], q["speaker"]["text"] if q["speaker"] else None) for q in document["quotes"]]
    assert speakers == [
        ("direct", "der Sprecher des US-Außenministeriums, Matthew Miller"),
        ("direct", "US-Ministeriumssprecher Miller"),
        ("partial", "Putin"),
        ("partial", "das US-Außenministerium"),
        ("partial", "der Erklärung"),
    ]


def test_a_missing_file_is_an_error_and_the_others_are_listed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["quotes", "--format", "json", str(path), "missing.txt"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 1
    assert document["errors"] == [{"path": "missing.txt", "message": "no such file or directory"}]
    assert "missing.txt" in result.stderr


def test_no_paths_is_a_usage_error():
    assert run().exit_code == 2


def test_the_dateline_place_is_never_shown_as_speaker(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Minister weist Vorwürfe zurück\nBerlin (dpa/AFP) – Der Minister nannte die Vorwürfe „völlig haltlos“.\n",
        encoding="utf-8",
    )
    result = run("--format", "json", str(path))
    assert result.exit_code == 0
    (quote,) = json.loads(result.output)["quotes"]
    assert quote["speaker"]["text"] == "Der Minister"
    assert (quote["speaker"]["line"], quote["speaker"]["column"]) == (2, 20)


def test_a_headline_quote_without_a_verb_of_saying_has_no_speaker(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "„Wir schaffen das“ – zehn Jahre danach\nBerlin – Vor zehn Jahren öffnete Deutschland seine Grenzen.\n",
        encoding="utf-8",
    )
    result = run("--all", "--format", "json", str(path))
    assert result.exit_code == 0
    assert [q["speaker"] for q in json.loads(result.output)["quotes"]] == [None]
