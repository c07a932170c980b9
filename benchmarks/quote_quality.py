"""Quality of quote detection and attribution on the evaluation set and the annotated German
Wikinews corpus.

    python benchmarks/quote_quality.py [CORPUS_DIR] [--show]

First, on the evaluation set in `benchmarks/evaluation` (304 articles of other newsrooms' styles,
always there): how many of the quotes it plants without a speaker (`unattributed-quote` rows of
`defects.tsv`) quote-attribution flags, and how many of its findings are something else (false
alarms: the set has no other quote without a speaker).

CORPUS_DIR defaults to ../shared/corpus/wikinews-de beside the repository (or $NEWSLINT_CORPUS);
the script says so and exits 0 when it is absent. On it, it prints these figures:

1. direct quotes found: annotated Direct quotations that newslint's attribution analysis takes
   for quoted speech (a stand-alone direct quote or quoted words in a sentence);
2. false alarms of quote-attribution on the articles as they are: every finding is a false alarm
   unless the quote has no speaker in the text. Findings read by hand are judged in
   `quote_findings.tsv` beside this script (file, offset of the quote, `defect` or `false alarm`,
   and why); a finding not judged there counts as a false alarm when the annotators give the
   quote a speaker or it is no quotation at all. Printed as false alarms per 100 articles, and as
   the share of „…“ spans with a speaker or no quotation that are flagged;
3. planted defects: the attribution of one annotated direct quote per article removed — the
   "„…“, sagte X." form (a quote that opens its sentence; the comma and the frame cut) and the
   "X sagte: „…“" form (the lead-in up to the quote cut) — and how many of those quotes
   quote-attribution flags. Measured twice: with the paragraph left as it is, where the quote may
   rightly keep a speaker from its paragraph (an attributed quote before it, or a sentence before
   it that reports what its subject said: „Die Gewerkschaft reagierte empört. „…““ — the forms
   that stay unflagged are counted), and with the quote's sentence then opening a paragraph of its
   own, so that no speaker is left before it. Removing a lead-in does not always leave a quote
   without a speaker: the unflagged ones are read and judged by hand in `planted_removals.tsv`
   beside this script (`speaker kept` when a reader can still name who speaks, `no speaker`
   otherwise), and the share flagged is also given over the removals that leave no speaker (an
   unflagged removal not judged there counts as a miss);
4. speaker attribution: for annotated Direct quotations with a speaker, how often `newslint quotes`
   names a speaker that overlaps the annotated one (precision over the quotes it names a speaker
   for, recall over all of them);
5. speed: the attribution analysis of all articles (quotation marks and sentences already found),
   the best of five runs.

With --show it also prints the quotes behind the figures, in groups: the annotated speakers
newslint misses (by the kind of quote it saw and where the speaker stands), the wrong speakers (by
the form of attribution newslint read), and every finding of quote-attribution with its judgement.
"""

from __future__ import annotations

import bisect
import collections
import csv
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from newslint.article.model import parse  # noqa: E402
from newslint.engine.registry import rules_by_id  # noqa: E402
from newslint.german.attribution import OTHER, attribute  # noqa: E402

DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "wikinews-de")
JUDGEMENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quote_findings.tsv")
REMOVALS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "planted_removals.tsv")
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


def load_judgements(path: str = JUDGEMENTS) -> dict[tuple[str, int], tuple[str, str]]:
    """(file, offset of the quote) -> (verdict, why), from the hand-judged findings."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return {(row[0], int(row[1])): (row[2], row[3] if len(row) > 3 else "") for row in rows}


def load_removal_judgements(path: str = REMOVALS) -> dict[tuple[str, str, bool], str]:
    """(file, form removed, quote in its own paragraph) -> verdict, from the hand-judged removals."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return {(row[0], row[1], row[2] == "own"): row[3] for row in rows}


def overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def flagged(name: str, text: str) -> list:
    article = parse(name, text)
    return list(RULE.check(article, RULE.options()))


def planted(text: str, record: dict, quotations, own_paragraph: bool = False) -> tuple[str, int, str] | None:
    """The text with the attribution of this Direct quotation removed, the quote's new start and
    the form removed ("after" or "colon"); with `own_paragraph`, the quote's sentence then opens a
    paragraph of its own."""
    found = _planted(text, record, quotations)
    if found is None or not own_paragraph:
        return found
    new, start, form = found
    line_start = new.rfind("\n", 0, start) + 1  # the quote opens its sentence in either form
    if not new[line_start:start].strip():
        return found  # it opens its paragraph already
    before = new[:start].rstrip(" ")
    return before + "\n\n" + new[start:], len(before) + 2, form


