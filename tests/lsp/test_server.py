"""The language server end to end: the real `newslint lsp` process, driven through pytest-lsp's client."""

from __future__ import annotations

import pytest

pytest.importorskip("pytest_lsp", reason="the language server's tests need pytest-lsp")

import asyncio  # noqa: E402

from lsp_session import eventually, open_document, published, start, workspace  # noqa: E402,F401 (fixtures)
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


async def test_code_actions_fix_suppress_and_fix_all(start, workspace):
    article = workspace / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, article)
    spelling, _quotes = await published(client, uri, lambda found: len(found) == 2)
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=spelling.range,
        context=types.CodeActionContext(diagnostics=[spelling])))
    titles = [action.title for action in found]
    fix = next(action for action in found if action.title.startswith("spelling-consistency: write"))
    assert fix.is_preferred  # a safe fix
    (edit,) = fix.edit.changes[uri]
    assert edit.range == spelling.range and edit.new_text == "Pjöngjang"
    suppress = next(action for action in found if action.title.startswith("Suppress spelling-consistency"))
    (comment,) = suppress.edit.changes[uri]
    assert comment.range == types.Range(types.Position(1, 0), types.Position(1, 0))
    assert comment.new_text == "# newslint: disable-next-line=spelling-consistency\n"
    fix_all = next(action for action in found if action.title.startswith("Fix all safe findings in this article"))
    assert "(2 findings)" in fix_all.title, titles
    (whole,) = fix_all.edit.changes[uri]
    lines = ARTICLE.split("\n")
    fixed = "\n".join(lines[:1] + [lines[1].replace("Pjönjang", "Pjöngjang").replace('"Wir', "„Wir")
                                   .replace('wieder."', "wieder.“")] + lines[2:])
    start_offset = len(lines[0]) + 1 + whole.range.start.character - 1  # one astral character before it
    assert whole.range.start.line == 1 and whole.range.end.line == 1
    assert fixed[:start_offset] + whole.new_text == fixed[: start_offset + len(whole.new_text)]


async def test_hover_on_a_finding_shows_the_rules_explanation(start, workspace):
    from newslint.engine.docs import explanation
    from newslint.engine.registry import rules_by_id

    article = workspace / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, article)
    spelling, _quotes = await published(client, uri, lambda found: len(found) == 2)
    shown = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=spelling.range.start))
    assert shown.contents.value == explanation(rules_by_id()["spelling-consistency"])
    assert shown.contents.value.startswith("spelling-consistency (default severity: ")
    assert shown.range == spelling.range
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 0)))
    assert nothing is None


async def test_a_change_is_checked_and_the_newest_text_wins(start, workspace):
    article = workspace / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, article)
    await published(client, uri, lambda found: len(found) == 2)
    fixed_line = LINE.replace("Pjönjang", "Pjöngjang")
    for version, line in ((2, LINE + " "), (3, fixed_line)):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(
                text=f"Pjöngjang empfängt Putin\n{line}\nPjöngjang und Pjöngjang.\n(dpa)\n")]))
    found = await published(client, uri, lambda found: len(found) == 1)
    assert [d.code for d in found] == ["quote-marks"]


async def test_a_binary_document_is_refused_with_a_message(start, workspace):
    article = workspace / "b.txt"
    article.write_text("x", encoding="utf-8")
    client = await start()
    uri = open_document(client, article, text="Titel\n\x00\x00 binär")
    assert await published(client, uri) == []
    (message,) = client.messages
    assert "binary" in message.message and "b.txt" in message.message


