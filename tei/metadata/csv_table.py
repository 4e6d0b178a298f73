"""The editor's table of documents (``--metadata FILE.csv``): one row per transcription.

The first row names the columns (see :data:`tei.metadata.fields.FIELDS`; csv2cmi's names are
accepted too); ``file`` is required and is read relative to the CSV file's folder, the way a
table kept beside its transcriptions refers to them. Every problem is reported with its CSV line
and column, all of them at once, before anything is converted: a table with a typo must not
half-apply.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tei.errors import TeiError
from tei.metadata.facts import EditorFacts
from tei.metadata.fields import FIELDS, MetadataError, canonical_field, check_value

#: a table larger than this is refused (it would hold some hundred thousand rows)
MAX_CSV_BYTES = 50_000_000


def read_metadata_csv(path: Path) -> tuple[dict[Path, EditorFacts], list[TeiError]]:
    """The rows of the table by the resolved path of their file, and every error found."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            return {}, [MetadataError("the metadata file is too large", source=name)]
        data = path.read_bytes()
    except OSError as exc:
        return {}, [MetadataError(f"cannot read the metadata file: {exc.strerror}", source=name)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return {}, [
            MetadataError(
                f"not UTF-8 (byte {exc.start + 1})", source=name, hint="save the table as UTF-8"
            )
        ]
    return parse_metadata_csv(text, name, path.parent)


def parse_metadata_csv(
    text: str, name: str, folder: Path
) -> tuple[dict[Path, EditorFacts], list[TeiError]]:
    """Parse a table's text; ``folder`` is where its ``file`` names are looked up."""
    errors: list[TeiError] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        return {}, [MetadataError(f"not a CSV table: {exc}", source=name, line=1)]
    if header is None or not any(cell.strip() for cell in header):
        return {}, [MetadataError("the metadata table is empty", source=name, line=1)]
    columns = _columns(header, name, errors)
    if "file" not in columns.values():
        errors.append(
            MetadataError(
                "no 'file' column", source=name, line=1, hint="name each row's transcription"
            )
        )
        return {}, errors
    rows: dict[Path, EditorFacts] = {}
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(MetadataError(f"not a CSV row: {exc}", source=name, line=line))
            break
        if any(cell.strip() for cell in cells):
            _row(cells, line, (columns, len(header)), name, folder, rows, errors)
        line = reader.line_num + 1
    return rows, errors


def _columns(header: list[str], name: str, errors: list[TeiError]) -> dict[int, str]:
    """Column index → field; unknown and repeated names are located errors."""
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        field = canonical_field(cell)
        if field is None:
            errors.append(
                MetadataError(
                    f"unknown column {cell.strip()!r}",
                    source=name,
                    line=1,
                    column=index + 1,
                    hint=f"the columns are {', '.join(FIELDS)}",
                )
            )
        elif field in columns.values():
            errors.append(
                MetadataError(
                    f"column {cell.strip()!r} repeats the {field} column",
                    source=name,
                    line=1,
                    column=index + 1,
                )
            )
        else:
            columns[index] = field
    return columns


def _row(
    cells: list[str],
    line: int,
    table: tuple[dict[int, str], int],
    name: str,
    folder: Path,
    rows: dict[Path, EditorFacts],
    errors: list[TeiError],
) -> None:
    """Check one row's cells and file; add it to ``rows`` only when all of it is right.

    ``table`` is the columns' fields by index and the header's width.
    """
    columns, width = table
    facts = EditorFacts(name, line, "csv")
    failed = False
    for index, cell in enumerate(cells):
        value = cell.strip()
        if index not in columns:
            if value and index >= width:
                errors.append(
                    MetadataError(
                        "more cells than columns", source=name, line=line, column=index + 1
                    )
                )
                failed = True
            continue
        if not value:
            continue
        try:
            facts.values[columns[index]] = check_value(columns[index], value)
        except MetadataError as error:
            error.location.source, error.location.line = name, line
            error.location.column = index + 1
            errors.append(error)
            failed = True
            continue
        facts.places[columns[index]] = index + 1
    target = _target(facts, folder, name, errors)
    if target is None or failed:
        return
    if target in rows:
        first = rows[target].line
        errors.append(
            MetadataError(
                f"file {facts.text('file')!r} has a row already (line {first})",
                source=name,
                line=line,
                column=facts.places.get("file"),
            )
        )
        return
    rows[target] = facts


def _target(facts: EditorFacts, folder: Path, name: str, errors: list[TeiError]) -> Path | None:
    """The row's transcription, resolved; a missing or absent file is a located error."""
    given = facts.text("file")
    if given is None:
        errors.append(MetadataError("the row names no file", source=name, line=facts.line))
        return None
    path = folder / given
    if not path.is_file():
        errors.append(
            MetadataError(
                f"file {given!r} does not exist",
                source=name,
                line=facts.line,
                column=facts.places.get("file"),
                hint=f"file names are read relative to {folder}",
            )
        )
        return None
    return path.resolve()


__all__ = ["MAX_CSV_BYTES", "parse_metadata_csv", "read_metadata_csv"]
