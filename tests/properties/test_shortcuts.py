"""The quick paths of the shared analysis give what the thorough ones give.

Each shortcut skips work that cannot change the result (a prefilter, a cheaper bucketing, a
lazily split block); these tests hold each against the exact computation it stands in for.
"""

import re
import unicodedata
from itertools import combinations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from newslint.article import markdown
from newslint.article.model import parse
from newslint.german import (
    attribution,
    credits,
    cues,
    dates,
    distance,
    latin,
    mentions,
    quotes,
    segment,
    speakers,
    typos,
    variants,
    word_forms,
)
from newslint.german.segment import WORD, Span, split_sentences

# -- close pairs of name forms -----------------------------------------------------------------

# few letters and one initial: many forms alike in size, many of them one edit apart
CROWDED = st.builds(lambda tail: "K" + tail, st.text("aeoöns", min_size=3, max_size=6))


def one_edit_pairs(forms) -> set[frozenset[str]]:
    return {
        frozenset((a, b))
        for a, b in combinations(forms, 2)
        if word_forms.fold(a)[0] == word_forms.fold(b)[0] and distance.one_edit_apart(word_forms.fold(a), word_forms.fold(b))
    }


@settings(max_examples=150, deadline=None)
@given(st.lists(CROWDED, min_size=2, max_size=40, unique=True))
def test_comparing_and_neighbourhoods_find_the_same_close_pairs(forms):
    folded = {form: word_forms.fold(form) for form in forms}
    keys = list(folded.values())
    compared = variants._compared(forms, keys, [variants._size(key) for key in keys], budget=10**9)
    met = variants._met_in_neighbourhoods(folded, variants._by_size(folded))
    expected = one_edit_pairs(forms)
    assert {frozenset(pair) for pair in compared} == expected
    assert {frozenset(pair) for pair in met if frozenset(pair) in expected} == expected
    position = {form: index for index, form in enumerate(forms)}
    assert all(position[a] < position[b] for a, b in compared | met)


def test_many_forms_alike_in_size_take_the_linear_path_and_find_every_pair():
    forms = [f"Kar{a}{b}{c}" for a in "aeiou" for b in "lmnr" for c in "st"]  # 40 forms, 780 pairs
    keys = [word_forms.fold(form) for form in forms]
    sizes = [variants._size(key) for key in keys]
    assert variants._compared(forms, keys, sizes, variants._DIRECT_PAIRS_PER_FORM * len(forms)) is None
    found = {frozenset(pair) for pair in variants.close_pairs(forms)}
    expected = {frozenset((a, b)) for a, b in combinations(forms, 2) if variants._may_be_variants(a, b)}
    assert expected  # "Karals"/"Karels" and the like
    assert found == expected


def test_close_pairs_fold_accents_as_fold_does():
    assert {frozenset(pair) for pair in variants.close_pairs(["Pjöngjang", "Pjongjang", "Peking"])} == {
        frozenset(("Pjöngjang", "Pjongjang"))
    }


@settings(max_examples=300, deadline=None)
@given(st.text("aeiouyn", min_size=1, max_size=8), st.text("aeiouyn", min_size=1, max_size=8))
def test_words_one_edit_apart_agree_in_their_last_letters_unless_the_edit_is_there(tail, other):
    a, b = "K" + tail, "K" + other  # the quick tests `_compared` makes before comparing
    if len(a) > len(b):
        a, b = b, a
    if distance.one_edit_apart(a, b):
        if len(a) == len(b):
            assert a[-1:] == b[-1:] or a[:-2] == b[:-2]
        else:
            assert a[-1:] == b[-1:] or b.startswith(a)


@settings(max_examples=300, deadline=None)
@given(st.text("aeinrsmchöä", min_size=1, max_size=9), st.sampled_from(word_forms.SUFFIXES))
def test_a_form_with_an_ending_shares_a_stem_with_the_form_without(stem, ending):
    if word_forms.with_ending(stem, stem + ending):
        assert word_forms.stems(stem) & word_forms.stems(stem + ending)


