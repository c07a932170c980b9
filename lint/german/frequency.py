"""Word frequencies from `wordfreq`, looked up without loading a whole word list into memory.

`wordfreq` builds a dictionary of every word of a language (634,000 for German) on its first
lookup, which takes half a second in every process. Here the list is turned once into an index,
an SQLite file under the user's cache directory (`$XDG_CACHE_HOME/newslint`, else
`~/.cache/newslint`), named after the word list it came from and the wordfreq version, so
environments with the same list share it; building it takes a few seconds, once, and after that
a lookup reads one row. Which index belongs to the installed list is remembered beside it (a
small `.name` file), so that a process does not hash the list again. The values are
`wordfreq.zipf_frequency`'s own: each frequency band of the list is rated by wordfreq itself.
Words that wordfreq would split or transliterate, anything but plain Latin letters, are asked of
wordfreq directly, and so is everything when the index cannot be built.

The German index also holds the common words by their deletions (each word with one letter left
out, wherever it stands), so that `neighbours` finds the common words one typing slip from a
spelling with a few keys instead of the hundreds of spellings one slip away (as in SymSpell).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
import unicodedata
from functools import lru_cache

import regex

#: words that wordfreq's tokenizer keeps whole, after normalising and case folding
_SIMPLE = regex.compile(r"[a-zà-öø-ňŊ-ž]+")  # Latin letters with accents, not ŉ or ſ
_FORMAT = "4"  # raise when the index's content changes

_indexes: dict[str, tuple[int, sqlite3.Connection | None]] = {}  # lang: (process id, index)


def indexed(word: str) -> bool:
    """Whether the index answers for `word` (plain Latin letters); others need all of wordfreq."""
    return _SIMPLE.fullmatch(unicodedata.normalize("NFC", word).casefold()) is not None


def zipf(word: str, lang: str = "de") -> float:
    """`wordfreq.zipf_frequency(word, lang)`, from the index when the word is plain letters."""
    token = unicodedata.normalize("NFC", word).casefold()
    index = _index(lang) if _SIMPLE.fullmatch(token) else None
    if index is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang)
    row = index.execute("SELECT zipf FROM words WHERE word = ?", (token,)).fetchone()
    return row[0] if row else 0.0


def zipfs(words, lang: str = "de") -> dict[str, float]:
    """The Zipf values of many words at once, each word that the data know with its value: one
    query of the index for all plain words (a few hundred cost about as much as a few single
    lookups)."""
    if isinstance(words, Tokens):
        return _token_zipfs(words, lang)
    words_of: dict[str, list[str]] = {}  # each token (normalised and case-folded): its words
    for word in words:
        words_of.setdefault(unicodedata.normalize("NFC", word).casefold(), []).append(word)
    plain = [token for token in words_of if _SIMPLE.fullmatch(token)]
    index = _index(lang) if plain else None
    if index is None:
        plain = []
    found: dict[str, float] = {}
    for token, value in _rows_of(index, "SELECT word, zipf FROM words WHERE word IN", plain):
        found.update(dict.fromkeys(words_of[token], value))
    for token in words_of.keys() - set(plain):
        value = zipf(token, lang)
        if value:
            found.update(dict.fromkeys(words_of[token], value))
    return found


def _token_zipfs(words: Tokens, lang: str) -> dict[str, float]:
    """`zipfs` of words in plain lower-case letters, which are looked up as they are, but for
    „ß“, folded to „ss“ (the many spellings a typo may stand for, the stretches of a word)."""
    sharp = [word for word in words if "ß" in word]
    tokens = words.difference(sharp).union(word.replace("ß", "ss") for word in sharp) if sharp else words
    index = _index(lang) if tokens else None
    if index is None:
        return {word: value for word in words if (value := zipf(word, lang))}
    found = dict(_rows_of(index, "SELECT word, zipf FROM words WHERE word IN", list(tokens)))
    if sharp:
        folded = {word: found[word.replace("ß", "ss")] for word in sharp if word.replace("ß", "ss") in found}
        found = {word: value for word, value in found.items() if word in words}
        found.update(folded)
    return found


#: the common words indexed by their deletions (`neighbours`): of these languages, this common
#: (Zipf scale), of this many letters at least
NEIGHBOURED = ("de",)
NEIGHBOUR_ZIPF = 3.0
NEIGHBOUR_LENGTH = 4


def neighbours(keys, lang: str = "de") -> list[tuple[str, str, float]] | None:
    """The common words (`NEIGHBOUR_ZIPF`, `NEIGHBOUR_LENGTH`) that are a key or a key with one
    letter left out, as (key, word, Zipf value), for keys in plain lower-case letters, folded
    („ß“ as „ss“). Asked with a spelling and its deletions (`deletions`), they are every common
    word one edit from the spelling — a letter added, left out, changed, or two swapped — and a
    few two edits away. None when the index cannot answer (wordfreq then must)."""
    index = _index(lang) if lang in NEIGHBOURED else None
    if index is None:
        return None
    return list(_rows_of(index, "SELECT key, word, zipf FROM neighbours WHERE key IN", list(keys)))


def deletions(word: str) -> set[str]:
    """`word` and the spellings with one of its letters left out."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


