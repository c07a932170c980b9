"""Safety: parsing runs no code, reports run nothing from an article, nothing leaves the machine
unless a LanguageTool server is configured, articles change only with `check --fix`, and an
interrupted run leaves a cache the next run can use."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from article_factory import write_articles
from click.testing import CliRunner
from newslint.article.frontmatter import parse_front_matter
from newslint.cli import main
from newslint.engine.source import InputError
from newslint.languagetool import cache as grammar_cache
from newslint.languagetool import location as languagetool_location
from newslint.languagetool import service as languagetool
from newslint.reports import FORMATS
from paths import ROOT


@pytest.fixture(autouse=True)
def no_languagetool(monkeypatch, tmp_path):
    """No LanguageTool server and no local one, unless a test starts its own."""
    monkeypatch.delenv(languagetool_location.ENV_URL, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool"))
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    grammar_cache.default_path.cache_clear()
    languagetool.close_all()
    yield
    languagetool.close_all()


def cli(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


# -- safe parsing --------------------------------------------------------------------------------

CONSTRUCTING_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.check_output [['touch', '{marker}']]",
    "!!python/object:__main__.Anything {{a: 1}}",
    "!!python/name:os.system",
    "!!python/module:os",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    "!custom {{a: 1}}",
]


@pytest.mark.parametrize("tag", CONSTRUCTING_TAGS)
def test_front_matter_tags_that_construct_objects_are_rejected(tag, tmp_path):
    marker = tmp_path / "ran"
    value = tag.format(marker=marker)
    with pytest.raises(InputError) as raised:
        parse_front_matter(f"---\ntitle: {value}\n---\nText.\n")
    message = str(raised.value)
    assert message.startswith("front matter, line 2: ") and "could not determine a constructor" in message
    assert not marker.exists()


def test_a_constructing_tag_is_a_clear_error_of_its_file_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "ran"
    (tmp_path / "evil.md").write_text(
        f"---\ntitle: Harmlos\ndate: !!python/object/apply:os.system ['touch {marker}']\n---\n\nText. (dpa)\n",
        encoding="utf-8")
    (tmp_path / "good.txt").write_text("Titel\nBerlin – Ein Satz. (dpa)\n", encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "json", "evil.md", "good.txt")
    assert result.exit_code == 2
    assert "evil.md: front matter, line 3: could not determine a constructor for the tag" in result.stderr
    assert json.loads(result.stdout)["summary"]["files"] == 1
    assert not marker.exists()


def test_configuration_is_toml_and_runs_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "ran"
    (tmp_path / "newslint.toml").write_text(
        f"select = !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Titel\nEin Satz. (dpa)\n", encoding="utf-8")
    result = cli("check", "--no-cache", "a.txt")
    assert result.exit_code == 2 and "newslint.toml" in result.stderr
    assert not marker.exists()


# What runs code or builds objects from data: none of it may appear in newslint's source.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "jsonpickle", "cloudpickle"}
UNSAFE_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}


def python_files():
    return sorted(p for folder in ("lint", "rules") for p in (ROOT / folder).rglob("*.py"))


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call):
            function = node.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
            owner = function.value.id if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name) else None
            if isinstance(function, ast.Name) and name in FORBIDDEN_CALLS:
                found.append(f"{where}: {name}()")
            if owner == "yaml" and name in UNSAFE_YAML:
                found.append(f"{where}: yaml.{name}() (use the safe loader)")
            if owner == "os" and name and name.startswith(("system", "popen", "spawn", "exec")):
                found.append(f"{where}: os.{name}()")
            for keyword in node.keywords:
                if keyword.arg == "shell" and not (isinstance(keyword.value, ast.Constant) and keyword.value.value is False):
                    found.append(f"{where}: shell=")
                if keyword.arg == "Loader" and "Safe" not in ast.unparse(keyword.value):
                    found.append(f"{where}: Loader={ast.unparse(keyword.value)}")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names]
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else names
            if any(module.split(".")[0] in FORBIDDEN_MODULES for module in modules):
                found.append(f"{where}: import {', '.join(modules)}")
    return found


def test_no_eval_exec_pickle_or_unsafe_yaml_in_the_source():
    files = python_files()
    assert len(files) > 20
    found = [problem for path in files for problem in problems_in(path)]
    assert found == []


def test_the_source_scan_finds_what_it_looks_for(tmp_path, monkeypatch):
    probe = tmp_path / "probe.py"
    probe.write_text("import pickle\nfrom marshal import loads\nimport yaml\neval('1')\nexec(code)\n"
                     "yaml.load(s)\nyaml.safe_load(s, Loader=yaml.Loader)\nos.system('x')\n"
                     "subprocess.run('x', shell=True)\nyaml.safe_load(s)\nsubprocess.run(['x'])\n",
                     encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert [problem.split(": ", 1)[0] for problem in problems_in(probe)] == [
        f"probe.py:{line}" for line in (1, 2, 4, 5, 6, 7, 8, 9)]


# -- safe reports: nothing from an article runs in a browser --------------------------------------

PAYLOADS = [
    "<script>window.__pwned = 'script'; document.title = 'pwned'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'; document.title = 'pwned'\">",
    "[Klick](javascript:window.__pwned='link';document.title='pwned')",
    "<a href=\"javascript:window.__pwned='anchor'\">Klick</a>",
    "<javascript:window.__pwned='autolink'>",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "\"><script>window.__pwned='attribute'</script>",
    "'><img src=x onerror=window.__pwned='single'>",
    "</textarea></style></title><script>window.__pwned='closing'</script>",
    "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__pwned='meta'\">",
    "<style>body{display:none}</style>",
]
HOSTILE_NAME = "<img src=x onerror=window.__pwned='filename'>"


def hostile_archive(folder: Path) -> Path:
    """Articles whose text, front-matter title, file and folder names carry script payloads, with
    defects so that every rule reports something inside and around the payloads."""
    folder.mkdir(parents=True, exist_ok=True)
    payload = " ".join(PAYLOADS)
    title = PAYLOADS[0].replace("'", "’")
    (folder / f"{HOSTILE_NAME}.md").write_text(
        f"---\ntitle: '{title} Pjönjang'\nteaser: \"{PAYLOADS[6].replace(chr(34), '&quot;')}\"\n"
        f"author: \"<script>window.__pwned='author'</script>\"\ndate: 2024-06-21\n---\n\n"
        f"Pjöngjang - „{payload}“ Pjönjang am Freitag (20. Juni) {payload}.\n\n"
        f"„{PAYLOADS[1]}“\n\n{payload} (DPA)\n",
        encoding="utf-8")
    sub = folder / "<script>window.__pwned='folder'<"
    sub.mkdir(exist_ok=True)
    (sub / "artikel.txt").write_text(
        f"Pjönjang {PAYLOADS[0]}\n\nPjöngjang - „{payload}“ am Freitag (20. Juni). {payload} (dap)\n",
        encoding="utf-8")
    return folder


# Load a page, wait for anything that would run, follow every link and button, and report
# whether anything from the articles ran.
PROBE = """
(async () => {
  const before = document.title;
  await new Promise(r => setTimeout(r, 300));
  for (const a of document.querySelectorAll("a[href^='#'], a[href^='javascript' i]")) {
    try { a.click(); } catch (e) {}
  }
  for (const i of document.querySelectorAll("input, button, summary, mark")) {
    try { i.click(); i.focus(); i.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); } catch (e) {}
  }
  await new Promise(r => setTimeout(r, 300));
  return {pwned: typeof window.__pwned === "undefined" ? null : String(window.__pwned),
          title: document.title, before, scripts: document.scripts.length,
          imgs: document.querySelectorAll("img, iframe, svg[onload]").length,
          text: document.body.innerText};
})()
"""


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory) -> dict[str, Path]:
    """The HTML report of `check` and the dashboard of `audit` over the hostile archive."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    hostile_archive(tmp_path / "archive")
    pages = {}
    out = tmp_path / "out"
    out.mkdir()
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = cli("check", "--no-cache", "--ignore", "grammar", "--format", "html",
                     "--output", str(out / "check.html"), "--published", "2024-06-21", "archive")
        assert result.exit_code == 1, result.output
        pages["check"] = out / "check.html"
        result = cli("audit", "--ignore", "grammar", "--format", "html", "--jobs", "1",
                     "--output", str(out / "audit.html"), "archive")
        assert result.exit_code == 0, result.output
        pages["audit"] = out / "audit.html"
    finally:
        os.chdir(old)
    return pages


