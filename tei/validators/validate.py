"""TEI → located diagnostics, at three levels, through one iterator (the xmlschema design).

- ``project``: the project's customisation, ``schemas/telegram.xsd`` (libxml2 decides,
  xmlschema explains what libxml2 refuses: see :mod:`tei.validators.xsd`) and
  ``schemas/telegram.sch``
  (ISO Schematron, run by lxml): exactly what ``tei convert`` and ``tei corpus`` write,
  with typed values, resolving pointers, ordered dates, no bracket left as text, and an
  ``editorialDecl`` in step with the body.
- ``tei``: the official ``tei_all`` RELAX NG with jing (the reference validator), and the
  rules embedded in tei_all that are XPath 1.0 (see :mod:`tei.validators.schematron`).
- ``all``: both.

:func:`iter_diagnostics` is the iterator of one document's findings; :func:`validate` and
:func:`is_valid` are built on it. :func:`iter_documents` and :func:`validate_documents` run the
same stages over a batch with a single jing run (one JVM start for any number of files) that
works while Python checks the same files, optionally in worker processes.
Every document is first parsed safely (:func:`tei.io.xmlio.parse_xml`): no DTD, no entities, no
network, and jing only ever sees documents that passed that parse. The checks of one document
are :mod:`tei.validators.checks`, the jing thread :mod:`tei.validators.jing_run`; this module
chooses them by level and runs them over a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from tei.diagnostics import Diagnostic, Severity
from tei.errors import TeiError
from tei.validators.checks import (
    _embedded_diagnostics,
    _embedded_rules,
    _parse,
    _parses,
    _project_diagnostics,
)
from tei.validators.jing_run import _JingRun

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

LEVELS = ("project", "tei", "all")
PROJECT_LEVELS = frozenset({"project", "all"})
TEI_LEVELS = frozenset({"tei", "all"})


class InvalidDocument(TeiError):
    """A document failed validation; ``diagnostics`` holds every finding, in document order."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        first = next(d for d in diagnostics if d.severity is Severity.ERROR)
        super().__init__(first.message, source=first.source, line=first.line, column=first.column)
        self.diagnostics = diagnostics


def iter_diagnostics(source_name: str, data: bytes, level: str = "project") -> Iterator[Diagnostic]:
    """Every finding about one document at ``level``, in document order, each located at the
    start tag of its element (problems of the whole file first).

    A document that is not well-formed (or is refused for safety) gives one diagnostic and
    nothing else: no schema can say more about it.
    """
    check_level(level)
    document, problem = _parse(source_name, data)
    if document is None:
        yield problem
        return
    jing = _JingRun({source_name: data}) if level in TEI_LEVELS else None
    found = list(_project_diagnostics(document)) if level in PROJECT_LEVELS else []
    if jing is not None:
        found += jing.result().get(source_name, [])
        found += _embedded_diagnostics(document)
    yield from in_document_order(found)


def in_document_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """By line and column, whichever check found them; those about the whole file first."""
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0))


def validate(source_name: str, data: bytes, level: str = "project") -> None:
    """Raise :class:`InvalidDocument` with every finding if the document has any error."""
    diagnostics = list(iter_diagnostics(source_name, data, level))
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise InvalidDocument(diagnostics)


def is_valid(source_name: str, data: bytes, level: str = "project") -> bool:
    """True when the document has no error at ``level`` (warnings do not count)."""
    return not any(d.severity is Severity.ERROR for d in iter_diagnostics(source_name, data, level))