async def test_an_invalid_configuration_is_said_once_and_checking_resumes_when_fixed(start, workspace):
    article = workspace / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    config = workspace / "newslint.toml"
    config.write_text("no-such-key = 1\n", encoding="utf-8")
    client = await start()
    uri = open_document(client, article)
    await published(client, uri, lambda found: not found)
    client.diagnostics.pop(uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await published(client, uri, lambda found: not found)
    errors = [m for m in client.messages if m.type == types.MessageType.Error]
    assert len(errors) == 1 and "no-such-key" in errors[0].message
    config.write_text("lang = \"de\"\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config.resolve().as_uri(), type=types.FileChangeType.Changed)]))
    found = await published(client, uri, lambda found: len(found) == 2)
    assert [d.code for d in found] == ["spelling-consistency", "quote-marks"]


GRAMMAR_ARTICLE = "Pressekonferenz in Hanoi\nDie Pressekonferenz findet findet am Freitag in Hanoi statt.\n"


async def test_grammar_findings_arrive_after_the_fast_ones(start, workspace):
    from fake_languagetool import FakeLanguageTool

    article = workspace / "g.txt"
    article.write_text(GRAMMAR_ARTICLE, encoding="utf-8")
    with FakeLanguageTool(delay=1.0) as fake:
        client = await start(env={"NEWSLINT_LANGUAGETOOL_URL": fake.url})
        uri = open_document(client, article)
        first = await published(client, uri)
        assert "grammar" not in [d.code for d in first]  # published before LanguageTool answered
        found = await published(client, uri, lambda found: "grammar" in [d.code for d in found])
    (grammar,) = [d for d in found if d.code == "grammar"]
    column = GRAMMAR_ARTICLE.split("\n")[1].index("findet findet")
    assert grammar.range == types.Range(types.Position(1, column), types.Position(1, column + len("findet findet")))
    assert fake.checks  # asked over HTTP on 127.0.0.1


async def test_a_grammar_server_that_is_down_is_said_once(start, workspace):
    from fake_languagetool import FakeLanguageTool

    article = workspace / "g.txt"
    article.write_text(GRAMMAR_ARTICLE, encoding="utf-8")
    fake = FakeLanguageTool().start()
    url = fake.url
    fake.stop()  # nothing listens there any more
    client = await start(env={"NEWSLINT_LANGUAGETOOL_URL": url})
    uri = open_document(client, article)
    await published(client, uri)
    for version in (2, 3, 4):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=GRAMMAR_ARTICLE + " " * version)]))
        await asyncio.sleep(0.3)
    await eventually(lambda: client.messages)
    await asyncio.sleep(0.5)
    grammar = [m for m in client.messages if "grammar" in m.message]
    assert len(grammar) == 1, [m.message for m in client.messages]


async def test_a_document_larger_than_the_limit_is_refused_with_a_message(start, workspace):
    (workspace / "newslint.toml").write_text("max-file-size = 2000\n", encoding="utf-8")
    article = workspace / "big.txt"
    article.write_text("x", encoding="utf-8")
    client = await start()
    uri = open_document(client, article, text=ARTICLE + "Noch ein Absatz über Pjönjang.\n" * 80)
    assert await published(client, uri) == []
    (message,) = client.messages
    assert "big.txt" in message.message and "larger than the limit" in message.message
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=ARTICLE)]))
    found = await published(client, uri, lambda found: len(found) == 2)  # short enough again: checked
    assert [d.code for d in found] == ["spelling-consistency", "quote-marks"]


async def test_the_baseline_setting_hides_the_findings_it_records(start, workspace, monkeypatch):
    from click.testing import CliRunner
    from newslint.cli import main

    article = workspace / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(workspace)
    written = CliRunner().invoke(main, ["check", "--no-cache", "--write-baseline", "baseline.json", "a.txt"])
    assert written.exit_code == 0, written.output
    client = await start(options={"baseline": "baseline.json"})
    uri = open_document(client, article)
    assert await published(client, uri) == []  # both findings are in the baseline
    newer = ARTICLE.replace("Pjöngjang und Pjöngjang.", "Pjöngjang und Pjöngjang. Er sagte: \"Neu.\"")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=newer)]))
    found = await published(client, uri, lambda found: len(found) == 1)
    assert found[0].code == "quote-marks" and found[0].range.start.line == 2  # only the new one


async def test_the_workspace_command_checks_the_files_that_are_not_open(start, workspace):
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (workspace / "sub").mkdir()
    clean = workspace / "sub" / "clean.txt"
    clean.write_text("Pjöngjang empfängt Putin\nDer Präsident reiste nach Pjöngjang.\n(dpa)\n", encoding="utf-8")
    client = await start()
    answer = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="newslint.checkWorkspace", arguments=[]))
    assert answer == {"files": 2, "findings": 2, "errors": []}
    found = await published(client, (workspace / "a.txt").resolve().as_uri())
    assert [d.code for d in found] == ["spelling-consistency", "quote-marks"]
    assert await published(client, clean.resolve().as_uri()) == []


async def test_unused_suppressions_as_the_configuration_says_unless_the_client_decides(start, workspace):
    (workspace / "newslint.toml").write_text("report-unused-suppressions = true\n", encoding="utf-8")
    article = workspace / "a.txt"
    article.write_text("Titel\n# newslint: disable-next-line=date-consistency\nBerlin (dpa) – Alles gut.\n",
                       encoding="utf-8")
    client = await start()
    uri = open_document(client, article)
    found = await published(client, uri, lambda found: len(found) == 1)
    assert [(d.code, d.range.start.line) for d in found] == [("unused-suppression", 1)]
    quiet = await start({"reportUnusedSuppressions": False})
    uri = open_document(quiet, article)
    await asyncio.sleep(1.0)
    assert await published(quiet, uri) == []
