"""``tei render``: TEI files → HTML pages or plain text (or standard output)."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tei.api import Rendered
from tei.batch import RenderJob, render_files
from tei.cli.batch import Jobs, progress
from tei.cli.common import (
    Debug,
    Force,
    Quiet,
    fail,
    guarded,
    read_stdin_once,
    refuse_collisions,
    require_output_dir,
    write_stdout,
)
from tei.cli.report import Report
from tei.errors import TeiError, UsageError
from tei.io.files import (
    XML_SUFFIXES,
    InputFile,
    gather_inputs,
    output_path,
    write_atomic,
)
from tei.parallel import WorkerDied
from tei.render.xslt import MIN_WRAP, OUTPUTS, IndexEntry, render_index

INDEX_NAME = "index.html"


class Output(str, Enum):
    """What ``tei render`` writes."""

    HTML = "html"
    TEXT = "text"


def render(
    sources: Annotated[
        list[str],
        typer.Argument(help="TEI files (.xml/.tei) or folders of them; '-' reads stdin."),
    ],
    to: Annotated[
        Output, typer.Option("--to", "-t", help="html: a standalone page; text: plain text.")
    ] = Output.HTML,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Write OUTDIR/<name>.html or .txt for each input (and index.html for a folder).",
            file_okay=False,
        ),
    ] = None,
    wrap: Annotated[
        int | None,
        typer.Option("--wrap", help="Wrap text lines at N columns (text only).", min=MIN_WRAP),
    ] = None,
    force: Force = False,
    jobs: Jobs = 0,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Render TEI P5 as a standalone HTML page or as plain text.

    Without -o, a single input is written to standard output. A folder rendered to HTML with -o
    also gets OUTDIR/index.html listing its documents by date. A batch goes on past a failing
    file and ends with a summary; the exit code is 1 if any file failed.
    """
    output = to.value
    try:
        if wrap is not None and output != "text":
            raise UsageError(
                "--wrap applies to text only", source="tei render", hint="add --to text"
            )
        items = list(gather_inputs(sources, XML_SUFFIXES))
        require_output_dir(len(items), output_dir, "render", "render")
    except TeiError as error:
        raise fail(error) from None
    if output_dir is not None:
        suffix = OUTPUTS[output][1]
        refuse_collisions(items, lambda item: [output_path(output_dir, item, suffix)])
    report = Report(quiet=quiet)
    entries: list[IndexEntry] = []
    exit_code = 0
    job = RenderJob(read_stdin_once(items), output, wrap)
    try:
        with progress(render_files(items, job, jobs), len(items), "Rendering", quiet) as done:
            for item, outcome in zip(items, done, strict=True):
                try:
                    entry = guarded(
                        item.path,
                        debug,
                        lambda item=item, outcome=outcome: _write_one(
                            item, outcome.get(), output, output_dir, force, report
                        ),
                    )
                except TeiError as error:
                    report.error(error)
                else:
                    if entry is not None:
                        entries.append(entry)
    except WorkerDied as error:  # the files not reached are not counted: the batch stopped
        report.error(error)
        exit_code = error.exit_code
    folder = any(Path(s).is_dir() for s in sources)
    if output == "html" and output_dir is not None and folder and not exit_code:
        _write_index(output_dir, entries, force, report)
    if output_dir is not None or report.failed:
        print(report.summary("rendered"), file=sys.stderr)
    raise typer.Exit(exit_code or report.exit_code)


def _write_one(
    item: InputFile,
    rendered: Rendered,
    output: str,
    output_dir: Path | None,
    force: bool,
    report: Report,
) -> IndexEntry | None:
    """Write a rendered file (here, in input order); its line for the folder's index."""
    if output_dir is None:
        write_stdout(rendered.data)
        report.done += 1
        return None
    target = output_path(output_dir, item, OUTPUTS[output][1])
    if write_atomic(target, rendered.data, force=force):
        report.done += 1
    else:
        report.unchanged += 1
    return replace(rendered.entry, href=target.relative_to(output_dir).as_posix())


def _write_index(output_dir: Path, entries: list[IndexEntry], force: bool, report: Report) -> None:
    """OUTDIR/index.html, unless a rendered document already took that name."""
    if any(entry.href == INDEX_NAME for entry in entries):
        report.warning(
            str(output_dir / INDEX_NAME),
            None,
            "no index written: a document was rendered under that name",
        )
        return
    try:
        write_atomic(output_dir / INDEX_NAME, render_index(entries), force=force)
    except TeiError as error:
        report.error(error)
