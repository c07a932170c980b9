"""Rule plugins: distributions that name rule modules in the entry-point group `newslint.rules`.

The example plugin in tests/support/data/plugins/example is a real distribution on disk (a module
and its .dist-info with entry_points.txt): put on the path, importlib.metadata discovers it as it
discovers any installed distribution. The tests run newslint in a fresh interpreter with it.
"""

import ast
import json
import os
import subprocess
import sys

from paths import DATA

PLUGINS = DATA / "plugins"
EXAMPLE = PLUGINS / "example"
BROKEN = PLUGINS / "broken"
SHOUTING = "Hochwasser!\nDas Wasser steigt! „Wir schaffen das!“, sagte er.\n"


def newslint(*args, plugins=(EXAMPLE,), cwd):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in plugins)}
    env.pop("NEWSLINT_LANGUAGETOOL_URL", None)
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_plugin_rule_runs_like_a_built_in_one(tmp_path):
    (tmp_path / "a.txt").write_text(SHOUTING, encoding="utf-8")
    done = newslint("check", "--no-cache", "--format", "json", "--select", "exclamation-marks", "a.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # info findings do not reach --fail-on warning
    found = [(f["line"], f["column"], f["rule"], f["severity"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [(1, 11, "exclamation-marks", "info"), (2, 18, "exclamation-marks", "info")]


def test_a_plugin_rule_is_configured_listed_and_explained(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        'select = ["exclamation-marks"]\n[exclamation-marks]\nallow-in-headline = true\nseverity = "error"\n',
        encoding="utf-8")
    (tmp_path / "a.txt").write_text(SHOUTING, encoding="utf-8")
    done = newslint("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert done.stdout.splitlines()[0] == \
        "a.txt:2:18: exclamation-marks [error] an exclamation mark in the newsroom's own words"
    listed = newslint("rules", cwd=tmp_path).stdout.splitlines()
    line = next(line for line in listed if line.startswith("exclamation-marks"))
    assert line.split()[:5] == ["exclamation-marks", "info", "plugin", "newslint-example-rules", "1.0"]
    explained = newslint("explain", "exclamation-marks", cwd=tmp_path).stdout
    assert explained.startswith("exclamation-marks (default severity: info; plugin newslint-example-rules 1.0)")
    assert "## What it does" in explained


def test_a_plugin_that_cannot_be_imported_is_one_error_line_and_the_rest_runs(tmp_path):
    (tmp_path / "a.txt").write_text(SHOUTING, encoding="utf-8")
    done = newslint("check", "--no-cache", "--select", "exclamation-marks,quote-marks", "a.txt",
                    plugins=(EXAMPLE, BROKEN), cwd=tmp_path)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "broken" in line]
    assert errors == ["newslint: plugin rule 'broken' (newslint_broken_rules, newslint-broken-rules 0.1) "
                      "cannot be loaded: ModuleNotFoundError: No module named 'newslint_this_module_does_not_exist'"]
    assert "exclamation-marks" in done.stdout, "the other rules still run"


def test_the_example_plugin_imports_only_the_public_api():
    tree = ast.parse((EXAMPLE / "newslint_example_rules" / "exclamation_marks.py").read_text(encoding="utf-8"))
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert [name for name in imported if name.startswith("newslint")] == ["newslint.api"]


def test_the_example_plugins_documented_examples_hold_with_the_api_test_helper(monkeypatch):
    """A plugin author tests a rule with newslint.api's helper, as the built-in rules are tested."""
    from newslint.api import assert_findings
    from newslint.engine import registry
    from newslint.engine.docs import parse_doc

    monkeypatch.syspath_prepend(str(EXAMPLE))
    from newslint_example_rules import exclamation_marks

    rule = registry.Rule.from_module(exclamation_marks, "plugin newslint-example-rules 1.0")
    monkeypatch.setattr(registry, "all_rules", lambda: (rule,))
    doc = parse_doc(exclamation_marks.__doc__)
    [bad] = doc.examples("Example")
    [good] = doc.examples("Use instead")
    assert_findings(bad.text, [(2, 31, "exclamation-marks")], rule="exclamation-marks")
    assert_findings(good.text, [], rule="exclamation-marks")
    assert_findings("Alarm!\nText.\n", [], rule="exclamation-marks", allow_in_headline=True)


def test_without_plugins_importlib_metadata_is_not_asked(tmp_path):
    code = ("import sys\nfrom newslint.engine.registry import all_rules, plugin_errors\n"
            "assert len(all_rules()) == 7 and plugin_errors() == []\n"
            "print('importlib.metadata' in sys.modules)")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_a_plugin_rule_that_fails_is_the_files_error_blamed_on_the_plugin():
    import dataclasses

    from fake_reports import make_rule
    from newslint.engine.config import build_config
    from newslint.engine.runner import run_rules
    from newslint.article.model import parse

    def broken(article, options):
        raise ValueError("kaputt")

    works = make_rule("fake-word", "warning", "Fehler", "„Fehler“ found", None)
    plugin = dataclasses.replace(works, id="boom", check=broken, origin="plugin newslint-boom 0.3")
    built_in = dataclasses.replace(works, id="bust", check=broken)
    rules = [works, plugin, built_in]
    config = build_config({}, {rule.id: rule for rule in rules})
    result = run_rules(parse("a.txt", "Titel\nEin Fehler.\n"), rules, config, "a.txt")
    assert [d.rule for d in result.diagnostics] == ["fake-word"], "the other rules' findings stay"
    assert result.error == (
        "internal error in rule 'boom' of the plugin newslint-boom (ValueError: kaputt); "
        "please report it to the authors of newslint-boom with this article; "
        "internal error in rule 'bust' (ValueError: kaputt); please report it with this article")