#: words asked of the index in one query (SQLite allows 999 parameters in its oldest versions)
_BATCH = 900


def _rows_of(index: sqlite3.Connection, query: str, keys: list[str]):
    """The rows a query ending in „IN“ gives for all `keys`, asked `_BATCH` keys at a time."""
    for start in range(0, len(keys), _BATCH):
        batch = keys[start : start + _BATCH]
        yield from index.execute(f"{query} ({','.join('?' * len(batch))})", batch)


class Tokens(frozenset):
    """Words in plain lower-case German letters, composed, which `zipfs` looks up without
    normalising each (the many spellings a typo may stand for)."""


def index_directory() -> str:
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "newslint")


def _index(lang: str) -> sqlite3.Connection | None:
    """The open index of a language, built on first use; None when there is none."""
    pid, index = _indexes.get(lang, (None, None))
    if pid != os.getpid():  # not opened yet, or opened before a fork: open afresh
        index = _open(lang)
        _indexes[lang] = (os.getpid(), index)
    return index


def _open(lang: str) -> sqlite3.Connection | None:
    name = _index_name(lang)
    if name is None:
        return None
    path = os.path.join(index_directory(), name)
    try:
        if not os.path.exists(path):
            _build(path, lang)
        # read only, so threads may share it (an audit may run the rules in threads); immutable,
        # so that a lookup takes no file lock: an index is written whole under a new name and
        # renamed into place (see `_build`), and a file of that name never changes after
        index = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        index.execute("SELECT zipf FROM words LIMIT 1").fetchall()  # a damaged file fails here
        return index
    except (OSError, sqlite3.Error):
        return None  # wordfreq itself answers


