"""The word-frequency index gives wordfreq's own values, and wordfreq answers when it cannot."""

import os
import sqlite3

import pytest

wordfreq = pytest.importorskip("wordfreq")

from newslint.german import frequency  # noqa: E402

WORDS = [
    # plain words and names, in the forms the spelling rule asks about
    "Pjöngjang", "Pjongjang", "Kiew", "Kiews", "Selenskyj", "Selenskij", "Regierung", "israel",
    "Isreal", "kulturministerin", "ministerin", "Straße", "STRASSE", "Mladić", "Dvořák", "Wałęsa",
    "Øresund", "Œuvre", "naïve", "e\u0301cole", "Xyzzyqwv",
    # words wordfreq splits, transliterates or folds in its own way: asked of wordfreq itself
    "İstanbul", "ſchön", "ŉa", "don't", "abc1", "Москва", "東京", "U.S.",
]


@pytest.fixture
def index_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(frequency, "_indexes", {})
    return tmp_path / "newslint"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_values_are_wordfreqs_own(index_home, lang):
    for word in WORDS:
        assert frequency.zipf(word, lang) == wordfreq.zipf_frequency(word, lang), word
    assert len(list(index_home.glob(f"wordfreq-{lang}-*.sqlite"))) == 1


def test_every_band_of_the_list_keeps_its_value(index_home):
    bands = wordfreq.get_frequency_list("de")
    samples = [band[len(band) // 2] for band in bands[::40] if band] + [bands[-1][-1]]
    for word in samples:
        assert frequency.zipf(word, "de") == wordfreq.zipf_frequency(word, "de"), word


def test_the_index_is_read_not_rebuilt(index_home):
    frequency.zipf("Kiew")
    (path,) = index_home.glob("wordfreq-de-*.sqlite")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE words SET zipf = 7.5 WHERE word = 'kiew'")
    connection.close()
    frequency._indexes.clear()
    assert frequency.zipf("Kiew") == 7.5  # the index answered, not the word list


def test_without_a_writable_cache_wordfreq_answers(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(frequency, "_indexes", {})
    assert frequency.zipf("Pjöngjang") == wordfreq.zipf_frequency("Pjöngjang", "de")
    assert not os.path.isdir(blocked / "newslint")


def test_a_forked_process_opens_its_own_connection(index_home, monkeypatch):
    frequency.zipf("Kiew")
    first = frequency._indexes["de"][1]
    monkeypatch.setattr(os, "getpid", lambda: -1)
    assert frequency.zipf("Peking") == wordfreq.zipf_frequency("Peking", "de")
    assert frequency._indexes["de"][1] is not first


def test_a_damaged_index_leaves_the_answer_to_wordfreq(index_home):
    frequency.zipf("Kiew")
    (path,) = index_home.glob("wordfreq-de-*.sqlite")
    path.write_bytes(b"not a database" * 100)
    frequency._indexes.clear()
    assert frequency.zipf("Pjöngjang") == wordfreq.zipf_frequency("Pjöngjang", "de")


def test_the_wordfreq_version_comes_from_its_install_folder():
    from importlib.metadata import version

    assert frequency._wordfreq_version(frequency._word_list("de")) == version("wordfreq")
