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


def _hashed_name(lang):
    """The index name as worked out from the word list's content, without what is remembered."""
    import hashlib

    source = frequency._word_list(lang)
    with open(source, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
    digest.update(f"|{frequency._wordfreq_version(source)}|{frequency._FORMAT}".encode())
    return f"wordfreq-{lang}-{digest.hexdigest()[:16]}.sqlite"


def test_the_index_name_is_remembered_and_is_the_name_the_content_gives(index_home, monkeypatch):
    frequency._index_name.cache_clear()
    try:
        first = frequency._index_name("de")
        assert first == _hashed_name("de")
        (remembered,) = index_home.glob("wordfreq-de-*.name")
        assert remembered.read_text(encoding="utf-8") == first
        frequency._index_name.cache_clear()
        monkeypatch.setattr(frequency.hashlib, "file_digest", None)  # the list is not hashed again
        assert frequency._index_name("de") == first
    finally:
        frequency._index_name.cache_clear()


def test_a_remembered_name_that_is_no_index_name_is_worked_out_again(index_home):
    frequency._index_name.cache_clear()
    try:
        expected = frequency._index_name("de")
        (remembered,) = index_home.glob("wordfreq-de-*.name")
        for damaged in ("", "../../etc/passwd", "wordfreq-de-zzzzzzzzzzzzzzzz.sqlite", expected[:-3]):
            remembered.write_text(damaged, encoding="utf-8")
            frequency._index_name.cache_clear()
            assert frequency._index_name("de") == expected
    finally:
        frequency._index_name.cache_clear()


def test_another_signature_of_the_word_list_is_remembered_apart(index_home):
    source = frequency._word_list("de")
    signature = os.stat(source)
    version = frequency._wordfreq_version(source)
    here = frequency._remembered_name("de", source, signature, version)
    assert os.path.basename(here).startswith("wordfreq-de-")
    assert frequency._remembered_name("de", source, signature, version + "x") != here
    from types import SimpleNamespace

    same = SimpleNamespace(st_size=signature.st_size, st_mtime_ns=signature.st_mtime_ns, st_ino=signature.st_ino)
    assert frequency._remembered_name("de", source, same, version) == here
    for field in ("st_size", "st_mtime_ns", "st_ino"):
        changed = SimpleNamespace(**{**vars(same), field: getattr(same, field) + 1})
        assert frequency._remembered_name("de", source, changed, version) != here, field


def test_plain_tokens_are_looked_up_as_words_are():
    from newslint.german.frequency import Tokens, zipfs

    words = ["straße", "strasse", "regierung", "digitalisirung", "größe", "übermorgen", "xqzv"]
    assert zipfs(Tokens(words)) == zipfs(words)
    assert zipfs(Tokens(words))["straße"] > 0 and "xqzv" not in zipfs(Tokens(words))


@pytest.mark.parametrize("spelling", [
    "regierng",    # a letter left out
    "regierrung",  # one typed twice
    "regeirung",   # two swapped
    "regierunf",   # one changed
    "egierung",    # the first left out
])
def test_neighbours_are_the_common_words_one_edit_away(index_home, spelling):
    rows = frequency.neighbours(frequency.deletions(spelling))
    found = {word: value for _key, word, value in rows}
    assert found["regierung"] == wordfreq.zipf_frequency("regierung", "de")
    assert all(value >= frequency.NEIGHBOUR_ZIPF and len(word) >= frequency.NEIGHBOUR_LENGTH
               for word, value in found.items())


def test_rare_words_are_no_neighbours(index_home):
    rare = "kältetelefon"  # known to no list; and a rare word one edit from a spelling is left out
    assert frequency.neighbours(frequency.deletions(rare)) == []
    assert 0 < wordfreq.zipf_frequency("benzinkanister", "de") < frequency.NEIGHBOUR_ZIPF
    assert "benzinkanister" not in {word for _, word, _ in frequency.neighbours(frequency.deletions("bezinkanister"))}


def test_without_an_index_neighbours_are_not_known(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(frequency, "_indexes", {})
    assert frequency.neighbours(frequency.deletions("regierng")) is None
    assert frequency.neighbours({"house"}, "en") is None  # only German's common words are indexed so
