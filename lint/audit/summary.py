"""The map/reduce data of an audit: a Summary of some articles, merged into one for the archive.

A Summary holds counts, a few examples and every input that could not be audited (each named in
the report), so it stays small however many articles it covers, and merging is associative and
independent of order: the same archive gives the same Summary on one process, a pool or a cluster.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

EXAMPLES = 10  # examples kept per rule and (as locations) per name form
NAME_EXAMPLES = 3


@dataclass
class Summary:
    articles: int = 0
    flagged: int = 0  # articles with at least one finding
    undated: int = 0
    without_author: int = 0
    findings: Counter = field(default_factory=Counter)  # rule -> findings
    affected: Counter = field(default_factory=Counter)  # rule -> articles with a finding of it
    severities: dict = field(default_factory=dict)  # rule -> severity
    month_articles: Counter = field(default_factory=Counter)  # "2024-06" -> articles
    month_findings: dict = field(default_factory=dict)  # "2024-06" -> Counter(rule -> findings)
    author_articles: Counter = field(default_factory=Counter)
    author_findings: dict = field(default_factory=dict)  # author -> Counter(rule -> findings)
    forms: Counter = field(default_factory=Counter)  # name form -> mentions
    determined: Counter = field(default_factory=Counter)  # name form -> mentions after "der", "die"…
    form_articles: Counter = field(default_factory=Counter)  # name form -> articles
    form_examples: dict = field(default_factory=dict)  # name form -> [(seq, location)]
    examples: dict = field(default_factory=dict)  # rule -> [(seq, n, finding as JSON)]
    errors: int = 0
    error_examples: list = field(default_factory=list)  # every error: [(seq, {"location", "message"})]

    def add_article(self, seq: int, location: str, published, authors, diagnostics,
                    names=(Counter(), Counter()), details=None) -> None:
        """Count one audited article: its findings, date, authors and name forms.

        `names` is (mentions per name form, mentions after a determiner); `details(diagnostic)`
        gives more fields for a finding kept as an example (the flagged text, say).
        """
        self.articles += 1
        month = f"{published.year:04d}-{published.month:02d}" if published else None
        if month:
            self.month_articles[month] += 1
        else:
            self.undated += 1
        for author in authors:
            self.author_articles[author] += 1
        if not authors:
            self.without_author += 1
        per_rule = Counter(d.rule for d in diagnostics)
        if per_rule:
            self.flagged += 1
        self.findings.update(per_rule)
        self.affected.update(per_rule.keys())
        if month and per_rule:
            self.month_findings.setdefault(month, Counter()).update(per_rule)
        for author in authors if per_rule else ():
            self.author_findings.setdefault(author, Counter()).update(per_rule)
        for number, d in enumerate(diagnostics):
            self.severities.setdefault(d.rule, d.severity)
            kept = self.examples.setdefault(d.rule, [])
            if len(kept) < EXAMPLES:
                example = {"location": location, "line": d.line, "column": d.column,
                           "severity": d.severity, "message": d.message, "suggestion": d.suggestion}
                if details is not None:
                    example.update(details(d))
                kept.append((seq, number, example))
        forms, determined = names
        self.forms.update(forms)
        self.determined.update(determined)
        self.form_articles.update(forms.keys())
        for form in forms:
            kept = self.form_examples.setdefault(form, [])
            if len(kept) < NAME_EXAMPLES:
                kept.append((seq, location))

    def add_error(self, seq: int, location: str, message: str) -> None:
        """Count an input that could not be audited (an unreadable file, a broken record)."""
        self.errors += 1
        self.error_examples.append((seq, {"location": location, "message": message}))

    def merge(self, other: "Summary") -> "Summary":
        """Add another Summary's counts and examples to this one; returns self."""
        for name in ("articles", "flagged", "undated", "without_author", "errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("findings", "affected", "month_articles", "author_articles", "forms",
                     "determined", "form_articles"):
            getattr(self, name).update(getattr(other, name))
        for name in ("month_findings", "author_findings"):
            mine = getattr(self, name)
            for key, counts in getattr(other, name).items():
                mine.setdefault(key, Counter()).update(counts)
        for rule, severity in other.severities.items():
            self.severities.setdefault(rule, severity)
        _merge_first(self.examples, other.examples, EXAMPLES)
        _merge_first(self.form_examples, other.form_examples, NAME_EXAMPLES)
        self.error_examples = sorted(self.error_examples + other.error_examples,
                                     key=lambda item: (item[0], item[1]["message"]))
        return self


def merge(*summaries: Summary) -> Summary:
    """One Summary of all the given ones (the reduce step)."""
    total = Summary()
    for summary in summaries:
        total.merge(summary)
    return total


def _merge_first(mine: dict, theirs: dict, limit: int) -> None:
    """Keep, per key, the `limit` examples that come first in the archive."""
    for key, examples in theirs.items():
        if key in mine:
            mine[key] = heapq.nsmallest(limit, mine[key] + examples, key=lambda item: item[:2])
        else:
            mine[key] = list(examples)
