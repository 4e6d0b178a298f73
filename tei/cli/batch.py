"""What ``tei convert`` and ``tei render`` share for batches: ``--jobs`` and the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, Any, TypeVar

import typer

T = TypeVar("T")

Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        help="Worker processes (0: one per CPU; 1: none, everything in this process).",
        min=0,
    ),
]
#: show a progress bar on a terminal from this many files on
PROGRESS_FROM = 20


def progress(results: Iterable[T], count: int, label: str, quiet: bool) -> Any:
    """A progress bar on standard error when it is a terminal and the batch is long enough;
    otherwise the results as they are (a context manager either way)."""
    if sys.stderr.isatty() and count >= PROGRESS_FROM and not quiet:
        return typer.progressbar(results, length=count, label=label, file=sys.stderr)
    return _NoProgress(results)


class _NoProgress:
    """Stands in for typer's progress bar when there is no terminal to draw on."""

    def __init__(self, results: Iterable[Any]) -> None:
        self.results = results

    def __enter__(self) -> Iterable[Any]:
        return self.results

    def __exit__(self, *exc: object) -> None:
        return None
