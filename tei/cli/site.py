"""``tei site``: TEI letters → a static edition site (pages, index, persons, charts, search).

Like ``tei corpus``, a site is all or nothing: every input must be read, or nothing is written
(a site missing letters would look complete). Problems are one line each; the CMIF and corpus
builds' warnings, which can run to one per name in a large collection, are counted here and
listed on the site's data-quality page.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from lxml import etree

from tei.cli.common import Debug, Quiet, fail, guarded
from tei.cli.export import cmif_timestamp, finish
from tei.cli.report import Report
from tei.errors import TeiError, UsageError
from tei.io.files import TEXT_SUFFIXES, XML_SUFFIXES, InputFile, gather_inputs, read_tei_bytes
from tei.publish.cmif_terms import Edition, is_web_url
from tei.publish.site.build import SiteOptions, build_site, check_unique, read_input
from tei.publish.site.collect import Record
from tei.publish.site.write import previous_files, write_site


def site(
    sources: Annotated[
        list[str],
        typer.Argument(help="TEI letters, teiCorpus files, transcriptions, or folders of them."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The site's folder (new, empty, or a site).")
    ],
    title: Annotated[str | None, typer.Option("--title", help="The collection's title.")] = None,
    about: Annotated[
        Path | None,
        typer.Option("--about", help="A text file for the home page (paragraphs).", dir_okay=False),
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Where the site will be published (for CMIF).")
    ] = None,
    editor: Annotated[
        str | None, typer.Option("--editor", help="Contact person for the CMIF file.")
    ] = None,
    email: Annotated[str | None, typer.Option("--email", help="The editor's e-mail.")] = None,
    publisher: Annotated[
        str | None, typer.Option("--publisher", help="CMIF publisher (default: the title).")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="CMIF date, YYYY-MM-DD (default as tei export).")
    ] = None,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Build a static web site of the letters: open SITE/index.html, or put SITE on any server.

    The site needs no server and no network: letter pages, an index to sort and filter, a page
    per person and place, a timeline, a network of correspondents, full-text search, a
    data-quality page and the TEI (each letter, a teiCorpus and, with --url and --editor, a
    CMIF file) to download. An existing folder is only written into when a previous
    `tei site` made it.
    """
    try:
        items = _inputs(sources, output)
        about_text = _about(about)
        edition = _edition(url, editor, email, publisher, title, date, items)
        previous_files(output)  # a folder that is not a site is refused before any work
    except TeiError as error:
        raise fail(error) from None
    report = Report(quiet=quiet)
    records, roots = _read_all(items, report, debug)
    for problem in check_unique(records):
        report.error(problem)
    if report.failed:
        finish(report, "nothing written: every letter must be read for the site")
    options = SiteOptions(title, about_text, edition)
    try:
        built = guarded("tei site", debug, lambda: build_site(records, roots, options))
    except TeiError as error:
        raise fail(error) from None
    try:
        result = guarded(str(output), debug, lambda: write_site(output, built.files))
    except TeiError as error:
        # files already written are whole, and the marker lets the next build finish the site
        print(str(error), file=sys.stderr)
        print(f"{report.summary('read')}; stopped: run again to finish the site", file=sys.stderr)
        raise typer.Exit(1) from None
    for record, message in built.quality.warnings:
        report.warning(record.source, None, message)
    notes = len(built.notices)
    outcome = (
        f"{len(built.collection.records)} letters; {result.written} files written, "
        f"{result.unchanged} unchanged, {result.removed} removed, in {output}"
    )
    if notes:
        outcome += f"; {notes} notes from the CMIF/corpus builds on quality.html"
    outcome += f"; open {output / 'index.html'}"
    finish(report, outcome)


def _read_all(
    items: list[InputFile], report: Report, debug: bool
) -> tuple[list[Record], list[etree._Element]]:
    """The letters' records and each input's root, in the order given; an input that cannot be
    read is an error in ``report`` (the caller then writes nothing)."""
    records: list[Record] = []
    roots: list[etree._Element] = []
    for item in items:
        try:
            found, root = guarded(item.path, debug, lambda i=item: _read(i))
        except TeiError as error:
            report.error(error)
            continue
        records.extend(found)
        roots.append(root)
        report.done += 1
    return records, roots


def _inputs(sources: list[str], output: Path) -> list[InputFile]:
    """The inputs, each once, leaving out anything inside the site's folder (a previous build's
    own TEI downloads must not come back as letters)."""
    inside = os.path.realpath(output) + os.sep
    seen: set[str] = set()
    items = []
    for item in gather_inputs(sources, XML_SUFFIXES + TEXT_SUFFIXES):
        if item.is_stdin:
            raise UsageError("tei site reads files, not standard input", source="tei site")
        key = os.path.realpath(item.path)
        if key not in seen and not key.startswith(inside):
            seen.add(key)
            items.append(item)
    if not items:
        raise UsageError(
            "no letters found (.xml, .tei, .txt, .md)", source="tei site", hint="give letters"
        )
    return items


def _read(item: InputFile) -> tuple[list[Record], etree._Element]:
    return read_input(item.path, read_tei_bytes(item))


def _about(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the --about file: {exc}", source=str(path)) from None


def _edition(
    url: str | None,
    editor: str | None,
    email: str | None,
    publisher: str | None,
    title: str | None,
    date: str | None,
    items: list[InputFile],
) -> Edition | None:
    """The CMIF file's edition, when --url and --editor say where and who; else no CMIF."""
    if url is None and editor is None:
        return None
    if url is None or editor is None:
        raise UsageError(
            "--url and --editor go together: CMIF needs both", source="tei site",
            hint="give both for a CMIF download, or neither",
        )  # fmt: skip
    if not is_web_url(url):
        raise UsageError(
            f"--url {url!r} is not an http(s) URL", source="tei site",
            hint="give the address where the site will be published",
        )  # fmt: skip
    if email is not None and (email.count("@") != 1 or any(c.isspace() for c in email)):
        raise UsageError(f"--email {email!r} is not an e-mail address", source="tei site")
    name = title or "Letters"
    return Edition(
        title=name,
        publisher=publisher or name,
        editor=editor,
        url=url.rstrip("/") + "/downloads/cmif.xml",
        timestamp=cmif_timestamp(date, items),
        email=email,
    )
