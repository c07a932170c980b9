"""Start-up imports only what the command needs; a run from the cache parses no article."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from newslint.cli import main
from paths import ROOT

ANALYSIS = ("regex", "newslint.article.model", "newslint.german.mentions", "newslint.german.variants", "newslint.german.dates",
            "newslint.german.credits", "newslint.german.attribution", "newslint.german.quotes",
            "newslint.languagetool.service")
HEAVY = ("newslint.rules", "newslint.audit", "yaml", "wordfreq", "newslint.german.frequency", "importlib.metadata", *ANALYSIS)


def imported_after(code: str, cwd: Path = ROOT) -> list[str]:
    """The heavy modules that are imported after running `code` in a fresh interpreter."""
    report = f"print('imported:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    script = f"import sys\n{code}\n{report}\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True,
                            check=True)
    last = result.stdout.splitlines()[-1]
    assert last.startswith("imported:"), result.stdout
    return [name for name in last.removeprefix("imported:").split(",") if name]


def test_version_imports_no_rules_nor_the_audit():
    code = "from newslint.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    assert imported_after(code) == []


def test_the_audit_command_is_there_when_asked_for():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "audit" in result.output
    result = CliRunner().invoke(main, ["audit", "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: main audit [OPTIONS] [PATHS]..." in result.output


def test_a_run_from_the_cache_parses_no_article(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Berlin\n---\nDie Regierung in Berlin tagt. (dpa)\n",
                                   encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kiew\nSelenskij reist. Selenskyj dankt. (dpa)\n", encoding="utf-8")
    code = (
        "from newslint.engine.batch import check_paths\n"
        "from newslint.engine.cache import ResultCache\n"
        "from newslint.engine.runner import Engine, RunOptions\n"
        "results = check_paths(Engine(RunOptions()), ['.'], 1, ResultCache('cache'))\n"
        "assert [len(r.diagnostics) for r in results] == [0, 1], results"
    )
    first = imported_after(code, tmp_path)
    assert "newslint.article.model" in first  # the first run checks the articles
    assert "newslint.german.frequency" in first and "importlib.metadata" not in first  # 30 ms saved
    # the second reads the cache: it needs the rules' options, none of their analysis
    assert imported_after(code, tmp_path) == ["newslint.rules"]
