"""Vocabularies as in Vale: accepted terms are exceptions everywhere, rejected terms always reported."""

from style_kit import kit  # noqa: F401 (a fixture)

TEXT = "Titel\nDie Kyjiw-Frage: Kyjiw, Kiew und Schwarzafrika.\n"
RULE = "extends: existence\nmessage: '%s'\ntokens: [Kyjiw, Kiew]\n"


def test_accepted_terms_are_exceptions_of_every_rule(kit):
    kit.rule("Names", RULE)
    kit.vocab("House", accept="Kyjiw\n")
    kit.config('styles = ["T"]\nselect = ["T"]\n')
    assert kit.spans(TEXT) == ["Kyjiw", "Kyjiw", "Kiew"]
    kit.config('styles = ["T"]\nselect = ["T"]\nvocab = ["House"]\n')
    assert kit.spans(TEXT) == ["Kiew"]


def test_vocab_false_keeps_a_rule_from_the_vocabulary(kit):
    kit.rule("Names", RULE + "vocab: false\n")
    kit.vocab("House", accept="Kyjiw\n")
    kit.config('styles = ["T"]\nselect = ["T"]\nvocab = ["House"]\n')
    assert kit.spans(TEXT) == ["Kyjiw", "Kyjiw", "Kiew"]


def test_accepted_entries_are_case_sensitive_patterns_unless_marked(kit):
    kit.rule("Names", "extends: existence\nmessage: '%s'\nignorecase: true\ntokens: [kyjiw, kiew]\n")
    kit.vocab("House", accept="kyjiw\n(?i)KIEW\n")
    kit.config('styles = ["T"]\nselect = ["T"]\nvocab = ["House"]\n')
    assert kit.spans(TEXT) == ["Kyjiw", "Kyjiw"]


def test_rejected_terms_are_always_reported_by_vale_avoid(kit):
    kit.rule("Names", RULE)
    kit.vocab("House", reject="Schwarzafrika\n# a comment\n\nDritte Welt\n")
    kit.config('styles = ["T"]\nvocab = ["House"]\nselect = ["Vale.Avoid"]\n')
    assert kit.found(TEXT) == [(2, 34, "Vale.Avoid", "Avoid using 'Schwarzafrika'.", None)]
    result, _engine = kit.check(TEXT)
    assert [d.severity for d in result.diagnostics] == ["error"]


def test_vale_terms_with_the_vale_style(kit):
    kit.vocab("House", accept="MongoDB\n[Oo]bservability\n")
    kit.config('styles = ["Vale"]\nvocab = ["House"]\nselect = ["Vale.Terms"]\n')
    found = kit.found("Titel\nMongoDB, Mongodb und mongodb.\n")
    assert [(f[1], f[3], f[4]) for f in found] == [(10, "Use 'MongoDB' instead of 'Mongodb'.", "MongoDB"),
                                                   (22, "Use 'MongoDB' instead of 'mongodb'.", "MongoDB")]


def test_the_old_vocab_folder_works_too(kit):
    folder = kit.styles / "Vocab" / "Old"
    folder.mkdir(parents=True)
    (folder / "reject.txt").write_text("Kiew\n", encoding="utf-8")
    kit.config('vocab = ["Old"]\nselect = ["Vale"]\n')
    assert [f[2] for f in kit.found(TEXT)] == ["Vale.Avoid"]


def test_a_catastrophic_accepted_pattern_is_stopped_with_a_clear_error():
    import time

    import pytest
    from newslint.engine.finding import RuleError
    from newslint.styles.vocabulary import ACCEPT_SECONDS, Vocabulary

    vocabulary = Vocabulary(["(a|aa)+!b"], [], {})
    started = time.monotonic()
    with pytest.raises(RuleError, match=r"vocabulary: accept.txt: a pattern took longer than 1 s on 'aaaa"):
        vocabulary.accepts("a" * 60 + "!")
    assert time.monotonic() - started < ACCEPT_SECONDS + 5
    assert vocabulary.accepts("aa!b") and not vocabulary.accepts("aab")
