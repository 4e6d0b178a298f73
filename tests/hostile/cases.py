"""The hostile, bad and unlucky situations every command must survive (issue 10), as data.

Each case is run by :mod:`tests.hostile.runner` in a fresh folder (the command's working
folder, so messages name files as the user typed them) and checked by tests/test_hostile.py.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from tests.hostile.kit import (
    Case,
    both,
    exists,
    fifo,
    folder,
    good,
    link,
    mode_is,
    sock,
    tei_file,
    unreadable_folder,
    write,
)
from tests.test_bad_input import GOOD

NOT_REGULAR = "not a regular file; not read — give the file itself"
ONE_GOOD = r"converted 1 file; 0 failed; 0 warnings$"
DEAD_PID = 4_999_999  # above Linux's largest pid: no process has it
#: the options of ``tei export cmif`` but the letters, -o and --publisher
EDITION = ("--editor", "E", "--url", "https://example.org/c.xml", "--date", "2025-01-01")


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def _lost_word(root: Path) -> contextlib.AbstractContextManager[object]:
    """A renderer that drops a word: the word check must catch it (a bug stands in)."""
    import tei.render.xslt as xslt

    real = xslt.render_text

    def dropping(tree: object, source: str = "<input>", wrap: int | None = None) -> bytes:
        return real(tree, source, wrap).replace(b"We agree.", b"We.")

    @contextlib.contextmanager
    def patched() -> Iterator[None]:
        xslt.render_text = dropping
        try:
            yield
        finally:
            xslt.render_text = real

    return patched()


def _failing_second_stage(root: Path) -> contextlib.AbstractContextManager[object]:
    """Staging a letter's new links fails for the second letter (a full disk, say)."""
    import tei.io.writing as writing

    real = writing.stage
    calls = []

    def stage(path: Path, data: bytes, *, force: bool) -> object:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data, force=force)

    @contextlib.contextmanager
    def patched() -> Iterator[None]:
        writing.stage = stage
        try:
            yield
        finally:
            writing.stage = real

    return patched()


def _gone(name: str):
    def check(root: Path) -> Iterator[str]:
        if (root / name).exists():
            yield f"{name} is still there"

    return check


def _still_link(name: str, target: str):
    def check(root: Path) -> Iterator[str]:
        if not (root / name).is_symlink() or os.readlink(root / name) != target:
            yield f"{name} is no longer a link to {target}"
        elif b"<TEI" not in (root / name).read_bytes():
            yield f"{target} was not written through the link"

    return check


def _two_letters(first: str = "letters/a.xml", second: str = "letters/b.xml"):
    """Two letters between the same correspondents (so --link writes into both)."""
    later = GOOD.replace("January 12, 1949", "January 14, 1949").replace(
        "12 January 1949", "14 January 1949"
    )

    def setup(root: Path) -> None:
        from tei import convert_text

        tei_file(first)(root)
        write(second, convert_text(later, "b.txt"))(root)

    return setup


LONG_WORD = _with(GOOD, "We agree.", "A" * 100_000 + ", [Stalin] agrees.")
DOT_URL = _with(GOOD, "d. 330.", "d. 330. http://a" + "." * 100_000 + "x")
CONTRIBUTED = _with(GOOD, "d. 330.", "d. 330. Contributed by " + "A " * 50_000)
RELAY = _with(
    GOOD,
    "**Telegram, Mao Zedong to Filippov [Stalin]**",
    "**Telegram, Mao to B" + " transmitting a message from C" * 3000 + "**",
)
NESTED = _with(GOOD, "We agree.", "[" * 600 + "x" + "]" * 600)
NO_SENDER = _with(GOOD, "Mao Zedong\n12 January 1949\n", "12 January 1949\n").replace(
    "Mao Zedong to ", ""
)
MANY_ERRORS = (
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
    + b"".join(b'<p bogus="%d">x</p>' % i for i in range(3000))
    + b"</body></text></TEI>"
)

