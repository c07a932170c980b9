"""Many files: input order across jobs, the result cache, and what the cache keeps."""

import datetime as dt
import os
import sqlite3

import pytest
from newslint.engine import registry
from newslint.engine.batch import check_paths
from newslint.engine.cache import ResultCache
from newslint.engine.runner import Engine, RunOptions


def summary(results):
    return [(r.path, r.error, [(d.rule, d.line, d.column, d.message) for d in r.diagnostics])
            for r in results]


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for number in range(60):
        errors = " ".join(["Ein Fehler."] * (number % 4))
        (folder / f"{number:03d}.txt").write_text(f"Titel {number}\nText {errors} Geheimnis{number}.\n",
                                                  encoding="utf-8")
    (folder / "broken.md").write_text("---\ntitle: [\n---\nText.\n", encoding="utf-8")
    return folder


@pytest.fixture
def reads(monkeypatch):
    """The files read from disk, in order."""
    from newslint.engine import runner

    read = []
    original = runner.read_file

    def read_file(path, *args):
        read.append(path)
        return original(path, *args)

    monkeypatch.setattr(runner, "read_file", read_file)
    return read


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled at once: no need to wait for the clock to move on."""
    from newslint.engine import cache

    monkeypatch.setattr(cache, "SETTLE_NANOSECONDS", 0)


@pytest.fixture
def counting_rule(fake_rule, monkeypatch):
    calls = []
    original = fake_rule.check

    def check(article, options):
        calls.append(article.path)
        return original(article, options)

    rule = type(fake_rule)(**{**fake_rule.__dict__, "check": check})
    monkeypatch.setattr(registry, "all_rules", lambda: (rule,))
    return calls


@pytest.fixture
def pools(monkeypatch):
    """The number of workers of each pool a run starts."""
    from newslint.engine import batch

    started = []
    original = batch._check_in_pool

    def check_in_pool(engine, todo, workers, *rest):
        started.append(workers)
        return original(engine, todo, workers, *rest)

    monkeypatch.setattr(batch, "_check_in_pool", check_in_pool)
    return started


def test_results_keep_input_order_whatever_the_jobs(fake_rule, archive, pools, monkeypatch):
    from newslint.engine import batch

    monkeypatch.setattr(batch, "FILES_PER_JOB", 8)  # two workers for these 61 files
    engine = Engine(RunOptions())
    paths = [str(archive), str(archive / "000.txt")]
    serial = check_paths(engine, paths, jobs=1)
    parallel = check_paths(engine, paths, jobs=2)
    assert pools == [2]
    assert summary(serial) == summary(parallel)
    assert [r.path for r in serial][:3] == [str(archive / f"{n:03d}.txt") for n in range(3)]
    assert serial[-2].error and "front matter" in serial[-2].error
    assert sum(len(r.diagnostics) for r in serial) == sum(n % 4 for n in range(60))


def test_second_run_reads_the_cache_only(counting_rule, archive, tmp_path):
    engine = Engine(RunOptions())
    first = check_paths(engine, [str(archive)], jobs=1, cache=ResultCache(str(tmp_path / "cache")))
    assert len(counting_rule) == 60
    second = check_paths(engine, [str(archive)], jobs=1, cache=ResultCache(str(tmp_path / "cache")))
    assert len(counting_rule) == 60
    assert summary(first) == summary(second)
    (archive / "007.txt").write_text("Titel\nEin Fehler, neu.\n", encoding="utf-8")
    third = check_paths(engine, [str(archive)], jobs=1, cache=ResultCache(str(tmp_path / "cache")))
    assert counting_rule[60:] == [str(archive / "007.txt")]
    assert [d.message for d in third[7].diagnostics] == ["„Fehler“ found"]


def test_configuration_is_part_of_the_key(counting_rule, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    (archive / "newslint.toml").write_text("[fake-word]\nseverity = 'error'\n")
    results = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    assert len(counting_rule) == 120
    assert {d.severity for r in results for d in r.diagnostics} == {"error"}


def test_a_damaged_cache_is_replaced(fake_rule, archive, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "results.sqlite").write_bytes(b"this is not a database" * 100)
    engine = Engine(RunOptions())
    results = check_paths(engine, [str(archive)], jobs=1, cache=ResultCache(str(cache_dir)))
    again = check_paths(engine, [str(archive)], jobs=1, cache=ResultCache(str(cache_dir)))
    assert summary(results) == summary(again)
    assert (cache_dir / ".gitignore").read_text().endswith("*\n")


DAMAGED_ROWS = [
    "not json at all",
    '{"rule": "fake-word"}',  # not a list of findings
    "[[1, 2]]",  # a finding of the wrong shape
    '[["fake-word", "fatal", 2, 6, 2, 12, "m", null, 11, 17]]',  # not a severity
    '[["fake-word", "warning", "2", 6, 2, 12, "m", null, 11, 17]]',  # a line that is not a number
]


def test_damaged_rows_of_the_cache_are_misses_dropped_with_one_notice(fake_rule, settled, archive, tmp_path,
                                                                       monkeypatch):
    from click.testing import CliRunner
    from newslint.cli import main

    monkeypatch.chdir(archive.parent)
    cache_dir = tmp_path / "cache"
    run = ["check", "--format", "json", "--cache-dir", str(cache_dir), "archive"]
    first = CliRunner().invoke(main, run)
    database = sqlite3.connect(cache_dir / "results.sqlite")
    keys = [key for (key,) in database.execute("SELECT key FROM results ORDER BY key")]
    with database:
        for key, damaged in zip(keys, DAMAGED_ROWS):
            database.execute("UPDATE results SET findings = ? WHERE key = ?", (damaged, key))
        database.execute("UPDATE files SET digest = 42 WHERE rowid = (SELECT min(rowid) FROM files)")
    database.close()
    second = CliRunner().invoke(main, run)
    assert second.exit_code == first.exit_code == 2  # broken.md
    assert second.stdout == first.stdout
    notices = [line for line in second.stderr.splitlines() if "cache" in line]
    assert notices == [f"newslint: {cache_dir}: {len(DAMAGED_ROWS) + 1} damaged entries of the result cache "
                       "were dropped (taken as not cached)"]
    third = CliRunner().invoke(main, run)
    assert third.stdout == first.stdout and "cache" not in third.stderr
    stored = sqlite3.connect(cache_dir / "results.sqlite").execute("SELECT findings FROM results").fetchall()
    assert not {damaged for damaged in DAMAGED_ROWS} & {row for (row,) in stored}


def test_the_cache_keeps_findings_not_articles(fake_rule, settled, archive, tmp_path):
    cache = ResultCache(str(tmp_path / "cache"))
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=cache)
    cache.close()
    stored = (tmp_path / "cache" / "results.sqlite").read_bytes()
    assert b"found" in stored
    assert b"Geheimnis" not in stored
    remembered = sqlite3.connect(tmp_path / "cache" / "results.sqlite").execute("SELECT count(*) FROM files")
    assert remembered.fetchone()[0] == 61  # every file is known, by a hash of its path
    assert b"archive" not in stored and b"007.txt" not in stored  # not by their names


def test_the_publication_date_of_the_run_is_part_of_the_key(counting_rule, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    later = Engine(RunOptions(published=dt.date(2025, 6, 21)))
    check_paths(later, [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    assert len(counting_rule) == 120


def test_unchanged_files_are_not_even_read(fake_rule, settled, reads, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    first = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    assert len(reads) == 61
    second = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir),
                         need_text=False)
    assert len(reads) == 61 + 1  # the broken file only: it has an error, not findings, to cache
    assert summary(first) == summary(second)
    assert second[0].text is None


def test_a_changed_file_is_read_even_with_its_old_size_and_time(counting_rule, settled, reads, archive,
                                                                tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    target = archive / "003.txt"
    before = target.stat()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Ein Fehler.", "Ein Fahler.", 1), encoding="utf-8")  # same size
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old modification time
    assert target.stat().st_size == before.st_size
    del reads[:]
    results = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir),
                          need_text=False)
    assert str(target) in reads  # its change time gave it away
    assert counting_rule[60:] == [str(target)]
    assert len(results[3].diagnostics) == 2


def test_a_file_changed_just_before_it_was_read_is_not_trusted(fake_rule, reads, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    for _ in range(2):  # the files were written a moment ago: they may change again in the same tick
        check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir),
                    need_text=False)
    assert len(reads) == 2 * 61


def test_reports_that_show_the_article_still_get_its_text(fake_rule, settled, reads, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    results = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir),
                          need_text=True)
    assert len(reads) == 2 * 61
    assert results[1].text == (archive / "001.txt").read_text(encoding="utf-8")


def test_a_known_file_under_a_new_configuration_is_read_and_checked(counting_rule, settled, reads,
                                                                     archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    later = Engine(RunOptions(published=dt.date(2025, 6, 21)))
    results = check_paths(later, [str(archive)], jobs=1, cache=ResultCache(cache_dir), need_text=False)
    assert len(counting_rule) == 120 and len(reads) == 2 * 61
    assert sum(len(r.diagnostics) for r in results) == sum(n % 4 for n in range(60))


def test_a_file_that_grew_past_the_size_limit_is_reported(fake_rule, settled, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    (archive / "newslint.toml").write_text("max-file-size = 20\n", encoding="utf-8")
    results = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir),
                          need_text=False)
    assert "larger than the limit" in (results[0].error or "")


def test_the_cache_keeps_the_newest_entries_only(fake_rule, settled, archive, tmp_path, monkeypatch):
    from newslint.engine import cache

    monkeypatch.setattr(cache, "KEEP", 10)
    cache_dir = tmp_path / "cache"
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(str(cache_dir)))
    database = sqlite3.connect(cache_dir / "results.sqlite")
    assert database.execute("SELECT count(*) FROM results").fetchone()[0] == 10
    assert database.execute("SELECT count(*) FROM files").fetchone()[0] == 10
    database.close()
    results = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(str(cache_dir)),
                          need_text=False)
    assert sum(len(r.diagnostics) for r in results) == sum(n % 4 for n in range(60))  # still right


def test_a_few_dozen_files_are_checked_without_a_pool(fake_rule, archive, pools):
    results = check_paths(Engine(RunOptions()), [str(archive)], jobs=2)
    assert pools == []  # starting one would cost more than it saves
    assert sum(len(r.diagnostics) for r in results) == sum(n % 4 for n in range(60))


def test_results_carry_the_text_only_when_asked(fake_rule, archive, tmp_path):
    for cache in (None, ResultCache(str(tmp_path / "cache"))):
        for need_text in (True, False):
            results = check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=cache,
                                  need_text=need_text)
            texts = [r.text for r in results if r.error is None]
            assert all(texts) if need_text else not any(texts), (cache, need_text)


def test_results_come_one_by_one_and_are_not_kept(fake_rule, tmp_path):
    """A run keeps only the files under way: a result taken and dropped is gone (its findings too)."""
    import gc
    import weakref

    from newslint.engine.batch import CHUNK, iter_results

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(3 * CHUNK):
        (folder / f"{number:04d}.txt").write_text("Titel\nEin Fehler. " * 3 + "\n", encoding="utf-8")
    for cache in (None, ResultCache(str(tmp_path / "cache"))):
        alive = []
        gc.collect()
        for result in iter_results(Engine(RunOptions()), [str(folder)], jobs=1, cache=cache, need_text=False):
            assert len(result.diagnostics) == 3
            alive.append(weakref.ref(result))
            del result
            assert sum(ref() is not None for ref in alive) <= 2, "earlier results are still held"
