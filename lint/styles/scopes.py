"""What a style rule sees of an article: its scope, cut from the article model.

Rules read the article as a reader does (`Article.readable`: one block a line, Markdown markup
taken out; code spans and blocks, HTML, link targets and front matter other than the title are
not there). A scope gives units — the stretches a rule judges one by one (occurrence counts per
unit, capitalization judges a unit) — each made of one or more spans; a match never runs from one
span into the next.

- `text` (the default): the whole article as one unit, each block a span.
- `heading`: each heading — the headline (`heading.h1`) and the subheadings (`heading.h2`, …).
- `paragraph`: each paragraph; the teaser is one.
- `sentence`: each sentence of every block.
- `summary`: the teaser and the paragraphs, as one unit (no headings).
- `body` (newslint's own): the whole article outside quotations, as one unit: what the newsroom
  wrote itself. A quotation — „…“, »…«, «…» and the other pairs `quote-marks` knows — is left
  out with its marks, whether it holds speech or the title of a book or paper.
- `quote` (newslint's own): the inside of every quotation, as one unit: what others said.
- `raw`: the file as it is on disk, markup and all.
- `list`, `blockquote`, `table.*`, `figure.caption`, `alt`: Vale's HTML scopes, which the article
  model does not have: such a rule sees nothing.

As in Vale, a list of scopes is any of them, `~scope` is everything but that scope, and
`scope & scope` what both hold (`~blockquote & ~heading`). A suffix names a format (`heading.md`:
Markdown articles only, `paragraph.rst`: never, for newslint reads no reStructuredText) or, for
headings, a level.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newslint.article.formats import format_of
from newslint.styles.patterns import SearchedText
from newslint.styles.rule_file import StyleError

KNOWN = ("text", "heading", "paragraph", "sentence", "summary", "body", "quote", "raw")
#: Vale's scopes of HTML elements that the article model does not have
ABSENT = ("list", "blockquote", "table", "figure", "alt")
#: Vale's inline scopes, which Vale itself no longer accepts
RETIRED = ("code", "link", "strong", "emphasis")
_FORMATS = {"md": True, "markdown": True, "txt": False, "rst": None, "adoc": None, "html": None,
            "org": None, "xml": None, "dita": None}  # True: Markdown only, False: any, None: never


class View:
    """A text the rules search (with what is found in it once for all) and the way back to the
    article's offsets (`to_file`, into `article_text`)."""

    def __init__(self, text: str, to_file, article_text: str) -> None:
        self.text = text
        self.to_file = to_file
        self.article_text = article_text
        self.searched = SearchedText(text)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        first = self.to_file(start)
        return first, (self.to_file(end - 1) + 1 if end > start else first)

    def written_as_seen(self, start: int, end: int) -> bool:
        """Whether text[start:end] stands in the article just so: no markup taken out, no line
        break read as a space — so that writing over it writes over what the rule saw."""
        file_start, file_end = self.file_span(start, end)
        return self.article_text[file_start:file_end] == self.text[start:end]


@dataclass(frozen=True)
class Unit:
    """A stretch a rule judges as one: spans (start, end) of a view, in order, not overlapping."""

    view: View
    spans: tuple[tuple[int, int], ...]

    def span_at(self, start: int, end: int) -> bool:
        """Whether [start, end) lies within one span."""
        index = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        return index >= 0 and end <= self.spans[index][1] and start >= self.spans[index][0]


class ArticleView:
    """An article as style rules see it: its views and the units of each scope, made once."""

    def __init__(self, article) -> None:
        self.article = article
        readable = article.readable
        self.doc = View(readable.text, readable.to_file, article.text)
        self._readable = readable
        self._raw: View | None = None
        self._units: dict[str, list[Unit]] = {}
        #: the layouts of the scopes rules have asked for, by scope (see `Scope.layout`)
        self.layouts: dict[str, Layout] = {}
        #: the rules that may find something, by style set (see `newslint.styles.checks.Dispatch`)
        self.dispatched: dict[int, set[int]] = {}

    @property
    def raw(self) -> View:
        if self._raw is None:
            self._raw = View(self.article.text, lambda offset: offset, self.article.text)
        return self._raw

    def units(self, name: str) -> list[Unit]:
        """The units of a plain scope name (see KNOWN)."""
        if name not in self._units:
            self._units[name] = self._make(name)
        return self._units[name]

    def _make(self, name: str) -> list[Unit]:
        blocks = self._readable.blocks
        doc = self.doc
        if name == "text":
            return _one(doc, [(start, end) for _block, start, end in blocks])
        if name.startswith("heading"):
            level = name.partition(".")[2]
            kinds = {"h1": ("headline",), "": ("headline", "subheading")}.get(level, ("subheading",))
            return [Unit(doc, ((start, end),)) for block, start, end in blocks if block.kind in kinds]
        if name == "paragraph":
            return [Unit(doc, ((start, end),)) for block, start, end in blocks
                    if block.kind in ("teaser", "paragraph")]
        if name == "summary":
            return _one(doc, [(start, end) for block, start, end in blocks if block.kind in ("teaser", "paragraph")])
        if name == "sentence":
            to_text = self._readable.from_file
            return [Unit(doc, ((to_text(s.start), to_text(s.end)),)) for s in self.article.sentences]
        if name == "quote":
            return _one(doc, self._quotations(inner=True))
        if name == "body":
            outside = _subtract([(start, end) for _block, start, end in blocks], self._quotations(inner=False))
            return _one(doc, outside)
        if name == "raw":
            return [Unit(self.raw, ((0, len(self.article.text)),))]
        return []

    def _quotations(self, inner: bool) -> list[tuple[int, int]]:
        quotations = [q for q in self.article.quotes.quotations if q.depth == 0]
        spans = [q.inner if inner else (q.start, q.end) for q in quotations]
        if not self._readable.identity:
            to_text = self._readable.from_file
            spans = [(to_text(start), to_text(end)) for start, end in spans]
        return sorted(spans)


