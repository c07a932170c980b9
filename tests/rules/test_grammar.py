"""The grammar rule, against a stand-in LanguageTool server on 127.0.0.1 (tests/fake_languagetool.py).

The stand-in answers from tests/data/languagetool/responses.json; a last test runs against a real
LanguageTool when NEWSLINT_LANGUAGETOOL_URL is set.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import FAKE_RULE
from fake_languagetool import FakeLanguageTool
from newslint.cli import main
from newslint.engine import registry
from newslint.engine.config import build_config
from newslint.engine.registry import rules_by_id
from newslint.engine.runner import Engine, RunOptions
from newslint.engine.testing import findings, fixed_text
from newslint.languagetool import cache as grammar_cache
from newslint.languagetool import location as languagetool_location
from newslint.languagetool import service as languagetool
from paths import ROOT

SAMPLE = (ROOT / "seeds" / "000_2f1474f60fdc96d6.txt").read_text(encoding="utf-8")
GRAMMAR = rules_by_id()["grammar"]
REAL_SERVER = os.environ.get(languagetool_location.ENV_URL)

DOUBLED = "Die Pressekonferenz findet findet am Freitag in Hanoi statt."
WEEKDAY = "Donnerstag, den 27.06.2017 wurde das Abkommen in Hanoi unterzeichnet."
QUOTES = 'Er sagte: "Wir kommen wieder."'
EMOJI = "Der Sprecher antwortete mit 👍 und nannte ein Paar Details."


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """No real server, no local LanguageTool, caches under tmp_path; every test starts afresh."""
    monkeypatch.delenv(languagetool_location.ENV_URL, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    grammar_cache.default_path.cache_clear()
    languagetool.close_all()
    yield
    languagetool.close_all()


@pytest.fixture
def fake():
    with FakeLanguageTool() as server:
        yield server


def grammar(text, server, tmp_path, path="article.txt", **options):
    options.setdefault("cache", str(tmp_path / "grammar.sqlite3"))
    return findings(text, rule="grammar", path=path, server=server.url, **options)


def spans(text, found):
    return [text[d.start : d.end] for d in found]


# -- mapping LanguageTool's matches to findings -----------------------------------------------


def test_sample_article_findings_point_at_the_words(fake, tmp_path):
    found = grammar(SAMPLE, fake, tmp_path)
    assert spans(SAMPLE, found) == ["Pjönjang", "mit eigenen Angaben zufolge"]
    assert [(d.line, d.column, d.rule, d.severity) for d in found] == [
        (3, 1, "grammar", "warning"), (3, 249, "grammar", "warning")]
    speller, zufolge = found
    assert speller.suggestion == "Pjöngjang"
    assert speller.message == (
        "Möglicher Tippfehler gefunden. — write „Pjöngjang“ [GERMAN_SPELLER_RULE, Mögliche Tippfehler]")
    assert zufolge.suggestion == "eigenen Angaben zufolge mit"
    assert zufolge.message.endswith("[MIT_ZUFOLGE, Grammatik]")
    assert "— write" not in zufolge.message  # the replacement is already quoted in the message


def test_only_prose_blocks_are_sent_one_paragraph_apart(fake, tmp_path):
    grammar(SAMPLE, fake, tmp_path)
    (sent,) = fake.checks
    paragraphs = sent["text"].split("\n\n")
    assert paragraphs[0] == SAMPLE.split("\n")[0]
    assert paragraphs == [line for line in SAMPLE.split("\n") if line.strip()]
    assert sent["language"] == "de-DE"


MARKDOWN = """---
title: Pressekonferenz in Hanoi
date: 2024-06-21
author: Redaktion
---

