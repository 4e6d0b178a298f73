"""``tei convert``: telegram transcriptions → TEI files (or standard output)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tei.api import CONVERT_OUTPUTS
from tei.authority import Authority, bundled_authority, load_authority_file
from tei.batch import ConvertJob, ConvertResult, convert_files, source_name
from tei.cli.batch import Jobs, progress
from tei.cli.common import (
    AuthorityFiles,
    Debug,
    Force,
    Quiet,
    Strict,
    fail,
    guarded,
    read_stdin_once,
    require_output_dir,
)
from tei.cli.report import Report
from tei.errors import TeiError, UsageError
from tei.io.files import (
    MAX_TEXT_BYTES,
    TEXT_SUFFIXES,
    InputFile,
    gather_inputs,
    output_path,
    write_atomic,
)
from tei.parallel import WorkerDied

#: output formats: name → file suffix
FORMATS = CONVERT_OUTPUTS


def convert(
    sources: Annotated[
        list[str],
        typer.Argument(help="Transcriptions (.txt/.md) or folders of them; '-' reads stdin."),
    ],
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", "-o", help="Write OUTDIR/<name>.xml for each input.", file_okay=False
        ),
    ] = None,
    to: Annotated[
        str,
        typer.Option(
            "--to",
            "-t",
            help=f"Comma-separated outputs to write: {', '.join(FORMATS)} (one file each).",
        ),
    ] = "tei",
    authority_files: AuthorityFiles = None,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size", help="Refuse inputs larger than this many megabytes.", min=0.001
        ),
    ] = MAX_TEXT_BYTES / 1e6,
    force: Force = False,
    strict: Strict = False,
    jobs: Jobs = 0,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Encode plain-text telegrams as TEI P5.

    Without -o, a single input is written to standard output. A batch goes on past a failing
    file and ends with a summary; the exit code is 1 if any file failed.
    """
    try:
        formats = _formats(to)
        authority = _authority(authority_files or [])
        items = list(gather_inputs(sources, TEXT_SUFFIXES))
        require_output_dir(len(items), output_dir, "convert", "convert")
        if output_dir is None and len(formats) != 1:
            raise UsageError(
                f"{len(formats)} outputs but no output folder",
                source="tei convert",
                hint="give -o OUTDIR to write several outputs",
            )
    except TeiError as error:
        raise fail(error) from None
    report = Report(strict=strict, quiet=quiet)
    exit_code = 0
    job = ConvertJob(read_stdin_once(items), int(max_size * 1e6), authority, formats, strict)
    try:
        with progress(convert_files(items, job, jobs), len(items), "Converting", quiet) as done:
            for item, outcome in zip(items, done, strict=True):
                try:
                    guarded(
                        item.path,
                        debug,
                        lambda item=item, outcome=outcome: _write_one(
                            item, outcome.get(), output_dir, force, report
                        ),
                    )
                except TeiError as error:
                    report.error(error)
    except WorkerDied as error:  # the files not reached are not counted: the batch stopped
        report.error(error)
        exit_code = error.exit_code
    wanted = output_dir is not None or report.failed or report.warnings
    if wanted and (not quiet or report.failed):
        print(report.summary("converted"), file=sys.stderr)
    raise typer.Exit(exit_code or report.exit_code)


def _write_one(
    item: InputFile,
    result: ConvertResult,
    output_dir: Path | None,
    force: bool,
    report: Report,
) -> None:
    """Tell a converted file's warnings, then write its outputs (here, in input order)."""
    name = source_name(item)
    for line, message in result.converted.warnings:
        report.warning(name, line, message)
    if result.error is not None:
        raise result.error
    if report.strict and result.converted.warnings:
        report.failed += 1  # under --strict a warned file is a failed one: nothing is written
        return
    outputs = result.converted.outputs
    if output_dir is None:
        sys.stdout.buffer.write(next(iter(outputs.values())))
        sys.stdout.buffer.flush()
        report.done += 1
        return
    written = False
    for output, data in outputs.items():
        target = output_path(output_dir, item, CONVERT_OUTPUTS[output])
        written |= write_atomic(target, data, force=force)
    if written:
        report.done += 1
    else:
        report.unchanged += 1


def _formats(option: str) -> tuple[str, ...]:
    """``tei,html`` → ("tei", "html"); an unknown name is a usage error."""
    names = tuple(dict.fromkeys(part.strip() for part in option.split(",") if part.strip()))
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise UsageError(
            f"unknown output {', '.join(unknown) or repr(option)} for --to",
            source="tei convert",
            hint=f"choose from {', '.join(FORMATS)}, separated by commas",
        )
    return names


def _authority(paths: list[Path]) -> Authority:
    authority = bundled_authority()
    for path in paths:
        authority = authority.merged(load_authority_file(path))
    return authority
