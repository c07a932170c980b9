"""One rule file: `<Style>/<Rule>.yml` in Vale's format, read and checked key by key.

Every rule has `extends` (its check type) and `message`; `level` (suggestion, warning, error:
newslint's info, warning, error; default warning), `scope` (default text), `link`, `limit`,
`description` and `action` are common to all. The other keys depend on the check type, as Vale
documents them. A key that its type does not know, a value of the wrong kind, a missing key the
type needs or YAML that does not parse is a `StyleError` naming the file, the rule and the key
(and the line, for YAML). Types that newslint does not run (`spelling`, `sequence`, `metric`,
`script`, `readability`) are read without checking their keys.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any


class StyleError(Exception):
    """A style, rule or vocabulary that cannot be used; the message names the file and the problem."""


#: the check types newslint runs
CHECKS = ("existence", "substitution", "occurrence", "repetition", "consistency", "conditional",
          "capitalization")
#: Vale's other check types: read, reported as not run
NOT_RUN = ("spelling", "sequence", "metric", "script", "readability")
#: Vale's levels as newslint's severities
LEVELS = {"suggestion": "info", "warning": "warning", "error": "error"}

_COMMON = {"extends": str, "message": str, "description": str, "level": str, "scope": "scope",
           "link": str, "limit": int, "action": "action", "name": str}
#: the keys of each check type besides the common ones, with the kind of value each takes
KEYS: dict[str, dict[str, Any]] = {
    "existence": {"append": bool, "ignorecase": bool, "nonword": bool, "raw": list, "tokens": list,
                  "exceptions": list, "vocab": bool},
    "substitution": {"append": bool, "ignorecase": bool, "nonword": bool, "swap": dict,
                     "exceptions": list, "vocab": bool, "capitalize": bool, "pos": str},
    "occurrence": {"max": int, "min": int, "token": str, "ignorecase": bool},
    "repetition": {"ignorecase": bool, "alpha": bool, "tokens": list, "exceptions": list,
                   "vocab": bool, "max": int},
    "consistency": {"nonword": bool, "ignorecase": bool, "either": dict},
    "conditional": {"ignorecase": bool, "first": str, "second": str, "exceptions": list,
                    "vocab": bool},
    "capitalization": {"match": str, "style": str, "exceptions": list, "indicators": list,
                       "threshold": float, "prefix": str, "vocab": bool},
}
#: keys a check type cannot do without (one of each tuple)
REQUIRED = {
    "existence": (("tokens", "raw"),),
    "substitution": (("swap",),),
    "occurrence": (("token",), ("max", "min")),
    "repetition": (("tokens",),),
    "consistency": (("either",),),
    "conditional": (("first",), ("second",)),
    "capitalization": (("match",),),
}
_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "text",
               list: "a list", dict: "a map of key: value", "scope": "a scope or a list of scopes",
               "action": "a map with 'name' and 'params'"}


@dataclass(frozen=True)
class RuleFile:
    """A rule as its file defines it: `keys` holds the checked values (lists and maps of text)."""

    id: str  # Style.Rule
    path: str
    extends: str
    keys: dict = field(default_factory=dict)

    @property
    def severity(self) -> str:
        return LEVELS[self.keys.get("level", "warning")]

    def where(self) -> str:
        return f"{self.path}: rule '{self.id}'"


def read_rule(path: str, style: str, source: bytes) -> RuleFile:
    """Read and check the rule file at `path` (its bytes: `source`) of the style `style`."""
    import yaml

    rule_id = f"{style}.{os.path.splitext(os.path.basename(path))[0]}"
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StyleError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # the safe loader: data, never objects
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise StyleError(f"{path}{line}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    where = f"{path}: rule '{rule_id}'"
    if not isinstance(data, dict):
        raise StyleError(f"{where}: expected a map of keys (extends, message, …)")
    extends = data.get("extends")
    if extends is None:
        raise StyleError(f"{where}: the key 'extends' is missing (the check type, e.g. existence)")
    if extends in NOT_RUN:
        return RuleFile(rule_id, path, str(extends), {k: v for k, v in data.items() if k in _COMMON})
    if extends not in CHECKS:
        raise StyleError(_unknown(f"{where}: unknown check type '{extends}'", str(extends),
                                  [*CHECKS, *NOT_RUN], "check types"))
    known = {**_COMMON, **KEYS[extends]}
    keys: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise StyleError(_unknown(f"{where}: unknown key '{key}' for a '{extends}' check", str(key),
                                      list(known), "keys"))
        keys[key] = _value(value, known[key], f"{where}: {key}")
    if "message" not in keys:
        raise StyleError(f"{where}: the key 'message' is missing")
    if keys.get("level", "warning") not in LEVELS:
        raise StyleError(f"{where}: level must be suggestion, warning or error, not '{keys['level']}'")
    for alternatives in REQUIRED[extends]:
        if not any(keys.get(name) not in (None, [], {}, "") for name in alternatives):
            names = " or ".join(f"'{name}'" for name in alternatives)
            raise StyleError(f"{where}: a '{extends}' check needs {names}")
    return RuleFile(rule_id, path, extends, keys)


def _value(value: Any, kind: Any, where: str) -> Any:
    """The value of a key, checked against its kind; scalars in lists and maps become text."""
    if kind == "scope":
        value = [value] if isinstance(value, str) else value
        kind = list
    if kind == "action":
        if not isinstance(value, dict):
            raise StyleError(f"{where}: expected {_KIND_NAMES['action']}")
        params = value.get("params") or []
        if not isinstance(params, list):
            raise StyleError(f"{where}: params: expected a list")
        return {"name": str(value.get("name") or ""), "params": [_text(p, where) for p in params]}
    if value is None:
        return {list: [], dict: {}, str: ""}.get(kind)
    if kind is list:
        if not isinstance(value, list):
            raise StyleError(f"{where}: expected {_KIND_NAMES[list]}, got {value!r}")
        return [_text(item, where) for item in value]
    if kind is dict:
        if not isinstance(value, dict):
            raise StyleError(f"{where}: expected {_KIND_NAMES[dict]}, got {value!r}")
        return {_text(k, where): _text(v, where) for k, v in value.items()}
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise StyleError(f"{where}: expected {_KIND_NAMES[kind]}, got {value!r}")
    return value


def _text(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return str(value)
    raise StyleError(f"{where}: expected text, got {value!r}")


def _unknown(message: str, name: str, valid: list[str], what: str) -> str:
    from newslint.engine.config import did_you_mean

    hinted = did_you_mean(message, name, valid)
    return hinted if hinted != message else f"{message} ({what}: {', '.join(valid)})"
