"""The per-file work of ``tei convert`` and ``tei render``, wherever it runs.

Each function reads one input and computes its outputs, writing nothing: the commands run them
in worker processes for a batch (:mod:`tei.parallel`; in their own process for a few files or
``--jobs 1``: the same functions either way, so the same bytes) and write the results
themselves, in input order, so whether an output already exists, differs or is written is
decided exactly as it would be one file after another. :mod:`tei.distributed` runs the same
functions on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tei.api import CONVERT_OUTPUTS, Rendered, preload_rendering, render_document, tei_outputs
from tei.authority import Authority
from tei.cli.convert_options import document_warnings, part_target
from tei.cli.documents import Options, read_documents
from tei.cli.self_check import check_output
from tei.errors import InputError
from tei.io.files import InputFile, decode_text, output_path, read_bytes, read_tei_bytes
from tei.model import ReaderWarning
from tei.parallel import Outcome, map_ordered, portable_error


@dataclass(frozen=True)
class ConvertJob:
    """What every file of a ``tei convert`` batch shares (sent to each worker once)."""

    stdin: bytes | None
    max_bytes: int
    authority: Authority
    formats: tuple[str, ...]
    strict: bool
    options: Options = field(default_factory=Options)
    #: no output folder: a page of several documents cannot be written
    to_stdout: bool = False


@dataclass
class ConvertResult:
    """A file's warnings (decoding, page, documents: in the order a user reads them), each
    document's checked outputs, where each document begins, and the error that stopped it."""

    warnings: list[ReaderWarning] = field(default_factory=list)
    produced: list[dict[str, bytes]] = field(default_factory=list)
    first_lines: list[int] = field(default_factory=list)
    error: BaseException | None = None

    def shown(self, quiet: frozenset[str]) -> list[ReaderWarning]:
        """The warnings a user is told (their kind not silenced)."""
        return [warning for warning in self.warnings if warning.kind not in quiet]


def convert_file(job: ConvertJob, item: InputFile) -> ConvertResult:
    """Read, decode, convert and check one input (in a worker): nothing is written here.

    Each document's TEI is checked as convert promises (the project level, no word lost)
    before it is handed back, so the parent only writes what passed.
    """
    name = source_name(item)
    text, decode_warnings = decode_text(read_bytes(item, job.stdin, job.max_bytes), name)
    path = None if item.is_stdin else Path(item.path)
    documents, page_warnings = read_documents(text, name, path, job.authority, job.options)
    if job.to_stdout and len(documents) > 1:
        raise InputError(
            f"{len(documents)} documents on this page and no output folder",
            source=name,
            hint="give -o OUTDIR to write one file each, or --no-split to keep them as one",
        )
    result = ConvertResult(
        [ReaderWarning(message, None, "not-utf8") for message in decode_warnings]
        + page_warnings
        + document_warnings(documents),
        first_lines=[document.first_line for document in documents],
    )
    if job.strict and result.shown(job.options.quiet):
        return result  # under --strict a warned file is a failed one: nothing is made
    formats = tuple(dict.fromkeys(("tei", *job.formats)))
    try:
        for number, document in enumerate(documents, start=1):
            outputs = tei_outputs(document.tree, formats)
            where = name if len(documents) == 1 else f"{name} (document {number})"
            check_output(where, document.text, outputs["tei"], document.tree, outputs.get("text"))
            result.produced.append({output: outputs[output] for output in job.formats})
    except Exception as exc:  # the warnings are still told, before the error
        result.produced = []
        result.error = portable_error(exc)
    return result


def convert_targets(
    item: InputFile, output_dir: Path, result: ConvertResult
) -> list[tuple[Path, bytes]]:
    """Where each output of a converted file goes: ``NAME.xml``, or ``NAME-n.xml`` for the
    n-th document of a page of several."""
    several = len(result.produced) > 1
    return [
        (
            part_target(output_dir, item.relative, number, CONVERT_OUTPUTS[output])
            if several
            else output_path(output_dir, item, CONVERT_OUTPUTS[output]),
            outputs[output],
        )
        for number, outputs in enumerate(result.produced, start=1)
        for output in outputs
    ]


def convert_files(items: list[InputFile], job: ConvertJob, jobs: int) -> Iterator[Outcome[Any]]:
    """Each item's :class:`ConvertResult` (as an outcome), in order, over ``jobs`` workers."""
    formats = tuple(name for name in job.formats if name != "tei")
    return map_ordered(
        convert_file,
        items,
        jobs,
        job,
        total=len(items),
        preload=partial(_preload_convert, formats),
    )


def _preload_convert(formats: tuple[str, ...]) -> None:
    import tei.encode.header
    import tei.transforms  # noqa: F401

    preload_rendering(formats)


@dataclass(frozen=True)
class RenderJob:
    """What every file of a ``tei render`` batch shares."""

    stdin: bytes | None
    to: str
    wrap: int | None


def render_file(job: RenderJob, item: InputFile) -> Rendered:
    """Read and render one TEI file (in a worker): nothing is written here."""
    name = source_name(item)
    return render_document(read_tei_bytes(item, job.stdin), job.to, name, job.wrap)


def render_files(items: list[InputFile], job: RenderJob, jobs: int) -> Iterator[Outcome[Any]]:
    """Each item's :class:`tei.api.Rendered` (as an outcome), in order, over ``jobs`` workers."""
    preload = partial(preload_rendering, (job.to,))
    return map_ordered(render_file, items, jobs, job, total=len(items), preload=preload)


def source_name(item: InputFile) -> str:
    """The name messages give an input."""
    return "<stdin>" if item.is_stdin else item.path
