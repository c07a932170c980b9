"""`--format html`: one self-contained report for editors (`--output report.html`, open it in a browser).

The page holds a summary (findings per rule and per file, linking to the articles), then every
article with findings, line by line, its findings highlighted in place: hovering or focusing a
highlight (Tab moves between them) shows the rule, the message and the suggestion, and a list
under the article repeats them for print, saying which `newslint check --fix` can write. A bar at the top filters by rule and severity.

Nothing is loaded from elsewhere. Everything that comes from an article or a rule (text, paths,
messages) is escaped, and a Content-Security-Policy lets only the report's own script run, so
nothing in an article can run code.
"""

from __future__ import annotations

import bisect
from collections import Counter

from newslint.engine.discovery import is_binary
from newslint.engine.finding import SEVERITIES
from newslint.engine.lines import LINE_END, line_span
from newslint.engine.lines import line_starts as starts_of_lines
from newslint.reports import counts
from newslint.reports.html_page import escape, page

SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # error first

STYLE = """
:root { --error: #c62828; --error-bg: #ffdada; --warning: #9a6700; --warning-bg: #fff1b8;
  --info: #1d5fc2; --info-bg: #dbe8fd; --muted: #5b6470; --line: #d8dde3; }
header.bar { position: sticky; top: 0; z-index: 20; background: #fff; border-bottom: 1px solid var(--line);
  padding: .5rem 1.5rem; display: flex; flex-wrap: wrap; gap: .25rem 2rem; align-items: baseline; }
header.bar h1 { font-size: 1.15rem; margin: 0; }
.totals { margin: 0; color: var(--muted); }
form.filter { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; width: 100%; }
form.filter fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .1rem .9rem; }
form.filter legend { float: left; font-weight: 600; margin-right: .6rem; }
form.filter label { white-space: nowrap; cursor: pointer; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1.5rem 1rem;
  margin: 1.25rem 0; scroll-margin-top: 7rem; }
h2 { font-size: 1.2rem; margin: .75rem 0; overflow-wrap: anywhere; }
h2 .count { font-weight: normal; color: var(--muted); font-size: .95rem; }
table { margin-bottom: 1rem; }
a { color: #0b57d0; }
.sev { font-size: .8rem; font-weight: 600; padding: 0 .35rem; border-radius: 3px; }
.sev.error { background: var(--error-bg); color: var(--error); }
.sev.warning { background: var(--warning-bg); color: var(--warning); }
.sev.info { background: var(--info-bg); color: var(--info); }
code { font-size: .9em; }
.file-error { color: var(--error); font-weight: 600; }
.text { font: 1.05rem/1.7 Georgia, "Times New Roman", serif; margin: .5rem 0 1rem; }
.line { display: flex; gap: .9rem; min-height: 1.7em; scroll-margin-top: 8rem; }
.line::before { content: attr(data-n); flex: 0 0 2.2rem; text-align: right; color: var(--muted);
  font: .75rem/2.3 system-ui, sans-serif; user-select: none; }
.lc { white-space: pre-wrap; overflow-wrap: anywhere; flex: 1; min-width: 0; }
mark.hl { position: relative; color: inherit; border-radius: 2px; cursor: help;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.hl[data-sev=error] { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.hl[data-sev=warning] { background: var(--warning-bg); border-bottom: 2px dashed var(--warning); }
mark.hl[data-sev=info] { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
mark.hl.point { display: inline-block; width: .7em; height: 1.1em; vertical-align: text-bottom; }
mark.hl.off { background: none; border: 0; cursor: auto; }
mark.hl.point.off { display: none; }
mark.hl:focus { outline: 2px solid #1f2328; outline-offset: 1px; }
.tip { display: none; position: absolute; left: 0; top: calc(100% + 4px); z-index: 10; width: max-content;
  max-width: min(30rem, 80vw); white-space: normal; font: .88rem/1.4 system-ui, sans-serif;
  background: #1f2328; color: #fff; padding: .45rem .6rem; border-radius: 5px;
  box-shadow: 0 3px 10px rgba(0,0,0,.25); }
.tip-item { display: block; }
.tip-item + .tip-item { margin-top: .35rem; }
.tip .sev { background: #fff; }
mark.hl:hover > .tip, mark.hl:focus > .tip { display: block; }
mark.hl.off > .tip { display: none; }
ol.findings { margin: 0; padding-left: 1.4rem; font-size: .95rem; }
ol.findings li { margin: .2rem 0; }
.suggestion { color: var(--muted); }
@media print {
  body { background: #fff; font-size: 11pt; }
  header.bar { position: static; border: 0; padding: 0 0 .5rem; }
  form.filter, .tip { display: none !important; }
  main { max-width: none; padding: 0; }
  section { border: 0; padding: 0; margin: 0 0 1.5rem; }
  section.article { break-before: page; }
  .line, ol.findings li, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var rank = {error: 0, warning: 1, info: 2};
  var severity = {};
  var items = document.querySelectorAll("ol.findings li");
  items.forEach(function (li) { severity[li.dataset.f] = li.dataset.severity; });
  function apply() {
    var on = {};
    form.querySelectorAll("input:checked").forEach(function (box) { on[box.name + ":" + box.value] = true; });
    var active = {}, shown = 0;
    items.forEach(function (li) {
      var visible = on["rule:" + li.dataset.rule] && on["severity:" + li.dataset.severity];
      li.hidden = !visible;
      if (visible) { active[li.dataset.f] = true; shown++; }
    });
    document.querySelectorAll(".tip-item").forEach(function (item) { item.hidden = !active[item.dataset.f]; });
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      var best = null;
      mark.dataset.f.split(" ").forEach(function (id) {
        if (active[id] && (best === null || rank[severity[id]] < rank[best])) { best = severity[id]; }
      });
      mark.classList.toggle("off", best === null);
      mark.tabIndex = best === null ? -1 : 0;
      if (best !== null) { mark.dataset.sev = best; }
    });
    document.getElementById("shown").textContent = shown + " of " + items.length + " findings shown";
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
})();
"""


