"""Linear time: doubling an article at most a little more than doubles the work — of every rule
(the article's parsing and shared analysis included) and of the suppression comments.

Each case repeats a small piece of article (a unit) `n` times and `4 n` times and compares the
processor time of the two: linear work grows 4×, quadratic work 16×. A case passes when the
larger input costs at most GROWTH² = 8 times the smaller one (GROWTH per doubling), halfway between
the two on a logarithmic scale: a larger input also meets slower caches and allocations, which a
linear loop must survive and a quadratic one cannot hide behind. Each size is measured as the best
of a few repetitions so that a loaded machine does not fail it. `n` is chosen per case so
that the smaller input takes long enough to be measured at all.
"""

from __future__ import annotations

import gc
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newslint.article.model import parse
from newslint.engine.config import build_config
from newslint.engine.registry import rules_by_id
from newslint.engine.runner import run_rules
from newslint.engine.suppression import find_suppressions

GROWTH = 8**0.5  # at most this factor per doubling of the input (linear: 2, quadratic: 4)
MEASURABLE = 0.03  # processor seconds the smaller input must take, so that timing means something
LARGEST = 600_000  # characters: the smaller input is never made larger than this
REPEATS = 5  # measurements of each size at most; the best counts

RULES = rules_by_id()
CONFIG = build_config({}, RULES)

# Pieces of article that give the rules work: quotations (titles among them) beside names spelt
# two ways, attributions, dates with weekdays, credit lines, datelines, Markdown and suppression
# comments — on one long line and over many lines.
UNITS = {
    "titles and variants on one line": "„Beijing Shibao“ Pjönjang sagte Pjöngjang. ",
    "quotes and speakers": "„Wir kommen“, sagte Putin. „Das ist so.“ Er sagte: „Ja.“ ",
    "dates": "am Donnerstag (20. Juni) und Freitag, 21. Juni 2024, am gestrigen Mittwoch ",
    "credit lines": "Berlin (dpa) – Text. (erpe/DPA) (dap) ",
    "paragraphs": "Pjöngjang – „Ja“, sagte Selenskij am Freitag (20. Juni). Selenskyj (dpa)\n",
    "markdown": "## Abschnitt\n\n**„Beijing Shibao“** [Pjönjang](https://x.org) `Code` Pjöngjang.\n\n",
}


def cost(run, argument) -> float:
    """The processor time `run(argument)` takes."""
    gc.disable()  # the collector's pauses depend on what else the process holds, not on the input
    try:
        start = time.process_time()
        run(argument)
        return time.process_time() - start
    finally:
        gc.enable()


def assert_linear(make, run, what: str) -> None:
    run(make(1))  # what loads on first use (modules, word lists) is not part of the work
    n = 1  # doubled until the input of n units takes long enough to be measured
    while cost(run, make(n)) < MEASURABLE and len(make(n)) <= LARGEST:
        n *= 2
    small_text, large_text = make(n), make(4 * n)
    small = large = float("inf")
    for _ in range(REPEATS):  # in turns, so that both sizes meet the same load on the machine
        small = min(small, cost(run, small_text))
        large = min(large, cost(run, large_text))
        if large <= GROWTH**2 * max(small, MEASURABLE / 4):
            break
    budget = GROWTH**2 * max(small, MEASURABLE / 4)  # what stays quick at the largest size passes
    assert large <= budget, (
        f"{what}: {small:.3f} s for {n} units, {large:.3f} s for {4 * n} (at most {budget:.3f} s: "
        f"{GROWTH:.2f}× per doubling)"
    )


def check_with(rule_id: str, path: str):
    """Parse an article and run one rule on it, as the engine does (suppressions included)."""
    rule = RULES[rule_id]

    def run(text: str) -> None:
        run_rules(parse(path, text), [rule], CONFIG, path)

    return run


@pytest.fixture(autouse=True)
def grammar_without_server(monkeypatch):
    """The grammar rule's own work, without a server: one LanguageTool match per text sent."""
    from newslint.languagetool import service
    from newslint.languagetool.client import Match

    monkeypatch.setattr(service, "check_paragraphs", lambda texts, language, settings: [
        [Match(0, min(3, len(text)), "Fehler", "RULE", "CATEGORY", ("x",))] for text in texts])


@pytest.mark.parametrize("unit", list(UNITS))
@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_takes_linear_time(rule_id, unit):
    piece = UNITS[unit]
    path = "a.md" if unit == "markdown" else "a.txt"
    assert_linear(lambda n: "Titel\n" + piece * n + "\n", check_with(rule_id, path), f"{rule_id}, {unit}")


def test_suppression_comments_take_linear_time():
    unit = "<!-- newslint: disable-next-line=quote-marks -->\nText.\n<!-- newslint: disable=x -->\n"
    assert_linear(lambda n: "Titel\n\n" + unit * n, find_suppressions, "reading suppression comments")


def test_suppressed_findings_take_linear_time():
    """Many comments and many findings: each finding is looked up among the comments."""
    unit = ("<!-- newslint: disable=quote-marks -->\n„Offen\n<!-- newslint: enable=quote-marks -->\n\n"
            "„Auch offen\n\n")
    assert_linear(lambda n: "# Titel\n\n" + unit * n, check_with("quote-marks", "a.md"), "suppressed findings")


def test_suppressions_open_to_the_end_take_linear_time():
    """Comments that stay open, each covering the rest of the article, a finding under each, and the
    question which of them suppressed nothing."""
    unit = "<!-- newslint: disable -->\n„Offen\n\n<!-- newslint: disable=quote-marks -->\nText.\n\n"
    rule = RULES["quote-marks"]
    assert_linear(lambda n: "# Titel\n\n" + unit * n,
                  lambda text: run_rules(parse("a.md", text), [rule], CONFIG, "a.md", report_unused=True),
                  "suppressions open to the end")


WORDS = ["Pjöngjang", "Pjönjang", "Selenskyj", "Selenskij", "sagte", "er", "am", "Donnerstag", "(20. Juni)",
         "„", "“", "»", "«", "(dpa)", "(DPA)", "–", "-", ".", ",", ":", "\n", "<!-- newslint: disable -->",
         "**", "[", "](", ")", "Berlin", "Kiew", "Kyjiw", "„Beijing Shibao“"]


@settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(" ".join),
       st.sampled_from(["a.txt", "a.md"]))
def test_any_repeated_piece_takes_linear_time_with_all_rules(piece, path):
    rules = list(RULES.values())
    assert_linear(lambda n: "Titel\n" + piece * n + "\n",
                  lambda text: run_rules(parse(path, text), rules, CONFIG, path), f"all rules, {piece!r}")
