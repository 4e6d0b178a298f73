"""``tei corpus``: TEI letters → one teiCorpus; with ``--link``, prev/next links in the letters too.

Like a CMIF index, a corpus is all or nothing: when a letter cannot be read (or two letters share
an id), nothing is written, neither the corpus nor any letter's links.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import typer

from tei.cli.common import Debug, Force, Quiet, Strict, fail, guarded, read_stdin_once
from tei.cli.export import (
    OutputFile,
    finish,
    letter_inputs,
    write_output,
)
from tei.cli.report import Report
from tei.errors import InputError, OutputError, TeiError, UsageError
from tei.io.files import InputFile, read_tei_bytes
from tei.io.writing import stage, write_all
from tei.io.xmlio import parse_xml
from tei.publish.corpus import (
    Letter,
    Neighbours,
    build_corpus,
    chains,
    links_of,
    read_letter,
    set_links,
    to_bytes,
)


def corpus(
    sources: Annotated[list[str], typer.Argument(help="TEI letters (.xml) or folders of them.")],
    output: OutputFile = None,
    link: Annotated[
        bool,
        typer.Option(
            "--link", help="Also write the prev/next links into each letter's own TEI file."
        ),
    ] = False,
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the corpus (default: from the count).")
    ] = None,
    force: Force = False,
    strict: Strict = False,
    quiet: Quiet = False,
    debug: Debug = False,
) -> None:
    """Put TEI letters into one teiCorpus with a shared personography.

    Letters between the same two correspondents are linked (correspContext, prev/next) in the
    order of their sent date. --link writes those links into the letters' own files as well;
    -o's file is kept when it differs unless --force, the letters are updated in place.
    """
    try:
        items = letter_inputs(sources, output, "tei corpus")
        if link and any(item.is_stdin for item in items):
            raise UsageError(
                "--link writes into the letters' files; standard input has none",
                source="tei corpus",
                hint="give the letters as files",
            )
    except TeiError as error:
        raise fail(error) from None
    report = Report(strict=strict, quiet=quiet)
    letters = _read_letters(items, report, debug)
    if report.failed:
        finish(report, "nothing written: every letter must be read for the corpus")
    neighbours, notices = chains(letters)
    heading = title or _default_title(len(letters))
    try:
        tree, more = guarded(
            "tei corpus", debug, lambda: build_corpus(letters, neighbours, heading)
        )
    except TeiError as error:
        raise fail(error) from None
    for notice in [*notices, *more]:
        report.warning(notice.source, notice.line, notice.message)
    if report.strict and report.warnings:
        finish(report, "nothing written (--strict)")
    data = to_bytes(tree)
    try:
        written, linked = _write(output, data, force, _links(letters, neighbours) if link else [])
    except TeiError as error:
        report.error(error)
        finish(report, "stopped")
    target = output or "<stdout>"
    outcome = f"{len(letters)} letters, {len(neighbours)} linked, in {target}"
    if not written:
        outcome += " (unchanged)"
    if link:
        outcome += f"; links written into {linked} letter file{'s' if linked != 1 else ''}"
    finish(report, outcome)


def _read_letters(items: list[InputFile], report: Report, debug: bool) -> list[Letter]:
    """The letters read, in the order given; an input that cannot be read, or whose document id
    another letter already has, is an error in ``report`` (the caller then writes nothing)."""
    stdin = read_stdin_once(items)
    letters: list[Letter] = []
    seen: dict[str, str] = {}
    for item in items:
        name = "<stdin>" if item.is_stdin else item.path
        try:
            letter = guarded(name, debug, lambda i=item, n=name: _read(i, n, stdin))
            if letter.doc_id in seen:
                raise InputError(
                    f"document id {letter.doc_id!r} is also the id of {seen[letter.doc_id]}",
                    source=name,
                    hint="give each letter once; ids must be unique in a corpus",
                )
        except TeiError as error:
            report.error(error)
            continue
        seen[letter.doc_id] = name
        letters.append(letter)
        report.done += 1
    return letters


def _read(item: InputFile, name: str, stdin: bytes | None) -> Letter:
    return read_letter(parse_xml(read_tei_bytes(item, stdin), name).getroot(), name)


def _write(
    output: Path | None, data: bytes, force: bool, links: list[tuple[Path, bytes]]
) -> tuple[bool, int]:
    """The corpus and the letters' new links as one change: the corpus is staged first (it is
    refused there when it exists and differs without --force), then the letters all or none,
    and the corpus is put in place last. Returns (corpus written, letters changed)."""
    if output is None:
        linked = write_all(links)
        return write_output(None, data, force), linked
    staged = stage(output, data, force=force)
    try:
        linked = write_all(links)
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    if staged is not None:
        try:
            staged.commit()
        except OSError as exc:
            staged.discard()
            raise OutputError(f"cannot write here: {exc.strerror}", source=str(output)) from None
    return staged is not None, linked


def _links(letters: list[Letter], neighbours: dict[str, Neighbours]) -> list[tuple[Path, bytes]]:
    """Each letter's links into its own file, pointing at the other files by relative path.

    The files are the user's letters, changed on purpose (``--link``): a file is rewritten,
    atomically, only when its links change, so nothing else in it is touched otherwise. All or
    nothing: every changed letter is staged first, and none is replaced unless all could be. A
    letter that is a symbolic link keeps being one: the file it points to is updated.
    """
    changes: list[tuple[Path, bytes]] = []
    for letter in letters:
        here = os.path.dirname(os.path.abspath(letter.source))

        def relative(other: Letter, here: str = here) -> str:
            path = os.path.relpath(os.path.abspath(other.source), here)
            return quote(Path(path).as_posix(), safe="/._-~")

        before = links_of(letter.root)
        set_links(letter.root, neighbours.get(letter.doc_id), relative)
        if links_of(letter.root) != before:
            changes.append((Path(letter.source), to_bytes(letter.root)))
    return changes


def _default_title(count: int) -> str:
    return f"Corpus of {count} letter{'s' if count != 1 else ''} encoded with telegram-tei"