def render(results: list, color: bool = False) -> str:
    from newslint.engine.registry import rules_by_id

    summaries = {rule_id: rule.summary for rule_id, rule in rules_by_id().items()}
    shown = [result for result in results if result.diagnostics or result.error is not None]
    parts = [_header(results), "<main>\n", _summary(results, shown, summaries)]
    number = 0
    for article_number, result in enumerate(shown, 1):
        parts.append(_article(result, article_number, number, summaries))
        number += len(result.diagnostics)
    parts.append("</main>\n")
    return page("newslint report", STYLE, "".join(parts), SCRIPT)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _display(path: str) -> str:
    return "standard input" if path == "-" else path


def _header(results: list) -> str:
    diagnostics = [d for result in results for d in result.diagnostics]
    checked, _ = counts(results)
    with_findings = sum(1 for result in results if result.diagnostics)
    severities = Counter(d.severity for d in diagnostics)
    rules = Counter(d.rule for d in diagnostics)
    totals = (f"{_plural(len(diagnostics), 'finding')} in {with_findings} of "
              f"{_plural(checked, 'file')} checked")
    boxes = []
    for name, tally, values in (("severity", severities, sorted(severities, key=SEVERITY_ORDER.get)),
                                 ("rule", rules, sorted(rules))):
        labels = "".join(
            f'<label><input type="checkbox" name="{name}" value="{escape(value)}" checked> '
            f"{escape(value)} ({tally[value]})</label>"
            for value in values
        )
        boxes.append(f"<fieldset><legend>{name.capitalize()}</legend>{labels}</fieldset>")
    return (
        '<header class="bar">\n<h1>newslint report</h1>\n'
        f'<p class="totals">{escape(totals)} · <output id="shown" aria-live="polite"></output></p>\n'
        f'<form id="filter" class="filter" aria-label="Filter findings" hidden>{"".join(boxes)}</form>\n'
        "</header>\n"
    )