Die Pressekonferenz **findet findet** am Freitag in [Hanoi](https://example.org/hanoi) statt.

<!-- Notiz: Termin bestätigt -->
Der Sprecher antwortete mit 👍 und nannte ein Paar Details.
"""


def test_markdown_positions_count_front_matter_and_markup(fake, tmp_path):
    found = grammar(MARKDOWN, fake, tmp_path, path="article.md")
    assert spans(MARKDOWN, found) == ["findet findet", "ein Paar"]
    assert [(d.line, d.column, d.end_line, d.end_column) for d in found] == [(7, 23, 7, 36), (10, 42, 10, 50)]
    sent = fake.checks[0]["text"]
    assert sent.split("\n\n") == ["Pressekonferenz in Hanoi", DOUBLED, EMOJI]
    for markup in ("**", "https://", "date:", "Redaktion", "Notiz", "<!--"):
        assert markup not in sent


@pytest.mark.parametrize("paragraph, expected", [
    (EMOJI, ["ein Paar"]),  # 👍 is two UTF-16 code units for LanguageTool, one character here
    ("🎉🎉 Ein Absatz ohne Aufnahme, also ohne Befund.", []),
])
def test_offsets_after_characters_outside_the_basic_plane(fake, tmp_path, paragraph, expected):
    text = f"Titel 🎉\n{paragraph}\n"
    assert spans(text, grammar(text, fake, tmp_path)) == expected


def test_documented_examples_against_the_stand_in(fake, tmp_path):
    for example in GRAMMAR.doc.examples("Example"):
        assert grammar(example.text, fake, tmp_path), "the documented example gives no finding"
    for example in GRAMMAR.doc.examples("Use instead"):
        assert not grammar(example.text, fake, tmp_path), "the documented fix gives findings"


# -- rules that are off, and the options -------------------------------------------------------


def test_the_spelling_rule_passes_over_terms_the_house_vocabulary_accepts(fake, tmp_path):
    vocabulary = tmp_path / "styles" / "config" / "vocabularies" / "House"
    vocabulary.mkdir(parents=True)
    (vocabulary / "accept.txt").write_text("Pjönjang\nAngaben\n", encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text(f'styles-path = "styles"\nvocab = ["House"]\nselect = ["grammar"]\n'
                      f'[grammar]\nserver = "{fake.url}"\ncache = "{tmp_path / "g.sqlite3"}"\n', encoding="utf-8")
    engine = Engine(RunOptions(config_file=str(config)))
    result = engine.check_text("article.txt", SAMPLE, engine.config_for("article.txt"))
    # the speller's „Pjönjang“ is accepted; the grammar rule's match holds an accepted word, but
    # only spelling rules pass over accepted terms
    assert spans(SAMPLE, result.diagnostics) == ["mit eigenen Angaben zufolge"]


@pytest.mark.parametrize("text", [WEEKDAY, QUOTES])
def test_weekday_and_quotation_mark_rules_are_off_by_default(fake, tmp_path, text):
    assert grammar("Titel\n" + text, fake, tmp_path) == []
    disabled = fake.checks[0]["disabledRules"].split(",")
    assert {"DATUM_WOCHENTAG", "DE_DATE_WEEKDAY_CURRENTYEAR", "TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN",
            "DE_UNPAIRED_QUOTES"} <= set(disabled)


def test_enabled_rules_turn_a_default_off_rule_back_on(fake, tmp_path):
    text = "Titel\n" + WEEKDAY
    found = grammar(text, fake, tmp_path, enabled_rules=["DATUM_WOCHENTAG"])
    assert spans(text, found) == ["Donnerstag, den 27.06.2017"]
    assert found[0].suggestion is None
    form = fake.checks[0]
    assert "DATUM_WOCHENTAG" not in form["disabledRules"].split(",")
    assert form["enabledRules"] == "DATUM_WOCHENTAG"


@pytest.mark.parametrize("options, expected", [
    ({}, ["Pjönjang", "mit eigenen Angaben zufolge"]),
    ({"disabled_categories": ["TYPOS"]}, ["mit eigenen Angaben zufolge"]),
    ({"disabled_rules": ["MIT_ZUFOLGE"]}, ["Pjönjang"]),
    ({"disabled_rules": ["MIT_ZUFOLGE"], "disabled_categories": ["TYPOS"]}, []),
])
def test_disabled_rules_and_categories(fake, tmp_path, options, expected):
    assert spans(SAMPLE, grammar(SAMPLE, fake, tmp_path, **options)) == expected


def test_picky_level_is_sent_and_cached_apart(fake, tmp_path):
    grammar(SAMPLE, fake, tmp_path)
    grammar(SAMPLE, fake, tmp_path, picky=True)
    assert [form.get("level") for form in fake.checks] == [None, "picky"]


@pytest.mark.parametrize("article, options, language", [
    ("Titel\nText.\n", {}, "de-DE"),
    ("---\nlang: de-AT\n---\n\nText.\n", {}, "de-AT"),
    ("---\nlang: de_ch\n---\n\nText.\n", {}, "de-CH"),
    ("Titel\nText.\n", {"language": "en-GB"}, "en-GB"),
])
def test_language_comes_from_the_article_or_the_option(fake, tmp_path, article, options, language):
    path = "article.md" if article.startswith("---") else "article.txt"
    grammar(article, fake, tmp_path, path=path, **options)
    assert fake.checks[0]["language"] == language


def test_a_language_the_server_does_not_know_is_an_error_of_the_file(fake, tmp_path):
    with pytest.raises(AssertionError, match="does not support the language 'xx'"):
        grammar("Titel\nText.\n", fake, tmp_path, language="xx")


def test_an_unsupported_language_fails_only_its_own_article(with_fake_word, fake, tmp_path):
    config = build_config({"grammar": {"server": fake.url, "cache": str(tmp_path / "g.sqlite3")}}, rules_by_id())
    engine = Engine(RunOptions())
    unknown = engine.check_text("a.md", "---\nlang: xx\n---\n\nEin Fehler.\n", config)
    german = engine.check_text("b.txt", f"Titel\n{DOUBLED}\n", config)
    assert "does not support the language 'xx'" in unknown.error
    assert [d.rule for d in unknown.diagnostics] == ["fake-word"]
    assert german.error is None and [d.rule for d in german.diagnostics] == ["grammar"]


# -- the cache ---------------------------------------------------------------------------------


def articles(count):
    return [f"Meldung {n}\nHanoi – Absatz {n} mit Text.\n{DOUBLED}\nEin dritter Absatz, Nummer {n}.\n"
            for n in range(count)]


def test_second_run_sends_nothing_and_an_edit_sends_only_the_changed_paragraph(fake, tmp_path):
    texts = articles(5)
    first = [grammar(text, fake, tmp_path) for text in texts]
    assert len(fake.checks) == 5
    languagetool.close_all()  # as a new process would start
    second = [grammar(text, fake, tmp_path) for text in texts]
    assert len(fake.checks) == 5
    assert [spans(t, f) for t, f in zip(texts, second)] == [spans(t, f) for t, f in zip(texts, first)]
    assert all(spans(t, f) == ["findet findet"] for t, f in zip(texts, second))

    edited = texts[2].replace("Absatz 2 mit Text.", "Absatz 2 mit neuem Text.")
    grammar(edited, fake, tmp_path)
    assert len(fake.checks) == 6
    assert fake.checks[-1]["text"] == "Hanoi – Absatz 2 mit neuem Text."


def test_identical_paragraphs_are_sent_once(fake, tmp_path):
    text = f"Titel\n{DOUBLED}\n{DOUBLED}\n"
    found = grammar(text, fake, tmp_path)
    assert [d.line for d in found] == [2, 3]
    assert fake.checks[0]["text"].split("\n\n") == ["Titel", DOUBLED]


def test_the_cache_holds_no_article_text(fake, tmp_path):
    grammar(SAMPLE, fake, tmp_path)
    dump = "\n".join(sqlite3.connect(tmp_path / "grammar.sqlite3").iterdump())
    assert "Russlands Präsident" not in dump and "Pjöngjang" in dump


def test_a_corrupt_cache_file_is_replaced(fake, tmp_path):
    cache = tmp_path / "grammar.sqlite3"
    cache.write_bytes(b"this is not a database, just bytes\x00" * 100)
    assert spans(SAMPLE, grammar(SAMPLE, fake, tmp_path)) == ["Pjönjang", "mit eigenen Angaben zufolge"]
    languagetool.close_all()
    grammar(SAMPLE, fake, tmp_path)
    assert len(fake.checks) == 1  # the new file kept the findings
    assert sqlite3.connect(cache).execute("SELECT count(*) FROM results").fetchone()[0] > 0


def test_an_unwritable_cache_location_still_checks(fake, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    found = grammar(SAMPLE, fake, tmp_path, cache=str(blocker / "sub" / "grammar.sqlite3"))
    assert len(found) == 2


def test_the_default_cache_is_in_the_user_cache_directory(fake, tmp_path):
    findings(SAMPLE, rule="grammar", server=fake.url)
    assert (tmp_path / "xdg-cache" / "newslint" / "languagetool.sqlite3").is_file()


# -- batches and concurrency -------------------------------------------------------------------


def long_article(paragraphs):
    lines = [f"Absatz {n}: " + " ".join(["Die Regierung berät."] * 8) for n in range(paragraphs)]
    return "\n".join(["Titel", *lines, DOUBLED]) + "\n"


@pytest.mark.parametrize("concurrency", [1, 3])
def test_batches_stay_under_the_size_and_run_within_the_limit(tmp_path, concurrency):
    text = long_article(12)
    with FakeLanguageTool(delay=0.1) as server:
        found = grammar(text, server, tmp_path, batch_size=400, concurrency=concurrency)
        assert spans(text, found) == ["findet findet"]
        sent = [form["text"] for form in server.checks]
        assert len(sent) > concurrency
        assert all(len(batch) <= 400 for batch in sent)
        assert sorted("\n\n".join(sent).split("\n\n")) == sorted(line for line in text.split("\n") if line)
        assert server.most_at_once <= concurrency
        if concurrency > 1:
            assert server.most_at_once > 1


# -- failures ---------------------------------------------------------------------------------


@pytest.fixture
def with_fake_word(monkeypatch):
    """The registry: the test rule `fake-word` (flags „Fehler“) and grammar."""
    monkeypatch.setattr(registry, "all_rules", lambda: (FAKE_RULE, GRAMMAR))


def check_all(texts, server_url, tmp_path, **options):
    options = {"server": server_url, "cache": str(tmp_path / "grammar.sqlite3"), **options}
    config = build_config({"grammar": {k.replace("_", "-"): v for k, v in options.items()}}, rules_by_id())
    engine = Engine(RunOptions())
    return [engine.check_text(f"a{n}.txt", text, config) for n, text in enumerate(texts)]


def test_a_server_that_dies_mid_run(with_fake_word, tmp_path):
    texts = [f"Titel {n}\nEin Fehler in Absatz {n}.\n{DOUBLED}\n" for n in range(3)]
    with FakeLanguageTool(die_after=1) as server:
        results = check_all(texts, server.url, tmp_path)
    assert [sorted(d.rule for d in r.diagnostics) for r in results] == [
        ["fake-word", "grammar"], ["fake-word"], ["fake-word"]]
    assert results[0].error is None
    assert results[1].error.startswith("grammar: cannot reach LanguageTool at http://127.0.0.1:")
    assert "not asked again" in results[2].error


def test_a_server_that_times_out(with_fake_word, tmp_path):
    texts = [f"Titel {n}\nEin Fehler in Absatz {n}.\n" for n in range(2)]
    with FakeLanguageTool(delay=1.0) as server:
        results = check_all(texts, server.url, tmp_path, timeout=0.2)
        assert len(server.checks) == 1  # the second article did not wait again
    assert [[d.rule for d in r.diagnostics] for r in results] == [["fake-word"], ["fake-word"]]
    assert results[0].error.endswith("did not answer within 0.2 s")


@pytest.mark.parametrize("headers_too", [False, True])
def test_a_server_that_trickles_its_answer_is_cut_off_at_the_deadline(with_fake_word, tmp_path, headers_too):
    """A slow proxy: 100,000 bytes promised, 20 a second (83 minutes), each read well within the timeout."""
    texts = [f"Titel {n}\nEin Fehler in Absatz {n}.\n" for n in range(3)]
    with FakeLanguageTool(trickle=0.05, trickle_headers=headers_too) as server:
        started = time.monotonic()
        results = check_all(texts, server.url, tmp_path, timeout=1)
        elapsed = time.monotonic() - started
        assert len(server.checks) == 1  # the later articles did not wait again
    assert elapsed < 6, f"the run took {elapsed:.1f} s"
    assert [[d.rule for d in r.diagnostics] for r in results] == [["fake-word"]] * 3
    assert results[0].error.endswith("did not answer within 1 s")
    assert all("not asked again" in r.error for r in results[1:])


def test_the_run_has_a_grammar_budget(with_fake_word, tmp_path):
    """A server that answers each request within the timeout, but slowly: the run's time for
    grammar is bounded all the same."""
    texts = [f"Titel {n}\nEin Fehler in Absatz {n}.\n" for n in range(8)]
    with FakeLanguageTool(delay=0.5) as server:
        started = time.monotonic()
        results = check_all(texts, server.url, tmp_path, timeout=5, budget=1.2, concurrency=1)
        elapsed = time.monotonic() - started
    assert elapsed < 4, f"the run took {elapsed:.1f} s"
    assert [r.error for r in results[:2]] == [None, None]
    assert "used up the grammar budget of 1.2 s" in results[2].error
    assert all("not asked again" in r.error for r in results[3:])
    assert all([d.rule for d in r.diagnostics] == ["fake-word"] for r in results[2:])


def test_nothing_listening(with_fake_word, tmp_path):
    server = FakeLanguageTool().start()
    url = server.url
    server.stop()
    (result,) = check_all(["Titel\nEin Fehler.\n"], url, tmp_path)
    assert [d.rule for d in result.diagnostics] == ["fake-word"]
    assert "cannot reach LanguageTool" in result.error


def test_cached_articles_need_no_server(with_fake_word, tmp_path):
    text = "Titel\nEin Fehler hier.\n" + DOUBLED + "\n"
    with FakeLanguageTool() as server:
        url = server.url
        check_all([text], url, tmp_path)
    languagetool.close_all()
    (result,) = check_all([text], url, tmp_path)  # the server is gone
    assert result.error is None
    assert sorted(d.rule for d in result.diagnostics) == ["fake-word", "grammar"]


# -- where LanguageTool runs, and when it is not there -----------------------------------------


def test_unavailable_without_server_or_local_languagetool():
    reason = GRAMMAR.unavailable(GRAMMAR.options())
    assert "no LanguageTool server configured" in reason and languagetool_location.ENV_URL in reason


def test_available_with_a_server_option_or_the_environment(monkeypatch):
    assert GRAMMAR.unavailable(GRAMMAR.options(server="http://localhost:8081")) is None
    monkeypatch.setenv(languagetool_location.ENV_URL, "http://localhost:8081")
    assert GRAMMAR.unavailable(GRAMMAR.options()) is None


def test_the_environment_takes_precedence_over_the_option(monkeypatch):
    monkeypatch.setenv(languagetool_location.ENV_URL, "http://lt.example:8010")
    assert languagetool_location.server_url("http://localhost:8081") == "http://lt.example:8010"


def local_languagetool(tmp_path, monkeypatch, version="6.6"):
    folder = tmp_path / "ltp" / f"LanguageTool-{version}"
    folder.mkdir(parents=True)
    (folder / "languagetool-server.jar").write_bytes(b"PK")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))


def test_a_local_languagetool_is_found(tmp_path, monkeypatch):
    local_languagetool(tmp_path, monkeypatch, "6.4")
    local_languagetool(tmp_path, monkeypatch, "6.10")
    assert languagetool_location.local_version() == "6.10"
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert "Java is not installed" in languagetool_location.unavailable()


@pytest.mark.skipif(shutil.which("java") is None, reason="Java is not installed")
def test_a_local_languagetool_with_java_is_available(tmp_path, monkeypatch):
    pytest.importorskip("language_tool_python", reason="the grammar extra is not installed")
    local_languagetool(tmp_path, monkeypatch)
    assert languagetool_location.unavailable() is None


@pytest.mark.parametrize("lang, expected", [
    ("de", "de-DE"), ("DE", "de-DE"), ("de-at", "de-AT"), ("de_CH", "de-CH"), ("en", "en-US"),
    ("fr", "fr"), ("de-DE-x-simple-language", "de-DE-x-simple-language"),
])
def test_language_for(lang, expected):
    assert languagetool.language_for(lang) == expected


def test_the_engine_asks_the_hook_once_per_run(monkeypatch):
    calls = []

    def unavailable(options):
        calls.append(options)
        return "no service here"

    rule = dataclasses.replace(FAKE_RULE, unavailable=unavailable)
    monkeypatch.setattr(registry, "all_rules", lambda: (rule,))
    engine = Engine(RunOptions())
    config = engine.config_for("article.txt")
    results = [engine.check_text("a.txt", "Titel\nEin Fehler.\n", config) for _ in range(3)]
    assert [r.diagnostics for r in results] == [[], [], []]
    assert len(calls) == 1
    assert engine.skipped_rules() == [("fake-word", "no service here", False)]


# -- the command line -------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Titel {n}\nHanoi – Ein ruhiger Tag.\n", encoding="utf-8")

    def invoke(*args):
        return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)

    return invoke


def test_cli_skips_grammar_with_one_notice(cli):
    result = cli("--select", "grammar", "a0.txt", "a1.txt", "a2.txt")
    assert result.exit_code == 0
    notices = [line for line in result.stderr.splitlines() if "grammar" in line]
    assert len(notices) == 1
    assert notices[0].startswith("newslint: grammar skipped: no LanguageTool server configured")


def test_cli_says_nothing_when_grammar_is_not_selected(cli):
    result = cli("--ignore", "grammar", "--fail-on", "never", "a0.txt")
    assert result.exit_code == 0
    assert "grammar" not in result.stderr


@pytest.mark.parametrize("args", [["--require", "grammar"], ["--require", "dateline,grammar"],
                                  ["--require", "dateline", "--require", "grammar"]])
def test_cli_require_makes_a_missing_languagetool_an_error(cli, args):
    result = cli("--select", "grammar", *args, "a0.txt", "a1.txt")
    assert result.exit_code == 2
    assert result.stderr.count("grammar is required but cannot run") == 1


def test_config_require_makes_a_missing_languagetool_an_error(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('require = ["grammar"]\n', encoding="utf-8")
    result = cli("--select", "grammar", "a0.txt")
    assert result.exit_code == 2
    assert "grammar is required but cannot run" in result.stderr


def test_cli_require_of_an_unknown_rule(cli):
    result = cli("--require", "gramar", "a0.txt")
    assert result.exit_code == 2
    assert "unknown rule 'gramar'; did you mean 'grammar'?" in result.stderr


def test_cli_with_a_server_in_the_environment(cli, fake, monkeypatch, tmp_path):
    monkeypatch.setenv(languagetool_location.ENV_URL, fake.url)
    (tmp_path / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    result = cli("--select", "grammar", "--require", "grammar", "--format", "json", "sample.txt", "a0.txt")
    assert result.exit_code == 1
    assert result.stdout.count('"rule": "grammar"') == 2
    assert "grammar" not in result.stderr
    assert (tmp_path / "xdg-cache" / "newslint" / "languagetool.sqlite3").is_file()


def test_the_summary_counts_the_files_the_other_rules_checked_when_grammar_fails(cli, monkeypatch):
    server = FakeLanguageTool().start()
    monkeypatch.setenv(languagetool_location.ENV_URL, server.url)
    server.stop()  # nothing listens there any more
    result = cli("a0.txt", "a1.txt")
    assert result.exit_code == 2
    assert result.stderr.count("grammar: cannot reach LanguageTool") == 2
    assert result.stdout.splitlines()[-1] == "Found 2 findings (2 warnings) in 2 of 2 files checked."
    document = json.loads(cli("--format", "json", "a0.txt", "a1.txt").stdout)
    assert document["summary"] == {"files": 2, "findings": 2}
    assert len(document["errors"]) == 2


def test_a_run_without_languagetool_does_not_import_the_client(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != languagetool_location.ENV_URL}
    env.update(LTP_PATH=str(tmp_path / "none"), XDG_CACHE_HOME=str(tmp_path))
    code = ("import sys; from newslint.cli import main\n"
            "try: main(['check', '--no-cache', '--fail-on', 'never', sys.argv[1]])\n"
            "except SystemExit as e: assert e.code == 0, e.code\n"
            "assert 'language_tool_python' not in sys.modules\n"
            "assert 'newslint.languagetool.cache' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds")], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "grammar skipped" in result.stderr


# -- a real LanguageTool ------------------------------------------------------------------------


@pytest.mark.skipif(not REAL_SERVER, reason=f"{languagetool_location.ENV_URL} is not set: no real LanguageTool server")
def test_a_real_languagetool_server(tmp_path, monkeypatch):
    monkeypatch.setenv(languagetool_location.ENV_URL, REAL_SERVER)
    text = "Titel\nDie Pressekonferenz findet findet am Freitag in Hanoi statt.\n"
    found = findings(text, rule="grammar", cache=str(tmp_path / "grammar.sqlite3"))
    assert any("findet" in text[d.start : d.end] for d in found), [d.message for d in found]
    assert all(d.message.endswith("]") for d in found)
    sample = findings(SAMPLE, rule="grammar", cache=str(tmp_path / "grammar.sqlite3"))
    assert all(0 <= d.start < d.end <= len(SAMPLE) for d in sample)


def test_the_grammar_seed_against_the_stand_in(fake, tmp_path):
    path = ROOT / "seeds" / "070_grammar.md"
    text = path.read_text(encoding="utf-8")
    found = grammar(text, fake, tmp_path, path=path.name)
    assert spans(text, found) == ["mit eigenen Angaben zufolge", "findet findet", "ein Paar"]
    assert [d.suggestion for d in found] == ["eigenen Angaben zufolge mit", "findet", "ein paar"]


# -- fixes: LanguageTool's replacement, unsafe, only when it offers exactly one -----------------


def test_one_replacement_is_an_unsafe_fix_and_several_are_none(fake, tmp_path):
    speller, zufolge = grammar(SAMPLE, fake, tmp_path)
    for found, replacement in ((speller, "Pjöngjang"), (zufolge, "eigenen Angaben zufolge mit")):
        assert found.fix.applicability == "unsafe"
        (edit,) = found.fix.edits
        assert (edit.start, edit.end, edit.replacement) == (found.start, found.end, replacement)
        assert (edit.line, edit.column, edit.end_line, edit.end_column) == (
            found.line, found.column, found.end_line, found.end_column)
    (doubled,) = grammar(f"Titel\n{DOUBLED}\n", fake, tmp_path)
    assert doubled.suggestion == "findet" and doubled.fix is None  # two replacements: no fix


def test_unsafe_fixes_write_the_replacement_and_safe_ones_nothing(fake, tmp_path):
    cache = str(tmp_path / "grammar.sqlite3")
    fixed = fixed_text(SAMPLE, rule="grammar", unsafe=True, server=fake.url, cache=cache)
    assert fixed == SAMPLE.replace("Pjönjang –", "Pjöngjang –").replace(
        "blickt mit eigenen Angaben zufolge Sorge", "blickt eigenen Angaben zufolge mit Sorge")
    assert fixed_text(SAMPLE, rule="grammar", server=fake.url, cache=cache) == SAMPLE
    text = f"Titel 🎉\n{EMOJI}\n"  # offsets after a character LanguageTool counts twice
    assert fixed_text(text, rule="grammar", unsafe=True, server=fake.url, cache=cache) == text.replace(
        "ein Paar", "ein paar")


def test_no_fix_where_a_line_break_stands_among_the_flagged_words(fake, tmp_path):
    text = ("---\ntitle: USA besorgt\n---\nWashington – Die US-Regierung blickt mit eigenen\n"
            "Angaben zufolge Sorge auf die Drohung aus Moskau.\n")
    (found,) = grammar(text, fake, tmp_path, path="article.md")
    assert text[found.start : found.end] == "mit eigenen\nAngaben zufolge"
    assert found.suggestion == "eigenen Angaben zufolge mit" and found.fix is None


@pytest.mark.parametrize("table, error", [
    ({"timeout": 0}, "timeout must be more than 0 seconds"),
    ({"budget": 0}, "budget must be more than 0 seconds"),
    ({"concurrency": 0}, "concurrency must be at least 1"),
    ({"batch-size": 10}, "batch-size must be at least 100 characters"),
    ({"disabled-rules": "DATUM_WOCHENTAG"}, "expected a list"),
    ({"severs": "http://localhost:8081"}, "did you mean 'server'?"),
])
def test_bad_options_are_configuration_errors(table, error):
    from newslint.engine.config import ConfigError

    with pytest.raises(ConfigError, match=error):
        build_config({"grammar": table}, rules_by_id())


BAD_URLS = ["not a url", "file:///etc/passwd", "ftp://example.org/", "http://", "http://host:99999",
            "javascript:alert(1)", "http://exa mple.org", "//no-scheme-but-slashes"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_server_option_that_is_not_an_http_url_is_a_configuration_error(url):
    from newslint.engine.config import ConfigError

    with pytest.raises(ConfigError, match=r"\[grammar\]: server: .* is not an http\(s\) URL"):
        build_config({"grammar": {"server": url}}, rules_by_id(), where="newslint.toml")


@pytest.mark.parametrize("url", ["http://localhost:8081", "https://lt.example.org/v2", "localhost:8081",
                                 "http://[::1]:8081/", "  http://127.0.0.1:8010  "])
def test_http_urls_and_a_bare_host_and_port_are_servers(url):
    options = build_config({"grammar": {"server": url}}, rules_by_id()).rules["grammar"].options
    assert options.server == url


@pytest.mark.parametrize("url", ["not a url", "file:///etc/passwd"])
def test_a_bad_server_in_the_environment_fails_the_run_once_with_exit_2(cli, monkeypatch, tmp_path, url):
    (tmp_path / "secret.txt").write_text("geheim", encoding="utf-8")
    monkeypatch.setenv(languagetool_location.ENV_URL, url.replace("/etc/passwd", str(tmp_path / "secret.txt")))
    result = cli("a0.txt", "a1.txt")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"newslint: {languagetool_location.ENV_URL}: ")
    assert "is not an http(s) URL" in result.stderr and "internal error" not in result.stderr
    assert result.stdout == ""


def test_options_from_toml_types():
    config = build_config({"grammar": {"timeout": 5, "picky": True, "enabled-rules": ["X"]}}, rules_by_id())
    options = config.rules["grammar"].options
    assert (options.timeout, options.picky, options.enabled_rules) == (5.0, True, ("X",))