def test_forms_with_an_ending():
    assert word_forms.with_ending("Jahr", "Jahre") and word_forms.with_ending("Kiew", "Kiewer")
    assert not word_forms.with_ending("Brown", "Brownn")  # a doubled letter
    assert word_forms.with_ending("Regel", "Regeln") and word_forms.with_ending("Blume", "Blumen")
    assert not word_forms.with_ending("Journalist", "Journalistn")  # no German word takes „n“ after „t“
    assert "Journalist" not in word_forms.stems("Journalistn") and "Feder" in word_forms.stems("Federn")
    assert not word_forms.with_ending("Kie", "Kies") and not word_forms.with_ending("Kiew", "Kiewx")


# letters of Latin script with and without accents, marks, ligatures and others
FOLDABLE = st.text("aAäÄeéÉèoöøÖßẞiİıçÇñÑšŠđĐłŁǅǈĳﬁæÆœ\u0301\u0308\u0327ЖжΣσς-", max_size=10)


@settings(max_examples=500, deadline=None)
@given(FOLDABLE)
def test_folding_by_table_is_folding_by_decomposition(text):
    assert word_forms.fold(text) == word_forms._without_accents(text.casefold())


def test_every_letter_of_the_folding_table_folds_as_its_decomposition():
    for code, folded in word_forms._ACCENTED_LETTERS.items():
        assert word_forms._without_accents(chr(code)) == folded
        assert unicodedata.normalize("NFKD", chr(code))[:1].isascii()  # a plain letter first


# -- name words --------------------------------------------------------------------------------


def test_the_latin_classes_are_the_unicode_categories_regex_knows():
    classes = {
        mentions._UPPER: r"\p{Lu}",
        mentions._LETTER: r"[\p{L}\p{M}]",
        mentions._WORD_CHARACTER: r"[\p{L}\p{M}\p{N}]",
        latin.latin_class("L N"): r"[\p{L}\p{N}]",
    }
    for block in latin.LATIN:
        for code in block:
            for spelt_out, unicode_class in classes.items():
                assert (re.fullmatch(spelt_out, chr(code)) is None) == (
                    regex.fullmatch(unicode_class, chr(code)) is None
                ), (hex(code), unicode_class)


NAME_TEXT = st.text("AaÄäÖöZzßÉé0½1 -’\u0301\u00adЖжΣσ€„“\n", max_size=40)


@settings(max_examples=500, deadline=None)
@given(NAME_TEXT, st.integers(0, 40), st.integers(0, 40))
@example("ЖAbcde", 1, 6)  # a Cyrillic letter before the range: `regex` looks behind
@example("Kiew\u0301s Weg", 0, 10)
def test_name_words_are_found_alike_in_both_engines(text, start, end):
    start, end = min(start, len(text)), min(end, len(text))
    pattern = mentions._name_words(text, start, end)
    assert pattern.findall(text, start, end) == mentions._NAME_WORD.findall(text, start, end)


WORD_TEXT = st.text("AaÄäßÉé0½²1 -‑'’\u0301\u00adЖжΣσ€„“.\n", max_size=40)


@settings(max_examples=500, deadline=None)
@given(st.lists(WORD_TEXT, min_size=1, max_size=4))
@example(["Der 71-Jährige geht’s an", "Путин-Sprecher sagte"])
def test_words_are_found_alike_in_both_engines(paragraphs):
    article = parse("article.txt", "Titel\n" + "\n".join(p.replace("\n", " ") for p in paragraphs) + "\n")
    expected = tuple(
        Span(match.start(), match.end(), match.group())
        for block in article.blocks
        for match in WORD.finditer(article.prose, block.start, block.end)
    )
    assert article.words == expected


def test_text_with_other_letters_than_latin_ones_takes_regex():
    assert mentions._name_words("Pjöngjang – „Peking“ 5 €", 0, 20) is mentions._LATIN_NAME_WORD
    assert mentions._name_words("Путин in Moskau", 0, 15) is mentions._NAME_WORD
    assert mentions._name_words("ЖAbcde", 1, 6) is mentions._NAME_WORD  # the look-behind's letter
    assert mentions._NAME_WORD.findall("ЖAbcde", 1, 6) == []
    assert mentions._LATIN_NAME_WORD.findall("ЖAbcde", 1, 6) == ["Abcde"]  # why it may not be used