def _summary(results: list, shown: list, summaries: dict) -> str:
    by_rule: Counter[str] = Counter()
    rule_severities: dict[str, set] = {}
    for result in results:
        for d in result.diagnostics:
            by_rule[d.rule] += 1
            rule_severities.setdefault(d.rule, set()).add(d.severity)
    rows = []
    for rule_id, count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        badges = " ".join(f'<span class="sev {s}">{s}</span>'
                          for s in sorted(rule_severities[rule_id], key=SEVERITY_ORDER.get))
        rows.append(f"<tr><td><code>{escape(rule_id)}</code></td><td>{badges}</td>"
                    f'<td class="n">{count}</td><td>{escape(summaries.get(rule_id, ""))}</td></tr>')
    rule_table = (
        '<table class="by-rule"><caption hidden>Findings per rule</caption><thead><tr><th>Rule</th>'
        '<th>Severity</th><th class="n">Findings</th><th>What it checks</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>\n" if rows else "<p>No findings.</p>\n"
    )
    rows = []
    for number, result in enumerate(shown, 1):
        severities = Counter(d.severity for d in result.diagnostics)
        cells = "".join(f'<td class="n">{severities[s] or ""}</td>' for s in SEVERITIES)
        note = ' <span class="file-error">(not fully checked)</span>' if result.error is not None else ""
        rows.append(f'<tr><td><a href="#article-{number}">{escape(_display(result.path))}</a>{note}</td>'
                    f'{cells}<td class="n">{len(result.diagnostics)}</td></tr>')
    clean = sum(1 for result in results if not result.diagnostics and result.error is None)
    file_table = (
        '<table class="by-file"><caption hidden>Findings per file</caption><thead><tr><th>File</th>'
        + "".join(f'<th class="n">{s}</th>' for s in SEVERITIES)
        + f'<th class="n">Total</th></tr></thead><tbody>{"".join(rows)}</tbody></table>\n'
        if rows else ""
    )
    clean_note = f"<p>{_plural(clean, 'file')} without findings.</p>\n" if clean else ""
    return (f'<section class="summary" id="summary">\n<h2>Findings per rule</h2>\n{rule_table}'
            f"<h2>Findings per file</h2>\n{file_table}{clean_note}</section>\n")