def test_hostile_articles_become_text_in_the_html_reports(hostile_pages):
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    for name, page in hostile_pages.items():
        parser = Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        tags = [tag for tag, _ in parser.found]
        assert tags.count("script") <= 1, name  # the report's own, if any
        assert not {"img", "iframe", "textarea"} & set(tags), name
        for tag, attrs in parser.found:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            assert not (attrs.get("href") or "").strip().lower().startswith("javascript"), (name, attrs)
            assert not (tag == "meta" and "refresh" in (attrs.get("http-equiv") or "").lower()), name


@pytest.mark.skipif(shutil.which("chromium") is None and not os.environ.get("NEWSLINT_CHROMIUM"),
                    reason="no Chromium installed (apt-get install chromium)")
def test_nothing_from_an_article_runs_in_chromium(hostile_pages, tmp_path):
    from browser import Browser

    with Browser.launch() as browser:
        for name, page in hostile_pages.items():
            browser.open(page.as_uri())
            seen = browser.evaluate(PROBE)
            assert seen["pwned"] is None, f"{name} report: payload ran ({seen['pwned']})"
            assert seen["title"] == seen["before"] != "pwned", name
            assert seen["imgs"] == 0 and seen["scripts"] <= 1, (name, seen)
            assert "window.__pwned" in seen["text"] and "Pjönjang" in seen["text"], name  # shown as text
        # and a page where a payload does run is caught by the probe
        canary = tmp_path / "canary.html"
        canary.write_text(f"<!doctype html><title>t</title><body>{PAYLOADS[1]}</body>", encoding="utf-8")
        browser.open(canary.as_uri())
        assert browser.evaluate(PROBE)["pwned"] == "img"


