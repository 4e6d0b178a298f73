"""The convert command's options for the editor's metadata, warnings and several documents.

Kept apart from :mod:`tei.cli.convert` so that command stays a thin loop over its inputs.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from tei.cli.documents import Document
from tei.cli.report import Report
from tei.errors import UsageError
from tei.metadata import EditorFacts, read_metadata_csv
from tei.model import ReaderWarning
from tei.warning_kinds import KINDS, describe_kinds


def _list_warnings(value: bool) -> None:
    """``--list-warnings``: print every warning kind and stop (before inputs are needed)."""
    if value:
        print(describe_kinds())
        raise typer.Exit(0)


Metadata = Annotated[
    Path | None,
    typer.Option(
        "--metadata",
        "-m",
        help="The editor's CSV table of documents (file, title, date, sender, recipient, place, "
        "language, …): its facts fill or override what the reader finds.",
        dir_okay=False,
    ),
]
QuietWarnings = Annotated[
    list[str] | None,
    typer.Option(
        "--quiet-warning",
        "-W",
        help="Silence one kind of warning (repeatable); --list-warnings names them.",
        metavar="KIND",
    ),
]
ListWarnings = Annotated[
    bool,
    typer.Option(
        "--list-warnings",
        help="List the kinds of warning and exit.",
        is_eager=True,
        callback=_list_warnings,
    ),
]
NoSplit = Annotated[
    bool,
    typer.Option("--no-split", help="Encode a page of several documents as one."),
]
AllowNonLetters = Annotated[
    bool,
    typer.Option(
        "--allow-non-letters",
        help="Encode text that does not read as a letter (an index, a list) with a warning.",
    ),
]


def quiet_kinds(values: list[str] | None) -> frozenset[str]:
    """The kinds to silence; an unknown one is a usage error naming the known ones."""
    kinds = frozenset(value.strip() for value in values or ())
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise UsageError(
            f"unknown warning kind {', '.join(unknown)} for --quiet-warning",
            source="tei convert",
            hint="tei convert --list-warnings names them",
        )
    return kinds


def load_metadata(path: Path | None) -> dict[Path, EditorFacts]:
    """The editor's table, or exit 1 after printing every located problem in it."""
    if path is None:
        return {}
    rows, errors = read_metadata_csv(path)
    if errors:
        for error in errors:
            print(str(error), file=sys.stderr)
        print(
            f"{path}: {len(errors)} problem(s) in the metadata; nothing converted", file=sys.stderr
        )
        raise typer.Exit(1)
    return rows


def report_warnings(
    report: Report, name: str, warnings: list[ReaderWarning], quiet: frozenset[str]
) -> int:
    """Print the warnings not silenced, each with its kind; return how many were."""
    shown = 0
    for warning in warnings:
        if warning.kind in quiet:
            continue
        report.warning(name, warning.line, f"{warning.message} [{warning.kind}]")
        shown += 1
    return shown


def document_warnings(documents: list[Document]) -> list[ReaderWarning]:
    """The documents' warnings; on a page of several, each says which document it is about
    and, when it names no line, points at the line where that document begins."""
    if len(documents) == 1:
        return list(documents[0].warnings)
    return [
        replace(
            warning,
            message=f"document {number}: {warning.message}",
            line=warning.line or document.first_line,
        )
        for number, document in enumerate(documents, start=1)
        for warning in document.warnings
    ]


def note(report: Report, name: str, message: str) -> None:
    """Information that is not a problem (``3 documents on this page``): not counted."""
    if not report.quiet:
        print(f"{name}: note: {message}", file=report.stream)


def part_target(output_dir: Path, relative: Path, number: int, suffix: str) -> Path:
    """``OUTDIR/<relative stem>-<n><suffix>`` for the n-th document of a page."""
    return output_dir / relative.parent / f"{relative.name}-{number}{suffix}"


__all__ = [
    "AllowNonLetters",
    "ListWarnings",
    "Metadata",
    "NoSplit",
    "QuietWarnings",
    "document_warnings",
    "load_metadata",
    "note",
    "part_target",
    "quiet_kinds",
    "report_warnings",
]
