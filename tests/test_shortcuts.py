"""The quick paths of the shared analysis give what the thorough ones give.

Each shortcut skips work that cannot change the result (a prefilter, a cheaper bucketing, a
lazily split block); these tests hold each against the exact computation it stands in for.
"""

from itertools import combinations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint import attribution, markdown, names
from lint.article import parse
from lint.segment import sentences as all_sentences

# -- close pairs of name forms -----------------------------------------------------------------

# few letters and one initial: many forms alike in size, many of them one edit apart
CROWDED = st.builds(lambda tail: "K" + tail, st.text("aeoöns", min_size=3, max_size=6))


def one_edit_pairs(forms) -> set[frozenset[str]]:
    return {
        frozenset((a, b))
        for a, b in combinations(forms, 2)
        if names.fold(a)[0] == names.fold(b)[0] and names.one_edit_apart(names.fold(a), names.fold(b))
    }


@settings(max_examples=150, deadline=None)
@given(st.lists(CROWDED, min_size=2, max_size=40, unique=True))
def test_comparing_and_neighbourhoods_find_the_same_close_pairs(forms):
    folded = {form: names.fold(form) for form in forms}
    by_size = names._by_size(folded)
    compared = names._compared(folded, by_size, budget=10**9)
    met = names._met_in_neighbourhoods(folded, by_size)
    expected = one_edit_pairs(forms)
    assert {frozenset(pair) for pair in compared} == expected
    assert {frozenset(pair) for pair in met if frozenset(pair) in expected} == expected
    position = {form: index for index, form in enumerate(forms)}
    assert all(position[a] < position[b] for a, b in compared | met)


def test_many_forms_alike_in_size_take_the_linear_path_and_find_every_pair():
    forms = [f"Kar{a}{b}{c}" for a in "aeiou" for b in "lmnr" for c in "st"]  # 40 forms, 780 pairs
    folded = {form: names.fold(form) for form in forms}
    by_size = names._by_size(folded)
    assert names._compared(folded, by_size, names._DIRECT_PAIRS_PER_FORM * len(forms)) is None
    found = {frozenset(pair) for pair in names.close_pairs(forms)}
    expected = {frozenset((a, b)) for a, b in combinations(forms, 2) if names._may_be_variants(a, b)}
    assert expected  # "Karals"/"Karels" and the like
    assert found == expected


def test_close_pairs_fold_accents_as_fold_does():
    assert {frozenset(pair) for pair in names.close_pairs(["Pjöngjang", "Pjongjang", "Peking"])} == {
        frozenset(("Pjöngjang", "Pjongjang"))
    }


@settings(max_examples=300, deadline=None)
@given(st.text("aeinrsmchöä", min_size=1, max_size=12))
def test_stems_try_the_endings_a_form_may_carry(form):
    expected = {form}
    for suffix in names.SUFFIXES:  # every ending, as the definition says
        if form.endswith(suffix) and len(form) - len(suffix) >= names._MIN_STEM:
            stem = form[: -len(suffix)]
            if stem[-1] == suffix[0]:
                continue
            expected.add(stem)
            if suffix in names._PLURAL_SUFFIXES:
                expected.add(stem.translate(names._UMLAUTS))
    assert names.stems(form) == expected


# -- house spellings ---------------------------------------------------------------------------

HOUSE = frozenset({"Peking", "Beijing", "Neu-Delhi", "New Delhi", "Neu Delhi", "Kiew", "Kyiv"})
HOUSE_WORDS = st.sampled_from(["Peking", "Beijing", "Neu-Delhi", "New", "Delhi", "Neu", "Kiew", "Kyi", "Kie"])
FILLER = st.sampled_from(["in", "nach", "Berlin", " ", "  ", "\xa0", ",", "-", "er", "s", "\n"])


def house_pattern():
    from rules.spelling_consistency import Options, house_list

    preferred = {"Peking": ("Beijing",), "Neu-Delhi": ("New Delhi", "Neu Delhi"), "Kiew": ("Kyiv",)}
    return house_list(Options(preferred=preferred)).pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(HOUSE_WORDS, FILLER), max_size=12).map("".join))
def test_a_text_without_a_first_word_of_the_house_list_has_no_house_spelling(text):
    if house_pattern().search(text) is not None:
        assert names.may_mention(text, 0, len(text), HOUSE)


def test_may_mention_looks_only_between_start_and_end():
    text = "Peking liegt weit weg."
    assert names.may_mention(text, 0, len(text), HOUSE)
    assert not names.may_mention(text, 7, len(text), HOUSE)


