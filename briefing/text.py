"""Decode and normalise transcript bytes; every character offset in the package indexes this text.

Normalisation is deliberately minimal: UTF-8 decoding, removal of a leading byte-order mark, and
line endings made ``"\\n"``. Nothing else is changed (no-break spaces, trailing spaces and editor
artefacts stay), so a character span can always be shown against the published transcript.

The rules do not read that text directly but :func:`fold` of it: a copy of the same length in which
look-alike characters (full-width digits and signs, U+2212 MINUS SIGN, no-break and other spaces) are
replaced, one for one, by the ASCII characters they stand for, so every offset found in the copy indexes
the text as given.
"""

from __future__ import annotations

import os
import re

from .errors import TranscriptError

__all__ = ["decode", "normalise", "read_text", "fold", "LOOKALIKES", "lower", "lower_pattern", "MAX_BYTES"]

#: Files larger than this are refused: no SCIO transcript comes near it (the longest are ~200 kB).
MAX_BYTES = 200 * 1024 * 1024

# Control characters other than tab, LF, FF and CR do not occur in text transcripts; nor does half of a
# UTF-16 surrogate pair on its own (a str can hold one, UTF-8 cannot). One scan finds either.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")

#: Look-alike characters and the ASCII character each stands for, one for one (so offsets are kept).
#: NFKC would not do: it is not length-preserving ("\u2474" becomes "(2)") and leaves U+2212 alone.
LOOKALIKES: dict[str, str] = {
    # full-width forms of printable ASCII, U+FF01-U+FF5E: digits "\uff10"-"\uff19", "\uff05" (%),
    # "\uff0b" (+), "\uff0d" (-), "\uff0e" (.), "\uff0c" (,), "\uff1a" (:), letters, brackets
    **{chr(0xFF01 + i): chr(0x21 + i) for i in range(0x5E)},
    "\u2212": "-",  # MINUS SIGN
    "\u2010": "-",  # HYPHEN
    "\u2011": "-",  # NON-BREAKING HYPHEN
    "\ufe63": "-",  # SMALL HYPHEN-MINUS
    "\ufe6a": "%",  # SMALL PERCENT SIGN
    "\u00a0": " ",  # NO-BREAK SPACE
    **{chr(c): " " for c in range(0x2000, 0x200B)},  # EN QUAD ... HAIR SPACE (incl. THIN SPACE U+2009)
    "\u202f": " ",  # NARROW NO-BREAK SPACE
    "\u205f": " ",  # MEDIUM MATHEMATICAL SPACE
    "\u3000": " ",  # IDEOGRAPHIC SPACE
}
_LOOKALIKE = re.compile("[" + "".join(sorted(LOOKALIKES)) + "]")


def _stands_for(m: re.Match[str]) -> str:
    return LOOKALIKES[m[0]]


def fold(text: str) -> str:
    """``text`` with every character of :data:`LOOKALIKES` replaced by the one it stands for: same
    length, same offsets. The rules match against this copy; spans index ``text``.

    ASCII text is returned as it is, and so is text without look-alikes (one scan)."""
    return text if text.isascii() else _LOOKALIKE.sub(_stands_for, text)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(text: str) -> str:
    """``text`` lower-cased with every offset kept: a character that would lower-case to two (a rare
    non-ASCII capital) makes the whole copy fall back to lower-casing ASCII letters only.

    Case-insensitive rules match lower-case patterns against this copy: several times faster than
    ``re.IGNORECASE``, and a match's span indexes the original text.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


# What keeps its case: an escape (a named character "\\N{...}" whole), a group name where it is
# defined or used ("(?P<Num>", "(?P=Num)", "(?(Num)"), inline flags ("(?L)"); else one capital letter.
_LETTER_OR_ESCAPE = re.compile(
    r"\\N\{[^}]*\}|\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?\(\w+\)|\(\?[aiLmsux-]+[:)]|[A-Z]", re.DOTALL
)


def lower_pattern(pattern: str) -> str:
    """A regular expression that, matched against :func:`lower` text without flags, matches what
    ``pattern`` matches with ``re.IGNORECASE``: letters outside escapes are lower-cased (``[A-Z]``
    becomes ``[a-z]``, ``\\S`` and ``\\Z`` stay as they are); group names keep their case."""
    return _LETTER_OR_ESCAPE.sub(lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), pattern)


def _line_of(data: bytes | str, index: int) -> int:
    if isinstance(data, bytes):
        return data.count(b"\n", 0, index) + 1
    return data.count("\n", 0, index) + 1


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
        c = ord(bad.group())
        raise TranscriptError(
            source,
            f"not valid text: a lone surrogate U+{c:04X} (half of a UTF-16 pair)"
            if c >= 0xD800
            else f"not a text transcript: control character U+{c:04X} (is this a binary file?)",
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
