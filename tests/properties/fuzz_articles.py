"""Coverage-guided fuzzing of the whole pipeline: bytes → article → every rule → every report.

    pip install atheris
    python tests/properties/fuzz_articles.py -max_total_time=600 -rss_limit_mb=4096 [CORPUS_DIR ...]

Each input is decoded as an article file and checked twice, as `.txt` and as `.md`, by every rule
that can run here, then rendered in every report format. A crash is any exception other than the
clear input error newslint reports for a file it cannot read (not UTF-8, binary, empty, broken
front matter), a finding outside the file, or a report that does not parse (JSON, SARIF, JUnit
XML) or lets article markup into the HTML report. The seeds in `seeds/` make a good start corpus:

    mkdir -p /tmp/fuzz-corpus && cp seeds/*.txt seeds/*.md /tmp/fuzz-corpus/
    python tests/properties/fuzz_articles.py -max_total_time=1200 /tmp/fuzz-corpus

`exercise(data)` is the same check without atheris; the property tests in
`tests/test_robustness.py` use it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from html.parser import HTMLParser
from xml.etree import ElementTree

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))  # the checkout

from newslint.article.model import parse  # noqa: E402
from newslint.engine.config import build_config  # noqa: E402
from newslint.engine.finding import FileResult  # noqa: E402
from newslint.engine.lines import line_starts  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402
from newslint.engine.runner import run_rules  # noqa: E402
from newslint.engine.source import InputError, decode  # noqa: E402
from newslint.reports import FORMATS, render  # noqa: E402

PUBLISHED = dt.date(2024, 6, 21)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def runnable_rules(config):
    """Every registered rule that can run on this machine (not `grammar` without LanguageTool)."""
    rules = []
    for rule in rules_by_id().values():
        if rule.unavailable is None or rule.unavailable(config.rules[rule.id].options) is None:
            rules.append(rule)
    return rules


_CONFIG = None


def default_config():
    global _CONFIG
    if _CONFIG is None:
        _CONFIG = build_config({}, rules_by_id())
    return _CONFIG


def check_text(path: str, text: str, published: dt.date | None = PUBLISHED) -> FileResult | None:
    """Run every rule on an article's text as the engine would, with nothing swallowed.

    Returns None for input newslint rightly refuses (broken front matter); raises on anything else
    that goes wrong.
    """
    try:
        article = parse(path, text, published)
    except InputError:
        return None
    assert len(article.prose) == len(text), "prose must keep the file's offsets"
    config = default_config()
    rules = runnable_rules(config)
    for rule in rules:  # directly, so that an exception is not turned into the file's error
        for finding in rule.check(article, config.rules[rule.id].options):
            assert 0 <= finding.start <= finding.end <= len(text), (rule.id, finding)
            assert finding.message.strip(), rule.id
    result = run_rules(article, rules, config, path)
    assert result.error is None, result.error
    check_positions(text, result)
    return result


def check_positions(text: str, result: FileResult) -> None:
    """Every finding's line and column lies in the file; its end does not come before its start.

    CR, LF and CRLF end lines; a column may point at a line's break (at its LF, after a CR)."""
    starts = line_starts(text)
    ends = [*(start - 1 for start in starts[1:]), len(text)]  # where each line's last break ends
    widths = [end - start + 1 for start, end in zip(starts, ends)]
    for d in result.diagnostics:
        assert 1 <= d.line <= d.end_line <= len(starts), d
        assert 1 <= d.column <= widths[d.line - 1] + 1, d
        assert 1 <= d.end_column <= widths[d.end_line - 1] + 1, d
        assert (d.line, d.column) <= (d.end_line, d.end_column), d


def check_reports(results: list[FileResult]) -> dict[str, str]:
    """Render every report format and check that each is well formed; returns the reports."""
    reports = {name: render(name, results) for name in FORMATS}
    for name, report in reports.items():
        assert isinstance(report, str) and (not report or report.endswith("\n")), name
        check = _CHECKS.get(name)
        if check:
            check(report, results)
    return reports


def _check_json(report: str, results: list[FileResult]) -> None:
    document = json.loads(report)
    assert len(document["findings"]) == sum(len(r.diagnostics) for r in results)


def _check_sarif(report: str, results: list[FileResult]) -> None:
    document = json.loads(report)
    found = document["runs"][0]["results"]
    assert len(found) == sum(len(r.diagnostics) for r in results)
    for item in found:
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1, region


def _check_junit(report: str, results: list[FileResult]) -> None:
    root = ElementTree.fromstring(report.encode("utf-8"))
    assert sum(1 for _ in root.iter("testcase")) == len(results)


def _check_github(report: str, results: list[FileResult]) -> None:
    lines = report.splitlines()
    expected = sum(len(r.diagnostics) + (r.error is not None) for r in results)
    assert len(lines) == expected and all(line.startswith("::") for line in lines), report[:200]


def _check_html(report: str, results: list[FileResult]) -> None:
    parser = _Tags()
    parser.feed(report)
    parser.close()
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("script") <= 1, "a second <script> came from an article"
    assert set(tags) <= _report_tags(), sorted(set(tags) - _report_tags())
    for tag, attrs in parser.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs, (tag, attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript"), attrs


def _report_tags() -> set[str]:
    """The tags the HTML report's source (with its page) writes itself; any other tag came from an article."""
    global _TAGS
    if _TAGS is None:
        import inspect
        import re

        from newslint.reports import html, html_page

        source = inspect.getsource(html) + inspect.getsource(html_page)
        _TAGS = set(re.findall(r"<([a-z][a-z0-9]*)", source))
    return _TAGS


_TAGS = None
_CHECKS = {"json": _check_json, "sarif": _check_sarif, "junit": _check_junit,
           "github": _check_github, "html": _check_html}


def exercise(data: bytes) -> None:
    """The fuzz target: decode, check as `.txt` and `.md`, render every format."""
    try:
        text = decode(data)
    except InputError:
        return
    results = [r for path in ("fuzz.txt", "fuzz.md") if (r := check_text(path, text)) is not None]
    if results:
        check_reports(results)


def main() -> None:
    import atheris

    exercise("Titel\nText „mit“ Zitat, sagte er (dpa).\n".encode())  # load everything lazy
    atheris.instrument_all()
    atheris.Setup(sys.argv, exercise)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
