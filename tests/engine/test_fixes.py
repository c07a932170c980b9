"""Applying fixes (newslint.engine.fixes): overlap, passes, baselines, writing files safely, diffs;
and how the engine places a rule's fix (newslint.engine.runner)."""

import codecs
import os
import stat
from collections import Counter

import pytest
from fake_reports import make_rule
from newslint.engine import fixes, registry
from newslint.engine.baseline import fingerprints, normal_path
from newslint.engine.cache import ResultCache, cache_key
from newslint.engine.config import build_config
from newslint.engine.finding import Edit, Finding, Fix
from newslint.engine.fixes import FileChanged, apply, fix_text, unified_diff, write_file
from newslint.engine.registry import Rule
from newslint.engine.runner import Engine, RunOptions


def edit(start, end, replacement):
    return Edit(start, end, replacement)


# -- apply: overlap -----------------------------------------------------------------------------

def test_overlapping_fixes_never_both_apply():
    text = "abcdef"
    first, second, third = Fix.safe(edit(1, 3, "X")), Fix.safe(edit(2, 4, "Y")), Fix.safe(edit(4, 5, "Z"))
    fixed, edits, applied = apply(text, [second, third, first])
    assert fixed == "aXdZf"  # the earlier one wins; the one that overlaps it waits
    assert applied == 2 and [(e.start, e.end) for e in edits] == [(1, 3), (4, 5)]


def test_a_fix_applies_whole_or_not_at_all():
    first = Fix.safe(edit(0, 2, "X"))
    two_edits = Fix.safe(edit(1, 2, "Q"), edit(4, 5, "R"))  # its first edit overlaps: neither applies
    fixed, _edits, applied = apply("abcdef", [two_edits, first])
    assert fixed == "Xcdef" and applied == 1


def test_two_insertions_at_one_place_collide_and_an_insertion_after_a_replacement_does_not():
    assert apply("ab", [Fix.safe(edit(1, 1, "X")), Fix.safe(edit(1, 1, "Y"))])[0] == "aXb"
    assert apply("ab", [Fix.safe(edit(0, 1, "A")), Fix.safe(edit(1, 1, "-"))])[0] == "A-b"


def test_the_same_fix_of_two_findings_applies_once_and_counts_for_both():
    fixed, edits, applied = apply("(DPA)", [Fix.safe(edit(1, 4, "dpa")), Fix.safe(edit(1, 4, "dpa"))])
    assert fixed == "(dpa)" and len(edits) == 1 and applied == 2


def test_blocked_spans_are_not_edited():
    fixed, edits, _applied = apply("abc", [Fix.safe(edit(1, 2, "X"))], blocked=[(0, 2)])
    assert fixed == "abc" and edits == []


def test_a_line_break_in_a_replacement_follows_the_file():
    assert apply("a\r\nb", [Fix.safe(edit(0, 1, "x\ny"))])[0] == "x\r\ny\r\nb"
    assert apply("a\nb", [Fix.safe(edit(0, 1, "x\ny"))])[0] == "x\ny\nb"


# -- fix_text: passes, baselines ----------------------------------------------------------------

@pytest.fixture
def rules(monkeypatch):
    """Fake rules with fixes: "ab" becomes "b" (safe), "Mi" becomes "Do" (unsafe)."""
    found = (make_rule("fake-ab", "warning", "ab", "„ab“ found", "b", "safe"),
             make_rule("fake-day", "warning", "Mi", "„Mi“ found", "Do", "unsafe"))
    monkeypatch.setattr(registry, "all_rules", lambda: found)
    return found


def checker(path="a.txt"):
    engine = Engine(RunOptions())
    config = build_config({}, registry.rules_by_id())
    calls = []

    def check(text):
        calls.append(text)
        return engine.check_text(path, text, config)

    return check, calls


def test_fixes_are_applied_pass_after_pass_until_none_is_left(rules):
    check, calls = checker()
    fixed = fix_text(check, "Titel\nEin aaab.\n")
    assert fixed.text == "Titel\nEin b.\n" and fixed.changed and fixed.settled
    assert fixed.result.fixed == 3 and fixed.result.diagnostics == []
    assert len(calls) == 4  # three passes, each checked again
    assert [d.rule for d in fixed.before.diagnostics] == ["fake-ab"]


def test_unsafe_fixes_only_when_asked(rules):
    check, _calls = checker()
    text = "Titel\nAm Mi ab.\n"
    safe = fix_text(check, text)
    assert safe.text == "Titel\nAm Mi b.\n"
    assert [(d.rule, d.fix.applicability) for d in safe.result.diagnostics] == [("fake-day", "unsafe")]
    assert fix_text(check, text, unsafe=True).text == "Titel\nAm Do b.\n"


def test_nothing_to_fix_changes_nothing(rules):
    check, calls = checker()
    fixed = fix_text(check, "Titel\nAlles gut.\n")
    assert not fixed.changed and fixed.result.fixed == 0 and len(calls) == 1


