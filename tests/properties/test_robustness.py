"""No input crashes newslint or makes it hang: every rule and every report format, on arbitrary text,
random bytes, random front matter and Markdown, and inputs built to make patterns backtrack.

The property tests run a few dozen examples each, so the suite stays fast; for a long run:

    NEWSLINT_HYPOTHESIS=long python -m pytest tests/test_robustness.py

and for coverage-guided fuzzing, `tests/properties/fuzz_articles.py` (atheris).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from paths import ROOT

sys.path.insert(0, str(Path(__file__).parent))  # the fuzz harness beside this file

from adversarial import CASES, SMALL  # noqa: E402
from fuzz_articles import check_reports, check_text, exercise  # noqa: E402
from newslint.cli import main  # noqa: E402
from newslint.engine.finding import FileResult  # noqa: E402

settings.register_profile("newslint-fast", max_examples=30, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("newslint-long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile(
    "newslint-long" if os.environ.get("NEWSLINT_HYPOTHESIS") == "long" else "newslint-fast"
)

# -- strategies: text that looks enough like news to reach the rules' logic ---------------------

WORDS = [
    "Berlin", "Pjöngjang", "Pjönjang", "Selenskyj", "Selenskij", "Kiew", "Kyjiw", "Putin", "er", "sie",
    "sagte", "erklärte", "teilte", "mit", "so", "laut", "zufolge", "hieß", "es", "wie", "Die", "der",
    "am", "Donnerstag", "Freitag", "Sonnabend", "gestrigen", "kommenden", "heute", "20.", "31.",
    "29.", "Juni", "April", "Februar", "2023", "2024", "20.06.2024", "(20. Juni)", "Jänner",
    "(dpa)", "(AFP/dpa)", "(erpe/dpa/AFP)", "(DPA)", "(dap)", "dpa", "Reuters", "(Ohio)",
    "„", "“", "‚", "‘", "»", "«", '"', "'", "’", "–", "—", "-", "--", ".", ",", ":", ";", "?", "!",
    "…", "(", ")", "[", "]", "Dr.", "z. B.", "u. a.", "Nr.", "J.", "<!-- newslint: disable -->",
    "<!-- newslint: disable-next-line=quote-marks -->", "<!-- newslint: enable=credit-line -->",
    "<script>alert(1)</script>", "<b>", "**", "_", "`code`", "[Link](https://example.org)",
    "![Bild](x.png)", "https://example.org/a_(b)", "\t", "\r", "\u00a0", "\u200b", "🙂", "e\u0301",
]
PHRASES = [
    "Berlin - ", "Pjöngjang – ", "Berlin (dpa) – ", "Kiew (AFP) - ", "„Wir kommen.“", "„Das ist so.“",
    "„Wir kommen“, sagte Putin.", "Putin sagte: „Wir kommen.“", "am Freitag (20. Juni)",
    "am Donnerstag (20. Juni)", "Donnerstag, 20. Juni 2024", "am 31. April", "am gestrigen Mittwoch",
    "Pjönjang und Pjöngjang.", "(dpa)", "(erpe/DPA)", "(dpa, AFP)", "»Ja«, sagte sie.",
]
NEWSY = st.lists(
    st.one_of(st.sampled_from(PHRASES), st.sampled_from(WORDS), st.text(max_size=6)), max_size=40
).map(" ".join)
LINES = st.lists(st.one_of(NEWSY, st.sampled_from(["", "Zwischentitel", "# Titel", "## Abschnitt"])),
                 min_size=1, max_size=12).map("\n".join)

MARKDOWN_BLOCKS = st.one_of(
    NEWSY,
    NEWSY.map(lambda s: "# " + s), NEWSY.map(lambda s: "### " + s + " ###"),
    NEWSY.map(lambda s: "> " + s), NEWSY.map(lambda s: "- " + s), NEWSY.map(lambda s: "1. " + s),
    NEWSY.map(lambda s: s + "\n===="), NEWSY.map(lambda s: s + "\n----"),
    NEWSY.map(lambda s: "```\n" + s + "\n```"), NEWSY.map(lambda s: "~~~python\n" + s),
    NEWSY.map(lambda s: "| " + s + " |\n|---|---|\n| a | b |"),
    NEWSY.map(lambda s: "<!-- " + s), NEWSY.map(lambda s: "[ref]: " + s),
    st.sampled_from(["---", "***", "<div>", "</div>", "    eingerückt"]),
)
YAML_VALUES = st.one_of(
    st.text(max_size=20), st.integers(), st.floats(allow_nan=False), st.booleans(),
    st.sampled_from(["2024-06-21", "2024-02-30", "21.06.2024", "null", "~", "[a, b]", "{a: 1}",
                     "'quoted'", '"esc\\"aped"', "|\n  block", ">\n  folded", "&anchor x", "*anchor",
                     "!!str 1", "!!binary aGk=", "!!python/object:os.system x", "!custom tag",
                     "[unclosed", "a: b: c", "- list", "@reserved", "`tick", "%", "\t"]),
    st.lists(st.text(max_size=5), max_size=3),
)
KEYS = st.sampled_from(["title", "teaser", "date", "author", "lang", "tags", "", "title ", "? x"])
FRONT_MATTER = st.lists(st.tuples(KEYS, YAML_VALUES), max_size=6).map(
    lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs)
)
MARKDOWN = st.tuples(
    st.sampled_from(["---\n", "---\r\n", "--- \n", ""]),
    FRONT_MATTER,
    st.sampled_from(["---\n", "...\n", "---", ""]),
    st.lists(MARKDOWN_BLOCKS, max_size=8).map("\n\n".join),
).map("".join)


def check_everywhere(text: str) -> list[FileResult]:
    """Check a text as `.txt` and `.md` with every rule; render and validate every format."""
    results = [r for path in ("article.txt", "article.md") if (r := check_text(path, text))]
    results.append(FileResult("kaputt <b>&amp;</b>.txt", error="binary file (contains NUL bytes), not an article"))
    check_reports(results)
    return results


# -- property tests ----------------------------------------------------------------------------


@PROFILE
@given(st.text(max_size=400))
def test_any_unicode_text(text):
    check_everywhere(text)


@PROFILE
@given(st.binary(max_size=400))
def test_any_bytes(data):
    exercise(data)


@PROFILE
@given(LINES)
def test_news_like_text(text):
    check_everywhere(text)


@PROFILE
@given(MARKDOWN)
def test_random_front_matter_and_markdown(text):
    result = check_text("article.md", text)
    if result is not None:
        check_reports([result])


@PROFILE
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.md", "c d/ü.txt", "<x>.md", "a,b:c.txt"]), LINES),
                min_size=1, max_size=4))
def test_several_files_in_one_report(files):
    results = [r for path, text in files if (r := check_text(path, text))]
    check_reports(results)


def fix_everything(path: str, text: str):
    """`--fix --unsafe-fixes` with every rule that runs here, on an article's text."""
    from fuzz_articles import PUBLISHED, default_config, runnable_rules
    from newslint.article.model import parse
    from newslint.engine.fixes import fix_text
    from newslint.engine.runner import run_rules

    config = default_config()
    rules = runnable_rules(config)
    return fix_text(lambda text: run_rules(parse(path, text, PUBLISHED), rules, config, path), text, unsafe=True)


