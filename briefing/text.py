"""Decode and normalise transcript bytes; every character offset in the package indexes this text.

Normalisation is deliberately minimal: UTF-8 decoding, removal of a leading byte-order mark, and
line endings made ``"\\n"``. Nothing else is changed (no-break spaces, trailing spaces and editor
artefacts stay), so a character span can always be shown against the published transcript.
"""

from __future__ import annotations

import os
import re

from .errors import TranscriptError

__all__ = ["decode", "normalise", "read_text", "lower", "lower_pattern", "MAX_BYTES"]

#: Files larger than this are refused: no SCIO transcript comes near it (the longest are ~200 kB).
MAX_BYTES = 200 * 1024 * 1024

# Control characters other than tab, LF, FF and CR do not occur in text transcripts.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(text: str) -> str:
    """``text`` lower-cased with every offset kept: a character that would lower-case to two (a rare
    non-ASCII capital) makes the whole copy fall back to lower-casing ASCII letters only.

    Case-insensitive rules match lower-case patterns against this copy: several times faster than
    ``re.IGNORECASE``, and a match's span indexes the original text.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


_LETTER_OR_ESCAPE = re.compile(r"\\.|\(\?P|[A-Z]", re.DOTALL)


def lower_pattern(pattern: str) -> str:
    """A regular expression that, matched against :func:`lower` text without flags, matches what
    ``pattern`` matches with ``re.IGNORECASE``: letters outside escapes are lower-cased (``[A-Z]``
    becomes ``[a-z]``, ``\\S`` and ``\\Z`` stay as they are)."""
    return _LETTER_OR_ESCAPE.sub(lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), pattern)


def _line_of(data: bytes | str, index: int) -> int:
    return data.count(b"\n" if isinstance(data, bytes) else "\n", 0, index) + 1


def normalise(text: str, source: str = "<string>") -> str:
    """Remove a BOM and make line endings ``\\n``; refuse control characters and empty text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptError(source, "the transcript is empty (no text to read)")
    bad = _CONTROL.search(text)
    if bad is not None:
        raise TranscriptError(
            source,
            f"not a text transcript: control character U+{ord(bad.group()):04X} (is this a binary file?)",
            line=_line_of(text, bad.start()),
        )
    return text


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Decode transcript bytes, with a message naming the source and line on failure.

    UTF-8 (with or without a BOM) is the format; UTF-16 and UTF-32 are decoded too when they start with
    a byte-order mark, which makes them unambiguous. Anything else that is not UTF-8 is refused.
    """
    if not data.strip():
        raise TranscriptError(source, "the file is empty (no text to read)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalise(data[len(bom) :].decode(codec), source)
            except UnicodeDecodeError as exc:
                start = exc.start + len(bom)
                line = data[:start].decode(codec, errors="ignore").count("\n") + 1
                raise TranscriptError(
                    source,
                    f"not valid {codec.upper()} text (it starts with a {codec.upper()} byte-order mark): "
                    f"bytes at offset {start} cannot be decoded (save the transcript as UTF-8)",
                    line=line,
                ) from None
    if b"\x00" in data:
        raise TranscriptError(
            source,
            "not a text transcript: it contains NUL bytes (is this a binary file, or UTF-16 text "
            "without a byte-order mark? save it as UTF-8)",
            line=_line_of(data, data.index(b"\x00")),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TranscriptError(
            source,
            f"not UTF-8 text: byte 0x{data[exc.start]:02X} at offset {exc.start} cannot be decoded "
            "(save the transcript as UTF-8)",
            line=_line_of(data, exc.start),
        ) from None
    return normalise(text, source)


# Byte-order marks that name their encoding; UTF-32-LE's begins with UTF-16-LE's, so it comes first.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a transcript file into normalised text, or raise :class:`TranscriptError`.

    Only a regular file is read (a FIFO, a device or a directory is refused without waiting on it), and
    at most :data:`MAX_BYTES`: the limit is checked against the bytes read, not the size the file reports.
    """
    from .files import read_bytes

    return decode(read_bytes(path, MAX_BYTES), os.fspath(path))