# -- the mentions the spelling rule judges ----------------------------------------------------

NAMES = st.sampled_from(
    "Pjöngjang Pjongjang Pjöngjangs Kiew Kiews Kiewer Kiev Kievs Nordkorea Nordkoreas Südkorea "
    "Regierung Regierungen Jahr Jahre Jahren Merkel Merkels Merkl Weiter Die Der Ein Milliarden "
    "Milliarde Stadt Staat Bahn Bahnen Baahn Arzt Artz Ärzte Weitez".split()
)
SENTENCE_WORDS = st.one_of(NAMES, st.sampled_from("die der ein weiter in und sagte , . –".split()))
SPELLING_ARTICLE = st.lists(
    st.lists(SENTENCE_WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=5
).map(lambda lines: "Titel der Meldung\n" + "\n".join(line + "." for line in lines) + "\n")


def groups_as_data(groups):
    return [
        (
            [dict(spelling.forms) for spelling in group.spellings],
            dict(group.preferred.forms) if group.preferred else None,
            group.evidence,
        )
        for group in groups
    ]


@settings(max_examples=200, deadline=None)
@given(SPELLING_ARTICLE)
@example("Titel\nDie Stadt Pjöngjang und Pjongjang. In Pjöngjangs Norden und Pjönjang.\n")
@example("Titel\nDer Arzt und die Ärzte. Ein Artz kam.\n")  # a stem with its umlaut lost
@example("Titel\nKornbaum kam. Kornbäume sah Kornbaun.\n")  # "Kornbäume" counts for "Kornbaum"
@example("Titel\nWeiter ging es. Dann weiter, Weitez und Weiterung.\n")  # a paired form, no mention
def test_the_forms_of_the_paired_words_give_the_groups_all_mentions_give(text):
    article = parse("article.txt", text)
    forms = mentions.name_forms(article)
    close = variants.close_pairs(forms)
    full = variants.variant_groups(article.mentions, {"Kiew": "Kiew"})
    assert {m.text for m in article.mentions} <= forms  # what the rule relies on
    if not close:
        assert full == []
        return
    found = mentions.mentions(article, only=mentions.word_forms(forms, close))
    either_way = close | {(b, a) for a, b in close}  # a pair's order does not matter
    for among in (close, either_way):
        groups = variants.variant_groups(found, {"Kiew": "Kiew"}, among)
        assert groups_as_data(groups) == groups_as_data(full)
    assert set(found) <= set(article.mentions)


def mentions_with_all_words(article, only=None):
    """The definition of `mentions`: every word of the article found first."""
    import bisect

    words = article.words
    starts = [word.start for word in words]
    lower = {word.text for word in words if word.text[0].islower()}
    found = []
    for block in article.blocks:
        for match in mentions._NAME_WORD.finditer(article.prose, block.start, block.end):
            text = match.group()
            if (only is not None and text not in only) or text.isupper() or text in mentions.NOT_NAMES \
                    or text.lower() in lower:
                continue
            index = bisect.bisect_right(starts, match.start()) - 1
            determined = match.end() == words[index].end and mentions._after_determiner(article.prose, words, index)
            found.append(mentions.Mention(match.start(), match.end(), text, determined))
    return found


@settings(max_examples=200, deadline=None)
@given(SPELLING_ARTICLE)
@example("Titel\nWeiter ging es. Dann weiter, Weitez und die\nRegierung der Regierungs-Chefin.\n")
def test_mentions_found_with_the_words_around_them_are_those_found_with_all_words(text):
    article = parse("article.txt", text)
    forms = mentions.name_forms(article)
    for only in (None, forms, {form for form in forms if len(form) % 2}):
        fresh = parse("article.txt", text)  # no words found yet
        assert mentions.mentions(fresh, only=only) == mentions_with_all_words(article, only)


BLOCKS = st.lists(
    st.lists(st.sampled_from(["die", "Regierung", "Peking-Reise", "71-Jährige", "—", "3.", "geht’s", ","]),
             max_size=6).map(" ".join),
    min_size=1, max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(BLOCKS, st.integers(1, 4))
def test_the_words_around_an_offset_are_its_neighbours_among_all_words(paragraphs, reach):
    text = "Titel\n" + "\n\n".join(paragraphs) + "\n"
    every = parse("article.txt", text).words
    for number, word in enumerate(every):
        for offset in range(word.start, word.end):
            found, index = parse("article.txt", text).words_around(offset, reach)
            assert found[index] == word
            for step in range(-reach, reach + 1):
                inside = 0 <= number + step < len(every)
                assert (0 <= index + step < len(found)) == inside
                if inside:
                    assert found[index + step] == every[number + step]


def test_inflected_forms_share_their_head_with_every_stem():
    for form in ("Pjöngjangs", "Wasserstände", "Kiewer", "Nordkoreanerinnen", "Thailänder", "Ärzte"):
        assert {mentions._head(stem) for stem in word_forms.stems(form)} == {mentions._head(form)}


@settings(max_examples=300, deadline=None)
@given(st.text("aeinrsmchöä", min_size=1, max_size=12))
def test_stems_try_the_endings_a_form_may_carry(form):
    expected = {form}
    for suffix in word_forms.SUFFIXES:  # every ending, as the definition says
        if form.endswith(suffix) and len(form) - len(suffix) >= word_forms.MIN_STEM:
            stem = form[: -len(suffix)]
            if stem[-1] == suffix[0] or (suffix in ("n", "ns") and stem[-1] not in "aeiouäöüylr"):
                continue
            expected.add(stem)
            if suffix in word_forms._PLURAL_SUFFIXES:
                expected.add(stem.translate(word_forms.UMLAUTS))
    assert word_forms.stems(form) == expected


# -- quotations in another language -----------------------------------------------------------

QUOTATION_PIECES = st.sampled_from(
    ["„", "“", "‚", "‘", "»", "«", '"', " ", "Beijing", "the war is over and we are", "der Krieg ist aus und wir sind",
     "la guerre est finie et nous", "Yemen Observer", ".", ",", "\n"]
)


def language_at_all_at_once(article, offset):
    """The definition: each foreign quotation's language told at once; of the languages whose
    quotations (merged into spans) hold `offset`, the one the article's quotations use first."""
    from newslint.german.languages import language_of
    from newslint.rules.spelling_consistency import _Spans

    own = article.lang[:2].lower()
    by_language = {}
    for quotation in article.quotes.quotations:
        language = language_of(quotation.text, own)
        if language != own:
            by_language.setdefault(language, []).append(quotation)
    spans = {language: _Spans(found) for language, found in by_language.items()}
    return next((language for language, held in spans.items() if offset in held), None)


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTATION_PIECES, max_size=14).map("".join))
@example("„the war is over and we are „la guerre est finie et nous“ Beijing“")
@example("»la guerre est finie et nous« „the war is over and we are ‚la guerre est finie et nous Beijing‘“")
def test_the_language_at_an_offset_is_told_as_when_all_quotations_are_told_at_once(body):
    from newslint.rules.spelling_consistency import _Titles

    article = parse("article.txt", "Titel\n" + body + "\n")
    titles = _Titles(article)
    for offset in range(len(article.text) + 1):
        assert titles.language_at(offset) == language_at_all_at_once(article, offset), offset


