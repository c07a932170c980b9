"""An existing `.vale.ini`, read as Vale reads it, so that a team that uses Vale changes nothing.

Read: `StylesPath` (relative to the file), `MinAlertLevel` (default suggestion, as Vale documents: style
rules below it are not run), `Vocab`, and each section named by a glob (`[*]`, `[*.md]`,
`[*.{md,txt}]`, `[archive/**]`) with its `BasedOnStyles` and its per-rule switches
(`Style.Rule = YES`, `NO`, or a level: suggestion, warning, error). A glob without "/" matches
the file name in any folder. The INI syntax is go-ini's, as Vale uses it: `key = value` (or
`key: value`), comments from `#` or `;` at the start of a line or after a space, a trailing `\\`
continues a line, quotes around a value are dropped, a key given twice adds to a list.

What else a `.vale.ini` may hold (`Packages`, `IgnoredScopes`, `BlockIgnores`, `[formats]`, …) is
passed over. A line that is none of the above is a `StyleError` naming the file and the line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newslint.styles.rule_file import StyleError

ALERT_LEVELS = ("suggestion", "warning", "error")
SWITCHES = ("YES", "NO", *ALERT_LEVELS)
_NOT_GLOBS = ("formats", "asciidoctor")


@dataclass(frozen=True)
class Section:
    """A glob section: the styles it bases on and its switches (Style.Rule, YES/NO/level)."""

    glob: str
    styles: tuple[str, ...]
    switches: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ValeIni:
    path: str
    styles_path: str | None
    min_level: str
    vocab: tuple[str, ...]
    sections: tuple[Section, ...]
    notices: tuple[str, ...] = ()


def read_vale_ini(path: str, source: bytes) -> ValeIni:
    """Read a `.vale.ini` (its bytes: `source`); a StyleError names the line that cannot be read."""
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StyleError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None
    sections: dict[str, dict[str, list[tuple[int, str]]]] = {"": {}}
    order = [""]
    current = ""
    pending = ""
    pending_line = 0
    for number, line in enumerate(text.splitlines(), 1):
        if pending:
            line = pending + line.lstrip()
            number = pending_line
        stripped = line.strip()
        if stripped.endswith("\\") and not stripped.startswith(("#", ";")):
            pending, pending_line = stripped[:-1], number
            continue
        pending = ""
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if stripped.startswith("["):
            if not stripped.endswith("]") or len(stripped) < 3:
                raise StyleError(f"{path}:{number}: cannot read '{stripped}': a section is written [glob]")
            current = stripped[1:-1].strip()
            if current not in sections:
                sections[current] = {}
                order.append(current)
            continue
        key, separator, value = _split(stripped)
        if not separator or not key:
            raise StyleError(f"{path}:{number}: cannot read '{stripped}': expected 'key = value' or '[glob]'")
        sections[current].setdefault(key, []).append((number, _unquoted(_uncommented(value))))
    if pending:
        raise StyleError(f"{path}:{pending_line}: the line ends in '\\' but nothing follows")
    return _settings(path, sections, order)


def _settings(path: str, sections: dict, order: list[str]) -> ValeIni:
    core = sections[""]
    notices: list[str] = []
    styles_path = None
    if core.get("StylesPath"):
        value = core["StylesPath"][-1][1]
        styles_path = os.path.join(os.path.dirname(os.path.abspath(path)), os.path.expanduser(value))
    min_level = "suggestion"
    if core.get("MinAlertLevel"):
        number, min_level = core["MinAlertLevel"][-1]
        if min_level not in ALERT_LEVELS:
            raise StyleError(f"{path}:{number}: MinAlertLevel must be suggestion, warning or error, not '{min_level}'")
    vocab = tuple(dict.fromkeys(name for _n, value in core.get("Vocab", []) for name in _list(value)))
    globs = []
    for name in order:
        if not name or name in _NOT_GLOBS:
            continue
        keys = sections[name]
        styles = tuple(dict.fromkeys(s for _n, value in keys.get("BasedOnStyles", []) for s in _list(value)))
        switches = []
        for key, values in keys.items():
            if "." not in key:
                continue
            number, value = values[-1]
            if value not in SWITCHES:
                notices.append(f"{path}:{number}: '{key} = {value}' is not YES, NO or a level; "
                               f"{key} is off, as in Vale")
                value = "NO"
            switches.append((key, value))
        globs.append(Section(name, styles, tuple(switches)))
    return ValeIni(path, styles_path, min_level, vocab, tuple(globs), tuple(notices))


def _split(line: str) -> tuple[str, str, str]:
    """key, separator, value of a `key = value` or `key: value` line (the first of = and :)."""
    positions = [p for p in (line.find("="), line.find(":")) if p > 0]
    if not positions:
        return line, "", ""
    at = min(positions)
    return line[:at].strip(), line[at], line[at + 1:].strip()


def _uncommented(value: str) -> str:
    for marker in (" #", " ;", "\t#", "\t;"):
        at = value.find(marker)
        if at >= 0:
            value = value[:at]
    return value.strip()


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'`":
        return value[1:-1]
    return value


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