# -- no leaks: no network -------------------------------------------------------------------------


class NetworkGuard:
    """Records every attempt to resolve or connect (an audit hook sees them all, from any module,
    in this process and in the workers it forks) and, while armed, refuses it."""

    armed = False
    allowed: set = set()
    attempts: list = []

    @classmethod
    def hook(cls, event, args):
        if not cls.armed:
            return
        if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
            address = args[1]
            cls.attempts.append((event, address))
            if isinstance(address, tuple) and address[:2] in cls.allowed:
                return
            raise ConnectionRefusedError(f"newslint tried to reach {address!r}")
        if event == "socket.getaddrinfo":
            cls.attempts.append((event, args[:2]))
            if args[:2] in cls.allowed:
                return
            raise socket.gaierror(f"newslint tried to resolve {args[0]!r}")


sys.addaudithook(NetworkGuard.hook)


@pytest.fixture
def guard():
    NetworkGuard.attempts = []
    NetworkGuard.allowed = set()
    NetworkGuard.armed = True
    yield NetworkGuard
    NetworkGuard.armed = False


def test_the_guard_sees_a_connection(guard):
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(OSError):
        urllib_open("http://example.org/")
    assert len(guard.attempts) >= 2


def urllib_open(url):
    import urllib.request

    return urllib.request.urlopen(url, timeout=1)


