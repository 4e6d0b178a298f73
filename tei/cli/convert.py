"""``tei convert``: telegram transcriptions → TEI files (or standard output)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from lxml import etree

from tei.authority import Authority, load_authority_bytes
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
    document_warnings,
    load_metadata,
    note,
    part_target,
    quiet_kinds,
    report_warnings,
)
from tei.cli.documents import Options, read_documents
from tei.cli.report import Report
from tei.cli.self_check import check_output
from tei.encode.header import serialize
from tei.errors import InputError, TeiError, UsageError
from tei.io.files import (
    MAX_TEI_BYTES,
    MAX_TEXT_BYTES,
    TEI_TOO_LARGE,
    TEXT_SUFFIXES,
    InputFile,
    decode_text,
    gather_inputs,
    output_path,
    read_bytes,
    write_atomic,
)
from tei.model import ReaderWarning
from tei.render.xslt import render_html, render_text

#: output formats: name → (file suffix, writer from the TEI tree to bytes)
FORMATS: dict[str, tuple[str, Callable[[etree._ElementTree], bytes]]] = {
    "tei": (".xml", serialize),
    "html": (".html", render_html),
    "text": (".txt", render_text),
}
#: show a progress bar on a terminal from this many files on
PROGRESS_FROM = 20


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
        suffixes = [FORMATS[name][0] for name in formats]
        refuse_collisions(items, lambda item: [output_path(output_dir, item, s) for s in suffixes])
    options = Options(load_metadata(metadata), not no_split, allow_non_letters, silenced)
    report = Report(strict=strict, quiet=quiet)
    stdin = read_stdin_once(items, max_bytes)
    show_progress = sys.stderr.isatty() and len(items) >= PROGRESS_FROM and not quiet
    with (
        typer.progressbar(items, label="Converting", file=sys.stderr)
        if show_progress
        else (_NoProgress(items)) as progress
    ):
        for item in progress:
            try:
                guarded(
                    item.path,
                    debug,
                    lambda item=item: _convert_one(
                        item,
                        stdin,
                        output_dir,
                        authority,
                        force,
                        report,
                        max_bytes,
                        formats,
                        options,
                    ),
                )
            except TeiError as error:
                report.error(error)
    if output_dir is not None or report.failed or report.warnings:
        print(report.summary("converted"), file=sys.stderr)
    raise typer.Exit(report.exit_code)


def _convert_one(
    item: InputFile,
    stdin: bytes | None,
    output_dir: Path | None,
    authority: Authority,
    force: bool,
    report: Report,
    max_bytes: int,
    formats: tuple[str, ...] = ("tei",),
    options: Options | None = None,
) -> None:
    options = options or Options()
    name = "<stdin>" if item.is_stdin else item.path
    text, decode_warnings = decode_text(read_bytes(item, stdin, max_bytes), name)
    path = None if item.is_stdin else Path(item.path)
    documents, page_warnings = read_documents(text, name, path, authority, options)
    if output_dir is None and len(documents) > 1:
        raise InputError(
            f"{len(documents)} documents on this page and no output folder",
            source=name,
            hint="give -o OUTDIR to write one file each, or --no-split to keep them as one",
        )
    warnings = [ReaderWarning(message, None, "not-utf8") for message in decode_warnings]
    warnings += page_warnings + document_warnings(documents)
    shown = report_warnings(report, name, warnings, options.quiet)
    if report.strict and shown:
        report.failed += 1  # under --strict a warned file is a failed one: nothing is written
        return
    produced = []
    for number, document in enumerate(documents, start=1):
        outputs = _outputs(document.tree, formats)
        where = name if len(documents) == 1 else f"{name} (document {number})"
        check_output(where, document.text, outputs["tei"], document.tree, outputs.get("text"))
        produced.append(outputs)
    if output_dir is None:
        write_stdout(produced[0][formats[0]])
        report.done += 1
        return
    written = _write(produced, item, output_dir, formats, force)
    if len(documents) > 1:
        lines = ", ".join(f"line {d.first_line}" for d in documents)
        note(
            report,
            name,
            f"{len(documents)} documents on this page (from {lines}): written as "
            f"{item.relative.name}-1 … {item.relative.name}-{len(documents)} "
            "(--no-split keeps them as one)",
        )
    if written:
        report.done += 1
    else:
        report.unchanged += 1


def _write(
    produced: list[dict[str, bytes]],
    item: InputFile,
    output_dir: Path,
    formats: tuple[str, ...],
    force: bool,
) -> bool:
    """Write each document's checked outputs (``NAME-n`` when a page holds several); True if
    any file changed."""
    written = False
    for number, outputs in enumerate(produced, start=1):
        for output in formats:
            data = outputs[output]
            suffix = FORMATS[output][0]
            target = (
                output_path(output_dir, item, suffix)
                if len(produced) == 1
                else part_target(output_dir, item.relative, number, suffix)
            )
            written |= write_atomic(target, data, force=force)
    return written


def _outputs(tree: etree._ElementTree, formats: tuple[str, ...]) -> dict[str, bytes]:
    """Each requested output; HTML and text are rendered from the TEI as written to disk, so
    they are the same bytes ``tei render`` makes from the .xml file."""
    data = serialize(tree)
    written = etree.ElementTree(etree.fromstring(data)) if set(formats) - {"tei"} else tree
    outputs = {name: data if name == "tei" else FORMATS[name][1](written) for name in formats}
    outputs.setdefault("tei", data)  # checked by tei validate before anything is written
    return outputs


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


class _NoProgress:
    """Stands in for typer's progress bar when there is no terminal to draw on."""

    def __init__(self, items: list[InputFile]) -> None:
        self.items = items

    def __enter__(self) -> list[InputFile]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None
