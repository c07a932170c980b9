"""The HTML report: self-contained, every article character and finding in place, nothing from an
article ever runs; and in a real headless Chromium: highlights visible, hover and keyboard show the
message, the filter hides and shows findings, print hides the controls."""

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import Browser, find_chromium
from fake_reports import ARTICLE, check, use_fake_rules
from newslint.engine.finding import FileResult
from newslint.reports import render

HOSTILE = (
    "Pjönjang <script>window.pwned = 1</script> meldet - etwas\n"
    "Ein Bild <img src=x onerror=\"window.pwned = 2\"> und ein [Link](javascript:window.pwned=3) - "
    "und </div></mark><b>fett</b> &amp; &lt;.\n"
    "Das war der Schluss.\n"
    "\n"
    "Neu: \"Anführung\" 'einfach' – <style>body{display:none}</style>\n"
)


@pytest.fixture
def results(monkeypatch):
    use_fake_rules(monkeypatch)
    found = check({
        "ausland/nordkorea.txt": ARTICLE,
        '<img src=x onerror="window.pwned=4">.md': HOSTILE,
        "sauber.txt": "Titel\nAlles gut. (dpa)\n",
    })
    found.append(FileResult("kaputt.txt", error="binary file (contains NUL bytes), not an article"))
    return found


