"""One error type for the whole toolkit, so the CLI can map every failure to a fixed exit code.

Every error carries where it happened (`path:line:col`) because a user fixing a transcription
needs the place, not a traceback. Subclasses name the stage that failed.
"""

from __future__ import annotations

from dataclasses import dataclass

#: exit codes, one per kind of outcome, the same for every command
EXIT_OK = 0
EXIT_FAILED = 1  # a file failed, is invalid, or warned under --strict
EXIT_USAGE = 2  # the command line is wrong, or the machine lacks what it needs
EXIT_INTERNAL = 3  # a bug in telegram-tei


def escape_text(text: str) -> str:
    """``text`` with every character that could forge or hide part of a message shown escaped.

    A file name may hold a newline (which would print a second, forged message line), ESC
    (which drives the terminal), bidi overrides that reorder what is shown, zero-width
    characters, or bytes that are not UTF-8 (kept by Python as lone surrogates, which cannot be
    printed). Each is shown as a Python escape: ``\\n``, ``\\x1b``, ``\\u202e``; a byte
    that is not UTF-8 as ``\\xff``. Everything printable is kept as it is.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else _escaped(c) for c in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def format_message(
    source: str,
    line: int | None,
    column: int | None,
    level: str,
    message: str,
    hint: str | None = None,
) -> str:
    """The one form of every message: ``path[:line[:col]]: level: what is wrong — what to do``,
    on one line, with anything in it that is not printable shown escaped."""
    where = source
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    text = f"{where}: {level}: {message}"
    if hint:
        text += f" — {hint}"
    return escape_text(text)


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
    exit_code = EXIT_FAILED

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
        where = self.location
        return format_message(
            where.source, where.line, where.column, "error", self.message, self.hint
        )


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

    exit_code = EXIT_USAGE


class InternalError(TeiError):
    """A bug in telegram-tei (an unexpected exception, or an output that fails its own check)."""

    exit_code = EXIT_INTERNAL
