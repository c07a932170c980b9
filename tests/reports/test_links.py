"""Reports link each rule to its documentation: SARIF `helpUri`, GitHub annotation titles; the
`docs-url` setting (default: the rule's anchor in the README), a style rule's own `link`."""

import json
import re

import pytest
from click.testing import CliRunner
from newslint.cli import main
from newslint.engine.config import DOCS_URL
from newslint.engine.registry import all_rules
from newslint.engine.suppression import UNKNOWN, UNUSED
from paths import DATA, ROOT

ARTICLE = "Ein Titel\n# newslint: disable-next-line=credit-lien\nIn Kiew heulen die Sirenen.\n"
STYLE = "extends: substitution\nmessage: \"Schreibe '%s' statt '%s'.\"\nlink: https://example.org/stil#kiew\n" \
        "level: warning\nswap:\n  Kiew: Kyjiw\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["check", "--no-cache", "--select", "credit-line", *args, "a.txt"])


def test_sarif_help_uri_is_the_readme_anchor_by_default(project):
    document = json.loads(run("--format", "sarif").stdout)
    descriptors = {d["id"]: d for d in document["runs"][0]["tool"]["driver"]["rules"]}
    assert descriptors["credit-line"]["helpUri"] == DOCS_URL.replace("{rule}", "credit-line")
    assert descriptors[UNKNOWN]["helpUri"] == DOCS_URL.replace("{rule}", UNKNOWN)


def test_every_default_link_has_its_anchor_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', readme))
    fragment = DOCS_URL.split("#", 1)[1]
    for rule_id in [rule.id for rule in all_rules()] + [UNKNOWN, UNUSED]:
        assert fragment.replace("{rule}", rule_id) in anchors, rule_id


def test_sarif_with_links_is_valid_against_the_official_schema(project):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(run("--format", "sarif").stdout)
    assert list(jsonschema.Draft7Validator(schema).iter_errors(document)) == []


def test_github_titles_name_the_rule_and_its_page(project):
    lines = run("--format", "github").stdout.splitlines()
    assert any(",title=newslint (credit-line)%3A https%3A//github.com/" in line and "#rule-credit-line::" in line
               for line in lines), lines


def test_docs_url_setting(project):
    (project / "newslint.toml").write_text('docs-url = "https://wiki.example/newslint/{rule}.html"\n',
                                           encoding="utf-8")
    document = json.loads(run("--format", "sarif").stdout)
    descriptors = {d["id"]: d for d in document["runs"][0]["tool"]["driver"]["rules"]}
    assert descriptors["credit-line"]["helpUri"] == "https://wiki.example/newslint/credit-line.html"
    assert "title=newslint (credit-line)%3A https%3A//wiki.example/newslint/credit-line.html::" \
        in run("--format", "github").stdout


@pytest.mark.parametrize("value", ['"wiki/{rule}"', '"javascript:alert(1)"', "3"])
def test_a_docs_url_that_is_no_web_address_is_an_error(project, value):
    (project / "newslint.toml").write_text(f"docs-url = {value}\n", encoding="utf-8")
    result = run("--format", "sarif")
    assert result.exit_code == 2 and "docs-url" in result.stderr


def test_a_style_rule_links_to_its_own_page(project):
    (project / "styles" / "Haus").mkdir(parents=True)
    (project / "styles" / "Haus" / "Kiew.yml").write_text(STYLE, encoding="utf-8")
    (project / "newslint.toml").write_text('styles-path = "styles"\nstyles = ["Haus"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "Haus", "--format", "github", "a.txt"])
    assert "title=newslint (Haus.Kiew)%3A https%3A//example.org/stil#kiew::" in result.stdout