def iter_documents(
    documents: Iterable[tuple[str, bytes]], level: str = "project", jobs: int = 1
) -> Iterator[tuple[str, list[Diagnostic]]]:
    """Each document's name and findings, in the order given, with one jing run for all.

    jing starts first, in a thread, on every document that parses; Python then checks them one by
    one (each tree is dropped when its checks are done, so memory holds bytes, not trees) while
    the JVM starts and validates. With ``jobs`` > 1 the Python checks run in that many worker
    processes (one core checks about two thousand telegrams a second at the project level, most
    of it in Schematron; tei_all's embedded rules cost about as much again). At the ``project``
    level results stream out as they are made; at the others they wait for jing.
    """
    check_level(level)
    items = list(documents)
    workers = min(jobs, len(items) // MIN_PER_JOB)
    if level in TEI_LEVELS:  # jing's JVM keeps a core busy: one worker fewer (measured faster)
        workers = min(workers, jobs - 1)
    pool = _worker_pool(workers, level) if workers > 1 else None  # before the jing thread
    finished = False
    try:
        jing = None
        if level in TEI_LEVELS:
            jing = _JingRun({name: data for name, data in items if _parses(name, data)})
        tasks = [(name, data, level) for name, data in items]
        if pool is None:
            checked = map(_python_checks, tasks)
        else:  # a worker that dies (the OOM killer) raises BrokenProcessPool here, not a hang
            checked = pool.map(_python_checks, tasks, chunksize=max(1, len(tasks) // (workers * 8)))
        pending = []
        for (name, _), (findings, embedded, parsed) in zip(items, checked, strict=True):
            if jing is None:
                yield name, in_document_order(findings)
            else:
                pending.append((name, findings, embedded, parsed))
        if jing is not None:
            found = jing.result()
            for name, findings, embedded, parsed in pending:
                jing_findings = found.get(name, []) if parsed else []
                yield name, in_document_order(findings + jing_findings + embedded)
        finished = True
    finally:
        if pool is not None:
            _stop(pool, finished)


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Let the workers exit; if the batch was cut short, drop the work not yet started."""
    pool.shutdown(wait=True, cancel_futures=not finished)


def _python_checks(task: tuple[str, bytes, str]) -> tuple[list[Diagnostic], list[Diagnostic], bool]:
    """One document's checks done in Python: its own findings, tei_all's embedded rules'
    findings, and whether it parsed (a module-level function, so worker processes can run it)."""
    name, data, level = task
    document, problem = _parse(name, data)
    if document is None:
        return [problem], [], False
    findings = list(_project_diagnostics(document)) if level in PROJECT_LEVELS else []
    embedded = list(_embedded_diagnostics(document)) if level in TEI_LEVELS else []
    return findings, embedded, True


#: below this many documents per worker, starting workers costs more than it saves
MIN_PER_JOB = 50


def _worker_pool(workers: int, level: str) -> ProcessPoolExecutor:
    """A pool of processes for the Python checks (:func:`tei.parallel.worker_pool`: forked at
    once, before the jing thread starts; a killed worker fails the batch instead of hanging it).

    The schemas are built first, so every forked worker inherits them instead of loading them
    again (a spawned worker builds them once, as it starts).
    """
    from tei.parallel import worker_pool

    preload(level)
    return worker_pool(workers, initializer=preload, initargs=(level,))


def validate_documents(
    documents: Mapping[str, bytes], level: str = "project", jobs: int = 1
) -> dict[str, list[Diagnostic]]:
    """Findings for each of many documents, keyed as given (:func:`iter_documents`)."""
    return dict(iter_documents(documents.items(), level, jobs))


def preload(level: str) -> None:
    """Build the schemas ``level`` needs now rather than on the first document.

    A long-lived caller (or a process about to fork workers) can then ``gc.freeze()`` them:
    the cyclic collector otherwise walks the schemas' many objects again and again, which costs
    a quarter of a batch's time.
    """
    check_level(level)
    if level in PROJECT_LEVELS:
        from tei.validators.schematron import project_schematron
        from tei.validators.xsd import compiled_schema

        project_schematron()
        compiled_schema()  # xmlschema is loaded only when a document needs explaining
    if level in TEI_LEVELS:
        _embedded_rules()


def check_level(level: str) -> None:
    """Refuse an unknown level before any work is done."""
    if level not in LEVELS:
        raise ValueError(f"unknown validation level {level!r}; choose from {', '.join(LEVELS)}")