@PROFILE
@given(st.one_of(LINES, MARKDOWN))
def test_fixes_keep_the_article_readable_and_a_second_fix_changes_nothing(text):
    for path in ("article.txt", "article.md"):
        if check_text(path, text) is None:
            continue  # input newslint refuses (broken front matter): nothing to fix
        fixed = fix_everything(path, text)  # parsing each pass's text: front matter stays readable
        assert fixed.result.error is None, fixed.result.error
        if fixed.settled:
            assert fix_everything(path, fixed.text).text == fixed.text


def placed(result: FileResult | None) -> list[tuple]:
    return [] if result is None else [
        (d.rule, d.line, d.column, d.end_line, d.end_column, d.message, d.suggestion) for d in result.diagnostics]


@PROFILE
@given(LINES, st.sampled_from(["\r", "\r\n"]), st.sampled_from(["a.txt", "a.md"]))
def test_cr_and_crlf_end_lines_as_lf_does(text, break_, path):
    """The same article with other line breaks: the same findings at the same lines and columns."""
    text = text.replace("\r", "")  # the line breaks are what the test sets
    other = text.replace("\n", break_)
    expected = placed(check_text(path, text))
    if break_ == "\r\n":  # a finding may end on the CR before the LF; its start is the same
        expected = [found[:3] for found in expected]
        assert [found[:3] for found in placed(check_text(path, other))] == expected
    else:
        assert placed(check_text(path, other)) == expected


# Inputs that once crashed a rule (found by the tests above), kept as regression tests.
FOUND_CRASHES = [
    "31. Februar",  # date-consistency: an impossible February date without a year
    "Titel\nAm Freitag, 31. Februar, sagte er: „Nein.“ (dpa)\n",
]


@pytest.mark.parametrize("text", FOUND_CRASHES)
def test_inputs_that_once_crashed(text):
    for published in (None, dt.date(2024, 6, 21)):
        for path in ("a.txt", "a.md"):
            result = check_text(path, text, published)
            assert result is not None
            check_reports([result])


def test_the_property_tests_reach_the_rules():
    """The strategies are not so random that the rules never have anything to say."""
    from hypothesis import find

    def rules_firing(text):
        return {d.rule for r in check_everywhere(text) for d in r.diagnostics}

    example = find(LINES, lambda text: len(rules_firing(text)) >= 4,
                   settings=settings(max_examples=500, database=None, deadline=None,
                                     phases=[Phase.generate]))
    assert len(rules_firing(example)) >= 4


