"""The audit as one self-contained HTML page: numbers, tables and inline SVG charts, no scripts (see
`newslint.reports.html_page`).

Everything that comes from the archive (names, authors, messages, paths) is escaped, and the
page's Content-Security-Policy allows no scripts at all, so no article can run code in it.
"""

from __future__ import annotations

import math

from newslint.reports.html_page import escape, page

PALETTE = ("#c0392b", "#2471a3", "#d68910", "#229954", "#7d3c98", "#17a589", "#a04000", "#566573")
TOP_GROUPS = 15
TOP_FORMS = 5
TOP_AUTHORS = 30

STYLE = """
body{font-size:15px;line-height:1.45;color:#1c2833;background:#f4f6f7}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:28px}h2{margin:32px 0 4px;font-size:20px}
p.note{margin:0 0 12px;color:#566573}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}
.card{background:#fff;border-radius:6px;padding:12px 16px;min-width:140px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:24px}.card span{color:#566573;font-size:13px}
table{background:#fff;box-shadow:0 1px 2px #0002}
th,td{padding:6px 10px;border-bottom-color:#e5e8e8}
svg{background:#fff;box-shadow:0 1px 2px #0002;max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif;fill:#1c2833}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:8px 0;font-size:13px}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
details{background:#fff;margin:6px 0;padding:8px 12px;box-shadow:0 1px 2px #0002}
summary{cursor:pointer;font-weight:600}
code,.loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.quiet{color:#566573}
"""


def render(report: dict) -> str:
    """The dashboard of an audit report (see `newslint.audit.report`)."""
    colors = {row["rule"]: PALETTE[index % len(PALETTE)] for index, row in enumerate(report["rules"])}
    parts = [
        "<main>",
        _overview(report),
        _rules(report, colors),
        _timeline(report, colors),
        _variants(report),
        _authors(report),
        _examples(report),
        _errors(report),
        f'<p class="note">newslint {escape(report["version"])}</p>',
        "</main>\n",
    ]
    return page("Archive audit – newslint", STYLE, "\n".join(parts))


def _overview(report: dict) -> str:
    s = report["summary"]
    cards = [
        (_n(s["articles"]), "articles audited"),
        (_percent(s["share_with_findings"]), f"of them with findings ({_n(s['articles_with_findings'])})"),
        (_n(s["findings"]), "findings"),
        (_n(s["without_date"]), "articles without date"),
        (_n(s["without_author"]), "articles without author"),
        (_n(s["errors"]), "inputs that could not be audited"),
    ]
    html = "".join(f'<div class="card"><b>{escape(value)}</b><span>{escape(label)}</span></div>'
                   for value, label in cards)
    return ("<h1>Archive audit</h1>"
            '<p class="note">How consistent is the archive? Defects per rule, over time and per '
            "author, and the names it spells more than one way.</p>"
            f'<section class="cards" id="overview">{html}</section>')


def _rules(report: dict, colors: dict) -> str:
    rows = report["rules"]
    head = _heading("Defects by rule", "Share of articles with at least one finding of each rule.")
    if not rows:
        return head + "<p>No findings.</p>"
    body = []
    for row in rows:
        width = max(1.0, row["share"] * 200)
        bar = (f'<svg class="share" width="210" height="14" viewBox="0 0 210 14" role="img">'
               f'<rect width="200" height="14" fill="#eaeded"/>'
               f'<rect width="{width:.1f}" height="14" fill="{colors[row["rule"]]}"/></svg>')
        body.append(
            f'<tr><td><span class="swatch" style="background:{colors[row["rule"]]}"></span>'
            f"<code>{escape(row['rule'])}</code></td><td>{escape(str(row['severity']))}</td>"
            f'<td class="n">{_n(row["findings"])}</td><td class="n">{_n(row["articles"])}</td>'
            f'<td class="n">{_percent(row["share"])}</td><td>{bar}</td></tr>'
        )
    return (head + '<table id="rules"><tr><th>Rule</th><th>Severity</th><th class="n">Findings</th>'
            '<th class="n">Articles</th><th class="n">Share</th><th></th></tr>'
            + "".join(body) + "</table>")