# -- house spellings ---------------------------------------------------------------------------

HOUSE = frozenset({"Peking", "Beijing", "Neu-Delhi", "New Delhi", "Neu Delhi", "Kiew", "Kyiv"})
HOUSE_WORDS = st.sampled_from(["Peking", "Beijing", "Neu-Delhi", "New", "Delhi", "Neu", "Kiew", "Kyi", "Kie"])
FILLER = st.sampled_from(["in", "nach", "Berlin", " ", "  ", "\xa0", ",", "-", "er", "s", "\n"])


def house_pattern():
    from newslint.rules.spelling_consistency import Options, house_list

    preferred = {"Peking": ("Beijing",), "Neu-Delhi": ("New Delhi", "Neu Delhi"), "Kiew": ("Kyiv",)}
    return house_list(Options(preferred=preferred)).pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(HOUSE_WORDS, FILLER), max_size=12).map("".join))
def test_a_text_without_a_longest_word_of_the_house_list_has_no_house_spelling(text):
    if house_pattern().search(text) is not None:
        assert mentions.may_mention(text, 0, len(text), HOUSE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(HOUSE_WORDS, FILLER, st.sampled_from(["Beij", "Kyiv", "Kyjiw", "Ky", "Neu-"])), max_size=12).map("".join))
def test_the_longest_words_grouped_by_initial_are_found_as_any_of_them(text):
    spellings = HOUSE | {"Kyjiw", "Beirut", "K"}
    words = {max(spelling.split(), key=len) for spelling in spellings}
    assert mentions.may_mention(text, 0, len(text), spellings) == any(word in text for word in words)


