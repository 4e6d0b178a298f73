"""One error type for the whole toolkit, so the CLI can map every failure to a fixed exit code.

Every error carries where it happened (`path:line:col`) because a user fixing a transcription
needs the place, not a traceback. Subclasses name the stage that failed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Location:
    """Where a problem is: a source name (file path or ``<stdin>``) and an optional line/column."""

    source: str = "<input>"
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.source]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class TeiError(Exception):
    """Base of every error the toolkit raises on purpose; anything else is a bug."""

    #: process exit code the CLI uses for this kind of failure
    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        source: str = "<input>",
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = Location(source, line, column)
        self.hint = hint

    def with_source(self, source: str) -> TeiError:
        """Return self with the source name filled in (stages below the CLI do not know it)."""
        self.location.source = source
        return self

    def __str__(self) -> str:
        text = f"{self.location}: error: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


class InputError(TeiError):
    """The input text cannot be read as a telegram (encoding, empty, unbalanced brackets…)."""


class DateError(InputError):
    """A date in the source is impossible or malformed (``31 February 1949``)."""


class AuthorityError(TeiError):
    """An authority file of persons is unreadable or not the expected TEI ``listPerson``."""


class XmlInputError(TeiError):
    """XML given to validate/render is not well-formed, not TEI, or hostile."""


class OutputError(TeiError):
    """An output cannot be written (folder not writable, file exists without ``--force``)."""


class UsageError(TeiError):
    """The command line is wrong; exit code 2 as for every usage error."""

    exit_code = 2