class Layout:
    """The units of a scope in an article, laid out for searching: `matches(find, isolated)`."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self._groups = []  # per view: the view, its spans (start, end, unit) in order, their starts
        views: dict[int, list[int]] = {}
        for number, unit in enumerate(units):
            views.setdefault(id(unit.view), []).append(number)
        for numbers in views.values():
            spans = sorted((start, end, number) for number in numbers for start, end in units[number].spans)
            overlapping = any(spans[k + 1][0] < spans[k][1] for k in range(len(spans) - 1))
            self._groups.append((units[numbers[0]].view, spans, [start for start, _e, _n in spans], overlapping))

    def matches(self, find, isolated: bool) -> list[tuple[Unit, list]]:
        """Each unit with the matches `find(view, start, end)` gives in its spans, in order.

        One search covers all units of a view when they do not overlap, and a match is kept when
        it lies within one span; `isolated` searches each span on its own (patterns with anchors)."""
        if len(self.units) == 1 and not isolated and len(self._groups[0][1]) == 1:
            view, ((start, end, _number),), _starts, _overlapping = self._groups[0]
            return [(self.units[0], find(view, start, end))]  # one unit of one span: text, a heading
        found: list[tuple[Unit, list]] = [(unit, []) for unit in self.units]
        for view, spans, starts, overlapping in self._groups:
            if not spans:
                continue
            if isolated or overlapping:
                for start, end, number in spans:
                    found[number][1].extend(find(view, start, end))
                continue
            for match in find(view, spans[0][0], spans[-1][1]):
                k = bisect.bisect_right(starts, match[0]) - 1
                if k >= 0 and match[1] <= spans[k][1]:
                    found[spans[k][2]][1].append(match)
        return found


class Scope:
    """A rule's `scope`, checked when the rule is read: `layout(view)` lays out what the rule sees."""

    def __init__(self, selectors: list[str], where: str) -> None:
        self.text = ", ".join(selectors) or "text"
        self.alternatives = [_parse(selector, where) for selector in (selectors or ["text"])]
        #: whether the rule sees the file as it is (and not only the readable text)
        self.raw = any(name == "raw" for terms in self.alternatives for _negated, name, _fmt in terms)

    def layout(self, view: ArticleView) -> Layout:
        """The units of this scope in the article, made once per article for all rules of the scope."""
        layout = view.layouts.get(self.text)
        if layout is None:
            layout = view.layouts[self.text] = Layout(self.units(view))
        return layout

    def units(self, view: ArticleView) -> list[Unit]:
        markdown = format_of(view.article.path) == "markdown"
        found: list[Unit] = []
        for terms in self.alternatives:
            if any(fmt is None or (fmt and not markdown) for _negated, _name, fmt in terms):
                continue
            positive = [name for negated, name, _fmt in terms if not negated]
            negative = [name for negated, name, _fmt in terms if negated]
            base = view.units(positive[0] if positive else "text")
            if len(positive) == 1 and not negative:
                found += base
                continue
            keep = [_spans(view.units(name)) for name in positive[1:]]
            drop = [span for name in negative for span in _spans(view.units(name))]
            for unit in base:
                spans = list(unit.spans)
                for other in keep:
                    spans = _intersect(spans, other)
                spans = _subtract(spans, sorted(drop))
                if spans:
                    found.append(Unit(unit.view, tuple(spans)))
        return list(dict.fromkeys(found)) if len(self.alternatives) > 1 else found


def _parse(selector: str, where: str) -> list[tuple[bool, str, bool | None]]:
    """A selector's terms: (negated, plain scope name, format: True Markdown only, False any, None never)."""
    terms = []
    for part in selector.split("&"):
        part = part.strip()
        negated = part.startswith("~")
        name, _, suffix = part.lstrip("~").strip().partition(".")
        if name in RETIRED:
            raise StyleError(f"{where}: scope '{name}' is no longer supported (Vale dropped it); use 'raw'")
        if name not in KNOWN and name not in ABSENT:
            raise StyleError(f"{where}: unknown scope '{part}' (scopes: {', '.join(KNOWN + ABSENT)})")
        fmt: bool | None = False
        if suffix in _FORMATS:
            fmt = _FORMATS[suffix]
        elif name == "heading" and suffix:
            name = f"heading.{'h1' if suffix == 'h1' else 'h2'}"
        if name in ABSENT:
            name = "absent"
        terms.append((negated, name, fmt))
    return terms


def _one(view: View, spans: list[tuple[int, int]]) -> list[Unit]:
    spans = [(start, end) for start, end in spans if end > start]
    return [Unit(view, tuple(spans))] if spans else []


def _spans(units: list[Unit]) -> list[tuple[int, int]]:
    return sorted(span for unit in units for span in unit.spans)


def _intersect(spans: list[tuple[int, int]], other: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for start, end in spans:
        for o_start, o_end in other:
            if o_start < end and o_end > start:
                found.append((max(start, o_start), min(end, o_end)))
    return found


def _subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (in order, not overlapping) without what `holes` (sorted) cover, in one pass."""
    if not holes:
        return list(spans)
    found = []
    first = 0  # the first hole that may still reach the spans to come
    for start, end in spans:
        while first < len(holes) and holes[first][1] <= start:
            first += 1
        position = start
        for h_start, h_end in holes[first:]:
            if h_start >= end:
                break
            if h_start > position:
                found.append((position, h_start))
            position = max(position, h_end)
        if position < end:
            found.append((position, end))
    return found
