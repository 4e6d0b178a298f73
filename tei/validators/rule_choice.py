"""Which of tei_all's embedded rules lxml can run: chosen once, kept between runs.

Choosing parses every expression of tei_all's 83 Schematron patterns with elementpath (whose
import costs more than the rest of a ``--level tei`` start-up's Python) and compiles them. The
answer depends only on tei_all.rng, elementpath and the code that chooses, so it is kept as JSON
in the cache folder of the pickled schema (:func:`tei.validators.xsd.cache_dir`), under a key
made of those three; a missing, foreign or damaged file only costs choosing again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from pathlib import Path

#: what the choice is: the ids of the patterns kept, and (id, reason) for each left out
Choice = tuple[list[str], list[tuple[str, str]]]


def load(tei_all: str) -> Choice | None:
    """The choice made before for this tei_all, elementpath and code, or None."""
    path = _path(tei_all)
    if path is None:
        return None
    from tei.validators.xsd_cache import _private

    try:
        if not (_private(path) and _private(path.parent)):
            return None
        data = json.loads(path.read_text("utf-8"))
        kept = [str(ident) for ident in data["kept"]]
        skipped = [(str(ident), str(reason)) for ident, reason in data["skipped"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return kept, skipped


def store(tei_all: str, choice: Choice) -> None:
    """Keep the choice for the next run (written whole or not at all; errors only cost time)."""
    path = _path(tei_all)
    if path is None:
        return
    kept, skipped = choice
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"kept": kept, "skipped": skipped}, stream)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _path(tei_all: str) -> Path | None:
    from tei.validators.xsd_cache import cache_dir

    folder = cache_dir()
    return None if folder is None else folder / f"tei-all-rules-{_key(tei_all)}.json"


def _key(tei_all: str) -> str:
    """tei_all's file, elementpath's installed files and the choosing code, by name, size and
    time (hashing tei_all's megabytes would cost what the cache saves)."""
    digest = hashlib.sha256()
    spec = importlib.util.find_spec("elementpath")
    code = Path(__file__).with_name("schematron.py")
    for path in (tei_all, spec.origin if spec and spec.origin else "", str(code)):
        with contextlib.suppress(OSError):
            status = os.stat(path)
            digest.update(f"{path} {status.st_size} {status.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
