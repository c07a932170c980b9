"""The README's rules table is the one the rule docs make (regenerate: python -m newslint.engine.docs)."""

from newslint.engine.docs import TABLE_END, TABLE_START, rules_table
from newslint.engine.registry import all_rules
from paths import ROOT

README = ROOT / "README.md"


def test_rules_table_matches_the_rule_docs():
    text = README.read_text(encoding="utf-8")
    table = text[text.index(TABLE_START) + len(TABLE_START) : text.index(TABLE_END)].strip()
    assert table == rules_table(all_rules()), "run: python -m newslint.engine.docs"
