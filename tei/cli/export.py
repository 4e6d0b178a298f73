"""``tei export cmif``: TEI letters → one CMIF file for correspSearch to harvest.

A CMIF file is an index of a whole edition, so it is all or nothing: when an input cannot be
read, nothing is written (a partial index published over a complete one would silently drop
letters from correspSearch). The date CMIF requires (the file's last update) is never the clock
at export time, so the same letters give the same bytes: it is ``--date``, else
``$SOURCE_DATE_EPOCH`` (the reproducible-builds convention), else the newest modification time
among the input files — the moment the letter data last changed.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from lxml import etree

from tei.cli.common import (
    EXIT_INTERNAL,
    Debug,
    Force,
    Quiet,
    Strict,
    fail,
    guarded,
    read_stdin_once,
    write_stdout,
)
from tei.cli.report import Report
from tei.errors import TeiError, UsageError
from tei.io.files import XML_SUFFIXES, InputFile, gather_inputs, read_tei_bytes, write_atomic
from tei.io.xmlio import parse_xml
from tei.publish.cmif import build_cmif, letters_in, serialize_cmif
from tei.publish.cmif_check import check_cmif
from tei.publish.cmif_terms import Edition, is_web_url, timestamp

#: ``SOURCE_DATE_EPOCH``: seconds since 1970 that reproducible builds use instead of the clock
EPOCH_ENV = "SOURCE_DATE_EPOCH"


OutputFile = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="The file to write (default: stdout).", dir_okay=False),
]


class Kind(str, Enum):
    """What to export; CMIF is the one format so far."""

    CMIF = "cmif"


class LicenceName(str, Enum):
    """The licences correspSearch harvests."""

    CC_BY = "cc-by"
    CC0 = "cc0"


def export(
    kind: Annotated[Kind, typer.Argument(help="What to write: cmif (for correspSearch).")],
    sources: Annotated[
        list[str], typer.Argument(help="TEI letters (.xml) or folders of them; '-' reads stdin.")
    ],
    publisher: Annotated[
        str, typer.Option("--publisher", help="Who provides the letter metadata (CMIF publisher).")
    ],
    editor: Annotated[str, typer.Option("--editor", help="Contact person for the file.")],
    url: Annotated[
        str, typer.Option("--url", help="Where the CMIF file will be published (http(s) URL).")
    ],
    output: OutputFile = None,
    email: Annotated[
        str | None, typer.Option("--email", help="The contact person's e-mail address.")
    ] = None,
    licence: Annotated[
        LicenceName, typer.Option("--licence", help="cc-by (CC-BY 4.0, CMIF's default) or cc0.")
    ] = LicenceName.CC_BY,
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the index (default: from --publisher).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=f"Last update, YYYY-MM-DD or ISO date-time (default: ${EPOCH_ENV}, else the "
            "newest input file's modification time).",
        ),
    ] = None,
    force: Force = False,
    strict: Strict = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Write the letters' correspondence metadata as CMIF 1.1 for correspSearch.

    Only sent and received actions are exported (CMIF has no relay); persons get @ref only to
    GND, VIAF, LC, BnF or NDL ids, places only to GeoNames. Warnings name each letter and name
    left without an id. Nothing is written when an input fails.
    """
    del kind  # one kind so far: the argument makes room for others (`tei export <kind>`)
    try:
        items = letter_inputs(sources, output, "tei export")
        _check_options(
            url,
            email,
            {"--publisher": publisher, "--editor": editor, "--title": title, "--email": email},
        )
        stamp = cmif_timestamp(date, items)
    except TeiError as error:
        raise fail(error) from None
    edition = Edition(
        title=title or f"Letters published by {publisher}",
        publisher=publisher,
        editor=editor,
        url=url,
        timestamp=stamp,
        email=email,
        licence=licence.value,
    )
    report = Report(strict=strict, quiet=quiet)
    documents = _read_letters(items, report, debug)
    if report.failed:
        finish(report, "nothing written: every letter must be read for a complete index")
    tree, letters = _build(documents, edition, report, debug)
    _refuse_broken_output(tree, output)
    data = serialize_cmif(tree)
    try:
        written = write_output(output, data, force)
    except TeiError as error:
        raise fail(error) from None
    count = f"{letters} letter{'s' if letters != 1 else ''}"
    target = output or "<stdout>"
    finish(report, f"{count} written to {target}" if written else f"{target} unchanged ({count})")


def _read_letters(
    items: list[InputFile], report: Report, debug: bool
) -> list[tuple[str, etree._Element]]:
    """Each input's name and root; an input that cannot be read is an error in ``report``
    (the caller writes nothing then: an index missing a letter is not complete)."""
    stdin = read_stdin_once(items)
    documents = []
    for item in items:
        name = "<stdin>" if item.is_stdin else item.path
        try:
            data = read_tei_bytes(item, stdin)
            documents.append((name, guarded(name, debug, lambda d=data, n=name: _root(d, n))))
        except TeiError as error:
            report.error(error)
        else:
            report.done += 1
    return documents


def _build(
    documents: list[tuple[str, etree._Element]], edition: Edition, report: Report, debug: bool
) -> tuple[etree._ElementTree, int]:
    """The CMIF tree and its number of letters, its notices reported as warnings; finishes the
    command, writing nothing, when no letter has a correspDesc or --strict meets a warning."""
    try:
        tree, notices = guarded("tei export", debug, lambda: build_cmif(documents, edition))
    except TeiError as error:
        raise fail(error) from None
    for notice in notices:
        report.warning(notice.source, notice.line, notice.message)
    letters = len(tree.getroot().findall(".//{*}correspDesc"))
    if not letters:
        report.failed += 1
        finish(report, "nothing written: no letter has a correspDesc to export")
    if report.strict and report.warnings:
        finish(report, "nothing written (--strict)")
    return tree, letters


