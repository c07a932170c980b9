"""Where LanguageTool runs, found without contacting anything (see `newslint.languagetool.service`).

Every run asks `unavailable()` before the grammar rule's first article, including runs that find
every file in the result cache; so this module is kept apart from the client, small and quick to
import.
"""

from __future__ import annotations

import os
import re
from importlib.util import find_spec

ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"
HOW_TO_ENABLE = (
    f"set {ENV_URL} or `server` under [tool.newslint.grammar] to a LanguageTool server "
    "(see 'newslint explain grammar')"
)
_LOCAL_FOLDER = re.compile(r"LanguageTool-(\d+\.\d+|\d{8})")


_HOST = re.compile(r"[A-Za-z0-9._~%-]+|[0-9A-Fa-f:.]+")  # a name or IPv4 address, or IPv6 (brackets off)


def server_url(option: str = "") -> str:
    """The configured server: the environment variable, else the option ('' when neither).

    Raises ValueError when the environment variable holds something that is not a server's URL."""
    from_environment = os.environ.get(ENV_URL, "").strip()
    if from_environment:
        normal_url(from_environment)
        return from_environment
    return option.strip()


def normal_url(given: str) -> str:
    """A server's URL as the client uses it: http(s), with a host (a bare `host:port` is http).

    Raises ValueError for anything else: a file URL, another scheme, no host, a bad port, text."""
    import urllib.parse

    url = given.strip()
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urllib.parse.urlsplit(url)
        valid = (parts.scheme.lower() in ("http", "https") and parts.port != 0
                 and _HOST.fullmatch(parts.hostname or "") is not None)
    except ValueError:  # a port that is not one
        valid = False
    if not valid:
        raise ValueError(f"'{given.strip()}' is not an http(s) URL of a LanguageTool server "
                         "(write e.g. http://localhost:8081)")
    return url.rstrip("/")


def local_folder() -> str:
    """Where language-tool-python keeps LanguageTool."""
    return os.environ.get("LTP_PATH") or os.path.join(os.path.expanduser("~"), ".cache", "language_tool_python")


def local_version() -> str | None:
    """The newest unpacked LanguageTool in `local_folder()` (e.g. '6.6'), if any."""
    folder = local_folder()
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    versions = [
        match.group(1)
        for name in names
        if (match := _LOCAL_FOLDER.fullmatch(name))
        and os.path.isfile(os.path.join(folder, name, "languagetool-server.jar"))
    ]
    return max(versions, key=lambda v: tuple(int(p) for p in v.split(".")), default=None)


def unavailable(server_option: str = "") -> str | None:
    """Why LanguageTool cannot be used in this run, or None when it can (nothing is contacted)."""
    if server_url(server_option):
        return None
    version = local_version()
    if version is None:
        return f"no LanguageTool server configured and no local LanguageTool found; {HOW_TO_ENABLE}"
    where = os.path.join(local_folder(), f"LanguageTool-{version}")
    if find_spec("language_tool_python") is None:
        return f"LanguageTool is in {where}, but language-tool-python is missing: pip install 'newslint[grammar]'"
    import shutil  # rarely needed: only when LanguageTool is installed here

    if shutil.which("java") is None:
        return f"LanguageTool is in {where}, but Java is not installed (LanguageTool needs Java 17 or later)"
    return None
