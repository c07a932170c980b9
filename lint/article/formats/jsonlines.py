"""JSON Lines files (`.jsonl`, `.ndjson`): one article per line, each checked on its own.

A line is a ninjs document (see `newslint.article.formats.ninjs`) or a record of a
content-management export (`headline`, `teaser`, `body`, `date`, `author`, `lang`, `id`, or a
simple record's `title` and `text`: see `newslint.article.formats.records`, which `newslint audit`
reads too). Each record becomes an article of its own whose positions point into its line of the
file. A line that cannot be read (broken JSON, a record without a headline or body) is an error
naming the line (and the record's id), in the place of its article; the other records are read
all the same. A file none of whose lines is a ninjs document or a record (a data set of another
kind) is `NotAnArticle`.
"""

from __future__ import annotations

import datetime as dt

from newslint.article.formats import jsontext, ninjs
from newslint.article.formats.assembly import Assembly
from newslint.article.formats.records import RecordError, is_record, paragraph_spans, record_fields
from newslint.article.frontmatter import FrontMatter
from newslint.article.model import Article
from newslint.engine.source import InputError, NotAnArticle


def parse_each(path: str, text: str, published: dt.date | None = None, lang: str = "de") -> list[Article | InputError]:
    """The article of each line of a JSON Lines file, in order; an InputError naming its line for
    each line that cannot be read."""
    found: list[Article | InputError] = []
    other = 0  # lines of another shape
    position = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, position = position, position + len(line) + 1
        if not line.strip():
            continue
        try:
            found.append(_article(path, text, start, line, published, lang))
        except NotAnArticle as error:
            other += 1
            found.append(InputError(f"line {number}: {error}"))
        except RecordError as error:
            record = f" (id {error.id})" if error.id is not None else ""
            found.append(InputError(f"line {number}{record}: {error}"))
        except InputError as error:
            found.append(InputError(f"line {number}: {error}"))
    if other == len(found):  # also when there is no line at all
        first = f" ({found[0]})" if found else ""
        raise NotAnArticle(f"no line is a ninjs document or a record with a headline and a body{first}")
    return found


def parse(path: str, text: str, published: dt.date | None = None, lang: str = "de") -> Article:
    """The article of a JSON Lines file that holds one; InputError when it holds several."""
    found = parse_each(path, text, published, lang)
    if len(found) > 1:
        raise InputError(f"holds {len(found)} records, one article per line: check them with `newslint check`")
    if isinstance(found[0], InputError):
        raise found[0]
    return found[0]


def _article(path: str, text: str, start: int, line: str, published: dt.date | None, lang: str) -> Article:
    """The article of the line that begins at `start` of the file's `text`."""
    data = jsontext.loads(line, one_line=True)
    if ninjs.is_ninjs(data):
        return ninjs.article(path, text, jsontext.located(text, start), published, lang)
    if not is_record(data):
        raise NotAnArticle("neither a ninjs document nor a record with a headline and a body")
    fields = record_fields(jsontext.located(text, start))
    assembly = Assembly()
    assembly.add("headline", jsontext.placed(text, fields.headline))
    if fields.teaser:
        assembly.add("teaser", jsontext.placed(text, fields.teaser))
    body = jsontext.placed(text, fields.body)
    assembly.add_lines([body.cut(first, last) for first, last in paragraph_spans(body.text)])
    meta = FrontMatter(date=fields.published, lang=fields.lang, author=", ".join(fields.authors) or None)
    return assembly.article(path, text, meta, published, lang)
