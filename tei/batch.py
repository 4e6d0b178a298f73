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
from typing import Any

from tei.api import Converted, Rendered, convert_document, preload_rendering, render_document
from tei.authority import Authority
from tei.io.files import InputFile, decode_text, read_bytes, read_tei_bytes
from tei.parallel import Outcome, map_ordered, portable_error


@dataclass(frozen=True)
class ConvertJob:
    """What every file of a ``tei convert`` batch shares (sent to each worker once)."""

    stdin: bytes | None
    max_bytes: int
    authority: Authority
    formats: tuple[str, ...]
    strict: bool


@dataclass
class ConvertResult:
    """A file's outputs and warnings; ``error`` when it failed after warnings were given."""

    converted: Converted = field(default_factory=Converted)
    error: BaseException | None = None


def convert_file(job: ConvertJob, item: InputFile) -> ConvertResult:
    """Read, decode and convert one input (in a worker): nothing is written here."""
    name = source_name(item)
    text, decode_warnings = decode_text(read_bytes(item, job.stdin, job.max_bytes), name)
    warned = [(None, message) for message in decode_warnings]
    try:
        converted = convert_document(text, name, job.formats, job.authority, strict=job.strict)
    except Exception as exc:  # the decoding warnings are still told, before the error
        if not warned:
            raise
        return ConvertResult(Converted({}, warned), portable_error(exc))
    converted.warnings[:0] = warned
    if job.strict and converted.warnings:
        converted.outputs = {}
    return ConvertResult(converted)


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