@lru_cache(maxsize=None)
def _index_name(lang: str) -> str | None:
    """The file name of a language's index: after the content of its word list, the wordfreq
    version and the index format, so that environments with the same list share it. Worked out
    once per process; workers forked from it inherit the answer.

    Hashing the list (3.6 MB for German) takes 7–10 ms, which every process would pay: the name
    is kept beside the index in a small file named after the list's place, size, change time and
    inode and the wordfreq version (see `_remembered_name`), and the list is hashed again only
    when one of those has changed."""
    source = _word_list(lang)
    if source is None:
        return None
    try:
        signature = os.stat(source)
        version = _wordfreq_version(source)
    except (OSError, ImportError):  # ImportError: wordfreq without its metadata
        return None
    remembered = _remembered_name(lang, source, signature, version)
    try:
        with open(remembered, encoding="utf-8") as handle:
            name = handle.read()
        if _is_index_name(name, lang):
            return name
    except (OSError, UnicodeError):
        pass
    try:
        with open(source, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256")
    except OSError:
        return None
    digest.update(f"|{version}|{_FORMAT}".encode())
    name = f"wordfreq-{lang}-{digest.hexdigest()[:16]}.sqlite"
    if time.time() - signature.st_mtime >= _TRUSTED_AFTER:  # a list changed just now may change again
        _remember(remembered, name)
    return name


#: seconds after its last change from which a word list's signature is trusted to stand for its content
_TRUSTED_AFTER = 2.0


def _remembered_name(lang: str, source: str, signature: os.stat_result, version: str) -> str:
    """Where the index name of a word list with this place, signature and wordfreq version is kept."""
    key = f"{source}|{signature.st_size}|{signature.st_mtime_ns}|{signature.st_ino}|{version}|{_FORMAT}"
    return os.path.join(index_directory(), f"wordfreq-{lang}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.name")


def _is_index_name(name: str, lang: str) -> bool:
    prefix = f"wordfreq-{lang}-"
    digest = name[len(prefix) : -len(".sqlite")]
    return (name.startswith(prefix) and name.endswith(".sqlite") and len(digest) == 16
            and all(c in "0123456789abcdef" for c in digest))


def _remember(path: str, name: str) -> None:
    """Write the index name to `path`, whole or not at all; a cache that cannot be written is no error."""
    partial = f"{path}.{os.getpid()}.partial"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(name)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(partial)


def _wordfreq_version(word_list: str) -> str:
    """wordfreq's version, read from the name of its `.dist-info` folder beside the package
    (importing `importlib.metadata` to ask would take longer than checking 50 articles)."""
    site = os.path.dirname(os.path.dirname(os.path.dirname(word_list)))  # …/wordfreq/data/x.gz
    try:
        found = [name[len("wordfreq-") : -len(".dist-info")] for name in os.listdir(site)
                 if name.startswith("wordfreq-") and name.endswith(".dist-info")]
    except OSError:
        found = []
    if len(found) == 1:
        return found[0]
    from importlib.metadata import version  # another layout: ask the slow way

    return version("wordfreq")


def _word_list(lang: str) -> str | None:
    """The word list file wordfreq reads for a language, found without importing wordfreq
    (its import alone takes a tenth of a second)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    data = os.path.join(os.path.dirname(spec.origin), "data")
    lists = [os.path.join(data, f"{size}_{lang}.msgpack.gz") for size in ("large", "small")]
    return next((path for path in lists if os.path.exists(path)), None)


def _build(path: str, lang: str) -> None:
    """Write the index of a language's list: each plain word with its Zipf value; and, for the
    languages of `NEIGHBOURED`, each common word under each of its `deletions`.

    A word in two bands takes the later one, as in wordfreq's own dictionary.
    """
    import wordfreq
    from wordfreq.tokens import lossy_tokenize

    band_of: dict[str, int] = {}
    for number, band in enumerate(wordfreq.get_frequency_list(lang)):
        band_of.update(dict.fromkeys(band, number))
    words_of: dict[int, list[str]] = {}
    for word, number in band_of.items():
        words_of.setdefault(number, []).append(word)
    value_of = {}  # band number: the Zipf value wordfreq gives its plain words
    for number, words in words_of.items():
        sample = next(
            (word for word in words if _SIMPLE.fullmatch(word) and lossy_tokenize(word, lang) == [word]),
            None,
        )
        if sample is not None:
            value_of[number] = wordfreq.zipf_frequency(sample, lang)
    rows = sorted((word, value_of[number]) for word, number in band_of.items() if number in value_of)
    common = []  # the words `neighbours` finds, in the languages it serves
    if lang in NEIGHBOURED:
        common = [(word, value) for word, value in rows if value >= NEIGHBOUR_ZIPF and len(word) >= NEIGHBOUR_LENGTH]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.partial"
    try:
        with sqlite3.connect(partial) as connection:
            connection.execute("PRAGMA journal_mode = OFF")  # a new file, renamed when complete
            connection.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID")
            connection.executemany("INSERT INTO words VALUES (?, ?)", rows)
            connection.execute("CREATE TABLE neighbours (key TEXT, word TEXT, zipf REAL, PRIMARY KEY (key, word))"
                               " WITHOUT ROWID")
            connection.executemany("INSERT OR IGNORE INTO neighbours VALUES (?, ?, ?)",
                                   sorted((key, word, value) for word, value in common for key in deletions(word)))
        connection.close()
        os.replace(partial, path)  # whole or not at all, also when two processes build at once
    finally:
        if os.path.exists(partial):
            os.remove(partial)
