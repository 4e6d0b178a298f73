"""One transcription's text → its TEI documents: front matter, the split into documents, the
refusal of what is no letter, the reading, the editor's facts, and the encoding.

The convert command calls this for each input; it touches no file, so each step can be tested
without the disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from tei.authority import Authority, bundled_authority
from tei.encode.editor_marks import mark_editor_facts
from tei.encode.header import encode_telegram
from tei.errors import InputError
from tei.metadata import EditorFacts, MetadataError, split_front_matter
from tei.model import ReaderWarning
from tei.readers.not_a_letter import not_a_letter
from tei.readers.split_documents import split_documents
from tei.transforms import read
from tei.transforms.editor_facts import apply_editor_facts
from tei.transforms.identities import resolved_persons


@dataclass(frozen=True)
class Options:
    """What the user asked for beyond the text: metadata, splitting, non-letters."""

    #: the editor's table, by the resolved path of each row's file
    metadata: dict[Path, EditorFacts] = field(default_factory=dict)
    split: bool = True
    allow_non_letters: bool = False
    #: warning kinds the user silenced (``--quiet-warning``)
    quiet: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Document:
    """One TEI document made from a transcription, and what its reading warned about."""

    tree: etree._ElementTree
    warnings: tuple[ReaderWarning, ...]
    first_line: int = 1
    #: the text it was read from (front matter blanked; its part of a page of several), which
    #: convert's self-check compares the TEI's words with
    text: str = ""


def read_documents(
    text: str, name: str, path: Path | None, authority: Authority, options: Options
) -> tuple[list[Document], list[ReaderWarning]]:
    """The documents of one transcription, and the warnings about the page as a whole.

    Raises :class:`InputError` (located) for a text that is no letter, and
    :class:`MetadataError` when the editor's facts cannot apply.
    """
    text, front = split_front_matter(text, name)
    row = options.metadata.get(path.resolve()) if path is not None else None
    facts = front.merged(row) if front is not None else row
    page_warnings: list[ReaderWarning] = []
    if front is not None and row is not None:
        for field_name, mine, theirs in front.disagreements(row):
            page_warnings.append(
                ReaderWarning(
                    f"{field_name}: {front.where(field_name)} gives {mine!r}, "
                    f"{row.where(field_name)} gives {theirs!r}: the table's value is used",
                    front.places.get(field_name),
                    "metadata-conflict",
                )
            )
    refusal = not_a_letter(text)
    if refusal is not None:
        if not options.allow_non_letters:
            raise InputError(
                refusal.message,
                source=name,
                line=refusal.line,
                hint="if it is one, give --allow-non-letters to encode it anyway",
            )
        page_warnings.append(ReaderWarning(refusal.message, refusal.line, "not-a-letter"))
    parts = split_documents(text) if options.split else [(1, text)]
    if len(parts) > 1 and facts is not None:
        raise MetadataError(
            f"the page holds {len(parts)} documents, and the editor's metadata describes one",
            source=facts.origin,
            line=facts.line,
            hint="give --no-split to encode the page as one document, or split the file",
        )
    documents = []
    for number, (first_line, part) in enumerate(parts, start=1):
        telegram = read(part, name, authority)
        applied = None
        if facts is not None:
            telegram, applied, editor_persons = apply_editor_facts(telegram, facts)
            # the editor's persons join the reading's: identities are still resolved in one place
            known = bundled_authority().merged(authority).merged(editor_persons)
            telegram = replace(telegram, persons=resolved_persons(telegram, known))
        if len(parts) > 1:
            telegram = replace(telegram, source_name=part_name(name, number))
        tree = encode_telegram(telegram)
        if applied is not None:
            mark_editor_facts(tree, applied)
        documents.append(Document(tree, telegram.warnings, first_line, part))
    return documents, page_warnings


def part_name(name: str, number: int) -> str:
    """``letters/grey.txt`` → ``letters/grey-2.txt``: the name the part's TEI id is made from."""
    head, slash, last = name.rpartition("/")
    stem, dot, suffix = last.rpartition(".") if "." in last else (last, "", "")
    return f"{head}{slash}{stem}-{number}{dot}{suffix}"


__all__ = ["Document", "Options", "part_name", "read_documents"]
