"""Writing outputs without harming a user's files.

- Every output goes to a temporary file in the target's folder, is flushed to disk and renamed
  over the target: an interrupted run leaves whole files or none. The temporary file's name
  holds the writer's process id, so a later run can tell one left by a killed run (its process
  is gone) and remove it, instead of leaving it there for ever.
- A replaced file keeps its permission bits (a private 0600 letter stays private); a new one
  gets the user's umask, as any editor would give it.
- An output that is a symbolic link is written *through*: the file the link points to is
  replaced and the link stays a link (a broken link is refused: there is nothing to replace).
- Several files changed as one operation (``corpus --link``) are all staged first and renamed
  only when every one could be staged: all or nothing.
- Before a run writes anything, :func:`find_collisions` refuses outputs that are one of the
  run's inputs, or that two inputs would both write (``a.txt`` and ``a.md`` → ``a.xml``).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tei.errors import OutputError, UsageError

#: suffix of the temporary files outputs are written through
TEMP_SUFFIX = ".tmp"
WRITE_HERE = "choose an output folder you may write to (-o)"


@dataclass
class Staged:
    """An output written to its temporary file, waiting to be renamed over its target."""

    target: Path
    temporary: Path

    def commit(self) -> None:
        """Put the output in place (an atomic rename), then make the rename itself durable."""
        os.replace(self.temporary, self.target)
        PENDING.discard(self.temporary)
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)
        PENDING.discard(self.temporary)


def write_atomic(path: Path, data: bytes, *, force: bool) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Returns False when the file already holds exactly ``data`` (nothing to do). An existing
    different file is kept unless ``force``: a user's edited TEI is never overwritten silently.
    """
    staged = None
    try:
        staged = stage(path, data, force=force)
        if staged is None:
            return False
        staged.commit()
    except BaseException as exc:
        if staged is not None:
            staged.discard()
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise
    return True


def write_all(changes: Iterable[tuple[Path, bytes]]) -> int:
    """Replace several files as one operation: each is staged first, and if any cannot be,
    none is changed. Returns how many files changed (the others already held their bytes)."""
    staged: list[Staged] = []
    try:
        for path, data in changes:
            one = stage(path, data, force=True)
            if one is not None:
                staged.append(one)
        for one in staged:
            one.commit()
    except BaseException as exc:
        for one in staged:
            one.discard()
        if isinstance(exc, OSError):
            raise _cannot_write(getattr(exc, "filename", None) or "", exc) from None
        raise
    return len(staged)


def stage(path: Path, data: bytes, *, force: bool) -> Staged | None:
    """``data`` written next to the file ``path`` stands for, or None when it already holds it."""
    target = _resolved_target(path)
    try:
        mode = _existing_mode(target, path, data, force)
        if mode is False:
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    temporary = None
    try:
        # Created inside the try: a signal arriving right after creation still removes it.
        handle = _create_temporary(target)
        temporary = Path(handle[1])
        with os.fdopen(handle[0], "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode if isinstance(mode, int) else _new_file_mode())
    except BaseException as exc:
        if temporary is not None:
            Staged(target, temporary).discard()
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise
    return Staged(target, temporary)


def _resolved_target(path: Path) -> Path:
    """The file to replace: the path itself, or the file its symbolic link points to."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if not target.exists():
        raise OutputError(
            f"is a broken link (to {os.readlink(path)}); nothing written",
            source=str(path),
            hint="restore the file it points to, or remove the link",
        )
    return target


def _existing_mode(target: Path, path: Path, data: bytes, force: bool) -> int | bool | None:
    """The permission bits to keep (None for a new file), or False when nothing is to change.

    Only a regular file is ever read or replaced: a named pipe or device in the way would block
    or swallow the output, a folder cannot be replaced.
    """
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("a folder is in the way of the output file", source=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            "is in the way of the output and is not a regular file; not replaced",
            source=str(path),
            hint="remove it or choose another output folder (-o)",
        )
    if info.st_size == len(data) and target.read_bytes() == data:
        return False
    if not force:
        raise OutputError(
            "output exists and differs; kept", source=str(path), hint="use --force to overwrite it"
        )
    return stat.S_IMODE(info.st_mode)


#: temporary files this process created and has not yet renamed or removed
PENDING: set[Path] = set()


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new temporary file next to ``target``, recorded in :data:`PENDING` *before* it is
    created: a signal arriving at any moment leaves a name :func:`remove_pending` knows."""
    import secrets

    for _ in range(100):
        name = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        PENDING.add(name)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(name, flags, 0o600), str(name)
        except FileExistsError:
            PENDING.discard(name)  # another writer's file: never ours to remove
        # Any other exception leaves the name recorded: a signal handled just after the file
        # was created raises here, and the file must still be removed on the way out.
    raise FileExistsError(f"no free temporary name next to {target}")


def remove_pending() -> None:
    """Remove the temporary files of writes an exit cut short (the CLI calls this last)."""
    for path in list(PENDING):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        PENDING.discard(path)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files a killed run left for ``target``; return what was removed.

    Only files this module names (``.<name>.<pid>.<random>.tmp``) whose process no longer runs
    are removed: another run writing the same file at this moment keeps its own.
    """
    removed = []
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (signal 0 tests without signalling). On Windows,
    ``os.kill`` would end the process instead, so there every writer counts as running."""
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _new_file_mode() -> int:
    """0666 less the umask: what a new file gets from any program that creates one."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _cannot_write(path: Path | str, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write here: {exc.strerror or exc}", source=str(path), hint=WRITE_HERE
    )


def _identity(path: Path | str) -> tuple[object, ...]:
    """What makes two paths one file: the inode when it exists, else the resolved path."""
    try:
        info = os.stat(path)
    except OSError:
        return ("path", os.path.normcase(os.path.realpath(path)))
    return ("inode", info.st_dev, info.st_ino)


def find_collisions(inputs: Iterable[str], outputs: Iterable[tuple[str, Path]]) -> list[UsageError]:
    """Outputs that would replace an input of the same run, or that two inputs would both write.

    ``outputs`` pairs each output with the input it is made from. Each problem names both files;
    none suggests ``--force``, which would lose a file.
    """
    sources = {_identity(path): path for path in inputs if path != "-"}
    claimed: dict[tuple[object, ...], str] = {}
    problems: list[UsageError] = []
    for source, target in outputs:
        key = _identity(target)
        if key in sources:
            problems.append(
                UsageError(
                    f"this output of {source} would replace the input {sources[key]}; "
                    "nothing written",
                    source=str(target),
                    hint="choose another output folder (-o) or other outputs (--to)",
                )
            )
        elif key in claimed and claimed[key] != source:
            problems.append(
                UsageError(
                    f"both {claimed[key]} and {source} would be written here; nothing written",
                    source=str(target),
                    hint="rename one of them, or convert them into different output folders",
                )
            )
        else:
            claimed[key] = source
    return problems
