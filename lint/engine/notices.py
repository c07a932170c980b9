"""Notices that need not be said on every run: a rule that is skipped (`grammar` without
LanguageTool) is said at most once an hour per repository — and only by a run in which it would
have run on a file (see `newslint.engine.runner.Engine.skipped_rules`), so that a run whose every
input was an error neither says it nor uses up the hour.

The time a notice was last said is kept in `notices.json` in the result cache's directory (by
default at the root of the repository, see `newslint.engine.cache.default_directory`), per
repository (see `newslint.engine.repository.project_folder`), so a run from any folder of the
repository knows what was said. A run that cannot read or write it says the notice.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import suppress

from newslint.engine.repository import project_folder

EVERY = 3600  # seconds between two sayings of one notice in one repository
_FILE = "notices.json"
_KEEP = 100  # notices remembered, the most recent ones


def due(directory: str, notice: str, now: float | None = None) -> bool:
    """Whether to say `notice` now: it was not said in this repository within the last hour. When it
    is due, it is noted as said."""
    now = time.time() if now is None else now
    key = f"{os.path.abspath(project_folder())}\n{notice}"
    path = os.path.join(directory, _FILE)
    try:
        with open(path, encoding="utf-8") as handle:
            said = json.load(handle)
        if not isinstance(said, dict):
            said = {}
    except (OSError, ValueError):
        said = {}
    last = said.get(key)
    if isinstance(last, (int, float)) and 0 <= now - last < EVERY:
        return False
    said[key] = now
    said = dict(sorted(said.items(), key=lambda item: item[1] if isinstance(item[1], (int, float)) else 0)[-_KEEP:])
    with suppress(OSError):
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".notices.", suffix=".part")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(said, handle)
        os.replace(temporary, path)
    return True