def _refuse_broken_output(tree: etree._ElementTree, output: Path | None) -> None:
    """Exit with :data:`EXIT_INTERNAL`, writing nothing, when the CMIF built breaks CMIF's
    rules (:func:`check_cmif`): that is a bug of the exporter, never the user's input."""
    problems = check_cmif(tree)
    if not problems:
        return
    for problem in problems:
        target = str(output or "<stdout>")
        where = f"{target}:{problem.line}" if problem.line else target
        print(f"{where}: error: {problem.message}", file=sys.stderr)
    print(
        "tei export: error: internal error: the CMIF output breaks the rules above; "
        "nothing written — please report this with the input files",
        file=sys.stderr,
    )
    raise typer.Exit(EXIT_INTERNAL)


def write_output(output: Path | None, data: bytes, force: bool) -> bool:
    """The file, atomically (False: it already held these bytes), or standard output."""
    if output is None:
        write_stdout(data)
        return True
    return write_atomic(output, data, force=force)


def _root(data: bytes, name: str) -> etree._Element:
    """The parsed root, refused here (per file) unless it is a TEI letter or a teiCorpus."""
    root = parse_xml(data, name).getroot()
    next(letters_in(root, name), None)
    return root


def finish(report: Report, outcome: str) -> None:
    """Print the summary with what became of the output, and exit with the report's code."""
    # the summary stays under --quiet, which hides only warnings
    print(f"{report.summary('read')}; {outcome}", file=sys.stderr)
    raise typer.Exit(report.exit_code)


def letter_inputs(sources: list[str], output: Path | None, command: str) -> list[InputFile]:
    """The TEI files to read, each once, never the output itself (it may sit in a folder of
    them, from an earlier run); an output named as an input too is refused."""
    seen: set[str] = set()
    target = os.path.realpath(output) if output is not None else None
    named = [source for source in sources if source != "-" and os.path.realpath(source) == target]
    if named:  # found in a folder it is this command's own earlier output; named, a letter
        raise UsageError(
            f"the output {output} is also given as a letter to read ({named[0]}); nothing written",
            source=command,
            hint="write the output to another file (-o)",
        )
    items = []
    for item in gather_inputs(sources, XML_SUFFIXES):
        key = item.path if item.is_stdin else os.path.realpath(item.path)
        if key not in seen and key != target:
            seen.add(key)
            items.append(item)
    if not items:
        raise UsageError(
            "no TEI files (.xml, .tei) found", source=command, hint="give letters or folders"
        )
    return items


def _check_options(url: str, email: str | None, texts: dict[str, str | None]) -> None:
    for option, value in texts.items():
        bad = sorted({f"U+{ord(c):04X}" for c in value or "" if _NOT_XML.match(c)})
        if bad:
            raise UsageError(
                f"{option} holds {', '.join(bad)}, which XML cannot hold",
                source="tei export",
                hint="remove the control characters from the option",
            )
    try:
        web = is_web_url(url)
    except ValueError:  # urlsplit refuses a broken IPv6 host ("http://[::1")
        web = False
    if not web:
        raise UsageError(
            f"--url {url!r} is not an http(s) URL",
            source="tei export",
            hint="give the address where the CMIF file will be published",
        )
    if email is not None and (email.count("@") != 1 or any(c.isspace() for c in email)):
        raise UsageError(f"--email {email!r} is not an e-mail address", source="tei export")


def cmif_timestamp(option: str | None, items: list[InputFile]) -> str:
    """The CMIF file's date: given, or reproducible (see the module's docstring)."""
    if option is not None:
        return _parsed(option, "--date")
    epoch = os.environ.get(EPOCH_ENV)
    if epoch:
        try:
            return from_epoch(float(epoch))
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"${EPOCH_ENV}={epoch!r} is not a number of seconds", source="tei export"
            ) from None
    times = []
    for item in items:
        if not item.is_stdin:
            try:
                times.append(os.stat(item.path).st_mtime)
            except OSError:
                continue  # reading it fails and says why; nothing is written then
    if not times:
        raise UsageError(
            "reading standard input, there is no file date for the CMIF file",
            source="tei export",
            hint=f"give --date YYYY-MM-DD or set ${EPOCH_ENV}",
        )
    return from_epoch(max(times))


def from_epoch(seconds: float) -> str:
    """An xsd:dateTime in UTC to the second, for a file time or $SOURCE_DATE_EPOCH."""
    try:
        moment = datetime.fromtimestamp(int(seconds), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):  # past year 9999, or before year 1
        raise UsageError(
            f"the time {seconds:.0f} s since 1970 is outside the years 1–9999 a CMIF date holds",
            source="tei export",
            hint=f"give --date YYYY-MM-DD, or fix the files' dates (or ${EPOCH_ENV})",
        ) from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


#: characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; the non-characters)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _parsed(value: str, option: str) -> str:
    try:
        return timestamp(value)
    except ValueError as exc:
        raise UsageError(
            f"{option}: {exc}", source="tei export", hint="e.g. 2025-03-01 or 2025-03-01T12:00:00Z"
        ) from None
