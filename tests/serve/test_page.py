"""The web page of `newslint serve` in a real headless Chromium against a server process: a pasted
article's findings are marked at their places and listed, a click jumps to one, one fix and all
safe fixes change the text, the fixed article can be downloaded, and a hostile article runs
nothing; the page loads nothing from elsewhere."""

from __future__ import annotations

import json
import re
import time

import pytest
from browser import Browser, find_chromium
from paths import SEEDS
from serve_process import Served

httpx = pytest.importorskip("httpx", reason="the extra 'serve' is not installed (httpx)")
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")

CREDIT = (SEEDS / "060_credit_line.txt").read_text(encoding="utf-8")
HOSTILE = (
    'Pjönjang <script>window.pwned = 1</script> meldet\n'
    'Ein Bild <img src=x onerror="window.pwned = 2"> und " onmouseover="window.pwned=3" x=" – und '
    '</mark></div><b>fett</b> &amp; &lt;. Er sagte: "Nein."\n'
    'Das ist das Ende. (dpa/<img src=y onerror="window.pwned=4">)\n'
)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("page")
    with Served(cwd=folder, env={"NEWSLINT_LANGUAGETOOL_URL": ""}) as server:
        yield server


@pytest.fixture
def page(served):
    with Browser.launch(width=1280, height=900, executable=CHROMIUM) as browser:
        browser.open(served.url + "/")
        yield browser


def paste(browser, text: str, name: str = "") -> dict:
    """Paste an article, press Check and wait for the answer; what the page shows."""
    browser.evaluate(f"document.getElementById('article').value = {json.dumps(text)};"
                     f"document.getElementById('name').value = {json.dumps(name)};"
                     "document.getElementById('status').textContent = '';"
                     "document.getElementById('check').click()")
    return settled(browser)


def settled(browser) -> dict:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status = browser.evaluate("document.getElementById('status').textContent")
        if status and not status.endswith("…"):
            return shown(browser)
        time.sleep(0.05)
    raise AssertionError("the page did not show an answer")


def shown(browser) -> dict:
    return browser.evaluate("""(() => ({
        status: document.getElementById('status').textContent,
        article: document.getElementById('article').value,
        text: document.getElementById('text').textContent,
        marks: Array.from(document.querySelectorAll('#text mark[id]')).map((m) => [m.id, m.textContent]),
        listed: Array.from(document.querySelectorAll('#findings li.finding')).length,
        groups: Array.from(document.querySelectorAll('#findings h3')).map((h) => h.textContent),
    }))()""")


