"""jing's output read back: each line placed in the file it is about, or named as no file's.

jing prints ``path:line:col: error: message`` on standard output, with the path made absolute,
and exits 1 when any document is invalid. A path may itself hold ``:1: error:`` or a newline, so
a line is split where the text before the location is one of the files given, never by pattern
alone; lines about no file given are the schema's problems. Long lists of expected names are
cut here, and a run that cannot be trusted is said in one line (:func:`_failure`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from tei.diagnostics import Diagnostic, Severity
from tei.validators.jing_tools import _JAVA_HINT

ORIGIN = "tei_all"

#: where a location ends and the level begins: ``:12:7: error: ``, ``:12: fatal: ``, ``: error: ``
_LEVEL = re.compile(r"(?::(?P<line>\d+))?(?::(?P<column>\d+))?: (?P<level>error|fatal|warning): ")
_BARE = re.compile(r"(?P<level>error|fatal|warning): ")
#: stderr lines that are notices, not failures
_NOTICE = re.compile(r"^Picked up |warning", re.IGNORECASE)


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