CASES: list[Case] = [
    # ---------------------------------------------------------------- inputs are sacred
    Case(
        "convert: output folder is the source folder (--to text)",
        ("convert", "src", "-o", "src", "--to", "text"),
        2,
        (
            r"src/a\.txt: error: this output of src/a\.txt would replace the input src/a\.txt; "
            r"nothing written — choose another output folder",
        ),
        good("src/a.txt"),
    ),
    Case(
        "convert: output folder is the source folder, even with --force",
        ("convert", "src", "-o", "src", "--to", "text", "--force"),
        2,
        (r"src/a\.txt: error: this output of src/a\.txt would replace the input",),
        good("src/a.txt"),
    ),
    Case(
        "convert: the same folder spelt another way (src/../src)",
        ("convert", "src/a.txt", "-o", "src/../src", "--to", "text"),
        2,
        (r"src/\.\./src/a\.txt: error: this output of src/a\.txt would replace the input",),
        good("src/a.txt"),
    ),
    Case(
        "convert: one of several outputs is the input (--to tei,text)",
        ("convert", "src", "-o", "src", "--to", "tei,text"),
        2,
        (r"src/a\.txt: error: this output of src/a\.txt would replace the input",),
        good("src/a.txt"),
    ),
    Case(
        "convert: a.txt and a.md both map to a.xml",
        ("convert", "src", "-o", "out"),
        2,
        (
            r"out/a\.xml: error: both src/a\.md and src/a\.txt would be written here; nothing "
            r"written — rename one of them",
        ),
        both(good("src/a.txt"), good("src/a.md")),
    ),
    Case(
        "convert: a.txt and a.md both map to a.xml, with --force",
        ("convert", "src", "-o", "out", "--force"),
        2,
        (r"out/a\.xml: error: both src/a\.md and src/a\.txt would be written here",),
        both(good("src/a.txt"), good("src/a.md"), write("out/a.xml", "mine")),
    ),
    Case(
        "convert: two folders' a.txt into one output folder",
        ("convert", "x/a.txt", "y/a.txt", "-o", "out"),
        2,
        (r"out/a\.xml: error: both x/a\.txt and y/a\.txt would be written here",),
        both(good("x/a.txt"), good("y/a.txt")),
    ),
    Case(
        "convert: the output is a link to the input",
        ("convert", "src/a.txt", "-o", "out", "--force"),
        2,
        (r"out/a\.xml: error: this output of src/a\.txt would replace the input src/a\.txt",),
        both(good("src/a.txt"), link("out/a.xml", "../src/a.txt")),
    ),
    Case(
        "convert: a.b.txt and a.c.txt keep apart (a.b.xml, a.c.xml)",
        ("convert", "src", "-o", "out"),
        0,
        (),
        both(good("src/a.b.txt"), good("src/a.c.txt")),
        ("out", "out/a.b.xml", "out/a.c.xml"),
        summary=r"converted 2 files; 0 failed; 0 warnings$",
    ),
    Case(
        "convert: a file named ..txt",
        ("convert", "..txt", "-o", "out"),
        0,
        (),
        good("..txt"),
        ("out", "out/..txt.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: --force keeps a private file's mode (0600)",
        ("convert", "a.txt", "-o", "out", "--force"),
        0,
        (),
        both(good("a.txt"), write("out/a.xml", "old", 0o600)),
        ("out/a.xml",),
        check=mode_is("out/a.xml", 0o600),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: --force keeps a read-only file's mode (0444)",
        ("convert", "a.txt", "-o", "out", "--force"),
        0,
        (),
        both(good("a.txt"), write("out/a.xml", "old", 0o444)),
        ("out/a.xml",),
        check=mode_is("out/a.xml", 0o444),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: a new output gets the umask's mode (0644)",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        good("a.txt"),
        ("out", "out/a.xml"),
        check=mode_is("out/a.xml", 0o644),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: an output that is a link is written through (the link stays)",
        ("convert", "a.txt", "-o", "out", "--force"),
        0,
        (),
        both(good("a.txt"), write("real/a.xml", "old"), link("out/a.xml", "../real/a.xml")),
        ("real/a.xml",),
        check=_still_link("out/a.xml", "../real/a.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: an output that is a broken link is refused",
        ("convert", "a.txt", "-o", "out"),
        1,
        (r"out/a\.xml: error: is a broken link \(to nowhere\.xml\); nothing written",),
        both(good("a.txt"), link("out/a.xml", "nowhere.xml")),
    ),
    Case(
        "convert: a named pipe where the output goes is not opened",
        ("convert", "a.txt", "-o", "out", "--force"),
        1,
        (
            r"out/a\.xml: error: is in the way of the output and is not a regular file; "
            r"not replaced",
        ),
        both(good("a.txt"), fifo("out/a.xml")),
    ),
    Case(
        "convert: a folder where the output goes",
        ("convert", "a.txt", "-o", "out", "--force"),
        1,
        (r"out/a\.xml: error: a folder is in the way of the output file",),
        both(good("a.txt"), folder("out/a.xml")),
    ),
    Case(
        "convert: a killed run's temporary file is removed",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        both(good("a.txt"), write(f"out/.a.xml.{DEAD_PID}.k1ll3d.tmp", "half")),
        ("out/a.xml", f"out/.a.xml.{DEAD_PID}.k1ll3d.tmp"),
        check=_gone(f"out/.a.xml.{DEAD_PID}.k1ll3d.tmp"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: a running writer's temporary file is kept",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        both(good("a.txt"), write("out/.a.xml.1.busy.tmp", "in progress")),
        ("out/a.xml",),
        check=exists("out/.a.xml.1.busy.tmp"),
        summary=ONE_GOOD,
    ),
    Case(
        "render: an input named .txt rendered --to text onto itself",
        ("render", "a.txt", "-o", ".", "--to", "text"),
        2,
        (r"a\.txt: error: this output of a\.txt would replace the input a\.txt",),
        tei_file("a.txt"),
    ),
    Case(
        "render: x.xml and x.tei both map to x.html",
        ("render", "x.xml", "x.tei", "-o", "out"),
        2,
        (r"out/x\.html: error: both x\.xml and x\.tei would be written here",),
        both(tei_file("x.xml"), tei_file("x.tei")),
    ),
    Case(
        "corpus: -o names one of the letters, even with --force",
        ("corpus", "letters/a.xml", "letters/b.xml", "-o", "letters/a.xml", "--force"),
        2,
        (
            r"tei corpus: error: the output letters/a\.xml is also given as a letter to read "
            r"\(letters/a\.xml\); nothing written — write the output to another file",
        ),
        _two_letters(),
    ),
    Case(
        "export: -o names the letter",
        ("export", "cmif", "a.xml", "-o", "a.xml", "--publisher", "P", *EDITION),
        2,
        (r"tei export: error: the output a\.xml is also given as a letter to read",),
        tei_file("a.xml"),
    ),
    Case(
        "corpus --link: a letter that is a link stays a link",
        ("corpus", "letters", "--link", "-o", "corpus.xml"),
        0,
        (),
        both(_two_letters("real/a.xml"), link("letters/a.xml", "../real/a.xml")),
        ("corpus.xml", "real/a.xml", "letters/b.xml"),
        check=_still_link("letters/a.xml", "../real/a.xml"),
    ),
    Case(
        "corpus --link: a private letter stays private (0600)",
        ("corpus", "letters", "--link", "-o", "corpus.xml"),
        0,
        (),
        both(_two_letters(), lambda root: (root / "letters/a.xml").chmod(0o600)),
        ("corpus.xml", "letters/a.xml", "letters/b.xml"),
        check=mode_is("letters/a.xml", 0o600),
    ),
    Case(
        "corpus --link: one letter cannot be written, so none is",
        ("corpus", "letters", "--link", "-o", "corpus.xml"),
        1,
        (r"letters/b\.xml: error: cannot write here: No space left on device",),
        _two_letters(),
        (),
        patch=_failing_second_stage,
    ),
    # ---------------------------------------------------------------- only regular files
    Case(
        "convert: a named pipe as input",
        ("convert", "a.txt", "-o", "out"),
        1,
        (rf"a\.txt: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        fifo("a.txt"),
        summary=r"converted 0 files; 1 failed; 0 warnings$",
    ),
    Case(
        "convert: a named pipe in a folder, next to a good file",
        ("convert", "src", "-o", "out"),
        1,
        (rf"src/b\.txt: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        both(good("src/a.txt"), fifo("src/b.txt")),
        ("out", "out/a.xml"),
        summary=r"converted 1 file; 1 failed; 0 warnings$",
    ),
    Case(
        "convert: /dev/zero as input",
        ("convert", "/dev/zero", "-o", "out"),
        1,
        (rf"/dev/zero: error: is a character device, {NOT_REGULAR}",),
    ),
    Case(
        "convert: /dev/null as input",
        ("convert", "/dev/null", "-o", "out"),
        1,
        (rf"/dev/null: error: is a character device, {NOT_REGULAR}",),
    ),
    Case(
        "convert: a socket as input",
        ("convert", "s.txt", "-o", "out"),
        1,
        (rf"s\.txt: error: is a socket, {NOT_REGULAR}",),
        sock("s.txt"),
    ),
    Case(
        "convert: a named pipe as --authority",
        ("convert", "a.txt", "-o", "out", "--authority", "persons.xml"),
        1,
        (rf"persons\.xml: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        both(good("a.txt"), fifo("persons.xml")),
    ),
    Case(
        "convert: standard input over the limit is not read whole",
        ("convert", "-", "--max-size", "0.01"),
        1,
        (r"<stdin>: error: standard input is over the 0\.01 MB limit for one telegram",),
        stdin=b"x" * 50_000,
    ),
    Case(
        "convert: a file over the limit",
        ("convert", "big.txt", "-o", "out", "--max-size", "0.01"),
        1,
        (r"big\.txt: error: file is 0\.1 MB, over the 0\.01 MB limit for one telegram",),
        write("big.txt", "word " * 20_000),
    ),
    Case(
        "convert: a folder it may not read is an error, not an empty success",
        ("convert", "src", "-o", "out"),
        1,
        (r"src/secret: error: cannot read the folder: Permission denied",),
        both(good("src/a.txt"), good("src/secret/b.txt")),
        ("out", "out/a.xml"),
        patch=lambda root: unreadable_folder(root, "secret"),
        summary=r"converted 1 file; 1 failed; 0 warnings$",
    ),
    Case(
        "validate: a folder it may not read is an error, not '1 valid'",
        ("validate", "tei"),
        1,
        (r"tei/secret: error: cannot read the folder: Permission denied",),
        both(tei_file("tei/a.xml"), tei_file("tei/secret/b.xml")),
        patch=lambda root: unreadable_folder(root, "secret"),
        summary=r"validated 2 files at level project: 1 valid, 1 invalid",
    ),
    Case(
        "validate: a named pipe",
        ("validate", "p.xml"),
        1,
        (rf"p\.xml: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        fifo("p.xml"),
    ),
    Case(
        "validate: /dev/zero",
        ("validate", "/dev/zero"),
        1,
        (rf"/dev/zero: error: is a character device, {NOT_REGULAR}",),
    ),
    Case(
        "render: a named pipe",
        ("render", "p.xml", "-o", "out"),
        1,
        (rf"p\.xml: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        fifo("p.xml"),
    ),
    Case(
        "export: a named pipe among the letters: nothing written",
        ("export", "cmif", "letters", "-o", "c.xml", "--publisher", "P", *EDITION),
        1,
        (rf"letters/b\.xml: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        both(tei_file("letters/a.xml"), fifo("letters/b.xml")),
    ),
    Case(
        "export: -o is a named pipe: refused, not opened",
        ("export", "cmif", "a.xml", "-o", "c.xml", "--publisher", "P", "-q", "--force", *EDITION),
        1,
        (r"c\.xml: error: is in the way of the output and is not a regular file; not replaced",),
        both(tei_file("a.xml"), fifo("c.xml")),
    ),
    Case(
        "corpus: a named pipe among the letters: nothing written",
        ("corpus", "letters", "-o", "corpus.xml"),
        1,
        (rf"letters/b\.xml: error: is a named pipe \(FIFO\), {NOT_REGULAR}",),
        both(tei_file("letters/a.xml"), fifo("letters/b.xml")),
    ),
    # ---------------------------------------------------------------- convert checks itself
    Case(
        "convert: a letter with no sender is not passed off as converted",
        ("convert", "a.txt", "-o", "out"),
        1,
        (
            r"a\.txt: warning: no sender found in the source",
            r"a\.txt: warning: no recipient found in the source",
            r"a\.txt: error: nothing written: its TEI would fail tei validate \(level project\): ",
        ),
        write("a.txt", NO_SENDER),
        summary=r"converted 0 files; 1 failed; 2 warnings$",
    ),
    Case(
        "convert: a lost word is an internal error, located, nothing written",
        ("convert", "a.txt", "-o", "out"),
        3,
        (
            r"a\.txt:22: error: internal error: the word 'agree' of the source is missing from "
            r"its TEI; nothing written",
        ),
        good("a.txt"),
        patch=_lost_word,
    ),
]
