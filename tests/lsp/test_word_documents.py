"""The language server checks the text an editor edits: never a Word document (.docx)."""

from __future__ import annotations

from newslint.lsp.linting import Linter, Settings


def test_a_word_document_is_not_an_article_of_the_language_server(tmp_path):
    (tmp_path / "artikel.txt").write_text("Titel\nEin Absatz.\n", encoding="utf-8")
    (tmp_path / "artikel.docx").write_bytes(b"PK\x03\x04")
    linter = Linter(str(tmp_path), Settings())
    assert linter.is_article(str(tmp_path / "artikel.txt"))
    assert not linter.is_article(str(tmp_path / "artikel.docx"))
