"""The audit report: the archive's Summary as one JSON-ready document, names grouped into variants."""

from __future__ import annotations

from newslint import __version__
from newslint.audit import names
from newslint.audit.summary import NAME_EXAMPLES, Summary
from newslint.audit.work import Settings, engine_for

TOP_VARIANTS = 200  # variant groups in the report, the ones with most deviating uses first


def build(summary: Summary, settings: Settings, config_path: str = ".") -> dict:
    """The report of an audit (the last reduce step: statistics and variant groups)."""
    total = summary.articles
    rules = sorted(summary.findings, key=lambda rule: (-summary.findings[rule], rule))
    return {
        "version": __version__,
        "summary": {
            "articles": total,
            "errors": summary.errors,
            "findings": sum(summary.findings.values()),
            "articles_with_findings": summary.flagged,
            "share_with_findings": _share(summary.flagged, total),
            "without_date": summary.undated,
            "without_author": summary.without_author,
        },
        "rules": [
            {
                "rule": rule,
                "severity": summary.severities.get(rule),
                "findings": summary.findings[rule],
                "articles": summary.affected[rule],
                "share": _share(summary.affected[rule], total),
            }
            for rule in rules
        ],
        "months": [
            {
                "month": month,
                "articles": summary.month_articles[month],
                "findings": _sorted_counts(summary.month_findings.get(month, {})),
            }
            for month in sorted(summary.month_articles)
        ],
        "authors": sorted(
            (
                {
                    "author": author,
                    "articles": articles,
                    "findings": _sorted_counts(summary.author_findings.get(author, {})),
                    "findings_per_article": round(
                        sum(summary.author_findings.get(author, {}).values()) / articles, 3
                    ),
                }
                for author, articles in summary.author_articles.items()
            ),
            key=lambda row: (-row["findings_per_article"], -row["articles"], row["author"]),
        ),
        "variants": _variants(summary, settings, config_path),
        "examples": {rule: [example for *_, example in summary.examples[rule]] for rule in rules
                     if rule in summary.examples},
        "errors": [error for _seq, error in summary.error_examples],
    }


def _variants(summary: Summary, settings: Settings, config_path: str) -> list[dict]:
    """The names the archive spells more than one way, most deviating mentions first."""
    engine = engine_for(settings.run)
    config = engine.config_for(config_path)
    if not summary.forms or not names.enabled(engine, engine.active_rules(config, config_path)):
        return []
    groups = []
    for group in names.variant_groups(summary.forms, summary.determined,
                                      names.house_list(engine, config)):
        spellings = sorted(group.spellings, key=lambda s: (s is not group.preferred, -s.count, s.form))
        preferred = group.preferred.form if group.preferred is not None else None
        groups.append({
            "name": spellings[0].form,
            "preferred": preferred,
            "evidence": group.evidence,
            "deviations": sum(s.count for s in spellings[1:]) if preferred else 0,
            "spellings": [_spelling(summary, spelling) for spelling in spellings],
        })
    groups.sort(key=lambda g: (-g["deviations"], -sum(s["count"] for s in g["spellings"]), g["name"]))
    return groups[:TOP_VARIANTS]


def _spelling(summary: Summary, spelling) -> dict:
    forms = sorted(spelling.forms, key=lambda form: (-summary.forms[form], form))
    examples = sorted(example for form in forms for example in summary.form_examples.get(form, ()))
    return {
        "spelling": spelling.form,
        "count": spelling.count,
        # articles that use it; an article with two of its inflected forms counts for each
        "articles": min(sum(summary.form_articles[form] for form in forms), summary.articles),
        "forms": {form: summary.forms[form] for form in forms},
        "examples": list(dict.fromkeys(location for _seq, location in examples))[:NAME_EXAMPLES],
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _sorted_counts(counts) -> dict:
    return {key: counts[key] for key in sorted(counts, key=lambda key: (-counts[key], key))}
