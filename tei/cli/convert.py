"""``tei convert``: telegram transcriptions → TEI files (or standard output)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tei.api import CONVERT_OUTPUTS
from tei.authority import Authority, load_authority_bytes
from tei.batch import ConvertJob, ConvertResult, convert_files, convert_targets, source_name
from tei.cli.batch import Jobs, progress
from tei.cli.common import (
    AuthorityFiles,
    Debug,
    Force,
    Quiet,
    Strict,
    fail,
    guarded,
    megabytes,
    read_stdin_once,
    refuse_collisions,
    require_output_dir,
    write_stdout,
)
from tei.cli.convert_options import (
    AllowNonLetters,
    ListWarnings,
    Metadata,
    NoSplit,
    QuietWarnings,
    load_metadata,
    note,
    quiet_kinds,
    report_warnings,
)
from tei.cli.documents import Options
from tei.cli.report import Report
from tei.errors import TeiError, UsageError
from tei.io.files import (
    MAX_TEI_BYTES,
    MAX_TEXT_BYTES,
    TEI_TOO_LARGE,
    TEXT_SUFFIXES,
    InputFile,
    gather_inputs,
    output_path,
    read_bytes,
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
    metadata: Metadata = None,
    quiet_warning: QuietWarnings = None,
    no_split: NoSplit = False,
    allow_non_letters: AllowNonLetters = False,
    list_warnings: ListWarnings = False,
) -> None:
    """Encode plain-text telegrams as TEI P5.

    Without -o, a single input is written to standard output. A batch goes on past a failing
    file and ends with a summary; the exit code is 1 if any file failed. A page holding several
    documents gives one file each (NAME-1.xml, NAME-2.xml).
    """
    try:
        formats = _formats(to)
        silenced = quiet_kinds(quiet_warning)
        max_bytes = megabytes(max_size, "tei convert")
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
    if output_dir is not None:
        suffixes = [FORMATS[name] for name in formats]
        refuse_collisions(items, lambda item: [output_path(output_dir, item, s) for s in suffixes])
    options = Options(load_metadata(metadata), not no_split, allow_non_letters, silenced)
    report = Report(strict=strict, quiet=quiet)
    stdin = read_stdin_once(items, max_bytes)
    job = ConvertJob(
        stdin, max_bytes, authority, formats, strict, options, to_stdout=output_dir is None
    )
    exit_code = _convert_all(items, job, jobs, output_dir, force, report, debug)
    if output_dir is not None or report.failed or report.warnings:
        print(report.summary("converted"), file=sys.stderr)
    raise typer.Exit(exit_code or report.exit_code)


def _convert_all(
    items: list[InputFile],
    job: ConvertJob,
    jobs: int,
    output_dir: Path | None,
    force: bool,
    report: Report,
    debug: bool,
) -> int:
    """Convert and write every input, each failure an error in ``report``; the exit code of a
    worker that died (the batch stopped there), else 0."""
    try:
        done_items = convert_files(items, job, jobs)
        with progress(done_items, len(items), "Converting", report.quiet) as done:
            for item, outcome in zip(items, done, strict=True):
                try:
                    guarded(
                        item.path,
                        debug,
                        lambda item=item, outcome=outcome: _write_one(
                            item, outcome.get(), output_dir, force, report, job.options
                        ),
                    )
                except TeiError as error:
                    report.error(error)
    except WorkerDied as error:  # the files not reached are not counted: the batch stopped
        report.error(error)
        return error.exit_code
    return 0


def _write_one(
    item: InputFile,
    result: ConvertResult,
    output_dir: Path | None,
    force: bool,
    report: Report,
    options: Options,
) -> None:
    """Tell a converted file's warnings, then write its checked outputs (here, in input
    order, so whether an output exists, differs or is written is decided as one by one)."""
    name = source_name(item)
    shown = report_warnings(report, name, result.warnings, options.quiet)
    if result.error is not None:
        raise result.error
    if report.strict and shown:
        report.failed += 1  # under --strict a warned file is a failed one: nothing is written
        return
    if output_dir is None:
        write_stdout(next(iter(result.produced[0].values())))
        report.done += 1
        return
    written = False
    for target, data in convert_targets(item, output_dir, result):
        written |= write_atomic(target, data, force=force)
    if len(result.produced) > 1:
        lines = ", ".join(f"line {n}" for n in result.first_lines)
        note(
            report,
            name,
            f"{len(result.produced)} documents on this page (from {lines}): written as "
            f"{item.relative.name}-1 … {item.relative.name}-{len(result.produced)} "
            "(--no-split keeps them as one)",
        )
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
    """The user's files, later ones winning (reading adds them over the bundled persons); each
    read like any input, so a named pipe given as --authority is refused, not waited on."""
    authority = Authority()
    for path in paths:
        item = InputFile(str(path), Path(path.name))
        data = read_bytes(item, None, MAX_TEI_BYTES, TEI_TOO_LARGE, "an authority file")
        authority = authority.merged(load_authority_bytes(data, str(path)))
    return authority