def test_may_mention_looks_only_between_start_and_end():
    text = "Peking liegt weit weg."
    assert mentions.may_mention(text, 0, len(text), HOUSE)
    assert not mentions.may_mention(text, 7, len(text), HOUSE)


def test_may_mention_looks_for_the_rarest_word_of_a_spelling():
    assert not mentions.may_mention("Neue Wege in New York", 0, 21, HOUSE)
    assert mentions.may_mention("in New Delhi", 0, 12, HOUSE)


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


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=5),
    st.text("ab \n\r", max_size=40),
)
def test_blanking_keeps_the_newlines_and_blanks_all_else(ranges, text):
    ranges = [(start, start + length) for start, length in ranges]
    expected = list(text)
    for start, end in ranges:
        for index in range(start, min(end, len(text))):
            if text[index] != "\n":
                expected[index] = " "
    assert markdown.blank(text, ranges) == "".join(expected)


# -- words, quotation marks and dates ----------------------------------------------------------


def test_words_are_spans_as_the_named_tuple_makes_them():
    article = parse("article.txt", "Titel\nDer 71-Jährige geht’s an.\n")
    expected = tuple(
        Span(match.start(), match.end(), match.group())
        for block in article.blocks
        for match in WORD.finditer(article.prose, block.start, block.end)
    )
    found = article.words
    assert found == expected and [word.text for word in found][2:4] == ["71-Jährige", "geht’s"]
    assert all(type(word) is Span and (word.start, word.end) == word[:2] for word in found)


