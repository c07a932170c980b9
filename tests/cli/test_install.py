"""newslint installs one import package, `newslint`, and runs as `python -m newslint`."""

import json
import subprocess
import sys

from newslint import __version__

# run outside the checkout, so that its folders `lint/` and `rules/` are not on the path
INSTALLED = r"""
import json, importlib.util
from importlib.metadata import distribution
dist = distribution("newslint")
direct = json.loads(dist.read_text("direct_url.json") or "{}")
files = [] if direct.get("dir_info", {}).get("editable") else [str(f) for f in dist.files or ()]
tops = sorted({f.split("/")[0] for f in files
               if not f.split("/")[0].endswith((".dist-info", ".egg-info")) and not f.startswith("..")})
print(json.dumps({"top_level": (dist.read_text("top_level.txt") or "").split(),
                  "tops": tops, "editable": not files,
                  "lint": importlib.util.find_spec("lint") is not None,
                  "newslint_rules": importlib.util.find_spec("newslint.rules") is not None}))
"""


def test_the_distribution_installs_only_the_newslint_package(tmp_path):
    done = subprocess.run([sys.executable, "-c", INSTALLED], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    found = json.loads(done.stdout)
    assert found["top_level"] == ["newslint"]
    assert not found["lint"], "a top-level package 'lint' is installed"
    assert found["newslint_rules"]
    if not found["editable"]:  # a regular install lists its files: all under newslint/
        assert found["tops"] == ["newslint"], found["tops"]


def test_python_dash_m_newslint(tmp_path):
    done = subprocess.run([sys.executable, "-m", "newslint", "--version"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"newslint {__version__}"
