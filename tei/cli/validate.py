"""``tei validate``: TEI files → findings in text, JSON, JUnit XML or GitHub annotations.

Start-up is most of the time a CI job spends here, so this module imports only what validation
needs (no encoder, no readers, no pycountry): the validators themselves are imported by
:mod:`tei.validators.validate` when a level first needs them.
"""

from __future__ import annotations

import gc
import sys
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from tei.cli.common import Debug, Quiet, fail, guarded, read_stdin_once, write_stdout
from tei.diagnostics import Diagnostic, Severity
from tei.errors import EXIT_FAILED as EXIT_INVALID
from tei.errors import EXIT_INTERNAL, TeiError, UsageError
from tei.io.files import XML_SUFFIXES, InputFile, gather_inputs, read_tei_bytes
from tei.validators.output import FORMATTERS, FileResult, summarise

#: the variable :func:`tei.validators.jing_tools.find_tei_all` reads (kept here: no import of it)
TEI_ALL_ENV = "TEI_ALL_RNG"
TEI_ALL_HINT = "give a tei_all.rng from a TEI P5 release (https://tei-c.org/release/xml/tei/custom/schema/relaxng/)"
#: files read and validated per jing run: bounds memory (the bytes wait for jing) on huge batches
CHUNK = 2000


class Level(str, Enum):
    """How strictly: the project's own schemas, the official tei_all, or both."""

    PROJECT = "project"
    TEI = "tei"
    ALL = "all"
    AUTO = "auto"


class Format(str, Enum):
    """How the findings are written on standard output."""

    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"


def validate(
    sources: Annotated[
        list[str],
        typer.Argument(help="TEI files (.xml/.tei) or folders of them; '-' reads stdin."),
    ],
    level: Annotated[
        Level,
        typer.Option(
            "--level",
            "-l",
            help="project: telegram.xsd + telegram.sch; tei: tei_all with jing; all: both; "
            "auto: chosen per document (telegram-tei's TEI: all; other TEI: tei; CMIF: the "
            "CMIF schemas) with the document's own <?xml-model?> schemas.",
        ),
    ] = Level.PROJECT,
    output_format: Annotated[
        Format,
        typer.Option(
            "--format", help="text for people, json for programs, junit for CI, github for Actions."
        ),
    ] = Format.TEXT,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            help="Worker processes for large batches (0: one per CPU; 1: no workers).",
            min=0,
        ),
    ] = 0,
    schemas: Annotated[
        list[Path] | None,
        typer.Option(
            "--schema",
            help="Also check against this RELAX NG (.rng) or Schematron (.sch) file; repeatable.",
            dir_okay=False,
        ),
    ] = None,
    tei_all: Annotated[
        Path | None,
        typer.Option(
            "--tei-all",
            help=f"A newer TEI's tei_all.rng for the tei level (also ${TEI_ALL_ENV}; default: "
            "the TEI P5 4.3.0 copy shipped with telegram-tei).",
            dir_okay=False,
        ),
    ] = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Validate TEI files against the project's schemas and/or the official tei_all.

    Findings go to standard output, a summary to standard error. The exit code is 0 when every
    file is valid, 1 when any is invalid or unreadable, 2 on a usage error, 3 on an internal
    error. A batch goes on past a bad file.
    """
    # The schemas are many objects that live until exit: the cyclic collector is kept off
    # while they load and then told to leave them alone (gc.freeze), or it walks them again
    # and again for nothing (measured: a quarter of a batch, a third of a cold run).
    if tei_all is not None:
        try:
            _use_tei_all(tei_all)
        except TeiError as error:
            raise fail(error) from None
    gc.disable()
    try:
        _run(
            sources, level.value, output_format.value, jobs or _cpus(), quiet, debug, schemas or []
        )
    finally:
        gc.freeze()
        gc.enable()


def _run(
    sources: list[str],
    level: str,
    output_format: str,
    jobs: int,
    quiet: bool,
    debug: bool,
    schemas: list[Path],
) -> None:
    from tei.validators.validate import preload

    try:
        items = _inputs(sources)
        for schema in schemas:
            _check_schema_file(schema)
        if level != Level.PROJECT.value or any(s.suffix.lower() == ".rng" for s in schemas):
            _check_tools()
    except TeiError as error:
        raise fail(error) from None
    preload("all" if level == Level.AUTO.value else level)
    gc.freeze()
    gc.enable()
    stdin = read_stdin_once(items)
    results: list[FileResult] = []
    labels: Counter[str] = Counter()  # --level auto: how many files got which checks
    for start in range(0, len(items), CHUNK):
        try:
            chunk = items[start : start + CHUNK]
            results.extend(_validate_chunk(chunk, stdin, level, jobs, debug, schemas, labels))
        except TeiError as error:  # jing could not run: no file of the chunk was judged
            if not isinstance(error, UsageError):  # a broken Java is the machine's, exit 2
                error.exit_code = EXIT_INTERNAL
            raise fail(error) from None
    if level == Level.AUTO.value:
        level = f"auto ({', '.join(f'{n} {label}' for label, n in sorted(labels.items()))})"
    summary = summarise(results, level, _tei_all_release() if level != "project" else None)
    shown = [_errors_only(result) for result in results] if quiet else results
    try:
        write_stdout(FORMATTERS[output_format](shown, summary))
    except TeiError as error:
        print(str(error), file=sys.stderr)
        raise typer.Exit(error.exit_code) from None
    print(summary.line(), file=sys.stderr)  # --quiet keeps the summary
    if summary.crashed:
        raise typer.Exit(EXIT_INTERNAL)
    raise typer.Exit(EXIT_INVALID if summary.invalid else 0)


def _errors_only(result: FileResult) -> FileResult:
    """Under --quiet a report shows errors only; the summary still counts the warnings."""
    kept = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    return FileResult(result.file, kept, result.crashed)


def _inputs(sources: list[str]) -> list[InputFile]:
    """The files to check, each once, in the order given; none at all is a usage error."""
    items = list({item.path: item for item in gather_inputs(sources, XML_SUFFIXES)}.values())
    if not items:
        raise UsageError(
            "no .xml or .tei files found",
            source="tei validate",
            hint="give TEI files or folders that hold them",
        )
    return items


def _check_tools() -> None:
    """The tei level needs Java and tei_all: say how to get them before any work is done."""
    from tei.validators.jing_tools import find_java, find_jing_jar, find_tei_all

    try:
        find_java(), find_jing_jar(), find_tei_all()
    except TeiError as error:
        raise UsageError(
            f"--level tei needs jing: {error.message}",
            source="tei validate",
            hint=(error.hint + "; or use --level project") if error.hint else None,
        ) from None


def _use_tei_all(path: Path) -> None:
    """``--tei-all FILE``: that schema for this run (and its workers and jing), if it is a file."""
    import os

    if not _is_regular(path, "--tei-all", TEI_ALL_HINT):
        raise UsageError(
            f"--tei-all {path} is not a regular file", source="tei validate", hint=TEI_ALL_HINT
        )
    os.environ[TEI_ALL_ENV] = str(path)


def _is_regular(path: Path, option: str, hint: str | None = None) -> bool:
    """Whether an option's file is a regular file; one that cannot be looked at is an error."""
    import os
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError as exc:
        message = f"{option} {path}: {exc.strerror}"
        raise UsageError(message, source="tei validate", hint=hint) from None


