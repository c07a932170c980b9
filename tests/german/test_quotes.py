"""Pairing quotation marks (`newslint.german.quotes`): partners, apostrophes, quotes over several paragraphs."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newslint.article.model import parse

HEAD = "Titel\nBerlin – Ein Bericht.\n"


def scan(body: str):
    article = parse("article.txt", HEAD + body + "\n")
    quotes = article.quotes
    offset = len(HEAD)
    return (
        [(q.start - offset, q.opening, q.closing, q.depth, q.continued) for q in quotes.quotations],
        [(s.offset - offset, s.mark, s.problem) for s in quotes.stray],
    )


@pytest.mark.parametrize(
    "body, quotations, stray",
    [
        ("„Wir kommen“, sagte sie.", [(0, "„", "“", 0, False)], []),
        ("„Er rief ‚Halt!‘“, sagte sie.", [(0, "„", "“", 0, False), (9, "‚", "‘", 1, False)], []),
        ('Er sprach von „Wortbruch".', [(14, "„", '"', 0, False)], []),  # mixed, but a pair
        ("Das geht’s nicht, sagte er über die ’Ndrangheta.", [], []),
        ("Sie sagte: „Wir kommen.", [], [(11, "„", "unclosed")]),
        ("Sie sagte: Wir kommen.“", [], [(22, "“", "unopened")]),
        ("Die UNESCO-Initiative „ Creative Cities“ wächst.", [(22, "„", "“", 0, False)], []),
        # a space inside the marks: paired when a mark later in the block closes it, else stray
        ('Er sagte: " Das werden wir sehen. "', [(10, '"', '"', 0, False)], []),
        ("Sie sprach von » Wortbruch«.", [(15, "»", "«", 0, False)], []),
        ("Er sprach von “ Erfolg”.", [(14, "“", "”", 0, False)], []),
        ('Ein Zoll " ist kein Zeichen.', [], [(9, '"', "unopened")]),
    ],
)
def test_pairs(body, quotations, stray):
    assert scan(body) == (quotations, stray)


def test_a_quote_over_several_paragraphs_is_continued_not_stray():
    quotations, stray = scan("Sie sagte: „Wir kommen.\n„Und wir bleiben.“")
    assert stray == []
    assert [(q[1], q[2], q[4]) for q in quotations] == [("„", "", True), ("„", "“", False)]


def test_an_open_quote_without_reopening_is_stray():
    quotations, stray = scan("Sie sagte: „Wir kommen.\nUnd wir bleiben.“")
    assert quotations == []
    assert [problem for _, _, problem in stray] == ["unclosed", "unopened"]


WORDS = st.sampled_from(["Wir", "kommen", "sagte", "er", "geht’s", "„", "“", "‚", "‘", ",", ".", "\n"])


@given(st.lists(WORDS, max_size=40))
def test_every_mark_is_paired_stray_or_an_apostrophe(tokens):
    body = "Text " + " ".join(tokens)
    article = parse("article.txt", "Titel\n" + body + "\n")
    quotes = article.quotes
    used = [q.start for q in quotes.quotations] + [q.end - 1 for q in quotes.quotations if q.closing]
    used += [s.offset for s in quotes.stray]
    assert len(used) == len(set(used))
    marks = [i for i, ch in enumerate(article.text) if ch in "„“‚‘"]  # ’ only in "geht’s"
    assert sorted(used) == marks
    for q in quotes.quotations:  # quotations nest or are apart, never cross
        for r in quotes.quotations:
            assert q.end <= r.start or r.end <= q.start or (q.start <= r.start and r.end <= q.end) \
                or (r.start <= q.start and q.end <= r.end)
