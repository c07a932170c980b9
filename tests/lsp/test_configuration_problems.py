"""What the language server says when the configuration has a problem, and what it checks all the
same: a house style's broken rule file (at start and after a change of it), a configuration that
cannot be read in the workspace command, and a selection of files that cannot be worked out."""

from __future__ import annotations

import pytest

pytest.importorskip("pytest_lsp", reason="the language server's tests need pytest-lsp")

import asyncio  # noqa: E402

from lsp_session import open_document, published, start, workspace  # noqa: E402,F401 (fixtures)
from lsprotocol import types  # noqa: E402
from newslint.engine.config import ConfigError  # noqa: E402
from newslint.engine.source import InputError  # noqa: E402

pytestmark = pytest.mark.asyncio

ARTICLE = "Pjöngjang empfängt Putin\nDer Präsident reiste nach Pjönjang. Vermeiden Sie Floskeln.\n(dpa)\n"
GOOD_RULE = 'extends: existence\nmessage: "„%s“ vermeiden"\nlevel: warning\ntokens: [Floskeln]\n'
BROKEN_RULES = {
    "an invalid pattern": ('extends: existence\nmessage: "„%s“ vermeiden"\ntokens: ["(unclosed"]\n',
                           "rule 'Haus.Wort': invalid pattern '(unclosed'"),
    "broken YAML": ('extends: existence\nmessage: "„%s“ vermeiden\ntokens: [Floskeln\n', "Wort.yml:4: not valid YAML"),
    "an unknown check type": ('extends: existense\nmessage: "„%s“ vermeiden"\ntokens: [Floskeln]\n',
                              "rule 'Haus.Wort': unknown check type 'existense'; did you mean 'existence'?"),
}


def house_style(workspace, rule: str):
    """The workspace's configuration with the style Haus, whose one rule file holds `rule`."""
    (workspace / "styles" / "Haus").mkdir(parents=True, exist_ok=True)
    (workspace / "newslint.toml").write_text('styles-path = "styles"\nstyles = ["Haus"]\n', encoding="utf-8")
    rule_file = workspace / "styles" / "Haus" / "Wort.yml"
    rule_file.write_text(rule, encoding="utf-8")
    return rule_file


def errors(client) -> list[str]:
    return [m.message for m in client.messages if m.type == types.MessageType.Error]


def changed(client, path) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=path.resolve().as_uri(), type=types.FileChangeType.Changed)]))


@pytest.mark.parametrize("problem", sorted(BROKEN_RULES))
async def test_a_broken_style_file_is_said_once_and_the_other_rules_run(start, workspace, problem):
    rule, said = BROKEN_RULES[problem]
    rule_file = house_style(workspace, rule)
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, workspace / "a.txt")
    found = await published(client, uri)
    assert [d.code for d in found] == ["spelling-consistency"]
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await asyncio.sleep(0.5)  # checked again: said no second time
    (message,) = errors(client)
    assert message.startswith(f"newslint: {rule_file.resolve()}")
    assert said in message


async def test_a_style_file_broken_after_the_start_is_said_and_its_findings_return_once_fixed(start, workspace):
    rule_file = house_style(workspace, GOOD_RULE)
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, workspace / "a.txt")
    found = await published(client, uri, lambda found: len(found) == 2)
    assert [d.code for d in found] == ["spelling-consistency", "Haus.Wort"] and not client.messages
    rule_file.write_text(BROKEN_RULES["an invalid pattern"][0], encoding="utf-8")
    changed(client, rule_file)
    found = await published(client, uri, lambda found: len(found) == 1)
    assert [d.code for d in found] == ["spelling-consistency"]
    (message,) = errors(client)
    assert str(rule_file.resolve()) in message and "invalid pattern '(unclosed'" in message
    rule_file.write_text(GOOD_RULE, encoding="utf-8")
    changed(client, rule_file)
    found = await published(client, uri, lambda found: len(found) == 2)
    assert [d.code for d in found] == ["spelling-consistency", "Haus.Wort"]
    assert len(errors(client)) == 1


