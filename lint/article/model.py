"""The article model: the file's text, the prose rules see, and its blocks.

An article is read from a `.txt` file (line 1 the headline, line 2 the teaser when present, then a
paragraph per line; short lines without closing punctuation are subheadings) or a `.md` file
(optional YAML front matter, then Markdown). Every block keeps its offsets into the file; `prose`
is the file's text with everything that is not prose blanked, so offsets in it are offsets in the
file. Offsets become lines and columns in one place: `Article.position`. An article read out of a
structured file (JSON, XML) has a `Source`: its text is the article's own (escapes and entities
decoded), and each offset in it has its place in the file, so reports still point into the file. CR, LF and CRLF all end
a line (see `newslint.engine.lines`): the blocks and the prose are read from the text with each lone
CR as LF, which keeps every offset.

The shared analysis (sentences, words, quotations) is computed on first use and kept, so every
rule reuses it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from collections.abc import Sequence
from functools import cached_property
from importlib import import_module
from operator import itemgetter

import regex
from newslint.article import markdown
from newslint.article.formats import BINARY, READERS, format_of
from newslint.article.frontmatter import FrontMatter, parse_front_matter
from newslint.engine.lines import line_starts, with_line_feeds
from newslint.engine.source import DEFAULT_MAX_FILE_SIZE, InputError
from newslint.engine.suppression import directive_lines, syntax_of
from newslint.german.credits import starts_with_dateline

BLOCK_KINDS = ("headline", "teaser", "subheading", "paragraph")

_SUBHEADING_MAX = 160
_CLOSING_PUNCTUATION = ".!?…:;“”\"»«)]'’"
_START = itemgetter(0)  # of a word (see `newslint.german.segment.Span`)
_DATELINE_START = regex.compile(r"[\p{Lu}][\p{L}\p{M}.\-/ ]{0,40}?(?:\s\([^)\n]{1,40}\))?\s[–—-]\s")


@dataclass(frozen=True, slots=True)
class Block:
    """A headline, teaser, subheading or paragraph: `text` is the prose from `start` to `end`."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article read out of a structured file lies in it: the file's `text`, and for each
    character of the article's text, and one past its end, the `offsets` of that character in the
    file (a character written as an escape or entity is placed at its first character). For a
    binary file (.docx) the file's `text` is the text made from it, and `offsets` a range."""

    text: str
    offsets: Sequence[int]