def test_the_checks_catch_a_rule_that_misbehaves(monkeypatch):
    """The harness fails when a rule raises or reports outside the file (so the tests can fail)."""
    import fuzz_articles
    from newslint.engine import registry
    from newslint.engine.finding import Finding

    real = registry.rules_by_id()
    broken = next(iter(real.values()))
    for check, error in ((lambda article, options: iter([Finding(0, len(article.text) + 5, "x")]),
                          AssertionError),
                         (lambda article, options: iter([1 / 0]), ZeroDivisionError)):
        rule = type(broken)(**{**broken.__dict__, "check": check})
        monkeypatch.setattr(fuzz_articles, "rules_by_id", lambda rule=rule: {**real, rule.id: rule})
        with pytest.raises(error):
            check_text("a.txt", "Titel\nText.\n")


def test_the_html_check_catches_article_markup():
    from fuzz_articles import _check_html

    with pytest.raises(AssertionError):
        _check_html('<html><body><script>x</script><img src=x onerror="y"></body></html>', [])


# -- adversarial inputs: linear time -----------------------------------------------------------

FLOOR = 4.0  # seconds a case may always take (both file kinds, every rule)
LINEAR_SLACK = 3  # and beyond that, at most this many times linear growth from the small size


@pytest.fixture(scope="module")
def adversarial():
    """Run every case once, in a child process with a memory limit (see tests/properties/adversarial.py)."""
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "properties" / "adversarial.py")],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_input_finishes_in_linear_time(adversarial, name):
    outcome = adversarial[name]
    assert outcome["error"] is None, f"{name}: {outcome['error']}"
    budget = max(FLOOR, LINEAR_SLACK * SMALL * outcome["small"])
    assert outcome["full"] <= budget, (
        f"{name}: {outcome['full']:.2f} s at full size, {outcome['small']:.3f} s at a tenth "
        f"(budget {budget:.2f} s)"
    )


def test_reports_of_many_findings_render_in_linear_time():
    texts = {size: "Titel\n" + "„" * size + "\n" for size in (1_000, 10_000)}
    results = {size: [check_text("a.txt", text)] for size, text in texts.items()}
    assert len(results[10_000][0].diagnostics) >= 10_000
    from newslint.reports import FORMATS, render

    for name in FORMATS:
        seconds = {}
        for size, found in results.items():
            start = time.perf_counter()
            render(name, found)
            seconds[size] = time.perf_counter() - start
        assert seconds[10_000] <= max(2.0, 3 * 10 * seconds[1_000]), (name, seconds)


@pytest.mark.parametrize("unit", ["»Ja« ", "»" , "„‚"], ids=["many quotations", "nested guillemets", "nested quotes"])
def test_many_fixes_apply_in_linear_time(unit):
    closing = {"»Ja« ": "", "»": "«", "„‚": "‘“"}[unit]
    seconds = {}
    for size in (1_000, 10_000):
        text = "Titel\n" + unit * size + closing * size + "\n"
        start = time.perf_counter()
        fixed = fix_everything("a.txt", text)
        seconds[size] = time.perf_counter() - start
        assert fixed.changed and fixed.settled
    assert seconds[10_000] <= max(2.0, 3 * 10 * seconds[1_000]), seconds


# -- the size limit ----------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return lambda *args, input=None: CliRunner().invoke(main, ["check", "--no-cache", *args], input=input)


def test_a_giant_file_is_a_clear_error_not_a_stall(cli, tmp_path):
    giant = tmp_path / "giant.txt"
    with open(giant, "wb") as handle:
        handle.write(b"Titel\n")
        handle.truncate(11 * 1024 * 1024)  # over the default limit of 10 MB, and sparse
    (tmp_path / "small.txt").write_text("Titel\nEin Satz. (dpa)\n", encoding="utf-8")
    start = time.perf_counter()
    result = cli("--format", "json", "giant.txt", "small.txt")
    assert time.perf_counter() - start < 5
    assert result.exit_code == 2
    assert "giant.txt: file is 11.0 MB, larger than the limit of 10.0 MB" in result.stderr
    assert "max-file-size" in result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 1  # the other file is still checked


def test_the_size_limit_is_configurable(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    (tmp_path / "long.txt").write_text("Titel\n" + "Ein Satz. " * 200 + "(dpa)\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Titel\nEin Satz. (dpa)\n", encoding="utf-8")
    result = cli("long.txt", "short.txt")
    assert result.exit_code == 2
    assert "long.txt: file is 2012 bytes, larger than the limit of 1000 bytes" in result.stderr
    assert "short.txt" not in result.stderr
    piped = cli("--stdin-filename", "stdin.txt", "-", input="Titel\n" + "x" * 2000 + "\n")
    assert piped.exit_code == 2 and "larger than the limit of 1000 bytes" in piped.stderr