QUOTED = st.lists(
    st.sampled_from(
        ["„Wir", "kommen“", "»gut«", "‚so‘", "sagte", "er", ",", ".", "\n", "\n„weiter", '"x"', "’s"]
    ),
    max_size=16,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(QUOTED)
def test_blocks_without_quotation_marks_are_skipped_without_a_change(body):
    article = parse("article.txt", "Titel\n" + body + "\n")
    expected_quotations, expected_stray = [], []
    for block in article.blocks:  # every block scanned, as before the skip
        quotes.scan_text(article.prose, block.start, block.end, expected_quotations, expected_stray)
    scanned = quotes.scan(article)
    paired = [q for q in scanned.quotations if not q.continued]
    carried_on = {q.start for q in scanned.quotations if q.continued}  # from unclosed marks
    assert paired == sorted(expected_quotations, key=lambda q: q.start)
    assert set(scanned.stray) == {s for s in expected_stray if s.offset not in carried_on}


DATED = st.lists(
    st.sampled_from(
        ["am", "Montag", "Donnerstagabend", "(20. Juni)", "20.06.2024", "heute", ",", "gestern",
         "kommenden", "Freitag", "Juni", "5.", "Wetter", "\n", "(", ")", "den", "3.", "Mai"]
    ),
    max_size=16,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(DATED)
@example("heute ,\nMontag")
def test_blocks_without_a_digit_or_weekday_hold_no_date_expression(body):
    article = parse("article.txt", "Titel\n" + body + "\n")
    expected = []  # every block scanned, as before the skip
    for block in article.blocks:
        tokens = map(dates._token, dates._GERMAN_TOKEN.finditer(article.prose, block.start, block.end))
        expected.extend(dates._expressions(article, tokens, dates._GAPS["de"]))
    assert dates.scan(article) == tuple(expected)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789. aMDSFx(") + ["Montag", "Sonnabend", "Donnerstag", "Mon"]),
                max_size=16).map("".join), st.integers(0, 30), st.integers(0, 30))
@example("1.", 1, 2)
@example("1. 2.", 1, 5)
def test_one_search_for_a_date_sign_finds_what_two_searches_find(text, start, end):
    expected = (dates._DIGIT["de"].search(text, start, end) is not None
                or dates._WEEKDAY_NAME["de"].search(text, start, end) is not None)
    assert dates.may_hold_date(text, start, end) is expected


DATELINE_PIECES = st.sampled_from(
    ["Berlin", "Neu-Delhi", "(dpa)", "(AFP/dpa)", " ", "–", "—", "-", "−", "‑", "--", "/", ",",
     "20. Juni", "Die", "Kürzung", "auch", "„Wir“", "Pjöngjang", "\t"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(DATELINE_PIECES, max_size=10).map("".join))
@example("Berlin (dpa) – Die Regierung")
@example("Pjöngjang − Nordkorea")
def test_a_paragraph_without_a_dash_has_no_dateline(text):
    found = credits._dateline_match(text)
    expected = credits._DATELINE.match(text, 0, credits._DATELINE_WINDOW)
    assert (found and found.groupdict()) == (expected and expected.groupdict())


def _without_dateline_in_full(text, block, sentences):
    """What `attribution._without_dateline` computes, without its quick look for a dash."""
    if block.kind not in ("paragraph", "teaser") or not sentences or sentences[0].start != block.start:
        return sentences
    length = credits.dateline_length(text[block.start : block.start + attribution._DATELINE_REACH])
    if not length or block.start + length >= sentences[0].end:
        return sentences
    first = sentences[0]
    return (Span(block.start + length, first.end, text[block.start + length : first.end]), *sentences[1:])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["Berlin", " (dpa)", " – ", "-", " ", "Die Kürzung", ". ", "„Wir“",
                              "sagte er", "! ", "x" * 120]), max_size=12).map("".join),
    st.integers(0, 3),
    st.sampled_from(["paragraph", "teaser", "headline"]),
)
@example("Berlin (dpa) – Die Kürzung. Er sagte – dann", 0, "paragraph")
@example("Berlin. Die – Kürzung", 0, "paragraph")
def test_a_paragraph_without_a_dash_in_its_first_sentence_keeps_its_sentences(body, lead, kind):
    text = "\n" * lead + body + "\n"
    block = Span(lead, lead + len(body), body)
    block = type("Block", (), {"kind": kind, "start": block.start, "end": block.end})()
    sentences = tuple(split_sentences(text, block.start, block.end))
    assert attribution._without_dateline(text, block, sentences) == _without_dateline_in_full(text, block, sentences)


