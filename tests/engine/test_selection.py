"""Which files a directory's walk checks: `include`/`exclude` in the configuration, .gitignore files
(unless --no-gitignore), files that are never articles, and files named on the command line
(checked as they are, unless --force-exclude)."""

import json
import os
import subprocess

import pytest
from click.testing import CliRunner
from newslint.cli import main
from newslint.engine.selection import compile_patterns, never_an_article, pattern_error

ARTICLE = "Titel\nEin Fehler im Text.\n"


def write(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")


def checked(*args):
    """The files a `newslint check` run reports on, and the result."""
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    files = sorted({os.path.normpath(f["path"]) for f in json.loads(result.stdout)["findings"]})
    return files, result


@pytest.fixture
def repo(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the root of a repository, as far as the walk is concerned
    write(tmp_path, "a.txt", "drafts/b.txt", "export/c.md", "sub/d.tmp.txt", "sub/keep.tmp.txt",
          "LICENSE.txt", "requirements.txt", "requirements-dev.txt", "README.md", "history-of-berlin.txt")
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.txt\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("!keep.tmp.txt\n", encoding="utf-8")
    return tmp_path


def test_the_walk_respects_gitignore_files_and_leaves_out_what_is_no_article(repo):
    files, result = checked(".")
    assert files == ["a.txt", "export/c.md", "history-of-berlin.txt", "sub/keep.tmp.txt"], result.output


def test_no_gitignore_checks_what_gitignore_leaves_out(repo):
    files, _ = checked("--no-gitignore", ".")
    assert files == ["a.txt", "drafts/b.txt", "export/c.md", "history-of-berlin.txt", "sub/d.tmp.txt",
                     "sub/keep.tmp.txt"]


def test_gitignore_files_above_the_walked_folder_count_up_to_the_repository(repo):
    files, _ = checked("sub")
    assert files == ["sub/keep.tmp.txt"]


def test_info_exclude_of_the_repository_counts(repo):
    (repo / ".git" / "info").mkdir()
    (repo / ".git" / "info" / "exclude").write_text("export/\n", encoding="utf-8")
    files, _ = checked(".")
    assert "export/c.md" not in files and "a.txt" in files


def test_outside_a_repository_the_walked_folders_gitignore_counts(fake_rule, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "news/a.txt", "news/old/b.txt")
    (tmp_path / "news" / ".gitignore").write_text("old/\n", encoding="utf-8")
    files, _ = checked("news")
    assert files == ["news/a.txt"]


def test_configuration_include_and_exclude(repo):
    (repo / "newslint.toml").write_text('include = ["*.txt"]\nexclude = ["sub/", "history-*"]\n', encoding="utf-8")
    files, _ = checked(".")
    assert files == ["a.txt"]


def test_exclude_is_relative_to_the_configuration(repo):
    (repo / "sub" / "newslint.toml").write_text('exclude = ["/keep.tmp.txt"]\n', encoding="utf-8")
    (repo / "newslint.toml").write_text('exclude = ["/a.txt"]\n', encoding="utf-8")
    files, _ = checked(".")
    assert files == ["export/c.md", "history-of-berlin.txt"]


def test_files_named_on_the_command_line_are_checked_as_they_are(repo):
    files, _ = checked("drafts/b.txt", "LICENSE.txt")
    assert files == ["LICENSE.txt", "drafts/b.txt"]


def test_force_exclude_applies_the_selection_to_named_files(repo):
    (repo / "newslint.toml").write_text('exclude = ["export/"]\n', encoding="utf-8")
    files, result = checked("--force-exclude", "drafts/b.txt", "LICENSE.txt", "requirements.txt",
                            "export/c.md", "a.txt")
    assert files == ["a.txt"] and result.exit_code == 1


def test_force_exclude_with_every_file_left_out_is_clean(repo):
    files, result = checked("--force-exclude", "LICENSE.txt")
    assert files == [] and result.exit_code == 0


def test_a_named_folder_that_is_excluded_is_walked_whole(repo):
    write(repo, "drafts/2024/c.txt")
    files, _ = checked("drafts")
    assert files == ["drafts/2024/c.txt", "drafts/b.txt"]
    files, _ = checked("drafts/2024")  # inside an excluded folder
    assert files == ["drafts/2024/c.txt"]


def test_a_pattern_that_is_none_is_a_configuration_error(repo):
    (repo / "newslint.toml").write_text('exclude = ["!"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "a.txt"])
    assert result.exit_code == 2
    assert "newslint.toml: exclude: '!' is not a gitignore pattern" in result.stderr


@pytest.mark.parametrize("key", ["include", "exclude"])
@pytest.mark.parametrize("pattern", ["[z-a]", "*.[9-0]txt", "!"])
def test_a_bad_pattern_of_the_configuration_is_an_error_naming_key_and_pattern(repo, key, pattern):
    (repo / "pyproject.toml").write_text(f'[tool.newslint]\n{key} = ["*.md", "{pattern}"]\n', encoding="utf-8")
    for args in (["."], ["--force-exclude", "a.txt"]):
        result = CliRunner().invoke(main, ["check", "--no-cache", *args])
        assert result.exit_code == 2 and not isinstance(result.exception, Exception), result.output
        assert f"pyproject.toml: [tool.newslint]: {key}: '{pattern}' is not a gitignore pattern" in result.stderr
        assert "Traceback" not in result.output


def test_a_bad_pattern_of_the_configuration_stops_audit_without_a_traceback(repo):
    (repo / "newslint.toml").write_text('exclude = ["[z-a]"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", "."])
    assert result.exit_code == 2 and not isinstance(result.exception, Exception), result.output
    assert "exclude: '[z-a]' is not a gitignore pattern (bad character range z-a)" in result.stderr


def test_compile_patterns_names_the_bad_pattern():
    with pytest.raises(ValueError, match=r"'\[z-a\]' is not a gitignore pattern \(bad character range z-a\)"):
        compile_patterns(("drafts/", "[z-a]"))
    assert pattern_error("drafts/") is None and pattern_error("[a-z]*.txt") is None


def test_patterns_must_be_a_list(repo):
    (repo / "newslint.toml").write_text('include = "*.txt"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "a.txt"])
    assert result.exit_code == 2 and "include: expected a list of gitignore patterns" in result.stderr


def test_an_unreadable_gitignore_line_is_passed_over(repo):
    (repo / ".gitignore").write_text("!\ndrafts/\n", encoding="utf-8")
    files, _ = checked(".")
    assert "drafts/b.txt" not in files and "a.txt" in files


@pytest.mark.parametrize("line", ["[z-a]", "*.[9-0]txt"])
def test_a_gitignore_line_that_is_no_pattern_is_skipped_with_a_notice(repo, line):
    (repo / ".gitignore").write_text(f"drafts/\n{line}\n*.tmp.txt\n", encoding="utf-8")
    files, result = checked(".")
    assert files == ["a.txt", "export/c.md", "history-of-berlin.txt", "sub/keep.tmp.txt"], result.output
    assert result.exit_code == 1 and not isinstance(result.exception, Exception), result.output
    said = [line for line in result.stderr.splitlines() if ".gitignore" in line]
    assert said == [f"newslint: .gitignore:2: skipped: '{line}' is not a gitignore pattern"
                    f" ({'bad character range ' + line.split('[')[1].split(']')[0]})"]


def test_a_bad_gitignore_line_in_a_hook_run_and_in_quotes(repo):
    (repo / ".gitignore").write_text("[z-a]\ndrafts/\n", encoding="utf-8")
    files, result = checked("--force-exclude", "a.txt", "drafts/b.txt")
    assert files == ["a.txt"] and ".gitignore:1: skipped: '[z-a]'" in result.stderr
    result = CliRunner().invoke(main, ["quotes", "."])
    assert result.exit_code in (0, 1) and ".gitignore:1: skipped: '[z-a]'" in result.stderr


def test_a_bad_line_of_info_exclude_is_named_too(repo):
    (repo / ".git" / "info").mkdir()
    (repo / ".git" / "info" / "exclude").write_text("export/\n[z-a]\n", encoding="utf-8")
    files, result = checked(".")
    assert "export/c.md" not in files
    assert f"{os.path.join('.git', 'info', 'exclude')}:2: skipped: '[z-a]'" in result.stderr


@pytest.mark.parametrize("name", ["LICENSE.txt", "License.md", "COPYING.txt", "requirements.txt",
                                  "requirements-dev.txt", "constraints_test.txt", "README.md", "README.de.md",
                                  "CHANGELOG.md", "CODE_OF_CONDUCT.md", "robots.txt", "CMakeLists.txt"])
def test_names_that_are_never_articles(name):
    assert never_an_article(name)


@pytest.mark.parametrize("name", ["history-of-berlin.txt", "licensing-row.md", "2024-06-20-notice-board.txt",
                                  "readmore-artikel.md", "a.txt"])
def test_names_of_articles(name):
    assert not never_an_article(name)


def test_the_walk_agrees_with_git(repo):
    """The files git itself leaves out (where git is installed) are those the walk leaves out."""
    if subprocess.run(["git", "--version"], capture_output=True).returncode:
        pytest.skip("git is not installed")
    os.rmdir(repo / ".git")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=repo, check=True,
                            capture_output=True, text=True).stdout.split()
    articles = sorted(p for p in listed if p.endswith((".txt", ".md")) and not never_an_article(os.path.basename(p)))
    files, _ = checked(".")
    assert files == articles


def test_quotes_walks_as_check_does(repo):
    (repo / "a.txt").write_text("Titel\nBerlin – „Alles gut“, sagte er. (dpa)\n", encoding="utf-8")
    (repo / "drafts" / "b.txt").write_text("Titel\nBerlin – „Ein Entwurf“, sagte sie. (dpa)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["quotes", "."])
    assert "Alles gut" in result.stdout and "Entwurf" not in result.stdout


def test_a_selection_without_a_listener_passes_a_bad_line_over_in_silence(repo):
    """As the language server asks whether a file is an article: no notice to give, no error."""
    from newslint.engine.runner import Engine, RunOptions
    from newslint.engine.selection import Selection

    (repo / ".gitignore").write_text("[z-a]\ndrafts/\n", encoding="utf-8")
    selection = Selection(Engine(RunOptions()).config_for, force=True)
    assert selection.takes_named("a.txt") and not selection.takes_named(os.path.join("drafts", "b.txt"))
