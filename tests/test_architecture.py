"""The pipeline's direction, enforced: each stage imports only what docs/architecture.md allows.

Every ``import`` of every module of ``tei`` is read (function-level, lazy imports included), so
a new import against the direction fails here with the module, the line and the rule it breaks.
The tables say what holds today; tightening a rule is deleting an entry (and moving the code
that needed it), never adding a test.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tei"

#: stage → the other stages it may import (a stage may always import itself). A stage is a
#: sub-package (``tei.readers``) or a top-level module (``tei.dates``); ``tei`` itself is the
#: public API's façade, which any module may ask for ``__version__`` and nothing else.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    # the one message formatter lives with the errors
    "diagnostics": {"errors"},
    "resources": set(),
    "dates": {"errors"},
    # exception: PartialDate is defined in tei.dates (moving it into the model removes this)
    "model": {"dates"},
    "io": {"errors"},
    # the editor's metadata (--metadata): a CSV row or front matter read into plain facts
    "metadata": {"dates", "errors", "model"},
    "warning_kinds": set(),
    # exception until the lookup and the TEI listPerson loader are split (issue #12): the
    # loader reads TEI with tei.io
    "authority": {"errors", "io"},
    # exception: readers look names up in the authority (issue #12 moves that to transforms)
    "readers": {"model", "dates", "errors", "authority", "warning_kinds"},
    "transforms": {"readers", "model", "dates", "errors", "authority", "metadata", "warning_kinds"},
    # exception: encode names the bundled authority file by tei.authority.BUNDLED_SOURCE
    "encode": {"model", "io", "authority", "metadata"},
    "validators": {"diagnostics", "errors", "io", "resources", "parallel"},
    "render": {"errors", "io", "resources"},
    # the edition site (publish/site) builds a whole edition: it converts transcriptions,
    # validates each letter and renders it
    "publish": {
        *("encode", "errors", "io", "authority", "diagnostics"),
        *("render", "transforms", "validators"),
    },
    # the pipeline per document as pure functions (text or bytes in, bytes out)
    "api": {"transforms", "encode", "authority", "io", "render"},
    "parallel": {"errors"},
    # the per-file work of convert and render, wherever it runs (exception: it shares the
    # command's page pipeline, tei/cli/documents.py, and its self-check)
    "batch": {
        "api",
        "authority",
        "cli",
        "encode",
        "errors",
        "io",
        "model",
        "parallel",
        "transforms",
    },
    # the Dask recipe: the same per-file work on a cluster, reported as tei convert reports
    "distributed": {"api", "authority", "batch", "cli", "errors", "io"},
    "cli": {
        *("api", "transforms", "encode", "validators", "render", "publish", "batch", "parallel"),
        *("authority", "io", "errors", "diagnostics", "resources", "dates", "model"),
        *("metadata", "warning_kinds", "readers"),
    },
    "__main__": {"cli"},
    "__init__": {"api", "authority", "encode", "errors", "transforms"},
}
#: stages that must not import lxml themselves (text and plain data, no TEI)
NO_LXML = {"errors", "diagnostics", "dates", "model", "readers", "transforms"}


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield ("__init__" if parts == ("__init__",) else parts[0]), path


def _imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, module imported, names taken from it) for each import statement."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            raise AssertionError(f"{path}:{node.lineno}: relative import; write tei.… in full")


def _violations(stage: str, path: Path, where: str | None = None) -> Iterator[str]:
    """Each import of the module at ``path`` (of ``stage``) that its rules do not allow."""
    where = where or str(path.relative_to(PACKAGE.parent))
    for line, module, names in _imports(path):
        if module == "tei":
            wrong = [name for name in names if name != "__version__"] if stage != "__main__" else []
            if stage not in ("__init__", "cli") and (wrong or not names):
                yield f"{where}:{line}: imports {wrong or 'tei'} from the façade; import the stage"
            continue
        if module.split(".")[0] == "lxml" and stage in NO_LXML:
            yield f"{where}:{line}: {stage} must not import lxml"
        if not module.startswith("tei."):
            continue
        target = module.split(".")[1]
        if target != stage and target not in ALLOWED[stage]:
            yield f"{where}:{line}: {stage} imports {module}, against the pipeline's direction"


STAGES = sorted({stage for stage, _ in _modules()})


def test_every_stage_has_a_rule() -> None:
    assert set(STAGES) == set(ALLOWED), "add the new stage to ALLOWED (and docs/architecture.md)"


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_imports_only_what_it_may(stage: str) -> None:
    found = [v for s, path in _modules() if s == stage for v in _violations(s, path)]
    assert found == []


def test_the_check_finds_an_import_against_the_direction(tmp_path: Path) -> None:
    module = tmp_path / "header.py"
    module.write_text("from tei.readers import detect_layout\nfrom tei.model import Telegram\n")
    assert list(_violations("encode", module, "header.py")) == [
        "header.py:1: encode imports tei.readers, against the pipeline's direction"
    ]
    module.write_text("import lxml.etree\nfrom tei import read\nfrom tei import __version__\n")
    assert list(_violations("model", module, "model.py")) == [
        "model.py:1: model must not import lxml",
        "model.py:2: imports ['read'] from the façade; import the stage",
    ]