def _tei_all_release() -> str:
    """``TEI P5 4.3.0``: the release of the tei_all in use, named in every report."""
    from tei.validators.jing_tools import tei_all_version

    return f"TEI P5 {tei_all_version()}"


def _cpus() -> int:
    """CPUs this process may use (a container's limit, not the machine's count)."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _validate_chunk(
    items: list[InputFile],
    stdin: bytes | None,
    level: str,
    jobs: int,
    debug: bool,
    schemas: list[Path],
    labels: Counter[str],
) -> list[FileResult]:
    """Read and validate some files; unreadable files and crashes become findings, not exits."""

    results: dict[str, FileResult] = {}
    readable: list[tuple[str, bytes]] = []
    for item in items:
        name = "<stdin>" if item.is_stdin else item.path
        try:
            readable.append((name, read_tei_bytes(item, stdin)))
            results[name] = FileResult(name)
        except TeiError as error:
            results[name] = FileResult(name, [_from_error(error, name, "io")])
    try:
        for name, diagnostics in _iterate(readable, level, jobs, schemas, labels):
            results[name].diagnostics.extend(diagnostics)
    except TeiError:
        raise
    except Exception as exc:
        fallback = "all" if level == Level.AUTO.value else level
        return _one_by_one(results, readable, fallback, debug, exc)
    return list(results.values())


def _iterate(
    readable: list[tuple[str, bytes]],
    level: str,
    jobs: int,
    schemas: list[Path],
    labels: Counter[str],
) -> Iterator[tuple[str, list[Diagnostic]]]:
    """Each file's findings at ``level`` (chosen per file for ``auto``), with --schema's."""
    if level == Level.AUTO.value:
        from tei.validators.levels import iter_auto

        for name, diagnostics, label in iter_auto(readable, jobs, schemas):
            labels[label] += 1
            yield name, diagnostics
        return
    from tei.validators.validate import in_document_order, iter_documents

    extra: dict[str, list[Diagnostic]] = {}
    if schemas:
        from tei.validators.levels import extra_only

        extra = extra_only(readable, schemas)
    for name, diagnostics in iter_documents(readable, level, jobs):
        yield name, in_document_order(diagnostics + extra.get(name, [])) if extra else diagnostics


def _check_schema_file(path: Path) -> None:
    """``--schema FILE``: a regular .rng or .sch file, or a usage error before any work."""
    if not _is_regular(path, "--schema") or path.suffix.lower() not in (".rng", ".sch"):
        raise UsageError(
            f"--schema {path} is not a RELAX NG (.rng) or Schematron (.sch) file",
            source="tei validate",
        )


def _one_by_one(
    results: dict[str, FileResult],
    readable: list[tuple[str, bytes]],
    level: str,
    debug: bool,
    first: Exception,
) -> list[FileResult]:
    """A bug stopped the batch: validate each file alone so only the file that causes it fails."""
    from tei.validators.validate import iter_diagnostics

    if debug:
        print(f"tei validate: batch failed ({first!r}); validating file by file", file=sys.stderr)
    for name, data in readable:
        result = FileResult(name)
        try:
            result.diagnostics = guarded(
                name, debug, lambda name=name, data=data: list(iter_diagnostics(name, data, level))
            )
        except TeiError as error:
            result.diagnostics = [_from_error(error, name, "internal")]
            result.crashed = error.exit_code == EXIT_INTERNAL
        results[name] = result
    return list(results.values())


def _from_error(error: TeiError, name: str, origin: str) -> Diagnostic:
    message = error.message + (f" — {error.hint}" if error.hint else "")
    line, column = error.location.line, error.location.column
    return Diagnostic(message, name, line, column, Severity.ERROR, origin)