class Article:
    """One article: its text as on disk, the prose rules see, its blocks and metadata."""

    def __init__(
        self,
        path: str,
        text: str,
        prose: str,
        blocks: list[Block],
        meta: FrontMatter,
        published: dt.date | None = None,
        lang: str = "de",
        vocabulary=None,
        source: Source | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.prose = prose
        self.blocks = tuple(blocks)
        self.meta = meta
        #: publication date: the front matter's, else the one the run was given
        self.published = meta.date or published
        #: language: the front matter's, else the configured one
        self.lang = (meta.lang or lang).strip() or "de"
        #: the house vocabulary (the configuration's `vocab`): something with `accepts(term)`, or None
        self.vocabulary = vocabulary
        #: where the article lies in its file when the file is not the article's text (JSON, XML)
        self.source = source
        self._block_sentences: dict[int, tuple] = {}  # block start -> its sentences
        self._block_words: dict[int, tuple] = {}  # block start -> its words
        self._shared: dict = {}

    # -- structure --------------------------------------------------------------------------

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "headline"), None)

    @property
    def teaser(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "teaser"), None)

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "paragraph")

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """The block that holds `offset`, if any."""
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return self.blocks[index]
        return None

    # -- positions --------------------------------------------------------------------------

    @property
    def file_text(self) -> str:
        """The text of the file as on disk: the text reports show and suppression comments are in."""
        return self.source.text if self.source is not None else self.text

    def file_offset(self, offset: int) -> int:
        """Where the character at `offset` of the article's text is in the file."""
        return self.source.offsets[offset] if self.source is not None else offset

    def text_offset(self, offset: int) -> int:
        """Where the character at `offset` of the file is in the article's text: the inverse of
        `file_offset` (a character of an escape or entity is placed at the character it writes;
        an offset in no block, at the first character placed after it)."""
        if self.source is None:
            return offset
        offsets = self.source.offsets
        for block in self.blocks:  # each block is in file order, the blocks need not be
            if offsets[block.start] <= offset <= offsets[block.end]:
                return bisect.bisect_right(offsets, offset, block.start, block.end + 1) - 1
        return next((index for index, placed in enumerate(offsets) if placed >= offset), len(self.text))

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.file_text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of a character offset of the article's text; columns
        count Unicode characters."""
        return self.file_position(self.file_offset(offset))

    def file_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset of the file's text."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    # -- shared analysis --------------------------------------------------------------------

    def accepts(self, term: str) -> bool:
        """Whether the house vocabulary accepts `term`: spelling rules never report it."""
        return self.vocabulary is not None and self.vocabulary.accepts(term)

    def shared(self, key, compute):
        """What several rules of one kind compute once per article (`compute(article)`), kept under `key`."""
        if key not in self._shared:
            self._shared[key] = compute(self)
        return self._shared[key]

    @cached_property
    def readable(self):
        """The blocks as a reader sees them, markup taken out (see `newslint.article.readable`)."""
        from newslint.article.readable import ReadableText

        return ReadableText(self)

    @cached_property
    def sentences(self):
        """Sentences of every block, in order (see `newslint.german.segment`)."""
        return tuple(sentence for block in self.blocks for sentence in self.sentences_in(block))

    def sentences_in(self, block: Block):
        """Sentences of one block, in order (see `newslint.german.segment`): split on first use, so that
        an analysis that needs only some blocks does not split them all."""
        found = self._block_sentences.get(block.start)
        if found is None:
            from newslint.german.segment import split_sentences

            found = tuple(split_sentences(self.prose, block.start, block.end))
            self._block_sentences[block.start] = found
        return found

    @cached_property
    def words(self):
        """Words with their offsets, in order (see `newslint.german.segment`)."""
        found: list = []
        for block in self.blocks:
            found += self.words_in(block)
        return tuple(found)

    def words_in(self, block: Block):
        """Words of one block, in order (see `newslint.german.segment`): found on first use, so that
        an analysis that needs the words around a few places does not find them all."""
        found = self._block_words.get(block.start)
        if found is None:
            from newslint.german.segment import words_between

            found = tuple(words_between(self.prose, block.start, block.end))
            self._block_words[block.start] = found
        return found

    def words_around(self, offset: int, reach: int) -> tuple[Sequence, int]:
        """The words around `offset`, a character of a word of a block, and the index among them of
        the word that holds it: the words of that block, with those of the blocks before and after
        it as far as `reach` (one or more) words from it. That word's neighbours up to `reach`
        words away are those it has among all of the article's `words`, found without finding
        those of every block (only when the next block does not hold enough of them)."""
        number = bisect.bisect_right(self._block_starts, offset) - 1
        found = self.words_in(self.blocks[number])
        index = bisect.bisect_right(found, offset, key=_START) - 1
        missing_before, missing_after = reach - index, reach - (len(found) - 1 - index)
        if missing_before <= 0 and missing_after <= 0:
            return found, index  # most words: all their neighbours in their block
        before = self.words_in(self.blocks[number - 1])[-missing_before:] if missing_before > 0 and number > 0 else ()
        last = len(self.blocks) - 1
        after = self.words_in(self.blocks[number + 1])[:missing_after] if missing_after > 0 and number < last else ()
        if (len(before) < missing_before and number > 1) or (len(after) < missing_after and number + 1 < last):
            words = self.words
            return words, bisect.bisect_right(words, offset, key=_START) - 1
        return [*before, *found, *after], len(before) + index

    @cached_property
    def quotes(self):
        """Quotation marks paired into quotations, and the stray ones (see `newslint.german.quotes`)."""
        from newslint.german.quotes import scan

        return scan(self)

    @cached_property
    def dates(self):
        """Weekdays, dates and relative references with their offsets (see `newslint.german.dates`)."""
        from newslint.german.dates import scan

        return scan(self)

    @cached_property
    def mentions(self):
        """Name-like words with their offsets, in order (see `newslint.german.mentions`)."""
        from newslint.german.mentions import mentions

        return mentions(self)

    @cached_property
    def attributions(self):
        """Each top-level quotation with its kind and speaker (see `newslint.german.attribution`)."""
        from newslint.german.attribution import attribute

        return attribute(self)


def parse(path: str, text: str | bytes, published: dt.date | None = None, lang: str = "de",
          vocabulary=None, kind: str | None = None, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Article:
    """Build the article model of a file's text in its format (see `newslint.article.formats`);
    plain text unless the suffix names another format, or `kind` names the format. A file of a
    binary format (.docx) is given as its bytes, and its reader refuses one that unpacks to more
    than `max_size` bytes.

    `vocabulary`: the house vocabulary, if any (see `Article.accepts`)."""
    kind = kind or format_of(path)
    if kind in BINARY:
        if not isinstance(text, bytes):
            raise InputError(f"a {kind} document is read from its file, not from text")
        article = import_module(READERS[kind]).parse(path, text, published, lang, max_size)
        article.vocabulary = vocabulary
        return article
    if kind == "markdown":
        article = _parse_markdown(path, with_line_feeds(text), published, lang)
    elif kind in READERS:
        article = import_module(READERS[kind]).parse(path, with_line_feeds(text), published, lang)
    else:
        article = _parse_plain(path, with_line_feeds(text), published, lang)
    if article.source is None:
        article.text = text  # as on disk; the prose has LF where the file has a lone CR
    else:
        article.source = Source(text, article.source.offsets)
    article.vocabulary = vocabulary
    return article


def parse_each(path: str, text: str | bytes, published: dt.date | None = None, lang: str = "de",
               vocabulary=None, max_size: int = DEFAULT_MAX_FILE_SIZE) -> list:
    """Every article of a file's text, in order (a list of `Article`): one for most formats, one per
    line for a file of records (JSON Lines), where a record that cannot be read is an `InputError`
    naming its line, in its place. Raises InputError when the file cannot be read at all, and
    NotAnArticle when it holds no article."""
    kind = format_of(path)
    reader = import_module(READERS[kind]) if kind in READERS else None
    if reader is None or not hasattr(reader, "parse_each"):
        return [parse(path, text, published, lang, vocabulary, kind, max_size)]
    found = reader.parse_each(path, with_line_feeds(text), published, lang)
    for article in found:
        if isinstance(article, Article):
            article.source = Source(text, article.source.offsets)
            article.vocabulary = vocabulary
    return found


def _parse_plain(path: str, text: str, published: dt.date | None, lang: str) -> Article:
    """A plain-text article; its suppression directives (`.txt`) are left out of it: no line of
    the article (the headline is the first other line) and blanked in the prose."""
    directives = directive_lines(text) if syntax_of(path) == "plain" else []
    skipped = {start for start, _end in directives}
    lines = []
    position = 0
    for raw in text.split("\n"):
        content = raw.rstrip("\r")
        stripped = content.strip()
        if skipped and position in skipped:
            pass  # a directive: not a line of the article
        elif stripped:
            start = position + (len(content) - len(content.lstrip()))
            lines.append((start, start + len(stripped), stripped))
        else:
            lines.append(None)
        position += len(raw) + 1

    prose = markdown.blank(text, directives) if directives else text
    return Article(path, text, prose, line_blocks(lines), FrontMatter(), published, lang)


def line_blocks(lines: list[tuple[int, int, str] | None], marked: Sequence[str | None] = ()) -> list[Block]:
    """The blocks of an article read a line at a time, as a `.txt` file is: `lines` holds each line's
    (start, end, text), None for a blank line. The first line is the headline, line 2 the teaser
    when it is prose and not the body's dateline, a short line without closing punctuation that
    prose follows a subheading, every other line a paragraph.

    `marked`: for a format that marks its headings (.docx), the kind each line is marked as
    ("headline", "subheading", "teaser") or None. The first line marked as headline is then the
    headline when the lines above it are short and without closing punctuation, as a kicker is
    (they are subheadings); the line below the headline is the teaser when marked so or when it is
    prose as above, and any other marked line a subheading.
    """
    last = max((number for number, line in enumerate(lines) if line is not None), default=-1)
    headline, teaser = -1, 1  # unmarked: the first line is the headline
    if marked:
        first = next((number for number, line in enumerate(lines) if line is not None), -1)
        headline = next((number for number, kind in enumerate(marked) if kind == "headline"), first)
        if any(line is not None and not is_subheading(line[2]) for line in lines[first:headline]):
            headline = first  # prose above the marked headline: the headline is the first line
        teaser = headline + 1
    blocks: list[Block] = []
    for number, line in enumerate(lines):
        if line is None:
            continue
        start, end, content = line
        if number < headline:  # above the marked headline: a kicker
            kind = "subheading"
        elif number == headline or not blocks:
            kind = "headline"
        elif marked and marked[number] is not None:
            kind = "teaser" if number == teaser and marked[number] == "teaser" else "subheading"
        elif number == teaser and _is_teaser(content, number < last):
            kind = "teaser"
        elif is_subheading(content) and number < last:  # prose follows
            kind = "subheading"
        else:
            kind = "paragraph"
        blocks.append(Block(kind, start, end, content))
    return blocks


def _is_teaser(content: str, body_follows: bool) -> bool:
    """The line under the headline is the teaser when it is prose, not the body's dateline, and the
    body follows."""
    return (
        body_follows
        and not is_subheading(content)
        and not _DATELINE_START.match(content)
        and not starts_with_dateline(content)
    )


def is_subheading(content: str) -> bool:
    """Whether a line of prose is a subheading: short, without closing punctuation."""
    return len(content) <= _SUBHEADING_MAX and content[-1] not in _CLOSING_PUNCTUATION


def _parse_markdown(path: str, text: str, published: dt.date | None, lang: str) -> Article:
    meta = parse_front_matter(text)
    blanks = [(0, meta.end)] if meta.end else []
    blocks: list[Block] = []
    for field in ("title", "teaser"):
        span = meta.spans.get(field)
        if span:
            blanks = _except(blanks, span)
            kind = "headline" if field == "title" else "teaser"
            blocks.append(Block(kind, span[0], span[1], text[span[0] : span[1]]))
    body_blanks, body_blocks = markdown.parse_body(text, meta.end)
    prose = markdown.blank(text, blanks + body_blanks)
    has_title = meta.title is not None
    for number, (kind, start, end) in enumerate(body_blocks):
        content = prose[start:end]
        stripped = content.strip()
        if not stripped:
            continue
        start += len(content) - len(content.lstrip())
        end = start + len(stripped)
        if kind == "heading1":
            kind = "headline" if number == 0 and not has_title else "subheading"
        blocks.append(Block(kind, start, end, stripped))
    blocks.sort(key=lambda block: block.start)
    return Article(path, text, prose, blocks, meta, published, lang)


def _except(ranges: list[tuple[int, int]], keep: tuple[int, int]) -> list[tuple[int, int]]:
    """`ranges` with the span `keep` cut out of them."""
    result = []
    for start, end in ranges:
        if end <= keep[0] or start >= keep[1]:
            result.append((start, end))
            continue
        if start < keep[0]:
            result.append((start, keep[0]))
        if end > keep[1]:
            result.append((keep[1], end))
    return result
