"""The one exception users see: a transcript that cannot be read."""

from __future__ import annotations

__all__ = ["ReferenceFileError", "TranscriptError"]


class TranscriptError(ValueError):
    """Input that is not a readable SCIO transcript.

    The message always names the source (a file path or the ``source=`` given to
    :func:`briefing.parse`) and, where one applies, the 1-based line number.
    """

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = str(source)
        self.line = line
        self.reason = message
        where = self.source if line is None else f"{self.source}, line {line}"
        super().__init__(f"{where}: {message}")


class ReferenceFileError(TranscriptError):
    """A reference file of official values (:func:`briefing.checks.load_reference`) that cannot be read.

    Missing, a folder, empty, not UTF-8, not CSV, a required column absent or a value that is not a number;
    ``source`` is the file. A :class:`TranscriptError` so that the command line reports it in one line.
    """
