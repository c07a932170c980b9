"""Articles read out of structured files (newslint.article.model.Source): findings, suppressions and
fixes are placed in the file, not in the article's decoded text."""

from fake_reports import make_rule
from newslint.article.frontmatter import FrontMatter
from newslint.article.model import Article, Block, Source
from newslint.engine import registry
from newslint.engine.config import build_config
from newslint.engine.runner import run_rules

# the file: a JSON record whose text writes „ü“ as an escape; the article: its decoded text
FILE = '{"text": "Herr M\\u00fcller kam. Pj\\u00f6njang."}\n'
TEXT = "Herr Müller kam. Pjönjang."


def offsets() -> list[int]:
    """Each character of TEXT at its place in FILE (an escape is six characters long)."""
    found, position = [], FILE.index("Herr")
    for character in TEXT:
        found.append(position)
        position += 6 if character in "üö" else 1
    return [*found, position]


def article(path="a.json") -> Article:
    blocks = [Block("paragraph", 0, len(TEXT), TEXT)]
    return Article(path, TEXT, TEXT, blocks, FrontMatter(), source=Source(FILE, offsets()))


def test_a_finding_is_placed_in_the_file_and_its_fix_is_never_applied():
    rule = make_rule("fake-spelling", "error", "Pjönjang", "„Pjönjang“ differs", "Pjöngjang", "safe")
    config = build_config({}, {**registry.rules_by_id(), rule.id: rule})
    result = run_rules(article(), [rule], config, "a.json")
    (found,) = result.diagnostics
    assert result.text == FILE
    assert FILE[found.start : found.end] == "Pj\\u00f6njang"
    assert (found.line, found.column) == (1, FILE.index("Pj") + 1)
    assert (found.end_line, found.end_column) == (1, FILE.index(".\"") + 1)
    assert found.fix is None  # the edit would have to be written in the file's escapes


def test_positions_of_the_decoded_text_map_into_the_file():
    made = article()
    assert made.file_text == FILE
    assert made.file_offset(TEXT.index("ller")) == FILE.index("ller")
    assert made.position(TEXT.index("kam")) == (1, FILE.index("kam") + 1)
    assert made.position(len(TEXT)) == (1, FILE.index('"}') + 1)
