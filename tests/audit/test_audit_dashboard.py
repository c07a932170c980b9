"""The audit's HTML dashboard: self-contained, everything from the archive escaped, and in a real
headless Chromium the charts are drawn and nothing from an article runs."""

import json
import re
from html import escape
from html.parser import HTMLParser

import pytest
from audit_archive import FIELDS, write_archive
from browser import Browser, find_chromium
from fake_reports import use_fake_rules
from newslint.audit import audit
from newslint.audit.records import field_names
from newslint.audit.work import Settings
from newslint.engine.runner import RunOptions
from newslint.reports.dashboard import render

HOSTILE_AUTHOR = "<script>window.pwned = 1</script>Eve"
HOSTILE_ID = '<img src=x onerror="window.pwned = 2">'
HOSTILE_FILE = "<svg onload=window.pwned=3>.txt"


@pytest.fixture
def report(tmp_path, monkeypatch):
    use_fake_rules(monkeypatch)
    paths = write_archive(tmp_path)
    with open(paths[1], "a", encoding="utf-8") as export:
        export.write(json.dumps({"id": HOSTILE_ID, "title": "Pjönjang </title><marquee>fett</marquee>",
                                 "body": "Seoul - Text. (dpa)", "date": "2024-09-01",
                                 "byline": HOSTILE_AUTHOR}) + "\n")
    (tmp_path / "desk" / HOSTILE_FILE).write_text("Titel\nEin Text - ohne Quelle.\n", encoding="utf-8")
    return audit(paths, Settings(RunOptions(), field_names(FIELDS), 3), jobs=1)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_page_is_self_contained_and_escapes_the_archive(report):
    page = render(report)
    parser = Tags()
    parser.feed(page)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "marquee"}
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert not any(attrs.get(key, "").startswith(("http", "//")) for _, attrs in parser.tags
                   for key in ("src", "href"))
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;Eve" in page
    assert escape(HOSTILE_ID) in page and escape(HOSTILE_FILE) in page
    assert "Content-Security-Policy" in page
    assert {tag for tag, _ in parser.tags} >= {"svg", "rect", "table"}


def test_page_shows_the_numbers(report):
    page = render(report)
    text = re.sub(r"<[^>]+>", " ", page)
    assert "8 articles audited" in re.sub(r"\s+", " ", text)
    assert "fake-spelling" in text and "Pjöngjang" in text
    months = re.findall(r'<g class="month" data-month="([\d-]+)">', page)
    assert months == ["2024-06", "2024-07", "2024-08", "2024-09"]


def test_empty_archive_renders():
    report = {"version": "0", "summary": dict.fromkeys(
        ("articles", "errors", "findings", "articles_with_findings", "without_date", "without_author"), 0)
        | {"share_with_findings": 0.0}, "rules": [], "months": [], "authors": [], "variants": [],
        "examples": {}, "errors": []}
    page = render(report)
    assert "No findings." in page and "No article has a date." in page


CHROMIUM = find_chromium()


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")
def test_dashboard_in_chromium(report, tmp_path):
    path = tmp_path / "audit.html"
    path.write_text(render(report), encoding="utf-8")
    with Browser.launch(1280, 1600) as browser:
        browser.open(path.as_uri())
        assert browser.evaluate("typeof window.pwned") == "undefined"
        assert browser.evaluate("document.scripts.length") == 0
        # the timeline: one bar per rule and month with findings, drawn with a height
        bars = browser.evaluate("""[...document.querySelectorAll('#timeline rect.bar')].map(r => {
            const box = r.getBoundingClientRect();
            return [r.closest('g').dataset.month, r.querySelector('title').textContent,
                    Math.round(box.width), Math.round(box.height)];
        })""")
        expected = sum(len(month["findings"]) for month in report["months"])
        assert len(bars) == expected
        assert all(width > 0 and height > 0 for _, _, width, height in bars)
        assert any(month == "2024-06" and "fake-credit – 1 findings in 2 articles" in tip
                   for month, tip, _, _ in bars)
        # the variants: the preferred spelling first, each with a visible bar and its count
        variants = browser.evaluate("""[...document.querySelectorAll('#variants-chart g.variant')].map(
            g => [g.querySelector('text').textContent, g.lastElementChild.textContent,
                  Math.round(g.querySelector('rect').getBoundingClientRect().width)])""")
        assert ["Pjönjang", "4×"] in [v[:2] for v in variants]
        assert all(width >= 2 for *_, width in variants)
        # the hostile author is shown as text
        authors = browser.evaluate("document.querySelector('#authors').innerText")
        assert HOSTILE_AUTHOR in authors
        browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        shown = browser.evaluate("document.body.innerText")
        assert HOSTILE_ID in shown and HOSTILE_FILE in shown
        assert browser.evaluate("typeof window.pwned") == "undefined"
        browser.screenshot(tmp_path / "audit.png", full_page=True)
    assert (tmp_path / "audit.png").stat().st_size > 10_000

