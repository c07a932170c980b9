"""Language analysis shared by all rules: German first, English where a rule needs it.

Sentences and words (`segment`), quotation marks and quotations (`quotes`), who said a quotation
(`cues`: the words of attribution; `speakers`: the speaker by German word order;
`attribution`: each quotation's kind and speaker), names (`mentions`: name-like words;
`word_forms`: endings, stems, folding, word frequency; `variants`: spellings of one name that
differ; `house_spellings`: the house list), how far apart two spellings are (`distance`), dates
(`dates`, `calendar_words`), credit lines and datelines (`credits`, `agencies`), the
quotes of an article as a listing (`quote_listing`), and the Unicode classes of Latin script for
the standard library's quicker engine (`latin`).

Takes an article (or a text) and reads it; imports nothing of newslint outside this package,
so rules, reports, services and the CLI can all build on it.
"""
