"""Code in a Markdown article is no prose, as Vale's Markdown scoping has it: fenced and indented
code blocks (CommonMark), code spans and the HTML elements of code (`<code>`, `<tt>`, `<pre>`)
are blanked for every rule, while the file's lines and columns stay as they are."""

from __future__ import annotations

import pytest
from newslint.article.model import parse
from newslint.engine.runner import Engine, RunOptions
from style_kit import kit  # noqa: F401 (a fixture)


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.text.split()) for block in parse("a.md", text).blocks if block.kind == "paragraph"]


def prose(text: str) -> str:
    article = parse("a.md", text)
    assert len(article.prose) == len(text) and article.prose.count("\n") == text.count("\n")
    return article.prose


@pytest.mark.parametrize("text", [
    "# Titel\n\nEin Satz.\n\n    Kiew im Code.\n",           # after a blank line
    "# Titel\n\nEin Satz.\n\n\tKiew im Code.\n",             # a tab is four columns
    "# Titel\n\nEin Satz.\n\n  \tKiew im Code.\n",           # two spaces and a tab: the tab stop at 4
    "# Titel\n    Kiew im Code.\n\nEin Satz.\n",             # directly under a heading
    "    Kiew im Code.\n\n# Titel\n\nEin Satz.\n",           # at the start of the body
    "---\ntitle: Titel\n---\n    Kiew im Code.\n\nEin Satz.\n",  # right after the front matter
    "# Titel\n\nEin Satz.\n\n    Kiew im Code.\n\n      noch Code.\n    Kiew.\n",  # blank lines inside
    "# Titel\n\n```\nCode\n```\n    Kiew im Code.\n\nEin Satz.\n",  # after a fenced block
])
def test_an_indented_code_block_is_no_prose(text):
    assert "Kiew" not in prose(text)
    assert paragraphs(text) == ["Ein Satz."]


@pytest.mark.parametrize("text, expected", [
    # an indented line cannot interrupt a paragraph: it continues it
    ("# Titel\n\nEin Satz\n    mit Kiew.\n", ["Ein Satz mit Kiew."]),
    # in a list, an indented paragraph after a blank line belongs to the item
    ("# Titel\n\n- Ein Punkt.\n\n    Kiew im Punkt.\n", ["Ein Punkt.", "Kiew im Punkt."]),
    ("# Titel\n\n1. Ein Punkt\n   weiter.\n\n    Kiew im Punkt.\n", ["Ein Punkt weiter.", "Kiew im Punkt."]),
    # three spaces are no code block
    ("# Titel\n\n   Kiew eingerückt.\n", ["Kiew eingerückt."]),
    # raw HTML: an indented line right under a tag belongs to the HTML block, not to code
    ("# Titel\n\n<div>\n    Kiew im Kasten.\n</div>\n", ["Kiew im Kasten."]),
])
def test_indented_lines_that_are_not_code_stay_prose(text, expected):
    assert paragraphs(text) == expected


def test_a_list_ends_at_a_line_that_is_not_indented():
    text = "# Titel\n\n- Ein Punkt.\n\nEin Satz.\n\n    Kiew im Code.\n"
    assert paragraphs(text) == ["Ein Punkt.", "Ein Satz."]
    assert "Kiew" not in prose(text)
    text = "# Titel\n\n- Ein Punkt.\n## Zwischentitel\n\n    Kiew im Code.\n"
    assert "Kiew" not in prose(text)


@pytest.mark.parametrize("markup", [
    "<code>Kiew</code>", "<CODE class=\"x\">Kiew</CODE>", "<tt>Kiew</tt>", "<code>Kiew <em>hier</em></code>",
])
def test_inline_code_elements_are_no_prose(markup):
    text = f"# Titel\n\nSchreiben Sie {markup} nie so.\n"
    assert "Kiew" not in prose(text) and "hier" not in prose(text)
    assert paragraphs(text) == ["Schreiben Sie nie so."]


def test_a_pre_element_over_several_lines_is_no_prose():
    text = "# Titel\n\nEin Satz.\n\n<pre>\nKiew\n\nKiew\n</pre>\n\nNoch ein Satz.\n"
    assert "Kiew" not in prose(text)
    assert paragraphs(text) == ["Ein Satz.", "Noch ein Satz."]


def test_an_unclosed_code_element_hides_only_its_tag():
    text = "# Titel\n\nEin <code>Kiew ohne Ende.\n\nNoch <code>ein Satz.\n"
    assert paragraphs(text) == ["Ein Kiew ohne Ende.", "Noch ein Satz."]
    many = "# Titel\n\n" + "<code>x " * 20000 + "\n"  # each one read once: no quadratic search
    assert "x" in prose(many)


CODE = """---
title: Angriffe auf Kiew
---
Kiew – In der Nacht ist Kiew erneut angegriffen worden. (dpa)

    Kyjiw im Beispiel

Schreiben Sie <code>Kyjiw</code> nicht.
"""


def test_no_rule_sees_code(kit):
    kit.rule("Kyjiw", "extends: existence\nmessage: '%s'\nscope: text\ntokens: [Kyjiw]\n")
    assert kit.found(CODE, path="a.md") == []
    plain = CODE.replace("    Kyjiw", "Kyjiw").replace("<code>Kyjiw</code>", "Kyjiw")
    assert [line for line, *_ in kit.found(plain, path="a.md")] == [6, 8]


def test_built_in_rules_do_not_see_code(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(CODE, encoding="utf-8")
    engine = Engine(RunOptions(select=("spelling-consistency",)))
    assert engine.check(str(path)).diagnostics == []
    path.write_text(CODE.replace("    Kyjiw", "Kyjiw").replace("<code>Kyjiw</code>", "Kyjiw"), encoding="utf-8")
    assert {d.line for d in engine.check(str(path)).diagnostics} == {6, 8}
