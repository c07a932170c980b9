"""`--changed-since REF`: only findings on lines changed since a git commit, on a temporary repository."""

import json
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from newslint.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = "Titel\nEin Fehler im ersten Absatz.\nAlles gut.\nNoch ein Fehler.\n"
NEW = "Titel\nEin Fehler im ersten Absatz.\nJetzt ein Fehler hier.\nNoch ein Fehler.\nUnd ein Fehler neu.\n"


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "test@example.org")
    git(tmp_path, "config", "user.name", "Test")
    (tmp_path / "a.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "same.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "moved.txt").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def lines(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    return sorted((f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]), result


def test_only_findings_on_changed_lines(repo):
    (repo / "a.txt").write_text(NEW, encoding="utf-8")
    found, result = lines("--changed-since", "HEAD", "a.txt", "same.txt")
    assert found == [("a.txt", 3), ("a.txt", 5)], result.output
    everything, _ = lines("a.txt", "same.txt")
    assert len(everything) == 6


def test_committed_staged_and_new_files(repo):
    (repo / "a.txt").write_text(NEW, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    (repo / "new.txt").write_text(OLD, encoding="utf-8")  # untracked: every line is new
    git(repo, "mv", "moved.txt", "renamed.txt")  # renamed, unchanged: nothing is new
    found, result = lines("--changed-since", "HEAD~1", ".")
    assert found == [("./a.txt", 3), ("./a.txt", 5), ("./new.txt", 2), ("./new.txt", 4)], result.output


def test_a_ref_that_is_no_commit_is_a_usage_error(repo):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--changed-since", "no-such-branch", "a.txt"])
    assert result.exit_code == 2
    assert "--changed-since: 'no-such-branch' is not a commit of the repository" in result.stderr


def test_a_file_outside_a_repository_is_an_error_of_its_own(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "b.txt"
    outside.write_text(OLD, encoding="utf-8")
    (repo / "a.txt").write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--changed-since", "HEAD",
                                       "a.txt", str(outside)])
    assert result.exit_code == 2
    assert "not in a git repository" in result.stderr
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [3, 5]


def test_fixing_with_changed_since_is_refused(repo):
    result = CliRunner().invoke(main, ["check", "--fix", "--changed-since", "HEAD", "a.txt"])
    assert result.exit_code == 2 and "--changed-since" in result.stderr


def test_names_that_git_quotes(repo):
    name = 'Über "Zitate" im Text.txt'
    (repo / name).write_text(OLD, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", "quoted")
    (repo / name).write_text(NEW, encoding="utf-8")
    found, result = lines("--changed-since", "HEAD", name)
    assert found == [(name, 3), (name, 5)], result.output
