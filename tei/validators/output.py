"""``tei validate``'s results written for people (text), programs (JSON), CI dashboards (JUnit
XML) and GitHub Actions (workflow annotations).

One result per file, in the order the files were given; every format says the same things, so a
test can parse each back and compare. Text is the docutils/compiler form ``path:line:col: level:
message`` that editors jump to. File names are shown escaped in every format
(:func:`tei.errors.escape_text`): a name may hold bytes that are not UTF-8, or control
characters that neither XML, JSON nor a terminal can take as they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from tei.diagnostics import Diagnostic, Severity
from tei.errors import escape_text


@dataclass
class FileResult:
    """The findings about one file; ``crashed`` marks a bug in telegram-tei, not in the file."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    crashed: bool = False

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors

    @property
    def valid(self) -> bool:
        return self.errors == 0


@dataclass(frozen=True)
class Summary:
    """Counts over a batch; they decide the exit code."""

    level: str
    files: int
    valid: int
    errors: int
    warnings: int
    crashed: int
    #: the TEI release of the tei_all used ("TEI P5 4.3.0"), at the levels that use it
    tei_all: str | None = None

    @property
    def invalid(self) -> int:
        return self.files - self.valid

    def line(self) -> str:
        """``validated 3 files at level project: 2 valid, 1 invalid (4 errors, 0 warnings)``."""
        plural = "" if self.files == 1 else "s"
        level = f"{self.level} ({self.tei_all} tei_all)" if self.tei_all else self.level
        text = (
            f"validated {self.files} file{plural} at level {level}: {self.valid} valid, "
            f"{self.invalid} invalid ({self.errors} error{'' if self.errors == 1 else 's'}, "
            f"{self.warnings} warning{'' if self.warnings == 1 else 's'})"
        )
        if self.crashed:
            text += f"; {self.crashed} internal error{'' if self.crashed == 1 else 's'}"
        return text


def summarise(results: Sequence[FileResult], level: str, tei_all: str | None = None) -> Summary:
    """The counts of a batch of results."""
    return Summary(
        tei_all=tei_all,
        level=level,
        files=len(results),
        valid=sum(r.valid for r in results),
        errors=sum(r.errors for r in results),
        warnings=sum(r.warnings for r in results),
        crashed=sum(r.crashed for r in results),
    )


def format_text(results: Sequence[FileResult], summary: Summary) -> str:
    """One ``path:line:col: level: message`` line per finding, nothing for a valid file."""
    return "".join(f"{d}\n" for result in results for d in result.diagnostics)


def format_json(results: Sequence[FileResult], summary: Summary) -> str:
    """``{"files": [{file, valid, diagnostics: [...]}], "summary": {...}}``."""
    document = {
        "files": [
            {
                "file": escape_text(result.file),
                "valid": result.valid,
                "diagnostics": [
                    {
                        "line": d.line,
                        "column": d.column,
                        "level": d.severity.value,
                        "origin": d.origin,
                        "message": d.message,
                    }
                    for d in result.diagnostics
                ],
            }
            for result in results
        ],
        "summary": {
            "level": summary.level,
            "files": summary.files,
            "valid": summary.valid,
            "invalid": summary.invalid,
            "errors": summary.errors,
            "warnings": summary.warnings,
            **({"tei_all": summary.tei_all} if summary.tei_all else {}),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def format_junit(results: Sequence[FileResult], summary: Summary) -> str:
    """One testcase per file: a ``failure`` when it is invalid, an ``error`` when we crashed."""
    suites = etree.Element("testsuites", name="tei validate")
    suite = etree.SubElement(
        suites,
        "testsuite",
        name=f"tei validate --level {summary.level}"
        + (f" ({summary.tei_all} tei_all)" if summary.tei_all else ""),
        tests=str(summary.files),
        failures=str(sum(not r.valid and not r.crashed for r in results)),
        errors=str(summary.crashed),
        skipped="0",
    )
    for result in results:
        case = etree.SubElement(
            suite,
            "testcase",
            classname=f"tei.validators.validate.{summary.level}",
            name=escape_text(result.file),
            file=escape_text(result.file),
        )
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if errors:
            kind = "error" if result.crashed else "failure"
            plural = "" if len(errors) == 1 else "s"
            failure = etree.SubElement(
                case,
                kind,
                message=escape_text(f"{len(errors)} error{plural}: {errors[0].message}"),
                type="internal" if result.crashed else "invalid",
            )
            failure.text = "".join(f"{d}\n" for d in errors)
        warnings = [d for d in result.diagnostics if d.severity is not Severity.ERROR]
        if warnings:
            etree.SubElement(case, "system-out").text = "".join(f"{d}\n" for d in warnings)
    body = etree.tostring(suites, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body


def format_github(results: Sequence[FileResult], summary: Summary) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for result in results:
        for d in result.diagnostics:
            properties = [f"file={_property(escape_text(result.file))}"]
            if d.line is not None:
                properties.append(f"line={d.line}")
                if d.column is not None:
                    properties.append(f"col={d.column}")
            properties.append(f"title={_property(f'tei validate ({d.origin or summary.level})')}")
            command = "error" if d.severity is Severity.ERROR else "warning"
            lines.append(f"::{command} {','.join(properties)}::{_data(d.message)}\n")
    return "".join(lines)


def _data(text: str) -> str:
    """Escape a workflow command's message (GitHub's toolkit escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (GitHub's toolkit escapeProperty)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


#: --format name → writer of the whole report (standard output)
FORMATTERS: dict[str, Callable[[Sequence[FileResult], Summary], str]] = {
    "text": format_text,
    "json": format_json,
    "junit": format_junit,
    "github": format_github,
}
