"""Inputs that are not ordinary readable files never stop or stall a run: a FIFO (or another file
that is not a regular file) named `*.txt`, an unreadable file named on the command line, an
unreadable folder inside a directory given. Each is named on stderr; the other files are checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import unprivileged

GOOD = "Titel\nBerlin – Ein Satz ohne Fehler. (dpa)\n"


def newslint(folder, *args, timeout=30):
    """`newslint check --no-cache` in `folder`, as a user file permissions apply to."""
    prefix = unprivileged.prefix()
    if prefix is None:
        pytest.skip(unprivileged.REASON)
    env = {**os.environ, "NEWSLINT_LANGUAGETOOL_URL": "", "LTP_PATH": str(folder / "no-languagetool")}
    return subprocess.run([*prefix, sys.executable, "-m", "newslint", "check", "--no-cache", *args],
                          cwd=folder, capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "articles" / "sub").mkdir(parents=True)
    (tmp_path / "articles" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "articles" / "sub" / "b.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def checked(result) -> int:
    return json.loads(result.stdout)["summary"]["files"]


def test_a_fifo_in_a_directory_is_skipped_with_a_notice(folder):
    os.mkfifo(folder / "articles" / "sub" / "pipe.txt")
    result = newslint(folder, "--format", "json", "articles")
    assert result.returncode == 0, result.stderr
    assert "newslint: articles/sub/pipe.txt: skipped: not a regular file (a named pipe)" in result.stderr
    assert checked(result) == 2


def test_a_fifo_named_on_the_command_line_is_refused(folder):
    os.mkfifo(folder / "pipe.txt")
    result = newslint(folder, "--format", "json", "pipe.txt", "articles/a.txt")
    assert result.returncode == 2
    assert "newslint: pipe.txt: not a regular file (a named pipe); newslint reads article files" in result.stderr
    assert checked(result) == 1


def test_an_unreadable_file_named_on_the_command_line_is_an_error_of_that_file(folder):
    secret = folder / "articles" / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    result = newslint(folder, "--format", "json", "articles/secret.txt", "articles/a.txt")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("newslint: articles/secret.txt: permission denied")
    assert checked(result) == 1


def test_an_unreadable_folder_is_an_error_of_that_folder(folder):
    locked = folder / "articles" / "sub"
    locked.chmod(0)
    try:
        result = newslint(folder, "--format", "json", "articles")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "newslint: articles/sub: cannot read this folder (permission denied)" in result.stderr
    document = json.loads(result.stdout)
    assert document["errors"] == [{"path": "articles/sub", "message": "cannot read this folder (permission denied)"}]
    assert document["summary"]["files"] == 1
