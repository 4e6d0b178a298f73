"""xmlschema's copy of telegram.xsd, built once and kept in the user's cache folder.

xmlschema takes a tenth of a second to import and load the schema, so its schema is kept once
per process and pickled in the user's cache folder keyed by a hash of the schema files and the
library versions: explaining a first invalid file only unpickles it. A cache that cannot be read
or written is ignored: it only saves time. A pickle can run code when loaded, so only a file
the user owns, in a folder no one else can write, is loaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tei.io.xmlio import TEI_NS
from tei.resources import schema_path

if TYPE_CHECKING:
    from xmlschema import XMLSchema10

#: set to a folder to move the cache, or to an empty string to turn it off
CACHE_ENV = "TEI_CACHE_DIR"
SCHEMA_FILES = ("telegram.xsd", "xml.xsd")


def cache_dir() -> Path | None:
    """Where the pickled schema is kept: ``$TEI_CACHE_DIR``, else the user's cache folder.

    The user's cache folder is the platform's, from platformdirs: ``$XDG_CACHE_HOME`` or
    ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows.
    """
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    import platformdirs  # only when a refusal needs xmlschema, never on the fast path

    return Path(platformdirs.user_cache_dir("telegram-tei", appauthor=False))


def schema_key() -> str:
    """A hash of what the built schema depends on: the schema files, xmlschema, Python.

    xmlschema and elementpath (whose classes the pickle holds) are identified by their
    installed files, not by ``importlib.metadata`` (slow to import) nor by importing them (the
    very cost the cache avoids).
    """
    digest = hashlib.sha256()
    for name in SCHEMA_FILES:
        digest.update(schema_path(name).read_bytes())
    for package in ("xmlschema", "elementpath"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            status = os.stat(spec.origin)
            digest.update(f"{spec.origin} {status.st_size} {status.st_mtime_ns}".encode())
    digest.update(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    return digest.hexdigest()[:16]


@cache
def project_schema() -> XMLSchema10:
    """telegram.xsd built once per process, from the pickle cache when it is there."""
    folder = cache_dir()
    cached = folder / f"telegram-xsd-{schema_key()}.pickle" if folder else None
    if cached is not None:
        schema = _load_cached(cached)
        if schema is not None:
            return schema
    import xmlschema

    schema = xmlschema.XMLSchema10(str(schema_path("telegram.xsd")))
    if cached is not None:
        _store_cached(cached, schema)
    return schema


def _load_cached(path: Path) -> XMLSchema10 | None:
    """Unpickle only a file that the user owns and that no one else could have written (nor
    replaced, through its folder): loading a pickle can run code."""
    try:
        if not (_private(path) and _private(path.parent)):
            return None
        schema = pickle.loads(path.read_bytes())
    except Exception:  # a missing, stale or damaged cache only costs the build
        return None
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(path)  # in use: kept by _prune_cache
    return schema


def _private(path: Path) -> bool:
    if not hasattr(os, "getuid"):  # Windows: the user's profile folder is private already
        return True
    status = path.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _store_cached(path: Path, schema: Any) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(schema, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return
    _prune_cache(path)


#: a cached schema no run has loaded for this long belongs to a gone version or environment
STALE_SECONDS = 30 * 24 * 3600


def _prune_cache(kept: Path) -> None:
    """Remove the other cached schemas no run has used for :data:`STALE_SECONDS`.

    Each upgrade of xmlschema, Python or the schema, and each virtual environment, writes a
    pickle of its own (about 0.6 MB); one still in use is touched at every load, so only those
    nobody loads any more go.
    """
    import time

    cutoff = time.time() - STALE_SECONDS
    for pattern in ("telegram-xsd-*.pickle", "*.tmp"):  # and what an interrupted store left
        for other in kept.parent.glob(pattern):
            try:
                if other != kept and other.stat().st_mtime < cutoff:
                    other.unlink()
            except OSError:
                continue


@cache
def known_elements() -> frozenset[str]:
    """The Clark names of every element telegram.xsd declares, wherever it declares it."""
    from xmlschema.validators import XsdElement

    schema = project_schema()
    return frozenset(
        component.name
        for component in schema.iter_components(XsdElement)
        if component.name and component.target_namespace == TEI_NS
    )
