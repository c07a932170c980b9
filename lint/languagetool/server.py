"""A local LanguageTool, started as a server process for the run.

language-tool-python finds an unpacked `LanguageTool-X.Y` folder (holding
`languagetool-server.jar`) in `$LTP_PATH` or `~/.cache/language_tool_python`, and Java, and starts
it on a free local port; it is stopped when the run ends (`newslint.languagetool.service.close_all`),
and in a worker of `--jobs` also when the worker is ended.
"""

from __future__ import annotations

import os

from newslint.languagetool.client import Client
from newslint.languagetool.location import local_version


def start_local(settings) -> Client:
    """A client of a LanguageTool started here; one that fails every check when it cannot start."""
    version = local_version()
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language_tool_download_version=version)
    except Exception as error:  # Java too old, jar broken, port trouble: say so for each file
        client = Client("http://127.0.0.1:0", settings.timeout, settings.concurrency, settings.batch_size,
                        settings.budget)
        client.failure = f"could not start the local LanguageTool {version} ({error})"
        return client
    client = Client(tool.url, settings.timeout, settings.concurrency, settings.batch_size, settings.budget)
    client.local_server = tool
    _stop_with_the_worker()
    return client


def _stop_with_the_worker() -> None:
    """A worker of `--jobs` is ended by SIGTERM, which skips `atexit`: stop the local server then too."""
    import multiprocessing
    import signal
    import threading

    if multiprocessing.parent_process() is None or threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, frame):
        from newslint.languagetool.service import close_all

        close_all()
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
