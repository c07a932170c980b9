"""The article formats newslint reads, and the file suffixes of each: the one list the CLI, the
directory walk and the readers ask.

`.txt` and `.md` are read by `newslint.article.model`; every other format has a reader module here
(named in READERS) with `parse(path, text, published, lang) -> Article`; a reader of a format
that holds several articles (JSON Lines) also has `parse_each(path, text, published, lang)`, the
list of its articles with an `InputError` in the place of each one that cannot be read. A reader of a structured
format (JSON, XML) gives its article a `newslint.article.model.Source`, so that positions point into
the file while the rules read the decoded text. The files of a BINARY format (.docx) are not text:
the engine hands their reader the file's bytes, `parse(path, data, published, lang, max_size)`,
and the reader makes the text that the rules read and reports show.
"""

from __future__ import annotations

#: format name -> the suffixes (lower case) of its files
FORMATS: dict[str, tuple[str, ...]] = {
    "plain": (".txt",),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "xml": (".xml", ".nitf"),
    "ninjs": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "docx": (".docx",),
}

#: format name -> the module of its reader, for the formats not read by `newslint.article.model`
READERS: dict[str, str] = {
    "html": "newslint.article.formats.html",
    "xml": "newslint.article.formats.news_xml",
    "ninjs": "newslint.article.formats.ninjs",
    "jsonl": "newslint.article.formats.jsonlines",
    "docx": "newslint.article.formats.docx",
}

#: the formats whose files are as often data as articles (a `package.json`, a report): a directory's
#: walk passes over such a file when it holds no article, so a report or baseline may be one
DATA_FORMATS: tuple[str, ...] = ("ninjs", "jsonl")

#: the formats whose files are bytes, not text: their reader gets the bytes and makes the text
BINARY: frozenset[str] = frozenset({"docx"})

#: every suffix of an article file
SUFFIXES: tuple[str, ...] = tuple(suffix for suffixes in FORMATS.values() for suffix in suffixes)


def format_of(path: str) -> str | None:
    """The format of the file at `path` by its suffix (any case), or None for an unknown one."""
    lowered = path.lower()
    return next((name for name, suffixes in FORMATS.items() if lowered.endswith(suffixes)), None)


def is_binary(path: str) -> bool:
    """Whether the file at `path` is of a BINARY format (read as bytes, never written)."""
    return format_of(path) in BINARY


def unknown_format(path: str) -> str | None:
    """Why the file at `path`, given by name, cannot be read as an article: its suffix names no
    format; None when it does, or when it has no suffix (read as plain text)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    suffix = name[name.rfind("."):] if "." in name.lstrip(".") else ""
    if not suffix or format_of(name):
        return None
    known = ", ".join("*" + s for s in SUFFIXES)
    return f"unknown file type {suffix!r}: newslint reads {known}"
