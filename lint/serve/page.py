"""The web page at `/`: paste or open an article (a Word document too), see its findings marked in place and listed by
rule and severity, jump to one, apply one fix or all safe fixes, download the fixed article.

One self-contained page (nothing from elsewhere, works offline) on the shared HTML base
(`newslint.reports.html_page`). Its script talks only to the API of the server that served it
(`POST /v1/check`, `POST /v1/fix`); its Content-Security-Policy lets no other script run. The
article is only ever put into the page as text (`textContent`, text nodes), never as HTML, so
nothing in it can run. Columns count Unicode characters, as the API's do: the script works on
the article's code points.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.reports.html_page import content_policy, escape, page


@dataclass(frozen=True)
class Page:
    html: str
    policy: str  # its Content-Security-Policy, also sent as a header


STYLE = """
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1rem; padding: 1rem;
  max-width: 90rem; margin: 0 auto; }
h1 { font-size: 1.3rem; margin: .6rem 1rem; } h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
section, aside { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: .8rem; }
label { display: block; font-weight: 600; margin: .4rem 0 .2rem; }
textarea { width: 100%; min-height: 14rem; font: 15px/1.5 ui-monospace, monospace; padding: .5rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0; }
button, select, input, a.button { font: inherit; padding: .35rem .7rem; border: 1px solid #57606a; border-radius: 5px;
  background: #f6f8fa; color: #1f2328; text-decoration: none; cursor: pointer; }
button.primary { background: #0550ae; border-color: #0550ae; color: #fff; }
button:focus-visible, a:focus-visible, mark:focus, select:focus-visible, input:focus-visible,
textarea:focus-visible { outline: 3px solid #bf8700; outline-offset: 2px; }
button[disabled] { opacity: .55; cursor: default; }
#text { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.6 ui-monospace, monospace;
  border-top: 1px solid #d8dde3; margin-top: .8rem; padding-top: .6rem; }
mark { background: #fff1a8; color: inherit; border-bottom: 2px solid #9a6700; }
mark.error { background: #ffd7d5; border-bottom-color: #a40e26; }
mark.info { background: #ddf4ff; border-bottom-color: #0550ae; }
mark.point { padding: 0 1px; border-left: 2px solid #a40e26; }
mark.current { outline: 3px solid #bf8700; }
ul { list-style: none; margin: 0; padding: 0; }
li.finding { border-bottom: 1px solid #eaeef2; padding: .35rem 0; }
li.finding button.jump { border: none; background: none; padding: 0; text-align: left; color: #0550ae;
  text-decoration: underline; }
.severity { font-size: .8rem; font-weight: 700; text-transform: uppercase; padding: 0 .3rem; border-radius: 3px; }
.severity.error { background: #a40e26; color: #fff; } .severity.warning { background: #9a6700; color: #fff; }
.severity.info { background: #0550ae; color: #fff; }
#status { min-height: 1.5rem; margin: .4rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (max-width: 50rem) { main { grid-template-columns: 1fr; } }
"""

SCRIPT = r"""
"use strict";
const $ = (id) => document.getElementById(id);
let shown = null; // {text, findings}: what the marks show
let fixedUrl = null;

function codePoints(text) { return Array.from(text); }

function lineStarts(points) { // CR, LF and CRLF end a line, as in the engine
  const starts = [0];
  for (let i = 0; i < points.length; i++) {
    if (points[i] === "\r" && points[i + 1] === "\n") { starts.push(i + 2); i++; }
    else if (points[i] === "\r" || points[i] === "\n") starts.push(i + 1);
  }
  return starts;
}

function offset(starts, line, column) { return starts[line - 1] + column - 1; }

function say(message) { $("status").textContent = message; }

function request(path, fields, article) { // article: {document, format} instead of the text shown
  const headers = {"Content-Type": "application/json"};
  const token = $("token") ? $("token").value.trim() : "";
  if (token) headers["Authorization"] = "Bearer " + token;
  const body = article || {text: $("article").value, format: $("format").value};
  const name = $("name").value.trim();
  if (name) body.name = name;
  return fetch(path, {method: "POST", headers, body: JSON.stringify(Object.assign(body, fields || {}))})
    .then((response) => response.json().then((answer) => {
      if (!response.ok) throw new Error(answer.error || ("HTTP " + response.status));
      return answer;
    }));
}

function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
  return btoa(binary);
}

function checkDocument(file, format) { // a Word document: checked as it is, then shown as its text
  say("Checking …");
  return file.arrayBuffer()
    .then((buffer) => request("/v1/check", {}, {document: base64(buffer), format}))
    .then((answer) => {
      $("article").value = answer.text || "";
      $("format").value = "txt"; // what the page edits from here on is the text made from the document
      $("name").value = file.name.replace(/\.[^.]*$/, "") + ".txt";
      show(answer);
    }).catch((error) => say("Not checked: " + error.message));
}

function check() {
  say("Checking …");
  return request("/v1/check").then(show).catch((error) => say("Not checked: " + error.message));
}

function fixAll() {
  say("Fixing …");
  return request("/v1/fix", {unsafe: false}).then((answer) => {
    $("article").value = answer.text;
    offerDownload();
    show(answer);
    say(answer.summary.fixed + " fixed; " + status(answer));
  }).catch((error) => say("Not fixed: " + error.message));
}

function applyOne(number) {
  const finding = shown.findings[number];
  const points = codePoints(shown.text), starts = lineStarts(points);
  const edits = finding.fix.edits.map((e) => [offset(starts, e.line, e.column),
    offset(starts, e.end_line, e.end_column), e.replacement]);
  edits.sort((a, b) => b[0] - a[0]);
  for (const [start, end, replacement] of edits) points.splice(start, end - start, ...codePoints(replacement));
  $("article").value = points.join("");
  offerDownload();
  return check();
}

function offerDownload() {
  if (fixedUrl) URL.revokeObjectURL(fixedUrl);
  fixedUrl = URL.createObjectURL(new Blob([$("article").value], {type: "text/plain;charset=utf-8"}));
  const link = $("download");
  link.href = fixedUrl;
  link.download = $("name").value.trim() || ("article." + $("format").value);
  link.hidden = false;
}

function status(answer) {
  const parts = [answer.findings.length + (answer.findings.length === 1 ? " finding" : " findings")];
  for (const error of answer.errors) parts.push("error: " + error.message);
  for (const skipped of answer.skipped || []) parts.push(skipped.rule + " skipped: " + skipped.reason);
  return parts.join("; ");
}

function show(answer) {
  shown = {text: $("article").value, findings: answer.findings};
  const points = codePoints(shown.text), starts = lineStarts(points);
  const spans = answer.findings.map((f, n) => ({n, severity: f.severity,
    start: offset(starts, f.line, f.column), end: offset(starts, f.end_line, f.end_column)}));
  const cuts = new Set([0, points.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const sorted = Array.from(cuts).sort((a, b) => a - b);
  const view = $("text");
  view.replaceChildren();
  const first = new Set();
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i], next = sorted[i + 1];
    for (const s of spans) if (s.start === at && s.end === at && !first.has(s.n)) { // a point: a mark of its own
      view.appendChild(mark([s], "point", first));
    }
    if (next === undefined) break;
    const text = points.slice(at, next).join("");
    const covering = spans.filter((s) => s.start <= at && next <= s.end && s.start < s.end);
    if (!covering.length) { view.appendChild(document.createTextNode(text)); continue; }
    const element = mark(covering, "", first);
    element.textContent = text;
    view.appendChild(element);
  }
  list(answer.findings);
  say(status(answer));
  $("fix-all").disabled = !answer.findings.some((f) => f.fix && f.fix.applicability === "safe");
}

function mark(spans, kind, first) {
  const element = document.createElement("mark");
  const order = ["error", "warning", "info"];
  const worst = spans.map((s) => s.severity).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
  element.className = [worst, kind].join(" ").trim();
  element.tabIndex = -1;
  element.dataset.findings = spans.map((s) => s.n).join(" ");
  element.title = spans.map((s) => shown.findings[s.n].rule + ": " + shown.findings[s.n].message).join("\n");
  for (const s of spans) if (!first.has(s.n)) { first.add(s.n); if (!element.id) element.id = "finding-" + s.n; }
  return element;
}

function list(findings) {
  const box = $("findings");
  box.replaceChildren();
  const groups = new Map();
  findings.forEach((f, n) => {
    const key = f.severity + " " + f.rule;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(n);
  });
  const order = {error: 0, warning: 1, info: 2};
  const keys = Array.from(groups.keys()).sort((a, b) =>
    order[a.split(" ")[0]] - order[b.split(" ")[0]] || a.localeCompare(b));
  for (const key of keys) {
    const [severity, rule] = key.split(" ");
    const heading = document.createElement("h3");
    const badge = document.createElement("span");
    badge.className = "severity " + severity;
    badge.textContent = severity;
    heading.append(badge, " " + rule + " (" + groups.get(key).length + ")");
    const items = document.createElement("ul");
    for (const n of groups.get(key)) {
      const f = findings[n];
      const item = document.createElement("li");
      item.className = "finding";
      const jump = document.createElement("button");
      jump.type = "button";
      jump.className = "jump";
      jump.textContent = "Line " + f.line + ", column " + f.column + ": " + f.message;
      jump.addEventListener("click", () => focusFinding(n));
      item.appendChild(jump);
      if (f.fix) {
        const apply = document.createElement("button");
        apply.type = "button";
        apply.className = "apply";
        apply.textContent = f.fix.applicability === "safe" ? "Apply fix" : "Apply fix (unsafe: read it first)";
        apply.setAttribute("aria-label", apply.textContent + ": " + f.message);
        apply.addEventListener("click", () => applyOne(n));
        item.append(" ", apply);
      }
      items.appendChild(item);
    }
    box.append(heading, items);
  }
  if (!findings.length) {
    const none = document.createElement("p");
    none.textContent = "No findings.";
    box.appendChild(none);
  }
}

function focusFinding(n) {
  for (const old of document.querySelectorAll("mark.current")) old.classList.remove("current");
  const target = $("finding-" + n);
  if (!target) return;
  target.classList.add("current");
  target.scrollIntoView({block: "center"});
  target.focus();
}

$("check").addEventListener("click", check);
$("fix-all").addEventListener("click", fixAll);
$("file").addEventListener("change", () => {
  const file = $("file").files[0];
  if (!file) return;
  const suffix = file.name.split(".").pop().toLowerCase();
  $("name").value = file.name;
  if ($("file").dataset.documents.split(" ").includes(suffix)) return checkDocument(file, suffix);
  if (Array.from($("format").options).some((o) => o.value === suffix)) $("format").value = suffix;
  file.text().then((text) => { $("article").value = text; return check(); });
});
"""


def render(formats: tuple[str, ...], document_formats: tuple[str, ...] = (), token: bool = False) -> Page:
    """The page; `formats` are the article formats the server reads as text, `document_formats`
    those it reads from a file's bytes (.docx: opened, checked, then shown as the text made from
    it), `token` whether it asks for one."""
    options = "".join(f'<option value="{escape(name)}">{escape(name)}</option>' for name in formats)
    accept = ",".join(f".{escape(name)}" for name in (*formats, *document_formats))
    documents = escape(" ".join(document_formats))
    token_field = ('<div><label for="token">Access token</label>'
                   '<input id="token" type="password" autocomplete="off"></div>') if token else ""
    body = f"""<header><h1>newslint</h1></header>
<main>
<section aria-labelledby="article-heading">
<h2 id="article-heading">Article</h2>
<label for="article">Paste the article (first line: the headline)</label>
<textarea id="article" spellcheck="false"></textarea>
<div class="controls">
<div><label for="file">or open a file</label><input id="file" type="file" accept="{accept}" data-documents="{documents}"></div>
<div><label for="format">Format</label><select id="format">{options}</select></div>
<div><label for="name">File name (optional)</label><input id="name" type="text"></div>
{token_field}
</div>
<div class="controls">
<button id="check" type="button" class="primary">Check</button>
<button id="fix-all" type="button" disabled>Apply all safe fixes</button>
<a id="download" class="button" hidden>Download the fixed article</a>
</div>
<div id="status" role="status" aria-live="polite"></div>
<h2 class="visually-hidden">The article with its findings marked</h2>
<div id="text" aria-label="The article with its findings marked"></div>
</section>
<aside aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings by severity and rule</h2>
<div id="findings"></div>
</aside>
</main>
"""
    return Page(page("newslint", STYLE, body, SCRIPT, connect=True), content_policy(SCRIPT, connect=True))