@settings(max_examples=300, deadline=None)
@given(st.text("ab AÄ-'’.1\u00a0ж", max_size=30), st.integers(0, 5), st.integers(0, 30))
def test_words_are_built_as_their_named_tuples_build_them(text, start, end):
    """`word_spans` and `words_between` make their tuples without the named tuples' own
    constructors: the same tuples of the same types."""
    pattern = segment.word_pattern(text, start, end)
    spans = [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    words = [cues.Word(m.start(), m.end(), m.group(), m.group().lower()) for m in pattern.finditer(text, start, end)]
    found_spans, found_words = segment.words_between(text, start, end), cues.word_spans(text, start, end)
    assert found_spans == spans and all(type(span) is Span for span in found_spans)
    assert found_words == words and all(type(word) is cues.Word for word in found_words)


NAME_PIECES = st.sampled_from(["Berlin", "Berliner", "berlin", "Kiew", "KIEW", "Kiews", " ", "-", "„", "(",
                               "5", "é", "x", "Über", "Überall", "ж", "\n"])


@settings(max_examples=500, deadline=None)
@given(st.lists(NAME_PIECES, max_size=14).map("".join), st.integers(0, 4), st.integers(0, 60),
       st.sets(st.sampled_from(["Berlin", "Berliner", "Kiew", "Kiews", "Überall", "Berl"]), max_size=4))
@example("Berlin Berliner-Berlin", 0, 30, {"Berlin", "Berliner"})
def test_name_words_of_a_few_forms_are_found_as_among_every_name_word(text, start, end, forms):
    for pattern in (mentions._NAME_WORD, mentions._LATIN_NAME_WORD):
        expected = [m.span() for m in pattern.finditer(text, start, end) if m.group() in forms]
        assert [m.span() for m in mentions.matches_of(pattern, text, start, end, forms)] == expected


def test_words_met_before_are_told_suspect_and_corrected_as_at_first():
    words, more = {"Regierung", "Digitalisirung", "Temporao"}, ["verantwortlcih", "beispielsweise"]
    first = typos.suspects(words, more)
    assert typos.suspects(words, more) == first == {"Digitalisirung", "Temporao", "verantwortlcih"}
    assert typos.suspects({"Regierung"}, ["beispielsweise"]) == set()  # all met before and known
    expected = {word: typos.correction(word) for word in first if typos.correction(word)}
    assert typos.corrections(first) == expected == typos.corrections(first)  # asked again: remembered
    assert expected == {"Digitalisirung": "Digitalisierung", "verantwortlcih": "verantwortlich"}
    # a word found to be no typo is passed over after: what is left is corrected as before
    assert typos.suspects(words, more) == {"Digitalisirung", "verantwortlcih"}
    assert typos.corrections(typos.suspects(words, more)) == expected


#: common words, compounds (with common and rare parts, with „ß“), names and new compounds, to mistype
TYPO_SOURCES = ["regierung", "digitalisierung", "verantwortlich", "bundesverfassungsgericht", "benzinkanister",
                "klimaschutzgesetz", "sicherheitsmaßnahmen", "wohnungsmarkt", "straßenbahn", "überraschung",
                "sitzungsprotokoll", "kältetelefon", "lindermann", "königsdörffer", "wienroither", "temporao",
                "hauptstraße", "stadtrat", "bundesautobahn", "wahlrechtsreform", "außenministerin"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TYPO_SOURCES), st.integers(0, 10**6), st.booleans())
@example("bezinkanister", 0, False)
@example("auerdem", 0, False)  # a „ß“ left out: „außerdem“, „ss“ in the index
def test_typos_are_corrected_by_the_common_words_near_them_as_by_every_spelling_one_slip_away(word, pick,
                                                                                           capitalised):
    if pick:  # the spelling `pick` of those one slip from the word
        near = sorted(typos.slips(word))
        word = near[pick % len(near)]
    least = typos.COMMON_NOUN_ZIPF if capitalised else typos.COMMON_WORD_ZIPF
    quick = typos._quick_correction(word, least)
    assert quick == typos._UNDECIDED or quick == typos._slip_correction(word, least)


COMPOUND_PIECES = st.sampled_from(["gemeinde", "rat", "s", "sitzung", "protokoll", "kälte", "telefon", "tleefon",
                                   "en", "straße", "bahn", "xq", "wien", "roither", "e", "presse", "mitteilung"])


@settings(max_examples=300, deadline=None)
@given(st.lists(COMPOUND_PIECES, min_size=1, max_size=5).map("".join))
@example("gemeinderatssitzungsprotokoll")
@example("presseemitteilung")
def test_compounds_are_told_by_their_outer_stretches_as_by_all(word):
    assert typos.made_of_words(word) == (len(word) in typos._reachable(word, typos._part_ends(word)))


def test_the_quick_way_decides_names_and_mistyped_compounds_alone():
    words = ["kowalczyk", "wienroither", "königsdörffer", "saliakas", "paradeiserpflanzen", "temporao",
             "bezinkanister", "klimaschtzgesetz"]
    decided = {word: typos._quick_correction(word, typos.COMMON_WORD_ZIPF) for word in words}
    assert decided == {word: typos._slip_correction(word, typos.COMMON_WORD_ZIPF) for word in words}
    assert list(decided.values()).count(None) == 5
    # a common word one slip away: which one is meant, all the spellings one slip away tell
    assert typos._quick_correction("digitalisirung", typos.COMMON_WORD_ZIPF) == typos._UNDECIDED


