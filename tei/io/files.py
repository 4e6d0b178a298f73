"""The disk, in one place: finding inputs, decoding text, and writing outputs atomically.

Every stage below the CLI works on values; only this module and the CLI touch files. Outputs
are written to a temporary file in the target folder and renamed over the target, so an
interrupted batch leaves whole files or none, never a half-written one.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tei.errors import InputError, UsageError
from tei.io.writing import write_atomic

STDIN = "-"
TEXT_SUFFIXES = (".txt", ".md", ".text")
XML_SUFFIXES = (".xml", ".tei")


@dataclass(frozen=True)
class InputFile:
    """One input: its path (``-`` for standard input) and where it sits below a given folder.

    ``problem`` is set for an entry a folder walk could not look into (a folder without read
    permission): reading it raises, so the batch counts it as failed instead of skipping it.
    """

    path: str
    relative: Path  # the output's path below OUTDIR, without suffix
    problem: str | None = None

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def gather_inputs(sources: Iterable[str], suffixes: tuple[str, ...]) -> Iterator[InputFile]:
    """Files as given, and files with one of ``suffixes`` found below each folder, sorted.

    Anything with a matching suffix that is not a folder is kept, even a broken link, a named
    pipe or a device: reading it then fails with a message naming it, and the batch counts it,
    rather than leaving it out unsaid. A folder that cannot be listed is kept the same way.
    """
    for source in sources:
        if source == STDIN:
            yield InputFile(STDIN, Path("stdin"))
            continue
        path = Path(source)
        if path.is_dir():
            yield from _walk(path, suffixes)
        elif path.exists() or path.is_symlink():
            yield InputFile(str(path), Path(output_stem(path.name)))
        else:
            raise UsageError(
                "no such file or folder", source=source, hint="check the path and try again"
            )


def _walk(top: Path, suffixes: tuple[str, ...]) -> Iterator[InputFile]:
    """The walk behind :func:`gather_inputs`: ``os.walk`` with its errors kept, not dropped
    (``Path.rglob`` silently skips a folder it may not read, so its files go unchecked)."""
    found: list[InputFile] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or str(top)
        reason = error.strerror or str(error)
        found.append(InputFile(str(where), Path(where).relative_to(top), f"folder: {reason}"))

    for folder, folders, files in os.walk(top, onerror=unreadable):
        folders.sort()
        for name in files:  # a broken link is among the files; a link to a folder is not
            file = Path(folder) / name
            if file.suffix.lower() in suffixes and not file.is_dir():
                relative = file.relative_to(top)
                found.append(InputFile(str(file), relative.parent / output_stem(relative.name)))
    yield from sorted(found, key=lambda item: item.path)


def output_stem(name: str) -> str:
    """A file's name without its last suffix, to which an output's suffix is added.

    ``a.b.txt`` gives ``a.b`` (so it and ``a.c.txt`` get different outputs), and names that
    would leave nothing or a dot folder (``..txt``, ``.txt``) keep their whole name.
    """
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem.strip(".") else name


#: one telegram is a few kilobytes; past this a file is refused unless the user raises the limit
MAX_TEXT_BYTES = 10_000_000


#: what to do about an oversized input, where the command has --max-size
RAISE_THE_LIMIT = "check it is one telegram; raise the limit with --max-size MB"
#: the commands that read TEI (validate, render, export, corpus) refuse larger files outright
MAX_TEI_BYTES = 100_000_000
TEI_TOO_LARGE = (
    "TEI files are read whole, and over 100 MB are refused: split a collection into smaller "
    "files (one letter each, or a corpus of a few thousand)"
)
#: bytes read at a time, so the size limit holds while reading, not after
_CHUNK = 1 << 20
#: what each kind of file that is not a regular file is called in a message
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def read_bytes(
    source: InputFile,
    stdin: bytes | None = None,
    max_bytes: int | None = MAX_TEXT_BYTES,
    too_large: str = RAISE_THE_LIMIT,
    limit_for: str = "one telegram",
) -> bytes:
    """The input's bytes; a read failure, a file that is not a regular file, or an oversized
    file is an :class:`InputError`.

    Only regular files are read: a named pipe would block forever and ``/dev/zero`` (size 0)
    would fill the memory, so the kind is checked with ``stat`` before opening, and again on
    the open descriptor (opened non-blocking, so even a pipe swapped in between cannot hang).
    The limit holds while reading: a file that grows, or lies about its size, stops at it.
    """
    if source.is_stdin:
        data = stdin if stdin is not None else b""
        _check_size(len(data), max_bytes, source.path, too_large, limit_for)
        return data
    if source.problem is not None:
        raise InputError(
            f"cannot read the {source.problem}",
            source=source.path,
            hint="check that you may read it (its files were not checked)",
        )
    try:
        _refuse_special(os.stat(source.path).st_mode, source.path)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        handle = os.open(source.path, flags | getattr(os, "O_BINARY", 0))
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            _refuse_special(info.st_mode, source.path)
            _check_size(info.st_size, max_bytes, source.path, too_large, limit_for)
            data = read_limited(stream, max_bytes)
        _check_size(len(data), max_bytes, source.path, too_large, limit_for)
        return data
    except FileNotFoundError:
        path = Path(source.path)
        if path.is_symlink():
            raise InputError(
                f"is a broken link: it points to {os.readlink(path)}, which does not exist",
                source=source.path,
                hint="restore the file it points to, or remove the link",
            ) from None
        raise InputError(
            "cannot read the file: No such file or directory",
            source=source.path,
            hint="check that it exists and that you may read it",
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot read the file: {exc.strerror or exc}",
            source=source.path,
            hint="check that it exists and that you may read it",
        ) from None


def read_limited(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """At most ``max_bytes`` + 1 bytes of ``stream`` (one more than allowed says "too large")."""
    if max_bytes is None:
        return stream.read()
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_stdin(max_bytes: int | None = MAX_TEI_BYTES) -> bytes:
    """Standard input's bytes, read no further than one byte past the limit."""
    import sys

    return read_limited(sys.stdin.buffer, max_bytes)


