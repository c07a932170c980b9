"""Style rules in the configuration: found by name, selected, ignored, per file, severity, cache."""

import pytest
from newslint.engine.batch import check_paths
from newslint.engine.cache import ResultCache
from newslint.engine.config import ConfigError
from newslint.engine.runner import Engine, RunOptions
from style_kit import kit  # noqa: F401 (a fixture)

TEXT = "Titel\nSehr gut, Kiew.\n"
SEHR = "extends: existence\nmessage: '%s'\ntokens: [Sehr]\n"
KIEW = "extends: existence\nmessage: '%s'\nlevel: error\ntokens: [Kiew]\n"


@pytest.fixture
def two(kit):
    kit.rule("Sehr", SEHR)
    kit.rule("Kiew", KIEW)
    return kit


def rules(kit, text=TEXT, path="article.txt", **options):
    return [f[2] for f in kit.found(text, path=path, **options)]


def test_select_and_ignore_by_rule_id_or_style_name(two):
    two.config('styles = ["T"]\nselect = ["T"]\n')
    assert rules(two) == ["T.Sehr", "T.Kiew"]
    two.config('styles = ["T"]\nselect = ["T.Kiew"]\n')
    assert rules(two) == ["T.Kiew"]
    two.config('styles = ["T"]\nselect = ["T"]\nignore = ["T.Kiew"]\n')
    assert rules(two) == ["T.Sehr"]
    assert rules(two, select=("T.Kiew",)) == []  # the configuration's ignore still holds
    two.config('styles = ["T"]\n')
    assert rules(two, select=("T.Kiew",)) == ["T.Kiew"]
    assert rules(two, select=("T",), ignore=("T.Sehr",)) == ["T.Kiew"]


def test_an_unknown_style_rule_on_the_command_line_is_an_error(two, monkeypatch):
    two.config('styles = ["T"]\n')
    monkeypatch.chdir(two.root)
    with pytest.raises(ConfigError, match="--select: unknown rule 'T.Kiw'; did you mean 'T.Kiew'?"):
        Engine(RunOptions(select=("T.Kiw",)))
    assert Engine(RunOptions(select=("T.Kiew", "T"))).options.select == ("T.Kiew", "T")


def test_severity_sections_as_a_quoted_key_or_a_table_in_a_table(two):
    two.config('styles = ["T"]\nselect = ["T"]\n["T.Sehr"]\nseverity = "error"\n[T.Kiew]\nseverity = "info"\n')
    result, _engine = two.check(TEXT)
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("T.Sehr", "error"), ("T.Kiew", "info")]


def test_per_file_styles_and_per_file_ignores(two):
    two.rule("Gut", "extends: existence\nmessage: '%s'\ntokens: [gut]\n", style="Sport")
    two.config('styles = ["T"]\nselect = ["T", "Sport"]\n[per-file-styles]\n"sport/**" = ["Sport"]\n'
               '[per-file-ignores]\n"archiv/*.txt" = ["T.Kiew"]\n')
    assert rules(two, path="politik/a.txt") == ["T.Sehr", "T.Kiew"]
    assert rules(two, path="sport/fussball/a.txt") == ["T.Sehr", "Sport.Gut", "T.Kiew"]
    assert rules(two, path="archiv/a.txt") == ["T.Sehr"]


def test_styles_in_pyproject_toml(two):
    (two.root / "pyproject.toml").write_text(
        '[tool.newslint]\nstyles-path = "styles"\nstyles = ["T"]\nselect = ["T.Kiew"]\n', encoding="utf-8")
    (two.root / "a.txt").write_text(TEXT, encoding="utf-8")
    result = Engine(RunOptions()).check(str(two.root / "a.txt"))
    assert [d.rule for d in result.diagnostics] == ["T.Kiew"]


def test_inline_suppression_of_a_style_rule(two):
    two.config('styles = ["T"]\nselect = ["T"]\n')
    text = "# Titel\n\n<!-- newslint: disable-next-line=T.Kiew -->\nSehr gut, Kiew.\n\nSehr gut, Kiew.\n"
    assert [(f[0], f[2]) for f in two.found(text, path="a.md")] == [(4, "T.Sehr"), (6, "T.Sehr"), (6, "T.Kiew")]


def test_the_shipped_pack_is_found_by_name(kit):
    kit.root.joinpath("newslint.toml").write_text('styles = ["newsroom-de"]\n', encoding="utf-8")
    engine = Engine(RunOptions(config_file=str(kit.root / "newslint.toml")))
    config = engine.config_for("a.txt")
    rules_of = engine.rules_for(config)
    pack = [rule for rule_id, rule in rules_of.items() if rule_id.startswith("newsroom-de.")]
    assert len(pack) >= 6
    assert all(rule.origin.startswith("style ") and "packs" in rule.origin for rule in pack)
    assert engine.load_errors() == []


def test_the_result_cache_knows_when_a_style_or_vocabulary_changes(two, tmp_path):
    two.vocab("House", accept="")
    two.config('styles = ["T"]\nselect = ["T"]\nvocab = ["House"]\n')
    articles = two.root / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(TEXT, encoding="utf-8")

    def run():
        engine = Engine(RunOptions(config_file=str(two.root / "newslint.toml")))
        [result] = check_paths(engine, [str(articles)], jobs=1, cache=ResultCache(str(tmp_path / "cache")))
        return [d.rule for d in result.diagnostics]

    assert run() == ["T.Sehr", "T.Kiew"]
    assert run() == ["T.Sehr", "T.Kiew"]
    two.rule("Kiew", KIEW.replace("[Kiew]", "[Berlin]"))
    assert run() == ["T.Sehr"]
    (two.styles / "config" / "vocabularies" / "House" / "accept.txt").write_text("Sehr\n", encoding="utf-8")
    assert run() == []
