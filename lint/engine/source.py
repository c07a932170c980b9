"""Reading article files from disk: bytes to text, with a clear word for every kind of bad input."""

from __future__ import annotations

import os
import stat

from newslint.engine.lines import LINE_END_BYTES

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class InputError(Exception):
    """An article that cannot be checked; the message says why, without the path."""


class NotAnArticle(InputError):
    """A file of an article format's type that holds no article (a `package.json`, a page without
    a headline or paragraph): an error when it is named, passed over when a directory's walk found it."""


def read_file(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read an article file as text, or raise InputError saying what is wrong with it."""
    return decode(read_bytes(path, max_size), max_size)


def read_bytes(path: str, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """An article file's bytes, or InputError saying why they cannot be read.

    Only a regular file is read: a named pipe, socket or device is refused without waiting on it
    (it is opened without blocking, then looked at)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(reason(error)) from None
    with open(descriptor, "rb", closefd=True) as handle:
        try:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"not a regular file ({file_kind(info.st_mode)}); newslint reads article files")
            size = info.st_size
            if size > max_size:
                raise InputError(
                    f"file is {megabytes(size)}, larger than the limit of {megabytes(max_size)} "
                    "(set max-file-size in the configuration to raise it)"
                )
            # read what stat promised (a buffer of max_size would cost more than the read),
            # and the rest when the file grew meanwhile
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_size + 1 - len(data))
        except OSError as error:
            raise InputError(reason(error)) from None
    return data


def reason(error: OSError) -> str:
    """What an operating-system error says, as newslint's messages say it: "permission denied"."""
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "a special file"


def decode(data: bytes, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Decode an article's bytes as UTF-8 (a byte-order mark is dropped)."""
    within_limit(data, max_size)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(_not_utf8(data, error)) from None
    if not text.strip():
        raise InputError("empty file, no article to check")
    return text


def within_limit(data: bytes, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of an input read up to one byte past the limit (standard input), or InputError
    when they are over it."""
    if len(data) > max_size:
        raise InputError(f"input is larger than the limit of {megabytes(max_size)}")
    return data


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    line = len(LINE_END_BYTES.findall(data, 0, error.start)) + 1
    byte = data[error.start]
    guess = _guess_encoding(data)
    message = f"not valid UTF-8 (byte 0x{byte:02X} on line {line})"
    if guess:
        message += f"; it looks like {guess}, convert it with: iconv -f {guess} -t UTF-8"
    return message


def _guess_encoding(data: bytes) -> str | None:
    """Name the legacy encoding a German text most likely uses, if one fits."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return "ISO-8859-1" if _mostly_printable(data.decode("latin-1")) else None
    if any(ch in text for ch in "€‚„…‘’“”–—"):
        return "WINDOWS-1252"
    return "ISO-8859-1" if _mostly_printable(text) else None


def _mostly_printable(text: str) -> bool:
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return printable >= 0.95 * len(text)


def megabytes(size: int) -> str:
    if size < 1024 * 1024:  # a small configured limit: "0.0 MB" would say nothing
        return f"{size} bytes"
    return f"{size / (1024 * 1024):.1f} MB"