def test_no_connection_without_a_languagetool_server(guard, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    write_articles(tmp_path / "generated", 40, seed=5)
    for name in FORMATS:
        for jobs in ("1", "2"):
            result = cli("check", "--format", name, "--jobs", jobs, "--output", f"report-{jobs}.{name}",
                         "seeds", "generated")
            assert result.exit_code == 1, (name, result.output[-500:])
    assert cli("check", "--statistics", "seeds").exit_code == 1
    assert cli("quotes", "--format", "json", "seeds").exit_code == 0
    assert cli("audit", "--format", "html", "--jobs", "2", "-o", "audit.html", "seeds", "generated").exit_code == 0
    assert cli("audit", "--format", "json", "seeds/070_archive_export.jsonl").exit_code in (0, 2)
    grammar = cli("check", "--select", "grammar", "--require", "grammar", "seeds")
    assert grammar.exit_code == 2 and "no LanguageTool server configured" in grammar.stderr
    assert guard.attempts == []


def test_with_a_languagetool_server_only_that_server_is_contacted(guard, tmp_path, monkeypatch):
    from fake_languagetool import FakeLanguageTool

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # the grammar cache
    grammar_cache.default_path.cache_clear()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    with FakeLanguageTool() as server:
        host, port = server.url.split("//")[1].split(":")
        guard.allowed = {(host, int(port)), (host, port)}
        monkeypatch.setenv(languagetool_location.ENV_URL, server.url)
        result = cli("check", "--format", "json", "--require", "grammar", "seeds")
        assert result.exit_code == 1, result.output[-800:]
        assert '"rule": "grammar"' in result.stdout
        assert server.checks, "the prose went to the configured server"
    assert guard.attempts, "the server was contacted"
    for event, address in guard.attempts:
        assert tuple(address[:2]) in guard.allowed, (event, address)


# -- no leaks: the cache keeps findings, not articles, and lives where the docs say -----------------


def test_the_cache_holds_no_article_text_and_lives_in_the_working_directory(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    user_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(user_cache))
    before = {p for p in user_cache.rglob("*")} if user_cache.exists() else set()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    paths = write_articles(work / "articles", 30, seed=7)
    result = cli("check", "--format", "json", "articles")
    assert result.exit_code == 1
    cache = work / ".newslint_cache" / "results.sqlite"
    assert cache.is_file() and (work / ".newslint_cache" / "CACHEDIR.TAG").is_file()
    stored = "\n".join(sqlite3.connect(cache).iterdump())
    assert "quote-attribution" in stored  # findings are there
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in line.split(". "):
                if len(sentence) > 40:
                    assert sentence not in stored, f"article text of {path.name} in the cache"
        assert path.name not in stored
    assert list((tmp_path / "home").iterdir()) == [], "nothing is written to the home directory"
    added = {p for p in user_cache.rglob("*")} - before
    # only the word-frequency index (see newslint.german.frequency), built from wordfreq's list, not articles
    assert all(p.name.startswith("wordfreq-") or p == user_cache / "newslint" for p in added), added
    written = {p.relative_to(work).parts[0] for p in work.rglob("*")}
    assert written == {"articles", ".newslint_cache"}


# -- nothing lost: articles change only with --fix --------------------------------------------------


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_no_command_but_fix_modifies_an_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    write_articles(articles / "generated", 30, seed=9)
    hostile_archive(articles / "hostile")
    before = digests(articles)
    runs = [["check", "--format", name, "--jobs", "2", "articles"] for name in FORMATS]
    runs += [
        ["check", "--format", "html", "--output", "report.html", "articles"],
        ["check", "--no-cache", "--statistics", "articles"],
        ["check", "--write-baseline", "baseline.json", "articles"],
        ["check", "--baseline", "baseline.json", "articles"],
        ["check", "--stdin-filename", "articles/seed.txt", "-"],
        ["check", "--diff", "--unsafe-fixes", "articles"],
        ["check", "--fix", "--unsafe-fixes", "--stdin-filename", "articles/seed.txt", "-"],
        ["quotes", "--all", "articles"],
        ["audit", "--jobs", "2", "-o", "audit.html", "articles"],
        ["rules"],
        ["explain", "quote-marks"],
    ]
    for args in runs:
        result = cli(*args, input="Titel\nText.\n")
        assert result.exit_code in (0, 1, 2), (args, result.output[-300:])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert digests(articles) == before


# -- nothing lost: an interrupted run leaves a usable cache -----------------------------------------


class Run:
    """`newslint check --format json` on a folder in a child process (its own process group),
    writing its report to a file so that it never waits for us to read it."""

    def __init__(self, folder: Path, cache: Path, *extra: str) -> None:
        env = {k: v for k, v in os.environ.items()
               if k not in ("NEWSLINT_LANGUAGETOOL_URL", "NEWSLINT_CACHE_DIR")}
        self.output = folder.parent / f"report-{time.monotonic_ns()}.json"
        with open(self.output, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "newslint", "check", "--format", "json", "--published", "2024-06-21",
                 "--cache-dir", str(cache), *extra, str(folder)],
                stdout=out, stderr=subprocess.PIPE, env=env, cwd=folder.parent, start_new_session=True,
                preexec_fn=_ctrl_c_as_in_a_terminal,
            )
        self.pid = self.process.pid

    def finish(self, timeout: float = 120) -> tuple[int, bytes, str]:
        """(exit code, report, the end of stderr)."""
        _, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, self.output.read_bytes(), err.decode()[-1000:]


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child: SIGINT does what it does in a terminal, even when the tests run as a
    background job of a shell (which starts them with SIGINT ignored, and Python keeps that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Enough generated articles for a run that lasts a moment, and the report of a clean run
    without cache."""
    folder = tmp_path_factory.mktemp("interrupted") / "articles"
    write_articles(folder, 3000, seed=13)
    code, report, err = Run(folder, folder.parent / "unused", "--no-cache").finish()
    assert code == 1, err
    return folder, report


def usable(folder: Path, cache: Path, expected: bytes) -> None:
    """The next run works, reads the cache and gives the clean run's report."""
    code, report, err = Run(folder, cache, "--jobs", "2").finish()
    assert code == 1, err
    assert report == expected
    assert sqlite3.connect(cache / "results.sqlite").execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the worker processes")
@pytest.mark.parametrize("how", ["SIGINT", "SIGKILL", "SIGKILL to a worker"])
def test_an_interrupted_run_leaves_a_usable_cache(archive, tmp_path, how):
    folder, expected = archive
    cache = tmp_path / "cache"
    for delay in (0.1,):  # once the workers have started: mid-run on a cold cache
        run = Run(folder, cache, "--jobs", "2")
        deadline = time.monotonic() + 20
        while len(children(run.pid)) < 2 and run.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(delay)
        assert run.process.poll() is None, "the run ended before the signal: give it more articles"
        if how == "SIGKILL to a worker":
            workers = children(run.pid)
            assert workers, "no worker to kill: give the run more articles"
            os.kill(workers[0], signal.SIGKILL)
        else:
            os.killpg(run.pid, getattr(signal, how))
        try:
            code, report, _err = run.finish(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGKILL)
            run.process.communicate()
            pytest.fail(f"newslint hung after {how} at {delay} s")
        if how == "SIGKILL to a worker":
            assert code == 1 and report == expected, "a killed worker loses nothing"
        if how == "SIGINT":  # Ctrl-C: the shells' code for it, one line, no traceback
            assert code == 130, (code, _err)
            assert _err.endswith("newslint: interrupted\n") and "Traceback" not in _err, _err
        usable(folder, cache, expected)


def test_ctrl_c_on_a_run_in_one_process_exits_130_with_the_cache_intact(archive, tmp_path):
    folder, expected = archive
    cache = tmp_path / "cache"
    run = Run(folder, cache, "--jobs", "1")
    deadline = time.monotonic() + 20
    while not cache.exists() and run.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # the cache is opened just before the articles are checked
    time.sleep(0.3)  # mid-run: 3,000 articles take longer
    assert run.process.poll() is None, "the run ended before the signal: give it more articles"
    os.killpg(run.pid, signal.SIGINT)
    code, _report, err = run.finish(timeout=60)
    assert code == 130 and err.endswith("newslint: interrupted\n") and "Traceback" not in err, (code, err)
    usable(folder, cache, expected)


def test_a_run_killed_while_writing_the_cache_leaves_it_usable(archive, tmp_path):
    """Killed in the middle of the cache's write transaction: SQLite's journal undoes it."""
    folder = tmp_path / "articles"
    shutil.copytree(archive[0], folder)
    cache = tmp_path / "cache"
    Run(folder, cache).finish()  # a cache with entries already: the kill hits a real file
    (folder / "0000.txt").write_text("Titel\nGeändert. (dpa)\n", encoding="utf-8")
    killer = f"""
import os, signal
from newslint.engine.cache import ResultCache

class Dying:
    def __init__(self, connection):
        self.connection = connection
    def __enter__(self):
        return self.connection.__enter__()
    def __exit__(self, *exc):
        return self.connection.__exit__(*exc)
    def executemany(self, sql, rows):
        rows = list(rows)
        self.connection.executemany(sql, rows[: len(rows) // 2])
        os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction, half the rows written
    def __getattr__(self, name):
        return getattr(self.connection, name)

store = ResultCache({str(cache)!r})
store._connection = Dying(store._connection)
for number in range(3000):  # more than SQLite keeps in memory: pages go to the file and journal
    store._pending[f"key-{{number}}"] = "[]" + " " * 2000
store.flush()
"""
    dying = subprocess.run([sys.executable, "-c", killer], cwd=ROOT, capture_output=True, timeout=60)
    assert dying.returncode == -signal.SIGKILL, dying.stderr
    assert (cache / "results.sqlite-journal").exists(), "the kill came mid-transaction"
    rows = sqlite3.connect(cache / "results.sqlite").execute(
        "SELECT count(*) FROM results WHERE key LIKE 'key-%'").fetchone()[0]
    assert rows == 0, "the half-written transaction was rolled back"
    _, report, _ = Run(folder, tmp_path / "fresh-cache", "--no-cache").finish()
    usable(folder, cache, report)