def _timeline(report: dict, colors: dict) -> str:
    months = report["months"]
    head = _heading("Findings over time", "Findings per 100 articles in each month of publication, "
                    "stacked by rule; point at a bar for the numbers. Lower is better.")
    if not months:
        return head + "<p>No article has a date.</p>"
    width, height, left, bottom, top = 960, 280, 48, 36, 12
    plot_w, plot_h = width - left - 12, height - bottom - top
    rates = [sum(m["findings"].values()) * 100 / m["articles"] for m in months]
    scale_max = _nice(max(rates) or 1)
    step = plot_w / len(months)
    out = [f'<svg id="timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'role="img" aria-label="Findings per 100 articles by month">']
    for tick in range(5):
        value = scale_max * tick / 4
        y = top + plot_h - plot_h * tick / 4
        out.append(f'<line x1="{left}" x2="{width - 12}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e8e8"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_short(value)}</text>')
    label_every = max(1, math.ceil(len(months) / 12))
    for index, month in enumerate(months):
        x = left + index * step
        y = top + plot_h
        out.append(f'<g class="month" data-month="{escape(month["month"])}">')
        for rule in colors:
            count = month["findings"].get(rule, 0)
            if not count:
                continue
            h = plot_h * count * 100 / month["articles"] / scale_max
            y -= h
            tip = (f"{month['month']}: {rule} – {count:,} findings in {month['articles']:,} articles "
                   f"({count * 100 / month['articles']:.1f} per 100 articles)")
            out.append(f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{y:.1f}" '
                       f'width="{max(step * 0.8, 1):.1f}" height="{h:.1f}" '
                       f'fill="{colors.get(rule, PALETTE[-1])}"><title>{escape(tip)}</title></rect>')
        out.append("</g>")
        if index % label_every == 0:
            out.append(f'<text x="{x + step / 2:.1f}" y="{height - bottom + 18}" text-anchor="middle">'
                       f"{escape(month['month'])}</text>")
    out.append("</svg>")
    legend = "".join(f'<span><span class="swatch" style="background:{color}"></span>{escape(rule)}</span>'
                     for rule, color in colors.items())
    return head + "".join(out) + f'<div class="legend">{legend}</div>'


def _variants(report: dict) -> str:
    groups = report["variants"]
    head = _heading("Names spelled more than one way",
                    "Across the whole archive: each name with how often each spelling occurs, the "
                    "preferred spelling first (in green; chosen by the house list, else by a name's "
                    "inner capitals, the German transliteration, how common it is in German, else by "
                    "the majority). Names with the most uses of other "
                    "spellings come first.")
    if not groups:
        return head + "<p>No name is spelled more than one way.</p>"
    shown = groups[:TOP_GROUPS]
    row_h, label_w, bar_w, width = 20, 220, 560, 960
    rows = sum(1 + min(len(g["spellings"]), TOP_FORMS) for g in shown)
    height = rows * row_h + 10
    out = [f'<svg id="variants-chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'role="img" aria-label="Names spelled more than one way">']
    y = 6
    for group in shown:
        total = sum(s["count"] for s in group["spellings"])
        title = group["name"] if group["preferred"] else f"{group['name']} (no spelling prevails)"
        out.append(f'<text x="4" y="{y + 14}" font-weight="bold">{escape(title)}</text>')
        y += row_h
        for number, spelling in enumerate(group["spellings"][:TOP_FORMS]):
            length = max(2.0, bar_w * spelling["count"] / total)
            color = "#229954" if number == 0 and group["preferred"] else "#c0392b"
            tip = (f"{spelling['spelling']}: {spelling['count']:,}× in {spelling['articles']:,} articles ("
                   + ", ".join(f"{form} {count:,}×" for form, count in spelling["forms"].items())
                   + "), e.g. in " + ", ".join(spelling["examples"]))
            out.append(
                f'<g class="variant"><text x="24" y="{y + 14}">{escape(spelling["spelling"])}</text>'
                f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row_h - 6}" '
                f'fill="{color}"><title>{escape(tip)}</title></rect>'
                f'<text x="{label_w + length + 6:.1f}" y="{y + 14}">{spelling["count"]:,}×</text></g>'
            )
            y += row_h
    out.append("</svg>")
    table = [f"<details><summary>All {len(groups):,} names with their spellings and where they "
             'occur</summary><table id="variants"><tr><th>Name</th><th class="n">Other spellings</th>'
             "<th>Spellings, with examples</th></tr>"]
    for group in groups:
        spellings = "<br>".join(
            f"„{escape(s['spelling'])}“ {s['count']:,}× in {_n(s['articles'])} "
            f"{'article' if s['articles'] == 1 else 'articles'}, e.g. "
            f'<span class="loc">{escape(", ".join(s["examples"]))}</span>'
            for s in group["spellings"]
        )
        table.append(f"<tr><td>{escape(group['name'])}</td><td class=\"n\">{_n(group['deviations'])}"
                     f"</td><td>{spellings}</td></tr>")
    table.append("</table></details>")
    return head + "".join(out) + "".join(table)


def _authors(report: dict) -> str:
    rows = report["authors"][:TOP_AUTHORS]
    head = _heading("Authors", f"Findings per article for each author (the {TOP_AUTHORS} with most "
                    "findings per article), and the rules behind them.")
    if not rows:
        return head + "<p>No article names an author.</p>"
    body = []
    for row in rows:
        rules = ", ".join(f"{rule} {count:,}" for rule, count in row["findings"].items())
        body.append(f"<tr><td>{escape(row['author'])}</td><td class=\"n\">{_n(row['articles'])}</td>"
                    f'<td class="n">{row["findings_per_article"]:.2f}</td><td>{escape(rules)}</td></tr>')
    return (head + '<table id="authors"><tr><th>Author</th><th class="n">Articles</th>'
            '<th class="n">Findings per article</th><th>Findings by rule</th></tr>'
            + "".join(body) + "</table>")


def _examples(report: dict) -> str:
    if not report["examples"]:
        return ""
    out = ['<h2>Examples</h2><p class="note">The first findings of each rule in the archive; '
           "<code>newslint check</code> lists them all for a folder.</p>"]
    for rule, examples in report["examples"].items():
        items = []
        for example in examples:
            if example.get("record"):  # a JSON Lines record: its line in the export, its part
                where = example["location"]
                where += f" (id {example['id']})" if example.get("id") else ""
                where += f", {example['block']}" if example.get("block") else ""
            else:
                where = f"{example['location']}:{example['line']}:{example['column']}"
            excerpt = f" – „{escape(example['excerpt'])}“" if example.get("excerpt") else ""
            items.append(f'<li><span class="loc">{escape(where)}</span> '
                         f"{escape(example['message'])}{excerpt}</li>")
        out.append(f"<details><summary>{escape(rule)}</summary><ul>{''.join(items)}</ul></details>")
    return "".join(out)


def _errors(report: dict) -> str:
    count = report["summary"]["errors"]
    if not count:
        return ""
    items = "".join(f'<li><span class="loc">{escape(e["location"])}</span>: {escape(e["message"])}</li>'
                    for e in report["errors"])
    return (f'<h2>Inputs that could not be audited</h2><p class="note">{_n(count)} files or records '
            f'were skipped; fix them and run the audit again.</p><ul id="errors">{items}</ul>')


def _heading(title: str, note: str) -> str:
    """A section's heading and the note under it (both written here, not taken from the archive)."""
    return f'<h2>{title}</h2><p class="note">{note}</p>'


def _n(value: int) -> str:
    return f"{value:,}"


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def _nice(value: float) -> float:
    """A round number at or above `value` for the top of an axis."""
    magnitude = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 4, 6, 8, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _short(value: float) -> str:
    return f"{value:g}"