def _article(result, article_number: int, first: int, summaries: dict) -> str:
    anchor = f"article-{article_number}"
    count = _plural(len(result.diagnostics), "finding")
    parts = [f'<section class="article" id="{anchor}" aria-labelledby="{anchor}-title">\n'
             f'<h2 id="{anchor}-title">{escape(_display(result.path))} <span class="count">· {count}</span></h2>\n']
    if result.error is not None:
        parts.append(f'<p class="file-error">Not fully checked: {escape(result.error)}</p>\n')
    numbered = [(first + offset + 1, d) for offset, d in enumerate(result.diagnostics)]
    if result.text is not None and numbered:
        if is_binary(result.path):
            parts.append('<p class="note">The text made from the document: a line for each paragraph; '
                         'positions are paragraph:character.</p>\n')
        parts.append(f'<div class="text">{_lines(result.text, numbered, anchor)}</div>\n')
    if numbered:
        parts.append('<ol class="findings">')
        for n, d in numbered:
            suggestion = (f' <span class="suggestion">Suggestion: „{escape(d.suggestion)}“</span>'
                          if d.suggestion is not None else "")
            if d.fix is not None:  # what `newslint check --fix` (with --unsafe-fixes) would write
                flag = "--fix" if d.fix.applicability == "safe" else "--fix --unsafe-fixes"
                suggestion += f' <span class="suggestion">({d.fix.applicability} fix: {flag})</span>'

            parts.append(
                f'<li data-f="{n}" data-rule="{escape(d.rule)}" data-severity="{d.severity}">'
                f'<a href="#{anchor}-l{d.line}">{d.line}:{d.column}</a> '
                f'<span class="sev {d.severity}">{d.severity}</span> <code>{escape(d.rule)}</code> '
                f"{escape(d.message)}{suggestion}</li>"
            )
        parts.append("</ol>\n")
    parts.append("</section>\n")
    return "".join(parts)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at line breaks: the non-empty pieces on each line."""
    pieces = []
    while start < end:
        newline = LINE_END.search(text, start, end)
        stop = end if newline is None else newline.start()
        if stop > start:
            pieces.append((start, stop))
        start = end if newline is None else newline.end()
    return pieces


def _lines(text: str, numbered: list, anchor: str) -> str:
    """The article line by line, with each finding's span marked (a point where it is empty)."""
    line_starts = starts_of_lines(text)
    spans: dict[int, list[tuple[int, int, int]]] = {}  # line index -> (start, end, number)
    points: dict[int, list[int]] = {}  # offset -> numbers
    for n, d in numbered:
        pieces = _pieces(text, d.start, d.end)
        for start, end in pieces:
            spans.setdefault(bisect.bisect_right(line_starts, start) - 1, []).append((start, end, n))
        if not pieces:
            points.setdefault(d.start, []).append(n)
    point_lines: dict[int, list[int]] = {}
    for offset in points:
        point_lines.setdefault(bisect.bisect_right(line_starts, offset) - 1, []).append(offset)
    tips = {n: _tip_item(n, d) for n, d in numbered}
    severities = {n: d.severity for n, d in numbered}
    out = []
    if len(line_starts) > 1 and line_starts[-1] == len(text) and len(text) not in points:
        line_starts.pop()  # the empty "line" after the final line break
    for index, line_start in enumerate(line_starts):
        line_end = line_span(text, line_start)[1]
        here = spans.get(index, [])
        cuts = sorted({line_start, line_end, *point_lines.get(index, ()),
                       *(s for s, _, _ in here), *(e for _, e, _ in here)})
        opening: dict[int, list[int]] = {}
        closing: dict[int, list[int]] = {}
        for s, e, n in here:
            opening.setdefault(s, []).append(n)
            closing.setdefault(e, []).append(n)
        active: set[int] = set()  # the findings that cover the segment from this cut on
        content = []
        for a, b in zip(cuts, cuts[1:] + [None]):
            active.difference_update(closing.get(a, ()))
            active.update(opening.get(a, ()))
            for n in points.get(a, ()):
                content.append(_mark("", [n], tips, severities, point=True))
            if b is None:
                break
            covering = sorted(active)
            segment = text[a : max(a, min(b, line_end))]  # the line without its break
            content.append(_mark(segment, covering, tips, severities) if covering else escape(segment))
        out.append(f'<div class="line" id="{anchor}-l{index + 1}" data-n="{index + 1}">'
                   f'<span class="lc">{"".join(content)}</span></div>')
    return "\n".join(out)


def _tip_item(n: int, d) -> str:
    suggestion = f" → „{escape(d.suggestion)}“" if d.suggestion is not None else ""
    return (f'<span class="tip-item" data-f="{n}"><span class="sev {d.severity}">{d.severity}</span> '
            f"<code>{escape(d.rule)}</code> {escape(d.message)}{suggestion}</span>")


def _mark(segment: str, numbers: list[int], tips: dict, severities: dict, point: bool = False) -> str:
    severity = min((severities[n] for n in numbers), key=SEVERITY_ORDER.get)
    classes = "hl point" if point else "hl"
    ids = " ".join(map(str, numbers))
    tip = "".join(tips[n] for n in numbers)
    label = ' aria-label="finding here"' if point else ""
    return (f'<mark class="{classes}" tabindex="0" data-f="{ids}" data-sev="{severity}"{label}>'
            f'{escape(segment)}<span class="tip" role="tooltip">{tip}</span></mark>')
