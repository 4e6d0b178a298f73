"""Options and plumbing every command shares: error handling, --debug, authority files."""

from __future__ import annotations

import math
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from tei.errors import EXIT_INTERNAL, InternalError, OutputError, TeiError, UsageError
from tei.io.files import MAX_TEI_BYTES, InputFile, read_stdin

T = TypeVar("T")

__all__ = ["EXIT_INTERNAL"]

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
        raise InternalError(
            f"internal error: {type(exc).__name__}: {exc}",
            source=source,
            hint="please report this with the input file"
            + ("" if debug else " (run with --debug for the traceback)"),
        ) from None


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


def read_stdin_once(items: list[InputFile], max_bytes: int | None = MAX_TEI_BYTES) -> bytes | None:
    """Standard input's bytes when an input is ``-`` (read once, shared), else None.

    Read no further than one byte past the limit: ``tei convert - < /dev/zero`` is refused at
    the limit instead of filling the memory.
    """
    return read_stdin(max_bytes) if any(item.is_stdin for item in items) else None


def write_stdout(data: bytes | str) -> None:
    """Write to standard output; a closed pipe or a full disk is an :class:`OutputError`.

    After a failure standard output is pointed at /dev/null, so Python's own flush at exit
    cannot print a second, unasked-for complaint.
    """
    try:
        if isinstance(data, str):
            sys.stdout.write(data)
            sys.stdout.flush()
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        reason = getattr(exc, "strerror", None) or "it is closed"
        raise OutputError(
            f"cannot write to standard output: {reason}",
            source="<stdout>",
            hint="write to a file with -o instead, or check the disk",
        ) from None


def _silence_stdout() -> None:
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def megabytes(value: float, command: str, option: str = "--max-size") -> int:
    """A size option in MB as bytes; infinity or NaN is a usage error, not an overflow."""
    if not math.isfinite(value) or value * 1e6 >= sys.maxsize:
        raise UsageError(
            f"{option} {value} is not a size",
            source=command,
            hint="give a number of megabytes, e.g. --max-size 20",
        )
    return int(value * 1e6)


def refuse_collisions(items: list[InputFile], targets: Callable[[InputFile], list[Path]]) -> None:
    """Stop before anything is written when an output would replace an input of this run or
    another output of it: one line per clash, naming both files, exit 2 (a usage error: the
    command as given cannot be carried out without losing a file, whatever --force says)."""
    from tei.io.writing import find_collisions

    pairs = [(item.path, target) for item in items for target in targets(item)]
    problems = find_collisions([item.path for item in items], pairs)
    if problems:
        for problem in problems:
            print(str(problem), file=sys.stderr)
        raise typer.Exit(problems[0].exit_code)
