"""The disk, in one place: finding inputs, decoding text, and writing outputs atomically.

Every stage below the CLI works on values; only this module and the CLI touch files. Outputs
are written to a temporary file in the target folder and renamed over the target, so an
interrupted batch leaves whole files or none, never a half-written one.
"""

from __future__ import annotations

import codecs
import os
import signal
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tei.errors import InputError, OutputError, UsageError

STDIN = "-"
TEXT_SUFFIXES = (".txt", ".md", ".text")
XML_SUFFIXES = (".xml", ".tei")


@dataclass(frozen=True)
class InputFile:
    """One input: its path (``-`` for standard input) and where it sits below a given folder."""

    path: str
    relative: Path  # the output's path below OUTDIR, without suffix

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def gather_inputs(sources: Iterable[str], suffixes: tuple[str, ...]) -> Iterator[InputFile]:
    """Files as given, and files with one of ``suffixes`` found below each folder, sorted.

    A broken link found in a folder is kept, as it is when named: reading it then fails with
    a message, and the batch counts it, rather than leaving it out unsaid.
    """
    for source in sources:
        if source == STDIN:
            yield InputFile(STDIN, Path("stdin"))
            continue
        path = Path(source)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if (p.is_file() or (p.is_symlink() and not p.exists()))
                and p.suffix.lower() in suffixes
            )
            for file in found:
                relative = file.relative_to(path)
                yield InputFile(str(file), relative.with_suffix(""))
        elif path.exists() or path.is_symlink():
            yield InputFile(str(path), Path(path.stem))
        else:
            raise UsageError(
                "no such file or folder", source=source, hint="check the path and try again"
            )


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


def read_bytes(
    source: InputFile,
    stdin: bytes | None = None,
    max_bytes: int | None = MAX_TEXT_BYTES,
    too_large: str = RAISE_THE_LIMIT,
    limit_for: str = "one telegram",
) -> bytes:
    """The input's bytes; a read failure or an oversized file is an :class:`InputError`.

    The size is checked before reading, so a mistaken 5 GB input costs nothing. ``too_large``
    is the hint for an oversized file: only some commands let the user raise the limit.
    """
    if source.is_stdin:
        data = stdin if stdin is not None else b""
        _check_size(len(data), max_bytes, source.path, too_large, limit_for)
        return data
    try:
        _check_size(Path(source.path).stat().st_size, max_bytes, source.path, too_large, limit_for)
        return Path(source.path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a file", source=source.path) from None
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


def _check_size(size: int, max_bytes: int | None, source: str, hint: str, what: str) -> None:
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for {what}",
            source="<stdin>" if source == STDIN else source,
            hint=hint,
        )


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
    """``OUTDIR/<relative stem><suffix>``."""
    return out_dir / item.relative.with_suffix(suffix)


def write_atomic(path: Path, data: bytes, *, force: bool) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Returns False when the file already holds exactly ``data`` (nothing to do). An existing
    different file is kept unless ``force``: a user's edited TEI is never overwritten silently.
    """
    try:
        if path.exists():
            if path.is_dir():
                raise OutputError("a folder is in the way of the output file", source=str(path))
            if path.read_bytes() == data:
                return False
            if not force:
                raise OutputError(
                    "output exists and differs; kept",
                    source=str(path),
                    hint="use --force to overwrite it",
                )
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot write here: {exc.strerror or exc}",
            source=str(path),
            hint="choose an output folder you may write to (-o)",
        ) from None
    temporary = None
    try:
        # Created inside the try: a signal arriving right after creation still removes it.
        with _signals_held():
            handle, temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(
                f"cannot write here: {exc.strerror or exc}",
                source=str(path),
                hint="choose an output folder you may write to (-o)",
            ) from None
        raise
    return True


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while a temporary file is created and its name kept.

    A signal handled between the file's creation (inside ``mkstemp``) and the assignment of its
    name would unwind with the name unknown, leaving the temporary file behind. Held, it is
    delivered just after, when the ``except`` clause knows what to remove.
    """
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # no pthread_sigmask (Windows), not main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def read_tei_bytes(source: InputFile, stdin: bytes | None = None) -> bytes:
    """A TEI input's bytes, refused past :data:`MAX_TEI_BYTES` (:func:`read_bytes`)."""
    return read_bytes(source, stdin, MAX_TEI_BYTES, TEI_TOO_LARGE, "a TEI file")
