"""Many files: input order across jobs, the result cache, and what the cache keeps."""

import datetime as dt

import pytest

from lint import registry
from lint.batch import check_paths
from lint.cache import ResultCache
from lint.runner import Engine, RunOptions


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
def counting_rule(fake_rule, monkeypatch):
    calls = []
    original = fake_rule.check

    def check(article, options):
        calls.append(article.path)
        return original(article, options)

    rule = type(fake_rule)(**{**fake_rule.__dict__, "check": check})
    monkeypatch.setattr(registry, "all_rules", lambda: (rule,))
    return calls


def test_results_keep_input_order_whatever_the_jobs(fake_rule, archive):
    engine = Engine(RunOptions())
    paths = [str(archive), str(archive / "000.txt")]
    serial = check_paths(engine, paths, jobs=1)
    parallel = check_paths(engine, paths, jobs=2)
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


def test_the_cache_keeps_findings_not_articles(fake_rule, archive, tmp_path):
    cache = ResultCache(str(tmp_path / "cache"))
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=cache)
    cache.close()
    stored = (tmp_path / "cache" / "results.sqlite").read_bytes()
    assert b"found" in stored
    assert b"Geheimnis" not in stored


def test_the_publication_date_of_the_run_is_part_of_the_key(counting_rule, archive, tmp_path):
    cache_dir = str(tmp_path / "cache")
    check_paths(Engine(RunOptions()), [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    later = Engine(RunOptions(published=dt.date(2025, 6, 21)))
    check_paths(later, [str(archive)], jobs=1, cache=ResultCache(cache_dir))
    assert len(counting_rule) == 120
