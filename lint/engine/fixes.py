"""Applying fixes: edits into an article's text, pass after pass, and the text back into its file.

How a fix is applied, and what keeps it safe:

- **Overlap.** The fixes of a pass are taken in the order of where they start; a fix whose edits
  overlap an edit already taken waits (all of its edits, or none, apply). Fixes with the same edits
  (two findings, one repair) apply once.
- **Passes.** After each pass the text is checked again and the fixes found then are applied, up
  to MAX_PASSES, until no fix to apply remains; what is left is reported as findings.
- **Baselines.** A finding in the baseline is never fixed, and no other fix edits its span: its
  place is followed through the passes, so it stays recognised even where a fix next to it
  changes the text its fingerprint reads. Suppressed findings never reach this module.
- **Writing.** Just before writing, the file is read again: if it is no longer what was checked,
  it is left alone (`FileChanged`). The fixed text goes into a temporary file in the same folder,
  which takes the file's permissions and replaces it in one step (`os.replace`), so a reader sees
  the old article or the new one, never half of either; the target of a symbolic link is written,
  the link stays. A read-only file is not written.
- **Bytes.** The text is the file's UTF-8 without a byte-order mark; the mark is put back,
  line endings (CRLF too) and the final newline or its absence are the text's own, so every byte
  outside the edits stays as it was.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from newslint.engine.finding import Diagnostic, Edit, FileResult, Fix

#: at most this many rounds of fixing and checking again per file
MAX_PASSES = 10


class FileChanged(Exception):
    """The file changed on disk between reading and writing it."""


@dataclass
class Fixed:
    """One article fixed: its text before and after, and its findings before and after.

    `before` holds the findings the run started from (baseline applied); `result` what remains,
    with `fixed` counting the findings put right. `settled` is False when fixes still applied
    after MAX_PASSES.
    """

    original: str
    text: str
    before: FileResult
    result: FileResult
    settled: bool = True

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def unwritten(self, why: str) -> Fixed:
        """The same article, not written: its findings as before, and why as its error (the rules
        ran on it: it counts as checked)."""
        result = replace(self.before, error=why, fixed=0, partial=self.before.checked)
        return Fixed(self.original, self.original, self.before, result)


def fixable(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The findings whose fix a run applies (safe ones; unsafe ones too with `unsafe`)."""
    return [d for d in diagnostics if d.fix is not None and d.fix.applies(unsafe)]


def apply(text: str, fixes: list[Fix], blocked: Iterable[tuple[int, int]] = ()) -> tuple[str, list[Edit], int]:
    """Apply the fixes that overlap neither each other nor a `blocked` span.

    Returns the new text, the edits applied (in order) and how many of the fixes applied,
    counting fixes with the same edits as the one applied.
    """
    taken = _Taken(blocked)
    chosen: list[Edit] = []
    done: set[tuple] = set()
    applied = 0
    for fix in sorted(fixes, key=lambda fix: (fix.edits[0].start, fix.edits[-1].end)):
        key = tuple((edit.start, edit.end, edit.replacement) for edit in fix.edits)
        if key in done:
            applied += 1
            continue
        if any(taken.collides(edit.start, edit.end) for edit in fix.edits):
            continue
        done.add(key)
        applied += 1
        chosen.extend(fix.edits)
        for edit in fix.edits:
            taken.add(edit.start, edit.end)
    chosen.sort(key=lambda edit: (edit.start, edit.end))
    crlf = "\r\n" in text
    pieces = []
    position = 0
    for edit in chosen:
        pieces.append(text[position : edit.start])
        replacement = edit.replacement
        if crlf and "\n" in replacement:  # a line break in a CRLF file is written CRLF
            replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        pieces.append(replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), chosen, applied


class _Taken:
    """Spans already taken, kept sorted and apart, so that a collision is found by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans: list[tuple[int, int]] = []
        for start, end in sorted(spans):  # overlapping spans merged: the rest never overlap
            if self._spans and start < self._spans[-1][1]:
                self._spans[-1] = (self._spans[-1][0], max(end, self._spans[-1][1]))
            else:
                self._spans.append((start, end))

    def collides(self, start: int, end: int) -> bool:
        """Whether an edit of start..end shares a character with a span, or inserts where one starts."""
        index = bisect.bisect_right(self._spans, (start, float("inf")))
        if index and _overlap(start, end, *self._spans[index - 1]):
            return True  # the span that starts at or before it
        return index < len(self._spans) and self._spans[index][0] < end  # one that starts inside it

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two edits collide: they share a character, or insert at the same place."""
    return (a_start < b_end and b_start < a_end) or a_start == b_start


