"""Quality of quote detection and attribution on the annotated German Wikinews corpus.

    python benchmarks/quote_quality.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/wikinews-de beside the repository (or $NEWSLINT_CORPUS);
the script says so and exits 0 when it is absent. It prints four figures:

1. direct quotes found: annotated Direct quotations that newslint's attribution analysis takes
   for quoted speech (a stand-alone direct quote or quoted words in a sentence);
2. false alarms: „…“ spans that are annotated with a speaker, or are no quotation at all, and that
   quote-attribution flags;
3. planted defects: the attribution of one annotated direct quote per article removed — the
   "„…“, sagte X." form (a quote that opens its sentence; the comma and the frame cut) and the
   "X sagte: „…“" form (the lead-in up to the quote cut) — and how many of those quotes
   quote-attribution flags (a quote that follows an attributed quote of its paragraph inherits
   that speaker, so it may rightly stay unflagged);
4. speaker attribution: for annotated Direct quotations with a speaker, how often `newslint quotes`
   names a speaker that overlaps the annotated one (precision over the quotes it names a speaker
   for, recall over all of them).
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402
from newslint.german.attribution import OTHER  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
RULE = rules_by_id()["quote-attribution"]


def load(corpus: str):
    annotations = collections.defaultdict(list)
    with open(os.path.join(corpus, "annotations.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            annotations[record["file"]].append(record)
    directory = os.path.join(corpus, "articles")
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            yield name, handle.read(), annotations[name]


def overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def flagged(name: str, text: str) -> list:
    article = parse(name, text)
    return list(RULE.check(article, RULE.options()))


def planted(text: str, record: dict, quotations) -> tuple[str, int, str] | None:
    """The text with the attribution of this Direct quotation removed, the quote's new start and
    the form removed ("after" or "colon")."""
    if len(record["quote"]) != 1 or not record["frame"] or not record["speaker"]:
        return None
    q_start, q_end = record["quote"][0]
    quote = next((q for q in quotations if q.depth == 0 and q.start <= q_start < q.end), None)
    if quote is None or not quote.closing:
        return None
    f_start = min(s for s, _ in record["frame"])
    f_end = max(e for _, e in record["frame"])
    between = text[quote.end : f_start].strip()
    lead_in = text[f_end : quote.start].strip()
    opens_sentence = text[: quote.start].rstrip()[-1:] in ("", "\n", ".", "!", "?", "“", "”", '"')
    if f_start >= quote.end and opens_sentence and (between == "," or (between == "" and text[f_start] == ",")):
        # „…“, sagte X (am Montag). — a quote that opens its sentence
        stop = text.find(".", f_end)
        line_end = text.find("\n", f_end)
        if stop == -1 or (line_end != -1 and line_end < stop) or "„" in text[f_end:stop]:
            return None
        inner_end = text[quote.end - 2 : quote.end - 1]
        cut_end = stop + 1 if inner_end in ".!?" else stop
        return text[: quote.end] + text[cut_end:], quote.start, "after"
    if f_end <= quote.start and (lead_in == ":" or (lead_in == "" and text[f_end - 1] == ":")):
        # X sagte: „…“
        line_start = text.rfind("\n", 0, f_start) + 1
        cut = max(line_start, text.rfind(". ", line_start, f_start) + 2 if ". " in text[line_start:f_start] else line_start)
        if "„" in text[cut:f_start]:
            return None
        if cut != line_start and text[cut - 2] != ".":
            return None
        new = text[:cut] + text[quote.start :]
        shift = quote.start - cut
        return new, quote.start - shift, "colon"
    return None


def main(corpus: str) -> int:
    if not os.path.isdir(os.path.join(corpus, "articles")):
        print(f"corpus not found at {corpus}; nothing measured")
        return 0
    direct_total = direct_found = 0
    spans_total = spans_flagged = 0
    plant = collections.Counter()
    speaker_total = speaker_named = speaker_right = 0
    articles = 0
    started = time.perf_counter()
    false_alarms = []
    for name, text, records in load(corpus):
        articles += 1
        article = parse(name, text)
        attributions = article.attributions
        findings = list(RULE.check(article, RULE.options()))
        direct = [r for r in records if r["type"] == "Direct"]
        for record in direct:
            hits = [a for a in attributions if overlaps(record["quote"], a.quotation.start, a.quotation.end)]
            if any(a.kind != OTHER for a in hits):
                direct_found += 1
            direct_total += 1
            if record["speaker"]:
                speaker_total += 1
                named = [a for a in hits if a.kind != OTHER and a.speaker is not None]
                if named:
                    speaker_named += 1
                    if any(overlaps(record["speaker"], a.speaker.start, a.speaker.end) for a in named):
                        speaker_right += 1
        for a in attributions:
            q = a.quotation
            if q.opening != "„":
                continue
            touching = [r for r in records if overlaps(r["quote"], q.start, q.end)]
            if touching and not any(r["speaker"] for r in touching):
                continue  # a quotation without a speaker in the text: not counted either way
            spans_total += 1
            if any(f.start == q.start for f in findings):
                spans_flagged += 1
                false_alarms.append(f"{name}: {text[max(0, q.start - 60):q.end + 40]!r}")
        done = set()
        for record in direct:
            result = planted(text, record, article.quotes.quotations)
            if result is None:
                continue
            new, start, form = result
            if form in done:
                continue
            done.add(form)
            plant[form, "planted"] += 1
            if any(f.start == start for f in flagged(name, new)):
                plant[form, "flagged"] += 1
    elapsed = time.perf_counter() - started

    def pct(a, b):
        return f"{a}/{b} = {100 * a / b:.1f}%" if b else "n/a"

    print(f"corpus: {corpus} ({articles} articles, {elapsed:.1f} s for everything below)")
    print(f"1. annotated Direct quotations recognised as quoted speech: {pct(direct_found, direct_total)}")
    print(f"2. quote-attribution flags on „…“ spans with a speaker or no quotation: {pct(spans_flagged, spans_total)}")
    for form in ("after", "colon"):
        print(f"3. planted defects flagged, form {form!r}: {pct(plant[form, 'flagged'], plant[form, 'planted'])}")
    total_planted = plant["after", "planted"] + plant["colon", "planted"]
    total_flagged = plant["after", "flagged"] + plant["colon", "flagged"]
    print(f"3. planted defects flagged, both forms: {pct(total_flagged, total_planted)}")
    print(f"4. speaker precision (overlaps the annotated speaker, of those named): {pct(speaker_right, speaker_named)}")
    print(f"4. speaker recall (of annotated Direct quotations with a speaker): {pct(speaker_right, speaker_total)}")
    if "-v" in sys.argv:
        print("\n".join(false_alarms))
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    sys.exit(main(arguments[0] if arguments else os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)))