def _planted(text: str, record: dict, quotations) -> tuple[str, int, str] | None:
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


def where(article, start: int, speaker: list) -> str:
    """Where the annotated speaker stands, seen from the quote at `start`."""
    first = min(s for s, _ in speaker)
    if first > start:
        return "after the quote"
    block = article.block_at(start)
    if block is None or first < block.start:
        return "an earlier paragraph"
    starts = [s.start for s in article.sentences_in(block)]
    if bisect.bisect_right(starts, first) == bisect.bisect_right(starts, start):
        return "before, same sentence"
    return "an earlier sentence"


def excerpt(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    quote = text[start:end]
    if len(quote) > 90:
        quote = quote[:50] + " … " + quote[-30:]
    return f"…{text[max(line_start, start - 220):start]}⟦{quote}⟧{text[end:min(line_end, end + 100)]}…"


def time_attribution(texts: list[tuple[str, str]], repeat: int = 5) -> float:
    """Seconds for the attribution analysis of all articles, the best of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        articles = [parse(name, text) for name, text in texts]
        for article in articles:  # what attribution reuses: quotation marks and sentences
            article.quotes
            for block in article.blocks:
                article.sentences_in(block)
        started = time.perf_counter()
        for article in articles:
            attribute(article)
        best = min(best, time.perf_counter() - started)
    return best


EVALUATION = os.path.join(ROOT, "benchmarks", "evaluation")


def evaluation_set(show: bool = False) -> None:
    """quote-attribution on the evaluation set: its planted quotes without a speaker found, and
    its other findings (false alarms)."""
    planted_quotes = collections.defaultdict(list)
    with open(os.path.join(EVALUATION, "defects.tsv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["kind"] == "unattributed-quote":
                planted_quotes[row["file"]].append(row["wrong"].strip())
    directory = os.path.join(EVALUATION, "articles")
    found, false_alarms = 0, []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            text = handle.read()
        for finding in flagged(name, text):
            quote = text[finding.start + 1 : finding.end]
            if any(quote.startswith(words) for words in planted_quotes.get(name, ())):
                found += 1
            else:
                false_alarms.append(f"{name}@{finding.start}\n    {excerpt(text, finding.start, finding.end)}")
    total = sum(len(quotes) for quotes in planted_quotes.values())
    print(f"evaluation set: {EVALUATION} ({len(os.listdir(directory))} articles)")
    print(f"E. planted quotes without a speaker flagged: {found}/{total}; other findings (false alarms): "
          f"{len(false_alarms)}")
    if show and false_alarms:
        print("\n".join(false_alarms))


def main(corpus: str, show: bool = False) -> int:
    if os.path.isdir(os.path.join(EVALUATION, "articles")):
        evaluation_set(show)
    if not os.path.isdir(os.path.join(corpus, "articles")):
        print(f"corpus not found at {corpus}; nothing measured")
        return 0
    judgements = load_judgements()
    removals = load_removal_judgements()
    direct_total = direct_found = 0
    spans_total = spans_flagged = 0
    plant = collections.Counter()
    speaker_total = speaker_named = speaker_right = 0
    articles = 0
    texts = []
    started = time.perf_counter()
    missed = collections.defaultdict(list)
    wrong = collections.defaultdict(list)
    findings_shown = []
    false_alarms = defects = 0
    for name, text, records in load(corpus):
        articles += 1
        texts.append((name, text))
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
                start = min(s for s, _ in record["quote"])
                end = max(e for _, e in record["quote"])
                annotated = " | ".join(text[s:e] for s, e in record["speaker"])
                if named:
                    speaker_named += 1
                    if any(overlaps(record["speaker"], a.speaker.start, a.speaker.end) for a in named):
                        speaker_right += 1
                    else:
                        found = "; ".join(f"{a.speaker.text!r} ({a.kind}, {a.form})" for a in named)
                        group = ", ".join(sorted({f"{a.kind} / {a.form}" for a in named}))
                        wrong[group].append(
                            f"{name}@{start}: annotated {annotated!r}, newslint {found}\n    {excerpt(text, start, end)}"
                        )
                else:
                    seen = ", ".join(sorted({a.kind for a in hits})) or "no quotation"
                    group = f"{seen}; speaker {where(article, start, record['speaker'])}"
                    missed[group].append(f"{name}@{start}: annotated {annotated!r}\n    {excerpt(text, start, end)}")
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
        for finding in findings:
            touching = [r for r in records if overlaps(r["quote"], finding.start, finding.end)]
            verdict, why = judgements.get((name, finding.start), (None, ""))
            if verdict is None:
                annotated_speaker = any(r["speaker"] for r in touching)
                verdict = "false alarm" if annotated_speaker or not touching else "defect"
                why = "not judged; " + ("annotated with a speaker" if annotated_speaker else
                                        "annotated without a speaker" if touching else "no quotation")
            if verdict == "defect":
                defects += 1
            else:
                false_alarms += 1
            findings_shown.append(f"{name}@{finding.start}: {verdict} ({why})\n    {excerpt(text, finding.start, finding.end)}")
        for own in (False, True):
            done = set()
            for record in direct:
                result = planted(text, record, article.quotes.quotations, own_paragraph=own)
                if result is None:
                    continue
                new, start, form = result
                if form in done:
                    continue
                done.add(form)
                plant[own, form, "planted"] += 1
                if any(f.start == start for f in flagged(name, new)):
                    plant[own, form, "flagged"] += 1
                else:  # how the quote keeps a speaker
                    kept = next((a for a in parse(name, new).attributions if a.quotation.start == start), None)
                    plant[own, "kept", kept.form if kept and kept.speaker else "not direct speech"] += 1
                    if removals.get((name, form, own)) == "speaker kept":
                        plant[own, "judged kept"] += 1
    elapsed = time.perf_counter() - started
    attribution_seconds = time_attribution(texts)

    def pct(a, b):
        return f"{a}/{b} = {100 * a / b:.1f}%" if b else "n/a"

    print(f"corpus: {corpus} ({articles} articles, {elapsed:.1f} s for everything below)")
    print(f"1. annotated Direct quotations recognised as quoted speech: {pct(direct_found, direct_total)}")
    print(f"2. quote-attribution findings on the articles as they are: {false_alarms + defects} "
          f"({defects} quotes without a speaker in the text, {false_alarms} false alarms)")
    print(f"2. false alarms per 100 articles: {100 * false_alarms / articles:.2f}")
    print(f"2. quote-attribution flags on „…“ spans with a speaker or no quotation: {pct(spans_flagged, spans_total)}")
    for own, variant in ((False, "paragraph left as it is"), (True, "the quote then opening its paragraph")):
        for form in ("after", "colon"):
            print(f"3. planted defects flagged ({variant}), form {form!r}: "
                  f"{pct(plant[own, form, 'flagged'], plant[own, form, 'planted'])}")
        total_planted = plant[own, "after", "planted"] + plant[own, "colon", "planted"]
        total_flagged = plant[own, "after", "flagged"] + plant[own, "colon", "flagged"]
        print(f"3. planted defects flagged ({variant}), both forms: {pct(total_flagged, total_planted)}")
        print(f"3. ... of the removals that leave no speaker a reader can name (judged by hand): "
              f"{pct(total_flagged, total_planted - plant[own, 'judged kept'])}")
        kept = sorted(((k[2], n) for k, n in plant.items() if k[:2] == (own, "kept")), key=lambda item: -item[1])
        if kept:
            print("   not flagged, as the quote keeps a speaker by: " + ", ".join(f"{form} {n}" for form, n in kept))
    print(f"4. speaker precision (overlaps the annotated speaker, of those named): {pct(speaker_right, speaker_named)}")
    print(f"4. speaker recall (of annotated Direct quotations with a speaker): {pct(speaker_right, speaker_total)}")
    print(f"5. attribution of {articles} articles: {attribution_seconds * 1000:.0f} ms "
          f"({attribution_seconds * 1e6 / articles:.0f} µs per article, best of 5)")
    if show:
        for title, groups in (("speakers missed", missed), ("wrong speakers", wrong)):
            for group, lines in sorted(groups.items(), key=lambda item: -len(item[1])):
                print(f"\n== {title}: {group} ({len(lines)})")
                print("\n".join(lines))
        print(f"\n== quote-attribution findings ({len(findings_shown)})")
        print("\n".join(findings_shown))
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("-")]
    corpus = arguments[0] if arguments else os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS)
    sys.exit(main(corpus, show="--show" in sys.argv))
