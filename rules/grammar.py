"""Grammar and spelling mistakes that LanguageTool finds.

## What it does
Sends the article's prose to LanguageTool and reports each of its matches: LanguageTool's message,
its rule id and category in brackets, and its first replacement as the suggestion. Only prose is
sent — headline, teaser, subheadings and paragraphs, one request per batch of paragraphs — never
front matter (other than `title` and `teaser`), Markdown markup, code, HTML, link targets or the
file name. Positions point into the file as it is on disk.

LanguageTool runs as a server: the one named by the environment variable
`NEWSLINT_LANGUAGETOOL_URL`, else by the option `server`, else a local LanguageTool that
language-tool-python finds (an unpacked `LanguageTool-X.Y` folder in `~/.cache/language_tool_python`
or `$LTP_PATH`, with Java 17), which is started for the run. Install the client with
`pip install 'newslint[grammar]'`. When there is no LanguageTool, the rule is skipped with one
notice on stderr and the exit code is unaffected — unless `--require grammar` or
`require = ["grammar"]` says it must run: then the run exits with 2. A server that fails or times
out (every request has a total deadline, `timeout`, and the run a budget, `budget`) is reported
as an error of each file it could not check; the other rules' findings stay.

Findings are cached per paragraph (see `cache`): a second run over unchanged articles sends
nothing, and an edit re-checks only the paragraphs it changed.

Terms of the house vocabulary (`accept.txt` of the configured `vocab`, see the README's house
styles) are never reported by LanguageTool's spelling rules (rule ids with `SPELLER`, and
`MORFOLOGIK_RULE…`, `HUNSPELL…`); its other rules still see them.

LanguageTool's rules that other newslint rules already cover are off: weekday and date checks
(`DATUM_WOCHENTAG`, `DATUM_WOCHENTAG_OHNE_JAHR`, `DE_DATE_WEEKDAY_CURRENTYEAR`, `DATE_WEEKDAY`;
they assume the current year when the article gives none, where `date-consistency` uses the
publication date) and quotation-mark checks (`TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN`,
`DE_UNPAIRED_QUOTES`, `EN_QUOTES`, `EN_UNPAIRED_QUOTES`; see `quote-marks`). Older LanguageTool
versions report unpaired quotes under `UNPAIRED_BRACKETS`, which also covers parentheses and stays
on; add it to `disabled-rules` if it doubles `quote-marks` findings.

## Why is this bad?
A grammar slip in a published article ("blickt mit eigenen Angaben zufolge Sorge") costs the
newsroom credibility, and copy desks under deadline miss exactly these half-edited sentences.

## Example
```text
USA besorgt über Putins Drohung
Washington – Die US-Regierung blickt mit eigenen Angaben zufolge Sorge auf die Drohung aus Moskau.
```

## Use instead
```text
USA besorgt über Putins Drohung
Washington – Die US-Regierung blickt eigenen Angaben zufolge mit Sorge auf die Drohung aus Moskau.
```

## Fix safety
- Unsafe: LanguageTool's replacement, when it offers exactly one and the flagged words stand in
  the file as they were sent (no Markdown markup or line break among them); always unsafe,
  since LanguageTool does not know the article's names and quotations.
- No fix: a match with several replacements, or none.

## Options
- `server` (text, default empty): URL of a LanguageTool server, e.g. `"http://localhost:8081"`;
  `NEWSLINT_LANGUAGETOOL_URL` takes precedence.
- `language` (text, default empty): the LanguageTool language, e.g. `"de-AT"`; empty means the
  article's `lang` (front matter, else configuration), with `de` checked as `de-DE`.
- `disabled-rules` (list of LanguageTool rule ids, default empty): rules to turn off, besides the
  ones above.
- `disabled-categories` (list of LanguageTool category ids, default empty), e.g. `["TYPOS"]` to
  leave spelling alone.
- `enabled-rules` (list of rule ids, default empty): rules to turn on, including ones that are off
  by default here or in LanguageTool.
- `picky` (true or false, default false): LanguageTool's picky level, with more style checks.
- `cache` (text, default empty): the SQLite file that keeps findings per paragraph; empty means
  `newslint/languagetool.sqlite3` in the user's cache directory. It holds hashes and findings,
  not the article text. Delete it after upgrading LanguageTool.
- `timeout` (seconds, default 10): the most one request may take, from connecting to the last
  byte of the answer; a server that is slower (or trickles its answer) is cut off there.
- `budget` (seconds, default 600): the most time one run may spend waiting for LanguageTool (per
  process with `--jobs`); past it, the articles left are reported as not checked for grammar.
- `concurrency` (default 4): how many requests may be under way at once.
- `batch-size` (characters, default 6000): how much prose one request carries at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from newslint.engine.config import ConfigError
from newslint.engine.finding import Edit, Finding, Fix, RuleError

ID = "grammar"
SEVERITY = "warning"

# LanguageTool rules that newslint's own rules cover better (see the docstring).
OVERLAPPING_RULES = (
    "DATUM_WOCHENTAG",
    "DATUM_WOCHENTAG_OHNE_JAHR",
    "DE_DATE_WEEKDAY_CURRENTYEAR",
    "DATE_WEEKDAY",
    "TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN",
    "DE_UNPAIRED_QUOTES",
    "EN_QUOTES",
    "EN_UNPAIRED_QUOTES",
)


@dataclass(frozen=True)
class Options:
    server: str = ""
    language: str = ""
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    picky: bool = False
    cache: str = ""
    timeout: float = 10.0
    concurrency: int = 4
    batch_size: int = 6000
    budget: float = 600.0

    def __post_init__(self) -> None:
        if self.server.strip():
            from newslint.languagetool.location import normal_url

            try:
                normal_url(self.server)
            except ValueError as error:
                raise ValueError(f"server: {error}") from None
        if self.timeout <= 0:
            raise ValueError("timeout must be more than 0 seconds")
        if self.budget <= 0:
            raise ValueError("budget must be more than 0 seconds")
        if self.concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if self.batch_size < 100:
            raise ValueError("batch-size must be at least 100 characters")


def unavailable(options: Options) -> str | None:
    """Why the rule cannot run here (no LanguageTool), or None; contacts nothing. Raises
    ConfigError when the environment names a server by something that is not an http(s) URL."""
    from newslint.languagetool import location as languagetool_location

    try:
        return languagetool_location.unavailable(options.server)
    except ValueError as error:
        raise ConfigError(f"{languagetool_location.ENV_URL}: {error}") from None


def check(article, options: Options) -> Iterator[Finding]:
    from newslint.article.readable import block_text, to_file
    from newslint.languagetool import service as languagetool

    pieces = [piece for block in article.blocks if (piece := block_text(article, block))[0].strip()]
    if not pieces:
        return
    settings = languagetool.Settings(
        server=options.server,
        disabled_rules=tuple(r for r in OVERLAPPING_RULES if r not in options.enabled_rules)
        + options.disabled_rules,
        disabled_categories=options.disabled_categories,
        enabled_rules=options.enabled_rules,
        picky=options.picky,
        cache=options.cache,
        timeout=options.timeout,
        concurrency=options.concurrency,
        batch_size=options.batch_size,
        budget=options.budget,
    )
    language = languagetool.language_for(options.language or article.lang)
    try:
        results = languagetool.check_paragraphs([text for text, _ in pieces], language, settings)
    except languagetool.LanguageToolError as error:
        raise RuleError(str(error)) from None
    for (text, anchors), matches in zip(pieces, results):
        for match in matches:
            if _is_spelling(match) and article.accepts(text[match.start : match.end]):
                continue  # a term of the house vocabulary
            start = to_file(anchors, match.start)
            end = to_file(anchors, match.end - 1) + 1 if match.end > match.start else start
            yield Finding(start, end, _message(match), match.replacements[0] if match.replacements else None,
                          _fix(match, text, article.text, start, end))


def _fix(match, sent: str, text: str, start: int, end: int) -> Fix | None:
    """LanguageTool's replacement as an unsafe fix: only when it offers exactly one, and the
    flagged words stand in the file as they were sent (no markup or line break among them)."""
    if len(match.replacements) != 1 or text[start:end] != sent[match.start : match.end]:
        return None
    return Fix.unsafe(Edit(start, end, match.replacements[0]))


def _is_spelling(match) -> bool:
    """Whether a match is LanguageTool's spelling check (GERMAN_SPELLER_RULE, MORFOLOGIK_RULE_EN_US, …)."""
    rule = match.rule.upper()
    return "SPELLER" in rule or rule.startswith(("MORFOLOGIK_RULE", "HUNSPELL"))


def _message(match) -> str:
    where = ", ".join(part for part in (match.rule, match.category) if part)
    message = match.message.strip() or "LanguageTool flags this"
    if match.replacements and match.replacements[0] and f"„{match.replacements[0]}“" not in message:
        message = f"{message} — write „{match.replacements[0]}“"
    return f"{message} [{where}]" if where else message
