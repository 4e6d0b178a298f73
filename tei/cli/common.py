"""Options and plumbing every command shares: error handling, --debug, authority files."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from tei.errors import TeiError, UsageError
from tei.io.files import InputFile

T = TypeVar("T")

#: exit code for a bug in telegram-tei itself (an exception that is not a TeiError)
EXIT_INTERNAL = 3

Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the summary.")]
Strict = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")]
Force = Annotated[bool, typer.Option("--force", "-f", help="Overwrite outputs that differ.")]
AuthorityFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--authority",
        "-a",
        help="A TEI listPerson file of persons (names, pseudonyms, ids); repeatable.",
        dir_okay=False,
    ),
]


def guarded(source: str, debug: bool, action: Callable[[], T]) -> T:
    """Run one file's work; an unexpected exception becomes a located TeiError, not a traceback.

    A bug in one file's processing must not lose the rest of the batch; ``--debug`` shows the
    traceback for a bug report.
    """
    try:
        return action()
    except TeiError as error:
        if error.location.source == "<input>":
            error.with_source(source)
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        if debug:
            traceback.print_exc(file=sys.stderr)
        internal = TeiError(
            f"internal error: {type(exc).__name__}: {exc}",
            source=source,
            hint="please report this with the input file"
            + ("" if debug else " (run with --debug for the traceback)"),
        )
        internal.exit_code = EXIT_INTERNAL
        raise internal from None


def fail(error: TeiError) -> typer.Exit:
    """Print a command-level error (usage, unreadable authority) and give its exit code."""
    print(str(error), file=sys.stderr)
    return typer.Exit(error.exit_code)


def require_output_dir(count: int, output_dir: object, command: str, verb: str) -> None:
    """Several inputs cannot all go to standard output: ask for -o, naming the command."""
    if output_dir is None and count != 1:
        raise UsageError(
            f"{count} inputs but no output folder",
            source=f"tei {command}",
            hint=f"give -o OUTDIR to {verb} several files",
        )


def read_stdin_once(items: list[InputFile]) -> bytes | None:
    """Standard input's bytes when an input is ``-`` (read once, shared), else None."""
    return sys.stdin.buffer.read() if any(item.is_stdin for item in items) else None
