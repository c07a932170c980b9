"""The article model and its readers: plain text, Markdown and front matter, and the newsroom
formats in `formats` (HTML; Word documents, given as the file's bytes).

`model.parse(path, text, published, lang)` turns a file's text into an `Article`: its blocks
(headline, teaser, subheadings, paragraphs) with offsets into the text as it is on disk, the
prose the rules read, and the shared analysis computed once on first use (sentences, words,
quotes, dates, name mentions, attributions), which the article asks of `newslint.german`.

May import: `newslint.engine.source` (input errors) and `newslint.german` (the analysis).
"""
