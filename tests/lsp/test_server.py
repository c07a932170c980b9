"""The language server end to end: the real `newslint lsp` process, driven through pytest-lsp's client."""

from __future__ import annotations

import pytest

pytest.importorskip("pytest_lsp", reason="the language server's tests need pytest-lsp")

from lsp_session import open_document, published  # noqa: E402
from lsprotocol import types  # noqa: E402

pytestmark = pytest.mark.asyncio

# Before the misspelt „Pjönjang“ on line 2: an umlaut, a dash, an emoji (two UTF-16 units),
# „…“ and a combining accent (a character of its own).
LINE = "Pjöngjang – Der Präsident 👍 „Zitat“ Cafe\u0301 reiste nach Pjönjang. Er sagte: \"Wir kommen wieder.\""
ARTICLE = f"Pjöngjang empfängt Putin\n{LINE}\nPjöngjang und Pjöngjang.\n(dpa)\n"


async def test_open_publishes_the_findings_with_utf16_ranges(start, workspace):
    article = workspace / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, article)
    found = await published(client, uri, lambda found: len(found) == 2)
    spelling, quotes = found
    column = LINE.index("Pjönjang") + 1  # one character before it (👍) takes two UTF-16 units
    assert spelling.range == types.Range(types.Position(1, column), types.Position(1, column + len("Pjönjang")))
    assert spelling.code == "spelling-consistency"
    assert spelling.severity == types.DiagnosticSeverity.Warning
    assert spelling.source == "newslint"
    assert spelling.message == "„Pjönjang“ differs from „Pjöngjang“ (4× elsewhere in this article)"
    assert spelling.code_description.href.endswith("README.md#rule-spelling-consistency")
    quote = LINE.index('"Wir') + 1
    assert quotes.range == types.Range(types.Position(1, quote), types.Position(1, quote + len('"Wir kommen wieder."')))
    assert quotes.code == "quote-marks"
