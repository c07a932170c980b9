"""A style of our own per test: rule files written into a temporary StylesPath, run on a text.

Test modules take the fixture with `from style_kit import kit`.
"""

from __future__ import annotations

import textwrap

import pytest
from newslint.engine.runner import Engine, RunOptions


class StyleKit:
    """Writes styles, vocabularies and a configuration under `root`, and checks texts with them."""

    def __init__(self, root) -> None:
        self.root = root
        self.styles = root / "styles"
        self.styles.mkdir(exist_ok=True)

    def rule(self, name: str, yaml_text: str, style: str = "T") -> str:
        """Write the rule file `style/name.yml`; its path."""
        folder = self.styles / style
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.yml"
        path.write_text(textwrap.dedent(yaml_text).lstrip(), encoding="utf-8")
        return str(path)

    def vocab(self, name: str, accept: str = "", reject: str = "") -> None:
        folder = self.styles / "config" / "vocabularies" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "accept.txt").write_text(accept, encoding="utf-8")
        (folder / "reject.txt").write_text(reject, encoding="utf-8")

    def config(self, text: str = 'styles = ["T"]\nselect = ["T"]\n') -> str:
        """Write newslint.toml (styles-path is `styles`); its path."""
        path = self.root / "newslint.toml"
        path.write_text('styles-path = "styles"\n' + textwrap.dedent(text), encoding="utf-8")
        return str(path)

    def engine(self, **options) -> Engine:
        if not (self.root / "newslint.toml").exists():
            self.config()
        return Engine(RunOptions(config_file=str(self.root / "newslint.toml"), **options))

    def check(self, text: str, path: str = "article.txt", **options):
        """The file result of checking `text` as the article `path` (relative to the root)."""
        engine = self.engine(**options)
        full = str(self.root / path)
        result = engine.check_text(full, text, engine.config_for(full), path)
        return result, engine

    def found(self, text: str, path: str = "article.txt", **options) -> list[tuple]:
        """(line, column, rule, message, suggestion) of each finding; fails on an error."""
        result, engine = self.check(text, path, **options)
        assert result.error is None, result.error
        assert engine.load_errors() == [], engine.load_errors()
        return [(d.line, d.column, d.rule, d.message, d.suggestion) for d in result.diagnostics]

    def spans(self, text: str, path: str = "article.txt", **options) -> list[str]:
        """The flagged text of each finding."""
        result, engine = self.check(text, path, **options)
        assert result.error is None, result.error
        assert engine.load_errors() == [], engine.load_errors()
        return [text[d.start:d.end] for d in result.diagnostics]


@pytest.fixture
def kit(tmp_path) -> StyleKit:
    return StyleKit(tmp_path)