class Page(HTMLParser):
    """The tags and attributes of a page, and each article's lines as text without the tooltips."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.lines = []
        self._line = None
        self._in_tip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "div" and attrs.get("class") == "line":
            self._line = []
        if self._in_tip or "tip" in (attrs.get("class") or "").split():
            self._in_tip += 1

    def handle_endtag(self, tag):
        if self._in_tip:
            self._in_tip -= 1
        elif tag == "div" and self._line is not None:
            self.lines.append("".join(self._line))
            self._line = None

    def handle_data(self, data):
        if self._line is not None and not self._in_tip:
            self._line.append(data)


def parse(page):
    parser = Page()
    parser.feed(page)
    return parser


def test_report_shows_each_article_exactly_as_written(results):
    page = parse(render("html", results))
    texts = [r.text for r in results if r.diagnostics]
    expected = [line for text in texts for line in text.rstrip("\n").split("\n")]
    assert page.lines == expected


@pytest.mark.parametrize("break_", ["\r", "\r\n"])
def test_cr_and_crlf_end_the_report_lines_as_in_the_findings(monkeypatch, break_):
    use_fake_rules(monkeypatch)
    text = ARTICLE.replace("\n", break_)
    (result,) = check({"a.txt": text})
    page = parse(render("html", [result]))
    assert page.lines == ARTICLE.rstrip("\n").split("\n")
    for finding in result.diagnostics:  # each finding's line in the report holds its text
        if finding.rule == "fake-spelling":
            assert "Pjönjang" in page.lines[finding.line - 1], finding


def test_nothing_from_an_article_becomes_markup(results):
    page = parse(render("html", results))
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == 1 and tags.count("style") == 1
    assert "img" not in tags and "b" not in tags and "link" not in tags
    for tag, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")], tag
        assert "src" not in attrs, "no external or inline resources"
        assert not (attrs.get("href") or "#").lower().lstrip().startswith("javascript"), attrs


def test_report_is_self_contained_with_a_strict_content_security_policy(results):
    page = render("html", results)
    parsed = parse(page)
    policy = next(attrs["content"] for tag, attrs in parsed.tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    ids = {attrs["id"] for tag, attrs in parsed.tags if "id" in attrs}
    assert hrefs and all(href.startswith("#") and href[1:] in ids for href in hrefs)


def test_summary_counts_per_rule_and_links_every_article_with_findings(results):
    page = parse(render("html", results))
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a" and attrs["href"].startswith("#article-") and "-l" not in attrs["href"]]
    assert links == ["#article-1", "#article-2", "#article-3"]  # two with findings, one broken
    boxes = {(attrs["name"], attrs["value"]) for tag, attrs in page.tags if tag == "input"}
    rules = {d.rule for r in results for d in r.diagnostics}
    assert boxes == {("rule", rule) for rule in rules} | {("severity", s) for s in ("error", "warning", "info")}


def test_a_report_without_findings_says_so(results):
    page = render("html", [results[2]])
    assert "No findings." in page and "1 file without findings." in page


# -- in a real browser ---------------------------------------------------------------------------

CHROMIUM = find_chromium()
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")

# For each finding in the list: are its highlights there, visible, on top and coloured?
CHECK_HIGHLIGHTS = """
(() => {
  const problems = [];
  const items = Array.from(document.querySelectorAll("ol.findings li"));
  for (const li of items) {
    const marks = Array.from(document.querySelectorAll("mark.hl"))
      .filter(m => m.dataset.f.split(" ").includes(li.dataset.f));
    if (!marks.length) { problems.push(li.dataset.f + ": no highlight"); continue; }
    for (const mark of marks) {
      mark.scrollIntoView({block: "center"});
      const box = mark.getBoundingClientRect();
      const style = getComputedStyle(mark);
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (box.width < 3 || box.height < 8) problems.push(li.dataset.f + ": too small");
      if (style.visibility !== "visible" || style.display === "none") problems.push(li.dataset.f + ": hidden");
      if (style.backgroundColor === "rgba(0, 0, 0, 0)") problems.push(li.dataset.f + ": not coloured");
      if (!(top === mark || mark.contains(top))) problems.push(li.dataset.f + ": covered by " + (top && top.outerHTML.slice(0, 60)));
    }
  }
  window.scrollTo(0, 0);
  return {findings: items.length, problems};
})()
"""

# Which findings are highlighted (some mark for them coloured and shown) and listed?
STATE = """
(() => {
  const highlighted = new Set(), listed = [];
  for (const mark of document.querySelectorAll("mark.hl")) {
    const style = getComputedStyle(mark);
    if (style.display !== "none" && style.backgroundColor !== "rgba(0, 0, 0, 0)") {
      mark.dataset.f.split(" ").forEach(f => highlighted.add(f));
    }
  }
  for (const li of document.querySelectorAll("ol.findings li")) {
    if (li.offsetParent !== null) listed.push(li.dataset.f);
  }
  return {highlighted: Array.from(highlighted).sort(), listed: listed.sort(),
          shown: document.getElementById("shown").textContent};
})()
"""


def center_of(browser, selector):
    return browser.evaluate(f"""
      (() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: "center"}});
               const b = e.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; }})()""")


@pytest.fixture
def browser():
    with Browser.launch(width=1280, height=800, executable=CHROMIUM) as opened:
        yield opened


def findings_by(results, **wanted):
    numbered = [d for r in results for d in r.diagnostics]
    return sorted(str(n) for n, d in enumerate(numbered, 1)
                  if all(getattr(d, key) == value for key, value in wanted.items()))


@needs_browser
def test_report_in_headless_chromium(results, browser, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render("html", results), encoding="utf-8")
    browser.open(report.as_uri())
    total = sum(len(r.diagnostics) for r in results)
    everything = findings_by(results)

    # the report's own script ran (the policy allows it) and nothing from the articles did
    assert browser.evaluate("document.getElementById('shown').textContent") == f"{total} of {total} findings shown"
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, article script, .lc script').length") == 0

    checked = browser.evaluate(CHECK_HIGHLIGHTS)
    assert checked == {"findings": total, "problems": []}

    # hovering a highlight shows its message and suggestion
    x, y = center_of(browser, "mark.hl[data-f='1']")
    browser.hover(x, y)
    tip = browser.evaluate("""(() => { const t = document.querySelector("mark.hl[data-f='1'] .tip");
        return [getComputedStyle(t).display, t.innerText]; })()""")
    first = results[0].diagnostics[0]
    assert tip[0] == "block" and first.message in tip[1] and first.suggestion in tip[1]
    browser.hover(1, 1)

    # Tab reaches the highlights, and focus shows the message too
    browser.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    for _ in range(60):
        browser.press_tab()
        if browser.evaluate("document.activeElement.tagName") == "MARK":
            break
    focused = browser.evaluate("""(() => { const m = document.activeElement, t = m.querySelector('.tip');
        return [m.dataset.f, getComputedStyle(t).display, t.innerText]; })()""")
    assert focused[0] == "1" and focused[1] == "block" and first.message in focused[2]

    screenshots = Path(os.environ.get("NEWSLINT_SCREENSHOTS", tmp_path))
    screenshots.mkdir(parents=True, exist_ok=True)
    browser.screenshot(screenshots / "report-focus.png")

    # the rule filter hides that rule's findings and shows them again
    spelling = findings_by(results, rule="fake-spelling")
    browser.click(*center_of(browser, "input[name=rule][value='fake-spelling']"))
    state = browser.evaluate(STATE)
    rest = sorted(set(everything) - set(spelling))
    assert state["highlighted"] == rest and state["listed"] == rest
    assert state["shown"] == f"{len(rest)} of {total} findings shown"
    browser.click(*center_of(browser, "input[name=rule][value='fake-spelling']"))
    assert browser.evaluate(STATE)["highlighted"] == everything

    # so does the severity filter; overlapping highlights keep the findings still shown
    warnings = findings_by(results, severity="warning")
    browser.click(*center_of(browser, "input[name=severity][value='warning']"))
    state = browser.evaluate(STATE)
    assert state["highlighted"] == state["listed"] == sorted(set(everything) - set(warnings))
    browser.screenshot(screenshots / "report-filtered.png")
    browser.click(*center_of(browser, "input[name=severity][value='warning']"))
    assert browser.evaluate(STATE)["listed"] == everything

    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(screenshots / "report.png")
    assert (screenshots / "report.png").read_bytes().startswith(b"\x89PNG")

    # printed: no controls or tooltips, highlights and the lists of findings stay
    browser.send("Emulation.setEmulatedMedia", media="print")
    printed = browser.evaluate("""(() => [getComputedStyle(document.getElementById('filter')).display,
        getComputedStyle(document.querySelector('.tip')).display,
        getComputedStyle(document.querySelector('mark.hl')).backgroundColor,
        getComputedStyle(document.querySelector('ol.findings')).display])()""")
    assert printed[:2] == ["none", "none"] and printed[2] != "rgba(0, 0, 0, 0)" and printed[3] != "none"


def test_findings_say_which_fix_writes_them(results):
    html = render("html", results)
    assert "(safe fix: --fix)" in html  # fake-spelling's fix
    assert "(unsafe fix: --fix --unsafe-fixes)" in html  # fake-dash's
    assert html.count("fix: --fix") == sum(1 for r in results for d in r.diagnostics if d.fix)
