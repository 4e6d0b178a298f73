"""The official TEI P5 ``tei_all`` RELAX NG, checked by jing.

jing is the reference implementation of RELAX NG (James Clark's, who wrote the specification),
so "valid against tei_all" means what the TEI community means by it. lxml's libxml2 RELAX NG is
not the reference, and it is slow on tei_all (1 MB of patterns): building the schema took 12 s
here, where a whole jing run on a file takes 0.4 s; its messages have no column either. jing
needs a JVM, whose start is most of the cost for a telegram, so every function here runs one
JVM for many documents.

jing prints ``path:line:col: error: message`` on standard output, with the path made absolute,
and exits 1 when any document is invalid. Two behaviours shape this module:

- jing stops at the first *fatal* error (a document that is not well-formed, a file it cannot
  read): the files after it are never checked, and valid files print nothing. A run that ends on
  a fatal error is therefore resumed after that file, so no file is reported valid unread.
- Java decodes file names and encodes its output by the locale; under ``LC_ALL=C`` a name with
  ``é`` is "not found". The JVM runs under ``C.UTF-8`` and writes UTF-8.

Where the tools are is :mod:`tei.validators.jing_tools`; reading jing's output back is
:mod:`tei.validators.jing_output`. This module runs the JVM and stays the public entry point of
the level: the names users and tests import from it are re-exported here.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from tei.diagnostics import Diagnostic, Severity
from tei.errors import TeiError, UsageError
from tei.validators.jing_output import (
    _LEVEL,
    _NOTICE,
    LISTED_NAMES,
    ORIGIN,
    _failure,
    _hint,
    _parse_output,
)
from tei.validators.jing_tools import (
    _JAVA_HINT,
    _TEI_ALL_HINT,
    TEI_ALL_ENV,
    find_java,
    find_jing_jar,
    find_tei_all,
    tei_all_version,
)

__all__ = [
    "JVM_FLAGS",
    "LISTED_NAMES",
    "MAX_ARGUMENT_BYTES",
    "ORIGIN",
    "TEI_ALL_ENV",
    "find_java",
    "find_jing_jar",
    "find_tei_all",
    "tei_all_version",
    "validate_bytes_with_jing",
    "validate_with_jing",
]

# Measured on this project's machine (2 CPUs, OpenJDK 17.0.15), wall-clock median of 25 cold runs
# of `java <flags> -jar jing.jar tei_all.rng one-small-file.xml` (median of 3 runs for 2080
# telegrams of 16 kB), CPU time in brackets:
#   no flags                                 0.62 s (1.05 s)   2080 files 3.90 s (7.4 s)
#   -Xshare:auto                             0.64 s (1.04 s)              3.66 s (6.9 s)
#   -XX:+UseSerialGC                         0.62 s (0.99 s)              4.28 s (6.3 s)
#   -XX:TieredStopAtLevel=1                  0.41 s (0.61 s)              3.40 s (3.4 s)
#   -XX:+UseSerialGC -XX:TieredStopAtLevel=1 0.44 s (0.64 s)              2.63 s (2.9 s)
# C1 alone (no C2 compiler threads) saves a third of a cold start and still wins on big batches;
# with it, the serial collector (no GC threads) saves another fifth on batches. -Xshare:auto is
# already the default of Java 17 (the JDK's class archive is used): no difference, left out.
# A young generation of 24 MB (-Xmn24m) keeps the JVM at about 73 MB whatever the number of files
# (160 MB without it, growing with the batch: the default young generation is sized from the
# machine's memory and filled before it is collected), at the same speed: 2000 telegrams
# 1.03-1.09 s against 0.98-1.10 s without, one file 0.49 s against 0.48 s.
JVM_FLAGS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn24m")
#: jing's messages in UTF-8 on a pipe, even where the platform's encoding is another (Windows)
_UTF8_OUTPUT = ("-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8")
#: bytes of file arguments per JVM: far below Linux's limits; Windows allows 32 767 characters
MAX_ARGUMENT_BYTES = 30_000 if os.name == "nt" else 100_000

#: what the JVM says when it cannot start at all (bad flags, no memory, too old for jing)
_JVM_FAILED = re.compile(
    r"Could not create the Java Virtual Machine|Error occurred during initialization of VM|"
    r"UnsupportedClassVersionError|Unrecognized (?:VM )?option|Invalid maximum heap size|"
    r"could not find libjava|Error: could not open|Invalid (?:initial|thread stack) "
)
#: the JVM's closing lines, which say it failed but not why
_GENERIC = re.compile(
    r"Could not create the Java Virtual Machine|A fatal exception has occurred|"
    r"^Error occurred during initialization of VM$"
)


def validate_with_jing(
    paths: Sequence[Path], schema: Path | None = None
) -> dict[Path, list[Diagnostic]]:
    """Each file's findings against ``schema`` (tei_all by default), from one JVM per chunk.

    Every path given gets an entry, empty when the file is valid; a diagnostic's ``source`` is
    the path as given. A missing file is a finding about that file, not a failure of the run.
    Raises :class:`TeiError` when jing cannot judge the files (no Java, unreadable schema).
    """
    results: dict[Path, list[Diagnostic]] = {}
    absolute: dict[Path, str] = {}
    for path in paths:
        if path.is_file():
            absolute[path] = os.path.abspath(path)
        else:
            message = "cannot read the file: it does not exist or is not a file"
            results[path] = [Diagnostic(message, str(path), None, None, Severity.ERROR, ORIGIN)]
    files = list(dict.fromkeys(absolute.values()))  # "a.xml" and "./x/../a.xml" run once
    found = dict(zip(files, _run_jing(files, schema), strict=True)) if files else {}
    for path, file in absolute.items():
        results[path] = [replace(d, source=str(path)) for d in found[file]]
    return {path: results[path] for path in paths}


def validate_bytes_with_jing(
    documents: Mapping[str, bytes], schema: Path | None = None
) -> dict[str, list[Diagnostic]]:
    """Findings for in-memory documents, keyed by the names given, from one JVM per chunk.

    The documents are written to a private temporary folder under short generated names, so a
    name may be anything (``<stdin>``, a URL, a path with spaces) and never reaches Java.
    """
    if not documents:
        return {}
    names = list(documents)
    with tempfile.TemporaryDirectory(prefix="tei-jing-") as folder:
        files = []
        for index, name in enumerate(names):
            file = os.path.join(os.path.abspath(folder), f"{index}.xml")
            Path(file).write_bytes(documents[name])
            files.append(file)
        found = _run_jing(files, schema)
    return {
        name: [replace(d, source=name) for d in diagnostics]
        for name, diagnostics in zip(names, found, strict=True)
    }


# --------------------------------------------------------------------------- running jing


def _run_jing(files: list[str], schema: Path | None) -> list[list[Diagnostic]]:
    """Findings per file (absolute paths, in order), however many JVMs that takes."""
    schema_file = os.path.abspath(_check_schema(schema))  # jing prints the paths it reads absolute
    command = [find_java(), *JVM_FLAGS, *_UTF8_OUTPUT, "-jar", str(find_jing_jar()), schema_file]
    found: list[list[Diagnostic]] = [[] for _ in files]
    for start, stop in _chunks(files):
        while start < stop:
            stopped_at = _run_chunk(command, files, start, stop, found)
            start = stop if stopped_at is None else stopped_at + 1
    return found


def _check_schema(schema: Path | None) -> Path:
    """The schema to use; a path that is not a file is refused before Java starts."""
    if schema is None:
        return find_tei_all()
    if not schema.is_file():
        raise TeiError(
            f"RELAX NG schema not found: {schema}",
            source=str(schema),
            hint=f"give the path of a .rng file; for TEI P5: {_TEI_ALL_HINT}",
        )
    return schema


def _chunks(files: list[str]) -> Iterator[tuple[int, int]]:
    """``(start, stop)`` ranges of ``files`` whose arguments fit on one command line."""
    start, size = 0, 0
    for index, file in enumerate(files):
        length = len(os.fsencode(file)) + 1
        if index > start and size + length > MAX_ARGUMENT_BYTES:
            yield start, index
            start, size = index, 0
        size += length
    if start < len(files):
        yield start, len(files)


def _run_chunk(
    command: list[str], files: list[str], start: int, stop: int, found: list[list[Diagnostic]]
) -> int | None:
    """jing on ``files[start:stop]``, findings added to ``found``.

    Returns the index of the file where a fatal error stopped jing before the end, else None.
    """
    environment = dict(os.environ)
    if os.name != "nt":
        environment["LC_ALL"] = "C.UTF-8"  # file names and messages in UTF-8 whatever the locale
    try:
        completed = subprocess.run(
            [*command, *files[start:stop]],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=environment,
            check=False,
        )
    except OSError as error:
        raise TeiError(
            f"cannot run {command[0]}: {error}", source="java", hint=_JAVA_HINT
        ) from None
    output = completed.stdout.decode("utf-8", errors="replace")
    errors = completed.stderr.decode("utf-8", errors="replace")
    cannot_start = _java_cannot_start(completed.returncode, output, errors)
    if cannot_start is not None:
        raise cannot_start
    # lines about the schema are its problems, even if it is also given as a document
    known = {file: index for index, file in enumerate(files) if file != command[-1]}
    parsed = _parse_output(output, known)
    failure = _failure(completed.returncode, parsed, errors)
    if failure:
        raise TeiError(
            f"jing could not validate: {failure}", source=command[-1], hint=_hint(failure)
        )
    last_fatal = None
    for finding in parsed.findings:
        found[finding.index].append(finding.diagnostic)
        last_fatal = finding.index if finding.fatal else None
    return last_fatal if last_fatal is not None and last_fatal < stop - 1 else None


#: environment variables every JVM reads its options from
_JAVA_OPTION_VARIABLES = ("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS")


def _java_cannot_start(returncode: int, output: str, errors: str) -> UsageError | None:
    """The error to raise when the JVM never got to run jing, else None.

    That is the machine's Java, not this program (exit 2, not "internal error"). HotSpot
    writes some of these on standard output ("Error occurred during initialization of VM"),
    others on standard error, after a "Picked up JAVA_TOOL_OPTIONS" notice.
    """
    if returncode == 0:
        return None
    lines = [line for line in (output + "\n" + errors).splitlines() if line.strip()]
    if not any(_JVM_FAILED.search(line) for line in lines) or _LEVEL.search(output):
        return None
    told = [line for line in lines if not _NOTICE.search(line) and not _GENERIC.search(line)]
    reason = "; ".join(told[:2]) or next(line for line in lines if _JVM_FAILED.search(line))
    options = [name for name in _JAVA_OPTION_VARIABLES if os.environ.get(name)]
    hint = (
        f"check the JVM options in {', '.join(options)}, or unset them" if options else _JAVA_HINT
    )
    return UsageError(f"Java cannot start: {reason}", source=find_java(), hint=hint)
