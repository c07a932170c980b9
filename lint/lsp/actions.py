"""Code actions on a document's findings: apply a finding's fix (a safe one is the preferred
action, an unsafe one is not), fix all safe findings of the article as `newslint check --fix`
would, and suppress a finding on its line with the comment the CLI understands
(see `newslint.engine.suppression`)."""

from __future__ import annotations

from lsprotocol import types

from newslint.engine.finding import Diagnostic
from newslint.engine.suppression import UNKNOWN, UNUSED, comment_for
from newslint.lsp.positions import Positions

FIX_ALL_TITLE = "Fix all safe findings in this article"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.newslint"


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def fix_action(uri: str, finding: Diagnostic, diagnostic: types.Diagnostic, positions: Positions) -> types.CodeAction:
    """The finding's own fix as a quick fix; preferred when it is safe."""
    fix = finding.fix
    edits = [types.TextEdit(positions.range(edit.start, edit.end), edit.replacement) for edit in fix.edits]
    if len(fix.edits) == 1:
        what = f"write „{fix.edits[0].replacement}“" if fix.edits[0].replacement else "delete it"
    else:
        what = "apply the fix"
    unsafe = "" if fix.applicability == "safe" else " (unsafe: check the meaning)"
    return types.CodeAction(title=f"{finding.rule}: {what}{unsafe}", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic], is_preferred=fix.applicability == "safe",
                            edit=_edit(uri, edits))


def suppress_action(uri: str, path: str, finding: Diagnostic, diagnostic: types.Diagnostic,
                    positions: Positions) -> types.CodeAction | None:
    """A suppression comment for the finding's rule on the line before the finding's line; None
    for the engine's own findings about suppression comments and for formats without comments."""
    comment = comment_for(path, finding.rule)
    if comment is None or finding.rule in (UNKNOWN, UNUSED):
        return None
    start = positions.position(finding.start)
    line_start = types.Position(start.line, 0)
    newline = "\r\n" if "\r\n" in positions.text else "\n"
    return types.CodeAction(title=f"Suppress {finding.rule} here (on this line)", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic],
                            edit=_edit(uri, [types.TextEdit(types.Range(line_start, line_start), comment + newline)]))


def fix_all_action(uri: str, before: str, after: str, count: int) -> types.CodeAction:
    """Every safe fix of the article: one edit, from the first change to the last."""
    from os.path import commonprefix

    prefix = len(commonprefix([before, after]))
    limit = min(len(before), len(after)) - prefix
    suffix = min(len(commonprefix([before[::-1], after[::-1]])), limit)
    positions = Positions(before)
    edit = types.TextEdit(positions.range(prefix, len(before) - suffix), after[prefix : len(after) - suffix])
    plural = "" if count == 1 else "s"
    return types.CodeAction(title=f"{FIX_ALL_TITLE} ({count} finding{plural})", kind=FIX_ALL_KIND,
                            edit=_edit(uri, [edit]))


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share a position (touching counts: a cursor at a finding's end is on it)."""
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)