def spans(text: str, findings: list[dict]) -> list[str]:
    """Each finding's text, from its lines and columns."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return [text[starts[f["line"] - 1] + f["column"] - 1 : starts[f["end_line"] - 1] + f["end_column"] - 1]
            for f in findings]


def api(served, text: str) -> list[dict]:
    return httpx.post(served.url + "/v1/check", json={"text": text}, timeout=30).json()["findings"]


def test_the_page_is_self_contained_and_guarded(served):
    answer = httpx.get(served.url + "/")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "script-src 'sha256-" in policy
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", answer.text)  # nothing from elsewhere
    for control in ("article", "file", "format", "name"):
        assert f'<label for="{control}">' in answer.text


def test_findings_are_marked_in_place_and_listed(served, page):
    findings = api(served, CREDIT)
    assert len(findings) == 4
    state = paste(page, CREDIT)
    assert state["text"] == CREDIT  # the article as it is
    marks = dict(state["marks"])
    # each finding's first mark starts where the finding does; it holds the finding's text up to
    # where the next finding starts or ends
    for number, expected in enumerate(spans(CREDIT, findings)):
        assert expected.startswith(marks[f"finding-{number}"]) and marks[f"finding-{number}"]
    assert marks["finding-0"] == "(dpa)"
    assert marks["finding-3"] == "Reuter"
    assert state["listed"] == 4
    assert state["groups"] == ["warning credit-line (4)"]
    assert state["status"].startswith("4 findings; grammar skipped")


def test_a_click_on_a_finding_jumps_to_its_mark(served, page):
    paste(page, CREDIT)
    page.evaluate("document.querySelectorAll('#findings button.jump')[3].click()")
    assert page.evaluate("[document.activeElement.id, document.activeElement.textContent, "
                         "document.activeElement.classList.contains('current')]") == ["finding-3", "Reuter", True]


def test_one_fix_then_all_safe_fixes_change_the_text(served, page, tmp_path):
    paste(page, CREDIT)
    # the unsafe fix of „Reuter“: one click
    page.evaluate("Array.from(document.querySelectorAll('#findings li.finding'))"
                  ".find((li) => li.textContent.includes('Reuter“: did')).querySelector('button.apply').click()")
    time.sleep(0.2)
    state = settled(page)
    assert state["article"] == CREDIT.replace("(ale/DPA, Reuter)", "(ale/DPA, Reuters)")
    assert state["text"] == state["article"]
    expected = httpx.post(served.url + "/v1/fix", json={"text": state["article"]}).json()
    assert expected["text"] != state["article"]
    page.evaluate("document.getElementById('status').textContent = ''; document.getElementById('fix-all').click()")
    state = settled(page)
    assert state["article"] == expected["text"]
    assert state["status"].startswith(f"{expected['summary']['fixed']} fixed")
    assert page.evaluate("document.getElementById('fix-all').disabled") is True  # no safe fix left
    link = page.evaluate("(() => { const a = document.getElementById('download'); "
                         "return [a.hidden, a.download, a.href.startsWith('blob:')]; })()")
    assert link == [False, "article.txt", True]
    page.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(tmp_path))
    page.evaluate("document.getElementById('download').click()")
    downloaded = tmp_path / "article.txt"
    deadline = time.monotonic() + 10
    while not downloaded.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert downloaded.read_text(encoding="utf-8") == state["article"]


def test_a_hostile_article_runs_nothing(served, page):
    findings = api(served, HOSTILE)
    assert findings
    state = paste(page, HOSTILE, name='<img src=z onerror="window.pwned=5">.txt')
    assert state["text"] == HOSTILE
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('#text *:not(mark), #findings script, #findings img, "
                         "#findings b').length") == 0
    assert page.evaluate("Array.from(document.querySelectorAll('mark')).every((m) => "
                         "Array.from(m.attributes).every((a) => ['id', 'class', 'tabindex', 'title', "
                         "'data-findings'].includes(a.name)))") is True
    # hovering and clicking everything triggers nothing either
    page.evaluate("document.querySelectorAll('#text mark, #findings button.jump').forEach((e) => "
                  "{ e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); e.click(); })")
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_an_opened_file_is_checked(served, page, tmp_path):
    article = tmp_path / "meldung.txt"
    article.write_text(CREDIT, encoding="utf-8")
    node = page.send("DOM.getDocument")["root"]["nodeId"]
    field = page.send("DOM.querySelector", nodeId=node, selector="#file")["nodeId"]
    page.send("DOM.setFileInputFiles", nodeId=field, files=[str(article)])
    state = settled(page)
    assert state["article"] == CREDIT and state["listed"] == 4
    assert page.evaluate("document.getElementById('name').value") == "meldung.txt"


def test_keyboard_reaches_the_controls(served, page):
    reached = []
    for _ in range(10):
        page.press_tab()
        reached.append(page.evaluate("document.activeElement.id"))
    assert {"article", "file", "format", "name", "check"} <= set(reached)


def test_an_opened_word_document_is_checked_and_shown_as_its_text(served, page, tmp_path):
    import base64

    from word_documents import article_document, saved

    document = tmp_path / "artikel.docx"
    document.write_bytes(saved(article_document()))
    node = page.send("DOM.getDocument")["root"]["nodeId"]
    field = page.send("DOM.querySelector", nodeId=node, selector="#file")["nodeId"]
    page.send("DOM.setFileInputFiles", nodeId=field, files=[str(document)])
    state = settled(page)
    answer = httpx.post(served.url + "/v1/check", json={"document": base64.b64encode(document.read_bytes()).decode(),
                                                        "name": "artikel.docx"}, timeout=30).json()
    assert state["article"] == answer["text"] and "Köln (dpa) - Oberbürgermeisterin" in state["article"]
    assert state["listed"] == len(answer["findings"]) > 0
    marked = dict(state["marks"])
    assert spans(answer["text"], answer["findings"]) == [marked[f"finding-{n}"] for n in range(len(answer["findings"]))]
    assert page.evaluate("document.getElementById('name').value") == "artikel.txt"
    assert page.evaluate("document.getElementById('format').value") == "txt"
