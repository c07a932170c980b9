"""The shipped style pack `newsroom-de`: its files, its comments and sources, and what it finds —
and does not find — in news texts of the kinds the Wikinews review met."""

import os
import re

import pytest
import regex
import yaml
from newslint.engine.runner import Engine, RunOptions
from newslint.styles.library import PACKS, shipped_styles
from newslint.styles.patterns import Later

PACK = os.path.join(PACKS, "newsroom-de")
FILES = sorted(name for name in os.listdir(PACK) if name.endswith(".yml"))
#: a line of a token list or a swap table (not a comment, not a nested key of `action`)
ENTRY = re.compile(r"^  (?:- |(?!#)[^\s:][^:]*:|'[^']+':)")


def _entries(name: str) -> list[str]:
    with open(os.path.join(PACK, name), encoding="utf-8") as handle:
        rule = yaml.safe_load(handle)
    return list(rule.get("tokens") or []) + list(rule.get("swap") or {})


def _entry_lines(name: str) -> list[str]:
    with open(os.path.join(PACK, name), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    inside = False
    found = []
    for line in lines:
        if not line.startswith(" "):
            inside = line.rstrip() in ("tokens:", "swap:")
            continue
        if inside and ENTRY.match(line):
            found.append(line)
    return found


def test_the_pack_is_shipped_and_large_enough():
    assert "newsroom-de" in shipped_styles()
    assert len(FILES) >= 6
    counts = {name: len(_entries(name)) for name in FILES}
    assert sum(counts.values()) >= 150, counts
    assert all(count > 0 for count in counts.values()), counts


@pytest.mark.parametrize("name", FILES)
def test_every_entry_gives_its_reason_and_a_source_the_file_names(name):
    with open(os.path.join(PACK, name), encoding="utf-8") as handle:
        text = handle.read()
    # the header's sources: „#   [KEY] what it is: https://…“, maybe over more lines
    blocks = re.findall(r"^#\s+\[([^\]]+)\](.*?)(?=^#\s+\[|^#\s*$|^[^#])", text, re.MULTILINE | re.DOTALL)
    sources = {key for key, _block in blocks}
    assert sources and all("https://" in block or "http://" in block for _key, block in blocks), blocks
    lines = _entry_lines(name)
    assert len(lines) == len(_entries(name))
    for line in lines:
        reason, _, cited = line.partition("  # ")[2].rpartition("[")
        assert reason.strip(), f"{name}: no reason: {line}"
        keys = {part.strip().split(" ")[0] for part in re.split(r"[;,]", cited.rstrip("]"))}
        assert keys and keys <= sources, f"{name}: {line}"


def test_every_pattern_of_every_shipped_pack_compiles(tmp_path):
    """A shipped pack's patterns are compiled when first needed (see `patterns.Later`), not
    when the pack loads: this is where an invalid one shows."""
    styles = ", ".join(f'"{style}"' for style in shipped_styles())
    (tmp_path / "newslint.toml").write_text(f"styles = [{styles}]\n", encoding="utf-8")
    engine = Engine(RunOptions(config_file=str(tmp_path / "newslint.toml")))
    checks = engine.config_for(str(tmp_path / "a.txt")).styles.checks
    patterns = [pattern for check in checks if check.prefilter for _i, pattern, *_ in check.prefilter.patterns]
    assert patterns and all(isinstance(pattern, Later) for pattern in patterns)
    for pattern in patterns:  # what the first search compiles
        assert regex.compile(pattern.pattern, pattern.flags).pattern == pattern.pattern


@pytest.mark.parametrize("name", FILES)
def test_the_pack_judges_the_newsrooms_own_words_not_what_others_said(name):
    with open(os.path.join(PACK, name), encoding="utf-8") as handle:
        rule = yaml.safe_load(handle)
    assert rule["scope"] == "body"


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    root = tmp_path_factory.mktemp("pack")
    (root / "newslint.toml").write_text('styles = ["newsroom-de"]\nselect = ["newsroom-de"]\n', encoding="utf-8")
    engine = Engine(RunOptions(config_file=str(root / "newslint.toml")))
    path = str(root / "a.txt")
    config = engine.config_for(path)
    assert engine.load_errors() == []

    def findings(sentence: str) -> list[tuple[str, str]]:
        text = f"Titel\n{sentence}\n"
        result = engine.check_text(path, text, config, "a.txt")
        assert result.error is None, result.error
        return [(d.rule.split(".", 1)[1], text[d.start:d.end]) for d in result.diagnostics]

    return findings


def test_the_pack_is_off_until_configured(tmp_path):
    (tmp_path / "newslint.toml").write_text("", encoding="utf-8")
    engine = Engine(RunOptions(config_file=str(tmp_path / "newslint.toml")))
    config = engine.config_for(str(tmp_path / "a.txt"))
    assert not any(rule.id.startswith("newsroom-de.") for rule in engine.active_rules(config, "a.txt"))


@pytest.mark.parametrize("sentence, expected", [
    ("Der Sprecher Peskov sagte, Lavrov reise nach Mosul.",
     [("Umschrift", "Peskov"), ("Umschrift", "Lavrov"), ("Orte", "Mosul")]),
    ("Kim Jong-un traf Moon Jae-in.", [("Umschrift", "Kim Jong-un"), ("Umschrift", "Moon Jae-in")]),
    ("Gespräche in Weißrussland und Burma.", [("Laender", "Weißrussland"), ("Laender", "Burma")]),
    ("Er machte Urlaub in Holland.", [("Laender", "Holland")]),
    ("Die Polizei ging von Selbstmord aus.", [("Vermeiden", "Selbstmord")]),
    ("Die Zeitung sprach von einer Flüchtlingswelle.", [("Wertungen", "Flüchtlingswelle")]),
    ("Die Agentur DPA meldete es zuerst.", [("Agenturen", "DPA")]),
    ("Das berichtete SPIEGEL ONLINE am Abend.", [("Medien", "SPIEGEL ONLINE")]),
    ("Er wußte, daß es so kommt.", [("Rechtschreibung", "wußte"), ("Rechtschreibung", "daß")]),
    ("Der Eintritt kostet 5 € und der Bau 3 Mio. Euro.", [("Zahlen", "5 €"), ("Zahlen", "3 Mio.")]),
    ("Die Partei erreichte 12,5 % der Stimmen.", [("Prozent", "12,5 %")]),
    ("Am 20.06.2024 begann das Fest.", [("Datum", "20.06.2024")]),
    ("Am 05. Mai begann das Fest.", [("Datum", "05. Mai")]),
    ("Von 2019-2021 war er Minister.", [("Datum", "2019-2021")]),
    ("Um 14:30 Uhr begann die Sitzung.", [("Uhrzeit", "14:30 Uhr")]),
])
def test_what_the_pack_finds(pack, sentence, expected):
    assert pack(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Der Schauspieler Tom Holland drehte in Nord-Holland.",        # a name, a province
    "Die Bombay Stock Exchange gab nach.",                          # the exchange kept its name
    "Die griechische Region Mazedonien grenzt an Nordmazedonien.",  # the Greek region
    "Ernst Reuter war Regierender Bürgermeister.",                  # a name, not the agency
    "Berlin (DPA) – Die Regierung tagte.",                          # the credit line: credit-line's
    "Die Partei scheiterte an der 5%-Hürde.",                       # a compound, not running text
    "Der Bericht (20.06.2024) nennt Zahlen.",                       # a date as a label
    "Stand: 20.06.2024",
    "„Wir haben in Weißrussland verhandelt“, sagte der Minister.",  # a quotation stays as said
    "Peskow sagte, Lawrow reise nach Kyjiw.",                       # already as the press writes
    "Die Sitzung begann um 14.30 Uhr.",
    "Die Inflation lag bei 2,5 Prozent.",
    "Das Ticket kostet in Zürich 5 Franken.",
    "Die COVID-19-Pandemie dauerte von 2020 bis 2022.",
    "Das Spiel endete 2:1.",
    "Das IIT Madras ist eine Hochschule.",
])
def test_what_the_pack_leaves_alone(pack, sentence):
    assert pack(sentence) == []