def _refuse_special(mode: int, source: str) -> None:
    for test, kind in _KINDS:
        if test(mode):
            if kind == "a folder":
                raise InputError("is a folder, not a file", source=source)
            raise InputError(
                f"is {kind}, not a regular file; not read",
                source=source,
                hint="give the file itself (only regular files are read)",
            )


def _check_size(size: int, max_bytes: int | None, source: str, hint: str, what: str) -> None:
    if max_bytes is None or size <= max_bytes:
        return
    limit = f"{max_bytes / 1e6:g} MB limit for {what}"
    if source == STDIN:  # read only up to the limit: its whole size is not known
        raise InputError(f"standard input is over the {limit}", source="<stdin>", hint=hint)
    raise InputError(f"file is {size / 1e6:.1f} MB, over the {limit}", source=source, hint=hint)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode a transcription; return the text and warnings about how it was decoded.

    UTF-8 is expected; a byte-order mark selects UTF-8/16/32. Text with NUL bytes that is not
    UTF-16/32 is binary and refused. Other bytes are refused with the command that fixes them,
    unless they are clearly one of the legacy encodings archives used (see
    :func:`guess_legacy`), which is decoded and warned about.
    """
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), warnings
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start})",
                    source=source,
                    hint="re-save the file as UTF-8",
                ) from None
    if b"\x00" in data:
        raise InputError(
            "binary data (NUL bytes), not a text file",
            source=source,
            line=data[: data.index(b"\x00")].count(b"\n") + 1,
            hint="give the plain-text transcription, not a PDF, image or word-processor file",
        )
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        legacy = guess_legacy(data)
        if legacy is None:
            raise InputError(
                f"not UTF-8 (byte 0x{data[exc.start]:02x} at line {line})",
                source=source,
                line=line,
                hint="convert it, e.g. iconv -f cp1252 -t utf-8 FILE > FILE.utf8",
            ) from None
        warnings.append(f"not UTF-8: decoded as {legacy}; re-save the file as UTF-8 to be sure")
        return data.decode(legacy), warnings


def guess_legacy(data: bytes) -> str | None:
    """cp1251 for Cyrillic text, cp1252 for Western text; None when it is not clear.

    In cp1251 Russian words are runs of high bytes (every letter is one), while Western text in
    cp1252 has an accented letter or a dash here and there among ASCII letters. So: when most
    high bytes stand next to another high byte and they are the Cyrillic letter range
    (0xC0–0xFF), cp1251; when they stand alone and cp1252 defines them all, cp1252.
    """
    high = [index for index, byte in enumerate(data) if byte >= 0x80]
    if not high:
        return None
    positions = set(high)
    paired = sum(1 for i in high if i - 1 in positions or i + 1 in positions)
    letters = sum(1 for i in high if data[i] >= 0xC0)
    if paired / len(high) >= 0.7 and letters / len(high) >= 0.8:
        return "cp1251"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "cp1252" if paired / len(high) < 0.5 else None


def output_path(out_dir: Path, item: InputFile, suffix: str) -> Path:
    """``OUTDIR/<relative stem><suffix>`` (the suffix added, never replacing part of a name)."""
    return out_dir / item.relative.parent / (item.relative.name + suffix)


def read_tei_bytes(source: InputFile, stdin: bytes | None = None) -> bytes:
    """A TEI input's bytes, refused past :data:`MAX_TEI_BYTES` (:func:`read_bytes`)."""
    return read_bytes(source, stdin, MAX_TEI_BYTES, TEI_TOO_LARGE, "a TEI file")


__all__ = [
    "InputFile",
    "decode_text",
    "gather_inputs",
    "output_path",
    "read_bytes",
    "read_stdin",
    "read_tei_bytes",
    "write_atomic",
]
