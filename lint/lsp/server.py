"""The language server: documents in, diagnostics, code actions and hovers out.

A document is checked when it is opened, saved, and after each change once the writer pauses for
the `debounce` time: a change cancels the check of the text before it (a check under way in its
thread is left to finish, and what it finds is dropped), so the newest text always wins. The fast
rules' findings are published first; the grammar findings follow when LanguageTool answers, in a
second publication with both. Checks run in worker threads, so the server answers while they run.

What the writer is told, once each (not per keystroke): a configuration that is wrong (until it is
fixed: the documents are then checked again), a house style's rule file, vocabulary or plugin
that cannot be loaded (the other rules run all the same), a document that is refused (binary, too
large), and a grammar server that does not answer (until it answers again). When which files are
articles cannot be worked out (the configuration's selection fails), the document opened is
checked all the same. The workspace command answers what went wrong as a message, never a
traceback (that goes to the log). Changed configuration and style
files (`workspace/didChangeWatchedFiles`, or saved in the editor) are read again and the open
documents checked again. The command `newslint.checkWorkspace` checks every article of the
workspace folders with the result cache, as `newslint check FOLDER` would.

The server log (pygls and newslint, level INFO) goes to stderr, which editors show as the
server's output; `--log-file` writes it to a file.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from newslint import __version__
from newslint.engine.config import ConfigError
from newslint.engine.finding import FileResult
from newslint.engine.source import InputError
from newslint.lsp import actions
from newslint.lsp.diagnostics import published
from newslint.lsp.linting import Linter, Settings, is_config_file
from newslint.lsp.positions import Positions
from newslint.lsp.protocol import Protocol

log = logging.getLogger("newslint.lsp")

CHECK_WORKSPACE = "newslint.checkWorkspace"
#: the files whose change is watched: configurations, house styles and vocabularies
WATCHED = ("**/pyproject.toml", "**/newslint.toml", "**/.vale.ini", "**/*.yml", "**/*.yaml",
           "**/accept.txt", "**/reject.txt")


@dataclass
class Shown:
    """What a document shows now: the text and version its findings belong to."""

    version: int | None
    positions: Positions
    result: FileResult
    diagnostics: list[types.Diagnostic]

    @property
    def findings(self) -> list[tuple]:
        """Each finding with its diagnostic (which come after the one of an unreadable article)."""
        count = len(self.result.diagnostics)
        return list(zip(self.result.diagnostics, self.diagnostics[len(self.diagnostics) - count:]))


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, protocol_cls=Protocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter = Linter(None, Settings())
        self.fast_pool = ThreadPoolExecutor(1, thread_name_prefix="newslint-check")
        self.slow_pool = ThreadPoolExecutor(1, thread_name_prefix="newslint-grammar")
        self.open: set[str] = set()
        self.shown: dict[str, Shown] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.said: set[str] = set()  # messages shown, so that each is shown once
        self.grammar_down = False

    # -- telling the writer ----------------------------------------------------------------

    def tell(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Show a message once (until the configuration is read again); it goes to the log as well."""
        if message not in self.said:
            log.warning(message)
            self.said.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=f"newslint: {message}"))

    def tell_config_error(self, error: Exception | str) -> None:
        """A configuration, style file or selection that is wrong: said once, until it is read again.
        An error newslint does not expect goes to the log with its traceback, and is said as well."""
        unexpected = isinstance(error, Exception) and not isinstance(error, (ConfigError, InputError))
        said = f"{type(error).__name__}: {error} (the server log has the details)" if unexpected else error
        message = f"{said}; fix it and the articles are checked again"
        if unexpected and message not in self.said:
            log.error("unexpected error", exc_info=error)
        self.tell(message)

    def report_server_error(self, error: Exception, source) -> None:
        import json

        if isinstance(error, json.JSONDecodeError):
            self.protocol.parse_error(error)
            return
        log.error("%s", error)

    # -- checking ----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check a document after `delay` seconds; a check of it still waiting or under way is cancelled."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.lint(uri, delay))

    def document_version(self, uri: str) -> int | None:
        return self.workspace.get_text_document(uri).version if uri in self.open else None

    async def lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        if uri not in self.open:
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        path = to_fs_path(uri)
        if path is None:
            return  # not a file (an unsaved buffer): no configuration, no format
        loop = asyncio.get_running_loop()
        try:
            article = await loop.run_in_executor(self.fast_pool, self.linter.is_article, path)
        except Exception as error:  # which files are articles is unknown: check the one opened
            self.tell_config_error(error)
            article = True
        if not article:
            return
        try:
            checked = await loop.run_in_executor(self.fast_pool, self.linter.check, path, text)
        except InputError as error:
            self.tell(f"{path}: not checked: {error}", types.MessageType.Warning)
            self.publish(uri, version, text, FileResult(path))
            return
        except Exception as error:  # a configuration that is wrong, or a failure: said, not raised
            self.tell_config_error(error)
            self.publish(uri, version, text, FileResult(path))
            return
        for error in checked.load_errors:
            self.tell_config_error(error)
        if self.document_version(uri) != version:
            return  # a newer text is on its way
        if checked.result.partial:
            log.error("%s: %s", path, checked.result.error)
        self.publish(uri, version, text, checked.result)
        if not checked.slow:
            return
        slow = await loop.run_in_executor(self.slow_pool, self.linter.check_slow, checked)
        if self.document_version(uri) != version:
            return
        if slow.error is not None:
            if not self.grammar_down:
                self.grammar_down = True
                self.tell(f"grammar not checked: {slow.error}", types.MessageType.Warning)
            return
        if self.grammar_down:
            self.grammar_down = False
            self.said = {message for message in self.said if not message.startswith("grammar not checked")}
            log.info("grammar checked again")
        both = FileResult(checked.result.path, sorted([*checked.result.diagnostics, *slow.diagnostics],
                                                      key=lambda d: d.sort_key()), text=text)
        self.publish(uri, version, text, both)

    def publish(self, uri: str, version: int | None, text: str, result: FileResult) -> None:
        positions = Positions(text)
        path = to_fs_path(uri) or ""
        diagnostics = published(result, positions, lambda rule: self._link(rule, path))
        self.shown[uri] = Shown(version, positions, result, diagnostics)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def _link(self, rule: str, path: str) -> str | None:
        try:
            return self.linter.docs_link(rule, path)
        except ConfigError:
            return None

    def reload(self) -> None:
        """Read configurations and the baseline again; check the open documents again."""
        self.said.clear()
        try:
            self.linter.reload()
        except ConfigError as error:
            self.tell_config_error(error)
        for uri in self.open:
            self.schedule(uri, 0)


server = NewslintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
    root = ls.workspace.root_path
    try:
        settings = Settings.from_options(params.initialization_options, root)
    except ConfigError as error:
        ls.tell(str(error))
        settings = Settings()
    ls.linter = Linter(root, settings)


@server.feature(types.INITIALIZED)
async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED])
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="newslint-configuration", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))
        except Exception as error:  # the client said no: saving a configuration in the editor still reloads
            log.warning("cannot watch the configuration files: %s", error)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.open.add(params.text_document.uri)
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.linter.settings.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    if path and is_config_file(path):
        ls.reload()
    elif params.text_document.uri in ls.open:
        ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.open.discard(uri)
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    if ls.shown.pop(uri, None) is not None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [to_fs_path(change.uri) for change in params.changes]
    if any(path and (is_config_file(path) or path == ls.linter.settings.baseline) for path in paths):
        ls.reload()


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]))
async def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    shown = ls.shown.get(uri)
    path = to_fs_path(uri)
    if shown is None or path is None or shown.version != ls.document_version(uri):
        return []  # no findings, or findings of an older text: their places are gone
    wanted = params.context.only
    found: list[types.CodeAction] = []
    if not wanted or any(kind.startswith(types.CodeActionKind.QuickFix) for kind in wanted):
        for finding, diagnostic in shown.findings:
            if not actions.overlaps(diagnostic.range, params.range):
                continue
            if finding.fix is not None:
                found.append(actions.fix_action(uri, finding, diagnostic, shown.positions))
            suppress = actions.suppress_action(uri, path, finding, diagnostic, shown.positions)
            if suppress is not None:
                found.append(suppress)
    if any(d.fix is not None and d.fix.applicability == "safe" for d in shown.result.diagnostics) and (
            not wanted or any(actions.FIX_ALL_KIND.startswith(kind) for kind in wanted)):
        text = shown.positions.text
        loop = asyncio.get_running_loop()
        try:
            fixed, count = await loop.run_in_executor(ls.fast_pool, ls.linter.fix_all, path, text)
        except (ConfigError, InputError) as error:
            log.warning("%s: cannot fix: %s", path, error)
        else:
            if fixed != text and ls.document_version(uri) == shown.version:
                found.append(actions.fix_all_action(uri, text, fixed, count))
    return found


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
    shown = ls.shown.get(params.text_document.uri)
    path = to_fs_path(params.text_document.uri)
    if shown is None or path is None:
        return None
    here = types.Range(params.position, params.position)
    under = [d for d in shown.diagnostics if d.code and actions.overlaps(d.range, here)]
    texts = []
    for rule in dict.fromkeys(str(d.code) for d in under):
        try:
            explained = ls.linter.explanation(rule, path)
        except ConfigError:
            explained = None
        if explained:
            texts.append(explained)
    if not texts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(texts)),
                       range=under[0].range)


@server.command(CHECK_WORKSPACE)
async def check_workspace(ls: NewslintServer, *args) -> dict:
    """Check every article in the workspace folders (or the folder given as the argument) with
    the result cache; publish the findings of the files that are not open. What it found, counted."""
    folders = [to_fs_path(arg) for arg in args if isinstance(arg, str)] or \
              [to_fs_path(folder.uri) for folder in ls.workspace.folders.values()] or [ls.workspace.root_path]
    folders = [folder for folder in folders if folder]
    loop = asyncio.get_running_loop()

    def run() -> tuple[list[FileResult], list[str]]:
        results = [result for folder in folders for result in ls.linter.check_folder(folder)]
        return results, ls.linter.load_errors()

    try:
        results, load_errors = await loop.run_in_executor(None, run)
    except Exception as error:  # answered as a message; a traceback goes to the log only
        ls.tell_config_error(error)
        said = str(error) if isinstance(error, (ConfigError, InputError)) else f"{type(error).__name__}: {error}"
        return {"files": 0, "findings": 0, "errors": [said]}
    for error in load_errors:
        ls.tell_config_error(error)
    errors = list(load_errors)
    for result in results:
        uri = from_fs_path(result.path)
        if result.error is not None:
            errors.append(f"{ls.linter.display(result.path)}: {result.error}")
        if uri in ls.open or result.text is None:
            continue
        ls.publish(uri, None, result.text, result)
    return {"files": len(results), "findings": sum(len(r.diagnostics) for r in results), "errors": errors}


def serve(log_file: str | None = None, level: int = logging.INFO) -> None:
    """Serve one client over standard input and output until it says `exit`."""
    handler = logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.getLogger("pygls").setLevel(max(level, logging.WARNING))
    log.info("newslint %s language server", __version__)
    server.start_io()
