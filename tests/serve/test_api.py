"""The HTTP API of `newslint serve`, through a real HTTP client against a server process on a free
port of 127.0.0.1: every endpoint, the answers equal to the CLI's, the limits, bad input, the token,
CORS, and grammar that is slow or down."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from fake_languagetool import FakeLanguageTool
from newslint.article.formats import BINARY, FORMATS
from paths import SEEDS
from serve_process import Served

httpx = pytest.importorskip("httpx", reason="the extra 'serve' is not installed (httpx)")

CREDIT = (SEEDS / "060_credit_line.txt").read_text(encoding="utf-8")
NO_GRAMMAR = {"NEWSLINT_LANGUAGETOOL_URL": ""}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    (folder / "newslint.toml").write_text('[quote-marks]\nseverity = "error"\n', encoding="utf-8")
    (folder / "other").mkdir()
    (folder / "other" / "newslint.toml").write_text('ignore = ["credit-line"]\n', encoding="utf-8")
    with Served("--max-body", "20000", cwd=folder, cache=folder / "cache", env=NO_GRAMMAR) as served:
        served.folder = folder
        yield served


def cli(folder, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **NO_GRAMMAR}
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)


def post(server, path: str, **fields) -> httpx.Response:
    return httpx.post(server.url + path, json=fields, timeout=30)


# -- answers ------------------------------------------------------------------------------------


def test_health(server):
    answer = httpx.get(server.url + "/healthz")
    assert answer.status_code == 200 and answer.json() == {"status": "ok"}


@pytest.mark.parametrize("seed", ["000_2f1474f60fdc96d6.txt", "020_quotes.txt", "060_credit_line.txt",
                                  "040_dates.md", "001_clean.md"])
def test_check_answers_what_check_format_json_prints(server, seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    (server.folder / seed).write_text(text, encoding="utf-8")
    printed = cli(server.folder, "check", "--format", "json", "--no-cache", seed)
    answer = post(server, "/v1/check", text=text, name=seed)
    assert answer.status_code == 200
    found = answer.json()
    assert [entry["rule"] for entry in found.pop("skipped")] == ["grammar"]  # no LanguageTool here
    assert found == json.loads(printed.stdout)
    assert found["summary"]["files"] == 1


def test_check_uses_the_configuration_of_the_folder_it_started_in(server):
    answer = post(server, "/v1/check", text='Titel\nEr sagte: "Nein." (dpa)\n').json()
    assert {(f["rule"], f["severity"]) for f in answer["findings"]} >= {("quote-marks", "error")}


def test_a_request_name_reads_no_file_and_no_other_configuration(server):
    # other/newslint.toml ignores credit-line; the name does not make the server read it
    answer = post(server, "/v1/check", text=CREDIT, name="other/a.txt").json()
    assert any(f["rule"] == "credit-line" for f in answer["findings"])
    assert {f["path"] for f in answer["findings"]} == {"other/a.txt"}
    target = server.folder / "kept.txt"
    target.write_text(CREDIT, encoding="utf-8")
    fixed = post(server, "/v1/fix", text=CREDIT, name="kept.txt", unsafe=True).json()
    assert fixed["text"] != CREDIT
    assert target.read_text(encoding="utf-8") == CREDIT  # never written


def test_format_from_the_field_or_the_name(server):
    markdown = "---\ntitle: Titel\n---\n\nEr kam an. (dpa)\n\n```\nSo nicht (DPA).\n```\n"  # code is no prose
    as_md = post(server, "/v1/check", text=markdown, format="md").json()
    by_name = post(server, "/v1/check", text=markdown, name="a.md").json()
    as_txt = post(server, "/v1/check", text=markdown).json()
    assert as_md["findings"] == by_name["findings"] == []
    assert [(f["path"], f["rule"], f["line"]) for f in as_txt["findings"]] == [("article.txt", "credit-line", 5)]


def test_select_and_ignore(server):
    only = post(server, "/v1/check", text=CREDIT, select=["credit-line"]).json()
    assert only["findings"] and {f["rule"] for f in only["findings"]} == {"credit-line"}
    assert "skipped" not in only  # grammar is not selected
    without = post(server, "/v1/check", text=CREDIT, ignore=["credit-line"]).json()
    assert all(f["rule"] != "credit-line" for f in without["findings"])


def test_published_decides_the_year_of_a_date_without_one(server):
    text = "Titel\nAm Mittwoch (3. Januar) kam er. (dpa)\n"
    years = {}
    for published in ("2024-01-10", "2023-01-10"):  # 3 January 2024 was a Wednesday, 2023 a Tuesday
        found = post(server, "/v1/check", text=text, published=published, select=["date-consistency"]).json()
        years[published] = [f["rule"] for f in found["findings"]]
    assert years == {"2024-01-10": [], "2023-01-10": ["date-consistency"]}


def test_fix_applies_safe_fixes_and_unsafe_ones_when_asked(server):
    safe = post(server, "/v1/fix", text=CREDIT).json()
    assert safe["text"] == CREDIT.replace("(ale/DPA, Reuter)", "(ale/dpa, Reuter)")
    assert safe["summary"]["fixed"] == 1
    assert all(f.get("fix", {}).get("applicability") != "safe" for f in safe["findings"])
    unsafe = post(server, "/v1/fix", text=CREDIT, unsafe=True).json()
    assert unsafe["text"].endswith("(ale/dpa/Reuters)\n")
    assert unsafe["summary"]["fixed"] >= 1 and unsafe["text"] != safe["text"]
    assert not any("fix" in f for f in unsafe["findings"])


def test_fix_answers_what_check_fix_leaves(server):
    (server.folder / "fixme.txt").write_text(CREDIT, encoding="utf-8")
    done = cli(server.folder, "check", "--format", "json", "--no-cache", "--fix", "fixme.txt")
    answer = post(server, "/v1/fix", text=CREDIT, name="fixme.txt").json()
    assert answer.pop("text") == (server.folder / "fixme.txt").read_text(encoding="utf-8")
    answer.pop("skipped")
    assert answer == json.loads(done.stdout)


def test_rules_and_their_explanations(server):
    listed = httpx.get(server.url + "/v1/rules").json()["rules"]
    ids = [rule["id"] for rule in listed]
    assert {"credit-line", "quote-marks", "grammar", "dateline"} <= set(ids)
    printed = cli(server.folder, "rules").stdout
    assert [line.split()[0] for line in printed.splitlines()] == ids
    for rule_id in ("credit-line", "grammar", "unknown-suppression"):
        answer = httpx.get(f"{server.url}/v1/rules/{rule_id}")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
        assert answer.text == cli(server.folder, "explain", rule_id).stdout
    missing = httpx.get(server.url + "/v1/rules/no-such-rule")
    assert missing.status_code == 404 and "no-such-rule" in missing.json()["error"]


def test_openapi_describes_every_endpoint_and_the_answers_match_it(server):
    jsonschema = pytest.importorskip("jsonschema")
    document = httpx.get(server.url + "/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/v1/check", "/v1/fix", "/v1/rules", "/v1/rules/{rule}", "/healthz"}
    text_formats = [suffix.removeprefix(".") for name, suffixes in FORMATS.items() if name not in BINARY
                    for suffix in suffixes]
    assert document["components"]["schemas"]["Article"]["properties"]["format"]["enum"] == [*text_formats, "docx"]
    assert document["components"]["schemas"]["FixRequest"]["properties"]["format"]["enum"][:-1] == text_formats
    assert "document" not in document["components"]["schemas"]["FixRequest"]["properties"]

    def valid(answer: dict, schema: str) -> None:
        jsonschema.validate(answer, {"$ref": f"#/components/schemas/{schema}",
                                     "components": document["components"]})

    valid(post(server, "/v1/check", text=CREDIT).json(), "Report")
    jsonschema.validate({"document": "UEs="}, {"$ref": "#/components/schemas/Article",
                                               "components": document["components"]})
    with pytest.raises(jsonschema.ValidationError):  # text or document, not both
        jsonschema.validate({"text": "a", "document": "UEs="}, {"$ref": "#/components/schemas/Article",
                                                                "components": document["components"]})
    valid(post(server, "/v1/fix", text=CREDIT).json(), "Fixed")
    with pytest.raises(jsonschema.ValidationError):
        valid({"findings": []}, "Report")


# -- bad input and limits -----------------------------------------------------------------------


@pytest.mark.parametrize("body, status, said", [
    (b'{"text": ', 400, "not valid JSON: Expecting value: line 1 column 10"),
    (b"\xff\xfe", 400, "not UTF-8"),
    (b'["text"]', 422, "must be a JSON object"),
    (b'{"txt": "a"}', 422, "unknown field 'txt'"),
    (b'{"format": "txt"}', 422, "the field 'text' is missing"),
    (b'{"text": 3}', 422, "the field 'text' must be a string, not a number"),
    (b'{"text": "a", "format": "pdf"}', 422, "the field 'format' must be one of txt, md, markdown, "),
    (b'{"text": "a", "format": "docx"}', 422, "a docx article is sent as the field 'document'"),
    (b'{"document": "UEs=", "format": "txt"}', 422, "a txt article is sent as the field 'text'"),
    (b'{"text": "x", "name": "a.docx"}', 422,
     "the name 'a.docx': a docx article is sent as the field 'document' (the file in base64)"),
    (b'{"document": "UEs=", "name": "a.md"}', 422, "the name 'a.md': a md article is sent as the field 'text'"),
    (b'{"document": "not base64!"}', 422, "the field 'document' is not valid base64"),
    (b'{"document": 3}', 422, "the field 'document' must be the file's bytes in base64, not a number"),
    (b'{"text": "a", "document": "UEs="}', 422, "send the field 'text' or the field 'document', not both"),
    (b'{"text": "a", "published": "2024-13-01"}', 422, "published"),
    (b'{"text": "a", "select": "credit-line"}', 422, "the field 'select' must be a list of rule ids"),
    (b'{"text": "a", "select": ["credit-lien"]}', 422, "select: unknown rule 'credit-lien'"),
    (b'{"text": "a", "select": []}', 422, "select: no rule named"),
    (b'{"text": "a", "unsafe": true}', 422, "unknown field 'unsafe'"),
])
def test_bad_requests_are_told_what_is_wrong(server, body, status, said):
    answer = httpx.post(server.url + "/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == status
    assert said in answer.json()["error"]


@pytest.mark.parametrize("text", ["", " \n\n", "Titel\n\x00abc"])
def test_a_text_the_cli_refuses_as_a_file_is_422_with_its_message(server, tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    printed = cli(tmp_path, "check", "--no-cache", "a.txt")
    checked = post(server, "/v1/check", text=text)
    fixed = post(server, "/v1/fix", text=text)
    assert printed.returncode == 2
    assert checked.status_code == fixed.status_code == 422
    said = checked.json()["error"]
    assert said in ("empty file, no article to check", "binary file (contains NUL bytes), not an article")
    assert f"newslint: a.txt: {said}\n" in printed.stderr
    assert fixed.json()["error"] == said


def test_fix_takes_unsafe_only_as_true_or_false(server):
    answer = post(server, "/v1/fix", text="a", unsafe="yes")
    assert answer.status_code == 422 and "'unsafe' must be true or false" in answer.json()["error"]


def test_a_body_over_the_limit_is_413_declared_or_streamed(server):
    big = json.dumps({"text": "x" * 30000}).encode()
    declared = httpx.post(server.url + "/v1/check", content=big)
    assert declared.status_code == 413 and "at most 20000" in declared.json()["error"]

    def chunks():  # no Content-Length: chunked
        for start in range(0, len(big), 4096):
            yield big[start : start + 4096]

    streamed = httpx.post(server.url + "/v1/check", content=chunks())
    assert streamed.status_code == 413 and "more than 20000" in streamed.json()["error"]
    assert post(server, "/v1/check", text="x" * 15000).status_code == 200


def test_wrong_method_and_unknown_path(server):
    assert httpx.get(server.url + "/v1/check").status_code == 405
    missing = httpx.get(server.url + "/v1/nothing")
    assert missing.status_code == 404 and missing.json()["error"]


def test_cors_is_off_by_default(server):
    answer = httpx.options(server.url + "/v1/check", headers={
        "Origin": "https://cms.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in answer.headers


def test_cors_allows_the_configured_origins(tmp_path):
    with Served("--cors-origin", "https://cms.example", cwd=tmp_path, env=NO_GRAMMAR) as served:
        allowed = httpx.options(served.url + "/v1/check", headers={
            "Origin": "https://cms.example", "Access-Control-Request-Method": "POST"})
        other = httpx.options(served.url + "/v1/check", headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert allowed.headers["access-control-allow-origin"] == "https://cms.example"
    assert "access-control-allow-origin" not in other.headers
    assert "CORS allows: https://cms.example" in served.stderr


# -- token ---------------------------------------------------------------------------------------


def test_a_token_guards_the_api(tmp_path):
    with Served("--token", "s3cret", cwd=tmp_path, env=NO_GRAMMAR) as served:
        url = served.url + "/v1/check"
        none = httpx.post(url, json={"text": CREDIT})
        wrong = httpx.post(url, json={"text": CREDIT}, headers={"Authorization": "Bearer nope"})
        right = httpx.post(url, json={"text": CREDIT}, headers={"Authorization": "Bearer s3cret"})
        rules = httpx.get(served.url + "/v1/rules")
        health = httpx.get(served.url + "/healthz")
    assert none.status_code == wrong.status_code == rules.status_code == 401
    assert "Authorization: Bearer" in none.json()["error"]
    assert right.status_code == 200 and right.json()["findings"]
    assert health.status_code == 200
    assert "must send 'Authorization: Bearer <token>'" in served.stderr


def test_the_token_may_come_from_the_environment(tmp_path):
    with Served(cwd=tmp_path, env={**NO_GRAMMAR, "NEWSLINT_SERVE_TOKEN": "from-env"}) as served:
        assert httpx.post(served.url + "/v1/check", json={"text": "a"}).status_code == 401
        assert httpx.post(served.url + "/v1/check", json={"text": "a"},
                          headers={"Authorization": "Bearer from-env"}).status_code == 200


def test_binding_beyond_loopback_needs_a_token(tmp_path):
    env = {**os.environ, **NO_GRAMMAR}
    env.pop("NEWSLINT_SERVE_TOKEN", None)
    done = subprocess.run([sys.executable, "-m", "newslint", "serve", "--host", "0.0.0.0", "--port", "1"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "--host 0.0.0.0 is reachable from other machines: give a token" in done.stderr


def test_without_the_extra_serve_says_how_to_install_it(tmp_path):
    blocked = tmp_path / "blocked"
    (blocked / "uvicorn").mkdir(parents=True)
    (blocked / "uvicorn" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'uvicorn'\", name='uvicorn')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(blocked)}
    done = subprocess.run([sys.executable, "-m", "newslint", "serve"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'newslint[serve]'" in done.stderr and "uvicorn" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_configuration_stops_the_start(tmp_path):
    (tmp_path / "newslint.toml").write_text("[credit-line]\nno-such-key = 1\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newslint", "serve", "--port", "1"], cwd=tmp_path,
                          env={**os.environ, **NO_GRAMMAR}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no-such-key" in done.stderr and "Traceback" not in done.stderr


# -- grammar and the time limit ------------------------------------------------------------------

GRAMMAR_TEXT = ("Titel\nWashington – Die US-Regierung blickt mit eigenen Angaben zufolge Sorge auf die "
                "Drohung aus Moskau.\n")


def test_grammar_findings_come_from_the_configured_languagetool(tmp_path):
    with FakeLanguageTool() as languagetool, Served(cwd=tmp_path, cache=tmp_path / "cache",
                                                   env={"NEWSLINT_LANGUAGETOOL_URL": languagetool.url}) as served:
        answer = post(served, "/v1/check", text=GRAMMAR_TEXT).json()
    assert "skipped" not in answer
    assert "grammar" in [f["rule"] for f in answer["findings"]]


def test_slow_grammar_is_skipped_and_the_other_findings_stay(tmp_path):
    text = GRAMMAR_TEXT + "(DPA)\n"
    with FakeLanguageTool(delay=3) as languagetool, Served(
            "--grammar-budget", "0.5", cwd=tmp_path, cache=tmp_path / "cache",
            env={"NEWSLINT_LANGUAGETOOL_URL": languagetool.url}) as served:
        url = languagetool.url
        answer = post(served, "/v1/check", text=text)
        again = post(served, "/v1/check", text=text)
    assert answer.status_code == again.status_code == 200
    found = answer.json()
    assert {f["rule"] for f in found["findings"]} == {"credit-line"}
    assert found["errors"] == []
    assert found["skipped"] == [{"rule": "grammar", "reason": f"LanguageTool at {url} did not "
                                 "answer within the grammar budget of 0.5 s"}]
    assert "skipped" in again.json()  # asked again, not remembered as down
    assert len(languagetool.checks) == 2


def test_grammar_down_is_skipped(tmp_path):
    with FakeLanguageTool() as languagetool:
        url = languagetool.url
    with Served(cwd=tmp_path, cache=tmp_path / "cache", env={"NEWSLINT_LANGUAGETOOL_URL": url}) as served:
        answer = post(served, "/v1/check", text=GRAMMAR_TEXT)
    assert answer.status_code == 200
    skipped = answer.json()["skipped"]
    assert [entry["rule"] for entry in skipped] == ["grammar"]
    assert "cannot reach LanguageTool" in skipped[0]["reason"]


def test_a_grammar_budget_longer_than_the_time_limit_ends_in_time_with_the_other_findings(tmp_path):
    text = GRAMMAR_TEXT + "(DPA)\n"
    with FakeLanguageTool(delay=6) as languagetool, Served(
            "--time-limit", "0.3", "--grammar-budget", "1", cwd=tmp_path, cache=tmp_path / "cache",
            env={"NEWSLINT_LANGUAGETOOL_URL": languagetool.url}) as served:
        url = languagetool.url
        answer = post(served, "/v1/check", text=text)
    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert {f["rule"] for f in found["findings"]} == {"credit-line"}
    (skipped,) = found["skipped"]
    assert skipped["rule"] == "grammar"
    assert skipped["reason"].startswith(f"LanguageTool at {url} did not answer within the grammar budget of 0.")
    assert "--grammar-budget 1 s is longer than 80% of --time-limit 0.3 s" in served.stderr


def test_a_request_over_the_time_limit_is_503_naming_the_rule(tmp_path):
    # a long article: its rules take some tenths of a second, its reading a few hundredths
    long_text = "Titel\n" + "Der Präsident reiste nach Pjöngjang, sagte er am Montag (3. Juni).\n" * 12_000
    with Served("--time-limit", "0.1", "--max-body", str(2 << 20), cwd=tmp_path, env=NO_GRAMMAR) as served:
        answer = post(served, "/v1/check", text=long_text)
        quick = post(served, "/v1/check", text=CREDIT, select=["credit-line"])
        rules = {rule["id"] for rule in httpx.get(served.url + "/v1/rules").json()["rules"]}
    assert answer.status_code == 503
    said = answer.json()
    assert said["rule"] in rules
    assert said["error"] == f"the check took longer than 0.1 s: the rule '{said['rule']}' ran over"
    assert quick.status_code == 200  # the server goes on


def test_several_workers(tmp_path):
    with Served("--workers", "2", cwd=tmp_path, env=NO_GRAMMAR) as served:
        answers = [post(served, "/v1/check", text=CREDIT) for _ in range(4)]
    assert {answer.status_code for answer in answers} == {200}
    assert len({json.dumps(answer.json()) for answer in answers}) == 1
    assert "with 2 workers" in served.stderr


def test_a_word_document_is_checked_as_the_cli_checks_it_and_never_fixed(tmp_path):
    import base64

    from word_documents import article_document, saved

    data = saved(article_document())  # about 36 KB: more than the other tests' server takes
    (tmp_path / "artikel.docx").write_bytes(data)
    printed = json.loads(cli(tmp_path, "check", "--format", "json", "--no-cache", "artikel.docx").stdout)
    sent = base64.b64encode(data).decode("ascii")
    with Served(cwd=tmp_path, cache=tmp_path / "cache", env=NO_GRAMMAR) as server:
        answer = post(server, "/v1/check", document=sent, name="artikel.docx").json()
        refused = post(server, "/v1/fix", document=sent)
        broken = post(server, "/v1/check", document=base64.b64encode(b"not a zip").decode("ascii")).json()
    answer.pop("skipped", None)  # grammar, when the service says so
    made = answer.pop("text")  # the text made from the document: a line per paragraph
    assert answer == printed and answer["findings"]
    assert all(finding.get("fix") is None for finding in answer["findings"])
    dateline = next(f for f in answer["findings"] if f["rule"] == "dateline")
    assert made.split("\n")[dateline["line"] - 1].startswith("Köln (dpa) -")
    assert refused.status_code == 422 and "never fixed" in refused.json()["error"]
    assert broken["findings"] == [] and "not a zip" in broken["errors"][0]["message"]
