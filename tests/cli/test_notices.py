"""A skipped rule (`grammar` without LanguageTool) is said at most once an hour per repository,
every time with -v, and never in a pre-commit hook unless the rule is required."""

import pytest
from click.testing import CliRunner
from newslint.cli import main
from newslint.engine import notices
from newslint.languagetool import location as languagetool_location


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(languagetool_location.ENV_URL, raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Titel\nHanoi – Ein ruhiger Tag. (dpa)\n", encoding="utf-8")

    def invoke(*args, cwd=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        result = CliRunner().invoke(main, ["check", "--select", "grammar", *args,
                                           str(tmp_path / "sub" / "a.txt")])
        return result.exit_code, [line for line in result.stderr.splitlines() if "grammar" in line]

    return invoke


def test_said_once_an_hour_per_repository(run, tmp_path, monkeypatch):
    code, said = run()
    assert code == 0 and len(said) == 1 and said[0].startswith("newslint: grammar skipped: ")
    assert run() == (0, [])
    assert run("-v")[1] == said  # asked for
    assert run("--no-cache")[1] == said  # nothing remembers it
    clock = notices.time.time() + notices.EVERY + 1
    monkeypatch.setattr(notices.time, "time", lambda: clock)
    assert run()[1] == said  # an hour later


def test_a_run_from_a_folder_of_the_repository_remembers_it_as_one_from_the_root(run, tmp_path):
    assert len(run()[1]) == 1
    assert run(cwd=tmp_path / "sub") == (0, [])
    assert not (tmp_path / "sub" / ".newslint_cache").exists()  # one cache, at the root
    assert (tmp_path / ".newslint_cache" / "results.sqlite").is_file()


def test_outside_a_repository_the_current_folder_keeps_it(run, tmp_path):
    (tmp_path / ".git").rmdir()
    assert len(run(cwd=tmp_path / "sub")[1]) == 1
    assert (tmp_path / "sub" / ".newslint_cache" / "notices.json").is_file()
    assert not (tmp_path / ".newslint_cache").exists()


def test_each_repository_hears_it(run, tmp_path):
    assert len(run()[1]) == 1
    other = tmp_path / "other"
    (other / ".git").mkdir(parents=True)
    assert len(run("--cache-dir", str(tmp_path / ".newslint_cache"), cwd=other)[1]) == 1


def test_never_in_a_pre_commit_hook_unless_required(run, monkeypatch):
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert run("--no-cache") == (0, [])
    code, said = run("--require", "grammar")
    assert code == 2 and said[0].startswith("newslint: grammar is required but cannot run: ")


def test_a_damaged_record_of_notices_says_the_notice(run, tmp_path):
    (tmp_path / ".newslint_cache").mkdir()
    (tmp_path / ".newslint_cache" / "notices.json").write_text("[1, 2", encoding="utf-8")
    assert len(run()[1]) == 1
    assert run() == (0, [])


@pytest.fixture
def check(tmp_path, monkeypatch):
    """`newslint check --no-cache` (the notice on every run) of the given arguments, in a folder
    without LanguageTool: the exit code and the lines of stderr about grammar."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(languagetool_location.ENV_URL, raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    (tmp_path / "artikel.txt").write_text("Titel\nHanoi – Ein ruhiger Tag. (dpa)\n", encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes("Titel\nHanoi – Ein ruhiger Tag.\n".encode("utf-16"))
    (tmp_path / "leer").mkdir()
    (tmp_path / "house.toml").write_text('lang = "de"\n', encoding="utf-8")

    def invoke(*args):
        result = CliRunner().invoke(main, ["check", "--no-cache", *args])
        return result.exit_code, [line for line in result.stderr.splitlines() if "grammar" in line]

    return invoke


@pytest.mark.parametrize(
    "args",
    [
        ("fehlt.txt",),
        ("--config", "house.toml", "fehlt.txt"),
        ("leer",),
        ("--config", "house.toml", "leer"),
        ("utf16.txt",),
        ("--config", "house.toml", "utf16.txt", "fehlt.txt"),
    ],
)
def test_not_said_when_no_file_was_checked(check, args):
    assert check(*args) == (2, [])


@pytest.mark.parametrize(
    "args",
    [("artikel.txt",), ("--config", "house.toml", "artikel.txt"), ("utf16.txt", "artikel.txt")],
)
def test_said_when_grammar_would_have_run_on_a_file(check, args):
    code, said = check(*args)
    assert len(said) == 1 and said[0].startswith("newslint: grammar skipped: ")


def test_not_said_when_grammar_is_off_for_every_file_checked(check, tmp_path):
    (tmp_path / "house.toml").write_text('[per-file-ignores]\n"artikel.txt" = ["grammar"]\n', encoding="utf-8")
    assert check("--config", "house.toml", "artikel.txt") == (0, [])


def test_a_run_without_a_file_checked_does_not_use_up_the_hour(run, tmp_path):
    (tmp_path / "utf16.txt").write_bytes("Titel\nHanoi – Ein ruhiger Tag.\n".encode("utf-16"))
    assert CliRunner().invoke(main, ["check", "--select", "grammar", str(tmp_path / "utf16.txt")]).exit_code == 2
    assert len(run()[1]) == 1  # the next run that checks a file says it
