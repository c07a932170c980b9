"""The seven check types, key by key, with the semantics Vale documents (vale.sh/docs/topics/styles).

Each test writes a small rule of its own and checks a short article (line 1: the headline).
"""

import pytest
from style_kit import kit  # noqa: F401 (a fixture)

ARTICLE = "Titel\n{}\n"


# -- existence ---------------------------------------------------------------------------------

def test_existence_tokens_are_a_word_bounded_alternation(kit):
    kit.rule("Avoid", """
        extends: existence
        message: "Avoid '%s'."
        tokens:
          - Flüchtlingswelle
          - appears to be
    """)
    found = kit.found(ARTICLE.format("Die Flüchtlingswelle appears to be kein Flüchtlingswellenbad."))
    assert found == [(2, 5, "T.Avoid", "Avoid 'Flüchtlingswelle'.", None),
                     (2, 22, "T.Avoid", "Avoid 'appears to be'.", None)]


def test_existence_is_case_sensitive_unless_ignorecase(kit):
    kit.rule("Case", "extends: existence\nmessage: '%s'\ntokens: [sehr]\n")
    assert kit.spans(ARTICLE.format("Sehr gut, sehr schön.")) == ["sehr"]
    kit.rule("Case", "extends: existence\nmessage: '%s'\nignorecase: true\ntokens: [sehr]\n")
    assert kit.spans(ARTICLE.format("Sehr gut, sehr schön.")) == ["Sehr", "sehr"]


def test_existence_nonword_drops_the_word_boundaries(kit):
    kit.rule("Part", "extends: existence\nmessage: '%s'\ntokens: [welle]\n")
    assert kit.spans(ARTICLE.format("Eine Hitzewelle.")) == []
    kit.rule("Part", "extends: existence\nmessage: '%s'\nnonword: true\ntokens: [welle]\n")
    assert kit.spans(ARTICLE.format("Eine Hitzewelle.")) == ["welle"]


def test_existence_tokens_may_be_patterns(kit):
    kit.rule("Percent", r"""
        extends: existence
        message: "Write 'Prozent', not '%s'."
        nonword: true
        tokens:
          - '\d+ ?%'
    """)
    assert kit.spans(ARTICLE.format("Ein Plus von 20 % und 3%.")) == ["20 %", "3%"]


def test_existence_raw_is_concatenated_as_it_is(kit):
    kit.rule("Raw", r"""
        extends: existence
        message: '%s'
        raw:
          - '(?:Bundes)'
          - 'kanzler(?:in)?'
    """)
    assert kit.spans(ARTICLE.format("Die Bundeskanzlerin und der Kanzler.")) == ["Bundeskanzlerin"]


def test_existence_raw_goes_before_the_tokens_unless_append(kit):
    kit.rule("Raw", r"""
        extends: existence
        message: '%s'
        raw: ['\d+\s']
        tokens: [Euro, Dollar]
    """)
    assert kit.spans(ARTICLE.format("Es kostet 20 Euro oder 30 Dollar, Euro.")) == ["20 Euro", "30 Dollar"]
    kit.rule("Raw", r"""
        extends: existence
        message: '%s'
        append: true
        raw: ['\s\d+']
        tokens: [Seite, Kapitel]
    """)
    assert kit.spans(ARTICLE.format("Siehe Seite 20 und Kapitel 3, nicht Seite.")) == ["Seite 20", "Kapitel 3"]


def test_existence_exceptions_are_words_the_match_may_hold(kit):
    kit.rule("Caps", r"""
        extends: existence
        message: '%s'
        tokens: ['[A-Z]{3,}']
        exceptions: [NATO, '(?i)dpa']
    """)
    assert kit.spans(ARTICLE.format("NATO, UNO, DPA und WHO.")) == ["UNO", "WHO"]


