"""The pre-commit hooks, run by the real pre-commit over a temporary repository of articles:
`newslint` checks, `newslint-fix` fixes what it safely can."""

import os
import shutil
import subprocess
import sys

import pytest
from paths import ROOT

BAD = "Pjöngjang meldet Erfolg\n\nPjönjang – In Pjöngjang sagte der Sprecher, alles sei gut. (dpa)\n"
FIXED = "Pjöngjang meldet Erfolg\n\nPjöngjang – In Pjöngjang sagte der Sprecher, alles sei gut. (dpa)\n"

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


def try_repo(repo, home, *files, hook="newslint"):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
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
    assert "skipped" not in result.stdout  # a rule that cannot run (grammar) is not said in a hook


def test_fixing_hook_fixes_the_article_and_fails_the_commit_once(articles, home):
    (articles / "fixable.txt").write_text(BAD, encoding="utf-8")
    git(articles, "add", "fixable.txt")
    result = try_repo(articles, home, "clean.md", "fixable.txt", "notes.py", hook="newslint-fix")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert "Fixed 1 finding in 1 file." in result.stdout
    assert (articles / "fixable.txt").read_text(encoding="utf-8") == FIXED
    assert (articles / "notes.py").read_text() == "print('not an article')\n"
    git(articles, "add", "fixable.txt")
    again = try_repo(articles, home, "clean.md", "fixable.txt", hook="newslint-fix")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_fixing_hook_fails_on_what_it_cannot_fix_and_leaves_the_file(articles, home):
    unfixable = "Pjöngjang meldet Erfolg\n\nPjöngjang – „Alles ist gut.“ (dpa)\n"  # a quote without speaker
    (articles / "unfixable.txt").write_text(unfixable, encoding="utf-8")
    git(articles, "add", "unfixable.txt")
    result = try_repo(articles, home, "unfixable.txt", hook="newslint-fix")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" not in result.stdout
    assert "unfixable.txt:3:13: quote-attribution" in result.stdout
    assert (articles / "unfixable.txt").read_text(encoding="utf-8") == unfixable


def test_hooks_leave_out_files_that_are_no_articles_and_what_the_configuration_excludes(articles, home):
    for name in ("LICENSE.txt", "requirements.txt", "drafts/draft.txt"):
        (articles / name).parent.mkdir(exist_ok=True)
        (articles / name).write_text(BAD, encoding="utf-8")  # findings, were they checked
    (articles / "newslint.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    git(articles, "add", ".")
    try:
        for hook in ("newslint", "newslint-fix"):
            result = try_repo(articles, home, "clean.md", "LICENSE.txt", "requirements.txt", "drafts/draft.txt",
                              hook=hook)
            assert result.returncode == 0, result.stdout + result.stderr
            assert "Passed" in result.stdout
        assert (articles / "drafts/draft.txt").read_text(encoding="utf-8") == BAD  # not fixed
    finally:
        git(articles, "rm", "-q", "-f", "newslint.toml")
