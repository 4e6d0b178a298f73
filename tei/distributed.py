"""A collection on a Dask cluster: ``tei convert`` for more documents than one machine handles.

The recipe (``pip install 'telegram-tei[dask]'``)::

    from tei.distributed import convert_folder
    summary = convert_folder("letters/", "tei/", formats=("tei", "html"))
    print(summary.line())          # converted 1000000 files; 12 failed; …

It runs on whatever scheduler Dask is set to use: its local processes by default, or a cluster
when a ``dask.distributed.Client`` is connected (``Client("tcp://scheduler:8786")``) or a
scheduler is named (``scheduler="threads"``, ``"sync"``). Each Dask task reads a partition of the
inputs, converts each file with the same function ``tei convert``'s workers run
(:func:`tei.batch.convert_file`) and writes its outputs itself, through the same atomic write
(:func:`tei.io.files.write_atomic`): so the files are the bytes ``tei convert`` writes, and the
workers need the inputs and the output folder on a file system they share. What comes back to
the client is small: one record per file (its messages and whether it was written), replayed
in input order into the same summary and messages as ``tei convert``.

Unlike ``tei convert``, outputs are written in parallel, not in input order, so two inputs that
would write the same output (``a.txt`` and ``a.md``) are refused before anything starts.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tei.api import CONVERT_OUTPUTS
from tei.authority import Authority
from tei.batch import ConvertJob, convert_file, convert_targets, source_name
from tei.errors import TeiError, UsageError
from tei.io.files import (
    MAX_TEXT_BYTES,
    TEXT_SUFFIXES,
    InputFile,
    gather_inputs,
    output_path,
    write_atomic,
)

#: files per Dask task: large enough that scheduling costs little, small enough to spread
PARTITION = 200


@dataclass
class FileRecord:
    """What happened to one input, as a worker saw it: sent back to the client."""

    name: str
    warnings: list[tuple[int | None, str]] = field(default_factory=list)
    error: str | None = None
    error_exit: int = 0
    written: bool = False
    refused: bool = False  # --strict and warned: nothing written


@dataclass
class Summary:
    """The batch's counts and its messages, in input order, as ``tei convert`` prints them."""

    done: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: int = 0
    messages: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def line(self) -> str:
        """``converted 3 files, 1 unchanged; 1 failed; 2 warnings``, as ``tei convert`` ends."""
        from tei.cli.report import Report

        report = Report(stream=io.StringIO())
        report.done, report.unchanged = self.done, self.unchanged
        report.failed, report.warnings = self.failed, self.warnings
        return report.summary("converted")


def convert_folder(
    source: str | Path | Iterable[str | Path],
    output_dir: str | Path,
    formats: tuple[str, ...] = ("tei",),
    authority: Authority | None = None,
    *,
    force: bool = False,
    strict: bool = False,
    max_bytes: int = MAX_TEXT_BYTES,
    partition: int = PARTITION,
    scheduler: Any = None,
    stream: TextIO | None = None,
) -> Summary:
    """Convert every transcription below ``source`` into ``output_dir``, on Dask.

    ``authority`` adds persons to the bundled ones, as ``tei convert --authority`` does.
    Messages are written to ``stream`` (standard error by default) once the batch is done.
    """
    import dask.bag

    sources = [str(source)] if isinstance(source, (str, Path)) else [str(s) for s in source]
    items = list(gather_inputs(sources, TEXT_SUFFIXES))
    out = Path(output_dir)
    _refuse_shared_outputs(items, out, formats)
    job = ConvertJob(None, max_bytes, authority or Authority(), tuple(formats), strict)
    bag = dask.bag.from_sequence(items, partition_size=max(1, partition))
    records = bag.map_partitions(_convert_partition, job, str(out), force)
    summary = _summarise(records.compute(scheduler=scheduler), strict)
    stream = stream if stream is not None else sys.stderr
    for message in summary.messages:
        print(message, file=stream)
    return summary


def _refuse_shared_outputs(items: list[InputFile], out: Path, formats: tuple[str, ...]) -> None:
    unknown = [name for name in formats if name not in CONVERT_OUTPUTS]
    if unknown or not formats:
        raise UsageError(
            f"unknown output {', '.join(unknown) or repr(formats)}",
            source="tei.distributed",
            hint=f"choose from {', '.join(CONVERT_OUTPUTS)}",
        )
    seen: dict[Path, str] = {}
    for item in items:
        target = output_path(out, item, ".xml")
        if target in seen:
            raise UsageError(
                f"{seen[target]} and {item.path} would both be written as {target}",
                source="tei.distributed",
                hint="rename one of them: on a cluster both would be written at once",
            )
        seen[target] = item.path


def _convert_partition(
    items: list[InputFile], job: ConvertJob, out: str, force: bool
) -> list[FileRecord]:
    """On a Dask worker: convert and write each file of a partition; one record per file."""
    return [_convert_and_write(item, job, Path(out), force) for item in items]


def _convert_and_write(item: InputFile, job: ConvertJob, out: Path, force: bool) -> FileRecord:
    from tei.cli.common import guarded

    record = FileRecord(source_name(item))
    try:
        result = guarded(item.path, False, lambda: convert_file(job, item))
        # each warning as tei convert tells it: its line, and its kind last
        record.warnings = [(w.line, f"{w.message} [{w.kind}]") for w in result.warnings]
        if result.error is not None:
            raise result.error
        if job.strict and result.warnings:
            record.refused = True
            return record
        for target, data in convert_targets(item, out, result):
            record.written |= write_atomic(target, data, force=force)
    except TeiError as error:
        record.error, record.error_exit = str(error), error.exit_code
    return record


def _summarise(records: list[FileRecord], strict: bool) -> Summary:
    """The records replayed as ``tei convert``'s report would tell them (without --quiet)."""
    summary = Summary()
    level = "error" if strict else "warning"
    for record in records:
        for line, message in record.warnings:
            summary.warnings += 1
            where = f"{record.name}:{line}" if line else record.name
            summary.messages.append(f"{where}: {level}: {message}")
        if record.error is not None:
            summary.failed += 1
            summary.messages.append(record.error)
        elif record.refused:
            summary.failed += 1
        elif record.written:
            summary.done += 1
        else:
            summary.unchanged += 1
    summary.messages.append(summary.line())
    return summary