def test_existence_action_replace_gives_the_suggestion(kit):
    kit.rule("Euro", r"""
        extends: existence
        message: "Write '%[2]s' for '%[1]s'."
        nonword: true
        action:
          name: replace
          params: [Euro]
        tokens: ['€']
    """)
    assert kit.found(ARTICLE.format("Es kostet 20 €.")) == [(2, 14, "T.Euro", "Write 'Euro' for '€'.", "Euro")]


def test_existence_action_edit_regex_gives_the_suggestion(kit):
    kit.rule("Time", r"""
        extends: existence
        message: "Write '%[2]s', not '%[1]s'."
        action:
          name: edit
          params: [regex, '(\d{1,2}):(\d{2})', '$1.$2']
        tokens: ['\d{1,2}:\d{2}(?= Uhr)']
    """)
    assert kit.found(ARTICLE.format("Um 14:30 Uhr beginnt es.")) == [
        (2, 4, "T.Time", "Write '14.30', not '14:30'.", "14.30")]


@pytest.mark.parametrize("edit, suggestion", [
    (["trim_right", "."], "Hallo"),
    (["trim_left", "."], "Hallo."),
    (["trim", "."], "Hallo"),
    (["split", "l", "0"], "Ha"),
])
def test_existence_action_edits(kit, edit, suggestion):
    kit.rule("Edit", f"""
        extends: existence
        message: '%s'
        nonword: true
        action:
          name: edit
          params: {edit!r}
        tokens: ['Hallo\\.']
    """)
    assert kit.found(ARTICLE.format("Hallo. Welt."))[0][4] == suggestion


def test_existence_message_level_link_and_limit(kit):
    kit.rule("Limited", """
        extends: existence
        message: "Nicht '%s'!"
        level: suggestion
        link: https://example.org/regel
        limit: 2
        tokens: [sehr]
    """)
    result, _engine = kit.check(ARTICLE.format("sehr, sehr, sehr."))
    assert [(d.column, d.severity, d.message) for d in result.diagnostics] == [
        (1, "info", "Nicht 'sehr'!"), (7, "info", "Nicht 'sehr'!")]
    assert _engine.rules_for(_engine.config_for(str(kit.root / "a.txt")))["T.Limited"].link == "https://example.org/regel"


@pytest.mark.parametrize("level, severity", [("suggestion", "info"), ("warning", "warning"), ("error", "error")])
def test_levels_become_severities(kit, level, severity):
    kit.rule("Level", f"extends: existence\nmessage: '%s'\nlevel: {level}\ntokens: [sehr]\n")
    result, _engine = kit.check(ARTICLE.format("sehr gut"))
    assert [d.severity for d in result.diagnostics] == [severity]


def test_existence_many_literal_tokens_find_what_one_pattern_finds(kit):
    """The automaton must find exactly what Vale's one alternation finds: leftmost, the first of
    the tokens that match there, never overlapping, words only as whole words."""
    tokens = ["Kim Jong Un", "Kim", "Jong", "Un", "Seoul", "Seo", "Peking-Reise", "Reise"]
    kit.rule("Many", "extends: existence\nmessage: '%s'\ntokens:\n" + "".join(f"  - {t}\n" for t in tokens))
    text = ARTICLE.format("Kim Jong Un reist nach Seoul; Kim reist, Seoulerin, Peking-Reise und Reisende.")
    import regex

    expected = [m.group() for m in regex.finditer(r"\b(?:" + "|".join(sorted(tokens, key=len, reverse=True)) + r")\b", text)]
    assert kit.spans(text) == expected == ["Kim Jong Un", "Seoul", "Kim", "Peking-Reise"]


# -- substitution ------------------------------------------------------------------------------

def test_substitution_swap_reports_the_value_to_write(kit):
    kit.rule("Names", """
        extends: substitution
        message: "Schreibe '%s' statt '%s'."
        swap:
          Weißrussland: Belarus
          Kirgisien: Kirgisistan
    """)
    assert kit.found(ARTICLE.format("Weißrussland und Kirgisien, nicht Belarus.")) == [
        (2, 1, "T.Names", "Schreibe 'Belarus' statt 'Weißrussland'.", "Belarus"),
        (2, 18, "T.Names", "Schreibe 'Kirgisistan' statt 'Kirgisien'.", "Kirgisistan"),
    ]


