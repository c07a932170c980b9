"""The pre-commit hook, run by the real pre-commit over a temporary repository of articles."""

import os
import shutil
import subprocess
import sys

import pytest
from paths import ROOT

BAD = "Pjöngjang meldet Erfolg\n\nPjönjang – In Pjöngjang sagte der Sprecher, alles sei gut. (dpa)\n"

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True).returncode,
        reason="pre-commit is not installed (pip install '.[test]')",
    ),
]


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    repo = tmp_path_factory.mktemp("articles")
    git(repo, "init", "-q")
    (repo / "clean.md").write_text(
        "---\ntitle: Ein Titel\n---\nBerlin – Der Senat hat am Montag getagt. (dpa)\n", encoding="utf-8"
    )
    (repo / "notes.py").write_text("print('not an article')\n")
    git(repo, "add", ".")
    return repo


def try_repo(repo, home, *files):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newslint", "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def test_hook_passes_a_clean_article(articles, home):
    result = try_repo(articles, home, "clean.md", "notes.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "newslint" in result.stdout and "Passed" in result.stdout


def test_hook_fails_a_bad_article(articles, home):
    (articles / "bad.txt").write_text(BAD, encoding="utf-8")
    git(articles, "add", "bad.txt")
    result = try_repo(articles, home, "clean.md", "bad.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "bad.txt:3:1: spelling-consistency" in result.stdout