def test_fixes_that_go_round_in_a_circle_stop(monkeypatch):
    found = (make_rule("fake-x", "warning", "x", "x", "y", "safe"), make_rule("fake-y", "warning", "y", "y", "x", "safe"))
    monkeypatch.setattr(registry, "all_rules", lambda: found)
    check, calls = checker()
    fixed = fix_text(check, "Titel\nx.\n")
    assert not fixed.settled and len(calls) == 2
    assert fixed.text == "Titel\ny.\n" and [d.rule for d in fixed.result.diagnostics] == ["fake-y"]


def test_fixes_stop_after_the_last_pass(monkeypatch):
    found = (make_rule("fake-z", "warning", "z", "z", "zz", "safe"),)
    monkeypatch.setattr(registry, "all_rules", lambda: found)
    check, calls = checker()
    fixed = fix_text(check, "Titel\nz.\n")
    assert not fixed.settled and len(calls) == fixes.MAX_PASSES + 1
    assert fixed.text == "Titel\n" + "z" * 2 ** fixes.MAX_PASSES + ".\n"


def baseline_of(result):
    return Counter((normal_path(d.path), d.rule, fp) for d, fp in zip(result.diagnostics, fingerprints(result)))


def test_a_finding_in_the_baseline_is_never_fixed_nor_reported(rules):
    check, _calls = checker()
    baseline = baseline_of(check("Titel\nDas ab bleibt.\n"))
    text = "Titel\nDas ab bleibt.\nNeu: ab und ab.\n"  # two new ones below the recorded one
    fixed = fix_text(check, text, baseline=baseline)
    assert fixed.text == "Titel\nDas ab bleibt.\nNeu: b und b.\n"
    assert fixed.result.fixed == 2 and fixed.result.diagnostics == []
    assert len(fixed.before.diagnostics) == 2


def test_a_baseline_finding_stays_recognised_when_a_fix_beside_it_changes_its_context(rules):
    check, _calls = checker()
    text = "Titel\nab Mi\n"
    recorded = check(text)  # as a baseline written when only fake-day ran
    recorded.diagnostics = [d for d in recorded.diagnostics if d.rule == "fake-day"]
    fixed = fix_text(check, text, unsafe=True, baseline=baseline_of(recorded))
    assert fixed.text == "Titel\nb Mi\n"  # "Mi" keeps its unsafe fix unapplied, though "b Mi" is new context
    assert fixed.result.diagnostics == [] and fixed.result.fixed == 1


# -- how the engine places a rule's fix ----------------------------------------------------------

def one_rule(monkeypatch, make_findings):
    import types
    from dataclasses import dataclass

    module = types.ModuleType("rules.fake_fix")
    module.__doc__ = "Fake.\n\n## What it does\nx\n"

    @dataclass(frozen=True)
    class Options:
        pass

    module.ID, module.SEVERITY, module.Options = "fake-fix", "warning", Options
    module.check = lambda article, options: make_findings(article)
    rule = Rule.from_module(module)
    monkeypatch.setattr(registry, "all_rules", lambda: (rule,))
    engine = Engine(RunOptions())
    return lambda path, text: engine.check_text(path, text, build_config({}, registry.rules_by_id())).diagnostics


def test_a_fix_is_placed_with_lines_and_columns(monkeypatch):
    check = one_rule(monkeypatch, lambda a: [Finding(6, 13, "m", None, Fix.safe(Edit(6, 7, "„"), Edit(12, 13, "“")))])
    (found,) = check("a.txt", 'Titel\n"Zitat" sagte er.\n')
    assert [(e.line, e.column, e.end_line, e.end_column, e.replacement) for e in found.fix.edits] == [
        (2, 1, 2, 2, "„"), (2, 7, 2, 8, "“")]
    assert found.as_json()["fix"] == {"applicability": "safe", "edits": [
        {"line": 2, "column": 1, "end_line": 2, "end_column": 2, "replacement": "„"},
        {"line": 2, "column": 7, "end_line": 2, "end_column": 8, "replacement": "“"}]}


@pytest.mark.parametrize("fix", [
    Fix.safe(Edit(5, 8, "x")),  # starts before the finding
    Fix.safe(Edit(7, 12, "x")),  # ends after it
    Fix.safe(Edit(9, 10, "x"), Edit(7, 8, "y")),  # out of order
    Fix.safe(Edit(7, 9, "x"), Edit(8, 10, "y")),  # overlapping
    Fix("maybe", (Edit(7, 8, "x"),)),  # no applicability we know
    Fix.safe(),  # no edits
    Fix.safe(Edit(7, 8, "i")),  # changes nothing
])
def test_a_fix_that_breaks_the_rules_is_dropped_and_the_finding_stays(monkeypatch, fix):
    check = one_rule(monkeypatch, lambda a: [Finding(6, 11, "m", "s", fix)])
    (found,) = check("a.txt", "Titel\nEine Zeile.\n")
    assert found.fix is None and found.suggestion == "s"