# -- Markdown ----------------------------------------------------------------------------------

MARKUP = st.text("ab#`~=-*_[]|:>+ \t1.)!<\\/", max_size=30)
BLOCK_MARKUP = (
    markdown._FENCE, markdown._HEADING, markdown._SETEXT, markdown._BREAK,
    markdown._LINK_DEFINITION, markdown._TABLE_RULE, markdown._QUOTE_PREFIX, markdown._LIST_MARKER,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from("aZäß"), MARKUP)
def test_no_block_markup_starts_with_a_letter(letter, rest):
    line = letter + rest
    assert not any(pattern.match(line) for pattern in BLOCK_MARKUP)


@settings(max_examples=300, deadline=None)
@given(st.text("ab `!*_~[]()<>|\\:/htps.@", max_size=40))
def test_inline_markup_needs_one_of_its_characters(text):
    if not markdown._may_have_inline_markup(text, 0, len(text)):
        assert markdown._INLINE.search(text) is None


def test_markdown_blocks_and_blanks_with_and_without_inline_markup():
    text = "# Titel\n\nEin **fetter** Satz mit [Link](http://example.org).\n\nNur Text hier.\nUnd weiter.\n"
    blanks, blocks = markdown.parse_body(text, 0)
    assert blocks == [("heading1", 2, 7), ("paragraph", 9, 60), ("paragraph", 62, 88)]
    prose = markdown.blank(text, blanks)
    assert prose[9:60] == "Ein   fetter   Satz mit  Link" + " " * 21 + "."
    assert prose[62:88] == "Nur Text hier.\nUnd weiter."


# -- attribution -------------------------------------------------------------------------------

CLAUSE_WORDS = st.sampled_from(
    "er sie Merkel Der Minister sagte teilte mit laut so zufolge hieß es heißt nach Ansicht "
    "am Montag in Berlin und dass die Regierung habe sei betonte fügte hinzu , : .".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CLAUSE_WORDS, max_size=14).map(" ".join))
@example("Das sei gut , laut Merkel")
@example("nach Ansicht der Regierung")
@example("in Berlin hieß es am Montag")
@example("dem Minister zufolge")
@example("so Merkel")
@example("teilte die Regierung am Montag mit")
@example("Der Minister betonte :")
def test_the_cue_prefilter_changes_no_attribution_of_a_clause(clause):
    words = attribution._words(clause, 0, len(clause))
    expected = attribution._clause_attribution(clause, words, "colon")
    assert attribution._in_clause(clause, 0, len(clause)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(CLAUSE_WORDS, max_size=14).map(" ".join))
def test_reported_speech_is_found_from_the_words_alone(sentence):
    words = attribution._words(sentence, 0, len(sentence))
    expected = any(  # the definition: a subjunctive, "laut", "zufolge" or a speech verb
        w.lower in attribution._SUBJUNCTIVE
        or w.lower in ("laut", "zufolge")
        or attribution._is_cue(words, i, len(words))
        for i, w in enumerate(words)
    )
    span = attribution.Span(0, len(sentence), sentence)
    assert attribution._reports_speech(sentence, span, span) == expected


ARTICLE = """Ein Titel ohne Punkt
Der Vorspann erzählt, worum es geht. Er hat zwei Sätze.
Berlin – Der Minister kam am 20. Juni. Er blieb lange.
„Wir bleiben“, sagte er. Dann ging er. „Das ist gut.“ Das sagte sie.
Die Sitzung dauerte bis in den Abend. Niemand ging früher.
"""


def test_attribution_splits_only_the_paragraphs_it_needs():
    article = parse("article.txt", ARTICLE)
    found = article.attributions
    assert [(a.kind, a.speaker.text if a.speaker else None) for a in found] == [
        ("direct", "er"), ("direct", "sie")
    ]
    quoted = article.blocks[3]
    assert set(article._block_sentences) == {quoted.start}
    assert [s.text for s in article.sentences_in(quoted)] == [
        "„Wir bleiben“, sagte er.", "Dann ging er.", "„Das ist gut.“", "Das sagte sie."
    ]


def test_sentences_of_the_blocks_are_the_sentences_of_the_article():
    article = parse("article.txt", ARTICLE)
    assert article.sentences == all_sentences(parse("article.txt", ARTICLE))
    assert len(article.sentences) == 11  # 1 + 2 + 2 + 4 + 2