def fix_text(check: Callable[[str], FileResult], text: str, unsafe: bool = False,
             baseline: Counter | None = None, names: dict[str, str] | None = None) -> Fixed:
    """Fix an article's text: check it (`check(text)`), apply the fixes, check again, until no fix
    to apply remains or MAX_PASSES have run (`names`: as `newslint.engine.baseline.new_findings`
    takes them)."""
    from newslint.engine.baseline import new_findings

    original = text
    result = check(text)
    protected: Counter[tuple[str, int, int]] = Counter()
    if baseline is not None:
        (kept,) = new_findings([result], baseline, names)
        new = {id(d) for d in kept.diagnostics}
        protected.update((d.rule, d.start, d.end) for d in result.diagnostics if id(d) not in new)
        result = kept
    before = result
    fixed = 0
    seen = {text}
    for _pass in range(MAX_PASSES):
        to_apply = fixable(result.diagnostics, unsafe)
        if not to_apply:
            break
        blocked = [(start, end) for _rule, start, end in protected.elements()]
        fixed_text, edits, applied = apply(text, [d.fix for d in to_apply], blocked)
        if not edits:  # every fix left waits on a finding of the baseline
            break
        if fixed_text in seen:  # the fixes go round in a circle
            return Fixed(original, text, before, replace(result, fixed=fixed), settled=False)
        text = fixed_text
        seen.add(text)
        fixed += applied
        protected = _shifted_all(protected, edits)
        result = _without(check(text), protected)
    else:
        settled = not fixable(result.diagnostics, unsafe)
        return Fixed(original, text, before, replace(result, fixed=fixed), settled=settled)
    return Fixed(original, text, before, replace(result, fixed=fixed))


def _shifted_all(spans: Counter, edits: list[Edit]) -> Counter:
    """Spans (rule, start, end) that no edit touched, where they are after the edits (in order)."""
    ends = [edit.end for edit in edits]
    shifts = [0]
    for edit in edits:
        shifts.append(shifts[-1] + len(edit.replacement) - (edit.end - edit.start))
    moved: Counter = Counter()
    for (rule, start, end), count in spans.items():
        shift = shifts[bisect.bisect_right(ends, start)]  # the edits that end at or before it
        moved[(rule, start + shift, end + shift)] += count
    return moved


def _without(result: FileResult, protected: Counter) -> FileResult:
    """The result without the findings in `protected` (rule, start, end), each taken once."""
    if not protected:
        return result
    left = protected.copy()
    kept = []
    for d in result.diagnostics:
        key = (d.rule, d.start, d.end)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(d)
    return replace(result, diagnostics=kept)


def fix_file(engine, path: str, unsafe: bool = False, baseline: Counter | None = None,
             write: bool = True) -> Fixed:
    """Fix one file ('-': standard input, as the engine read it) and, with `write`, write it back.
    A file of a binary format (.docx) is checked and never written.

    A file that cannot be read or written, or changed meanwhile, comes back with its error and
    unchanged on disk.
    """
    from newslint.article.formats import is_binary
    from newslint.engine.config import ConfigError
    from newslint.engine.discovery import STDIN
    from newslint.engine.source import InputError, decode, read_bytes

    lookup = engine.lookup_name(path)
    try:
        config = engine.config_for(lookup)
        data = engine.stdin_data if path == STDIN else read_bytes(path, config.max_file_size)
        if is_binary(lookup):  # never written (.docx): checked, nothing fixed
            checked = engine.check_text(lookup, data or b"", config, path)
            return Fixed("", "", checked, replace(checked, fixed=0))
        text = decode(data or b"", config.max_file_size)
    except (InputError, ConfigError) as error:
        failed = FileResult(path, error=str(error))
        return Fixed("", "", failed, failed)
    names = {STDIN: engine.options.stdin_filename} if engine.options.stdin_filename else None
    fixed = fix_text(lambda text: engine.check_text(lookup, text, config, path), text, unsafe, baseline, names)
    if write and path != STDIN and fixed.changed:
        try:
            write_file(path, data, fixed.text)
        except FileChanged:
            return fixed.unwritten("changed on disk while it was being fixed; left as it is, run again")
        except OSError as error:
            return fixed.unwritten(f"cannot write the fixes ({error.strerror or error}); left as it is")
    return fixed


def encode(text: str, original: bytes) -> bytes:
    """The text as the file's bytes: UTF-8, with the byte-order mark when the original had one."""
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    return bom + text.encode("utf-8")


def write_file(path: str, original: bytes, text: str) -> None:
    """Replace the file's content by `text`, atomically, if its bytes are still `original`.

    Raises FileChanged when they are not, OSError when the file cannot be written.
    """
    import tempfile  # only a run that writes needs it
    target = os.path.realpath(path)  # a symbolic link stays, its target is written
    with open(target, "rb") as handle:
        if handle.read() != original:
            raise FileChanged(path)
    info = os.stat(target)
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise PermissionError(13, "the file is read-only")
    descriptor, temporary = tempfile.mkstemp(dir=os.path.dirname(target),
                                             prefix=f".{os.path.basename(target)}.", suffix=".newslint")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(encode(text, original))
            handle.flush()
            os.fsync(handle.fileno())
        if hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # keeping the owner needs the right to
                os.chown(temporary, info.st_uid, info.st_gid)
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """What fixing changes, as a unified diff (`path` on both sides), marking a missing final newline."""
    import difflib

    lines = []
    for line in difflib.unified_diff(_lines(before), _lines(after), fromfile=path, tofile=path):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    """The text's lines, each with its newline: split at \\n only, so CRLF lines keep their \\r."""
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])
