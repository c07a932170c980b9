"""Running newslint as a user whom file permissions apply to, for tests of unreadable inputs.

An ordinary user is subject to them already. The superuser reads every file whatever its mode, so
for root the command runs under `setpriv` without the capabilities that override permissions
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): still root, but a file of mode 000 is unreadable to it.
`prefix()` is the words to put before a command, or None when permissions cannot be made to apply
here (tests then skip, saying why).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile

_DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
         "--inh-caps=-dac_override,-dac_read_search"]


@functools.lru_cache(maxsize=1)
def prefix() -> tuple[str, ...] | None:
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:  # does a file of mode 000 stay closed?
        probe = os.path.join(folder, "probe")
        with open(probe, "w") as handle:
            handle.write("x")
        os.chmod(probe, 0)
        try:
            done = subprocess.run([*_DROP, sys.executable, "-c", f"open({probe!r}).read()"],
                                  capture_output=True, timeout=30)
        except OSError:
            return None
        return tuple(_DROP) if done.returncode != 0 and b"PermissionError" in done.stderr else None


REASON = "cannot make file permissions apply: running as root without setpriv or the right to drop capabilities"
