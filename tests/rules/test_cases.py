"""Each rule's failing and passing examples, kept as data in cases/<rule-id>.yml.

A case is an article (`text`), the findings the rule must make on it as [line, column] (none for
a passing example), and optionally the rule's `options` and the article's `published` date, and
what `--fix` makes of the article (`fixed`) and `--fix --unsafe-fixes` (`unsafe-fixed`). For
every case, fixing twice changes nothing the first fix did not, and leaves no fix to apply.
"""

from pathlib import Path

import pytest
import yaml
from newslint.engine.registry import rules_by_id
from newslint.engine.testing import assert_findings, findings, fixed_text

CASES = Path(__file__).parent / "cases"


def cases():
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}")


def test_every_case_file_names_a_rule():
    files = sorted(path.stem for path in CASES.glob("*.yml"))
    assert files and set(files) <= set(rules_by_id())


def test_each_rule_has_failing_and_passing_cases():
    for path in CASES.glob("*.yml"):
        found = [bool(case["findings"]) for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
        assert True in found and False in found, path.name


@pytest.mark.parametrize("rule, case", list(cases()))
def test_case(rule, case):
    options = {name.replace("-", "_"): value for name, value in (case.get("options") or {}).items()}
    expected = [(line, column, rule) for line, column in case["findings"]]
    assert_findings(case["text"], expected, rule=rule, published=case.get("published"), **options)


@pytest.mark.parametrize("rule, case", list(cases()))
def test_fixes_of_case(rule, case):
    options = {name.replace("-", "_"): value for name, value in (case.get("options") or {}).items()}
    published = case.get("published")
    for key, unsafe in (("fixed", False), ("unsafe-fixed", True)):
        fixed = fixed_text(case["text"], rule=rule, published=published, unsafe=unsafe, **options)
        if key in case:
            assert fixed == case[key], f"{key}: {fixed!r}"
        assert fixed_text(fixed, rule=rule, published=published, unsafe=unsafe, **options) == fixed
        left = findings(fixed, rule=rule, published=published, **options)
        assert not [d for d in left if d.fix is not None and d.fix.applies(unsafe)]