def test_substitution_keys_may_be_patterns_with_groups(kit):
    kit.rule("Burma", """
        extends: substitution
        message: "'%s', nicht '%s'"
        swap:
          '(Burma|Birma)': Myanmar
          '(?:give|gave) rise to': lead to
    """)
    assert kit.found(ARTICLE.format("Birma und Burma."))[0][3:] == ("'Myanmar', nicht 'Birma'", "Myanmar")
    assert len(kit.found(ARTICLE.format("Birma und Burma."))) == 2


def test_substitution_with_one_placeholder(kit):
    kit.rule("One", "extends: substitution\nmessage: \"Besser: '%s'\"\nswap:\n  Holland: Niederlande\n")
    assert kit.found(ARTICLE.format("In Holland."))[0][3] == "Besser: 'Niederlande'"


def test_substitution_ignorecase_and_a_match_that_already_is_the_value(kit):
    kit.rule("Terms", """
        extends: substitution
        message: "'%s', not '%s'"
        ignorecase: true
        swap:
          javascript: JavaScript
    """)
    assert kit.spans(ARTICLE.format("JavaScript, Javascript, JAVASCRIPT.")) == ["Javascript", "JAVASCRIPT"]


def test_substitution_nonword(kit):
    kit.rule("Sign", r"""
        extends: substitution
        message: "'%s' statt '%s'"
        nonword: true
        swap:
          '\.\.\.': …
    """)
    assert kit.found(ARTICLE.format("Und dann..."))[0][3:] == ("'…' statt '...'", "…")


def test_substitution_alternatives_and_capitalize(kit):
    kit.rule("Alt", """
        extends: substitution
        message: "'%s' statt '%s'"
        ignorecase: true
        capitalize: true
        swap:
          masterful: skilled|authoritative
          abundance: plenty
    """)
    found = kit.found(ARTICLE.format("Abundance is masterful."))
    assert found == [(2, 1, "T.Alt", "'Plenty' statt 'Abundance'", "Plenty"),
                     (2, 14, "T.Alt", "'skilled|authoritative' statt 'masterful'", None)]


def test_substitution_action_replace_lists_the_alternatives(kit):
    kit.rule("Alt", """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        action:
          name: replace
        swap:
          masterful: skilled|authoritative
    """)
    assert kit.found(ARTICLE.format("A masterful move."))[0][3] == \
        "Use 'skilled' or 'authoritative' instead of 'masterful'."


def test_substitution_dollar_group_takes_the_group_of_the_key(kit):
    kit.rule("Kilo", r"""
        extends: substitution
        message: "'%s' statt '%s'"
        nonword: true
        swap:
          '(\d+) ?km/h': '$1 Kilometer pro Stunde'
    """)
    assert kit.found(ARTICLE.format("Er fuhr 120 km/h."))[0][3:] == (
        "'120 Kilometer pro Stunde' statt '120 km/h'", "120 Kilometer pro Stunde")


def test_substitution_exceptions(kit):
    kit.rule("Land", r"""
        extends: substitution
        message: "'%s' statt '%s'"
        swap:
          '[A-Z]\w+land': ein Land
        exceptions: [Deutschland]
    """)
    assert kit.spans(ARTICLE.format("Holland, Deutschland, Island.")) == ["Holland", "Island"]


def test_substitution_finds_the_longest_key_first(kit):
    kit.rule("Long", """
        extends: substitution
        message: "'%s' statt '%s'"
        swap:
          New York: New York City
          New York Times: NYT
    """)
    assert kit.found(ARTICLE.format("Die New York Times."))[0][3] == "'NYT' statt 'New York Times'"