def test_edits_that_change_nothing_are_left_out(monkeypatch):
    check = one_rule(monkeypatch, lambda a: [Finding(6, 10, "m", None, Fix.safe(Edit(6, 7, "E"), Edit(9, 10, "E")))])
    (found,) = check("a.txt", "Titel\nEine Zeile.\n")
    assert [(e.start, e.replacement) for e in found.fix.edits] == [(9, "E")]


def test_no_fix_edits_front_matter_or_markup(monkeypatch):
    text = "---\ntitle: Beijing\n---\n\nIn **Beijing** tagt man.\n"
    title = text.index("Beijing")
    bold = text.index("**Beijing")
    plain = text.index("Beijing**")

    def found(article):
        yield Finding(title, title + 7, "title", None, Fix.safe(Edit(title, title + 7, "Peking")))
        yield Finding(bold, bold + 11, "markup", None, Fix.safe(Edit(bold, bold + 11, "Peking")))
        yield Finding(plain, plain + 7, "word", None, Fix.safe(Edit(plain, plain + 7, "Peking")))

    check = one_rule(monkeypatch, found)
    assert [(d.message, d.fix is not None) for d in check("a.md", text)] == [
        ("title", False), ("markup", False), ("word", True)]


# -- the cache keeps fixes, and never reads an older format --------------------------------------

def test_fixes_survive_the_cache_and_an_older_format_is_not_read(rules, tmp_path, monkeypatch):
    check, _calls = checker()
    found = check("Titel\nAm Mi ab.\n").diagnostics
    key = cache_key("digest", "a.txt", "settings", ["fake-ab", "fake-day"])
    cache = ResultCache(str(tmp_path))
    cache.put(key, found)
    cache.flush()
    from newslint.engine.cache import diagnostics

    assert diagnostics(cache.findings([key])[key], "a.txt") == found
    monkeypatch.setattr("newslint.engine.cache.FORMAT", 1)  # as an older newslint stored them
    from newslint.engine.cache import _digest_of

    _digest_of.cache_clear()
    try:
        older = cache_key("digest", "a.txt", "settings", ["fake-ab", "fake-day"])
    finally:
        _digest_of.cache_clear()
    assert older != key and cache.findings([older]) == {}
    cache.close()


# -- writing the file ----------------------------------------------------------------------------

def written(tmp_path, data: bytes, text: str, mode=None) -> bytes:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    if mode is not None:
        path.chmod(mode)
    write_file(str(path), data, text)
    return path.read_bytes()


def test_byte_order_mark_crlf_and_a_missing_final_newline_are_kept(tmp_path):
    data = codecs.BOM_UTF8 + "Titel\r\nPjönjang – Text.".encode()
    assert written(tmp_path, data, "Titel\r\nPjöngjang – Text.") == (
        codecs.BOM_UTF8 + "Titel\r\nPjöngjang – Text.".encode())


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_permissions_are_kept(tmp_path, mode):
    written(tmp_path, b"Titel\nab\n", "Titel\nb\n", mode)
    assert stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode) == mode


def test_nothing_is_left_beside_the_file(tmp_path):
    written(tmp_path, b"Titel\nab\n", "Titel\nb\n")
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_file_changed_meanwhile_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Titel\nab, jetzt anders\n")
    with pytest.raises(FileChanged):
        write_file(str(path), b"Titel\nab\n", "Titel\nb\n")
    assert path.read_bytes() == b"Titel\nab, jetzt anders\n" and os.listdir(tmp_path) == ["a.txt"]


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX permissions")
def test_a_read_only_file_is_not_written(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Titel\nab\n")
    path.chmod(0o444)
    with pytest.raises(PermissionError):
        write_file(str(path), b"Titel\nab\n", "Titel\nb\n")
    assert path.read_bytes() == b"Titel\nab\n"


def test_the_target_of_a_symbolic_link_is_written_and_the_link_stays(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"Titel\nab\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_file(str(link), b"Titel\nab\n", "Titel\nb\n")
    assert link.is_symlink() and target.read_bytes() == b"Titel\nb\n"


def test_a_failed_write_leaves_the_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Titel\nab\n")

    def broken(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_file(str(path), b"Titel\nab\n", "Titel\nb\n")
    assert path.read_bytes() == b"Titel\nab\n" and os.listdir(tmp_path) == ["a.txt"]


# -- diffs ---------------------------------------------------------------------------------------

def test_unified_diff_names_the_file_and_marks_a_missing_final_newline():
    assert unified_diff("a.txt", "Titel\nab", "Titel\nb") == (
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n Titel\n-ab\n\\ No newline at end of file\n"
        "+b\n\\ No newline at end of file\n")
    assert unified_diff("a.txt", "x\n", "x\n") == ""


def test_unified_diff_keeps_crlf_lines_whole():
    diff = unified_diff("a.txt", "Titel\r\nab\r\n", "Titel\r\nb\r\n")
    assert diff.endswith(" Titel\r\n-ab\r\n+b\r\n")