# -- attribution -------------------------------------------------------------------------------


def test_the_speaker_of_quoted_words_is_found_when_asked_as_it_would_be_at_once():
    body = (
        "Berlin – „Wir bleiben“, sagte Merkel. Das sei „eine gute Sache“ gewesen. "
        "„Das reicht nicht“, entgegnete Scholz. Er sprach von „Fehlern“ der Regierung.\n"
    )
    first, second = parse("article.txt", "Titel\n" + body), parse("article.txt", "Titel\n" + body)
    asked_late = [(a.kind, a.speaker, a.form) for a in first.attributions]  # all classified first
    asked_in_reverse = []
    for found in second.attributions[::-1]:  # the partial ones asked in another order
        asked_in_reverse.insert(0, (found.kind, found.speaker, found.form))
    assert asked_late == asked_in_reverse
    assert [(kind, speaker.text if speaker else None, form) for kind, speaker, form in asked_late] == [
        ("direct", "Merkel", "after"),
        ("partial", "Merkel", "follow-on"),  # the speaker before it, not the one after
        ("direct", "Scholz", "after"),
        ("partial", "Er", "sentence"),
    ]
    lazy = first.attributions[1]
    assert lazy == attribution.Attribution(lazy.quotation, "partial", lazy.speaker, "follow-on")


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
    words = cues.word_spans(clause, 0, len(clause))
    expected = speakers._clause_attribution(clause, words, "colon")
    assert speakers.attribution_in_clause(clause, 0, len(clause)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(CLAUSE_WORDS, max_size=14).map(" ".join))
def test_reported_speech_is_found_from_the_words_alone(sentence):
    words = cues.word_spans(sentence, 0, len(sentence))
    expected = any(  # the definition: a subjunctive, "laut", "zufolge" or a speech verb
        w.lower in cues.SUBJUNCTIVE
        or w.lower in ("laut", "zufolge")
        or cues.is_cue(words, i, len(words))
        for i, w in enumerate(words)
    )
    span = Span(0, len(sentence), sentence)
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
    fresh = parse("article.txt", ARTICLE)  # every block split at once, in order
    all_sentences = tuple(s for b in fresh.blocks for s in split_sentences(fresh.prose, b.start, b.end))
    assert article.sentences == all_sentences
    assert len(article.sentences) == 11  # 1 + 2 + 2 + 4 + 2


# -- the language of a stretch of text ---------------------------------------------------------


def language_by_definition(text: str, lang: str) -> str:
    """The definition: each language's function words counted on their own (a word that is also
    one of `lang` counts for `lang` only); the most of at least two, more than `lang` has, wins,
    the first in the list on a tie."""
    from newslint.german.languages import _EVIDENCE, _WORD, _WORDS_OF

    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < _EVIDENCE:
        return lang
    own = _WORDS_OF.get(lang, frozenset())
    best, best_count = lang, sum(word in own for word in words)
    for other, function_words in _WORDS_OF.items():
        count = sum(word in function_words and word not in own for word in words)
        if other != lang and count >= _EVIDENCE and count > best_count:
            best, best_count = other, count
    return best


FUNCTION_WORDS = st.sampled_from("der die und the and of le la et il di el de het een o os is ist est Kyjiw ".split() + [" ", ", "])


@settings(max_examples=300, deadline=None)
@given(st.lists(FUNCTION_WORDS, max_size=16).map(" ".join), st.sampled_from(["de", "en", "fr", "nl", "xx"]))
@example("the and of de la", "de")
@example("de het een le la", "fr")
def test_the_language_counted_in_one_pass_is_the_language_by_definition(text, lang):
    from newslint.german.languages import language_of

    assert language_of(text, lang) == language_by_definition(text, lang)


@given(st.text("aeiouyjwvzqkschtsdgh", min_size=4, max_size=12))
@example("koval")
@example("shevchenko")
def test_a_transliteration_grouping_is_the_key_the_table_writes(plain):
    from newslint.german import transliteration

    assert transliteration.grouping(plain) == transliteration._key_of_folded(plain)
