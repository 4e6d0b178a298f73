"""Front matter: the editor's facts in a block at the top of a transcription.

The block is the first line ``---``, then one ``field: value`` per line, then ``---``:

    ---
    title: Sir E. Grey to Sir E. Goschen
    date: 1914-08-01
    sender: Sir Edward Grey
    ---

Why a strict small grammar and not YAML: YAML turns ``no`` into false, ``1914-08-01`` into a
date object and ``Note: see`` into a mapping, so an editor's plain words could change meaning;
here a value is the rest of its line, taken verbatim (a pair of surrounding quotes is removed).
Blank lines and lines starting with ``#`` inside the block are ignored. A block is taken only
when its opening ``---`` is the text's first line, a closing ``---`` follows within
:data:`MAX_LINES` lines, and every other line in between has the ``field:`` form — so a
letter that merely begins with a rule of dashes is left alone. Inside a block, an unknown field
or a bad value is an error naming its line.
"""

from __future__ import annotations

import re

from tei.metadata.facts import EditorFacts
from tei.metadata.fields import FIELDS, MetadataError, canonical_field, check_value

#: a front-matter block longer than this is not one
MAX_LINES = 60
_DELIMITER = re.compile(r"---[ \t]*")
_ENTRY = re.compile(r"(?P<key>[A-Za-z_][\w \-]*?)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*")


def split_front_matter(text: str, source: str) -> tuple[str, EditorFacts | None]:
    """The text with its front matter blanked out (line numbers stay true), and its facts.

    Raises :class:`MetadataError` at the line of an unknown field or a bad value.
    """
    lines = text.split("\n")
    end = _block_end(lines)
    if end is None:
        return text, None
    facts = EditorFacts(source, 1, "front matter")
    for number in range(2, end + 1):
        line = lines[number - 1].rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        _entry(line, number, facts, source)
    rest = [""] * (end + 1) + lines[end + 1 :]
    return "\n".join(rest), facts


def _block_end(lines: list[str]) -> int | None:
    """The 0-based index of the closing ``---`` when the text opens with a block, else None."""
    first = lines[0].lstrip("\ufeff").rstrip("\r") if lines else ""
    if not _DELIMITER.fullmatch(first):
        return None
    for index in range(1, min(len(lines), MAX_LINES + 2)):
        line = lines[index].rstrip("\r")
        if _DELIMITER.fullmatch(line):
            return index if index > 1 else None
        if line.strip() and not line.lstrip().startswith("#") and not _ENTRY.fullmatch(line):
            return None
    return None


def _entry(line: str, number: int, facts: EditorFacts, source: str) -> None:
    match = _ENTRY.fullmatch(line)
    assert match is not None  # _block_end checked every line
    key, value = match["key"], _unquote(match["value"] or "")
    field = canonical_field(key)
    if field is None or field == "file":
        raise MetadataError(
            f"unknown front-matter field {key.strip()!r}",
            source=source,
            line=number,
            column=1,
            hint=f"the fields are {', '.join(f for f in FIELDS if f != 'file')}",
        )
    if field in facts.values:
        raise MetadataError(
            f"field {field!r} is given twice (line {facts.places[field]})",
            source=source,
            line=number,
        )
    if not value:
        return
    try:
        facts.values[field] = check_value(field, value)
    except MetadataError as error:
        error.location.source, error.location.line = source, number
        error.location.column = match.start("value") + 1
        raise
    facts.places[field] = number


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value.strip()


__all__ = ["MAX_LINES", "split_front_matter"]