# -- occurrence --------------------------------------------------------------------------------

def test_occurrence_max_per_sentence(kit):
    kit.rule("Commas", """
        extends: occurrence
        message: "%s Kommas in einem Satz."
        scope: sentence
        max: 3
        token: ','
    """)
    found = kit.found(ARTICLE.format("Eins, zwei, drei, vier, fünf. Eins, zwei, drei."))
    assert found == [(2, 5, "T.Commas", "4 Kommas in einem Satz.", None)]


def test_occurrence_min_and_ignorecase(kit):
    kit.rule("Source", """
        extends: occurrence
        message: "Nur %s Quelle(n)."
        min: 2
        ignorecase: true
        token: '\\bquelle\\b'
    """)
    assert kit.found(ARTICLE.format("Eine Quelle nennt es; die QUELLE ist sicher.")) == []
    assert [f[3] for f in kit.found(ARTICLE.format("Eine Quelle nennt es."))] == ["Nur 1 Quelle(n)."]
    assert [f[:2] for f in kit.found(ARTICLE.format("Niemand nennt es."))] == [(1, 1)]  # none: the start


# -- repetition --------------------------------------------------------------------------------

def test_repetition_of_a_word(kit):
    kit.rule("Twice", r"""
        extends: repetition
        message: "'%s' steht zweimal."
        alpha: true
        tokens: ['[^\s.,!?]+']
    """)
    assert kit.found(ARTICLE.format("Das ist ist gut. 20 20 bleibt.")) == [(2, 5, "T.Twice", "'ist' steht zweimal.", None)]


def test_repetition_ignorecase_exceptions_and_max(kit):
    kit.rule("Twice", r"""
        extends: repetition
        message: "'%s'"
        ignorecase: true
        tokens: ['[^\s.,!?]+']
        exceptions: ['(?i)die die']
    """)
    assert kit.spans(ARTICLE.format("Die die kamen. Der der blieb. Das DAS.")) == ["Der der", "Das DAS"]
    kit.rule("Twice", r"""
        extends: repetition
        message: "'%s'"
        max: 1
        tokens: ['[^\s.,!?]+']
    """)
    assert kit.spans(ARTICLE.format("sehr sehr gut, sehr sehr sehr schlecht.")) == ["sehr sehr"]


# -- consistency -------------------------------------------------------------------------------

def test_consistency_either_spelling_but_not_both(kit):
    kit.rule("Kiew", """
        extends: consistency
        message: "Uneinheitlich: '%s'"
        either:
          Kiew: Kyjiw
    """)
    assert kit.found(ARTICLE.format("In Kiew. In Kiew.")) == []
    assert kit.found(ARTICLE.format("In Kiew. Aus Kyjiw.")) == [(2, 14, "T.Kiew", "Uneinheitlich: 'Kyjiw'", None)]


def test_consistency_ignorecase_and_nonword(kit):
    kit.rule("Mail", """
        extends: consistency
        message: "'%s'"
        ignorecase: true
        nonword: true
        either:
          e-mail: email
    """)
    assert kit.spans(ARTICLE.format("Per E-Mail und per Email-Adresse.")) == ["Email"]


def test_consistency_per_paragraph_remembers_the_article(kit):
    kit.rule("Kiew", "extends: consistency\nmessage: '%s'\nscope: paragraph\neither:\n  Kiew: Kyjiw\n")
    text = "Titel\nIn Kiew.\nAus Kyjiw.\nNach Kiew.\n"
    assert [f[:2] for f in kit.found(text)] == [(3, 5), (4, 6)]  # as Vale: every later paragraph too


# -- conditional -------------------------------------------------------------------------------

