"""The one exception users see: a transcript that cannot be read."""

from __future__ import annotations

__all__ = ["ReferenceFileError", "TranscriptError"]


class TranscriptError(ValueError):
    """Input that is not a readable SCIO transcript.

    The message always names the source (a file path or the ``source=`` given to
    :func:`briefing.parse`) and, where one applies, the 1-based line number. ``source``, ``line`` and
    ``reason`` (the message without the place) are kept as attributes, and the error survives pickling,
    so one raised in a worker process reaches the caller as itself.
    """

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = str(source)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")

    @property
    def where(self) -> str:
        """The file (or source) and line the error is about: ``"a.txt, line 3"``."""
        return self.source if self.line is None else f"{self.source}, line {self.line}"

    def __reduce__(self):
        # The default rebuilds from self.args (the formatted message alone), which fails: three arguments.
        return (type(self), (self.source, self.reason, self.line))


class ReferenceFileError(TranscriptError):
    """A reference file of official values (:func:`briefing.checks.load_reference`) that cannot be read.

    Missing, a folder, empty, not UTF-8, not CSV, a required column absent or a value that is not a number;
    ``source`` is the file. A :class:`TranscriptError` so that the command line reports it in one line.
    """
