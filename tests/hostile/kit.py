"""Building blocks of the hostile cases: the case type and the files a case sets up."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.test_bad_input import GOOD

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "inputs"

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One hostile situation: the files it starts from, the command, what must come of it.

    ``messages`` are regular expressions, one per problem line the command must print (each
    must match a line of standard error from its start, and there must be exactly that many
    ``error``/``warning`` lines); ``changes`` are the only paths that may be created, changed
    or removed; ``check`` yields what else is wrong (a mode not kept, content leaked).
    """

    name: str
    argv: tuple[str, ...]
    exit: int
    messages: tuple[str, ...] = ()
    setup: Setup = lambda root: None
    changes: tuple[str, ...] = ()
    stdin: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)
    patch: Callable[[Path], contextlib.AbstractContextManager[object]] | None = None
    check: Callable[[Path], Iterable[str]] | None = None
    #: the summary line, when the command must print one (a regular expression)
    summary: str | None = None


def both(*setups: Setup) -> Setup:
    def setup(root: Path) -> None:
        for one in setups:
            one(root)

    return setup


def write(name: str | bytes, data: bytes | str, mode: int | None = None) -> Setup:
    def setup(root: Path) -> None:
        path = Path(os.fsdecode(os.path.join(os.fsencode(root), os.fsencode(name))))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if mode is not None:
            path.chmod(mode)

    return setup


def good(name: str | bytes, mode: int | None = None) -> Setup:
    """A complete telegram that converts without a warning."""
    return write(name, GOOD, mode)


@cache
def good_tei() -> bytes:
    from tei import convert_text

    return convert_text(GOOD, "good.txt")


def tei_file(name: str | bytes, mode: int | None = None) -> Setup:
    """Valid TEI (the good telegram's)."""

    def setup(root: Path) -> None:
        write(name, good_tei(), mode)(root)

    return setup


def hostile(name: str, as_name: str | None = None) -> Setup:
    """A file of tests/hostile/inputs, copied in."""
    return write(as_name or name, (INPUTS / name).read_bytes())


def fifo(name: str) -> Setup:
    def setup(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / name)

    return setup


def sock(name: str) -> Setup:
    def setup(root: Path) -> None:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(root / name))
        server.close()

    return setup


def link(name: str, target: str) -> Setup:
    def setup(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(target)

    return setup


def folder(name: str) -> Setup:
    return lambda root: (root / name).mkdir(parents=True, exist_ok=True)


def mode_is(name: str, mode: int) -> Callable[[Path], Iterator[str]]:
    def check(root: Path) -> Iterator[str]:
        found = (root / name).stat().st_mode & 0o7777
        if found != mode:
            yield f"{name} has mode {found:o}, not {mode:o}"

    return check


def exists(*names: str) -> Callable[[Path], Iterator[str]]:
    def check(root: Path) -> Iterator[str]:
        for name in names:
            if not (root / name).exists():
                yield f"{name} was not written"

    return check


def absent(*texts: str, where: Iterable[str] = ()) -> Callable[[Path], Iterator[str]]:
    """No file of ``where`` (paths below the case's folder) holds any of ``texts``."""

    def check(root: Path) -> Iterator[str]:
        for name in where:
            path = root / name
            data = path.read_bytes() if path.is_file() else b""
            for text in texts:
                if text.encode() in data:
                    yield f"{name} holds {text!r}"

    return check


@contextlib.contextmanager
def unreadable_folder(root: Path, name: str) -> Iterator[None]:
    """``os.walk`` meets a folder it may not read (as a user without permission would: the
    suite may run as root, whom permissions do not stop)."""
    real = os.walk

    def walk(top: object, onerror: Callable[[OSError], None] | None = None, **kwargs: object):
        for entry in real(top, onerror=onerror, **kwargs):
            folder_path, folders, files = entry
            if name in folders:
                folders.remove(name)
                if onerror is not None:
                    error = PermissionError(
                        13, "Permission denied", os.path.join(folder_path, name)
                    )
                    onerror(error)
            yield folder_path, folders, files

    os.walk = walk  # type: ignore[assignment]
    try:
        yield
    finally:
        os.walk = real