def test_conditional_first_needs_second(kit):
    kit.rule("Acronyms", r"""
        extends: conditional
        message: "'%s' wird nicht erklärt."
        first: '\b([A-Z]{3,5})\b'
        second: '(?:\b[A-ZÄÖÜ][a-zäöüß]+ )+\(([A-Z]{3,5})\)'
        exceptions: [USA]
    """)
    text = ARTICLE.format("Die Weltgesundheitsorganisation (WHO) warnt. Die WHO und die USA. Die NGO hilft.")
    assert kit.spans(text) == ["NGO"]


def test_conditional_ignorecase(kit):
    rule = r"""
        extends: conditional
        message: "'%s'"
        {case}
        first: '\b(?:abc|xyz)\b'
        second: '\((abc|xyz)\)'
    """
    text = ARTICLE.format("Das Gesetz (ABC) gilt. Abc gilt, XYZ nicht.")
    kit.rule("Defined", rule.format(case=""))
    assert kit.spans(text) == []
    kit.rule("Defined", rule.format(case="ignorecase: true"))
    assert kit.spans(text) == ["Abc", "XYZ"]  # found whatever the case; defined is "ABC" as written


# -- capitalization ----------------------------------------------------------------------------

HEADING = "{}\nDer Text.\n"


def test_capitalization_title_ap_and_chicago(kit):
    kit.rule("Title", "extends: capitalization\nmessage: \"'%s' should be '%s'\"\nscope: heading\nmatch: $title\n")
    assert kit.found(HEADING.format("The Art of War")) == []
    assert kit.found(HEADING.format("the art of war")) == [
        (1, 1, "T.Title", "'the art of war' should be 'The Art of War'", "The Art of War")]
    kit.rule("Title", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\nstyle: Chicago\n"
                      "threshold: 1\n")
    assert kit.found(HEADING.format("Walking through the Park")) == []  # prepositions of any length
    assert [f[4] for f in kit.found(HEADING.format("Walking Through The Park"))] == ["Walking through the Park"]


def test_capitalization_sentence_with_exceptions_indicators_and_prefix(kit):
    kit.rule("Sentence", """
        extends: capitalization
        message: "'%s'"
        scope: heading
        match: $sentence
        threshold: 1
        exceptions: [Berlin]
        indicators: [':']
        prefix: 'Eil: '
    """)
    assert kit.found(HEADING.format("Storm hits Berlin")) == []
    assert kit.found(HEADING.format("Update: Storm hits Berlin")) == []
    assert kit.found(HEADING.format("Eil: storm hits Berlin")) != []  # the first word after the prefix
    assert kit.found(HEADING.format("Eil: Storm hits Berlin")) == []
    assert [f[4] for f in kit.found(HEADING.format("Storm Hits Berlin"))] == ["Storm hits Berlin"]


def test_capitalization_threshold(kit):
    kit.rule("Sentence", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $sentence\n")
    assert kit.found(HEADING.format("Storm hits the city of berlin today Again")) == []  # 7 of 8 words
    assert kit.found(HEADING.format("Storm Hits The City")) != []


@pytest.mark.parametrize("match, good, bad", [("$lower", "eilmeldung", "Eilmeldung"),
                                              ("$upper", "EILMELDUNG", "Eilmeldung"),
                                              ("'^[A-ZÄÖÜ]'", "Eilmeldung", "eilmeldung")])
def test_capitalization_lower_upper_and_pattern(kit, match, good, bad):
    kit.rule("Case", f"extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: {match}\n")
    assert kit.found(HEADING.format(good)) == []
    assert [f[:2] for f in kit.found(HEADING.format(bad))] == [(1, 1)]


# -- what every check type shares ----------------------------------------------------------------

def test_message_placeholders_as_go_fills_them():
    from newslint.styles.checks import format_message

    assert format_message("'%s' statt '%s'", "a", "b") == "'a' statt 'b'"
    assert format_message("%[2]s vor %[1]s, dann %s", "a", "b", "c") == "b vor a, dann b"  # n+1 after [n]
    assert format_message("100%% sicher: %s", "x") == "100% sicher: x"
    assert format_message("%s und %s", "nur eins") == "nur eins und "
