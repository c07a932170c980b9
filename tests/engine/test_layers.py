"""The layers import only what they may (see the README's Development section).

Read from the source with `ast`, every import counts, also those inside functions, but not those
under `if TYPE_CHECKING:` (annotations only).
"""

import ast

import pytest
from paths import ROOT

# layer (the subpackage of newslint): the layers it may import besides itself
ALLOWED = {
    "engine": {"(top)", "article", "rules", "styles"},  # article: a text to an Article; rules: the
    # registry; styles: a configuration's style rules
    "article": {"(top)", "engine", "german"},  # engine: input errors; german: the shared analysis
    "german": {"(top)"},
    "languagetool": {"(top)"},
    "reports": {"(top)", "engine"},
    "rules": {"(top)", "engine", "article", "german", "languagetool"},
    "styles": {"(top)", "engine", "article"},
    "audit": {"(top)", "engine", "article", "german"},
    "cli": {"(top)", "engine", "article", "german", "languagetool", "reports", "audit", "rules", "styles", "serve", "lsp"},
    "serve": {"(top)", "engine", "reports", "languagetool"},  # a command face like cli: no other imports it
    "lsp": {"(top)", "engine", "rules"},  # a command face like cli; rules: which rules are slow
    "api": {"(top)", "engine", "article"},
    "(top)": set(),
    "__main__": {"cli"},
}


def module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    parts = ("newslint", "rules", *parts[1:]) if parts[0] == "rules" else ("newslint", *parts[1:])
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(top)"


def imports(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for statement in branch.body
        for node in ast.walk(statement)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.level:
            found.append("(relative)")
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


SOURCES = sorted([*(ROOT / "lint").rglob("*.py"), *(ROOT / "rules").rglob("*.py")])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_the_layers_below_it(path):
    module = module_name(path)
    own = layer(module)
    names = imports(path)
    assert "(relative)" not in names, f"{module}: use absolute imports (newslint.…)"
    for name in names:
        if name != "newslint" and not name.startswith("newslint."):
            continue
        if name in ("lint", "rules") or name.startswith(("lint.", "rules.")):
            pytest.fail(f"{module} imports {name}: the import package is newslint")
        target = layer(name) if name != "newslint" else "(top)"
        if target == own:
            continue
        assert target in ALLOWED[own], f"{module} ({own}) must not import {name} ({target})"


def test_nothing_imports_the_cli():
    for path in SOURCES:
        module = module_name(path)
        if layer(module) in ("cli", "__main__"):
            continue
        assert not [n for n in imports(path) if n.startswith("newslint.cli")], module


def test_the_engine_knows_nothing_german():
    engine = [p for p in SOURCES if layer(module_name(p)) == "engine"]
    assert engine
    for path in engine:
        assert not [n for n in imports(path) if n.startswith(("newslint.german", "newslint.languagetool"))], path


def test_the_check_itself_catches_a_wrong_import(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def f():\n    from newslint.cli import main\n", encoding="utf-8")
    assert imports(wrong) == ["newslint.cli"]
    typed = tmp_path / "typed.py"
    typed.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from newslint.cli import main\n",
                     encoding="utf-8")
    assert imports(typed) == ["typing"]