async def test_the_workspace_command_lists_a_broken_style_file_and_says_it_once(start, workspace):
    rule_file = house_style(workspace, BROKEN_RULES["an unknown check type"][0])
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    client = await start()
    uri = open_document(client, workspace / "a.txt")
    await published(client, uri)
    answer = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="newslint.checkWorkspace", arguments=[]))
    (error,) = answer["errors"]
    assert error.startswith(str(rule_file.resolve())) and "unknown check type 'existense'" in error
    assert answer["files"] == 1 and answer["findings"] == 1
    assert len(errors(client)) == 1  # the open document and the command found the same problem


async def test_the_workspace_command_answers_a_configuration_that_cannot_be_read_with_its_message(start, workspace):
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (workspace / "house.toml").write_text("no-such-key = 1\n", encoding="utf-8")
    client = await start(options={"config": "house.toml"})
    answer = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="newslint.checkWorkspace", arguments=[]))
    (error,) = answer["errors"]
    assert answer["files"] == 0 and "house.toml" in error and "unknown key 'no-such-key'" in error
    assert "Traceback" not in error
    (message,) = errors(client)
    assert error in message


# -- in the server's process: failures that no configuration of today's engine provokes ------------


@pytest.fixture
def in_process(tmp_path, monkeypatch):
    """A server object in this process on the workspace `tmp_path` (no client: what it would send
    is kept in `sent`), and a function that opens a document in it."""
    from lsp_session import uri_of
    from newslint.lsp import server as lsp
    from newslint.lsp.linting import Linter, Settings
    from pygls.workspace import Workspace

    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", "")
    ls = lsp.NewslintServer()
    ls.protocol._workspace = Workspace(uri_of(tmp_path))
    ls.linter = Linter(str(tmp_path), Settings())
    ls.sent = {"messages": [], "diagnostics": []}
    monkeypatch.setattr(ls, "window_show_message", ls.sent["messages"].append)
    monkeypatch.setattr(ls, "text_document_publish_diagnostics", ls.sent["diagnostics"].append)

    def open_here(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        uri = uri_of(tmp_path / name)
        ls.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text))
        ls.open.add(uri)
        return uri

    ls.open_here = open_here
    yield ls
    ls.fast_pool.shutdown()
    ls.slow_pool.shutdown()


def _fail(error: Exception):
    def failing(*args, **kwargs):
        raise error
    return failing


@pytest.mark.parametrize("error", [ValueError("Invalid git pattern: 'foo\\\\'"),
                                   ConfigError(".gitignore: a pattern that cannot be read")])
async def test_a_document_is_checked_when_the_selection_of_articles_fails(in_process, monkeypatch, error):
    monkeypatch.setattr(in_process.linter, "is_article", _fail(error))
    uri = in_process.open_here("a.txt", ARTICLE)
    await in_process.lint(uri, 0)
    await in_process.lint(uri, 0)
    (shown,) = in_process.sent["messages"]  # once
    assert shown.type == types.MessageType.Error and str(error) in shown.message
    assert "Traceback" not in shown.message
    published = in_process.sent["diagnostics"][-1]
    assert published.uri == uri and [d.code for d in published.diagnostics] == ["spelling-consistency"]


@pytest.mark.parametrize("error, said", [
    (ValueError("Invalid git pattern: 'foo\\\\'"), "ValueError: Invalid git pattern: 'foo\\\\'"),
    (InputError("cannot read this folder"), "cannot read this folder"),
])
async def test_the_workspace_command_answers_a_failure_as_a_message(in_process, monkeypatch, error, said):
    from newslint.lsp.server import check_workspace

    monkeypatch.setattr(in_process.linter, "check_folder", _fail(error))
    answer = await check_workspace(in_process)
    assert answer == {"files": 0, "findings": 0, "errors": [said]}
    (shown,) = in_process.sent["messages"]
    assert said in shown.message and "Traceback" not in shown.message
