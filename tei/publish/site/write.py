"""Writing a site into its folder without ever touching a file that is not the site's own.

A folder is ours when it holds the marker file ``.tei-site.json``, which lists every file the
last build wrote. A new or empty folder is taken; a non-empty folder without the marker is
refused (it may be the user's work). Rebuilding writes each file atomically
(:func:`tei.io.files.write_atomic`), leaves identical files alone, and removes only the files
the previous build listed and this one no longer makes; files the user put beside the site
(a ``CNAME``, a ``.htaccess``) are kept. The marker is written first with the old and new
files, so an interrupted build still leaves a folder the next build recognises.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tei import __version__
from tei.errors import OutputError
from tei.io.files import write_atomic

MARKER = ".tei-site.json"


@dataclass(frozen=True)
class Written:
    written: int
    unchanged: int
    removed: int


def previous_files(folder: Path) -> set[str]:
    """The files of the site already in ``folder`` (none for a new or empty folder); a folder
    that is not ours raises :class:`OutputError`."""
    if not folder.exists():
        return set()
    if not folder.is_dir():
        raise OutputError("is a file, not a folder", source=str(folder), hint="give a folder (-o)")
    marker = folder / MARKER
    if not marker.exists():
        if any(folder.iterdir()):
            raise OutputError(
                "the folder is not empty and was not made by `tei site`; nothing written",
                source=str(folder),
                hint="give a new or empty folder, or one a previous `tei site` made",
            )
        return set()
    try:
        listed = json.loads(marker.read_text("utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(
            f"{MARKER} is unreadable, so which files are the site's is unknown; nothing written",
            source=str(marker),
            hint="remove the folder (or give another) and build again",
        ) from None
    return {name for name in listed if isinstance(name, str) and _inside(name)}


def _inside(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name != MARKER


def write_site(folder: Path, files: dict[str, bytes]) -> Written:
    """Write every file below ``folder``; remove the previous build's files no longer made."""
    before = previous_files(folder)
    for name in files:
        if not _inside(name):
            raise OutputError(f"refusing to write outside the site: {name}", source=str(folder))
    _write_marker(folder, sorted(before | set(files)))
    written = unchanged = removed = 0
    for name, data in files.items():
        if write_atomic(folder / name, data, force=True):
            written += 1
        else:
            unchanged += 1
    for name in sorted(before - set(files)):
        path = folder / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed += 1
            _remove_empty_parents(path.parent, folder)
    _write_marker(folder, sorted(files))
    return Written(written, unchanged, removed)


def _write_marker(folder: Path, names: list[str]) -> None:
    content = {"generator": f"telegram-tei {__version__} (tei site)", "files": names}
    data = (json.dumps(content, indent=1) + "\n").encode("utf-8")
    write_atomic(folder / MARKER, data, force=True)


def _remove_empty_parents(directory: Path, top: Path) -> None:
    while directory != top and directory.is_dir() and not any(directory.iterdir()):
        os.rmdir(directory)
        directory = directory.parent
